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
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.check import assemble
from build_scripts.memo import Memo
from build_scripts.problems import Problem
from tests.project_copy import copy_project

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
CASE_BOUND = 60.0
"""Seconds one case may take: a bound for hangs only (a case takes well under one second)."""

YAML_TOKENS = ["- ", ": ", "  ", "\t", "\n", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "[", "]", "{",
               "}", "? ", "---\n", "...\n", "<<: ", "|\n", ">-\n", "'", '"', "#", "%YAML 1.1\n", ",", "no", "2020-06-19",
               "~", "0x1F", "1e999", "[" * 500, "- " * 200]
UNICODE = ["\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\x85", "\x00", "\x1b", "\u0301", "\u05d0", "\U0001f600",
           "\ud800", "\uffff", "\U0010ffff", "\xa0", "\r", "ǅ", "İ"]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with one to three mutations: bytes, YAML tokens or lines, or Unicode characters."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["byte", "cut", "token", "line", "unicode"]))
        if kind == "byte":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at + draw(st.integers(0, 2)):]
        elif kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 200)):]
        elif kind == "token":
            data = data[:at] + draw(st.sampled_from(YAML_TOKENS)).encode() + data[at:]
        elif kind == "line":
            lines = data.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i:i + 1] = draw(st.sampled_from([[], [lines[i], lines[i]], [b"  " + lines[i]], [lines[j]],
                                                   [lines[i].lstrip()]]))
            data = b"\n".join(lines)
        else:
            data = data[:at] + draw(st.sampled_from(UNICODE)).encode("utf-8", "surrogatepass") + data[at:]
    return data


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
    return Project(root, memo, {str(path.relative_to(root)): path.read_bytes()
                                for path in sorted((root / "data").rglob("*")) if path.is_file()})


def lines_in(content: bytes) -> int:
    """A generous line count: YAML also breaks lines at \\r, U+0085, U+2028 and U+2029."""
    return len(content.decode("utf-8", "replace").splitlines()) + 1


PLACE = re.compile(r"^[^\n:]+:\d+:\d+: \S.*$", re.S)


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
