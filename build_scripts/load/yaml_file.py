"""Read one YAML file safely, keeping the position of every node.

PyYAML is used through its composer only, so that we can refuse what it would accept
silently: duplicate keys (it keeps the last one), anchors and aliases (the "billion
laughs" expansion) and oversized files. Values are then built as the safe constructor
builds them. libyaml does the reading when it can (load/libyaml_tree.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..invisible import invisible_character_problems
from ..problems import Problem, ProblemsFound
from .libyaml_tree import construct, fast_compose

MAX_BYTES = 2_000_000
"""A contributor file above this is refused: it is almost surely a mistake, and slow to check."""
MAX_DEPTH = 20
"""Lists and mappings nest at most this deep (the data files need 4). The composer, the constructor
and the schema check recurse, so a few hundred levels would end in a RecursionError."""
MAX_ENTRIES = 2_000
"""A file's top-level list holds at most this many entries; a larger edition splits such a file."""


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark  # the C and pure-Python Marks differ only in their stubs
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed", mark, "write the value out in full instead of referring to an anchor"
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise yaml.MarkedYAMLError(
                None, None, f"YAML anchors (&{anchor}) are not allowed", mark, "remove the anchor and write each value out in full"
            )
        return super().compose_node(parent, index)


def read_text(path: Path, shown: str) -> str:
    """Decode a data file as UTF-8 (a BOM is accepted); a bad byte is a Problem."""
    return decode_text(path.read_bytes(), shown)


def decode_text(raw: bytes, shown: str) -> str:
    """The bytes of a data file as text (UTF-8, a BOM accepted); too many bytes or a bad one is a Problem."""
    if len(raw) > MAX_BYTES:
        raise ProblemsFound(
            [Problem(shown, 1, 1, f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit", "split it into several smaller files")]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise ProblemsFound(
            [Problem(shown, line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8", "save the file as UTF-8")]
        ) from None


def read_yaml(path: Path, shown: str) -> tuple[Any, yaml.Node]:
    """Return the file's value and its node tree; raise ProblemsFound on any syntax problem."""
    return parse_yaml(read_text(path, shown), shown)


def parse_yaml(text: str, shown: str) -> tuple[Any, yaml.Node]:
    """The value and node tree of a data file's text (``shown`` names it in problems)."""
    invisible = invisible_character_problems(text, shown)
    if invisible:
        raise ProblemsFound(invisible)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        message = err.problem or "YAML syntax error"
        raise _problem_at(err, shown, message, err.note or _syntax_hint(message)) from None
    except yaml.reader.ReaderError as err:  # a character YAML refuses (NUL, C1 controls, U+FFFE): no mark, a position
        before = text[: err.position]
        line, col = before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1
        message = f"YAML: the character U+{err.character:04X} is not allowed"
        raise ProblemsFound(
            [Problem(shown, line, col, message, "delete it: YAML takes no control characters but tabs and line breaks")]
        ) from None
    if node is None:
        raise ProblemsFound([Problem(shown, 1, 1, "the file is empty", "add content, or delete the file")])
    shape = _shape_problems(node, shown)  # before anything recurses into the tree
    if shape:
        raise ProblemsFound(shape)
    duplicates = _duplicate_keys(node, shown)
    if duplicates:
        raise ProblemsFound(duplicates)
    try:
        return construct(node), node
    except yaml.MarkedYAMLError as err:  # e.g. a !!python/… tag: the safe constructor refuses it
        raise _problem_at(err, shown, str(err.problem), "remove the '!' tag; write plain text, numbers, lists and mappings") from None
    except (ValueError, TypeError, KeyError, AttributeError):
        # The safe constructor fails without a position on a tagged scalar it cannot read
        # ('!!int x', '!!timestamp soon'): find that scalar to say where.
        bad = _unreadable_scalar(node)
        line, col = position(bad) if bad is not None else (1, 1)
        value = f"'{bad.value}' " if bad is not None else ""
        tag = bad.tag.rsplit(":", 1)[-1] if bad is not None else "value"
        raise ProblemsFound(
            [Problem(shown, line, col, f"YAML: {value}cannot be read as a {tag}", "remove the '!!' tag, or write a valid value")]
        ) from None


def _problem_at(err: yaml.MarkedYAMLError, shown: str, message: str, hint: str) -> ProblemsFound:
    """The problem at the error's mark (the file's start if it has none)."""
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return ProblemsFound([Problem(shown, line, col, f"YAML: {message}", hint)])


def _compose(text: str) -> yaml.Node | None:
    """The node tree; nesting too deep for the composer's recursion is a MarkedYAMLError at its place."""
    try:
        return fast_compose(text) or yaml.compose(text, Loader=_NoAliasLoader)
    except RecursionError:
        pass
    depth = 0  # the parser's events come without recursion: find where the nesting passes the limit
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    raise _too_deep(None)


def _too_deep(mark: Any) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(
        None,
        None,
        f"lists and mappings nested more than {MAX_DEPTH} levels deep",
        mark,
        "the data files need a few levels: check the indentation and the brackets",
    )


def _shape_problems(root: yaml.Node, shown: str) -> list[Problem]:
    """Too many entries in the file's top-level list, and the first node (in reading order) nested too deep."""
    problems = []
    if isinstance(root, yaml.SequenceNode) and len(root.value) > MAX_ENTRIES:
        message = f"more than {MAX_ENTRIES:,} entries in one file ({len(root.value):,})"
        problems.append(Problem(shown, *position(root.value[MAX_ENTRIES]), message, "split the entries into several files"))
    if type(root) is yaml.ScalarNode:
        return problems
    stack = [(root, 1)]  # lists and mappings only: scalars nest nothing
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            error = _too_deep(node.start_mark)
            return problems + [Problem(shown, *position(node), f"YAML: {error.problem}", error.note or "")]
        items = node.value if type(node) is yaml.SequenceNode else [i for pair in node.value for i in pair]
        stack.extend((item, depth + 1) for item in reversed(items) if type(item) is not yaml.ScalarNode)
    return problems


def _unreadable_scalar(root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar (in reading order) that the safe constructor cannot build, if any."""
    stack = [root]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(current, deep=True)
            except Exception:  # noqa: BLE001 — any failure is the one to report
                return current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(item for pair in reversed(current.value) for item in reversed(pair))
    return None


def _syntax_hint(message: str) -> str:
    if "\\t" in message or "tab" in message:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting on this line; values containing ': ' must be in quotes"


def _duplicate_keys(node: yaml.Node, shown: str) -> list[Problem]:
    problems: list[Problem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        kind = type(current)
        if kind is yaml.MappingNode:
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = str(key.value)
                if name in seen:
                    message = f"duplicate key '{name}' (first defined at line {seen[name]})"
                    problems.append(Problem(shown, *position(key), message, "keep one of the two; YAML would silently drop the first"))
                else:
                    seen[name] = key.start_mark.line + 1
                stack.append(value)
        elif kind is yaml.SequenceNode:
            stack.extend(current.value)
    return problems


def node_at(root: yaml.Node, path: Sequence[str | int]) -> yaml.Node:
    """The deepest node along a JSON-style path (keys and list indexes)."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((v for k, v in node.value if k.value == step), None)
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def key_node(mapping: yaml.Node, key: str) -> yaml.Node:
    """The key node named ``key`` in a mapping node, else the mapping itself."""
    if isinstance(mapping, yaml.MappingNode):
        for k, _ in mapping.value:
            if k.value == key:
                return k  # type: ignore[no-any-return]
    return mapping


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1
