"""Raw text → blocks: split at blank lines, then mend what the PDF extraction broke.

A *block* is a run of non-blank lines, joined with single spaces. Page breaks in the
source cut sentences in two (often with several blank lines between the halves), so a
block that does not end a sentence is joined with the next one — unless the next one
starts a new speaker. Headings split over lines or blank lines mend the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .layout import SENTENCE_END

LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Only these end a line, as in editors (str.splitlines would also split at a form feed or U+2028, and shift line numbers)."""
_BOLD = re.compile(r"^\*\*(.*)\*\*$|^__(.*)__$", re.S)


@dataclass(slots=True)
class Block:
    """Text of one or more source lines, whitespace-normalised, with its first line number."""

    text: str
    line: int
    last: int = 0
    """The last source line of the block (0: the same as ``line``)."""

    @property
    def end(self) -> int:
        return max(self.line, self.last)


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces included) into one space, and strip.

    ``str.split()`` splits at exactly the characters that ``\\s`` matches (both ask
    Py_UNICODE_ISSPACE; a test checks every code point) and is several times faster than a
    regular-expression substitution on whole paragraphs.
    """
    return " ".join(text.split())


def strip_bold(text: str) -> str:
    """Remove ``**…**`` or ``__…__`` wrapping a whole heading or label."""
    match = _BOLD.match(text)
    return (match.group(1) or match.group(2) or "").strip() if match else text


def is_separator(text: str) -> bool:
    """A line of one repeated non-letter, non-digit character (``* * *``, ``***``, ``---``, ``•••``)."""
    bare = "".join(text.split())
    return len(bare) >= 3 and len(set(bare)) == 1 and not bare[0].isalnum()


def split_blocks(text: str, per_line: bool = False) -> list[Block]:
    """Split at blank lines (lines of only whitespace, NBSP included); with ``per_line``, at every line.

    A separator line (``* * *``) is always a block of its own, even without blank lines around it.
    """
    blocks: list[Block] = []
    current: list[str] = []
    start = 0

    def close(last: int) -> None:
        if current:
            blocks.append(Block(normalise_space(" ".join(current)), start, last))
            current.clear()

    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        if not line.strip():
            close(number - 1)
            continue
        if per_line or is_separator(line):
            close(number - 1)
        if not current:
            start = number
        current.append(line)
        if is_separator(line):
            close(number)
    close(number if text else 0)
    return blocks


def ends_sentence(text: str) -> bool:
    """True when the block's last visible character closes a sentence or a label."""
    bare = text.rstrip("*_ ")
    return not bare or bare[-1] in SENTENCE_END


def mend_breaks(
    blocks: list[Block], starts_turn: Callable[[str], bool], joins: Callable[[Block, Block], bool | None] = lambda _a, _b: None
) -> list[Block]:
    """Join each block that does not end a sentence with the block after it.

    ``starts_turn`` tells whether a block opens with a speaker label; such a block is never
    glued to the previous one, since a label starts a new turn whatever came before.
    ``joins(previous, block)`` may decide instead (True or False; None leaves it to the rule):
    separators, datelines and editor overrides use it.
    """
    mended: list[Block] = []
    last_raw: Block | None = None
    for block in blocks:
        previous = mended[-1] if mended else None
        decided = joins(last_raw, block) if last_raw is not None else None
        if decided is None:
            decided = previous is not None and not ends_sentence(previous.text) and not starts_turn(block.text)
        if previous is not None and decided:
            previous.text = f"{previous.text} {block.text}"
            previous.last = block.end
        else:
            mended.append(Block(block.text, block.line, block.end))
        last_raw = block
    return mended


def take_title(blocks: list[Block], title: str, count: int | None) -> tuple[list[str], list[Block]]:
    """Separate the heading blocks from the body.

    With ``count`` the first ``count`` blocks are the title; otherwise leading blocks are
    taken while their words are a prefix of the metadata title (ignoring case and markup).
    """
    if count is not None:
        return [b.text for b in blocks[:count]], blocks[count:]
    wanted = _words(title)
    taken: list[str] = []
    seen: list[str] = []
    for block in blocks:
        candidate = seen + _words(strip_bold(block.text))
        if not candidate or candidate != wanted[: len(candidate)]:
            break
        taken.append(block.text)
        seen = candidate
        if seen == wanted:
            break
    return taken, blocks[len(taken) :]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[\w'’-]+", text.replace("#", " "))]
