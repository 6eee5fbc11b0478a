"""Problems: how errors and warnings print, and that only errors stop a check."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import generate
from build_scripts.problems import Problem, ProblemsFound, errors_among, warnings_among

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


def test_a_check_with_only_warnings_prints_them_and_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(generate, "assemble", lambda *args: ("the edition", [WARNING]))
    assert generate.checked_edition(Path("data"), Path(".")) == "the edition"
    assert capsys.readouterr().err == f"{WARNING}\n"


def test_a_check_with_an_error_stops_and_carries_the_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generate, "assemble", lambda *args: ("the edition", [WARNING, ERROR]))
    with pytest.raises(ProblemsFound) as raised:
        generate.checked_edition(Path("data"), Path("."))
    assert raised.value.errors == [ERROR]
    assert WARNING in raised.value.problems
