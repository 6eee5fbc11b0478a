"""The built site's Sources and About pages, read back from the HTML against data/ as written."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from lxml import html as lxml_html

from build_scripts.register import PUBLISHER_TYPES

ROOT = Path(__file__).resolve().parent.parent


def _load(kind: str) -> list[dict[str, object]]:
    """data/<kind>.yml and data/<kind>/*.yml, as the register is read."""
    paths = [ROOT / "data" / f"{kind}.yml", *sorted((ROOT / "data" / kind).glob("*.yml"))]
    return [item for path in paths if path.exists() for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


SOURCES = {str(s["id"]): s for s in _load("sources")}
PUBLISHERS = {str(p["id"]): p for p in _load("publishers")}


def _citations() -> dict[str, set[str]]:
    """Source id → ids of the annotations citing it, from the annotation files."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "data" / "annotations").glob("*.yml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for cited in note.get("sources") or []:
                found.setdefault(cited["source"], set()).add(note["id"])
    return found


def test_every_source_is_on_the_sources_page_with_every_note_citing_it(site: Path) -> None:
    page = lxml_html.parse(str(site / "sources" / "index.html")).getroot()
    citing = _citations()
    for source_id in SOURCES:
        spans = page.xpath(f'//span[@id="src-{source_id}"]')
        assert len(spans) == 1, source_id
        entry = spans[0].getparent()
        assert entry.tag == "li", source_id
        linked = {a.get("href").rsplit("#fn:", 1)[1] for a in entry.iter("a") if "#fn:" in (a.get("href") or "")}
        assert linked == citing.get(source_id, set()), source_id


def test_sources_are_grouped_under_their_publishers_type(site: Path) -> None:
    page = lxml_html.parse(str(site / "sources" / "index.html")).getroot()
    for source_id, source in SOURCES.items():
        publisher = PUBLISHERS[str(source["publisher"])]
        heading = page.xpath(f'//span[@id="src-{source_id}"]/preceding::h2[1]')[0]
        assert heading.get("id") == publisher["type"], source_id
        assert PUBLISHER_TYPES[str(publisher["type"])] in heading.text_content()


def test_the_about_page_shows_the_mix_computed_from_the_data(site: Path) -> None:
    page = lxml_html.parse(str(site / "about" / "index.html")).getroot()
    rows = {r.xpath("string(td[1])").strip(): r.xpath("string(td[2])").strip() for r in page.xpath("//table//tr[td]")}
    types = Counter(PUBLISHERS[str(s["publisher"])]["type"] for s in SOURCES.values())
    for type_id, count in types.items():
        assert rows[PUBLISHER_TYPES[str(type_id)]] == str(count)
    notes = Counter(
        n["kind"] for path in (ROOT / "data" / "annotations").glob("*.yml") for n in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    )
    assert rows["Claim"] == str(notes["claim"]) and rows["Context"] == str(notes["context"])
    assert page.xpath('//a[contains(@href, "edit/main/data/about.md")]'), "the edit button opens data/about.md"
