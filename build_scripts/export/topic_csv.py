"""One CSV file per topic: its evidence table (build_scripts/evidence.py), the rows in the order of its
page, for a spreadsheet (RFC 4180, UTF-8, CRLF, as the other CSV tables: csv_export.py)."""

from __future__ import annotations

from ..evidence import table_name, topic_evidence
from ..indexes import Indexes
from ..model import Annotation, Edition
from ..question_titles import question_title
from ..register import references
from .csv_export import table

COLUMNS = (
    "topic",
    "kind",
    "annotation",
    "transcript",
    "question",
    "paragraph",
    "speaker_id",
    "speaker_name",
    "quote",
    "note",
    "sources",
    "source_types",
    "source_dates",
    "source_urls",
)


def topic_tables(edition: Edition, ix: Indexes) -> dict[str, bytes]:
    """``{topic-<id>.csv: bytes}`` for every topic with at least one note."""
    tables = {}
    for topic_id in sorted(edition.topics):
        notes = topic_evidence(topic_id, edition, ix)
        if notes:
            tables[table_name(topic_id)] = table(COLUMNS, [(topic_id, *evidence_row(a, edition, ix)) for a in notes])
    return tables


def evidence_row(annotation: Annotation, edition: Edition, ix: Indexes) -> tuple[str, ...]:
    """One note as a row: where it is, who speaks there, the words it annotates, the note (Markdown as written)
    and its sources, one per line in each source column, so that a cell's lines match across columns."""
    placement = edition.placements[annotation.id]
    key = (annotation.transcript, placement.paragraph)
    text = ix.paragraphs[key].text
    turn = ix.turn_of_paragraph[key]
    question = next((q for q in ix.transcripts[annotation.transcript].questions if q.id == turn.question), None)
    refs = references(annotation.sources, edition)
    return (
        annotation.kind,
        annotation.id,
        annotation.transcript,
        question_title(question, edition) if question else "",
        placement.paragraph,
        turn.speaker or "",
        edition.speakers[turn.speaker].name if turn.speaker else "",
        text[placement.span.start : placement.span.end],
        annotation.body.strip(),
        "\n".join(f"{r.source.title} ({r.publisher.name})" for r in refs),
        "\n".join(r.type_label for r in refs),
        "\n".join(r.source.date for r in refs),
        "\n".join(r.link for r in refs),
    )
