"""From data/ to the generated tree: assemble, then render pages and export downloads."""

from __future__ import annotations

from pathlib import Path

from .export.json_edition import export_json
from .model import Edition
from .pipeline import assemble
from .problems import ProblemsFound
from .render import render_pages
from .render.downloads import render_downloads
from .render.paths import download
from .resolve import build_indexes


def checked_edition(data_dir: Path, root: Path) -> Edition:
    """The assembled edition; raises ProblemsFound if anything in data/ is wrong."""
    edition, problems = assemble(data_dir, root)
    if problems:
        raise ProblemsFound(problems)
    return edition


def generated_files(edition: Edition) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/."""
    ix = build_indexes(edition)
    downloads = {download(name): data for name, data in export_json(edition, ix).items()}
    pages = render_pages(edition, ix)
    pages.update(render_downloads(edition, downloads))
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(downloads)
    return files
