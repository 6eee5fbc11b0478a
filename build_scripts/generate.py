"""From data/ to the generated tree: assemble, then render pages and export downloads."""

from __future__ import annotations

import re
from pathlib import Path

from .export.csv_export import export_csv
from .export.json_edition import export_json
from .export.tei import export_tei
from .export.webanno import export_webanno
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


def site_url(root: Path) -> str:
    """``site_url`` of mkdocs.yml (the public address downloads and structured data point at)."""
    config = root / "mkdocs.yml"
    found = re.search(r"^site_url:\s*[\"']?([^\s\"'#]+)", config.read_text(encoding="utf-8"), re.M) if config.exists() else None
    return found.group(1) if found else "/"


def generated_files(edition: Edition, root: Path) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/ (``root`` holds mkdocs.yml)."""
    ix = build_indexes(edition)
    url = site_url(root)
    exports = {**export_json(edition, ix), **export_tei(edition, ix, url), **export_webanno(edition, ix, url),
               **export_csv(edition, ix)}
    downloads = {download(name): data for name, data in exports.items()}
    pages = render_pages(edition, ix, url)
    pages.update(render_downloads(edition, downloads))
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(downloads)
    return files
