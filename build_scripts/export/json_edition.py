"""The machine-readable edition: one JSON file per transcript (schemas/export.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from ..history.records import credit
from ..indexes import Indexes
from ..model import Annotation, Edition, Placement, Question, Transcript
from ..register import Reference, references


def transcript_json(transcript: Transcript, edition: Edition, ix: Indexes) -> dict[str, Any]:
    meta = transcript.meta
    annotations = [ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, [])]
    topic_ids = sorted(ix.topics_of_transcript.get(transcript.id, []))
    return {
        "id": meta.id,
        "title": meta.title,
        "date": meta.date,
        "place": meta.place,
        "organiser": meta.organiser,
        "language": meta.language,
        "source": {"publisher": meta.publisher, "url": meta.source_url, "note": meta.source_note, "status": meta.source_status},
        "summary": [
            {"text": s.text, "sources": [source_json(ref) for ref in references(s.sources, edition)], "passages": list(s.passages)}
            for s in meta.summary
        ],
        "speakers": _speakers_json(transcript, edition),
        "turns": _turns_json(transcript, ix),
        "questions": [
            {
                "id": q.id,
                "number": q.number,
                "subject": q.subject or None,
                "asked_by": q.asked_by,
                "outlet": _outlet_name(q, edition),
                "answered_by": q.answered_by,
                "turns": q.turns,
            }
            for q in transcript.questions
        ],
        "topics": [
            {"id": t, "title": edition.topics[t].title, "description": edition.topics[t].description, "broader": edition.topics[t].broader}
            for t in topic_ids
        ],
        "annotations": [_annotation(a, edition.placements[a.id], edition) for a in annotations],
    }


def _speakers_json(transcript: Transcript, edition: Edition) -> list[dict[str, Any]]:
    return [
        {
            "id": p.speaker,
            "name": edition.speakers[p.speaker].name,
            "aliases": sorted(set(p.names) - {edition.speakers[p.speaker].name}),
            "kind": p.kind,
            "role": p.role,
            "organisation": p.organisation,
            "labels": list(p.labels),
        }
        for p in {p.speaker: p for p in transcript.meta.participants}.values()
    ]


def _turns_json(transcript: Transcript, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "id": turn.id,
            "speaker": turn.speaker,
            "kind": turn.kind,
            "label": turn.label,
            "question": turn.question,
            "topics": ix.topics_of_passage.get((transcript.id, turn.id), []),
            "paragraphs": [
                {
                    "id": p.id,
                    "text": p.text,
                    "kind": p.kind,
                    "emphasis": [[s.start, s.end] for s in p.emphasis],
                    "topics": ix.topics_of_passage.get((transcript.id, p.id), []),
                }
                for p in turn.paragraphs
            ],
        }
        for turn in transcript.turns
    ]


def source_json(ref: Reference) -> dict[str, Any]:
    """A cited source as the exports give it: the work, its publisher and type, addresses and pinpoint."""
    source, cited = ref.source, ref.citation
    return {
        "id": source.id,
        "title": source.title,
        "authors": list(source.authors),
        "publisher": ref.publisher.name,
        "publisher_id": ref.publisher.id,
        "publisher_type": ref.publisher.type,
        "date": source.date or None,
        "url": source.url or None,
        "archive_url": source.archive_url or None,
        "read_at": source.read_at or None,
        "language": source.language,
        "pinpoint": {"quote": cited.quote or None, "page": cited.page or None, "paragraph": cited.paragraph or None},
    }


def _annotation(a: Annotation, placement: Placement, edition: Edition) -> dict[str, Any]:
    found, history = credit(edition.history, "annotation", a.id, a.author, a.date), edition.history
    return {
        "id": a.id,
        "kind": a.kind,
        "paragraph": placement.paragraph,
        "start": placement.span.start,
        "end": placement.span.end,
        "quote": a.anchor.quote,
        "prefix": a.anchor.prefix,
        "suffix": a.anchor.suffix,
        "body": a.body,
        "sources": [source_json(ref) for ref in references(a.sources, edition)],
        "topics": list(a.topics),
        "author": a.author,
        "date": a.date,
        "reading": a.reading or None,
        "see_paragraph": placement.see_paragraph,
        # A published site exports no draft (generate.without_drafts); `make serve` exports them, marked.
        "status": a.status,
        "reviewed_by": a.reviewed_by or None,
        "created": found.created,
        "modified": found.modified,
        "contributors": list(found.contributors),
        "history": [
            {
                "date": c.date,
                "commit": c.commit,
                "url": history.commit_url(c),
                "author": c.author,
                "summary": c.summary,
                "pull_request": c.pull_request,
            }
            for c in found.changes
        ],
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
"""One encoder for every file. No indentation: with ``indent`` the json module falls back from
its C encoder to pure Python, which made these files a tenth of the generation time. No
circular-reference check: the values are trees built just before, and the check costs a
dictionary entry per list and object."""


def json_text(value: object) -> str:
    """Stable JSON: keys in their meaningful order (never sorted), not ASCII-escaped, one line."""
    return _ENCODER.encode(value)


def json_bytes(value: object) -> bytes:
    """The JSON text of ``value`` as UTF-8, with a final newline."""
    return (_ENCODER.encode(value) + "\n").encode("utf-8")


def _outlet_name(question: Question, edition: Edition) -> str | None:
    """The outlet a moderator named with the asker, else the asker's own name (an outlet asking)."""
    who = question.outlet or question.asked_by
    return edition.speakers[who].name if who else None
