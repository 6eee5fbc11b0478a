"""Notes: editorial remarks in the source ("(Laughter.)", "[inaudible]", "Please watch a video.").

A whole block that matches a ``note_patterns`` entry is one note paragraph. Inline notes
(``inline_note_patterns``) cut a paragraph in pieces — speech, note, speech — so every word
stays, in order, and each note is still a paragraph of its own.
"""

from __future__ import annotations

from .layout import Layout


def is_note(text: str, layout: Layout) -> bool:
    """True when the whole text is a note."""
    return any(p.fullmatch(text.strip()) for p in layout.notes)


def split_inline_notes(text: str, layout: Layout) -> list[tuple[str, bool]]:
    """``[(piece, is_note), …]`` in reading order; a text without inline notes is one piece."""
    cuts = sorted((m.start(), m.end()) for p in layout.inline_notes for m in p.finditer(text) if m.end() > m.start())
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in cuts:
        if start < cursor:  # overlaps a note already cut (two patterns matched it)
            continue
        pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    pieces.append((text[cursor:], False))
    return [(piece.strip(), note) for piece, note in pieces if piece.strip()]
