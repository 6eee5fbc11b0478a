"""export/bibliography.py: the register as CSL-JSON and BibTeX, read back by the libraries that consume them.

CSL-JSON is loaded by citeproc-py (a CSL processor) and formatted with the style it ships; BibTeX is
parsed by pybtex in strict mode. Both are checked entry by entry against the register.
"""

from __future__ import annotations

import json
from pathlib import Path

import pybtex.errors
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from build_scripts.export.bibliography import bibtex, bibtex_entry, csl_item, csl_json, latex_text
from build_scripts.generate import checked_edition
from build_scripts.register import Publisher, Source

ROOT = Path(__file__).resolve().parent.parent
EDITION = checked_edition(ROOT / "data", ROOT)
DAILY = Publisher("daily", "Daily & Co {News}", "news-organisation")
COPY = Source(
    "daily-2021-copy",
    "Output up 3% for #1 ~ a_b \\ {x}",
    "daily",
    "2021-01",
    read_at="https://mirror.example/d?a=1&b=2",
    archive_url="https://web.archive.org/web/2021/https://daily.example/d",
    authors=("Ann Lee", "Bo Wu"),
)


def test_a_csl_item_carries_what_csl_has_fields_for_and_the_rest_in_custom() -> None:
    item = csl_item(COPY, DAILY)
    assert item["type"] == "article-newspaper" and item["publisher"] == "Daily & Co {News}"
    assert item["issued"] == {"date-parts": [[2021, 1]]} and item["URL"] == "https://mirror.example/d?a=1&b=2"
    assert item["author"] == [{"literal": "Ann Lee"}, {"literal": "Bo Wu"}]
    assert item["custom"] == {
        "publisher_id": "daily",
        "publisher_type": "news-organisation",
        "url": None,
        "read_at": "https://mirror.example/d?a=1&b=2",
        "archive_url": "https://web.archive.org/web/2021/https://daily.example/d",
    }
    assert "Publisher type: News organisation." in item["note"] and "Read at a copy: https://mirror.example" in item["note"]


@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")  # CSL's `custom`
def test_every_source_of_the_register_is_a_csl_item_citeproc_formats() -> None:
    items = json.loads(csl_json(EDITION))
    assert [i["id"] for i in items] == sorted(EDITION.sources)
    for item in items:
        source = EDITION.sources[item["id"]]
        assert item["title"] == source.title and item.get("URL") == (source.url or source.read_at or None)
        assert item["custom"]["publisher_type"] == EDITION.publishers[source.publisher].type
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    printed = [str(entry) for entry in bibliography.bibliography()]
    assert len(printed) == len(items)
    for item in items:  # each title reaches the formatted bibliography
        assert any(item["title"][:30] in entry for entry in printed), item["id"]


def test_special_characters_are_escaped_for_latex() -> None:
    assert latex_text("3% & #1 ~ a_b \\ {x} ^") == r"3\% \& \#1 \~{} a\_b \textbackslash{} \{x\} \^{}"
    entry = bibtex_entry(COPY, DAILY)
    pybtex.errors.set_strict_mode(True)
    parsed = parse_string(entry, "bibtex").entries["daily-2021-copy"]
    assert parsed.fields["year"] == "2021" and parsed.fields["month"] == "1"
    assert [str(p) for p in parsed.persons["author"]] == ["{Ann Lee}", "{Bo Wu}"]


def test_the_bibtex_file_parses_strictly_with_every_source() -> None:
    pybtex.errors.set_strict_mode(True)
    data = parse_string(bibtex(EDITION).decode("utf-8"), "bibtex")
    assert sorted(data.entries) == sorted(EDITION.sources)
    for key, entry in data.entries.items():
        source = EDITION.sources[key]
        assert entry.type == "misc"
        assert entry.fields["howpublished"] == latex_text(EDITION.publishers[source.publisher].name)
        assert entry.fields.get("url") == (source.url or source.read_at or None)
        assert entry.fields["title"] == "{" + latex_text(source.title) + "}"
