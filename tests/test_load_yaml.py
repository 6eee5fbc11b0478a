"""load/yaml_file.py: safe YAML with positions; every refusal carries path:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_scripts.load.yaml_file import MAX_BYTES, key_node, node_at, position, read_text, read_yaml
from build_scripts.problems import ProblemsFound


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        read_yaml(path, "f.yml")
    return [str(p) for p in found.value.problems]


def write(tmp_path: Path, data: str | bytes) -> Path:
    path = tmp_path / "f.yml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_value_and_positions(tmp_path: Path) -> None:
    value, root = read_yaml(write(tmp_path, "- id: a\n  anchor:\n    quote: \"x y\"\n"), "f.yml")
    assert value == [{"id": "a", "anchor": {"quote": "x y"}}]
    assert position(node_at(root, [0, "anchor", "quote"])) == (3, 12)
    assert position(key_node(node_at(root, [0]), "anchor")) == (2, 3)
    # A path that leaves the tree stops at the deepest node that exists.
    assert position(node_at(root, [0, "missing", "deeper"])) == (1, 3)
    assert position(node_at(root, [5])) == (1, 1)


@pytest.mark.parametrize(("text", "where", "key", "first"), [
    ("a: 1\nb: 2\na: 3\n", "3:1", "a", 1),
    ("- id: x\n  anchor:\n    quote: q\n    quote: r\n", "4:5", "quote", 3),
    ("- items:\n  - {k: 1, k: 2}\n", "2:12", "k", 2),
])
def test_duplicate_keys_at_any_depth(tmp_path: Path, text: str, where: str, key: str, first: int) -> None:
    assert problems_of(write(tmp_path, text)) == [
        f"f.yml:{where}: duplicate key '{key}' (first defined at line {first}) — keep one of the two; YAML would silently drop the first"]


def test_anchors_and_aliases_refused_where_they_start(tmp_path: Path) -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    [problem] = problems_of(write(tmp_path, laughs))
    assert problem.startswith("f.yml:1:4: YAML: YAML anchors (&a) are not allowed — ")
    [problem] = problems_of(write(tmp_path, "a: 1\nb: *a\n"))
    assert problem.startswith("f.yml:2:4: YAML: YAML aliases (*name) are not allowed — write the value out in full")


def test_syntax_error_and_tabs(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: [1, 2\nb: 3\n"))
    assert problem.startswith("f.yml:2:2: YAML: expected ',' or ']'")
    [problem] = problems_of(write(tmp_path, "a:\n\tb: 1\n"))
    assert problem.startswith("f.yml:2:1: YAML: found character '\\t'")
    assert problem.endswith("— indent with spaces, not tabs")


def test_empty_file(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "# only a comment\n")) == ["f.yml:1:1: the file is empty — add content, or delete the file"]


def test_bad_utf8_byte_is_placed(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, b"a: 1\nb: caf\xe9 x\n")) == [
        "f.yml:2:7: byte 0xe9 is not valid UTF-8 — save the file as UTF-8"]


def test_bom_and_crlf_are_accepted_with_true_positions(tmp_path: Path) -> None:
    value, root = read_yaml(write(tmp_path, "\ufeffa: 1\r\nb:\r\n  c: two\r\n".encode("utf-8")), "f.yml")
    assert value == {"a": 1, "b": {"c": "two"}}
    assert position(node_at(root, ["b", "c"])) == (3, 6)


def test_oversized_file_refused_with_its_size(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: 1\n" + b"#" * MAX_BYTES)
    with pytest.raises(ProblemsFound) as found:
        read_text(path, "f.yml")
    assert str(found.value.problems[0]) == (
        f"f.yml:1:1: file is {MAX_BYTES + 5:,} bytes, over the {MAX_BYTES:,}-byte limit — split it into several smaller files")


def test_values_are_built_by_the_safe_constructor(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: 1\nb: !!python/object/apply:os.system [echo hi]\n"))
    assert problem.startswith("f.yml:2:4: YAML: could not determine a constructor for the tag")
    assert problem.endswith("— remove the '!' tag; write plain text, numbers, lists and mappings")
    value, _ = read_yaml(write(tmp_path, "d: 2020-06-19\nn: no\ni: 123\n"), "f.yml")
    # Implicit typing still happens here; the schema check turns it into "put it in quotes".
    assert [type(v).__name__ for v in value.values()] == ["date", "bool", "int"]
