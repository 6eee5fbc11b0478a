"""From data/ to the generated tree: assemble, then render pages and export downloads.

Each transcript's share of the tree — its page, JSON and TEI, and its rows and items of the
corpus-wide CSV and JSON-LD files — depends only on that transcript, the annotations and
topic assignments that point at it, the speakers, topics, publishers and sources files and the site address, so
it is memoised on exactly those: an edit re-renders the transcript it touches. So are its
lines on the pages drawn from the whole edition (indexes, speakers, topics), which are then
put together anew from every transcript's lines.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .export.csv_export import tables, transcript_rows
from .export.json_edition import json_bytes, transcript_json
from .export.tei import transcript_tei
from .export.webanno import annotation_items, collection_bytes
from .memo import Memo
from .model import Edition, Indexes, Transcript
from .check import assemble
from .problems import ProblemsFound, errors_among, print_problems, warnings_among
from .publish import Seen, Written, write_tree
from .render import render_edition_pages, render_transcript_page
from .render.downloads import render_downloads
from .render.listings import Listings, transcript_listings
from .render.paths import download
from .resolve import build_indexes


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Run a generation with Python's cycle collector paused (reference counting still frees).

    A generation allocates some 10⁶ objects that live until it ends; the cycle collector kept
    walking all of them, which was a quarter of an edit's regeneration time at N = 100.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def checked_edition(data_dir: Path, root: Path, memo: Memo | None = None, output_format: str = "text",
                    strict: bool = False) -> Edition:
    """The assembled edition; raises ProblemsFound if anything in data/ is wrong.

    Warnings alone do not stop it (unless ``strict``): they are printed (to stderr, one line
    each, or as GitHub workflow commands: see problems.print_problems), and the edition is returned.
    """
    edition, problems = assemble(data_dir, root, memo)
    if errors_among(problems) or (strict and problems):
        raise ProblemsFound(problems)
    print_problems(warnings_among(problems), output_format)
    return edition


def regenerate(root: Path, memo: Memo, seen: dict[str, Seen] | None = None) -> Written:
    """Check data/ and make docs/ hold the generated tree (`make generate`, and `make serve` on each save).

    Raises ProblemsFound, with docs/ untouched, if anything in data/ is wrong. ``seen``: what
    a long-running process wrote into docs/ before (publish.write_tree).
    """
    with without_cycle_collection():
        edition = checked_edition(root / "data", root, memo)
        written = write_tree(root / "docs", generated_files(edition, site_url(root), memo), seen, backup=False)
    memo.prune()
    return written


def site_url(root: Path) -> str:
    """``site_url`` of mkdocs.yml (the public address downloads and structured data point at)."""
    config = root / "mkdocs.yml"
    found = re.search(r"^site_url:\s*[\"']?([^\s\"'#]+)", config.read_text(encoding="utf-8"), re.M) if config.exists() else None
    return found.group(1) if found else "/"


def generated_files(edition: Edition, url: str, memo: Memo | None = None) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/ (``url``: the site_url of mkdocs.yml)."""
    memo = memo or Memo(None)
    ix = build_indexes(edition)
    files: dict[str, bytes] = {}
    downloads: dict[str, bytes] = {}
    shares: list[TranscriptShare] = []
    listings = Listings()
    assignment_files: dict[str, list[str]] = {}
    for assignment in edition.assignments:
        assignment_files.setdefault(assignment.transcript, []).append(assignment.origin.path)
    shared = list(dict.fromkeys([s.origin.path for s in edition.speakers.values()] + [t.origin.path for t in edition.topics.values()]
                                + [p.origin.path for p in edition.publishers.values()]
                                + [s.origin.path for s in edition.sources.values()]))
    for transcript in edition.transcripts:
        own = [ix.annotation[a].origin.path for a in ix.annotations_of_transcript.get(transcript.id, [])]
        # The data files its page and downloads are made from: its edition.yml (whose digest
        # covers the text), the files of its annotations and topic assignments, and the
        # speakers, topics, publishers and sources files.
        read = dict.fromkeys([transcript.meta.origin.path, *own, *assignment_files.get(transcript.id, []), *shared])
        key = memo.key(url, [edition.file_keys[path] for path in read])
        share = memo.get("transcript-files", key, lambda: _transcript_share(transcript, edition, ix, url))
        files.update(share.pages)
        downloads.update(share.downloads)
        shares.append(share)
        listings.update(share.listings)
    exports = {**collection_bytes(url, [s.web_annotations for s in shares]), **tables([s.csv_rows for s in shares])}
    downloads.update({download(name): data for name, data in exports.items()})
    pages = render_edition_pages(edition, ix, listings)
    pages.update(render_downloads(edition, downloads))
    files.update({path: text.encode("utf-8") for path, text in pages.items()})
    files.update(downloads)
    return files


@dataclass(frozen=True)
class TranscriptShare:
    """What one transcript contributes to the generated tree (memoised as a whole)."""

    pages: dict[str, bytes]
    downloads: dict[str, bytes]
    web_annotations: tuple[int, str]
    """Its items of annotations.jsonld (export/webanno.py)."""
    csv_rows: tuple[str, str]
    """Its rows of paragraphs.csv and annotations.csv (export/csv_export.py)."""
    listings: Listings
    """Its lines on the topic, speaker, question and annotation pages (render/listings.py)."""


def _transcript_share(transcript: Transcript, edition: Edition, ix: Indexes, url: str) -> TranscriptShare:
    pages = {path: text.encode("utf-8") for path, text in render_transcript_page(transcript, edition, ix, url).items()}
    downloads = {download(f"{transcript.id}.json"): json_bytes(transcript_json(transcript, edition, ix)),
                 download(f"{transcript.id}.tei.xml"): transcript_tei(transcript, edition, ix, url)}
    return TranscriptShare(pages, downloads, annotation_items(transcript, edition, ix, url),
                           transcript_rows(transcript, edition, ix), transcript_listings(transcript, edition, ix))
