"""The Downloads page: every export with its format, size and licence."""

from __future__ import annotations

import posixpath

from ..model import Edition
from . import paths
from .markdown import front_matter

FORMATS = {
    ".json": ("JSON edition", "The whole transcript as structured data (schemas/export.schema.json)."),
    ".xml": ("TEI P5 XML", "Parla-CLARIN-style TEI: turns as <u>, paragraphs as <seg>, annotations in <standOff>."),
    ".jsonld": ("W3C Web Annotation", "Every annotation as JSON-LD with TextQuote and Fragment selectors."),
    ".csv": ("CSV", "A table for spreadsheets."),
}
LICENCE = "Annotations and data structure: CC BY 4.0. Transcript text: see About."


def render_downloads(edition: Edition, downloads: dict[str, bytes]) -> dict[str, str]:
    page = paths.DOWNLOADS
    rows = ["| File | Format | Size | Licence |", "|---|---|---|---|"]
    for path, data in sorted(downloads.items()):
        name = posixpath.basename(path)
        label, _ = FORMATS.get(posixpath.splitext(name)[1], ("File", ""))
        rows.append(f"| [{name}]({posixpath.relpath(path, posixpath.dirname(page))}) | {label} | {_size(len(data))} | CC BY 4.0 |")
    present = {posixpath.splitext(p)[1] for p in downloads}
    formats = "\n".join(f"- **{label}** — {text}" for ext, (label, text) in FORMATS.items() if ext in present)
    text = (front_matter("Downloads", "The edition as open data: JSON, TEI, W3C Web Annotation, CSV.") +
            "# Downloads\n\nEvery file is built from the same data as the website, with the same ids.\n\n" +
            "\n".join(rows) + f"\n\n{formats}\n\n{LICENCE}\n")
    return {page: text}


def _size(count: int) -> str:
    return f"{count:,} bytes" if count < 10_000 else f"{count / 1024:,.1f} KiB"
