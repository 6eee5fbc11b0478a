"""scripts/job_summary.py: the summary a pull request's CI run shows, from the real check output and a real git
history (a repository of two commits standing for the base and the pull request)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.project_copy import ROOT, copy_project

SCRIPT = ROOT / "scripts" / "job_summary.py"
NOTE = """
- id: {id}
  transcript: xinjiang-2020-06-19
  anchor:
    quote: "{quote}"
  kind: correction
  body: A body with `backticks` and ```three```.
  author: Tester
  date: "2026-01-01"
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args], check=True, capture_output=True)


def summary(root: Path, check_output: str, *args: str) -> str:
    (root / "check-output.txt").write_text(check_output, encoding="utf-8")
    command = [sys.executable, str(SCRIPT), "--root", str(root), "--check-output", str(root / "check-output.txt"), *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition as the base commit, then a commit adding one annotation (the pull request)."""
    if shutil.which("git") is None:
        pytest.fail("git is needed")
    root = copy_project(tmp_path_factory.mktemp("summary") / "project")
    git(root, "init", "-q")
    git(root, "add", "data")
    git(root, "commit", "-qm", "base")
    with (root / "data" / "annotations" / "corrections.yml").open("a", encoding="utf-8") as notes:
        notes.write(NOTE.format(id="a-new-note", quote="America Fist"))
    git(root, "commit", "-qam", "the pull request")
    return root


def test_a_clean_check_lists_the_annotations_the_pull_request_adds(pull_request: Path) -> None:
    check = run_cli(pull_request, "check", "--format", "github")
    assert check.returncode == 0, check.stdout + check.stderr
    text = summary(
        pull_request,
        check.stdout + check.stderr,
        "--base",
        "HEAD^1",
        "--site-artifact",
        "https://github.com/o/r/actions/runs/1/artifacts/2",
    )
    verdict = check.stdout.splitlines()[-1]
    assert verdict.startswith("data/: no problems")
    assert text == (
        f"## Data check\n\n```text\n{verdict}\n```\n\n## Annotations\n\n1 added: `a-new-note`\n\n"
        "## The built site\n\n[Download the built site](https://github.com/o/r/actions/runs/1/artifacts/2) "
        "(a zip: unpack it, run `python3 -m http.server -d site`, open http://127.0.0.1:8000/).\n"
    )


def test_problems_are_listed_in_plain_words_inside_a_fence_they_cannot_leave(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    odd_name = root / "data" / "annotations" / "a ``` name.yml"  # contributor text that could close a fence
    odd_name.write_text(NOTE.format(id="bad", quote="words not in the text"), encoding="utf-8")
    check = run_cli(root, "check", "--format", "github")
    assert check.returncode == 1
    text = summary(root, check.stdout + check.stderr)
    plain = run_cli(root, "check").stderr.splitlines()[0]
    assert "```" in plain
    assert text == (f"## Data check\n\n1 problem(s), each marked on its line in *Files changed*:\n\n````text\n{plain}\n````\n")


def test_a_check_that_did_not_finish_says_where_to_look(tmp_path: Path) -> None:
    assert summary(tmp_path, "Traceback (most recent call last):\n") == (
        "## Data check\n\nThe check did not finish: its output is in the log of *Check the data*.\n"
    )
