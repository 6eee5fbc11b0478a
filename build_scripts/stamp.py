"""The generation stamp: skip everything when no input changed.

The stamp is one sha256 over every input — each file and folder of data/, mkdocs.yml and the
site_url it resolves to (an !ENV value may change without the file) — and the code digest: the
generator's own sources, the schemas, the Python version and the versions of the libraries that
shape its output. It is stored in .build-cache/generate.json (git-ignored) with the manifest of
what that generation wrote. A later run may skip generating only if the stamp is equal *and*
every generated file on disk still has the digest the manifest gives, so a page deleted or
edited by hand is always written again. The code digest
also salts every key of the memo (memo.py), so changed code never meets a stale result.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from .load.markdown_body import site_extensions
from .mkdocs_config import site_url
from .publish import read_manifest

PACKAGE = Path(__file__).resolve().parent
CACHE_FILE = Path(".build-cache") / "generate.json"
LIBRARIES = ("PyYAML", "jsonschema", "fastjsonschema", "markdown-it-py", "Markdown", "rapidfuzz")
"""Libraries whose behaviour shapes what generation produces: an upgrade invalidates the memo."""


def code_digest(root: Path) -> str:
    """A digest of the generator itself: Python, library versions, its sources, the schemas and
    the Markdown extensions bodies are checked with."""
    total = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        try:
            total.update(f"{library}=={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            total.update(f"{library} missing\0".encode())
    _add_folder(total, "schemas", root / "schemas")
    _add_folder(total, "build_scripts", PACKAGE)
    # The body check renders with the Markdown extensions of mkdocs.yml: a change there re-checks every body.
    total.update(json.dumps(site_extensions(), sort_keys=True).encode())
    return total.hexdigest()


def stamp(root: Path, code: str | None = None, history: str = "") -> str:
    """A digest of every file generation reads (``code``: the code digest, if already known;
    ``history``: what else the run depends on, the digest of the repository's history of data/)."""
    total = hashlib.sha256((code or code_digest(root)).encode() + history.encode())
    _add_folder(total, "data", root / "data")
    config = root / "mkdocs.yml"  # its site_url goes into the downloads and the structured data
    if config.exists():
        total.update(b"mkdocs.yml\0" + hashlib.sha256(config.read_bytes()).digest())
    total.update(b"site_url\0" + site_url(root).encode())  # !ENV: the environment may set it, not the file
    return total.hexdigest()


def _add_folder(total: hashlib._Hash, name: str, folder: Path) -> None:
    for path in sorted(_entries(folder)):
        total.update(f"{name}/{path.relative_to(folder).as_posix()}\0".encode())
        # A folder counts by its name: a new, still empty transcript folder is a problem to report.
        total.update(b"folder" if path.is_dir() else hashlib.sha256(path.read_bytes()).digest())


def _entries(folder: Path) -> list[Path]:
    """Every file and folder below ``folder``, following symbolic links as the loader does."""
    found = []
    for directory, subdirs, names in os.walk(folder, followlinks=True):
        subdirs[:] = [d for d in subdirs if d != "__pycache__"]
        found += [Path(directory) / d for d in subdirs]
        found += [Path(directory) / n for n in names if not n.endswith(".pyc")]
    return found


def up_to_date(root: Path, current: str) -> bool:
    """True if the last generation had stamp ``current`` and its files are on disk unchanged."""
    try:
        saved = json.loads((root / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    docs = root / "docs"
    manifest = read_manifest(docs)
    if saved.get("stamp") != current or saved.get("manifest") != manifest or not manifest:
        return False
    return all(_digest_of(docs / path) == digest for path, digest in manifest.items())


def record(root: Path, current: str) -> None:
    """Remember that docs/ now holds the generation of stamp ``current``."""
    path = root / CACHE_FILE
    path.parent.mkdir(exist_ok=True)
    content = {"stamp": current, "manifest": read_manifest(root / "docs")}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(content, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _digest_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
