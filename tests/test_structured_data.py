"""schema.org JSON-LD in the page head (build_scripts/render/structured_data.py + overrides/main.html)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html

from build_scripts.generate import checked_edition
from build_scripts.model import Anchor, Annotation, Citation, Review
from build_scripts.register import Publisher, Source
from build_scripts.render.structured_data import claim_review, script_safe_json, with_front_matter
from build_scripts.resolve import build_indexes

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"


@pytest.fixture(scope="module")
def head_data(site: Path) -> dict[str, Any]:
    page = html.parse(str(site / "transcripts" / SEED / "index.html"))
    scripts = page.xpath('/html/head/script[@type="application/ld+json"]')
    assert len(scripts) == 1, "one JSON-LD block, in <head>"
    return dict(json.loads(scripts[0].text))


def test_head_describes_the_event_and_the_transcript(head_data: dict[str, Any], site: Path) -> None:
    edition = json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8"))
    graph = {node["@type"]: node for node in head_data["@graph"]}
    event, work = graph["Event"], graph["CreativeWork"]
    assert head_data["@context"] == "https://schema.org"
    assert (event["name"], event["startDate"], event["location"]["name"], event["organizer"]["name"]) == (
        edition["title"],
        edition["date"],
        edition["place"],
        edition["organiser"],
    )
    assert work["recordedAt"] == {"@id": event["@id"]}
    assert work["url"].endswith(f"/transcripts/{SEED}/")


def test_claim_reviews_only_for_sourced_reviews(head_data: dict[str, Any]) -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    reviewed = [a for a in edition.annotations if a.transcript == SEED and a.review is not None]
    assert len([n for n in head_data["@graph"] if n["@type"] == "ClaimReview"]) == len(reviewed)


def test_claim_review_shape_from_a_literal_annotation() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    ix = build_indexes(edition)
    placed = next(a for a in edition.annotations if a.kind == "claim")
    edition.publishers["checkers"] = Publisher("checkers", "Example Checkers", "news-organisation")
    edition.sources["fact-check"] = Source("fact-check", "Fact check", "checkers", "2021-02-03", "https://checkers.example/fc/1")
    source = Citation("fact-check", "X never happened.")
    annotation = Annotation(
        id=placed.id,
        transcript=placed.transcript,
        anchor=Anchor(placed.anchor.quote),
        kind="claim",
        body="Body.",
        sources=(source,),
        topics=(),
        author="A",
        date="2026-01-01",
        review=Review(claim="X never happened", rating="False", source=1),
    )
    review = claim_review(annotation, edition, ix, "https://site.example/")
    assert review is not None
    paragraph = edition.placements[placed.id].paragraph
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == "X never happened"
    assert review["author"] == {"@type": "Organization", "name": "Example Checkers"}  # the source rates, not us
    assert review["url"] == "https://checkers.example/fc/1" and review["reviewRating"]["alternateName"] == "False"
    assert review["itemReviewed"]["appearance"]["url"] == f"https://site.example/transcripts/{SEED}/#{paragraph}"
    assert review["itemReviewed"]["author"]["name"]  # the speaker of the paragraph
    assert claim_review(dataclasses.replace(annotation, review=None), edition, ix, "https://site.example/") is None


def test_json_cannot_close_the_script() -> None:
    text = script_safe_json({"name": "</script><script>alert(1)</script> <!-- x"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> <!-- x"}


def test_front_matter_value_survives_yaml() -> None:
    value = script_safe_json({"a": 'line\u2028separator "quoted" \\ back'})
    page = with_front_matter('---\ntitle: "T"\n---\n# T\n', "jsonld", value)
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta == {"title": "T", "jsonld": value}
    assert page.endswith("---\n# T\n")


def test_template_prints_the_json_unescaped(site: Path) -> None:
    raw = (site / "transcripts" / SEED / "index.html").read_text(encoding="utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "&quot;" not in block and "&#34;" not in block
    json.loads(block)
