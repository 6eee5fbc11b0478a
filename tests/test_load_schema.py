"""load/schema.py: JSON Schema violations placed at their node, in a contributor's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.load.schema import schema_problems
from build_scripts.load.yaml_file import read_yaml

ENTRY = """\
- id: note-one
  transcript: some-transcript
  anchor:
    quote: "some words"
  kind: context
  body: Text.
  author: Editors
  date: "2026-01-01"
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "a.yml"
    path.write_text(text, encoding="utf-8")
    value, root = read_yaml(path, "a.yml")
    return [str(p) for p in schema_problems(value, root, "annotations.schema.json", "a.yml")]


def test_valid_entry_has_no_problem(tmp_path: Path) -> None:
    assert problems(tmp_path, ENTRY) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  author: Editors\n",
            "  author: Editors\n  colour: red\n",
            (
                "a.yml:8:3: entry 1: unknown field 'colour' — check the spelling; allowed fields: anchor, author, body, date, id, kind, "
                "reading, review, reviewed_by, see_quote, sources, status, topics, transcript"
            ),
        ),
        ("  author: Editors\n", "", "a.yml:1:3: entry 1: missing required field 'author' — add 'author:' to this entry"),
        (
            'date: "2026-01-01"',
            "date: 2026-01-01",
            "a.yml:8:9: entry 1, date: expected text but YAML read '2026-01-01' as date — put the value in quotes: \"2026-01-01\"",
        ),
        ("id: note-one", "id: no", "a.yml:1:7: entry 1, id: expected text but YAML read 'no' as bool — put the value in quotes: \"no\""),
        ("id: note-one", "id: 123", "a.yml:1:7: entry 1, id: expected text but YAML read '123' as int — put the value in quotes: \"123\""),
        (
            "id: note-one",
            "id: Note One",
            "a.yml:1:7: entry 1, id: 'Note One' has the wrong form — write lowercase letters, digits and hyphens, e.g. forced-labour",
        ),
        (
            "kind: context",
            "kind: gossip",
            "a.yml:5:9: entry 1, kind: 'gossip' is not allowed — use one of: context, person, term, claim, correction, cross-reference",
        ),
        (
            "  author: Editors\n",
            "  author: Editors\n  topics: {a: b}\n",
            "a.yml:8:11: entry 1, topics: expected a list (lines starting with '- ') but found a mapping — start each entry with '- '",
        ),
        (
            'quote: "some words"',
            'quote: "s"',
            (
                "a.yml:4:12: entry 1, anchor.quote: 's' is too short: 1 character(s), at least 2 needed — "
                "quote enough words to find the place unambiguously"
            ),
        ),
        ("body: Text.", 'body: ""', "a.yml:6:9: entry 1, body: is empty — fill it in, or remove the field"),
    ],
)
def test_each_violation_is_placed_and_explained(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in ENTRY
    assert problems(tmp_path, ENTRY.replace(old, new)) == [expected]


def test_a_mapping_where_the_file_needs_a_list(tmp_path: Path) -> None:
    assert problems(tmp_path, "id: x\nkind: term\n") == [
        "a.yml:1:1: top level: expected a list (lines starting with '- ') but found a mapping — start each entry with '- '"
    ]
