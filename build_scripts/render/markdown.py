"""Markdown building blocks shared by every page: escaping, links, front matter.

All transcript and contributor text reaches a page through ``escape`` (or through a body
that passed the safe-subset check), so nothing in the data is ever read as Markdown or
HTML syntax by accident.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
import unicodedata

from ..invisible import INVISIBLE, JOINERS, hides_text, marker

_BACKSLASHED = set("\\`*_[]{}|")
_WHITESPACE = re.compile(r"\s+")
_MARKED = {c: f'<span class="invisible-character" title="{name}">{marker(c)}</span>' for c, name in INVISIBLE.items()}
"""Kept by a transcript, never applied: each is shown as a mark naming it (see invisible.py)."""
_ESCAPES: dict[int, str | None] = {
    **{code: None for code in range(0xA0) if unicodedata.category(chr(code)) == "Cc"},  # control characters go
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    **{ord(c): "\\" + c for c in _BACKSLASHED},
    **{ord(c): _MARKED[c] for c in INVISIBLE if not JOINERS.match(c)},  # joiners: in escape, by their neighbours
}
# Only what Python-Markdown can unescape may get a backslash ('=' cannot: it would show).
_LINE_START = re.compile(r"^( ?)([#+\-]|\d+(?=\.))")
# Every character that ``\s`` matches except the space (a test checks the list is complete).
OTHER_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
# A character that the two passes in ``escape`` would change (with a run of spaces, tested
# apart). Most strings have none, and one search for a single character class is far cheaper
# than the substitution plus the translate: pages escape ~10⁵ strings, whole paragraphs among them.
_NEEDS_REWRITE = re.compile("[" + re.escape("".join(map(chr, _ESCAPES)) + OTHER_WHITESPACE + "\u200c\u200d") + "]")


def escape(text: str) -> str:
    """Text that renders literally: HTML-escaped, Markdown punctuation backslash-escaped.

    Whitespace runs become one space (HTML shows them so anyway): the result is always one
    line, so no newline can start a heading, list, code block or table row. Control
    characters, which HTML cannot show and Python-Markdown uses internally, are dropped;
    bidirectional controls and zero-width characters are shown as a mark, '⟨U+202E⟩'.
    """
    if _NEEDS_REWRITE.search(text) or "  " in text:
        text = _WHITESPACE.sub(" ", text).translate(_ESCAPES)
        text = JOINERS.sub(lambda m: _MARKED[m.group()] if hides_text(m.string, m.start()) else m.group(), text)
    # A '#', '-' or '+' or '1.' opening the text would start a heading or a list.
    start = _LINE_START.match(text)
    if start is None:
        return text
    space, mark = start.groups()
    opening = space + mark + "\\" if mark[0].isdigit() else space + "\\" + mark
    return opening + text[start.end() :]


def attr(value: str) -> str:
    """A value safe inside a double-quoted HTML or attr_list attribute."""
    return (
        value.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def link(page_from: str, page_to: str, anchor: str = "") -> str:
    """A relative link from one generated page to another (both paths relative to docs/)."""
    target = _relative(page_to, _folder(page_from))
    return f"{target}#{anchor}" if anchor else target


# Pages make ~10⁵ links among a few hundred pages in four folders: both steps are cached.
@functools.cache
def _folder(page: str) -> str:
    return posixpath.dirname(page) or "."


@functools.cache  # relpath is slow and pages link to the same few pages thousands of times
def _relative(page_to: str, folder: str) -> str:
    return posixpath.relpath(page_to, folder)


def front_matter(title: str, description: str, **extra: object) -> str:
    """YAML front matter; values are JSON-encoded, which is valid YAML and needs no escaping.

    MkDocs and Material print the title and description into the page head and the header
    without escaping them, so the characters that could open a tag or close an attribute
    are written as HTML character references here.
    """
    lines = [
        "---",
        f"title: {json.dumps(_head_text(title), ensure_ascii=False)}",
        f"description: {json.dumps(_head_text(description), ensure_ascii=False)}",
    ]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "\n".join(lines + ["---", ""])


def _head_text(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def indent(text: str, spaces: int = 4) -> str:
    """Indent every non-empty line, e.g. to put a body inside a footnote."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def excerpt(text: str, limit: int = 160) -> str:
    """The start of a passage, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def first_sentence(text: str) -> str:
    match = re.search(r"^.+?[.?!](?=\s|$)", text)
    return match.group(0) if match else text


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def long_date(iso: str) -> str:
    """'2020-06-19' → '19 June 2020' (also 'June 2020', '2020')."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def search_only(words: tuple[str, ...], tag: str = "span", data: str = "") -> str:
    """Words for the search index only (other spellings: spellings.py): ``hidden``, so never shown
    nor read aloud, but in the page's text, which is what the search plugin indexes. ``data``: the
    value of its ``data-spellings`` attribute, if any."""
    extra = f' data-spellings="{attr(data)}"' if data else ""
    return f'<{tag} class="search-variants"{extra} hidden>{escape(" ".join(words))}</{tag}>' if words else ""
