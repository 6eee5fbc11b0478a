"""build_scripts/note_headings.py: each note's head becomes a heading the search plugin splits on, kept out of the
page's table of contents and without a section permalink; each note's way back is labelled, not titled."""

from __future__ import annotations

import lxml.html
import markdown

PAGE = """# Title

## Q1 · A question {#q1}

Words[^claim-one] and more words[^term-two].

Head-like text that is not a note.
{: .note-head }

## Notes

[^claim-one]:
    **Claim** on “Words” · [¶1](#p1)
    {: .note-head data-title="Claim: “Words”" }

    The note's body.

[^term-two]:
    A note written without a head.
"""


def converted(text: str) -> tuple[lxml.html.HtmlElement, str]:
    md = markdown.Markdown(
        extensions=["footnotes", "attr_list", "toc", "build_scripts.note_headings"], extension_configs={"toc": {"permalink": True}}
    )
    html = md.convert(text)
    return lxml.html.fromstring(f"<div>{html}</div>"), str(md.toc)


def test_a_notes_head_is_a_heading_with_an_id_of_its_own() -> None:
    html, _ = converted(PAGE)
    heading = html.xpath("//li[@id='fn:claim-one']/*[1]")[0]
    assert (heading.tag, heading.get("id"), heading.get("class")) == ("h3", "note-claim-one", "note-head")
    assert heading.get("data-title") == "Claim: “Words”"
    assert heading.text_content().startswith("Claim on “Words”")
    assert not heading.xpath(".//a[contains(@class, 'headerlink')]")  # no "¶ link to this section" on every note


def test_only_a_notes_head_changes() -> None:
    html, _ = converted(PAGE)
    assert html.xpath("//li[@id='fn:term-two']/*[1]")[0].tag == "p"  # a note without a head
    assert html.xpath("//p[contains(@class, 'note-head')]")[0].text_content() == "Head-like text that is not a note."
    assert len(html.xpath("//h3")) == 1


def test_the_notes_stay_out_of_the_table_of_contents() -> None:
    _, toc = converted(PAGE)
    assert 'href="#q1"' in toc and 'href="#notes"' in toc
    assert "note-claim-one" not in toc


def test_a_notes_way_back_is_labelled_not_titled() -> None:
    html, _ = converted(PAGE)
    backs = html.xpath("//a[contains(@class, 'footnote-backref')]")
    assert len(backs) == 2  # one per note, with a head or without
    assert [b.get("aria-label") for b in backs] == ["Jump back to footnote 1 in the text", "Jump back to footnote 2 in the text"]
    assert not [b for b in backs if b.get("title") is not None]  # Material mounts a tooltip on each title
