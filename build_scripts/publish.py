"""Publish phase: write the generated tree into docs/ and build the site, never half-way.

* Everything is rendered in memory before the first byte is written, so bad data stops the
  build with nothing touched.
* Changed files are staged in a temporary folder, then renamed into place; unchanged files
  are not rewritten (their mtimes stay, so MkDocs' live reload and make stay quiet).
* A manifest (docs/.generated.json) lists what the generator owns: a hand-written page is
  never overwritten, and a generated page that is no longer produced is removed.
* The site is built into a temporary folder and swapped in only when MkDocs succeeded; if
  it fails, the generated pages are rolled back too (``staged``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, ProblemsFound

MANIFEST = ".generated.json"


@dataclass(slots=True)
class Written:
    """What one write changed, and where the files it replaced are kept until the write is final."""

    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    backup: Path | None = None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    path = docs / MANIFEST
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


@contextmanager
def staged(docs: Path, files: dict[str, bytes] | None) -> Iterator[Written]:
    """Make docs/ hold exactly ``files`` among generated paths; undo it if the ``with`` block fails.

    `make build` runs MkDocs inside the block: if it fails, the pages it was given are rolled
    back and the previous ones stay. ``None`` writes nothing (generation was skipped).
    """
    written = Written() if files is None else _write_tree(docs, files)
    try:
        yield written
    except BaseException:
        _roll_back(docs, written)
        raise
    finally:
        if written.backup is not None:
            shutil.rmtree(written.backup, ignore_errors=True)


def _write_tree(docs: Path, files: dict[str, bytes]) -> Written:
    """Write the files that differ from what is on disk, and remove generated files no longer made."""
    owned = read_manifest(docs)
    clashes = [p for p in files if p not in owned and (docs / p).exists()]
    if clashes:
        raise ProblemsFound(
            [
                Problem(
                    f"docs/{p}",
                    1,
                    1,
                    "a hand-written page is where a generated page must go",
                    "rename or move the hand-written page; the generator never overwrites it",
                )
                for p in clashes
            ]
        )
    changed = [path for path, data in sorted(files.items()) if not _same(docs / path, data)]
    removed = sorted(p for p in owned if p not in files and (docs / p).exists())
    written = Written(changed, removed)
    if changed or removed or set(owned) != set(files):
        _replace_files(docs, files, written)
    return written


def _replace_files(docs: Path, files: dict[str, bytes], written: Written) -> None:
    """Stage the changed files, back up what they replace, move them in, write the manifest."""
    changed, removed = written.changed, written.removed
    written.backup = Path(tempfile.mkdtemp(prefix="generated-backup-", dir=docs.parent))
    if (docs / MANIFEST).exists():  # kept byte for byte (and mtime) so a roll back restores it exactly
        shutil.copy2(docs / MANIFEST, written.backup / MANIFEST)
    staging = Path(tempfile.mkdtemp(prefix="generated-staging-", dir=docs.parent))
    try:
        for path in changed:
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        for path in [p for p in changed + removed if (docs / p).exists()]:
            (written.backup / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(docs / path, written.backup / path)
        for path in changed:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, docs / path)
        for path in removed:
            (docs / path).unlink()
        manifest = {p: _digest(files[p]) for p in sorted(files)}
        (docs / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _roll_back(docs: Path, written: Written) -> None:
    """Undo a write: restore changed and removed files, delete newly created ones."""
    if written.backup is None:
        return
    for path in written.changed + written.removed:
        saved = written.backup / path
        if saved.exists():
            os.replace(saved, docs / path)
        elif (docs / path).exists():
            (docs / path).unlink()
            _remove_empty_parents(docs / path, docs)
    if (written.backup / MANIFEST).exists():
        os.replace(written.backup / MANIFEST, docs / MANIFEST)
    else:
        (docs / MANIFEST).unlink(missing_ok=True)


def _remove_empty_parents(path: Path, docs: Path) -> None:
    """Remove the folders a roll back left empty, up to (not including) docs/."""
    folder = path.parent
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _same(path: Path, data: bytes) -> bool:
    return path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data


def build_site(root: Path, site: Path) -> None:
    """Run ``mkdocs build --strict`` into a temporary folder; swap it in only if it succeeded."""
    temporary = Path(tempfile.mkdtemp(prefix="site-", dir=root))
    # Never --quiet: it hides warnings from the strict-mode counter too, so a broken link
    # would pass (mkdocs/mkdocs#4126). The output is captured instead.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(temporary)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        shutil.rmtree(temporary, ignore_errors=True)
        sys.stderr.write(result.stdout + result.stderr)
        raise ProblemsFound(_mkdocs_problems(result.stdout + result.stderr))
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        os.replace(site, old)
    os.replace(temporary, site)
    shutil.rmtree(old, ignore_errors=True)


_DOC_FILE = re.compile(r"Doc file '([^']+)'")


def _mkdocs_problems(output: str) -> list[Problem]:
    """One Problem per MkDocs warning or error, placed at the page it names when it names one."""
    problems = []
    for line in output.splitlines():
        level, _, message = line.partition(" -  ")
        if level.strip() not in ("WARNING", "ERROR"):
            continue
        page = _DOC_FILE.search(message)
        path = f"docs/{page.group(1)}" if page else "mkdocs.yml"
        problems.append(Problem(path, 1, 1, f"mkdocs: {message.strip()}", "fix it and build again; the previous docs/ and site/ were kept"))
    return problems or [
        Problem(
            "mkdocs.yml",
            1,
            1,
            "mkdocs build --strict failed (its output is above)",
            "fix what it names; the previous docs/ and site/ were kept",
        )
    ]
