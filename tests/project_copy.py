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
    remove_generated(target)  # the working tree's generated pages are output, not input
    return target


def remove_generated(root: Path) -> None:
    """Delete the generated pages and downloads under ``root``/docs, as its manifest lists them, and the manifest."""
    manifest = root / "docs" / ".generated.json"
    if manifest.exists():
        for page in json.loads(manifest.read_text(encoding="utf-8")):
            (root / "docs" / page).unlink(missing_ok=True)
        manifest.unlink()


CORPUS_FIXTURE = ROOT / "tests" / "fixtures" / "layouts" / "fixture-corpus-briefing"
"""An invented second transcript (and its speakers) for tests of a corpus of several."""


def add_fixture_transcript(root: Path) -> Path:
    """Add the invented corpus fixture to the project copy at ``root`` as a second transcript."""
    folder = root / "data" / "transcripts" / CORPUS_FIXTURE.name
    folder.mkdir()
    for name in ("edition.yml", "transcript.txt", "topics.yml"):
        shutil.copy(CORPUS_FIXTURE / name, folder / name)
    with (root / "data" / "speakers.yml").open("a", encoding="utf-8") as speakers:
        speakers.write("\n" + (CORPUS_FIXTURE / "speakers.yml").read_text(encoding="utf-8"))
    return root
