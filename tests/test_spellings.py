"""Spelling variants (build_scripts/spellings.py, data/spellings.yml) and where the page carries them for search."""

from __future__ import annotations

import dataclasses

import lxml.html
import markdown

from build_scripts.model import Origin
from build_scripts.render.transcript import render_transcript
from build_scripts.resolve import build_indexes
from build_scripts.spellings import Variants, groups_used, missing_variants, variant_problems
from tests.factories import literal_edition


def group(*words: str, line: int = 1) -> Variants:
    return Variants(words, tuple(Origin("data/spellings.yml", line, 14 + 7 * i) for i in range(len(words))))


LABOUR = group("labour", "labor")
PROGRAMME = group("programme", "program", line=2)


def test_the_other_spellings_of_the_words_used() -> None:
    assert missing_variants("Forced labor, they said.", (LABOUR,)) == ("labour",)
    assert missing_variants("Labour and labor", (LABOUR,)) == ()  # both already there
    assert missing_variants("nothing to vary", (LABOUR,)) == ()


def test_a_longer_word_keeps_its_ending() -> None:
    assert missing_variants("the laborers’ will", (LABOUR,)) == ("labourers",)  # the closing quote is not part of it
    assert missing_variants("Programmes", (PROGRAMME,)) == ("programs",)
    assert missing_variants("two programs", (PROGRAMME,)) == ("programmes",)
    # The longest listed spelling is the word's stem: "programme" is not "program" + "me".
    assert missing_variants("a programme", (PROGRAMME,)) == ("program",)


def test_the_groups_a_text_uses_lead_a_hit_to_its_spelling() -> None:
    assert groups_used("Forced laborers and a programme", (LABOUR, PROGRAMME)) == (("labour", "labor"), ("programme", "program"))
    assert groups_used("nothing to vary", (LABOUR, PROGRAMME)) == ()


def test_a_word_listed_twice_is_a_problem_at_its_place() -> None:
    again = group("Labor", "laboring", line=9)
    problems = variant_problems([LABOUR, PROGRAMME, again])
    assert [(p.path, p.line, p.col) for p in problems] == [("data/spellings.yml", 9, 14)]
    assert "'Labor' is listed twice (first at data/spellings.yml:1)" in problems[0].message
    assert variant_problems([LABOUR, PROGRAMME]) == []


def test_the_page_carries_them_hidden_at_the_end_of_each_section_and_note() -> None:
    edition = literal_edition()
    words = {w for t in edition.transcripts for p in t.paragraphs() for w in p.text.split()}
    word = next(w for w in sorted(words) if w.isalpha() and len(w) > 4)
    edition = dataclasses.replace(edition, spellings=(group(word, word + "zz"),))
    transcript = edition.transcripts[0]
    page = render_transcript(transcript, edition, build_indexes(edition))
    html = lxml.html.fromstring(markdown.markdown(page, extensions=["footnotes", "attr_list", "md_in_html"]))
    hidden = html.xpath("//*[@class='search-variants']")
    assert len(hidden) >= 2 and all(h.get("hidden") is not None for h in hidden)  # a section's, and its note's
    assert {h.tag for h in hidden} == {"div", "span"} and {h.text for h in hidden} == {(word + "zz").casefold()}
    assert {h.get("data-spellings") for h in hidden if h.tag == "div"} == {f"{word} {word}zz".casefold()}
    assert not html.xpath("//p//div[@hidden]")  # never inside a paragraph, whose quote would carry it
    plain = render_transcript(transcript, dataclasses.replace(edition, spellings=()), build_indexes(edition))
    assert "search-variants" not in plain
