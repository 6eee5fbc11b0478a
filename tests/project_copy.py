"""A private copy of the project, for tests and benchmarks that build it without touching the working tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("build_scripts", "data", "docs", "schemas", "overrides", "mkdocs.yml", "mkdocs.serve.yml", "CONTRIBUTING.md")
"""Everything `python -m build_scripts build` and `mkdocs serve` read."""


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, without generated pages or site/."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    manifest = target / "docs" / ".generated.json"
    if manifest.exists():  # the working tree's generated pages are output, not input
        for page in json.loads(manifest.read_text(encoding="utf-8")):
            (target / "docs" / page).unlink(missing_ok=True)
        manifest.unlink()
    return target
