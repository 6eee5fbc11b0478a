"""One transcript's share of the generated tree, and exactly what it is made from.

Each transcript's share — its page, JSON and TEI, its rows and items of the corpus-wide CSV and
JSON-LD files, its lines on the edition-wide pages — is rendered from a ``ShareInputs`` holding
only that transcript, its annotations and placements, its topic assignments, its speakers and
topics, the works they cite and their publishers, their history, and the site address, as an
edition of one transcript: it cannot read anything its memo key does not cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .export.csv_export import transcript_rows
from .export.json_edition import json_bytes, transcript_json
from .export.tei import transcript_tei
from .export.webanno import annotation_items
from .history.records import History
from .indexes import Indexes
from .model import Annotation, Edition, Placement, Speaker, Topic, TopicAssignment, Transcript
from .register import Publisher, Source
from .render import render_transcript_page
from .render.listings import Listings, transcript_listings
from .render.paths import download
from .resolve import build_indexes
from .spellings import Variants


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
        cited += [c.source for sentence in transcript.meta.summary for c in sentence.sources]
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
                edition.spellings,
            )
        )
    return found


def _history_of(history: History, annotations: tuple[Annotation, ...]) -> History:
    """The part of ``history`` about ``annotations``."""
    records = {key: found for a in annotations if (found := history.of(*(key := ("annotation", a.id)))) is not None}
    return History(records, history.missing, history.repo_url)


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
    """The works its annotations, its speakers' profiles and its summary cite."""
    publishers: tuple[Publisher, ...]
    """Their publishers."""
    history: History
    """The repository's history of its annotations (their credits)."""
    site_url: str
    spellings: tuple[Variants, ...] = ()
    """data/spellings.yml: the other spellings its pages carry for search."""


@dataclass(frozen=True)
class TranscriptShare:
    """What one transcript contributes to the generated tree (memoised as a whole)."""

    pages: dict[str, bytes]
    downloads: dict[str, bytes]
    web_annotations: tuple[dict[str, Any], ...]
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
        spellings=inputs.spellings,
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
