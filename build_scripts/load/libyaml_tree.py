"""The fast path of reading YAML: libyaml's node tree, checked for anchors without a second parse.

PyYAML's pure-Python composer took most of the check's time: on the 10-transcript benchmark
corpus (188 files, 1.3 MB) it takes 1.61 s of CPU where libyaml takes 0.12 s, a sixth of a
whole `make check`. tests/test_load_yaml.py compares both paths on generated YAML.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import yaml

_CLoader: type[Any] | None = getattr(yaml, "CSafeLoader", None)  # None if PyYAML was built without libyaml


def fast_compose(text: str) -> yaml.Node | None:
    """The node tree from libyaml, or None to use the pure-Python loader.

    Only a file libyaml reads without error and without anchors or aliases takes this path;
    any other file is read again by the pure-Python loader, so every problem message comes from
    one place. The trees are the same except that libyaml marks a plain scalar's style as
    '' where PyYAML says None, which the schema check relies on; that is undone here.

    Anchors are found without a second parse (which would cost 0.32 s of CPU on the corpus
    above): libyaml starts a node's mark at its first property (``&anchor`` or ``!tag``), and no
    node without properties can start with '&' or '!' (they are indicators, never the first
    character of a plain scalar). So if no node starts with either, the file has no anchor,
    hence no alias either (an alias to an undefined anchor fails to compose). Only a file where
    one does is scanned event by event.
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


def construct(node: yaml.Node) -> Any:
    """The value of an alias-free tree, as the safe loader builds it."""
    return yaml.SafeLoader("").construct_document(node)
