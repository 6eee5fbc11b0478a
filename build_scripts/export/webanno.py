"""W3C Web Annotation JSON-LD: every annotation of the edition in one AnnotationCollection.

Each annotation targets its transcript page (``site_url`` + ``transcripts/<id>/``) with two
selectors a client may choose between: a TextQuoteSelector (the quoted words plus up to 32
characters of the paragraph on either side) and a FragmentSelector naming the paragraph id
that the page, the JSON and the TEI share. The file uses only terms of the official context
(http://www.w3.org/ns/anno.jsonld, copied in schemas/anno.jsonld for offline tests) or
``schema:`` compact IRIs that context defines, so nothing is lost on JSON-LD expansion.
"""

from __future__ import annotations

from typing import Any

from ..history.records import credit
from ..indexes import Indexes
from ..model import Annotation, Edition, Placement, Span, Transcript
from ..register import Reference, references
from .json_edition import json_bytes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FILE_NAME = "annotations.jsonld"
QUOTE_CONTEXT = 32
"""Characters of prefix and suffix: enough to tell repeated phrases apart (Hypothesis uses 32)."""
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"

# The W3C motivation closest to what each kind of annotation does. A "claim" annotation
# comments (it sets sourced reporting beside a statement); it does not rate it.
MOTIVATION = {
    "context": "commenting",
    "person": "identifying",
    "term": "describing",
    "claim": "commenting",
    "correction": "commenting",
    "cross-reference": "linking",
}


def page_url(site_url: str, transcript_id: str) -> str:
    """The transcript page's public URL, as MkDocs publishes it (directory URLs)."""
    return f"{site_url.rstrip('/')}/transcripts/{transcript_id}/"


def annotation_url(site_url: str, annotation: Annotation) -> str:
    """An annotation's permalink: its footnote on the transcript page."""
    return f"{page_url(site_url, annotation.transcript)}#fn:{annotation.id}"


def quote_selector(text: str, span: Span, context: int = QUOTE_CONTEXT) -> dict[str, str]:
    """TextQuoteSelector with the real text around the span (shorter at a paragraph's edge)."""
    return {
        "type": "TextQuoteSelector",
        "exact": text[span.start : span.end],
        "prefix": text[max(0, span.start - context) : span.start],
        "suffix": text[span.end : span.end + context],
    }


def date_time(date: str) -> str | None:
    """An xsd:dateTime for a full ISO date; None for a partial one ('2020', '2020-06')."""
    return f"{date}T00:00:00Z" if len(date) == 10 else None


def _source(ref: Reference) -> dict[str, Any]:
    """A cited source as a linking body: the publisher's own page when known, else the copy read."""
    source = ref.source
    body: dict[str, Any] = {
        "id": ref.link,
        "type": "Text",
        "purpose": "linking",
        "label": source.title,
        "schema:publisher": {"type": "schema:Organization", "schema:name": ref.publisher.name, "schema:additionalType": ref.publisher.type},
        "schema:identifier": source.id,
    }
    if source.date:
        body["schema:datePublished"] = source.date
    if source.archive_url:
        body["schema:archivedAt"] = source.archive_url
    if source.read_at and source.url:
        body["schema:sameAs"] = source.read_at
    if ref.citation.quote:
        body["schema:text"] = ref.citation.quote
    if ref.citation.page:
        body["schema:pagination"] = ref.citation.page
    if ref.citation.paragraph:
        body["schema:position"] = ref.citation.paragraph
    return body


def web_annotation(annotation: Annotation, edition: Edition, ix: Indexes, site_url: str) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation (without @context: the collection carries it)."""
    placement = edition.placements[annotation.id]
    paragraph = ix.paragraphs[(annotation.transcript, placement.paragraph)]
    page = page_url(site_url, annotation.transcript)
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": annotation.body.strip(),
            "format": "text/markdown",
            "language": "en",
            "purpose": MOTIVATION[annotation.kind],
        }
    ]
    if annotation.reading:
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.reading,
                "language": "en",
                "purpose": "describing",
                "label": "Probable intended reading",
            }
        )
    if placement.see_paragraph:
        bodies.append({"id": f"{page}#{placement.see_paragraph}", "purpose": "linking"})
    bodies += [_source(ref) for ref in references(annotation.sources, edition)]
    found = credit(edition.history, "annotation", annotation.id, annotation.author, annotation.date)
    result: dict[str, Any] = {
        "id": annotation_url(site_url, annotation),
        "type": "Annotation",
        "motivation": MOTIVATION[annotation.kind],
        "label": annotation.kind,
        "creator": [{"type": "Person", "name": name} for name in found.contributors],
        # schema.org's lifecycle term ("Draft", "Published"); the annotation context defines the prefix.
        "schema:creativeWorkStatus": annotation.status.capitalize(),
        "rights": LICENCE,
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": page,
            "selector": [
                quote_selector(paragraph.text, placement.span),
                {"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": placement.paragraph},
            ],
        },
    }
    if found.created_time:
        result["created"] = found.created_time
    if found.modified_time:
        result["modified"] = found.modified_time
    return result


def placed_annotations(transcript: Transcript, edition: Edition, ix: Indexes) -> list[tuple[Annotation, Placement]]:
    """A transcript's placed annotations with their placements, in reading order: paragraph, offset, id.

    The corpus-wide files list each transcript's in turn, in the edition's order of transcripts.
    """
    order = {p.id: i for i, p in enumerate(transcript.paragraphs())}
    own = (ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, []))
    placed = [(a, p) for a in own if (p := edition.placements.get(a.id)) is not None]
    placed.sort(key=lambda pair: (order[pair[1].paragraph], pair[1].span.start, pair[0].id))
    return placed


def annotation_collection(site_url: str, total: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The annotations as one collection with one page."""
    collection = f"{site_url.rstrip('/')}/downloads/{FILE_NAME}"
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": "Annotations of the Annotated Transcripts edition",
        "creator": {"name": "Annotated Transcripts contributors"},
        "rights": LICENCE,
        "total": total,
        "first": {"id": f"{collection}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotation_items(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str) -> tuple[dict[str, Any], ...]:
    """One transcript's share of the collection's items, in reading order."""
    return tuple(web_annotation(a, edition, ix, site_url) for a, _ in placed_annotations(transcript, edition, ix))


def collection_bytes(site_url: str, shares: list[tuple[dict[str, Any], ...]]) -> dict[str, bytes]:
    """``{annotations.jsonld: bytes}`` from each transcript's ``annotation_items``, in edition order."""
    items = [item for share in shares for item in share]
    return {FILE_NAME: json_bytes(annotation_collection(site_url, len(items), items))}
