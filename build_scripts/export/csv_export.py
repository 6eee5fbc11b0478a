"""Two CSV tables for spreadsheets: every paragraph, and every annotation (RFC 4180: UTF-8,
a header row, CRLF line ends, quotes only where needed)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..model import Edition, Indexes

PARAGRAPHS = "paragraphs.csv"
ANNOTATIONS = "annotations.csv"
PARAGRAPH_COLUMNS = ("transcript", "paragraph", "turn", "speaker_id", "speaker_name", "kind", "text")
ANNOTATION_COLUMNS = ("transcript", "annotation", "paragraph", "start", "end", "kind", "quote", "body",
                      "sources", "topics", "author", "date")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as bytes: UTF-8 without BOM, CRLF after every row (the csv module's default)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def paragraph_rows(edition: Edition) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for transcript in edition.transcripts:
        for turn in transcript.turns:
            name = edition.speakers[turn.speaker].name if turn.speaker else ""
            rows += [(transcript.id, p.id, turn.id, turn.speaker or "", name, p.kind, p.text) for p in turn.paragraphs]
    return rows


def annotation_rows(edition: Edition, ix: Indexes) -> list[tuple[object, ...]]:
    """Placed annotations, in reading order; the quote as it stands in the paragraph; sources as
    one cell of URLs, one per line."""
    order = {(t.id, p.id): (n, i) for n, t in enumerate(edition.transcripts) for i, p in enumerate(t.paragraphs())}
    placed = [a for a in edition.annotations if a.id in edition.placements]
    placed.sort(key=lambda a: (order[(a.transcript, edition.placements[a.id].paragraph)],
                               edition.placements[a.id].span.start, a.id))
    rows: list[tuple[object, ...]] = []
    for a in placed:
        placement = edition.placements[a.id]
        text = ix.paragraphs[(a.transcript, placement.paragraph)].text
        rows.append((a.transcript, a.id, placement.paragraph, placement.span.start, placement.span.end, a.kind,
                     text[placement.span.start:placement.span.end], a.body.strip(), "\n".join(s.url for s in a.sources), " ".join(a.topics),
                     a.author, a.date))
    return rows


def export_csv(edition: Edition, ix: Indexes) -> dict[str, bytes]:
    """``{paragraphs.csv, annotations.csv}`` for the whole edition; deterministic."""
    return {PARAGRAPHS: table(PARAGRAPH_COLUMNS, paragraph_rows(edition)),
            ANNOTATIONS: table(ANNOTATION_COLUMNS, annotation_rows(edition, ix))}
