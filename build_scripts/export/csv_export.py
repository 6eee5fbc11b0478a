"""Two CSV tables for spreadsheets: every paragraph, and every annotation (RFC 4180: UTF-8,
a header row, CRLF line ends, quotes only where needed)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..indexes import Indexes
from ..model import Edition, Transcript
from ..register import references
from .webanno import placed_annotations

PARAGRAPHS = "paragraphs.csv"
ANNOTATIONS = "annotations.csv"
PARAGRAPH_COLUMNS = ("transcript", "paragraph", "turn", "speaker_id", "speaker_name", "kind", "text")
ANNOTATION_COLUMNS = (
    "transcript",
    "annotation",
    "paragraph",
    "start",
    "end",
    "kind",
    "quote",
    "body",
    "sources",
    "topics",
    "author",
    "date",
)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as bytes: UTF-8 without BOM, a header row, CRLF after every row."""
    return _text([header, *rows]).encode("utf-8")


def _text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as csv.writer writes them: quotes only where needed (RFC 4180), None as an empty field."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


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
        rows.append(
            (
                a.transcript,
                a.id,
                placement.paragraph,
                start,
                end,
                a.kind,
                text[start:end],
                a.body.strip(),
                "\n".join(ref.link for ref in references(a.sources, edition)),
                " ".join(a.topics),
                a.author,
                a.date,
            )
        )
    return rows


def transcript_rows(transcript: Transcript, edition: Edition, ix: Indexes) -> tuple[str, str]:
    """One transcript's share of the two tables, as CSV text without header: (paragraphs, annotations)."""
    return _text(paragraph_rows(transcript, edition)), _text(annotation_rows(transcript, edition, ix))


def tables(shares: list[tuple[str, str]]) -> dict[str, bytes]:
    """``{paragraphs.csv, annotations.csv}`` from each transcript's ``transcript_rows``, in edition order."""
    return {
        PARAGRAPHS: table(PARAGRAPH_COLUMNS, []) + "".join(p for p, _ in shares).encode("utf-8"),
        ANNOTATIONS: table(ANNOTATION_COLUMNS, []) + "".join(a for _, a in shares).encode("utf-8"),
    }
