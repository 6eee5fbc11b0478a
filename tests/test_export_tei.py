"""TEI export (build_scripts/export/tei.py): well-formed, valid against schemas/tei-subset.rng,
and saying the same as the JSON edition, id for id and character for character."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from build_scripts.export.tei import body_tei, parsed_body_tei, text_with_emphasis, xml_id
from build_scripts.export.xml_text import leaf as _leaf
from build_scripts.generate import checked_edition, generated_files
from build_scripts.load.markdown_body import is_plain
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
    markup = text_with_emphasis(Paragraph("p1", "Say ‘yes’ & <no>.", "speech", (Span(4, 9), Span(13, 15))))
    seg = etree.fromstring(f"<seg>{markup}</seg>")
    assert "".join(seg.itertext()) == "Say ‘yes’ & <no>."
    assert [hi.text for hi in seg] == ["‘yes’", "no"]


def test_markdown_body_keeps_links_and_emphasis() -> None:
    markup = body_tei("A *term* from [a report](https://example.org/r?a=1&b=2).\n\nSecond `x`.")
    parsed = etree.fromstring(f"<note>{markup}</note>")
    paragraphs = parsed.findall("p")
    assert ["".join(p.itertext()) for p in paragraphs] == ["A term from a report.", "Second x."]
    assert parsed.find(".//ref").get("target") == "https://example.org/r?a=1&b=2"
    assert parsed.find(".//hi").get("rend") == "italic"


def test_text_and_attributes_are_escaped() -> None:
    """The XML is written as text: every value must read back exactly as it was."""
    value = "a & b < c > d \"e\" 'f'\ttab\nline\rreturn"
    element = etree.fromstring(_leaf("title", value, type=value, xml_id="x1"))
    assert (element.text, element.get("type")) == (value.replace("\r", "\n"), value)  # XML reads a CR in text as LF
    assert element.get("{http://www.w3.org/XML/1998/namespace}id") == "x1"
    assert _leaf("title", "") == "<title />" and _leaf("ptr", target="#p1") == '<ptr target="#p1" />'


@pytest.mark.parametrize(
    "body",
    [
        "One line.",
        "Two\nlines.",
        "First.\n\nSecond.\n",
        "\n\nAfter blank lines.\n\n\n\nAnd more.",
        "In 2019, 1 in 3 (a - b): yes; “quoted” 'x' – dash.",
        "Hard  \nbreak and a space \nat the end  ",
    ],
)
def test_plain_bodies_read_as_markdown_it_reads_them(body: str) -> None:
    assert is_plain(body)
    assert body_tei(body) == parsed_body_tei(body)


@pytest.mark.parametrize(
    "body",
    [
        "*em*",
        "snake_case",
        "[a](https://example.org)",
        "`x`",
        "a &amp; b",
        "<https://example.org>",
        "back\\slash",
        "# Heading",
        "- item",
        "+ item",
        "1. item",
        "2) item",
        "Title\n===",
        "Title\n---",
        "> quote",
        "    code",
        " leading space",
        "trailing tab\t",
        "\u00a0leading no-break space",
        "line\r\nend",
        "tab\tinside, no\u00a0break space, line\u2028separator",
        "#1, +2, =3, 4.5",
    ],
)
def test_bodies_with_markdown_syntax_are_parsed(body: str) -> None:
    assert not is_plain(body)


def test_plain_reading_agrees_with_markdown_it_on_random_bodies() -> None:
    """Random bodies from the characters that matter: wherever the plain reading is taken, it
    gives what markdown-it gives."""
    pieces = ["a", "b c", " ", "  ", "\t", "\n", "\n\n", "1", ".", ")", "-", "#", "=", "+", "|", "\u00a0", ":"]
    rng = random.Random(8)
    plain = 0
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        plain += is_plain(body)
        assert body_tei(body) == parsed_body_tei(body), repr(body)
    assert plain > 100  # the plain reading was really exercised


def test_project_bodies_read_the_same_either_way() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    assert all(body_tei(a.body) == parsed_body_tei(a.body) for a in edition.annotations)


@pytest.mark.parametrize("value, expected", [("p12", "p12"), ("elijan-anayit", "elijan-anayit"), ("2020-note", "_2020-note")])
def test_xml_ids_are_ncnames(value: str, expected: str) -> None:
    assert xml_id(value) == expected
