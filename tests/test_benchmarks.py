"""benchmarks/run.py: between its runs the project is put back as a fresh clone has it."""

from __future__ import annotations

from pathlib import Path

from benchmarks.run import clean_generated
from tests.conftest import run_cli


def test_generate_runs_again_after_the_generated_tree_is_cleaned(project: Path) -> None:
    """The benchmark generates from nothing several times: every page the last run wrote must go
    (a page left behind is refused as a hand-written page where a generated one must go)."""
    hand_written = sorted(p.relative_to(project) for p in (project / "docs").rglob("*") if p.is_file())
    assert run_cli(project, "generate").returncode == 0
    clean_generated(project)
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*") if p.is_file()) == hand_written
    assert not (project / ".build-cache").exists()
    again = run_cli(project, "generate")
    assert again.returncode == 0, again.stdout + again.stderr
