"""schema.org JSON-LD for each transcript page, put into its front matter as ``jsonld``.

overrides/main.html prints ``page.meta.jsonld`` inside ``<script type="application/ld+json">``
in the page head. The data describe the event and the transcript (a CreativeWork recorded at
it). A ClaimReview is added only for an annotation that carries an explicit ``review``, and it
is attributed to the source that gave the rating, never to the edition.
"""

from __future__ import annotations

import json
from typing import Any

from ..indexes import Indexes
from ..model import Annotation, Edition, Transcript
from ..register import references
from . import paths

KEY = "jsonld"
EDITION_NAME = "Annotated Transcripts contributors"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def page_url(site_url: str, transcript_id: str) -> str:
    """Public URL of a transcript page (MkDocs directory URLs: transcripts/<id>/)."""
    return f"{site_url.rstrip('/')}/{paths.transcript(transcript_id).removesuffix('.md')}/"


def _agent(name: str, kind: str) -> dict[str, str]:
    return {"@type": "Person" if kind == "person" else "Organization", "name": name}


def claim_review(annotation: Annotation, edition: Edition, ix: Indexes, site_url: str) -> dict[str, Any] | None:
    """ClaimReview-shaped data for an annotation with an explicit, sourced review; else None."""
    review = annotation.review
    if review is None or not 1 <= review.source <= len(annotation.sources):
        return None
    ref = references((annotation.sources[review.source - 1],), edition)[0]
    placement = edition.placements[annotation.id]
    page = page_url(site_url, annotation.transcript)
    meta = ix.transcripts[annotation.transcript].meta
    turn = ix.turn_of_paragraph.get((annotation.transcript, placement.paragraph))
    claim: dict[str, Any] = {
        "@type": "Claim",
        "datePublished": meta.date,
        "appearance": {"@type": "CreativeWork", "url": f"{page}#{placement.paragraph}"},
    }
    if turn is not None and turn.speaker in edition.speakers:
        speaker = edition.speakers[turn.speaker]
        claim["author"] = _agent(speaker.name, speaker.type)
    return {
        "@type": "ClaimReview",
        "url": ref.link,
        "claimReviewed": review.claim,
        "author": {"@type": "Organization", "name": ref.publisher.name},
        "datePublished": ref.source.date or None,
        "reviewRating": {"@type": "Rating", "alternateName": review.rating},
        "itemReviewed": claim,
        "subjectOf": {"@type": "CreativeWork", "url": f"{page}#fn:{annotation.id}"},
    }


def transcript_data(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str) -> dict[str, Any]:
    """The event, the transcript as a CreativeWork, and any sourced ClaimReviews."""
    meta = transcript.meta
    page = page_url(site_url, meta.id)
    downloads = f"{site_url.rstrip('/')}/downloads/"
    event = {
        "@type": "Event",
        "@id": f"{page}#event",
        "name": meta.title,
        "startDate": meta.date,
        "location": {"@type": "Place", "name": meta.place},
        "organizer": {"@type": "Organization", "name": meta.organiser},
    }
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": page,
        "url": page,
        "name": meta.title,
        "alternativeHeadline": "Annotated edition",
        "inLanguage": meta.language,
        "recordedAt": {"@id": event["@id"]},
        "about": {"@id": event["@id"]},
        "publisher": {"@type": "Organization", "name": meta.publisher},
        "creator": {"@type": "Organization", "name": EDITION_NAME},
        "license": LICENCE,
        "encoding": [
            {"@type": "MediaObject", "contentUrl": f"{downloads}{meta.id}.json", "encodingFormat": "application/json"},
            {"@type": "MediaObject", "contentUrl": f"{downloads}{meta.id}.tei.xml", "encodingFormat": "application/tei+xml"},
        ],
    }
    if meta.source_url:
        work["isBasedOn"] = meta.source_url
    # The transcript's own annotations from the index: scanning every annotation of the corpus for each
    # transcript made this quadratic.
    reviews = [
        claim_review(ix.annotation[a], edition, ix, site_url)
        for a in ix.annotations_of_transcript.get(meta.id, [])
        if a in edition.placements
    ]
    return {"@context": "https://schema.org", "@graph": [event, work, *[r for r in reviews if r is not None]]}


def script_safe_json(value: object) -> str:
    """Compact JSON that cannot end the <script> holding it: '</' and '<!--' are escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def with_front_matter(page: str, key: str, value: str) -> str:
    """The page with ``key: "value"`` added to its YAML front matter (JSON strings are valid YAML)."""
    if not page.startswith("---\n"):
        raise ValueError("a generated page must start with front matter")
    end = page.index("\n---\n", 3)
    # YAML reads U+0085, U+2028 and U+2029 as line breaks, even inside quotes: keep them escaped.
    encoded = json.dumps(value, ensure_ascii=False)
    for char in "\u0085\u2028\u2029":
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return f"{page[:end]}\n{key}: {encoded}{page[end:]}"


def add_structured_data(pages: dict[str, str], edition: Edition, ix: Indexes, site_url: str) -> dict[str, str]:
    """``pages`` with a ``jsonld`` front-matter key on every transcript page."""
    result = dict(pages)
    for transcript in edition.transcripts:
        path = paths.transcript(transcript.id)
        if path in result:
            data = script_safe_json(transcript_data(transcript, edition, ix, site_url))
            result[path] = with_front_matter(result[path], KEY, data)
    return result
