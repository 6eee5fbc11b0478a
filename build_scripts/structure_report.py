"""``python -m build_scripts report <id>``: a transcript's structure, for a person to review.

One line per turn (line of transcript.txt, speaker, kind, question, first words), then the
question table (number, asker, outlet, answerers, turns), then the transcript's warnings. What
is wrong is fixed with a layout option or an override (docs/adding-a-transcript.md).
"""

from __future__ import annotations

from pathlib import Path

from .check import assemble
from .model import Transcript
from .problems import Problem

FIRST_WORDS = 8


def structure_report(transcript: Transcript, problems: list[Problem]) -> list[str]:
    """The report's lines."""
    first_line = {t.id: t.paragraphs[0].line if t.paragraphs else 0 for t in transcript.turns}
    lines = [
        f"{transcript.meta.text_path}: {len(transcript.turns)} turns, {len(transcript.questions)} questions",
        "",
        f"{'line':>5}  {'turn':<5} {'speaker':<28} {'kind':<9} {'q':<4} first words",
    ]
    for turn in transcript.turns:
        words = " ".join(" ".join(p.text for p in turn.paragraphs).split()[:FIRST_WORDS])
        speaker = turn.speaker or (f"({turn.label})" if turn.label else "—")
        lines.append(f"{first_line[turn.id]:>5}  {turn.id:<5} {speaker:<28} {turn.kind:<9} {turn.question or '':<4} {words}")
    lines += ["", f"{'q':<4} {'asker':<28} {'outlet':<24} {'answerers':<40} turns"]
    for question in transcript.questions:
        turns = ", ".join(str(first_line[t]) for t in question.turns)
        lines.append(
            f"{question.number:<4} {question.asked_by or '—':<28} {question.outlet or '—':<24} "
            f"{', '.join(question.answered_by) or '—':<40} lines {turns}"
        )
    own = [p for p in problems if p.path == transcript.meta.text_path or p.path == transcript.meta.origin.path]
    lines += ["", f"{len(own)} warning(s) and problem(s)" + (":" if own else ""), *(str(p) for p in own)]
    return lines


def print_structure_report(root: Path, transcript_id: str) -> None:
    edition, problems = assemble(root / "data", root)  # the structure is wanted even while data has problems
    for transcript in edition.transcripts:
        if transcript.id == transcript_id:
            print("\n".join(structure_report(transcript, problems)))
            return
    raise SystemExit(f"unknown transcript '{transcript_id}'")
