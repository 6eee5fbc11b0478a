"""How right the parsed structure is, against a person's golden file (``expected.yml`` of a layout fixture).

A turn is right when it starts at the golden line with the golden speaker; a question is right when
one parsed question starts at the golden question's first line with the same asker, outlet and
answerers. ``python -m tests.structure_score`` prints both accuracies for every fixture that has a
golden file, from its metadata alone and with its ``editor-overrides.yml``.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_scripts.load.records import transcript_meta_from
from build_scripts.load.yaml_file import read_yaml
from build_scripts.model import Transcript
from build_scripts.parse import parse_transcript

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"
GOLDEN = sorted(p.parent.name for p in FIXTURES.glob("*/expected.yml"))


@dataclass(frozen=True)
class Score:
    turns_right: int
    turns: int
    questions_right: int
    questions: int

    def __add__(self, other: Score) -> Score:
        return Score(
            self.turns_right + other.turns_right,
            self.turns + other.turns,
            self.questions_right + other.questions_right,
            self.questions + other.questions,
        )

    def percent(self) -> tuple[float, float]:
        return 100 * self.turns_right / max(self.turns, 1), 100 * self.questions_right / max(self.questions, 1)


def parse_fixture(name: str, with_overrides: bool) -> Transcript:
    """The fixture as `make check` parses it; with its editor-overrides.yml under ``overrides:`` when asked."""
    folder = FIXTURES / name
    value, root = read_yaml(folder / "edition.yml", f"{name}/edition.yml")
    extra = folder / "editor-overrides.yml"
    if with_overrides and extra.exists():
        text = (
            (folder / "edition.yml").read_text(encoding="utf-8")
            + "overrides:\n"
            + "".join(f"  {line}\n" for line in extra.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        )
        with tempfile.TemporaryDirectory() as scratch:  # never written into the working tree
            merged = Path(scratch) / "edition.yml"
            merged.write_text(text, encoding="utf-8")
            value, root = read_yaml(merged, f"{name}/edition.yml")
    source = (folder / "transcript.txt").read_text(encoding="utf-8")
    meta = transcript_meta_from(value, root, f"{name}/edition.yml", source, f"{name}/transcript.txt")
    transcript, problems = parse_transcript(meta)
    assert [p for p in problems if p.severity == "error"] == [], problems
    return transcript


def expected(name: str) -> dict[str, Any]:
    value: dict[str, Any] = yaml.safe_load((FIXTURES / name / "expected.yml").read_text(encoding="utf-8"))
    return value


def structure(transcript: Transcript) -> dict[str, Any]:
    """The parsed structure in the golden file's shape."""
    first = {t.id: t.paragraphs[0].line for t in transcript.turns if t.paragraphs}
    return {
        "turns": [[first[t.id], t.speaker, t.kind] for t in transcript.turns],
        "questions": [
            {"asker": q.asked_by, "outlet": q.outlet, "answerers": q.answered_by, "turns": [first[t] for t in q.turns]}
            for q in transcript.questions
        ],
    }


def score(transcript: Transcript, golden: dict[str, Any]) -> Score:
    got = structure(transcript)
    speaker_at = {line: speaker for line, speaker, _ in got["turns"]}
    turns_right = sum(1 for line, speaker, _ in golden["turns"] if line in speaker_at and speaker_at[line] == speaker)
    asked = {q["turns"][0]: q for q in got["questions"] if q["turns"]}
    questions_right = 0
    for question in golden["questions"]:
        found = asked.get(question["turns"][0])
        if found and all(found[key] == question[key] for key in ("asker", "outlet", "answerers")):
            questions_right += 1
    return Score(turns_right, len(golden["turns"]), questions_right, len(golden["questions"]))


def main() -> None:
    totals = {False: Score(0, 0, 0, 0), True: Score(0, 0, 0, 0)}
    print(f"{'fixture':34} {'metadata only: turns':>22} {'questions':>10}   {'with overrides: turns':>22} {'questions':>10}")
    for name in GOLDEN:
        row = [name.ljust(34)]
        for with_overrides in (False, True):
            result = score(parse_fixture(name, with_overrides), expected(name))
            totals[with_overrides] += result
            row.append(f"{result.turns_right:>17}/{result.turns:<4} {result.questions_right:>5}/{result.questions:<4}")
        print(" ".join(row))
    for with_overrides, total in totals.items():
        turns, questions = total.percent()
        label = "with overrides" if with_overrides else "metadata only"
        print(
            f"{label}: {turns:.1f}% of {total.turns} turns with the right speaker, "
            f"{questions:.1f}% of {total.questions} questions with the right asker, outlet and answerers"
        )


if __name__ == "__main__":
    main()
