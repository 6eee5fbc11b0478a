"""load/markdown_body.py: only the safe Markdown subset passes, each refusal on its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from build_scripts.load.markdown_body import (
    MKDOCS_YML,
    PARSER,
    SITE_MARKDOWN,
    VETTED_EXTENSIONS,
    PublishedElements,
    all_problems,
    body_problems,
    body_words,
    is_plain,
    site_extensions,
)


def check(body: str) -> list[tuple[int, str]]:
    """(line, message) of each problem; the body starts on line 10 of its file."""
    return [(p.line, p.message) for p in body_problems(body, "a.yml", 10, 3, "body")]


def test_the_safe_subset_passes() -> None:
    body = (
        "Plain *emphasis*, **strong**, `code`, [a link](https://example.org/a?b=c) and <https://example.org>.\n\n"
        "- a list item\n- [mail](mailto:editors@example.org)\n\n1. numbered\n\n> a quotation\n\n"
        "Text with x < y, a {brace} and 3 > 2."
    )
    assert check(body) == []


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Intro.\n\n<script>alert(1)</script>", 12, "body: raw HTML is not allowed"),
        ("Intro <img src=x onerror=alert(1)>", 10, "body: raw HTML is not allowed"),
        ('Intro.\n\n<iframe src="https://example.org"></iframe>', 12, "body: raw HTML is not allowed"),
        ("Line one.\n[x](JaVaScRiPt:alert(1))", 11, "body: link target 'JaVaScRiPt:alert(1)' is not an http(s) or mailto URL"),
        (
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            10,
            "body: link target 'data:text/html;base64,PHNjcmlwdD4=' is not an http(s) or mailto URL",
        ),
        ("[x](VBScript:msgbox(1))", 10, "body: link target 'VBScript:msgbox(1)' is not an http(s) or mailto URL"),
        ("[x](&#106;avascript:alert(1))", 10, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
        ("<javascript:alert(1)>", 10, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
        ('[x](https://example.org "a\\" onmouseover=\\"alert(1)")', 10, "body: link titles are not allowed"),
        ("One.\n\nTwo &lt;script&gt;alert(1)&lt;/script&gt;", 12, "body: HTML entities that decode to a tag"),
        ("One.\nTwo &#60;img src=x onerror=alert(1)&#62;", 11, "body: HTML entities that decode to a tag"),
        ('One.\n{: onclick="alert(1)" }', 11, "body: attribute syntax '{: …}' / '{#id}' is not allowed"),
        ("See [^1].", 10, "body: footnote syntax '[^…]' is not allowed"),
        ("![pic](https://example.org/p.png)", 10, "body: images are not allowed"),
        ("# Heading", 10, "body: 'heading' is not allowed here"),
        ("    indented code", 10, "body: 'code_block' is not allowed here"),
    ],
)
def test_unsafe_constructs_are_refused_on_their_line(body: str, line: int, message: str) -> None:
    assert (line, message) in check(body)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        # markdown-it reads these as plain text; the site's Python-Markdown would publish HTML.
        ("Intro.\n<img/src=x/onerror=alert(1)>", 11, "body: the site would publish a <img> element"),
        ("Intro.\n[x][a]\n[a]: javascript:alert(1)", 12, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
        ("Intro.\n[x](https://example.org){onclick=alert(1)}", 11, "body: attribute syntax '{: …}' / '{#id}' is not allowed"),
        ("a | b\n--|--\n1 | 2", 10, "body: the site would publish a <table> element"),
    ],
)
def test_what_the_two_markdown_parsers_disagree_on_is_refused(body: str, line: int, message: str) -> None:
    assert check(body) == [(line, message)]


def test_problems_carry_path_column_and_hint() -> None:
    [problem] = body_problems("x <br> y", "data/annotations/a.yml", 7, 3, "annotation 'a' body")
    assert str(problem) == (
        "data/annotations/a.yml:7:3: annotation 'a' body: raw HTML is not allowed — "
        "use Markdown: *emphasis*, [text](https://…), lists, > quotes"
    )


# --- The plain-prose shortcut: both parsers are skipped only where they could find nothing ---

_LETTERS = "aZéßЖ中½"
_PLAIN_REST = _LETTERS + "0 9,.;:'\"?()%/-–—‘’“”"
_STARTS = _LETTERS + "\"'(‘“"
_MARKUP = "*_`[]!<>&\\{}|~^#=+\t\r\x02\x0b\u2028 0123456789-:"
_SNIPPETS = [
    "*e*",
    "__s__",
    "`c`",
    "[l](javascript:x)",
    "[l][r]\n[r]: data:x",
    "<b>",
    "&lt;i&gt;",
    "{: .x}",
    "{#x}",
    "\n# ",
    "\n- ",
    "\n1. ",
    "\n    ",
    "\n---",
    "\n===",
    "a | b\n--|--",
    "![i](u)",
    "[^1]",
    "<https://x.org>",
]


@st.composite
def _prose(draw: st.DrawFn) -> str:
    """Lines of prose as is_plain accepts them: a letter or opening quote first, then plain characters."""

    def line() -> str:
        if draw(st.integers(0, 4)) == 0:
            return ""
        return draw(st.sampled_from(_STARTS)) + draw(st.text(alphabet=_PLAIN_REST, max_size=30))

    return "\n".join(line() for _ in range(draw(st.integers(1, 5))))


@st.composite
def _near_prose(draw: st.DrawFn) -> str:
    """Prose with a few markup characters inserted anywhere, line starts included."""
    body = draw(_prose())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(body)))
        markup = st.one_of(st.sampled_from(_SNIPPETS), st.text(alphabet=_MARKUP + "\n", min_size=1, max_size=4))
        body = body[:at] + draw(markup) + body[at:]
    return body


def _published(body: str) -> set[tuple[str, str]]:
    """(element, attribute) pairs of the site's Python-Markdown rendering of ``body``."""
    parser = PublishedElements()
    parser.feed(SITE_MARKDOWN.reset().convert(body))
    parser.close()
    return {(tag, name) for tag, name, _ in parser.found}


@settings(max_examples=300, deadline=None)
@given(body=_prose())
def test_plain_prose_is_only_paragraphs_and_breaks_to_both_parsers(body: str) -> None:
    assert is_plain(body)
    tokens = [t for block in PARSER.parse(body) for t in [block, *(block.children or [])]]
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak", "hardbreak"}
    assert _published(body) <= {("p", ""), ("br", "")}
    assert all_problems(body, "a.yml", 10, 3, "body") == []


@settings(max_examples=400, deadline=None)
@given(body=st.one_of(_near_prose(), st.text(max_size=40)))
def test_the_shortcut_never_changes_a_result(body: str) -> None:
    assert body_problems(body, "a.yml", 10, 3, "body") == all_problems(body, "a.yml", 10, 3, "body")


@pytest.mark.parametrize(
    "body",
    [
        "Text\n===",
        "Text\n---",
        "1. item",
        "- item",
        "* item",
        "+ item",
        "# title",
        "> quote",
        "    code",
        "Text\n    more",
        "a_b",
        "a *b*",
        "a `b`",
        "[a]: https://x.org",
        "a | b",
        "a {#x}",
        "a &amp; b",
        "a\\b",
        "a\tb",
        "a\r\nb",
        "~~~",
        "a\x02b",
    ],
)
def test_markdown_is_never_taken_for_plain_prose(body: str) -> None:
    assert not is_plain(body)


# --- the words of a body, for excerpts --------------------------------------------------------


def _words_by_parsing(body: str) -> str:
    """What body_words gives by the long way, for every body: markdown-it's text tokens."""
    tokens = MarkdownIt("commonmark", {"html": False}).parse(body)

    def piece(child: Token) -> str:
        return child.content if child.type in ("text", "code_inline") else " " if child.type.endswith("break") else ""

    return " ".join(" ".join("".join(piece(c) for c in t.children or []) for t in tokens if t.type == "inline").split())


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("The *Annual report* gives `3 %`.", "The Annual report gives 3 %."),
        ("**Bold**, then [a link](https://example.org/).", "Bold, then a link."),
        ("A [linked](https://example.org) word.\n\n- one\n- two", "A linked word. one two"),
        ("Plain prose,\nover two lines.", "Plain prose, over two lines."),
    ],
)
def test_body_words_are_the_text_without_markup(body: str, words: str) -> None:
    assert body_words(body) == words


@settings(max_examples=300, deadline=None)
@given(body=st.one_of(_prose(), _near_prose()))
def test_body_words_of_plain_prose_need_no_parse(body: str) -> None:
    """The shortcut for plain bodies gives what markdown-it gives."""
    assert body_words(body) == _words_by_parsing(body)


def test_the_site_renders_bodies_with_the_extensions_of_mkdocs_yml(tmp_path: Path) -> None:
    """mkdocs.yml is the one list; an extension nobody vetted stops the check (and this test)."""
    assert set(site_extensions()) <= set(VETTED_EXTENSIONS)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        MKDOCS_YML.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.superfences\n"),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="pymdownx.superfences"):
        site_extensions(config)
