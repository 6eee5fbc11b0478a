"""Injection safety: unsafe annotation bodies are refused; transcript text always renders literally."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import lxml.html
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.__main__ import main
from build_scripts.invisible import INVISIBLE, marker
from build_scripts.load.markdown_body import site_extensions
from build_scripts.render.markdown import escape
from tests.project_copy import copy_project

SEED = "xinjiang-2020-06-19"


def run(root: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, err.getvalue()


def entry(id: str, body: str) -> str:
    """An otherwise valid annotation whose body (a YAML block) starts on line 7."""
    indented = "".join(f"    {line}\n" for line in body.splitlines())
    return (
        f'- id: {id}\n  transcript: {SEED}\n  anchor:\n    quote: "Dear friends from the press"\n'
        f'  kind: correction\n  body: |\n{indented}  author: Tester\n  date: "2026-01-01"\n'
    )


UNSAFE = {  # file name: (body, line of the body that is wrong, message)
    "script": ("Fine words.\n<script>alert(1)</script>", 8, "raw HTML is not allowed"),
    "img": ("A <img src=x onerror=alert(1)> here", 7, "raw HTML is not allowed"),
    "iframe": ('One.\n\n<iframe src="https://example.org"></iframe>', 9, "raw HTML is not allowed"),
    "javascript": ("[x](JaVaScRiPt:alert(1))", 7, "link target 'JaVaScRiPt:alert(1)' is not an http(s) or mailto URL"),
    "data": ("One.\n[x](DATA:text/html,<b>x</b>)", 8, "is not an http(s) or mailto URL"),
    "vbscript": ("[x](vbscript:msgbox(1))", 7, "link target 'vbscript:msgbox(1)' is not an http(s) or mailto URL"),
    "title": ('[x](https://example.org/ "t\\" onmouseover=\\"alert(1)")', 7, "link titles are not allowed"),
    "entities": ("One.\nTwo &lt;script&gt;alert(1)&lt;/script&gt;", 8, "HTML entities that decode to a tag"),
    "slash-img": ("One.\n<img/src=x/onerror=alert(1)>", 8, "the site would publish a <img> element"),
    "ref-definition": ("One [x][a]\n[a]: javascript:alert(1)", 8, "link target 'javascript:alert(1)' is not an http(s) or mailto URL"),
}


def test_check_refuses_every_unsafe_body_on_its_line(project: Path) -> None:
    for name, (body, _, _) in UNSAFE.items():
        (project / f"data/annotations/zz-{name}.yml").write_text(entry(f"zz-{name}", body), encoding="utf-8")
    code, err = run(project, "check")
    assert code == 1
    for name, (_, line, message) in UNSAFE.items():
        expected = f"data/annotations/zz-{name}.yml:{line}:3: annotation 'zz-{name}' body: "
        assert any(p.startswith(expected) and message in p for p in err.splitlines()), (name, err)
    assert err.splitlines()[-1] == f"{len(UNSAFE)} problem(s); nothing was written."


MD = markdown.Markdown(extensions=list(site_extensions()), extension_configs=site_extensions())


def rendered_text(source: str) -> str:
    html = MD.reset().convert(source)
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


MARKDOWN_SYNTAX = st.sampled_from(
    list("\\`*_[]{}|#+-=.!()<>&;:^~ \n\t1a\u202e\u200b") + ["[^1]", "&amp;", "{#id}", "<b>", "1. ", "- ", "    ", "\n\n", "[x](y)", "***"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(MARKDOWN_SYNTAX, st.text(st.characters(blacklist_categories=("Cs",)), max_size=5))).map("".join))
def test_escape_renders_any_text_literally(text: str) -> None:
    printable = "".join(c for c in " ".join(text.split()) if unicodedata.category(c) != "Cc")
    shown = "".join(marker(c) if c in INVISIBLE else c for c in printable)  # bidi and zero-width: a visible mark
    assert rendered_text(escape(text)) == " ".join(shown.split())


ESCAPE_TEXT = """\
Escape test

Escape Tester: Stars 2 * 3 * 4 and snake_case_name and __dunder__ stay as typed.

# not a heading, and a footnote [^1] stays text.

A link [x](https://example.org/y) and <b>bold</b> and <script>alert(1)</script> tags.

Pipes | a | b and `code` and {#custom-id} and &amp; and &lt;i&gt; entities.

- not a list item, 1. not a numbered one.
"""


@pytest.fixture(scope="module")
def escape_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real edition plus a small second transcript full of Markdown and HTML syntax, built."""
    root = copy_project(tmp_path_factory.mktemp("escape") / "project")
    folder = root / "data/transcripts/escape-test"
    folder.mkdir()
    (folder / "transcript.txt").write_text(ESCAPE_TEXT, encoding="utf-8")
    (folder / "edition.yml").write_text(
        """\
id: escape-test
title: "Escape <b>test</b> </script><script>alert(1)</script>"
date: "2021-01-02"
place: "Nowhere <i>at all</i>"
organiser: "The [organiser](https://example.org) {#org}"
language: en
source:
  publisher: "Tester & Co <b>"
participants:
  - speaker: escape-tester
    kind: official
    role: "Role with <b>bold</b> and [^1]"
    names: [Escape Tester]
layout:
  title_lines: 1
""",
        encoding="utf-8",
    )
    speakers = root / "data/speakers.yml"
    speakers.write_text(
        speakers.read_text(encoding="utf-8") + '- id: escape-tester\n  name: "Escape <b>Tester</b>"\n'
        "  type: person\n  profile: A test speaker.\n",
        encoding="utf-8",
    )
    code, err = run(root, "build")
    assert code == 0, err
    yield root / "site"


def test_transcript_text_shows_literally(escape_site: Path) -> None:
    page = lxml.html.parse(str(escape_site / "transcripts/escape-test/index.html")).getroot()
    [article] = page.iter("article")
    paragraphs = [
        re.sub(r"¶\d+$", "", p.text_content().strip()).strip() for p in article.iter("p") if re.fullmatch(r"p\d+", p.get("id", ""))
    ]
    expected = [block.removeprefix("Escape Tester: ") for block in ESCAPE_TEXT.split("\n\n")[1:]]
    assert paragraphs == [b.strip() for b in expected]
    assert [e.tag for e in article.iter("b", "i", "sup", "script", "h2", "ul", "ol", "table", "code")] == []
    assert not any("example.org" in (a.get("href") or "") for a in article.iter("a"))
    assert article.get_element_by_id("custom-id", None) is None and article.get_element_by_id("org", None) is None


def test_titles_and_names_never_become_markup(escape_site: Path) -> None:
    for page in ("transcripts/escape-test/index.html", "speakers/escape-tester/index.html", "transcripts/index.html"):
        root = lxml.html.parse(str(escape_site / page)).getroot()
        assert [e.tag for e in root.iter("b", "i")] == [], page
        assert not [s for s in root.iter("script") if "alert(1)" in (s.text or "") and s.get("type") is None], page


def theme_inline_scripts(site: Path) -> set[str]:
    """Executable inline scripts of the 404 page: the theme's own, with no data in them."""
    page = lxml.html.parse(str(site / "404.html")).getroot()
    return {normalise(s.text or "") for s in page.iter("script") if s.get("src") is None and s.get("type") is None}


def normalise(script: str) -> str:
    return re.sub(r'new URL\("[^"]*",location\)', "new URL(BASE,location)", script)


def test_every_built_page_runs_only_the_themes_and_the_sites_scripts(site: Path) -> None:
    allowed_inline = theme_inline_scripts(site)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = lxml.html.parse(str(path)).getroot()
        for script in page.iter("script"):
            src = script.get("src")
            if src is not None:
                target = (path.parent / src).resolve() if not src.startswith("/") else site / src.split("/", 2)[-1]
                relative = target.relative_to(site.resolve() if not src.startswith("/") else site).as_posix()
                assert relative.startswith("assets/javascripts/") or re.fullmatch(r"assets/[\w.-]+\.js", relative), (path, src)
            elif script.get("type") in ("application/json", "application/ld+json"):
                assert "<" not in (script.text or ""), (path, "markup inside a data script")
            else:
                assert normalise(script.text or "") in allowed_inline, (path, (script.text or "")[:80])
        for element in page.iter():
            if isinstance(element.tag, str):
                handlers = [name for name in element.attrib if name.lower().startswith("on")]
                assert handlers == [], (path, element.tag, handlers)
