"""From data/ to the generated tree, and the one function that runs a generation.

``run_generation`` is what `make generate`, `make build` and each save under `make serve`
do, in this order: stamp (skip when no input changed), check, render, staged write into
docs/, the site build if any (docs/ is rolled back if it fails), stamp recorded, memo pruned.

Each transcript's share of the tree — its page, JSON and TEI, its rows and items of the
corpus-wide CSV and JSON-LD files, its lines on the edition-wide pages — is rendered from a
``ShareInputs`` holding only that transcript, its annotations and placements, its topic
assignments, its speakers and topics, the works they cite and their publishers, and the site
address, as an edition of one transcript:
it cannot read anything its memo key does not cover. An edit re-renders the transcript it
touches; the edition-wide pages are then put together anew from every transcript's lines.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .check import assemble
from .coverage import all_drafts, coverage
from .export.atom import atom_feed
from .export.bibliography import bibliography_files
from .export.csv_export import tables, transcript_rows
from .export.json_edition import json_bytes, transcript_json
from .export.tei import transcript_tei
from .export.webanno import annotation_items, collection_bytes
from .history.changes import change_items
from .history.entries import read_history
from .history.records import History
from .indexes import Indexes
from .load.links import links_leaving
from .memo import FOLDER, Memo
from .mkdocs_config import mkdocs_settings, site_url
from .model import Annotation, Edition, Placement, Speaker, Topic, TopicAssignment, Transcript
from .problems import ProblemsFound, errors_among, print_problems, warnings_among
from .publish import Written, staged
from .register import Publisher, Source
from .render import paths, render_edition_pages, render_transcript_page
from .render.changes import render_changes
from .render.coverage import render_coverage
from .render.downloads import render_downloads
from .render.listings import Listings, transcript_listings
from .render.overview import SITE_TITLE
from .render.paths import download
from .resolve import build_indexes
from .stamp import record, stamp, up_to_date


@dataclass
class Generation:
    """What one run did: skipped (nothing changed since the last), or what it wrote."""

    skipped: bool
    written: Written = field(default_factory=Written)


def run_generation(root: Path, salt: str, publish: Callable[[], None] = lambda: None, drafts: bool = False) -> Generation:
    """Make docs/ hold the generated tree of ``root``, then run ``publish`` (the site build).

    ``salt`` is the code digest (stamp.code_digest), taken once by a long-running process so
    that an edit of build_scripts/ while it runs never labels the old code's results as new.
    ``drafts``: show draft notes (`make serve`); the published site leaves them out.
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
    say_if_missing(history)
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
    repo_url, edit_uri = settings.get("repo_url"), settings.get("edit_uri")
    parts = edit_uri.split("/") if isinstance(edit_uri, str) else []  # "edit/main/docs/": the branch is the second part
    return read_history(root, repo_url if isinstance(repo_url, str) else "", parts[1] if len(parts) > 2 else "main", memo)


def say_if_missing(history: History) -> None:
    """One line on stderr when the history could not be read (once per run, after it succeeded)."""
    if history.missing:
        print(f"history: {history.missing}; notes are credited from their author and date fields", file=sys.stderr)


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


def share_inputs(edition: Edition, ix: Indexes, url: str) -> list[ShareInputs]:
    """What each transcript's share is made from, in edition order."""
    assignments: dict[str, list[TopicAssignment]] = {}
    for assignment in edition.assignments:
        assignments.setdefault(assignment.transcript, []).append(assignment)
    found = []
    for transcript in edition.transcripts:
        annotations = tuple(ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, []))
        own = tuple(assignments.get(transcript.id, []))
        topics = dict.fromkeys([a.topic for a in own] + [t for a in annotations for t in a.topics])
        speakers = tuple(edition.speakers[p.speaker] for p in transcript.meta.participants)
        cited = [c.source for a in annotations for c in a.sources] + [c.source for s in speakers for c in s.sources]
        sources = tuple(edition.sources[s] for s in dict.fromkeys(cited))
        publishers = tuple(edition.publishers[p] for p in dict.fromkeys(s.publisher for s in sources))
        found.append(
            ShareInputs(
                transcript,
                annotations,
                tuple(edition.placements[a.id] for a in annotations),
                own,
                speakers,
                tuple(edition.topics[t] for t in topics),
                sources,
                publishers,
                _history_of(edition.history, annotations),
                url,
            )
        )
    return found


def _history_of(history: History, annotations: tuple[Annotation, ...]) -> History:
    """The part of ``history`` about ``annotations``."""
    records = {key: found for a in annotations if (found := history.of(*(key := ("annotation", a.id)))) is not None}
    return History(records, history.missing, history.repo_url, history.branch)


@dataclass(frozen=True)
class ShareInputs:
    """All that one transcript's share of the tree is made from (its memo key covers exactly this)."""

    transcript: Transcript
    annotations: tuple[Annotation, ...]
    placements: tuple[Placement, ...]
    assignments: tuple[TopicAssignment, ...]
    speakers: tuple[Speaker, ...]
    """Its participants."""
    topics: tuple[Topic, ...]
    """The topics its assignments and annotations give."""
    sources: tuple[Source, ...]
    """The works its annotations and its speakers' profiles cite."""
    publishers: tuple[Publisher, ...]
    """Their publishers."""
    history: History
    """The repository's history of its annotations (their credits)."""
    site_url: str


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


def transcript_share(inputs: ShareInputs) -> TranscriptShare:
    """One transcript's share, rendered from an edition that holds nothing but ``inputs``."""
    transcript, url = inputs.transcript, inputs.site_url
    edition = Edition(
        {s.id: s for s in inputs.speakers},
        {t.id: t for t in inputs.topics},
        [transcript],
        list(inputs.annotations),
        {p.annotation: p for p in inputs.placements},
        list(inputs.assignments),
        publishers={p.id: p for p in inputs.publishers},
        sources={s.id: s for s in inputs.sources},
        history=inputs.history,
    )
    ix = build_indexes(edition)
    pages = {path: text.encode("utf-8") for path, text in render_transcript_page(transcript, edition, ix, url).items()}
    downloads = {
        download(f"{transcript.id}.json"): json_bytes(transcript_json(transcript, edition, ix)),
        download(f"{transcript.id}.tei.xml"): transcript_tei(transcript, edition, ix, url),
    }
    return TranscriptShare(
        pages,
        downloads,
        annotation_items(transcript, edition, ix, url),
        transcript_rows(transcript, edition, ix),
        transcript_listings(transcript, edition, ix),
    )
