"""Lines around the speech: a scraper's front matter, datelines, separators and end lines.

They are kept and shown (as notes), never dropped and never joined into a speech:

* a YAML front-matter block at the very top (``---`` … ``---``) is one note block;
* datelines and end lines (``dateline_patterns``: "10:02 A.M. EDT", "By video link", "END", a
  closing link) and separators (``* * *``) are notes of their own, never joined to a neighbour;
* before the first label, a short line that ends no sentence ("James S. Brady Press Briefing
  Room") is a header line, not the start of a speech.
"""

from __future__ import annotations

import re

from .blocks import LINE_BREAK, Block, is_separator
from .layout import Layout

_FENCE = re.compile(r"---\s*")
_FRONT_MATTER_MAX_LINES = 80
HEADER_MAX_WORDS = 10
_ABOUT_THE_TEXT = re.compile(
    r"^\(?(?:the following is|this is|below is|what follows is|this transcript|transcript)\b[^.]{0,80}\btranscript"
    r"|\b(?:near-verbatim|unofficial|rush|edited) transcript\b|\bedited for (?:length|clarity)\b",
    re.I,
)


def with_front_matter(blocks: list[Block], text: str) -> tuple[list[Block], Block | None]:
    """The blocks, with a front-matter block at the top of the text made into one block (also returned)."""
    lines = LINE_BREAK.split(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _FENCE.fullmatch(lines[first].lstrip("\ufeff")):
        return blocks, None
    end = next(
        (
            i
            for i in range(first + 1, min(len(lines), first + _FRONT_MATTER_MAX_LINES))
            if _FENCE.fullmatch(lines[i]) or lines[i].strip() == "..."
        ),
        None,
    )
    if end is None:
        return blocks, None
    inside = [b for b in blocks if b.line <= end + 1]
    rest = [b for b in blocks if b.line > end + 1]
    merged = Block(" ".join(b.text for b in inside), inside[0].line, end + 1)
    return [merged, *rest], merged


def is_dateline(text: str, layout: Layout) -> bool:
    """A dateline, time, end line or link alone in its block, or a separator."""
    if is_separator(text):
        return True
    bare = text.strip().strip("*_").strip()
    return any(p.fullmatch(bare) for p in layout.datelines)


def is_header_line(text: str) -> bool:
    """A short line before the first label that ends no sentence (a place, a room, a heading), or a line
    about the transcript itself ("The following is a near-verbatim transcript of …")."""
    bare = text.strip().strip("*_").strip()
    if _ABOUT_THE_TEXT.search(bare):
        return True
    words = bare.split()
    if not words or len(words) > HEADER_MAX_WORDS or bare.endswith(("?", "!", ":", ",")):
        return False
    return not bare.endswith(".") or "." in words[-1][:-1]  # "Washington, D.C." ends no sentence
