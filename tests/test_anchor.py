"""anchor.py: quotes resolve to one paragraph and span; only spacing and quote style may differ."""

from __future__ import annotations

import pytest

from build_scripts.anchor import TranscriptIndex, fold, place_annotation
from build_scripts.model import Anchor, Annotation, Origin, Paragraph, Span, Transcript, TranscriptMeta, Turn

PARAGRAPHS = [
    "The “law-based” centres were closed. Thank you.",
    "Thank you. The centres, the so-called 'schools', taught law.",
    "Thank you. Another question, please.",
]


def index() -> TranscriptIndex:
    meta = TranscriptMeta("t-one", "T", "2020", "P", "O", "en", "Pub", None, "", "", (), "", "t.txt")
    turn = Turn("t1", None, "remark", [Paragraph(f"p{i}", text, "speech") for i, text in enumerate(PARAGRAPHS, 1)])
    return TranscriptIndex(Transcript(meta, [turn], []))


def place(anchor: Anchor) -> tuple[str, Span] | str:
    """The paragraph and span, or the one problem as text."""
    note = Annotation("n", "t-one", anchor, "context", "b", (), (), "a", "2026", origin=Origin("a.yml", 4, 3))
    placement, problems = place_annotation(note, index())
    if placement is None:
        [problem] = problems
        return str(problem)
    return placement.paragraph, placement.span


def test_exact_quote() -> None:
    assert place(Anchor("centres were closed")) == ("p1", Span(16, 35))


@pytest.mark.parametrize(
    "quote", ['"law-based" centres', "“law-based”   centres", "“law-based”\ncentres", "  “law-based” centres  ", "the so-called ‘schools’"]
)
def test_whitespace_and_quote_style_are_tolerated(quote: str) -> None:
    assert place(Anchor(quote)) != place(Anchor("no such words at all"))
    assert isinstance(place(Anchor(quote)), tuple)


@pytest.mark.parametrize(
    "quote", ["The law-based centres", "centres were closed!", "CENTRES were closed", "centres were clos ed", "so–called"]
)
def test_nothing_else_is_tolerated(quote: str) -> None:
    result = place(Anchor(quote))
    assert isinstance(result, str) and "was not found in t-one; closest passage" in result


def test_span_is_in_the_paragraphs_own_text() -> None:
    paragraph, span = place(Anchor("so-called 'schools'"))  # type: ignore[misc]
    assert PARAGRAPHS[1][span.start : span.end] == "so-called 'schools'"
    paragraph, span = place(Anchor("‘law-based’ centres".replace("‘", "“").replace("’", "”")))  # type: ignore[misc]
    assert (paragraph, PARAGRAPHS[0][span.start : span.end]) == ("p1", "“law-based” centres")


def test_ambiguous_quote_lists_every_place_and_how_to_choose() -> None:
    problem = place(Anchor("Thank you."))
    assert problem == (
        "a.yml:4:3: annotation 'n': the anchor quote occurs 3 times: "
        "1. p1: …w-based\" centres were closed. [Thank you.]…; 2. p2: …[Thank you.] The centres, the so-called 's…; "
        "3. p3: …[Thank you.] Another question, please.… — "
        "add 'prefix:' or 'suffix:' with the words just before or after it, or 'occurrence: N'"
    )


def test_prefix_suffix_occurrence_and_paragraph_choose_one() -> None:
    assert place(Anchor("Thank you.", prefix="were closed.")) == ("p1", Span(37, 47))
    assert place(Anchor("Thank you.", suffix="Another")) == ("p3", Span(0, 10))
    assert place(Anchor("Thank you.", occurrence=2)) == ("p2", Span(0, 10))
    assert place(Anchor("Thank you.", paragraph="p3")) == ("p3", Span(0, 10))
    assert place(Anchor("Thank you.", suffix="The centres", occurrence=1)) == ("p2", Span(0, 10))


def test_hint_problems() -> None:
    assert "occurs, but never with this prefix/suffix" in str(place(Anchor("Thank you.", prefix="Goodbye")))
    assert "occurrence 4 asked, but the quote occurs 3 time(s) — use an occurrence from 1 to 3" in str(
        place(Anchor("Thank you.", occurrence=4))
    )
    assert "paragraph 'p9' does not exist in t-one" in str(place(Anchor("Thank you.", paragraph="p9")))
    assert place(Anchor("centres were closed", paragraph="p2")) == (
        "a.yml:4:3: annotation 'n': the anchor quote is not in p2; it occurs in p1 — fix 'paragraph:', or remove it"
    )


def test_quote_across_two_paragraphs() -> None:
    assert "the anchor quote runs across two paragraphs" in str(place(Anchor("Thank you. Thank you. The centres")))


def test_not_found_names_the_closest_passage_and_its_paragraph() -> None:
    problem = place(Anchor("Another questoin, please"))
    assert problem == (
        "a.yml:4:3: annotation 'n': the anchor quote was not found in t-one; closest passage "
        '(p3, 96% alike): "Another question, please" — copy the words exactly from the transcript '
        "(only spacing and curly/straight quotes may differ)"
    )


@pytest.mark.parametrize("quote", ["   ", "x", " \n x "])
def test_blank_or_one_character_quote(quote: str) -> None:
    assert "the anchor quote is blank or a single character" in str(place(Anchor(quote)))


def test_fold_keeps_length_of_normalised_text() -> None:
    text = "„a“ ‚b‘ ‛c’ ″d′"
    assert fold(text) == "\"a\" 'b' 'c' \"d'" and len(fold(text)) == len(text)
