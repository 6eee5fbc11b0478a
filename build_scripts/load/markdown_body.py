"""The safe Markdown subset contributors may write in annotation bodies and profiles.

MkDocs' Python-Markdown does not sanitise anything, so this check is the gate: markdown-it
(with raw HTML switched off, so HTML shows up as text we can see) parses each body, and
any construct outside the allowed set is reported with its line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..problems import Problem

_PARSER = MarkdownIt("commonmark", {"html": True})
# Accept every URL while parsing, so that a javascript: link is seen (and refused) by us
# rather than quietly left as text that Python-Markdown would later turn into a link.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
_Add = Callable[[int, str, str], None]
_ALLOWED_BLOCKS = {
    "paragraph_open", "paragraph_close", "inline", "bullet_list_open", "bullet_list_close",
    "ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close",
    "blockquote_open", "blockquote_close",
}
_ALLOWED_INLINE = {"text", "softbreak", "hardbreak", "em_open", "em_close", "strong_open",
                   "strong_close", "link_open", "link_close", "code_inline"}
_SAFE_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.I)
_TAG = re.compile(r"<\s*/?\s*[a-z!?]", re.I)
_ATTRIBUTE_SYNTAX = re.compile(r"\{\s*[:#.]")


def body_problems(body: str, path: str, first_line: int, col: int, what: str) -> list[Problem]:
    """Every construct in ``body`` outside the safe subset, each with its line."""
    problems: list[Problem] = []

    def add(line_offset: int, message: str, hint: str) -> None:
        problems.append(Problem(path, first_line + line_offset, col, f"{what}: {message}", hint))

    if _TAG.search(html.unescape(body)) and not _TAG.search(body):
        add(0, "HTML entities that decode to a tag", "write the text without '&lt;' or '&#60;' entities")
    if _ATTRIBUTE_SYNTAX.search(body):
        add(0, "attribute syntax '{: …}' / '{#id}' is not allowed", "remove the braces; the build gives ids itself")
    for token in _PARSER.parse(body):
        line = token.map[0] if token.map else 0
        if token.type in ("html_block", "html_inline"):
            add(line, "raw HTML is not allowed", "use Markdown: *emphasis*, [text](https://…), lists, > quotes")
        elif token.type not in _ALLOWED_BLOCKS and not token.type.endswith("_close"):
            add(line, f"'{token.type.replace('_open', '')}' is not allowed here",
                "use only paragraphs, emphasis, links, lists and block quotes")
        for child in token.children or []:
            _check_inline(child, line, add)
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
            add(line, "link titles are not allowed", "remove the \"title\" after the URL")
    elif token.type == "text" and "[^" in token.content:
        add(line, "footnote syntax '[^…]' is not allowed", "the build makes the footnote; write the text only")

