"""The whole check, as a list of phases: load → parse → anchor → resolve.

``assemble`` gathers every problem of every phase it can run, so that one `make check`
lists them all; rendering only ever sees an Edition that passed.
"""

from __future__ import annotations

from pathlib import Path

from .anchor import TranscriptIndex, place_annotation
from .load.files import load_records
from .load.markdown_body import body_problems
from .model import Edition, Placement
from .parse import parse_transcript
from .problems import Problem
from .resolve import reference_problems


def assemble(data_dir: Path, root: Path) -> tuple[Edition, list[Problem]]:
    """Read, parse and anchor everything under ``data_dir``; paths in problems are relative to ``root``."""
    records = load_records(data_dir, root)
    problems = list(records.problems)

    for annotation in records.annotations:
        problems += body_problems(annotation.body, annotation.origin.path, annotation.body_line,
                                  annotation.origin.col, f"annotation '{annotation.id}' body")
    for speaker in records.speakers:
        problems += body_problems(speaker.profile, speaker.origin.path, speaker.origin.line,
                                  speaker.origin.col, f"speaker '{speaker.id}' profile")

    transcripts = []
    for meta in records.transcripts:
        transcript, parse_problems = parse_transcript(meta)
        transcripts.append(transcript)
        problems += parse_problems

    edition = Edition(
        speakers={s.id: s for s in records.speakers},
        topics={t.id: t for t in records.topics},
        transcripts=sorted(transcripts, key=lambda t: (t.meta.date, t.id)),
        annotations=records.annotations,
        placements={},
        assignments=records.assignments,
    )
    problems += reference_problems(edition)
    edition.placements, anchor_problems = _place_all(edition)
    return edition, sorted(set(problems + anchor_problems), key=lambda p: (p.path, p.line, p.col, p.message))


def _place_all(edition: Edition) -> tuple[dict[str, Placement], list[Problem]]:
    indexes = {t.id: TranscriptIndex(t) for t in edition.transcripts}
    placements: dict[str, Placement] = {}
    problems: list[Problem] = []
    for annotation in edition.annotations:
        index = indexes.get(annotation.transcript)
        if index is None:
            continue  # reported by reference_problems
        placement, found = place_annotation(annotation, index)
        problems += found
        if placement is not None:
            placements.setdefault(annotation.id, placement)
    return placements, problems
