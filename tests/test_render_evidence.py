"""A topic page's evidence table (build_scripts/render/evidence.py) beyond the golden files: the kind filter."""

from __future__ import annotations

import dataclasses

from build_scripts.render import paths
from build_scripts.render.evidence import evidence_section
from build_scripts.render.listings import transcript_listings
from build_scripts.resolve import build_indexes
from tests.factories import EDITION, TRANSCRIPT


def test_a_topic_with_notes_of_several_kinds_gets_a_filter_counting_each_kind_claims_first() -> None:
    annotations = [dataclasses.replace(a, topics=("economy",)) for a in EDITION.annotations]
    edition = dataclasses.replace(EDITION, annotations=annotations)
    ix = build_indexes(edition)
    entries = transcript_listings(TRANSCRIPT, edition, ix).evidence
    text = evidence_section(edition.topics["economy"], edition, ix, entries, paths.topic("economy"))
    boxes = [line for line in text.splitlines() if "data-evidence-kind" in line]
    assert [b.split('"')[3] for b in boxes] == ["claim", "term", "correction"]
    assert boxes[0].endswith("Claims (1)</label>") and '<fieldset class="evidence-filter">' in text
    blocks = [line for line in text.splitlines() if line.startswith('<div class="evidence"')]
    assert [b.split('"')[3] for b in blocks] == ["claim", "term", "correction"]
    assert text.startswith("## Evidence\n\n3 notes on this topic")
    assert "[Download this table as CSV](../downloads/topic-economy.csv)" in text


def test_a_topic_without_notes_has_no_evidence_section() -> None:
    edition = dataclasses.replace(EDITION, annotations=[])
    assert evidence_section(edition.topics["harvest"], edition, build_indexes(edition), {}, paths.topic("harvest")) == ""
