"""``*Emphasis*`` markers in the source → plain text plus emphasised spans."""

from __future__ import annotations

import re

from ..model import Span

_EMPHASIS = re.compile(r"(?<![*\w])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![*\w])")


def split_emphasis(text: str) -> tuple[str, tuple[Span, ...]]:
    """Remove ``*emphasis*`` markers, returning the plain text and the emphasised spans."""
    spans: list[Span] = []
    plain: list[str] = []
    cursor = 0
    length = 0
    for match in _EMPHASIS.finditer(text):
        before = text[cursor : match.start()]
        plain.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append(Span(length, length + len(inner)))
        plain.append(inner)
        length += len(inner)
        cursor = match.end()
    plain.append(text[cursor:])
    return "".join(plain), tuple(spans)
