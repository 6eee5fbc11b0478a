"""Symbolic links below data/ and docs/: allowed to the repository's own files, refused out of it."""

from __future__ import annotations

import os
from pathlib import Path

from build_scripts.load.links import links_leaving
from tests.project_copy import ROOT


def tree(tmp_path: Path) -> Path:
    """A repository with data/ and docs/, and a file beside it (outside)."""
    root = tmp_path / "repo"
    (root / "data" / "annotations").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "data" / "annotations" / "a.yml").write_text("- id: a\n")
    (root / "CONTRIBUTING.md").write_text("# Contributing\n")
    (tmp_path / "secret.txt").write_text("a secret\n")
    return root


def refused(root: Path) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in links_leaving(root, (root / "data", root / "docs"))]


def test_links_to_files_of_the_repository_are_allowed(tmp_path: Path) -> None:
    root = tree(tmp_path)
    os.symlink("../CONTRIBUTING.md", root / "docs" / "contributing.md")
    os.symlink("a.yml", root / "data" / "annotations" / "b.yml")
    os.symlink("annotations", root / "data" / "more")
    assert refused(root) == []


def test_a_link_out_of_the_repository_is_refused_at_its_own_path(tmp_path: Path) -> None:
    root = tree(tmp_path)
    os.symlink("../../../secret.txt", root / "data" / "annotations" / "z.yml")
    assert refused(root) == [("data/annotations/z.yml", "this symbolic link leads out of the repository (to ../../../secret.txt)")]


def test_an_absolute_link_and_a_chain_of_links_are_followed_to_the_end(tmp_path: Path) -> None:
    root = tree(tmp_path)
    os.symlink(tmp_path / "secret.txt", root / "docs" / "page.md")
    os.symlink("../docs/page.md", root / "data" / "chain.yml")  # inside, but on to the outside
    assert [path for path, _ in refused(root)] == ["data/chain.yml", "docs/page.md"]


def test_a_link_out_inside_a_linked_folder_is_found(tmp_path: Path) -> None:
    root = tree(tmp_path)
    (root / "shared").mkdir()
    os.symlink(tmp_path / "secret.txt", root / "shared" / "transcript.txt")
    os.symlink("../shared", root / "data" / "linked")
    assert [path for path, _ in refused(root)] == ["data/linked/transcript.txt"]


def test_a_linked_folder_out_of_the_repository_is_refused_and_not_walked(tmp_path: Path) -> None:
    root = tree(tmp_path)
    os.symlink("/", root / "data" / "everything")
    assert refused(root) == [("data/everything", "this symbolic link leads out of the repository (to /)")]


def test_a_link_into_git_is_refused(tmp_path: Path) -> None:
    root = tree(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic xyz\n")
    os.symlink("../../.git/config", root / "data" / "annotations" / "z.yml")
    assert refused(root) == [("data/annotations/z.yml", "this symbolic link leads into a hidden folder of the repository (.git/config)")]


def test_a_loop_of_links_ends(tmp_path: Path) -> None:
    root = tree(tmp_path)
    os.symlink("..", root / "data" / "annotations" / "up")
    os.symlink("loop-b", root / "data" / "loop-a")
    os.symlink("loop-a", root / "data" / "loop-b")
    assert refused(root) == []  # the loader reports the unreadable file, if it reads one


def test_the_repository_itself_has_no_refused_link() -> None:
    assert links_leaving(ROOT, (ROOT / "data", ROOT / "docs")) == []
