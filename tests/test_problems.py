"""Problems: how errors and warnings print (in a terminal and as GitHub workflow commands), and that only errors
stop a check."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts import generate
from build_scripts.problems import Problem, ProblemsFound, errors_among, github_command, warnings_among

ERROR = Problem("data/a.yml", 3, 5, "something is wrong", "fix it")
WARNING = Problem("data/t/transcript.txt", 7, 2, "an invisible character", "look at it", severity="warning")


def test_an_error_prints_as_path_line_col_message_hint() -> None:
    assert str(ERROR) == "data/a.yml:3:5: something is wrong — fix it"


def test_a_warning_says_so_after_its_place() -> None:
    assert str(WARNING) == "data/t/transcript.txt:7:2: warning: an invisible character — look at it"


def test_errors_and_warnings_are_told_apart() -> None:
    assert errors_among([ERROR, WARNING]) == [ERROR]
    assert warnings_among([ERROR, WARNING]) == [WARNING]


def test_problems_found_counts_only_errors() -> None:
    found = ProblemsFound([WARNING, ERROR])
    assert found.errors == [ERROR]
    assert str(found) == "1 problem(s)"
    assert set(found.problems) == {ERROR, WARNING}


def test_a_check_with_only_warnings_prints_them_and_goes_on(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(generate, "assemble", lambda *args: ("the edition", [WARNING]))
    assert generate.checked_edition(Path("data"), Path(".")) == "the edition"
    assert capsys.readouterr().err == f"{WARNING}\n"


def test_a_check_with_an_error_stops_and_carries_the_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate, "assemble", lambda *args: ("the edition", [WARNING, ERROR]))
    with pytest.raises(ProblemsFound) as raised:
        generate.checked_edition(Path("data"), Path("."))
    assert raised.value.errors == [ERROR]
    assert WARNING in raised.value.problems


BROKEN = """\
- id: my-note
  transcript: xinjiang-2020-06-19
  anchor:
    quote: "the moon is made of cheese"
  kind: context
  body: A body.
  sources:
    - source: hrw-2018-eradicating-ideological-viruses
      quote: "mass arbitrary detention"
      page: "1"
      paragraph: "2"
  author: Tester
  date: "2026-01-01"
"""


def test_check_format_github_marks_the_line_of_a_broken_annotation(
    project: Path, cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """The real command on a copy of the project; the file name has the three characters a property escapes."""
    (project / "data" / "annotations" / "100%, new: mine.yml").write_text(BROKEN, encoding="utf-8")
    github = cli(project, "check", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.splitlines() == [
        "::error file=data/annotations/100%25%2C new%3A mine.yml,line=4,col=12::annotation 'my-note': the anchor "
        'quote was not found in xinjiang-2020-06-19; closest passage (p4, 62%25 alike): "e the name of the news '
        'pre" — copy the words exactly from the transcript (only spacing and curly/straight quotes may differ)'
    ]
    text = cli(project, "check")
    assert text.stderr.splitlines()[0] == (
        "data/annotations/100%, new: mine.yml:4:12: annotation 'my-note': the anchor quote was not found in "
        'xinjiang-2020-06-19; closest passage (p4, 62% alike): "e the name of the news pre" — copy the words '
        "exactly from the transcript (only spacing and curly/straight quotes may differ)"
    )
    assert text.stdout == ""


def test_check_format_github_is_quiet_when_all_is_well(project: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    result = cli(project, "check", "--format", "github")
    assert result.returncode == 0 and result.stdout.startswith("data/: no problems")
    assert "::" not in result.stdout  # the register's gaps are listed in a terminal, not as annotations on a pull request


@pytest.mark.parametrize(
    "problem, command",
    [
        (
            Problem("data/a.yml", 3, 7, "unknown field 'bdy'", "did you mean 'body'?"),
            "::error file=data/a.yml,line=3,col=7::unknown field 'bdy' — did you mean 'body'?",
        ),
        (Problem("data/a.yml", 1, 1, "no hint"), "::error file=data/a.yml,line=1,col=1::no hint"),
        (
            Problem("data/a,b:c%.yml", 2, 1, "50% of\r\nit:, yes", "a\nb"),
            "::error file=data/a%2Cb%3Ac%25.yml,line=2,col=1::50%25 of%0D%0Ait:, yes — a%0Ab",
        ),
    ],
)
def test_github_command_escapes_as_github_reads(problem: Problem, command: str) -> None:
    assert github_command(problem) == command


def test_a_warning_is_a_warning_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert github_command(WARNING) == ("::warning file=data/t/transcript.txt,line=7,col=2::an invisible character — look at it")
    monkeypatch.setattr(generate, "assemble", lambda *args: ("the edition", [WARNING]))
    generate.checked_edition(Path("data"), Path("."), None, "github")
    assert capsys.readouterr() == (f"{github_command(WARNING)}\n", "")
