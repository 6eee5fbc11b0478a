"""TEI export (build_scripts/export/tei.py): well-formed, valid against schemas/tei-subset.rng,
and saying the same as the JSON edition, id for id and character for character."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from build_scripts.export.tei import body_paragraphs, paragraph_element, xml_id
from build_scripts.generate import checked_edition, generated_files
from build_scripts.model import Paragraph, Span

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RANGE = re.compile(r"^#string-range\((p\d+),(\d+),(\d+)\)$")


@pytest.fixture(scope="module")
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "tei-subset.rng")))


@pytest.fixture(scope="module")
def tei(site: Path) -> etree._ElementTree:
    """The published file: parsing it is the well-formedness check."""
    return etree.parse(str(site / "downloads" / f"{SEED}.tei.xml"))


@pytest.fixture(scope="module")
def edition_json(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def test_published_tei_is_valid_against_the_subset_schema(tei: etree._ElementTree, schema: etree.RelaxNG) -> None:
    assert schema.validate(tei), schema.error_log


@pytest.mark.parametrize(
    "break_it",
    [
        lambda doc: doc.find(".//tei:seg", NS).attrib.pop(XML_ID),
        lambda doc: doc.find(".//tei:u", NS).set("who", "nobody with spaces"),
        lambda doc: doc.find(".//tei:annotation", NS).set("target", "#p21"),
        lambda doc: etree.SubElement(doc.find(".//tei:seg", NS), "{http://www.tei-c.org/ns/1.0}b"),
        lambda doc: doc.getroot().remove(doc.find("tei:teiHeader", NS)),
    ],
)
def test_schema_rejects_a_broken_document(tei: etree._ElementTree, schema: etree.RelaxNG, break_it: Any) -> None:
    broken = copy.deepcopy(tei)
    break_it(broken)
    assert not schema.validate(broken)


def test_every_xml_id_is_unique(tei: etree._ElementTree) -> None:
    ids = tei.xpath("//@xml:id")
    assert len(ids) == len(set(ids))


def test_turns_and_paragraphs_match_the_json(tei: etree._ElementTree, edition_json: dict[str, Any]) -> None:
    turns = tei.xpath("//tei:body//*[self::tei:u or self::tei:note[@type='narrative']]", namespaces=NS)
    assert [t.get(XML_ID) for t in turns] == [t["id"] for t in edition_json["turns"]]
    for element, turn in zip(turns, edition_json["turns"]):
        assert element.get("who") == (f"#{turn['speaker']}" if turn["speaker"] else None)
        paragraphs = element.xpath("tei:seg | tei:note[@type='stage']", namespaces=NS)
        assert [p.get(XML_ID) for p in paragraphs] == [p["id"] for p in turn["paragraphs"]]
        for node, paragraph in zip(paragraphs, turn["paragraphs"]):
            assert "".join(node.itertext()) == paragraph["text"]  # emphasis as <hi> adds no characters
            assert (etree.QName(node).localname == "note") == (paragraph["kind"] == "note" and turn["kind"] != "narration")


def test_every_speaker_is_in_the_header(tei: etree._ElementTree, edition_json: dict[str, Any]) -> None:
    people = tei.xpath("//tei:particDesc//*[self::tei:person or self::tei:org]/@xml:id", namespaces=NS)
    assert sorted(people) == sorted(s["id"] for s in edition_json["speakers"])
    assert {w[1:] for w in tei.xpath("//tei:u/@who", namespaces=NS)} <= set(people)


def test_standoff_points_at_the_annotated_words(tei: etree._ElementTree, edition_json: dict[str, Any]) -> None:
    texts = {p["id"]: p["text"] for t in edition_json["turns"] for p in t["paragraphs"]}
    annotations = tei.xpath("//tei:standOff//tei:annotation", namespaces=NS)
    assert [a.get(XML_ID) for a in annotations] == [a["id"] for a in edition_json["annotations"]]
    for element, annotation in zip(annotations, edition_json["annotations"]):
        match = RANGE.match(element.get("target"))
        assert match, element.get("target")
        paragraph, offset, length = match.group(1), int(match.group(2)), int(match.group(3))
        assert (paragraph, offset, offset + length) == (annotation["paragraph"], annotation["start"], annotation["end"])
        assert texts[paragraph][offset : offset + length] == texts[annotation["paragraph"]][annotation["start"] : annotation["end"]]
        cited = element.xpath(".//tei:bibl/tei:ptr/@target", namespaces=NS)
        assert cited == [s["url"] or s["read_at"] or s["archive_url"] for s in annotation["sources"]]
        assert element.xpath(".//tei:bibl/tei:idno/text()", namespaces=NS) == [s["id"] for s in annotation["sources"]]


def test_export_is_deterministic() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    first = generated_files(edition, "https://example.org/")[f"downloads/{SEED}.tei.xml"]
    assert first == generated_files(edition, "https://example.org/")[f"downloads/{SEED}.tei.xml"]


def test_emphasis_becomes_hi_without_changing_the_text() -> None:
    element = paragraph_element(None, "seg", Paragraph("p1", "Say ‘yes’ & <no>.", "speech", (Span(4, 9), Span(13, 15))))
    seg = etree.fromstring(ET.tostring(element))
    assert "".join(seg.itertext()) == "Say ‘yes’ & <no>."
    assert [hi.text for hi in seg] == ["‘yes’", "no"]


def test_markdown_body_keeps_links_and_emphasis() -> None:
    note = ET.Element("note")
    body_paragraphs(note, "A *term* from [a report](https://example.org/r?a=1&b=2).\n\nSecond `x`.")
    parsed = etree.fromstring(ET.tostring(note))
    paragraphs = parsed.findall("p")
    assert ["".join(p.itertext()) for p in paragraphs] == ["A term from a report.", "Second x."]
    assert parsed.find(".//ref").get("target") == "https://example.org/r?a=1&b=2"
    assert parsed.find(".//hi").get("rend") == "italic"


def test_text_and_attributes_read_back_as_written() -> None:
    note = ET.Element("note")
    value = "a & b < c > d \"e\" 'f'"
    body_paragraphs(note, f"[{value}](https://example.org/?q=a&b=%22c%22)")
    parsed = etree.fromstring(ET.tostring(note))
    assert ("".join(parsed.itertext()), parsed.find(".//ref").get("target")) == (value, "https://example.org/?q=a&b=%22c%22")


@pytest.mark.parametrize("value, expected", [("p12", "p12"), ("elijan-anayit", "elijan-anayit"), ("2020-note", "_2020-note")])
def test_xml_ids_are_ncnames(value: str, expected: str) -> None:
    assert xml_id(value) == expected
