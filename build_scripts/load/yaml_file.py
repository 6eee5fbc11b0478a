"""Read one YAML file safely, keeping the position of every node.

PyYAML is used through its composer only, so that we can refuse what it would accept
silently: duplicate keys (it keeps the last one), anchors and aliases (the "billion
laughs" expansion) and oversized files. Values are then built as the safe constructor
builds them. libyaml does the reading when it can; every shortcut taken for speed is
checked against the plain PyYAML path by tests/test_load_yaml.py on generated YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem, ProblemsFound

MAX_BYTES = 2_000_000
"""A contributor file above this is refused: it is almost surely a mistake, and slow to check."""


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark  # the C and pure-Python Marks differ only in their stubs
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed", mark,
                "write the value out in full instead of referring to an anchor",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise yaml.MarkedYAMLError(
                None, None, f"YAML anchors (&{anchor}) are not allowed", mark,
                "remove the anchor and write each value out in full",
            )
        return super().compose_node(parent, index)


def read_text(path: Path, shown: str) -> str:
    """Decode a data file as UTF-8 (a BOM is accepted); a bad byte is a Problem."""
    return decode_text(path.read_bytes(), shown)


def decode_text(raw: bytes, shown: str) -> str:
    """The bytes of a data file as text (UTF-8, a BOM accepted); too many bytes or a bad one is a Problem."""
    if len(raw) > MAX_BYTES:
        raise ProblemsFound([Problem(shown, 1, 1, f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                                     "split it into several smaller files")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise ProblemsFound([Problem(shown, line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                                     "save the file as UTF-8")]) from None


def read_yaml(path: Path, shown: str) -> tuple[Any, yaml.Node]:
    """Return the file's value and its node tree; raise ProblemsFound on any syntax problem."""
    return parse_yaml(read_text(path, shown), shown)


def parse_yaml(text: str, shown: str) -> tuple[Any, yaml.Node]:
    """The value and node tree of a data file's text (``shown`` names it in problems)."""
    try:
        node = _fast_compose(text) or yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = err.problem or "YAML syntax error"
        hint = err.note or _syntax_hint(message)
        raise ProblemsFound([Problem(shown, line, col, f"YAML: {message}", hint)]) from None
    if node is None:
        raise ProblemsFound([Problem(shown, 1, 1, "the file is empty", "add content, or delete the file")])
    duplicates = _duplicate_keys(node, shown)
    if duplicates:
        raise ProblemsFound(duplicates)
    try:
        return _construct(node), node
    except yaml.MarkedYAMLError as err:  # e.g. a !!python/… tag: the safe constructor refuses it
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ProblemsFound([Problem(shown, line, col, f"YAML: {err.problem}",
                                     "remove the '!' tag; write plain text, numbers, lists and mappings")]) from None
    except (ValueError, TypeError, KeyError, AttributeError):
        # The safe constructor fails without a position on a tagged scalar it cannot read
        # ('!!int x', '!!timestamp soon'): find that scalar to say where.
        bad = _unreadable_scalar(node)
        line, col = position(bad) if bad is not None else (1, 1)
        value = f"'{bad.value}' " if bad is not None else ""
        tag = bad.tag.rsplit(":", 1)[-1] if bad is not None else "value"
        raise ProblemsFound([Problem(shown, line, col, f"YAML: {value}cannot be read as a {tag}",
                                     "remove the '!!' tag, or write a valid value")]) from None


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


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


class _QuickResolver(yaml.resolver.Resolver):
    """The safe resolver, answering its common cases without its general search.

    Resolver.resolve tries the implicit resolvers listed under a plain scalar's first
    character, then the path resolvers, then falls back to str, seq or map. SafeLoader has
    no path resolvers and no resolver listed for every character (None), so a quoted or
    block scalar, a plain one whose first character lists no resolver, a sequence and a
    mapping get the fallback directly; everything else goes to Resolver.resolve itself.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        if self.yaml_path_resolvers or None in self.yaml_implicit_resolvers:
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        if kind is yaml.ScalarNode:
            if not implicit[0] or (value and value[0] not in self.yaml_implicit_resolvers):
                return _STR
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        if kind is yaml.SequenceNode:
            return _SEQ
        if kind is yaml.MappingNode:
            return _MAP
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


_CLoader: type[Any] | None = None
try:
    from yaml._yaml import CParser  # libyaml, if PyYAML was built with it
except ImportError:
    pass
else:
    class _CQuickLoader(CParser, yaml.constructor.SafeConstructor, _QuickResolver):
        """CSafeLoader (libyaml) with the quicker resolver."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _QuickResolver.__init__(self)

    _CLoader = _CQuickLoader


def _fast_compose(text: str) -> yaml.Node | None:
    """The node tree from libyaml (about 20× faster), or None to use the pure-Python loader.

    Only a file libyaml reads without error and without anchors or aliases takes this path;
    any other file is read again by ``_NoAliasLoader``, so every problem message comes from
    one place. The trees are the same except that libyaml marks a plain scalar's style as
    '' where PyYAML says None, which the schema check relies on; that is undone here.

    Anchors are found without a second parse: libyaml starts a node's mark at its first
    property (``&anchor`` or ``!tag``), and no node without properties can start with '&'
    or '!' (they are indicators, never the first character of a plain scalar). So if no
    node starts with either, the file has no anchor, hence no alias either (an alias to an
    undefined anchor fails to compose). Only a file where one does is scanned event by event.
    """
    if _CLoader is None:
        return None
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_CLoader)
    except yaml.YAMLError:
        return None
    if node is None or _restore_plain_styles(node, text, stop_at_properties=True):
        return node
    if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) is not None
           for e in yaml.parse(text, Loader=_CLoader)):
        return None
    _restore_plain_styles(node, text, stop_at_properties=False)  # only tags: no node is shared
    return node


def _restore_plain_styles(node: yaml.Node, text: str, stop_at_properties: bool) -> bool:
    """Set libyaml's '' plain style to None; False if stopped at a node with an anchor or tag.

    Stopping there matters: an aliased node is the anchored node itself, which starts with
    '&', so a billion-laughs tree is never walked through its expansions.
    """
    stop_at_properties = stop_at_properties and ("&" in text or "!" in text)
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if stop_at_properties and text[current.start_mark.index: current.start_mark.index + 1] in ("&", "!"):
            return False
        kind = type(current)
        if kind is yaml.ScalarNode:
            if current.style == "":
                current.style = None
        elif kind is yaml.SequenceNode:
            stack.extend(current.value)
        elif kind is yaml.MappingNode:
            stack.extend(chain.from_iterable(current.value))
    return True


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
                    problems.append(Problem(shown, key.start_mark.line + 1, key.start_mark.column + 1,
                                            f"duplicate key '{name}' (first defined at line {seen[name]})",
                                            "keep one of the two; YAML would silently drop the first"))
                else:
                    seen[name] = key.start_mark.line + 1
                stack.append(value)
        elif kind is yaml.SequenceNode:
            stack.extend(current.value)
    return problems


_SAFE = yaml.constructor.SafeConstructor()
_SCALAR_MAKERS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    f"tag:yaml.org,2002:{kind}": getattr(_SAFE, f"construct_yaml_{kind}")
    for kind in ("null", "bool", "int", "float", "timestamp")
}
"""The safe constructor's own functions for the other scalar tags its resolver gives."""


class _Unusual(Exception):
    """A node the direct construction does not handle; the safe constructor then does it all."""


def _construct(node: yaml.Node) -> Any:
    """What ``SafeLoader.construct_document`` gives for an alias-free tree, built directly.

    The safe constructor's general machinery (generators, recursion guards, merge keys)
    costs a third of the load time and only matters for trees we do not accept or rarely
    see. Here a 'str' scalar is its text, as construct_yaml_str returns; null, bool, int,
    float and timestamp scalars go through the safe constructor's own functions; a 'seq'
    sequence is a list and a 'map' mapping a dict filled key by key in order, as
    construct_yaml_seq and construct_yaml_map do. Anything else — another tag (!!python/…,
    !!set, !!binary), a merge key '<<', a '=' key, a non-scalar key, a nesting too deep
    for the recursion, a scalar its function refuses ('!!int x') — is left to the safe
    constructor itself, so its value and its error are its own (it builds nested mappings
    after their parent, so with two bad scalars it may fail on the other one first).
    Without aliases no node is shared, so nothing else differs.
    """
    try:
        return _build(node)
    except Exception:  # noqa: BLE001 — whatever failed, the safe constructor gives the answer
        return yaml.SafeLoader("").construct_document(node)


def _build(node: yaml.Node) -> Any:
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        make = _SCALAR_MAKERS.get(tag)
        if make is None:
            raise _Unusual
        return make(node)  # type: ignore[arg-type]
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [_build(item) for item in node.value]
    if kind is yaml.MappingNode and tag == _MAP:
        mapping = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag not in _KEY_TAGS:
                raise _Unusual
            mapping[_build(key)] = _build(value)
        return mapping
    raise _Unusual


_KEY_TAGS = {_STR, *_SCALAR_MAKERS}
"""Key tags built as above; merge '<<' and value '=' keys are the safe constructor's to flatten."""


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
