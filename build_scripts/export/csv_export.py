"""Two CSV tables for spreadsheets: every paragraph, and every annotation (RFC 4180: UTF-8,
a header row, CRLF line ends, quotes only where needed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Edition, Indexes, Transcript
from ..register import references
from .webanno import placed_annotations

PARAGRAPHS = "paragraphs.csv"
ANNOTATIONS = "annotations.csv"
PARAGRAPH_COLUMNS = ("transcript", "paragraph", "turn", "speaker_id", "speaker_name", "kind", "text")
ANNOTATION_COLUMNS = ("transcript", "annotation", "paragraph", "start", "end", "kind", "quote", "body",
                      "sources", "topics", "author", "date")
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
"""A field with a comma, a double quote or a line end is quoted (RFC 4180, and csv.writer's
default dialect); any other is written as it is."""


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as bytes: UTF-8 without BOM, CRLF after every row, quotes only where needed.

    The bytes are those of ``csv.writer(lineterminator="\\r\\n")`` (tests compare the two), written
    directly: the csv module copies every field character by character, twice, which took
    two thirds of this export's time.
    """
    return "".join([_row(header), *map(_row, rows)]).encode("utf-8")


def _row(values: Sequence[object]) -> str:
    """One line: None as an empty field, numbers as str() gives them, quoted (inner quotes
    doubled) where needed. In one function, not one call a field: there are 10⁵ fields."""
    fields = [value if isinstance(value, str) else "" if value is None else str(value) for value in values]
    line = ",".join(['"' + field.replace('"', '""') + '"' if _NEEDS_QUOTES.search(field) else field for field in fields])
    if not line and len(values) == 1:
        return '""\r\n'  # as csv.writer does: a lone empty field quoted, or the row would read as blank
    return line + "\r\n"


def paragraph_rows(transcript: Transcript, edition: Edition) -> list[tuple[object, ...]]:
    """One transcript's paragraphs, in reading order."""
    rows: list[tuple[object, ...]] = []
    for turn in transcript.turns:
        name = edition.speakers[turn.speaker].name if turn.speaker else ""
        rows += [(transcript.id, p.id, turn.id, turn.speaker or "", name, p.kind, p.text) for p in turn.paragraphs]
    return rows


def annotation_rows(transcript: Transcript, edition: Edition, ix: Indexes) -> list[tuple[object, ...]]:
    """One transcript's placed annotations, in reading order; the quote as it stands in the
    paragraph; sources as one cell of URLs, one per line."""
    rows: list[tuple[object, ...]] = []
    for a, placement in placed_annotations(transcript, edition, ix):
        start, end = placement.span.start, placement.span.end
        text = ix.paragraphs[(a.transcript, placement.paragraph)].text
        rows.append((a.transcript, a.id, placement.paragraph, start, end, a.kind, text[start:end], a.body.strip(),
                     "\n".join(ref.link for ref in references(a.sources, edition)), " ".join(a.topics), a.author, a.date))
    return rows


def transcript_rows(transcript: Transcript, edition: Edition, ix: Indexes) -> tuple[str, str]:
    """One transcript's share of the two tables, as CSV text without header: (paragraphs, annotations)."""
    return ("".join(map(_row, paragraph_rows(transcript, edition))),
            "".join(map(_row, annotation_rows(transcript, edition, ix))))


def tables(shares: list[tuple[str, str]]) -> dict[str, bytes]:
    """``{paragraphs.csv, annotations.csv}`` from each transcript's ``transcript_rows``, in edition order."""
    return {PARAGRAPHS: table(PARAGRAPH_COLUMNS, []) + "".join(p for p, _ in shares).encode("utf-8"),
            ANNOTATIONS: table(ANNOTATION_COLUMNS, []) + "".join(a for _, a in shares).encode("utf-8")}
