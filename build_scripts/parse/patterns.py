"""Layout patterns, compiled for RE2: matching takes time linear in the text, whatever the pattern.

Python's ``re`` backtracks: a pattern such as ``(\\w+\\s?)*!`` in an edition.yml kept a check
busy for minutes on one paragraph, and anyone can open a pull request. RE2 (through Google's
binding) never backtracks. Editors still write Python syntax, so the pattern is read by
``re`` first (its error messages point at the mistake), then ``\\w``, ``\\d`` and ``\\s`` are
spelled out as the Unicode classes they mean in Python (RE2's are ASCII only), ``\\uXXXX``
and ``\\Z`` are rewritten in RE2's words, and RE2 compiles the result. What RE2 cannot run
(backreferences, lookarounds, possessive repeats) is refused with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Protocol

import re2  # type: ignore[import-untyped]  # google-re2 ships no type information


class PatternMatch(Protocol):
    def start(self) -> int: ...
    def end(self) -> int: ...
    def groupdict(self) -> dict[str, str | None]: ...


class Pattern(Protocol):
    """What the parser uses of a compiled pattern (RE2's and ``re``'s both have it)."""

    @property
    def pattern(self) -> str: ...
    @property
    def groupindex(self) -> Mapping[str, int]: ...
    def search(self, text: str) -> PatternMatch | None: ...
    def fullmatch(self, text: str) -> PatternMatch | None: ...
    def finditer(self, text: str) -> Iterator[PatternMatch]: ...


class PatternError(ValueError):
    """A pattern that cannot be used: the message says why, the hint what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def _ranges(chars: list[int]) -> str:
    """A character-class body (RE2 syntax) holding exactly the code points ``chars`` (sorted)."""
    out, start = [], 0
    while start < len(chars):
        end = start
        while end + 1 < len(chars) and chars[end + 1] == chars[end] + 1:
            end += 1
        first, last = chars[start], chars[end]
        out.append(f"\\x{{{first:x}}}" + (f"-\\x{{{last:x}}}" if last > first else ""))
        start = end + 1
    return "".join(out)


_SPACE = _ranges([c for c in range(0x3001) if chr(c).isspace()])  # no white space lies above U+3000
_CLASSES = {"w": r"\p{L}\p{N}_", "d": r"\p{Nd}", "s": _SPACE}
"""Python's meaning of ``\\w``, ``\\d`` and ``\\s`` on text, as RE2 class bodies."""

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print each refused pattern to stderr

_HINTS = (
    (
        "invalid escape sequence: \\\\[1-9]",
        "backreferences (\\1) cannot be run in linear time: write the repeated words out, or capture them once",
    ),
    (
        "invalid perl operator: \\(\\?P$",
        "backreferences ((?P=name)) cannot be run in linear time: write the repeated words out, or capture them once",
    ),
    (
        "invalid perl operator: \\(\\?<?[=!]",
        "lookarounds ((?=…), (?!…), (?<=…), (?<!…)) are not supported: "
        "match the neighbouring words as part of the pattern, in a (?:…) group",
    ),
    (
        "invalid perl operator: \\(\\?>|bad repetition operator: [*+?}]\\+",
        "atomic groups and possessive repeats are not needed here (matching never backtracks): write a plain *, + or ? and (?:…)",
    ),
    ("invalid repetition size", "a repeat count may be at most 1000: use + or *"),
    ("pattern too large", "the pattern is too large: split it into several shorter patterns"),
)


@cache
def compile_pattern(text: str) -> Pattern:
    """``text`` compiled for RE2 (once per distinct text); raises PatternError."""
    try:
        re.compile(text)
    except re.error as error:
        raise PatternError(
            f"{text!r} is not a valid regular expression ({error})",
            "check the brackets and backslashes; in YAML, write patterns in single quotes",
        ) from None
    try:
        compiled: Pattern = re2.compile(_for_re2(text), _OPTIONS)
    except re2.error as error:
        reason = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        hint = next(
            (h for found, h in _HINTS if re.search(found, reason)),
            "patterns run on RE2, which takes most of Python's syntax; see https://github.com/google/re2/wiki/Syntax",
        )
        raise PatternError(f"{text!r} cannot be run in linear time ({reason})", hint) from None
    return compiled


def _for_re2(text: str) -> str:
    """The pattern in RE2's syntax, with Python's meaning (see the module docstring)."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            escape, index = _escape(text, index + 1, in_class)
            out.append(escape)
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            index += 1
            for literal in ("^", "]"):  # '[^]…]' and '[]…]': a first ']' is a character, not the end
                if text.startswith(literal, index):
                    out.append(literal)
                    index += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _escape(text: str, index: int, in_class: bool) -> tuple[str, int]:
    """RE2's spelling of the escape whose letter is at ``index``, and where the pattern goes on."""
    letter = text[index]
    if letter in _CLASSES:
        body = _CLASSES[letter]
        return (body if in_class else f"[{body}]"), index + 1
    if letter.lower() in _CLASSES:
        if in_class:
            raise PatternError(
                f"{text!r}: \\{letter} inside [...] is not supported",
                f"write [^…] listing what to exclude, or use \\{letter} outside the brackets",
            )
        return f"[^{_CLASSES[letter.lower()]}]", index + 1
    digits = {"u": 4, "U": 8}.get(letter, 0)
    if digits:
        return f"\\x{{{text[index + 1 : index + 1 + digits]}}}", index + 1 + digits
    if letter == "Z":
        return r"\z", index + 1
    return "\\" + letter, index + 1
