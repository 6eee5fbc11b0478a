"""W3C Web Annotation export (build_scripts/export/webanno.py), expanded with pyld offline.

The only context served is schemas/anno.jsonld, a copy of http://www.w3.org/ns/anno.jsonld;
any other URL fails, so a typo in the context URL or a second context fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from build_scripts.export.webanno import CONTEXT, quote_selector
from build_scripts.generate import checked_edition, generated_files
from build_scripts.mkdocs_config import site_url
from build_scripts.model import Span

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"
LOCAL_CONTEXT = json.loads((ROOT / "schemas" / "anno.jsonld").read_text(encoding="utf-8"))
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve the W3C context from the local copy; refuse everything else."""
    if url in (CONTEXT, "https://www.w3.org/ns/anno.jsonld"):
        return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}
    raise jsonld.JsonLdError(f"offline test: refusing to load {url}", "jsonld.LoadDocumentError", code="loading document failed")


@pytest.fixture(autouse=True)
def offline_loader() -> Iterator[None]:
    previous = jsonld.get_document_loader()
    jsonld.set_document_loader(local_loader)
    yield
    jsonld.set_document_loader(previous)


@pytest.fixture(scope="module")
def collection(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / "annotations.jsonld").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def edition_json(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def _values(node: dict[str, Any], key: str) -> list[Any]:
    return [v.get("@id", v.get("@value")) for v in node.get(key, [])]


def test_every_annotation_survives_expansion(collection: dict[str, Any], edition_json: dict[str, Any]) -> None:
    expanded = jsonld.expand(collection)
    assert len(expanded) == 1 and expanded[0]["@type"] == [f"{AS}OrderedCollection"]
    items = expanded[0][f"{AS}first"][0][f"{AS}items"][0]["@list"]
    assert len(items) == collection["total"] == len(edition_json["annotations"])
    page = f"{site_url(ROOT)}transcripts/{SEED}/"
    by_url = {f"{page}#fn:{a['id']}": a for a in edition_json["annotations"]}
    assert sorted(item["@id"] for item in items) == sorted(by_url)
    for item in items:
        annotation = by_url[item["@id"]]
        assert item["@type"] == [f"{OA}Annotation"]
        assert item["http://purl.org/dc/terms/creator"][0]["http://xmlns.com/foaf/0.1/name"][0]["@value"] == annotation["author"]
        target = item[f"{OA}hasTarget"][0]
        assert _values(target, f"{OA}hasSource") == [page]
        selectors = {s["@type"][0]: s for s in target[f"{OA}hasSelector"]}
        assert set(selectors) == {f"{OA}TextQuoteSelector", f"{OA}FragmentSelector"}
        assert _values(selectors[f"{OA}FragmentSelector"], "http://www.w3.org/1999/02/22-rdf-syntax-ns#value") == [annotation["paragraph"]]
        bodies = item[f"{OA}hasBody"]
        assert any(b.get("@type") == [f"{OA}TextualBody"] for b in bodies)
        assert {s["url"] or s["read_at"] or s["archive_url"] for s in annotation["sources"]} <= {b.get("@id") for b in bodies}
        if len(annotation["date"]) == 10:
            assert item["http://purl.org/dc/terms/created"][0]["@value"].startswith(annotation["date"])


def test_no_term_is_dropped_by_expansion(collection: dict[str, Any]) -> None:
    """Expansion drops keys the context does not define; compare key counts before and after."""

    def count(node: Any) -> int:
        if isinstance(node, list):
            return sum(count(n) for n in node)
        if isinstance(node, dict):
            return sum(1 + count(v) for k, v in node.items() if k not in ("@context", "@list", "@value"))
        return 0

    sample = {"@context": CONTEXT, **collection["first"]["items"][0]}
    expanded = jsonld.expand(sample)[0]
    compacted = jsonld.compact(expanded, CONTEXT)
    assert sorted(k for k in compacted if k != "@context") == sorted(k for k in sample if k != "@context")
    assert count(compacted) == count(sample)


def test_loader_refuses_other_contexts() -> None:
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/other.jsonld", "id": "x"})


def test_quote_selectors_are_the_real_text(collection: dict[str, Any], edition_json: dict[str, Any]) -> None:
    texts = {p["id"]: p["text"] for t in edition_json["turns"] for p in t["paragraphs"]}
    annotations = {a["id"]: a for a in edition_json["annotations"]}
    for item in collection["first"]["items"]:
        annotation = annotations[item["id"].split("#fn:")[1]]
        quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
        text, start, end = texts[annotation["paragraph"]], annotation["start"], annotation["end"]
        assert quote["exact"] == text[start:end]
        assert text[start - len(quote["prefix"]) : start] == quote["prefix"]
        assert text[end : end + len(quote["suffix"])] == quote["suffix"]
        assert len(quote["prefix"]) == min(32, start) and len(quote["suffix"]) == min(32, len(text) - end)


def test_quote_selector_is_cut_at_the_paragraph_edges() -> None:
    text = "a" * 40 + "QUOTE" + "b" * 10
    selector = quote_selector(text, Span(40, 45))
    assert selector == {"type": "TextQuoteSelector", "exact": "QUOTE", "prefix": "a" * 32, "suffix": "b" * 10}
    assert quote_selector("QUOTE", Span(0, 5))["prefix"] == ""


def test_export_is_deterministic() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    first = generated_files(edition, "https://example.org/x/")["downloads/annotations.jsonld"]
    assert first == generated_files(edition, "https://example.org/x/")["downloads/annotations.jsonld"]
    assert b"https://example.org/x/transcripts/" in first


@pytest.mark.parametrize("site", ["https://example.org/x/", "https://example.org/[]/"])
def test_file_is_the_whole_collection_encoded_at_once(site: str) -> None:
    """The annotations are encoded one by one and put into the collection's "items": the file
    must still be the compact encoding of one document, with nothing lost or doubled (a "[]"
    in the site URL must not be taken for the empty list)."""
    edition = checked_edition(ROOT / "data", ROOT)
    data = generated_files(edition, site)["downloads/annotations.jsonld"]
    document = json.loads(data)
    assert data == (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    items = document["first"]["items"]
    assert document["total"] == len(items) == len(edition.placements) > 1
    assert len({item["id"] for item in items}) == len(items)
    assert document["id"] == f"{site}downloads/annotations.jsonld"
