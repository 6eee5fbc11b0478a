"""Symbolic links in data/ and docs/ must stay inside the repository.

A pull request can add a link where a data file or a page belongs. Followed, a link to a file
of the machine running CI (a key, a token in .git/config) would be read, could appear in a
problem message, and would be published if it parsed. So before anything is read, every link
below data/ and docs/ is resolved (through chains of links, and into linked folders) and one
that leads out of the repository, or into a hidden folder of it (.git/, .venv/, .build-cache/),
is a problem at the link's own path. A link to a file of the repository is allowed: its text
is in the repository for anyone to review (docs/contributing.md is CONTRIBUTING.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..problems import Problem

HINT = "replace the link with the file itself; a link may only lead to a file of this repository outside its hidden folders (.git/, .venv/)"


def links_leaving(root: Path, folders: Iterable[Path]) -> list[Problem]:
    """A problem for each link at or below ``folders`` that leads out of ``root`` or into a hidden folder."""
    home = os.path.realpath(root)
    prefix = os.path.join(root, "")
    problems = []
    for folder in folders:
        for link, reason in _refused_links(folder, home):
            problems.append(Problem(str(link).removeprefix(prefix), 1, 1, f"this symbolic link {reason}", HINT))
    return problems


def _refusal(link: str, home: str) -> str | None:
    """Why the link at ``link`` may not be followed, or None if it leads to the repository's own files."""
    where = os.path.relpath(os.path.realpath(link), home)
    if where == ".." or where.startswith(".." + os.sep) or os.path.isabs(where):
        return f"leads out of the repository (to {os.readlink(link)})"
    if any(part.startswith(".") for part in Path(where).parts):
        return f"leads into a hidden folder of the repository ({where})"
    return None


def _refused_links(folder: Path, home: str) -> Iterator[tuple[Path, str]]:
    """Each refused link at or below ``folder``, with the reason; allowed linked folders are looked into."""
    if folder.is_symlink() and (reason := _refusal(str(folder), home)):
        yield folder, reason
        return
    stack, seen = [str(folder)], set()
    while stack:
        directory = stack.pop()
        real = os.path.realpath(directory)
        if real in seen:  # a folder linked twice, or a link back up: looked into once
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:  # not a folder, or gone: the loader reports what it needs and misses
            continue
        for entry in entries:
            reason = _refusal(entry.path, home) if entry.is_symlink() else None
            if reason:
                yield Path(entry.path), reason
            elif not entry.name.startswith(".") and _is_folder(entry):  # into allowed linked folders too
                stack.append(entry.path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a loop of links: it leads nowhere, so nowhere outside either
        return False
