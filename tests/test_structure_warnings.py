"""Warnings about structure that is probably wrong: each at its line of transcript.txt, with the fix."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from build_scripts.model import Origin, Override, TranscriptMeta
from build_scripts.parse import parse_transcript
from tests.factories import PEOPLE

INTRO = "Title\n\nJane Smith, Fixture Gazette.\n\n"  # line 3 names everyone, so no name is undeclared


def warnings(text: str, *overrides: Override) -> list[tuple[int, str]]:
    meta = TranscriptMeta("t", "Title", "2001", "P", "O", "en", "Pub", None, "", "", PEOPLE, INTRO + text, "t.txt", overrides=overrides)
    _, problems = parse_transcript(meta)
    assert all(p.severity == "warning" and p.path == "t.txt" and p.hint for p in problems)
    return [(p.line, p.message) for p in problems]


ANSWERED = "Moderator: Hello.\n\nFixture Gazette: Why?\n\nJane Smith: Because.\n\n"  # lines 5, 7, 9


def test_a_well_formed_exchange_has_no_warning() -> None:
    assert warnings(ANSWERED) == []


def test_a_question_with_no_answer() -> None:
    assert warnings(ANSWERED + "Fixture Gazette: And then?\n\nModerator: Next question, please.") == [(11, "question 2 has no answer")]


def test_an_answer_before_any_question() -> None:
    assert warnings("A: Yes, it opened.\n\n" + ANSWERED) == [(5, "an answer before any question")]


def test_a_moderator_listed_as_an_answerer() -> None:
    override = Override(7, "", kind="answer", origin=Origin("t/edition.yml", 30))
    found = warnings("Fixture Gazette: Why?\n\nModerator: Because.\n\nJane Smith: Because.", override)
    assert found == [(5, "question 1 lists 'mod' (moderator) as an answerer")]


def test_long_narration_after_the_opening() -> None:
    narration = " ".join(["word"] * 45) + "."
    assert warnings(ANSWERED + f"END\n\n{narration}") == [(11, "45 words of narration that nobody speaks, after the opening")]


def test_a_questioner_turn_that_asks_nothing_but_opens_a_question() -> None:
    override = Override(11, "", question="", origin=Origin("t/edition.yml", 30))
    found = warnings(ANSWERED + "Fixture Gazette: Thank you.\n\nJane Smith: You are welcome.", override)
    assert found == [(11, "question 2 opens with a turn that asks nothing")]


def test_a_participant_who_never_speaks() -> None:
    assert warnings("Moderator: Hello.\n\nFixture Gazette: Why?\n\nModerator: No answer.") == [
        (3, "participant 'smith' never opens a turn"),
        (7, "question 1 has no answer"),
    ]


def test_a_label_that_names_nobody() -> None:
    assert warnings(ANSWERED + "SECRETARY PELL: Yes, indeed.") == [
        (11, "'SECRETARY PELL:' looks like a speaker label but names no participant")
    ]


def test_check_warns_and_strict_fails(project: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    text = project / "data" / "transcripts" / "xinjiang-2020-06-19" / "transcript.txt"
    assert cli(project, "check", "--strict").returncode == 0  # the published edition passes strict
    lines = text.read_bytes().count(b"\n")
    text.write_bytes(text.read_bytes() + b"\n\nEND\n\n" + b" ".join([b"word"] * 45) + b".\n")
    warned = cli(project, "check")
    assert warned.returncode == 0
    assert f"transcript.txt:{lines + 3}:1: warning: 45 words of narration that nobody speaks" in warned.stderr
    strict = cli(project, "check", "--strict")
    assert strict.returncode == 1 and "1 warning(s), which --strict counts" in strict.stderr


def test_report_prints_each_turn_and_the_question_table(project: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    result = cli(project, "report", "xinjiang-2020-06-19")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("transcript.txt: 43 turns, 10 questions")
    assert "   25  t3    xinhua                       question  q1   Of late days, the US signed the “Uyghur" in lines
    table = lines[lines.index(next(line for line in lines if line.startswith("q    asker"))) + 1 :]
    assert table[3].split()[:4] == ["4", "xinjiang-broadcast-television", "—", "muradil-muhtar,"]
    assert lines[-1] == "0 warning(s) and problem(s)"
    assert cli(project, "report", "no-such-id").returncode != 0
