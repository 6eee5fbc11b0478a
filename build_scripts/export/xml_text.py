"""Writing XML as text in one pass, by ElementTree's rules (so the bytes are what it would write).

Character data escapes ``& < >``; attribute values also ``"`` and CR, LF, TAB; an element with
no content is written ``<tag />``. Only elements that hold nothing but elements (``Block``) are
indented: whitespace added to mixed content would change the text it holds. export/tei.py
writes the TEI with these; building an ElementTree, indenting and serialising it took most of
the export time.
"""

from __future__ import annotations

from typing import TypeAlias

ATTRIBUTE_NAMES = {"xml_id": "xml:id", "xml_lang": "xml:lang"}
"""Keyword arguments that stand for attributes in the xml: namespace."""


def escape_text(value: str) -> str:
    """Character data, escaped."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    """An attribute value, escaped for double quotes; line ends and tabs as character references."""
    return escape_text(value).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def start_tag(tag: str, attrs: dict[str, str]) -> str:
    """A start tag without its closing ``>`` (or `` />``); attributes in the order given."""
    start = "<" + tag
    for name, value in attrs.items():  # a loop, not a join: most elements have one attribute or none
        start += f' {ATTRIBUTE_NAMES.get(name, name)}="{escape_attribute(value)}"'
    return start


def element(tag: str, content: str, **attrs: str) -> str:
    """An element around ``content``, markup already escaped; no content gives ``<tag />``."""
    start = start_tag(tag, attrs)
    return f"{start}>{content}</{tag}>" if content else start + " />"


def leaf(tag: str, text: str | None = None, **attrs: str) -> str:
    """An element holding only text (or nothing)."""
    start = start_tag(tag, attrs) if attrs else "<" + tag
    return f"{start}>{escape_text(text)}</{tag}>" if text else start + " />"


Block: TypeAlias = "tuple[str, str, list[Block | str]]"
"""An element that holds only elements, as (start tag without '>', end tag, children): written
one child a line, indented by depth (see write). A plain tuple: there are tens of thousands."""


def block(tag: str, children: list[Block | str], **attrs: str) -> Block:
    return start_tag(tag, attrs), f"</{tag}>", children


def write(node: Block | str, depth: int, out: list[str]) -> None:
    """Append ``node``, sitting at ``depth``, to ``out``: two spaces of indent a level."""
    if isinstance(node, str):
        out.append(node)
        return
    start, end, children = node
    if not children:
        out.append(start + " />")
        return
    inner = "\n" + "  " * (depth + 1)
    out.append(start + ">")
    for child in children:
        out.append(inner)
        write(child, depth + 1, out)
    out.append("\n" + "  " * depth + end)
