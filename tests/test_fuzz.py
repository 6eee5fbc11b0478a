"""Fuzzing the check with the real data: any mutation of a data file is accepted or placed, never a traceback.

Each case takes one real file of data/ (an annotation file, speakers, topics, sources, an edition.yml,
a transcript), mutates it — bytes, YAML structure or Unicode — and runs the whole check in this
process, as `make check` does. It must return (not raise), every problem must name a file or folder
that exists, with a line inside it and a column, and it must finish within a generous bound that only
a hang or a blow-up would pass. Results of the unmutated files are memoised, as by `make check`, so
a case costs one file and one transcript: the suite runs FUZZ_EXAMPLES cases (40);
`FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py` is the long run. tests/test_bad_input.py sends
mutated data through the real `build` command too, and checks that nothing is written.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.check import assemble
from build_scripts.memo import Memo
from build_scripts.problems import Problem
from tests.mutations import PLACE, mutated
from tests.project_copy import copy_project

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
CASE_BOUND = 60.0
"""Seconds one case may take: a bound for hangs only (a case takes well under one second)."""


@dataclass
class Project:
    """A project copy, the memo of its unmutated results, and every data file's bytes."""

    root: Path
    memo: Memo
    originals: dict[str, bytes]

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing case
        return f"Project({self.root})"


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    folder = tmp_path_factory.mktemp("fuzz")
    root = copy_project(folder / "project")
    memo = Memo(folder / "memo", "fuzz")
    _, problems = assemble(root / "data", root, memo)  # fills the memo with every unmutated result
    assert problems == []
    return Project(
        root, memo, {str(path.relative_to(root)): path.read_bytes() for path in sorted((root / "data").rglob("*")) if path.is_file()}
    )


def lines_in(content: bytes) -> int:
    """A generous line count: YAML also breaks lines at \\r, U+0085, U+2028 and U+2029."""
    return len(content.decode("utf-8", "replace").splitlines()) + 1


def assert_placed(problem: Problem, root: Path, mutated_file: str, change: bytes) -> None:
    """The problem names a file or folder that exists, a line inside it and a column."""
    path = root / problem.path
    assert path.exists(), problem
    content = change if problem.path == mutated_file else b"" if path.is_dir() else path.read_bytes()
    assert 1 <= problem.line <= lines_in(content) and problem.col >= 1, problem
    assert PLACE.match(str(problem)), problem


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_mutated_data_file_is_accepted_or_every_problem_is_placed(fuzzed: Project, data: st.DataObject) -> None:
    root, memo, originals = fuzzed.root, fuzzed.memo, fuzzed.originals
    relative = data.draw(st.sampled_from(sorted(originals)), label="file")
    change = data.draw(mutated(originals[relative]), label="mutated")
    path = root / relative
    path.write_bytes(change)
    try:
        started = time.perf_counter()
        _, problems = assemble(root / "data", root, memo)  # returns, or the test fails with its traceback
        seconds = time.perf_counter() - started
        for problem in problems:
            assert_placed(problem, root, relative, change)
    finally:
        path.write_bytes(originals[relative])
    assert seconds < CASE_BOUND
