"""A topic's evidence as CSV (build_scripts/export/topic_csv.py) and its order (build_scripts/evidence.py), on the
small literal edition with every note given one topic."""

from __future__ import annotations

import csv
import dataclasses
import io

from build_scripts.evidence import table_name, topic_evidence
from build_scripts.export.topic_csv import COLUMNS, topic_tables
from build_scripts.model import Edition
from build_scripts.resolve import build_indexes
from tests.factories import EDITION


def all_on_economy() -> Edition:
    annotations = [dataclasses.replace(a, topics=("economy",)) for a in EDITION.annotations]
    return dataclasses.replace(EDITION, annotations=annotations)


def test_claims_come_first_then_each_kind_in_reading_order() -> None:
    edition = all_on_economy()
    order = [a.id for a in topic_evidence("economy", edition, build_indexes(edition))]
    # claim-output is first (a claim); then term-record (p4) before correction-wey (p6), as the kinds are ordered.
    assert order == ["claim-output", "term-record", "correction-wey"]


def test_each_topic_with_notes_has_a_table_of_its_notes_in_page_order() -> None:
    edition = all_on_economy()
    tables = topic_tables(edition, build_indexes(edition))
    assert set(tables) == {table_name("economy")}  # harvest has no note left: no file
    data = tables[table_name("economy")]
    assert data.endswith(b"\r\n") and not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [r["annotation"] for r in rows] == ["claim-output", "term-record", "correction-wey"]
    claim = rows[0]
    assert (claim["topic"], claim["kind"], claim["paragraph"], claim["speaker_name"]) == ("economy", "claim", "p4", "Li Wei")
    assert claim["quote"] == "Output rose by a record 3 per cent"
    assert claim["question"] == "Q1 · Output in 2020"
    assert claim["note"] == "The *Annual report* gives the same figure."
    assert (claim["sources"], claim["source_types"], claim["source_dates"]) == (
        "Annual report (Statistics Office)",
        "Government or state body",
        "2020-12-31",
    )
    assert rows[2]["sources"] == ""  # a transcription note may cite nothing
    assert topic_tables(edition, build_indexes(edition)) == tables  # same input, same bytes
