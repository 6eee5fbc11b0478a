"""One ``git log`` over the data files, parsed into commits and the line edits of each file.

The log runs oldest first with zero lines of context (``--unified=0``), so replaying the
added lines of every hunk rebuilds each data file as it was after each commit
(history/entries.py does that). Renames are shown as a deletion and an addition, which the
replay needs; merge commits show no diff (their changes are in the commits they merge).
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PATHSPECS = ("data/*.yml", "data/*.yaml")
"""Every YAML data file at any depth (in a git pathspec ``*`` also matches ``/``)."""
RECORD = "\x1e"
FORMAT = RECORD + "%H%x00%an%x00%ct%x00%D%x00%s"
_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass
class Hunk:
    old_start: int
    old_count: int
    added: list[str] = field(default_factory=list)


@dataclass
class FileEdit:
    path: str
    """The file's path after the commit; for a deletion, before it."""
    deleted: bool = False
    hunks: list[Hunk] = field(default_factory=list)


@dataclass
class Commit:
    commit: str
    author: str
    timestamp: int
    grafted: bool
    """A shallow clone's boundary: the history before it is missing."""
    summary: str
    edits: list[FileEdit] = field(default_factory=list)

    @property
    def date(self) -> str:
        return time.strftime("%Y-%m-%d", time.gmtime(self.timestamp))

    @property
    def time(self) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.timestamp))


class NoHistory(Exception):
    """The repository's history cannot be read here; the message says why."""


SHALLOW = "a shallow clone (fetch the whole history: git fetch --unshallow)"


def head_commit(root: Path) -> str:
    """The commit checked out under ``root`` (one quick git process); NoHistory if there is no full history."""
    answer = _git(root, "rev-parse", "--is-shallow-repository", "HEAD").split()
    if answer[:1] != ["false"] or len(answer) != 2:
        raise NoHistory(SHALLOW)
    return answer[1]


def read_log(root: Path, commit: str = "HEAD") -> list[Commit]:
    """The commits up to ``commit`` that changed data/ under ``root``, oldest first (one git process)."""
    commits = parse_log(
        _git(
            root,
            "-c",
            "core.quotePath=false",
            "log",
            "--reverse",
            "--no-renames",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            "-p",
            "--decorate=short",
            f"--format={FORMAT}",
            commit,
            "--",
            *PATHSPECS,
        )
    )
    if any(commit.grafted for commit in commits):
        raise NoHistory(SHALLOW)
    return commits


def _git(root: Path, *args: str) -> str:
    if not (root / ".git").exists():
        raise NoHistory("no .git folder (a download or a copy)")
    # Git must not look above the project for a repository, nor take the user's settings of diff output.
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(root.parent), "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=False)
    except OSError as error:
        raise NoHistory(f"git could not be run ({error.strerror})") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NoHistory(f"git {args[0]} failed: {message[0] if message else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def parse_log(text: str) -> list[Commit]:
    """``git log -p --unified=0`` output in FORMAT, parsed."""
    return [_commit(block) for block in text.split(RECORD)[1:]]


def _commit(block: str) -> Commit:
    header, _, diff = block.partition("\n")
    sha, author, stamp, decoration, summary = header.split("\x00", 4)
    grafted = "grafted" in (part.strip() for part in decoration.split(","))
    commit = Commit(sha, author, int(stamp), grafted, summary)
    edit: FileEdit | None = None
    hunk: Hunk | None = None
    for line in diff.split("\n"):
        if line.startswith("diff --git "):
            edit, hunk = None, None
        elif line.startswith("--- ") and edit is None and hunk is None:
            edit = FileEdit(_path(line[4:]))
            commit.edits.append(edit)
        elif line.startswith("+++ ") and edit is not None and hunk is None:
            if line[4:] == "/dev/null":
                edit.deleted = True
            else:
                edit.path = _path(line[4:])
        elif line.startswith("@@ ") and edit is not None:
            found = _HUNK.match(line)
            if found:
                hunk = Hunk(int(found[1]), int(found[2] if found[2] is not None else 1))
                edit.hunks.append(hunk)
        elif line.startswith("+") and hunk is not None:
            hunk.added.append(line[1:])
    return commit


def _path(name: str) -> str:
    """``a/data/x.yml`` → ``data/x.yml`` (``/dev/null`` stays)."""
    return name[2:] if name[:2] in ("a/", "b/") else name
