"""From data/ to the generated tree, and the one function that runs a generation.

``run_generation`` is what `make generate`, `make build` and each save under `make serve`
do, in this order: stamp (skip when no input changed), check, render, staged write into
docs/, the site build if any (docs/ is rolled back if it fails), stamp recorded, memo pruned.

Each transcript's share of the tree is memoised (share.py). An edit re-renders the transcript
it touches; the edition-wide pages are then put together anew from every transcript's lines.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .check import assemble
from .coverage import all_drafts, coverage
from .export.atom import atom_feed
from .export.bibliography import bibliography_files
from .export.csv_export import tables
from .export.topic_csv import topic_tables
from .export.webanno import collection_bytes
from .history.changes import change_items
from .history.entries import read_history
from .history.records import History
from .load.links import links_leaving
from .memo import FOLDER, Memo
from .mkdocs_config import mkdocs_settings, site_url
from .model import Edition
from .problems import ProblemsFound, errors_among, print_problems, warnings_among
from .publish import Written, staged
from .render import paths, render_edition_pages
from .render.changes import render_changes
from .render.coverage import render_coverage
from .render.downloads import render_downloads
from .render.home import SITE_TITLE
from .render.listings import Listings
from .render.paths import download
from .resolve import build_indexes
from .share import share_inputs, transcript_share
from .stamp import record, stamp, up_to_date


@dataclass
class Generation:
    """What one run did: skipped (nothing changed since the last), or what it wrote."""

    skipped: bool
    written: Written = field(default_factory=Written)


def run_generation(
    root: Path, salt: str, publish: Callable[[], None] = lambda: None, drafts: bool = False, say: Callable[[str], None] | None = None
) -> Generation:
    """Make docs/ hold the generated tree of ``root``, then run ``publish`` (the site build).

    ``salt`` is the code digest (stamp.code_digest), taken once by a long-running process so
    that an edit of build_scripts/ while it runs never labels the old code's results as new.
    ``drafts``: show draft notes (`make serve`); the published site leaves them out.
    ``say``: what prints a notice (the history missing); `make serve` passes one that says each notice once.
    Raises ProblemsFound, with docs/ as it was, if data/ has errors or ``publish`` fails.
    """
    leaving = links_leaving(root, (root / "data", root / "docs"))  # before the stamp or MkDocs follow one
    if leaving:
        raise ProblemsFound(leaving)
    memo = Memo(root / FOLDER, salt)
    history = edition_history(root, memo)
    # A new commit changes the credits, and a preview with drafts is not the published tree.
    inputs = stamp(root, salt, history.digest() + (" drafts" if drafts else ""))
    skipped = up_to_date(root, inputs)  # then docs/ already holds exactly what generation would write
    files = None
    if not skipped:
        edition = checked_edition(root / "data", root, memo)
        edition = edition if drafts else without_drafts(edition)
        edition.history = history
        files = generated_files(edition, site_url(root), memo)
    with staged(root / "docs", files) as written:
        publish()
    if history.missing:
        (say or functools.partial(print, file=sys.stderr))(history.notice)
    record(root, inputs)
    if not skipped:
        memo.prune()
    return Generation(skipped, written)


def checked_edition(data_dir: Path, root: Path, memo: Memo | None = None, output_format: str = "text", strict: bool = False) -> Edition:
    """The assembled edition; raises ProblemsFound if anything in data/ is wrong.

    Warnings alone do not stop it (unless ``strict``): they are printed (to stderr, one line
    each, or as GitHub workflow commands: see problems.print_problems), and the edition is returned.
    """
    edition, problems = assemble(data_dir, root, memo)
    if errors_among(problems) or (strict and problems):
        raise ProblemsFound(problems)
    print_problems(warnings_among(problems), output_format)
    return edition


def without_drafts(edition: Edition) -> Edition:
    """The edition as published: notes with ``status: draft`` left out (`make serve` shows them)."""
    edition.drafts = [a for a in edition.annotations if a.status == "draft"]
    edition.annotations = [a for a in edition.annotations if a.status != "draft"]
    return edition


def edition_history(root: Path, memo: Memo | None = None) -> History:
    """The repository's history of data/ (history/entries.py), memoised on the commit checked out."""
    settings = mkdocs_settings(root / "mkdocs.yml")
    repo_url = settings.get("repo_url")
    return read_history(root, repo_url if isinstance(repo_url, str) else "", memo)


def generated_files(edition: Edition, url: str, memo: Memo | None = None) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/ (``url``: the site_url of mkdocs.yml)."""
    memo = memo or Memo(None)
    ix = build_indexes(edition)
    shares = [memo.get("transcript-share", inputs, transcript_share) for inputs in share_inputs(edition, ix, url)]
    listings = Listings()
    for share in shares:
        listings.update(share.listings)
    downloads = {path: data for share in shares for path, data in share.downloads.items()}
    exports = {
        **collection_bytes(url, [s.web_annotations for s in shares]),
        **tables([s.csv_rows for s in shares]),
        **bibliography_files(edition),
        **topic_tables(edition, ix),
    }
    downloads.update({download(name): data for name, data in exports.items()})
    pages = render_edition_pages(edition, ix, listings)
    pages.update(render_downloads(edition, downloads))
    changes = change_items(edition, ix)
    pages[paths.CHANGES] = render_changes(edition, changes)
    pages[paths.COVERAGE] = render_coverage(coverage(edition, ix, all_drafts(edition)))
    downloads[paths.CHANGES_FEED] = atom_feed(changes, url, SITE_TITLE)
    files = {path: data for share in shares for path, data in share.pages.items()}
    files.update({path: text.encode("utf-8") for path, text in pages.items()})
    files.update(downloads)
    return files
