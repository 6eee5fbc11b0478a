"""CSV export (build_scripts/export/csv_export.py): RFC 4180 bytes, and the same content as the JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from build_scripts.export.csv_export import ANNOTATION_COLUMNS, PARAGRAPH_COLUMNS, table
from build_scripts.generate import checked_edition, generated_files

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def edition_json(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8")))


def test_bytes_follow_rfc_4180() -> None:
    data = table(("a", "b"), [("x, y", 'say "hi"'), ("line\nbreak", "é")])
    assert data == 'a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",é\r\n'.encode()


@pytest.mark.parametrize("name", ["paragraphs.csv", "annotations.csv"])
def test_published_files_are_utf8_with_header_and_crlf(site: Path, name: str) -> None:
    data = (site / "downloads" / name).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM
    data.decode("utf-8")
    header = data.split(b"\r\n", 1)[0].decode()
    assert header.split(",") == list(PARAGRAPH_COLUMNS if name == "paragraphs.csv" else ANNOTATION_COLUMNS)
    assert data.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)


def test_paragraph_rows_match_the_json(site: Path, edition_json: dict[str, Any]) -> None:
    rows = [r for r in read(site / "downloads" / "paragraphs.csv") if r["transcript"] == SEED]
    names = {s["id"]: s for s in edition_json["speakers"]}
    expected = [(t["id"], p["id"], t["speaker"] or "", p["kind"], p["text"]) for t in edition_json["turns"] for p in t["paragraphs"]]
    assert [(r["turn"], r["paragraph"], r["speaker_id"], r["kind"], r["text"]) for r in rows] == expected
    for row in rows:
        if row["speaker_id"]:
            assert row["speaker_name"] in {names[row["speaker_id"]]["name"]}


def test_annotation_rows_match_the_json(site: Path, edition_json: dict[str, Any]) -> None:
    rows = {r["annotation"]: r for r in read(site / "downloads" / "annotations.csv") if r["transcript"] == SEED}
    texts = {p["id"]: p["text"] for t in edition_json["turns"] for p in t["paragraphs"]}
    assert sorted(rows) == sorted(a["id"] for a in edition_json["annotations"])
    for annotation in edition_json["annotations"]:
        row = rows[annotation["id"]]
        start, end = int(row["start"]), int(row["end"])
        assert (row["paragraph"], start, end, row["kind"]) == (
            annotation["paragraph"],
            annotation["start"],
            annotation["end"],
            annotation["kind"],
        )
        assert row["quote"] == texts[row["paragraph"]][start:end]
        assert row["sources"] == "\n".join(s["url"] or s["read_at"] or s["archive_url"] for s in annotation["sources"])


def test_export_is_deterministic() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    first = generated_files(edition, "/")
    assert [first[f"downloads/{n}.csv"] for n in ("paragraphs", "annotations")] == [
        generated_files(edition, "/")[f"downloads/{n}.csv"] for n in ("paragraphs", "annotations")
    ]
