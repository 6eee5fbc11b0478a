"""One set of ids everywhere: the built site's HTML, JSON, TEI, Web Annotation JSON-LD and CSV
all name the same turns, paragraphs and annotations, read back from the published files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree, html

SEED = "xinjiang-2020-06-19"
TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def formats(site: Path) -> dict[str, dict[str, list[str]]]:
    """{format: {"turns": [...], "paragraphs": [...], "annotations": [...]}} from each published file."""
    downloads = site / "downloads"
    data: dict[str, Any] = json.loads((downloads / f"{SEED}.json").read_text(encoding="utf-8"))
    page = html.parse(str(site / "transcripts" / SEED / "index.html"))
    tei = etree.parse(str(downloads / f"{SEED}.tei.xml"))
    collection = json.loads((downloads / "annotations.jsonld").read_text(encoding="utf-8"))
    with (downloads / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        paragraph_rows = [r for r in csv.DictReader(handle) if r["transcript"] == SEED]
    with (downloads / "annotations.csv").open(encoding="utf-8", newline="") as handle:
        annotation_rows = [r for r in csv.DictReader(handle) if r["transcript"] == SEED]
    items = [a for a in collection["first"]["items"] if a["target"]["source"].endswith(f"/transcripts/{SEED}/")]
    return {
        "json": {
            "turns": [t["id"] for t in data["turns"]],
            "paragraphs": [p["id"] for t in data["turns"] for p in t["paragraphs"]],
            "annotations": sorted(a["id"] for a in data["annotations"]),
            "annotated": sorted(a["paragraph"] for a in data["annotations"]),
        },
        "html": {
            "turns": page.xpath("//div[contains(concat(' ', @class, ' '), ' turn ')]/@id"),
            "paragraphs": page.xpath("//*[contains(concat(' ', @class, ' '), ' para ')]/@id"),
            "annotations": sorted(i[3:] for i in page.xpath("//div[@class='footnote']//li/@id")),
            "annotated": sorted(
                p.get("id")
                for p in page.xpath("//*[contains(concat(' ', @class, ' '), ' para ')]")
                for _ in p.xpath(".//sup[starts-with(@id, 'fnref')]")
            ),
        },
        "tei": {
            "turns": tei.xpath("//tei:body//*[self::tei:u or self::tei:note[@type='narrative']]/@xml:id", namespaces=TEI_NS),
            "paragraphs": tei.xpath("//tei:body//*[self::tei:seg or self::tei:note[@type='stage']]/@xml:id", namespaces=TEI_NS),
            "annotations": sorted(tei.xpath("//tei:standOff//tei:annotation/@xml:id", namespaces=TEI_NS)),
            "annotated": sorted(t.split("(")[1].split(",")[0] for t in tei.xpath("//tei:annotation/@target", namespaces=TEI_NS)),
        },
        "jsonld": {
            "annotations": sorted(a["id"].split("#fn:")[1] for a in items),
            "annotated": sorted(next(s["value"] for s in a["target"]["selector"] if s["type"] == "FragmentSelector") for a in items),
        },
        "csv": {
            "turns": list(dict.fromkeys(r["turn"] for r in paragraph_rows)),
            "paragraphs": [r["paragraph"] for r in paragraph_rows],
            "annotations": sorted(r["annotation"] for r in annotation_rows),
            "annotated": sorted(r["paragraph"] for r in annotation_rows),
        },
    }


@pytest.mark.parametrize("kind", ["turns", "paragraphs", "annotations", "annotated"])
def test_every_format_names_the_same_ids(formats: dict[str, dict[str, list[str]]], kind: str) -> None:
    expected = formats["json"][kind]
    assert expected, f"the JSON edition has no {kind}"
    for name, ids in formats.items():
        if kind in ids:
            assert ids[kind] == expected, f"{name} {kind} differ from the JSON edition"
