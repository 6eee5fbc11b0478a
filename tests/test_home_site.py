"""The home page of the built site: the editors' summary (edition.yml ``summary:``) with what says so, a
"Start reading" link to the transcript, and the questions with the most notes named by subject."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from tests.site_html import follow, page_file, parse

SEED = "xinjiang-2020-06-19"


@pytest.fixture(scope="module")
def home(site: Path) -> Path:
    page = page_file(site, "")
    assert page is not None
    return page


@pytest.fixture(scope="module")
def export(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def words(element: lxml.html.HtmlElement) -> str:
    return " ".join(str(element.text_content()).split())


def test_the_summary_says_what_the_editors_wrote_each_sentence_with_what_says_so(built_project: Path, site: Path, home: Path) -> None:
    written = yaml.safe_load((built_project / f"data/transcripts/{SEED}/edition.yml").read_text(encoding="utf-8"))["summary"]
    summary = parse(home).xpath(f'//div[@id="summary-{SEED}"]')[0]
    shown = words(summary)
    transcript = page_file(site, f"transcripts/{SEED}/")
    for sentence, refs in zip(written, summary.xpath('.//span[@class="home-summary__refs"]')):
        assert " ".join(sentence["text"].split()) in shown
        targets = [follow(site, home, str(a.get("href"))) for a in refs.xpath(".//a")]
        assert [t for t in targets if t[0] == transcript] == [(transcript, p) for p in sentence.get("passages", [])]
        for page, fragment in targets:
            assert page is not None and parse(page).xpath("//*[@id=$i]", i=fragment), fragment
    # The works are listed in full under the summary, and the Sources page links back to it.
    listed = parse(home).xpath(f'//span[starts-with(@id, "summary-{SEED}-source-")]')
    cited = {c["source"] for s in written for c in s.get("sources", [])}
    assert len(listed) == len({(c["source"], c.get("quote")) for s in written for c in s.get("sources", [])}) >= 1
    sources = page_file(site, "sources/")
    assert sources is not None
    for source in cited:
        entry = parse(sources).xpath("//li[span[@id=$i]]", i=f"src-{source}")[0]
        assert (home, f"summary-{SEED}") in [follow(site, sources, str(h)) for h in entry.xpath(".//a/@href")]


def test_start_reading_opens_the_transcript(site: Path, home: Path) -> None:
    start = parse(home).xpath('//a[contains(@class, "start-reading")]')
    assert [words(a) for a in start] == ["Start reading"]
    assert follow(site, home, str(start[0].get("href"))) == (page_file(site, f"transcripts/{SEED}/"), "")


def test_the_questions_with_most_notes_are_named_by_subject(site: Path, home: Path, export: dict[str, Any]) -> None:
    turn_of = {p["id"]: t["id"] for t in export["turns"] for p in t["paragraphs"]}
    notes = {q["id"]: sum(1 for a in export["annotations"] if turn_of[a["paragraph"]] in q["turns"]) for q in export["questions"]}
    expected = sorted(export["questions"], key=lambda q: (-notes[q["id"]], q["number"]))[:3]
    heading = parse(home).xpath('//p[strong="The questions with the most notes"]')[0]
    items = heading.xpath("following-sibling::ul[1]/li")
    assert [words(li) for li in items] == [
        f"Q{q['number']} · {q['subject']} — {notes[q['id']]} note{'s' if notes[q['id']] > 1 else ''}" for q in expected
    ]
    transcript = page_file(site, f"transcripts/{SEED}/")
    assert [follow(site, home, str(li.xpath(".//a/@href")[0])) for li in items] == [(transcript, q["id"]) for q in expected]
