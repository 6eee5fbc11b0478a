"""The Downloads page and the files behind it, as `make build` publishes them; and CITATION.cff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from lxml import html

from build_scripts.render.downloads import format_of, size_text

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"
EXPECTED = {f"{SEED}.json", f"{SEED}.tei.xml", "annotations.jsonld", "paragraphs.csv", "annotations.csv", "sources.csl.json", "sources.bib"}
WITHOUT_TRANSCRIPT = {"annotations.jsonld", "annotations.csv", "sources.csl.json", "sources.bib"}


@pytest.fixture(scope="module")
def expected(site: Path) -> set[str]:
    """The fixed files, and one evidence table per topic that has notes (as annotations.csv does, it quotes only the
    words a note annotates)."""
    notes = json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8"))["annotations"]
    return EXPECTED | {f"topic-{topic}.csv" for note in notes for topic in note["topics"]}


@pytest.fixture(scope="module")
def rows(site: Path) -> list[dict[str, str]]:
    """The table of site/downloads/index.html: link target, format and size text of each row."""
    page = html.parse(str(site / "downloads" / "index.html"))
    result = []
    for row in page.xpath("//article//table/tbody/tr"):
        cells = row.xpath("./td")
        result.append(
            {
                "href": cells[0].xpath(".//a/@href")[0],
                "name": cells[0].text_content().strip(),
                "format": cells[2].text_content().strip(),
                "size": cells[3].text_content().strip(),
                "licence": cells[4].text_content().strip(),
            }
        )
    return result


def test_build_publishes_every_download(site: Path, expected: set[str]) -> None:
    published = {p.name for p in (site / "downloads").iterdir() if p.name != "index.html"}
    assert published == expected and len(expected) > len(EXPECTED)


def test_page_links_every_file_with_its_exact_size(site: Path, rows: list[dict[str, str]], expected: set[str]) -> None:
    assert sorted(r["name"] for r in rows) == sorted(expected)
    for row in rows:
        target = (site / "downloads" / row["href"]).resolve()
        assert target.is_file(), row["href"]
        shown = re.search(r"([\d,]+) bytes", row["size"])
        assert shown and int(shown.group(1).replace(",", "")) == target.stat().st_size, row


def test_formats_and_licences_are_named(rows: list[dict[str, str]]) -> None:
    formats = {r["name"]: r["format"] for r in rows}
    assert formats[f"{SEED}.tei.xml"] == "TEI P5 XML" and formats[f"{SEED}.json"] == "JSON edition"
    assert formats["annotations.jsonld"].startswith("W3C Web Annotation") and formats["paragraphs.csv"].startswith("CSV")
    assert formats["sources.csl.json"] == "CSL-JSON bibliography" and formats["sources.bib"] == "BibTeX"
    for row in rows:  # files holding the transcript text must not claim CC BY for it
        quoting = row["name"] in WITHOUT_TRANSCRIPT or row["name"].startswith("topic-")
        assert ("transcript text as published" in row["licence"]) == (not quoting)


@pytest.mark.parametrize(
    "name, label",
    [
        ("a.tei.xml", "TEI P5 XML"),
        ("a.json", "JSON edition"),
        ("a.jsonld", "W3C Web Annotation (JSON-LD)"),
        ("sources.csl.json", "CSL-JSON bibliography"),
        ("sources.bib", "BibTeX"),
        ("x.bin", "File"),
    ],
)
def test_format_of_file_names(name: str, label: str) -> None:
    assert format_of(name)[0] == label


def test_size_text_always_shows_the_exact_bytes() -> None:
    assert size_text(999) == "999 bytes"
    assert size_text(189_570) == "185.1 KiB (189,570 bytes)"


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(citation)
    assert citation["cff-version"] == "1.2.0"
    assert citation["authors"] == [{"name": "Annotated Transcripts contributors"}]  # an entity, not a person


@pytest.mark.parametrize(
    "change", [{"license": "CC-BY"}, {"authors": "Annotated Transcripts contributors"}, {"cff-version": "1.1.0"}, {"citation": "x"}]
)
def test_cff_schema_rejects_broken_metadata(change: dict[str, str]) -> None:
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors({**citation, **change}))
