"""Every annotation in data/ reaches the reader: a footnote in the built transcript page, and
an entry with its resolved paragraph in the JSON export. None is ever dropped silently."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from lxml import html as lxml_html

from build_scripts.load.markdown_body import body_words
from build_scripts.register import PUBLISHER_TYPES

ROOT = Path(__file__).resolve().parent.parent


def _register(name: str) -> dict[str, dict[str, object]]:
    """data/<name>.yml and data/<name>/*.yml (the register may be split into files), by id."""
    paths = [ROOT / "data" / f"{name}.yml", *sorted((ROOT / "data" / name).glob("*.yml"))]
    return {item["id"]: item for path in paths for item in yaml.safe_load(path.read_text(encoding="utf-8"))}


REGISTER = _register("sources")
PUBLISHERS = _register("publishers")


def _data_annotations() -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for path in sorted((ROOT / "data" / "annotations").glob("*.yml")):
        items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def test_every_annotation_is_a_footnote_with_its_text(site: Path) -> None:
    annotations = _data_annotations()
    assert len(annotations) >= 40
    pages: dict[str, lxml_html.HtmlElement] = {}
    for annotation in annotations:
        transcript = str(annotation["transcript"])
        if transcript not in pages:
            pages[transcript] = lxml_html.parse(str(site / "transcripts" / transcript / "index.html")).getroot()
        page = pages[transcript]
        notes = page.xpath(f'//li[@id="fn:{annotation["id"]}"]')
        assert len(notes) == 1, f"annotation {annotation['id']} has no footnote"
        note_text = _words(notes[0].text_content())
        body = body_words(str(annotation["body"]))
        assert _words(body)[:80] in note_text, annotation["id"]
        refs = page.xpath(f'//sup[@id="fnref:{annotation["id"]}"]//a[@href="#fn:{annotation["id"]}"]')
        assert len(refs) == 1, f"annotation {annotation['id']} has no marker in the text"
        marked = refs[0].getparent().getprevious()
        assert marked is not None and marked.tag == "mark", annotation["id"]


def test_factual_annotations_list_their_sources(site: Path) -> None:
    page = lxml_html.parse(str(site / "transcripts" / "xinjiang-2020-06-19" / "index.html")).getroot()
    for annotation in _data_annotations():
        note = page.xpath(f'//li[@id="fn:{annotation["id"]}"]')[0]
        links = {a.get("href") for a in note.iter("a")}
        for cited in annotation.get("sources") or []:  # type: ignore[attr-defined]
            source = REGISTER[cited["source"]]
            address = source.get("url") or source["read_at"]  # the publisher's page, else the copy read
            assert address in links, (annotation["id"], address)
            assert PUBLISHER_TYPES[PUBLISHERS[source["publisher"]]["type"]] in note.text_content()


def test_json_export_lists_annotations_with_resolved_paragraphs(site: Path) -> None:
    export = json.loads((site / "downloads" / "xinjiang-2020-06-19.json").read_text(encoding="utf-8"))
    paragraphs = {p["id"]: p["text"] for turn in export["turns"] for p in turn["paragraphs"]}
    exported = {a["id"]: a for a in export["annotations"]}
    expected = [a for a in _data_annotations() if a["transcript"] == "xinjiang-2020-06-19"]
    assert sorted(exported) == sorted(str(a["id"]) for a in expected)
    fold = str.maketrans("“”‘’", "\"\"''")
    for annotation in expected:
        entry = exported[str(annotation["id"])]
        text = paragraphs[entry["paragraph"]]
        quoted = text[entry["start"] : entry["end"]]
        wanted = re.sub(r"\s+", " ", str(annotation["anchor"]["quote"])).strip()  # type: ignore[index]
        assert quoted.translate(fold) == wanted.translate(fold), annotation["id"]
