"""load/yaml_file.py: safe YAML with positions; every refusal carries path:line:col."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.load import yaml_file
from build_scripts.load.yaml_file import MAX_BYTES, MAX_DEPTH, MAX_ENTRIES, key_node, node_at, position, read_text, read_yaml
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
    value, root = read_yaml(write(tmp_path, '- id: a\n  anchor:\n    quote: "x y"\n'), "f.yml")
    assert value == [{"id": "a", "anchor": {"quote": "x y"}}]
    assert position(node_at(root, [0, "anchor", "quote"])) == (3, 12)
    assert position(key_node(node_at(root, [0]), "anchor")) == (2, 3)
    # A path that leaves the tree stops at the deepest node that exists.
    assert position(node_at(root, [0, "missing", "deeper"])) == (1, 3)
    assert position(node_at(root, [5])) == (1, 1)


@pytest.mark.parametrize(
    ("text", "where", "key", "first"),
    [
        ("a: 1\nb: 2\na: 3\n", "3:1", "a", 1),
        ("- id: x\n  anchor:\n    quote: q\n    quote: r\n", "4:5", "quote", 3),
        ("- items:\n  - {k: 1, k: 2}\n", "2:12", "k", 2),
    ],
)
def test_duplicate_keys_at_any_depth(tmp_path: Path, text: str, where: str, key: str, first: int) -> None:
    assert problems_of(write(tmp_path, text)) == [
        f"f.yml:{where}: duplicate key '{key}' (first defined at line {first}) — keep one of the two; YAML would silently drop the first"
    ]


def test_anchors_and_aliases_refused_where_they_start(tmp_path: Path) -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, n in zip("abcdefgh", "bcdefghi")
    )
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
    assert problems_of(write(tmp_path, b"a: 1\nb: caf\xe9 x\n")) == ["f.yml:2:7: byte 0xe9 is not valid UTF-8 — save the file as UTF-8"]


def test_bom_and_crlf_are_accepted_with_true_positions(tmp_path: Path) -> None:
    value, root = read_yaml(write(tmp_path, "\ufeffa: 1\r\nb:\r\n  c: two\r\n".encode("utf-8")), "f.yml")
    assert value == {"a": 1, "b": {"c": "two"}}
    assert position(node_at(root, ["b", "c"])) == (3, 6)


def test_oversized_file_refused_with_its_size(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: 1\n" + b"#" * MAX_BYTES)
    with pytest.raises(ProblemsFound) as found:
        read_text(path, "f.yml")
    assert str(found.value.problems[0]) == (
        f"f.yml:1:1: file is {MAX_BYTES + 5:,} bytes, over the {MAX_BYTES:,}-byte limit — split it into several smaller files"
    )


def test_values_are_built_by_the_safe_constructor(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: 1\nb: !!python/object/apply:os.system [echo hi]\n"))
    assert problem.startswith("f.yml:2:4: YAML: could not determine a constructor for the tag")
    assert problem.endswith("— remove the '!' tag; write plain text, numbers, lists and mappings")
    value, _ = read_yaml(write(tmp_path, "d: 2020-06-19\nn: no\ni: 123\n"), "f.yml")
    # Implicit typing still happens here; the schema check turns it into "put it in quotes".
    assert [type(v).__name__ for v in value.values()] == ["date", "bool", "int"]


# --- The fast path (libyaml's tree, anchors found by their marks) against an event scan ----


def _scanned_libyaml_tree(text: str) -> yaml.Node | None:
    """fast_compose without its shortcut: anchors and aliases found by a scan of every event."""
    try:
        if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) is not None for e in yaml.parse(text, Loader=yaml.CSafeLoader)):
            return None
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.style == "":
            current.style = None
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in current.value for item in pair)
    return node


def _reference_read_yaml(path: Path, shown: str) -> tuple[Any, yaml.Node]:
    """read_yaml with the plain event scan in place of fast_compose's anchor shortcut."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_file, "fast_compose", _scanned_libyaml_tree)
        return read_yaml(path, shown)


def _typed(value: Any) -> Any:
    """A value with every type spelt out, so that 1, 1.0, True and '1' all differ."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


def _tree(node: yaml.Node) -> Any:
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.style, node.value, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.flow_style, [_tree(n) for n in node.value], marks)
    return ("map", node.tag, node.flow_style, [(_tree(k), _tree(v)) for k, v in node.value], marks)


def _outcome(read: Any, path: Path) -> Any:
    try:
        value, root = read(path, "f.yml")
    except ProblemsFound as found:
        return [str(p) for p in found.problems]
    except Exception as err:  # noqa: BLE001 — e.g. ValueError from "!!int x": it must be the same error
        return (type(err).__name__, str(err))
    return _typed(value), _tree(root)


_SCALARS = [
    "word",
    "two words",
    "yes",
    "No",
    "on",
    "~",
    "null",
    "",
    "0",
    "1",
    "-7",
    "0x1F",
    "0o17",
    "1_000",
    "+12",
    "-1.5e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "3.",
    "2020-06-19",
    "2020-06-19 10:00:00",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "'quoted'",
    '"dq \\t"',
    "é😀",
    "a: b",
    "- x",
    "#c",
    "*a",
    "&a x",
    "!!str 12",
    "!!int 12",
    "!!float 1",
    "!!bool yes",
    "!!null ''",
    "!!timestamp 2020-01-01",
    "!!binary aGk=",
    "!!python/none ''",
    "!foo bar",
    "! 12",
    "!!set {a}",
    "!!map {a: 1}",
    "!!seq [1]",
    "|\n  block\n",
    ">-\n  folded\n",
]
_KEYS = ["a", "b", "1", "01", "yes", "<<", "=", "~", "2020-01-01", "'a'", "&k a", "*k", "!!str 1", "? [x]", ".nan", "[a]"]


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """Block YAML mixing every kind of scalar, tag, anchor and key the loaders treat differently."""

    def block(depth: int, indent: str) -> str:
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            key = draw(st.sampled_from(_KEYS))
            if depth < 2 and draw(st.booleans()):
                child = block(depth + 1, indent + "  ")
                prop = draw(st.sampled_from(["", "", " &m", " !!map", " !!omap"]))
                lines.append(f"{indent}{key}:{prop}\n{child}")
            elif draw(st.booleans()):
                items = draw(st.lists(st.sampled_from(_SCALARS), min_size=0, max_size=3))
                flow = draw(st.booleans())
                if flow or not items:
                    lines.append(f"{indent}{key}: [{', '.join(i.replace(chr(10), ' ') for i in items)}]\n")
                else:
                    lines.append(f"{indent}{key}:\n" + "".join(f"{indent}- {i}\n" for i in items))
            else:
                value = draw(st.sampled_from(_SCALARS)).replace("\n", "\n" + indent)
                lines.append(f"{indent}{key}: {value}\n")
        return "".join(lines)

    text = block(0, "")
    return draw(st.sampled_from(["", "- ", "---\n", "%YAML 1.1\n---\n"])) + text if not text.startswith(" ") else text


_YAML_CHARS = "ab1 :-?[]{},&*!|>'\"#%@`\n\t.~<=0"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("yaml") / "f.yml"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(_documents(), st.text(alphabet=_YAML_CHARS, max_size=60)))
def test_fast_path_reads_exactly_as_the_safe_loader(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8")
    assert _outcome(read_yaml, scratch) == _outcome(_reference_read_yaml, scratch)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str &x 1\nb: 2\n",
        "a: &x\nb: 1\n",
        "- &x a: 1\n",
        "{&x a: 1}\n",
        "k: &x\n- 1\n",
        "--- &x\na: 1\n",
        "&x [1]\n",
        "a: &x [1]\nb: *x\n",
        "a: &x 1\nb: [*x, *x]\n",
        "a: !t &x 1\n",
        "a: {x: !!int bad}\nb: !!float bad2\n",
        "a: [!!bool maybe]\nb: !!timestamp never\n",
        "a: !!int 12\nb: !!python/none ''\n",
        "<<: {a: 1}\nb: 2\n",
        "a: <<\n",
        "=: 1\n",
        "? [a]\n: 1\n",
        "a: !!set {x}\n",
        "n: .NaN\nm: .nan\n",
        "d: 2001-12-14t21:59:43.10-05:00\n",
        'k: "\\u00e9 \\t"\n',
        "a:\n" + "  - [" * 200 + "]" * 200 + "\n",
    ],
)
def test_fast_path_on_the_cases_it_hands_over(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8")
    assert _outcome(read_yaml, scratch) == _outcome(_reference_read_yaml, scratch)


DEEP = f"nested more than {MAX_DEPTH} levels deep — the data files need a few levels"


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 1_000, 100_000])
def test_nesting_too_deep_is_placed_where_it_passes_the_limit(tmp_path: Path, levels: int) -> None:
    # A few hundred levels made the composer (or the constructor) raise RecursionError.
    flow = write(tmp_path, "a: 1\nb: " + "[" * levels + "]" * levels + "\n")
    assert problems_of(flow) == [f"f.yml:2:{3 + MAX_DEPTH}: YAML: lists and mappings {DEEP}: check the indentation and the brackets"]
    block = write(tmp_path, "".join("  " * i + "-\n" for i in range(min(levels, 1_000))))
    assert problems_of(block) == [
        f"f.yml:{MAX_DEPTH + 1}:{2 * MAX_DEPTH + 1}: YAML: lists and mappings {DEEP}: check the indentation and the brackets"
    ]


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    value, _ = read_yaml(write(tmp_path, "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"), "f.yml")
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == []


def test_deep_nesting_with_a_syntax_error_still_has_a_place(tmp_path: Path) -> None:
    # libyaml refuses the file, so the pure-Python composer reads it: it recurses too.
    path = write(tmp_path, "a: &x 1\nb: " + "[" * 5_000 + "\n")
    [problem] = problems_of(path)
    assert problem.startswith("f.yml:") and ": YAML: " in problem


def test_too_many_entries_is_placed_at_the_first_one_over(tmp_path: Path) -> None:
    path = write(tmp_path, "- x\n" * (MAX_ENTRIES + 3))
    assert problems_of(path) == [
        f"f.yml:{MAX_ENTRIES + 1}:3: more than {MAX_ENTRIES:,} entries in one file "
        f"({MAX_ENTRIES + 3:,}) — split the entries into several files"
    ]
    assert read_yaml(write(tmp_path, "- x\n" * MAX_ENTRIES), "f.yml")[0] == ["x"] * MAX_ENTRIES
