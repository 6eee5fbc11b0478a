"""publish.py: atomic, deterministic writes into docs/ and site/."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts.problems import ProblemsFound
from build_scripts.publish import MANIFEST, Written, staged
from tests.project_copy import copy_project

Cli = Callable[..., subprocess.CompletedProcess[str]]


def state(root: Path) -> dict[str, tuple[str, int]]:
    """Digest and mtime of every file under docs/ and site/ (if any); folders by name only."""
    return {
        str(f.relative_to(root)): ("dir", 0) if f.is_dir() else (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
        for part in ("docs", "site")
        if (root / part).exists()
        for f in sorted((root / part).rglob("*"))
    }


def generated(root: Path) -> dict[str, str]:
    docs = root / "docs"
    return {p: hashlib.sha256((docs / p).read_bytes()).hexdigest() for p in json.loads((docs / MANIFEST).read_text())}


class Failed(Exception):
    pass


def write(docs: Path, files: dict[str, bytes]) -> Written:
    with staged(docs, files) as written:
        return written


def test_a_failure_inside_staged_restores_everything(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("hand-written")
    write(docs, {"a.md": b"one", "old/b.md": b"two"})
    before = state(tmp_path)
    with pytest.raises(Failed), staged(docs, {"a.md": b"ONE", "new/deep/c.md": b"three"}) as written:
        assert (written.changed, written.removed) == (["a.md", "new/deep/c.md"], ["old/b.md"])
        assert (docs / "a.md").read_bytes() == b"ONE" and not (docs / "old/b.md").exists()
        raise Failed  # as `mkdocs build` failing inside `make build`
    assert state(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no backup or staging folder left


def test_a_write_that_stands_leaves_no_backup(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, {"a.md": b"one"})
    written = write(docs, {"a.md": b"ONE", "b.md": b"two"})
    assert written.changed == ["a.md", "b.md"] and (docs / "a.md").read_bytes() == b"ONE"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, {"a.md": b"one", "b/c.md": b"two"})
    before = state(tmp_path)
    written = write(docs, {"a.md": b"one", "b/c.md": b"two"})
    assert (written.changed, written.removed, written.backup) == ([], [], None)
    assert state(tmp_path) == before


def test_nothing_to_write_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, {"a.md": b"one"})
    before = state(tmp_path)
    with pytest.raises(Failed), staged(docs, None):
        raise Failed
    assert state(tmp_path) == before


def test_a_hand_written_page_is_never_overwritten(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "questions.md").write_text("mine")
    with pytest.raises(ProblemsFound) as found:
        write(docs, {"questions.md": b"generated", "index.md": b"x"})
    assert [str(p) for p in found.value.problems] == [
        "docs/questions.md:1:1: a hand-written page is where a generated page must go — "
        "rename or move the hand-written page; the generator never overwrites it"
    ]
    assert (docs / "questions.md").read_text() == "mine" and not (docs / "index.md").exists()


def test_hand_written_page_refused_by_the_cli(project: Path, cli: Cli) -> None:
    (project / "docs/questions.md").write_text("# My questions\n", encoding="utf-8")
    result = cli(project, "generate")
    assert result.returncode == 1
    assert result.stderr.startswith("docs/questions.md:1:1: a hand-written page is where a generated page must go")
    assert (project / "docs/questions.md").read_text(encoding="utf-8") == "# My questions\n"
    assert not (project / "docs" / MANIFEST).exists() and not (project / "docs/index.md").exists()


def test_generation_is_deterministic_and_idempotent(tmp_path: Path, cli: Cli) -> None:
    first, second = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    for root in (first, second):
        assert cli(root, "generate").returncode == 0
    assert generated(first) == generated(second) and len(generated(first)) > 20
    assert any(p.startswith("downloads/") for p in generated(first))
    before = state(first)
    again = cli(first, "generate")
    assert again.returncode == 0, again.stderr
    assert state(first) == before


def test_a_failing_mkdocs_step_leaves_docs_and_site_as_they_were(project: Path, cli: Cli) -> None:
    assert cli(project, "build").returncode == 0
    before = state(project)
    # A data change (so generated pages would change) plus a hand-written page with a broken link.
    corrections = project / "data/annotations/corrections.yml"
    corrections.write_text(
        corrections.read_text(encoding="utf-8").replace('"America Fist" is probably', '"America Fist" is most likely'), encoding="utf-8"
    )
    page = project / "docs/performance.md"
    page_before = page.read_bytes()
    page.write_bytes(page_before + b"\n[broken](no-such-page.md)\n")
    result = cli(project, "build")
    assert result.returncode == 1
    assert (
        "docs/performance.md:1:1: mkdocs: Doc file 'performance.md' contains a link 'no-such-page.md', but the target is not found"
    ) in result.stderr
    after = state(project)
    assert {k: v for k, v in after.items() if k != "docs/performance.md"} == {k: v for k, v in before.items() if k != "docs/performance.md"}
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(("site-", "generated-"))) == []
