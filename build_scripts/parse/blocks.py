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

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Only these end a line, as in editors (str.splitlines would also split at a form feed or U+2028, and shift line numbers)."""
_BOLD = re.compile(r"^\*\*(.*)\*\*$|^__(.*)__$", re.S)


@dataclass(slots=True)
class Block:
    """Text of one or more source lines, whitespace-normalised, with its first line number."""

    text: str
    line: int


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


def split_blocks(text: str, per_line: bool = False) -> list[Block]:
    """Split at blank lines (lines of only whitespace, NBSP included); with ``per_line``, at every line."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.strip():
            if per_line and current:
                blocks.append(Block(normalise_space(" ".join(current)), start))
                current = []
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(Block(normalise_space(" ".join(current)), start))
            current = []
    if current:
        blocks.append(Block(normalise_space(" ".join(current)), start))
    return blocks


def ends_sentence(text: str) -> bool:
    """True when the block's last visible character closes a sentence or a label."""
    bare = text.rstrip("*_ ")
    return not bare or bare[-1] in SENTENCE_END


def mend_breaks(blocks: list[Block], starts_turn: Callable[[str], bool]) -> list[Block]:
    """Join each block that does not end a sentence with the block after it.

    ``starts_turn`` tells whether a block opens with a speaker label; such a block is never
    glued to the previous one, since a label starts a new turn whatever came before.
    """
    mended: list[Block] = []
    for block in blocks:
        previous = mended[-1] if mended else None
        if previous is not None and not ends_sentence(previous.text) and not starts_turn(block.text):
            previous.text = f"{previous.text} {block.text}"
        else:
            mended.append(Block(block.text, block.line))
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
    return taken, blocks[len(taken):]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[\w'’-]+", text.replace("#", " "))]
