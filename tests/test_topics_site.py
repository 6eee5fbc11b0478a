"""Topic pages of the built site as evidence tables: each note on the topic with its words, speaker, ¶ link, whole
note and sources, claims first; the same notes, in the same order, in the topic's CSV linked from the page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from build_scripts.evidence import KIND_ORDER
from tests.site_html import follow, page_file, parse

SEED = "xinjiang-2020-06-19"


@pytest.fixture(scope="module")
def export(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def topic_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "topics").glob("*/index.html"))


def test_every_topic_page_lists_its_notes_as_evidence_claims_first_as_its_csv_does(site: Path, export: dict[str, Any]) -> None:
    notes = {a["id"]: a for a in export["annotations"]}
    paragraphs = {p["id"]: p["text"] for t in export["turns"] for p in t["paragraphs"]}
    transcript = page_file(site, f"transcripts/{SEED}/")
    checked = 0
    for page in topic_pages(site):
        topic = page.parent.name
        on_topic = [a for a in export["annotations"] if topic in a["topics"]]
        entries = parse(page).xpath('//div[contains(concat(" ", @class, " "), " evidence ")]')
        assert len(entries) == len(on_topic), topic
        if not entries:
            continue
        ids = [str(e.xpath('.//a[contains(@class, "annotation-permalink")]/@href')[0]).rsplit("#fn:", 1)[1] for e in entries]
        kinds = [notes[i]["kind"] for i in ids]
        assert [e.get("data-kind") for e in entries] == kinds
        assert [KIND_ORDER.index(k) for k in kinds] == sorted(KIND_ORDER.index(k) for k in kinds), topic  # claims first
        for entry, note_id in zip(entries, ids):
            note = notes[note_id]
            where = entry.xpath('.//p[contains(@class, "evidence__where")]/a')[-1]
            assert follow(site, page, str(where.get("href"))) == (transcript, note["paragraph"])
            assert note["quote"] in paragraphs[note["paragraph"]]
            assert len(entry.xpath(".//ol/li")) == len(note["sources"])
        csv_link = parse(page).xpath('//a[contains(@class, "evidence-csv")]/@href')
        target, _ = follow(site, page, str(csv_link[0]))
        assert target is not None and target.name == f"topic-{topic}.csv"
        rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
        assert [r["annotation"] for r in rows] == ids
        assert {r["topic"] for r in rows} == {topic}
        checked += 1
    assert checked >= 10


def test_the_evidence_stays_out_of_search_where_the_notes_are_found_on_their_transcript_page(site: Path, export: dict[str, Any]) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    note = next(a for a in export["annotations"] if "forced-labour" in a["topics"] and a["kind"] == "claim")
    words = note["body"].split(".")[0][:50]
    assert any(words in text for loc, text in texts.items() if loc.startswith(f"transcripts/{SEED}/"))
    assert not any(words in text for loc, text in texts.items() if loc.startswith("topics/"))
    assert "topics/forced-labour/#evidence" in texts  # the section itself is found, its notes are not doubled
