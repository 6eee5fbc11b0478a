"""The Downloads page: every exported file with its contents, format, size and licence."""

from __future__ import annotations

import posixpath

from ..model import Edition
from . import paths
from .markdown import escape, front_matter

# (file name ending, label, description); the first ending that matches names the format.
FORMATS = (
    (
        ".tei.xml",
        "TEI P5 XML",
        "One file per transcript in the shape of parliamentary corpora (Parla-CLARIN / ParlaMint): each turn a "
        "`<u>`, each paragraph a `<seg>` with the website's id, notes as `<note>`, annotations in `<standOff>`.",
    ),
    (
        ".csl.json",
        "CSL-JSON bibliography",
        "Every source the annotations cite, once, for reference managers (Zotero) and citation processors (pandoc, "
        "citeproc): the source's id is its key; the publisher's type, the copy read and the archive address are in `custom`.",
    ),
    (".bib", "BibTeX", "The same sources as BibTeX `@misc` entries, UTF-8, keyed by the source's id."),
    (
        ".jsonld",
        "W3C Web Annotation (JSON-LD)",
        "Every annotation as a Web Annotation, targeting its transcript page with a TextQuoteSelector and a "
        "FragmentSelector (the paragraph id).",
    ),
    (
        ".json",
        "JSON edition",
        "One file per transcript: metadata, the sourced summary, speakers, turns, paragraphs, questions, topics and annotations.",
    ),
    (
        ".csv",
        "CSV (RFC 4180, UTF-8)",
        "Tables for spreadsheets: one row per paragraph, or per annotation; a topic's table has one row per note on "
        "that topic, as its page lists them (claims first): where it stands, who speaks, the words, the note and its "
        "sources with their publishers' types and dates, one per line.",
    ),
)
ANNOTATIONS_ONLY = "CC BY 4.0"
WITH_TRANSCRIPT = "Annotations and structure CC BY 4.0; transcript text as published by its source ([About](../about.md))"
CONTAINS_TRANSCRIPT = ("TEI P5 XML", "JSON edition")
"""Formats whose files hold transcript text (and so paragraphs.csv)."""


def format_of(name: str) -> tuple[str, str]:
    """(label, description) of a download from its file name."""
    return next(((label, text) for ending, label, text in FORMATS if name.endswith(ending)), ("File", ""))


def size_text(count: int) -> str:
    """Human size and the exact byte count (the test compares the latter with the file)."""
    exact = f"{count:,} bytes"
    return exact if count < 10_000 else f"{count / 1024:,.1f} KiB ({exact})"


def _contents(name: str, titles: dict[str, str], topics: dict[str, str]) -> str:
    """What a download holds: its transcript's title, a topic's evidence, or the whole edition's annotations or paragraphs."""
    stem = name.split(".", 1)[0]
    if stem in titles:
        return escape(titles[stem])
    if stem.removeprefix("topic-") in topics and stem.startswith("topic-"):
        return f"Notes on the topic “{escape(topics[stem.removeprefix('topic-')])}”"
    return {
        "annotations": "All annotations",
        "paragraphs": "All paragraphs of all transcripts",
        "sources": "Every source cited (the source register)",
    }.get(stem, "")


def render_downloads(edition: Edition, downloads: dict[str, bytes]) -> dict[str, str]:
    """The Downloads page listing ``downloads`` ({path under docs/: bytes})."""
    page = paths.DOWNLOADS
    rows = ["| File | Contents | Format | Size | Licence |", "|---|---|---|---|---|"]
    titles = {t.id: t.meta.title for t in edition.transcripts}
    topics = {t.id: t.title for t in edition.topics.values()}
    for path, data in sorted(downloads.items()):
        name = posixpath.basename(path)
        label, _ = format_of(name)
        licence = WITH_TRANSCRIPT if label in CONTAINS_TRANSCRIPT or name == "paragraphs.csv" else ANNOTATIONS_ONLY
        target = posixpath.relpath(path, posixpath.dirname(page))
        rows.append(f"| [{escape(name)}]({target}) | {_contents(name, titles, topics)} | {label} | {size_text(len(data))} | {licence} |")
    names = [posixpath.basename(p) for p in downloads]
    formats = "\n".join(f"- **{label}**: {text}" for ending, label, text in FORMATS if any(format_of(n)[0] == label for n in names))
    text = (
        front_matter("Downloads", "The edition as open data: JSON, TEI, W3C Web Annotation, CSV.")
        + "# Downloads\n\nEvery file is built from the same data as the website, with the same ids: "
        "`t…` for turns, `p…` for paragraphs, `q…` for questions, the annotation ids and the source ids.\n\n"
        + "\n".join(rows)
        + f"\n\n## Formats\n\n{formats}\n\n"
        "To cite the edition, a paragraph or an annotation, use the **Cite** button beside its permalink, "
        "or the repository's `CITATION.cff`.\n"
    )
    return {page: text}
