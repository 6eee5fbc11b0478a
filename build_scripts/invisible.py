"""Characters that change what a reader sees without being seen: bidirectional controls and zero-width characters.

A right-to-left override (U+202E) makes "txt.exe" show as "exe.txt"; a zero-width space
splits a word nobody sees split. In a diff they are invisible, so a reviewer would approve
text that reads otherwise once published. Contributor-written YAML may not hold them (a
problem at each); a transcript keeps them, as the source has them, with a warning, and the
edition shows each one as a visible mark (render/markdown.py). A joiner inside a word of a
script that needs it (Persian, Hindi, an emoji sequence) is neither: see ``hides_text``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .problems import Problem, Severity

BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]  # a leading BOM is taken off when a file is read
INVISIBLE = {chr(code): f"U+{code:04X} {unicodedata.name(chr(code))}" for code in BIDI_CONTROLS + ZERO_WIDTH}
"""Each character, by its label: 'U+202E RIGHT-TO-LEFT OVERRIDE'."""

JOINERS = re.compile("[\u200c\u200d]")
"""Zero-width non-joiner and joiner: invisible, but how Persian, the Indic scripts and emoji
sequences spell words, so between two such letters they are not reported (``hides_text``)."""
_FIND = re.compile("[" + "".join(INVISIBLE) + "]")


def hides_text(text: str, index: int) -> bool:
    """Whether the invisible character at ``index`` is one to report: all are but a joiner
    between two letters, marks or symbols outside ASCII (it cannot disguise an ASCII word)."""
    if not JOINERS.match(text, index):
        return True
    return not (_in_a_word(text[index - 1 : index]) and _in_a_word(text[index + 1 : index + 2]))


def _in_a_word(char: str) -> bool:
    return bool(char) and not char.isascii() and (unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "So")


def invisible_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, character) of each invisible character to report, 1-based, in reading order."""
    line, line_start, counted = 1, 0, 0
    for match in _FIND.finditer(text):
        if not hides_text(text, match.start()):
            continue
        line += text.count("\n", counted, match.start())
        counted = match.start()
        line_start = text.rfind("\n", 0, match.start()) + 1
        yield line, match.start() - line_start + 1, match.group()


def marker(char: str) -> str:
    """How the edition shows the character: its code point between angle brackets, '⟨U+202E⟩'."""
    return f"⟨{INVISIBLE[char].split()[0]}⟩"


def invisible_character_problems(text: str, shown: str, severity: Severity = "error") -> list[Problem]:
    """One problem per invisible character in the text of the file ``shown``: errors, or warnings for a transcript."""
    problems = []
    for line, col, char in invisible_characters(text):
        if severity == "warning":
            message = (
                f"invisible character {INVISIBLE[char]} in the transcript: kept, as the source has it, "
                f"and shown in the edition as {marker(char)}"
            )
            hint = "check it against the source"
        else:
            message = f"invisible character {INVISIBLE[char]}: it changes what readers see without being seen"
            hint = "delete it"
        problems.append(Problem(shown, line, col, message, hint, severity))
    return problems
