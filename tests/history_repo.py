"""A project copy under git, with commits by named authors at fixed dates (for provenance tests)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ALICE = ("Alice Annotator", "alice@example.org")
BOB = ("Bob Reviewer", "bob.reviewer@example.net")


def git(root: Path, *args: str, who: tuple[str, str] = ALICE, when: str = "2026-11-27T10:00:00Z") -> str:
    """Run git in ``root`` as ``who`` at ``when`` (author and committer), with no user settings read."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": who[0],
        "GIT_COMMITTER_EMAIL": who[1],
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(root: Path, summary: str, who: tuple[str, str] = ALICE, when: str = "2026-11-27T10:00:00Z") -> None:
    git(root, "add", "-A", "data", who=who, when=when)
    git(root, "commit", "-q", "-m", summary, who=who, when=when)


def make_repository(root: Path) -> Path:
    """``git init`` the project copy at ``root`` and commit its data as Alice."""
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "The first edition")
    return root


TERMS = "data/annotations/terms.yml"
REVISION = "term-xuar: established, as the source says (#12)"


def two_authors(root: Path) -> Path:
    """Alice's whole edition (27 November 2026), then Bob's revision of one word of term-xuar's body (3 December)."""
    make_repository(root)
    path = root / TERMS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("the autonomous region was founded", "the autonomous region was established", 1), encoding="utf-8")
    commit_all(root, REVISION, who=BOB, when="2026-12-03T09:30:00Z")
    return root
