"""The fast path of reading YAML: libyaml's node tree, and values built from it directly.

PyYAML's pure-Python parser and its general constructor took most of the check's time. Here
libyaml composes the tree (``fast_compose``) and ``construct`` turns it into values as the
safe constructor would. Each shortcut hands anything unusual back to plain PyYAML, and
tests/test_load_yaml.py compares both paths on generated YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from typing import Any

import yaml

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


def fast_compose(text: str) -> yaml.Node | None:
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
    if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) is not None for e in yaml.parse(text, Loader=_CLoader)):
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
        if stop_at_properties and text[current.start_mark.index : current.start_mark.index + 1] in ("&", "!"):
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


_SAFE = yaml.constructor.SafeConstructor()
_SCALAR_MAKERS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    f"tag:yaml.org,2002:{kind}": getattr(_SAFE, f"construct_yaml_{kind}") for kind in ("null", "bool", "int", "float", "timestamp")
}
"""The safe constructor's own functions for the other scalar tags its resolver gives."""


class _Unusual(Exception):
    """A node the direct construction does not handle; the safe constructor then does it all."""


def construct(node: yaml.Node) -> Any:
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
