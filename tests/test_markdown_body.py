"""load/markdown_body.py: only the safe Markdown subset passes, each refusal on its line."""

from __future__ import annotations

import pytest

from build_scripts.load.markdown_body import body_problems


def check(body: str) -> list[tuple[int, str]]:
    """(line, message) of each problem; the body starts on line 10 of its file."""
    return [(p.line, p.message) for p in body_problems(body, "a.yml", 10, 3, "body")]


def test_the_safe_subset_passes() -> None:
    body = ("Plain *emphasis*, **strong**, `code`, [a link](https://example.org/a?b=c) and <https://example.org>.\n\n"
            "- a list item\n- [mail](mailto:editors@example.org)\n\n1. numbered\n\n> a quotation\n\n"
            "Text with x < y, a {brace} and 3 > 2.")
    assert check(body) == []


@pytest.mark.parametrize(("body", "line", "message"), [
    ("Intro.\n\n<script>alert(1)</script>", 12, "body: raw HTML is not allowed"),
    ("Intro <img src=x onerror=alert(1)>", 10, "body: raw HTML is not allowed"),
    ("Intro.\n\n<iframe src=\"https://example.org\"></iframe>", 12, "body: raw HTML is not allowed"),
    ("Line one.\n[x](JaVaScRiPt:alert(1))", 11, "body: link target 'JaVaScRiPt:alert(1)' is not an http(s) or mailto URL"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", 10,
     "body: link target 'data:text/html;base64,PHNjcmlwdD4=' is not an http(s) or mailto URL"),
    ("[x](VBScript:msgbox(1))", 10, "body: link target 'VBScript:msgbox(1)' is not an http(s) or mailto URL"),
    ("[x](&#106;avascript:alert(1))", 10, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
    ("<javascript:alert(1)>", 10, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
    ('[x](https://example.org "a\\" onmouseover=\\"alert(1)")', 10, "body: link titles are not allowed"),
    ("One.\n\nTwo &lt;script&gt;alert(1)&lt;/script&gt;", 12, "body: HTML entities that decode to a tag"),
    ("One.\nTwo &#60;img src=x onerror=alert(1)&#62;", 11, "body: HTML entities that decode to a tag"),
    ("One.\n{: onclick=\"alert(1)\" }", 11, "body: attribute syntax '{: …}' / '{#id}' is not allowed"),
    ("See [^1].", 10, "body: footnote syntax '[^…]' is not allowed"),
    ("![pic](https://example.org/p.png)", 10, "body: images are not allowed"),
    ("# Heading", 10, "body: 'heading' is not allowed here"),
    ("    indented code", 10, "body: 'code_block' is not allowed here"),
])
def test_unsafe_constructs_are_refused_on_their_line(body: str, line: int, message: str) -> None:
    assert (line, message) in check(body)


@pytest.mark.parametrize(("body", "line", "message"), [
    # markdown-it reads these as plain text; the site's Python-Markdown would publish HTML.
    ("Intro.\n<img/src=x/onerror=alert(1)>", 11, "body: the site would publish a <img> element"),
    ("Intro.\n[x][a]\n[a]: javascript:alert(1)", 12, "body: link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
    ("Intro.\n[x](https://example.org){onclick=alert(1)}", 11,
     "body: attribute syntax '{: …}' / '{#id}' is not allowed"),
    ("a | b\n--|--\n1 | 2", 10, "body: the site would publish a <table> element"),
])
def test_what_the_two_markdown_parsers_disagree_on_is_refused(body: str, line: int, message: str) -> None:
    assert check(body) == [(line, message)]


def test_problems_carry_path_column_and_hint() -> None:
    [problem] = body_problems("x <br> y", "data/annotations/a.yml", 7, 3, "annotation 'a' body")
    assert str(problem) == ("data/annotations/a.yml:7:3: annotation 'a' body: raw HTML is not allowed — "
                            "use Markdown: *emphasis*, [text](https://…), lists, > quotes")
