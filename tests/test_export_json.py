"""The JSON edition (build_scripts/export/json_edition.py) against its contract, schemas/export.schema.json."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from build_scripts.export.json_edition import json_bytes
from build_scripts.generate import checked_edition, generated_files
from build_scripts.mkdocs_config import site_url

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
SEED = "xinjiang-2020-06-19"


def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(document: object) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator().iter_errors(document)]


@pytest.fixture(scope="module")
def export(site: Path) -> dict[str, Any]:
    """The file `make build` publishes: site/downloads/<transcript-id>.json."""
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def test_published_export_matches_the_schema(export: dict[str, Any]) -> None:
    assert errors(export) == []


def test_every_published_export_is_described_by_the_schema(site: Path) -> None:
    files = [f for f in sorted((site / "downloads").glob("*.json")) if not f.name.endswith(".csl.json")]  # CSL: its own test
    assert files, "make build published no JSON edition"
    for path in files:
        assert errors(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


@pytest.mark.parametrize(
    "break_it, where",
    [
        (lambda d: d["turns"][0].update(kind="speech"), "$.turns[0].kind"),
        (lambda d: d["turns"][1]["paragraphs"][0].pop("id"), "$.turns[1].paragraphs[0]"),
        (lambda d: d.update(date="19 June 2020"), "$.date"),
        (lambda d: d["questions"][0].update(answered_by="akbar-haydar"), "$.questions[0].answered_by"),
        (lambda d: d["annotations"][0].update(paragraph=None), "$.annotations[0].paragraph"),
        (lambda d: d["speakers"][0].update(kind="reporter"), "$.speakers[0].kind"),
        (lambda d: d["summary"][0].update(passages=["¶62"]), "$.summary[0].passages[0]"),
        (lambda d: d["summary"][0]["sources"][0].pop("pinpoint"), "$.summary[0].sources[0]"),
        (lambda d: d.update(extra=1), "$"),
    ],
)
def test_schema_rejects_a_broken_export(export: dict[str, Any], break_it: Any, where: str) -> None:
    broken = copy.deepcopy(export)
    break_it(broken)
    assert any(e.startswith(where) for e in errors(broken)), errors(broken)


def test_references_inside_the_export_resolve(export: dict[str, Any]) -> None:
    """What a schema cannot say: every id that is referred to exists, and offsets cut the quote."""
    speakers = {s["id"] for s in export["speakers"]}
    turns = {t["id"]: t for t in export["turns"]}
    paragraphs = {p["id"]: p for t in export["turns"] for p in t["paragraphs"]}
    assert len(paragraphs) == sum(len(t["paragraphs"]) for t in export["turns"]), "paragraph ids repeat"
    topics = {t["id"] for t in export["topics"]}
    for turn in export["turns"]:
        assert turn["speaker"] is None or turn["speaker"] in speakers
        assert (turn["speaker"] is None) == (turn["kind"] == "narration")
        assert set(turn["topics"]) <= topics
        assert all(set(p["topics"]) <= topics for p in turn["paragraphs"])
    for question in export["questions"]:
        assert question["asked_by"] in speakers and set(question["answered_by"]) <= speakers
        assert all(turns[t]["question"] == question["id"] for t in question["turns"])
    numbers = [q["number"] for q in export["questions"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for note in export["annotations"]:
        assert paragraphs[note["paragraph"]]["text"][note["start"] : note["end"]] == note["quote"], note["id"]
        assert note["see_paragraph"] is None or note["see_paragraph"] in paragraphs
    assert export["summary"], "the seed's edition.yml has a summary: the export must carry it"
    for sentence in export["summary"]:
        assert set(sentence["passages"]) <= set(turns) | set(paragraphs), sentence["text"]
        assert sentence["sources"] or sentence["passages"], sentence["text"]  # each sentence says what says so


def test_published_file_is_what_the_exporter_writes(export: dict[str, Any], site: Path) -> None:
    """Same input, same bytes: the exporter run again on the data gives the published file."""
    edition = checked_edition(ROOT / "data", ROOT)
    path = f"downloads/{SEED}.json"
    written = generated_files(edition, site_url(ROOT))[path]
    assert written == (site / path).read_bytes() == generated_files(edition, site_url(ROOT))[path]


def test_json_is_compact_utf8_in_key_order() -> None:
    value = {"b": 'é “x” \n\t"\\', "a": [1, None, True, 2.5], "c": {}}
    assert json_bytes(value) == '{"b":"é “x” \\n\\t\\"\\\\","a":[1,null,true,2.5],"c":{}}\n'.encode()
