"""The safe Markdown subset contributors may write in annotation bodies and profiles.

MkDocs' Python-Markdown does not sanitise anything, so this check is the gate, in two steps:

1. markdown-it parses each body and any construct outside the allowed set is reported
   with its line and a precise message;
2. the body is then rendered with the site's own Python-Markdown and extensions, and the
   HTML is checked against an allow-list of elements and attributes. The two parsers do
   not agree on everything (``<img/src=x/onerror=…>``, a link definition inside a
   paragraph, ``{onclick=…}``); this step judges what would actually be published.

A body of plain prose, with no character either parser could read as Markdown, skips
both steps: see ``is_plain`` for why neither could find anything in it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..mkdocs_config import mkdocs_settings
from ..problems import Problem

PARSER = MarkdownIt("commonmark", {"html": True})
# Accept every URL while parsing, so that a javascript: link is seen (and refused) by us
# rather than quietly left as text that Python-Markdown would later turn into a link.
PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
_Add = Callable[[int, str, str], None]
_ALLOWED_BLOCKS = {
    "paragraph_open",
    "paragraph_close",
    "inline",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_open",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
    "blockquote_open",
    "blockquote_close",
}
_ALLOWED_INLINE = {
    "text",
    "softbreak",
    "hardbreak",
    "em_open",
    "em_close",
    "strong_open",
    "strong_close",
    "link_open",
    "link_close",
    "code_inline",
}
_SAFE_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-z!?]", re.IGNORECASE)
_ATTRIBUTE_SYNTAX = re.compile(r"\{:|\{\s*[#.]|\{[^{}\n]*=[^{}\n]*\}")
MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"
VETTED_EXTENSIONS = ("footnotes", "attr_list", "md_in_html", "tables", "toc", "build_scripts.note_headings")
"""Python-Markdown extensions whose output the element allow-list below was checked against.
(note_headings only turns a footnote's paragraph of class ``note-head`` into a heading, and a
body cannot give a class: attribute syntax is refused.)"""


def site_extensions(config: Path = MKDOCS_YML) -> dict[str, dict[str, Any]]:
    """The Markdown extensions mkdocs.yml enables, with their options: what the site renders bodies with.

    Raises ValueError for one not in ``VETTED_EXTENSIONS``: what it lets a body produce has not
    been checked, so no body could be called safe.
    """
    listed = mkdocs_settings(config).get("markdown_extensions") or []
    enabled = dict(next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in listed)
    unvetted = [name for name in enabled if name not in VETTED_EXTENSIONS]
    if unvetted:
        raise ValueError(f"{config}: Markdown extension(s) {unvetted} not vetted in load/markdown_body.py")
    return {name: options or {} for name, options in enabled.items()}


SITE_MARKDOWN = markdown.Markdown(extensions=list(site_extensions()), extension_configs=site_extensions())
"""One converter, reset before each body: building one per body took most of the check's time."""
_PUBLISHED_ELEMENTS = {"p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "br"}


_PLAIN_LINE = r"(?:(?:[^\W\d_]|[\"'(‘“])[\w ,.;:'\"?()%/\-–—‘’“”]*)?"
_PLAIN_TEXT = re.compile(f"{_PLAIN_LINE}(?:\n{_PLAIN_LINE})*")
"""Prose with no Markdown at all: see ``is_plain``."""


def is_plain(body: str) -> bool:
    r"""True for a body both parsers can only read as paragraphs of text and line breaks.

    Most bodies are prose, and proving them safe needs neither parser. Such a body has
    only letters, digits, spaces, newlines and ``, . ; : ' " ? ( ) % / - – — ‘ ’ “ ”``, and
    every line is empty or starts with a letter (``[^\W\d_]``: no 0-9 or other decimal
    digit, which could number a list) or an opening quote or bracket. Then:
    no inline construct can start, as each needs one of ``* _ ` [ ] ! < & \ { } | ~ ^``
    (emphasis, code, links, images, autolinks, HTML, entities, escapes, attribute lists,
    footnotes, tables); no block construct can start, as each needs a line beginning
    with a space (code, lazy lists), ``#``, ``>``, ``-``, ``*``, ``+``, ``_``, ``=`` (headings,
    quotes, lists, rules, setext underlines), a digit (numbered lists), ``[`` (link or
    footnote definitions), ``<`` (HTML, md_in_html) or ``~``/backtick (fences), or a ``|``
    (tables). Python-Markdown's internal placeholders need \x02, also excluded. So markdown-it
    gives only paragraph, text, softbreak and hardbreak tokens, the line checks find no
    '<' and no '{', and Python-Markdown publishes only <p> and <br>, without attributes:
    ``all_problems`` would find nothing. tests/test_markdown_body.py checks this on
    generated bodies against both parsers.
    """
    return "_" not in body and _PLAIN_TEXT.fullmatch(body) is not None


_WORDS_PARSER = MarkdownIt("commonmark", {"html": False})


def body_words(body: str) -> str:
    """The words of a body without its markup, on one line (for excerpts in listings).

    Read once, when the file is loaded (and memoised with it), rather than by every page
    that shows an excerpt. A plain body (``is_plain``) is already only words: markdown-it
    would give its lines as text, so its words are the body's with whitespace collapsed.
    """
    if is_plain(body):
        return " ".join(body.split())
    words = []
    for token in _WORDS_PARSER.parse(body):
        for child in token.children or [] if token.type == "inline" else []:
            # Pieces of one paragraph touch ("*report*." is "report."); a line break is a space.
            words.append(child.content if child.type in ("text", "code_inline") else " " if child.type.endswith("break") else "")
        words.append(" ")  # between blocks
    return " ".join("".join(words).split())


def body_problems(body: str, path: str, first_line: int, col: int, what: str) -> list[Problem]:
    """Every construct in ``body`` outside the safe subset, each with its line."""
    if is_plain(body):
        return []
    return all_problems(body, path, first_line, col, what)


def all_problems(body: str, path: str, first_line: int, col: int, what: str) -> list[Problem]:
    """``body_problems`` by both parsers, for a body that is not plain prose."""
    problems: list[Problem] = []

    def add(line_offset: int, message: str, hint: str) -> None:
        problems.append(Problem(path, first_line + line_offset, col, f"{what}: {message}", hint))

    for offset, text in enumerate(body.splitlines()):
        if _TAG.search(html.unescape(text)) and not _TAG.search(text):
            add(offset, "HTML entities that decode to a tag", "write the text without '&lt;' or '&#60;' entities")
        if _ATTRIBUTE_SYNTAX.search(text):
            add(offset, "attribute syntax '{: …}' / '{#id}' is not allowed", "remove the braces; the build gives ids itself")
    for token in PARSER.parse(body):
        line = token.map[0] if token.map else 0
        if token.type in ("html_block", "html_inline"):
            add(line, "raw HTML is not allowed", "use Markdown: *emphasis*, [text](https://…), lists, > quotes")
        elif token.type not in _ALLOWED_BLOCKS and not token.type.endswith("_close"):
            add(
                line,
                f"'{token.type.replace('_open', '')}' is not allowed here",
                "use only paragraphs, emphasis, links, lists and block quotes",
            )
        for child in token.children or []:
            line += child.type in ("softbreak", "hardbreak")  # a paragraph's inline tokens span its lines
            _check_inline(child, line, add)
    if not problems:
        _check_published(body, add)
    return problems


def _check_inline(token: Token, line: int, add: _Add) -> None:
    if token.type in ("html_inline", "html_block"):
        add(line, "raw HTML is not allowed", "use Markdown: *emphasis*, [text](https://…), lists, > quotes")
    elif token.type == "image":
        add(line, "images are not allowed", "link to the image instead: [description](https://…)")
    elif token.type not in _ALLOWED_INLINE:
        add(line, f"'{token.type}' is not allowed", "use only emphasis, links and code")
    elif token.type == "link_open":
        href = str(token.attrs.get("href", ""))
        if not _SAFE_URL.match(href):
            add(line, f"link target '{href}' is not an http(s) or mailto URL", "link to a public https:// page")
        if token.attrs.get("title"):
            add(line, "link titles are not allowed", 'remove the "title" after the URL')
    elif token.type == "text" and "[^" in token.content:
        add(line, "footnote syntax '[^…]' is not allowed", "the build makes the footnote; write the text only")


class PublishedElements(HTMLParser):
    """Collects (element, attribute, value) triples of an HTML fragment, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, "", ""))
        self.found += [(tag, name, value or "") for name, value in attrs]

    def handle_comment(self, data: str) -> None:
        self.found.append(("!--", "", ""))

    def handle_pi(self, data: str) -> None:
        self.found.append(("?", "", ""))


def _check_published(body: str, add: _Add) -> None:
    """Render the body as the site will and allow only the safe subset's elements."""
    parser = PublishedElements()
    parser.feed(SITE_MARKDOWN.reset().convert(body))
    parser.close()
    foreign = next((tag for tag, name, _ in parser.found if not name and tag not in _PUBLISHED_ELEMENTS), None)
    if foreign:  # one is enough: a table or an <img> brings several elements and attributes
        add(
            _line_of(body, "<" + foreign.lstrip("!?"), foreign),
            f"the site would publish a <{foreign}> element",
            "use only paragraphs, emphasis, links, lists and block quotes; no HTML, tables or attributes",
        )
        return
    for tag, name, value in dict.fromkeys(parser.found):
        if tag == "a" and name == "href":
            if not _SAFE_URL.match(value):
                add(_line_of(body, value), f"link target '{value}' is not an http(s) or mailto URL", "link to a public https:// page")
        elif name:
            add(
                _line_of(body, name),
                f"the site would publish the attribute '{name}' on <{tag}>",
                "remove the '{…}' or the HTML that adds it",
            )


def _line_of(body: str, *needles: str) -> int:
    """The 0-based line of the body where the first needle occurs (case-insensitive), else 0."""
    lines = body.casefold().splitlines()
    for needle in needles:
        found = next((i for i, line in enumerate(lines) if needle.casefold() in line), None)
        if found is not None:
            return found
    return 0
