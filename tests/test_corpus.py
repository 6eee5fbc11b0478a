"""Several transcripts, one site: the seed plus an invented fixture transcript build together
(mkdocs --strict); the home page lists both, a shared speaker has one profile covering both,
and a topic spans both."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import html

from tests.conftest import run_cli
from tests.project_copy import add_fixture_transcript, copy_project

SEED_TITLE = "The 10th Press Conference on Xinjiang-Related Issues"
FIXTURE_TITLE = "Fixture: Corpus Test Briefing"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = add_fixture_transcript(copy_project(tmp_path_factory.mktemp("corpus") / "project"))
    result: subprocess.CompletedProcess[str] = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html" if path else site / "index.html").read_bytes())


def text_of(element: html.HtmlElement) -> str:
    """Visible text, without the ¶ permalink MkDocs adds to headings."""
    return " ".join(element.text_content().split()).removesuffix("¶")


def test_home_lists_both_transcripts_with_their_counts(corpus_site: Path) -> None:
    home = page(corpus_site, "")
    rows = {
        text_of(row.xpath("td[2]")[0]): [text_of(td) for td in row.xpath("td")]
        for row in home.xpath("//table//tr[td]")
        if row.xpath("td[2]//a")
    }
    assert SEED_TITLE in rows and FIXTURE_TITLE in rows
    assert rows[FIXTURE_TITLE][0] == "2001-02-01" and rows[FIXTURE_TITLE][2] == "Test fixture organiser (invented)"
    assert rows[FIXTURE_TITLE][3:5] == ["8", "1"]  # turns, questions (a follow-up is part of its question)
    assert rows[SEED_TITLE][4] == "10"
    links = {a.get("href") for a in home.xpath("//table//td[2]//a")}
    assert {"transcripts/xinjiang-2020-06-19/", "transcripts/fixture-corpus-briefing/"} <= links


def test_each_transcript_has_its_own_page(corpus_site: Path) -> None:
    fixture = page(corpus_site, "transcripts/fixture-corpus-briefing")
    assert text_of(fixture.xpath("//h1")[0]) == FIXTURE_TITLE
    assert "The invented ferry service starts in spring." in text_of(fixture)
    assert "invented ferry" not in text_of(page(corpus_site, "transcripts/xinjiang-2020-06-19"))


def test_a_follow_up_gets_no_second_question_heading(corpus_site: Path) -> None:
    fixture = page(corpus_site, "transcripts/fixture-corpus-briefing")
    assert len(fixture.xpath('//*[@id="q1"]')) == 1
    assert [text_of(h) for h in fixture.xpath("//h2") if text_of(h).startswith("Q")] == ["Q1 · Lakeside Tribune (invented)"]
    assert len(fixture.xpath('//div[contains(@class, "turn-question")]')) == 2


def test_a_shared_speaker_has_one_profile_listing_both_transcripts(corpus_site: Path) -> None:
    profile = page(corpus_site, "speakers/xuar-press-moderator")
    headings = [text_of(h) for h in profile.xpath("//h3")]
    assert SEED_TITLE in headings and FIXTURE_TITLE in headings
    targets = {a.get("href").split("#")[0] for a in profile.xpath("//a[@href]")}
    assert {"../../transcripts/xinjiang-2020-06-19/", "../../transcripts/fixture-corpus-briefing/"} <= targets
    figures = {text_of(row.xpath("td[1]")[0]): text_of(row.xpath("td[2]")[0]) for row in profile.xpath("//table//tr[td]")}
    assert figures["Transcripts"] == "2"


def test_a_topic_spans_both_transcripts(corpus_site: Path) -> None:
    topic = page(corpus_site, "topics/media-and-press-conferences")
    targets = {a.get("href").split("#")[0] for a in topic.xpath("//a[@href]")}
    assert {"../../transcripts/xinjiang-2020-06-19/", "../../transcripts/fixture-corpus-briefing/"} <= targets
