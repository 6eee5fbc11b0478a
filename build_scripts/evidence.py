"""A topic's evidence: the notes that carry the topic, in the order a topic page and its CSV give them.

Claims come first (what a reader comparing claims with evidence looks for), then the other kinds in the
order of the transcript page's note controls; within a kind, in reading order.
"""

from __future__ import annotations

from .indexes import Indexes
from .model import Annotation, AnnotationKind, Edition

KIND_ORDER: tuple[AnnotationKind, ...] = ("claim", "context", "term", "correction", "person", "cross-reference")


def table_name(topic_id: str) -> str:
    """The file name of a topic's CSV table among the downloads (export/topic_csv.py; linked from its page)."""
    return f"topic-{topic_id}.csv"


def topic_evidence(topic_id: str, edition: Edition, ix: Indexes) -> list[Annotation]:
    """The annotations of a topic, claims first, each kind in reading order."""
    transcripts = {t.id: n for n, t in enumerate(edition.transcripts)}

    def order(annotation: Annotation) -> tuple[int, int, int, int, str]:
        placement = edition.placements[annotation.id]
        return (
            KIND_ORDER.index(annotation.kind),
            transcripts[annotation.transcript],
            int(placement.paragraph[1:]),
            placement.span.start,
            annotation.id,
        )

    return sorted((ix.annotation[a] for a in ix.annotations_of_topic.get(topic_id, [])), key=order)
