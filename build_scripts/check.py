"""The whole check, as a list of phases: load → parse → anchor → resolve.

``assemble`` gathers every problem of every phase it can run, so that one `make check`
lists them all; rendering only ever sees an Edition that passed.

Parsing a transcript and anchoring its annotations read that transcript's metadata and text
and the annotations that point at it, nothing else (a ``see_quote`` is looked for in the
same transcript): ``TranscriptInputs`` holds exactly those, and the work is memoised on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .anchor import TranscriptIndex, place_annotation
from .invisible import invisible_character_problems
from .load.files import Records, load_records
from .load.links import links_leaving
from .memo import Memo
from .model import Annotation, Edition, Placement, Transcript, TranscriptMeta
from .parse import parse_transcript
from .problems import Problem
from .register_check import register_problems
from .resolve import duplicate_id_problems, reference_problems
from .spellings import variant_problems


def assemble(data_dir: Path, root: Path, memo: Memo | None = None) -> tuple[Edition, list[Problem]]:
    """Read, parse and anchor everything under ``data_dir``; paths in problems are relative to ``root``."""
    memo = memo or Memo(None)
    leaving = links_leaving(root, (data_dir, root / "docs"))  # then nothing is read: see load/links.py
    records = Records(problems=leaving) if leaving else load_records(data_dir, root, memo)
    problems = list(records.problems)

    annotations_of: dict[str, list[Annotation]] = {}
    for annotation in records.annotations:
        annotations_of.setdefault(annotation.transcript, []).append(annotation)
    transcripts = []
    placement_of: dict[int, Placement] = {}  # by id() of the Annotation record
    for meta in records.transcripts:
        own = annotations_of.get(meta.id, [])
        transcript, placements, found = memo.get("transcript", TranscriptInputs(meta, tuple(own)), parse_and_place)
        transcripts.append(transcript)
        problems += found
        placement_of.update((id(a), p) for a, p in zip(own, placements) if p is not None)

    edition = Edition(
        speakers={s.id: s for s in records.speakers},
        topics={t.id: t for t in records.topics},
        transcripts=sorted(transcripts, key=lambda t: (t.meta.date, t.id)),
        annotations=records.annotations,
        placements={},
        assignments=records.assignments,
        publishers={p.id: p for p in records.publishers},
        sources={s.id: s for s in records.sources},
        repost_hosts=records.repost_hosts,
        about=records.about,
        spellings=tuple(records.spellings),
    )
    # Speakers and topics are keyed by id in the Edition: a second entry with an id would
    # silently replace the first, so duplicates are found on the records as read.
    problems += duplicate_id_problems(((s.id, s.origin) for s in records.speakers), "speaker")
    problems += duplicate_id_problems(((t.id, t.origin) for t in records.topics), "topic")
    problems += duplicate_id_problems(((p.id, p.origin) for p in records.publishers), "publisher")
    problems += duplicate_id_problems(((s.id, s.origin) for s in records.sources), "source")
    problems += reference_problems(edition) + register_problems(edition) + variant_problems(records.spellings)
    for annotation in records.annotations:  # of two with one id (a problem above), the first wins
        if id(annotation) in placement_of:
            edition.placements.setdefault(annotation.id, placement_of[id(annotation)])
    return edition, sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))


@dataclass(frozen=True)
class TranscriptInputs:
    """All that parsing one transcript and anchoring its annotations read."""

    meta: TranscriptMeta
    """Its edition.yml, with the text."""
    annotations: tuple[Annotation, ...]
    """The annotations that point at it, in the order they were read."""


def parse_and_place(inputs: TranscriptInputs) -> tuple[Transcript, list[Placement | None], list[Problem]]:
    """The parsed transcript, each annotation's placement (None if not found), and the problems of both."""
    transcript, problems = parse_transcript(inputs.meta)
    problems += invisible_character_problems(inputs.meta.text, inputs.meta.text_path, "warning")
    index = TranscriptIndex(transcript)
    placements: list[Placement | None] = []
    for annotation in inputs.annotations:
        placement, found = place_annotation(annotation, index)
        problems += found
        placements.append(placement)
    return transcript, placements, problems
