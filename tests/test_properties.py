"""Properties of anchoring on the real seed transcript (hypothesis)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.anchor import TranscriptIndex, fold, place_annotation
from build_scripts.check import assemble
from build_scripts.model import Anchor, Annotation, Origin

ROOT = Path(__file__).resolve().parent.parent
SEED = "xinjiang-2020-06-19"


@cache
def seed_index() -> TranscriptIndex:
    edition, _ = assemble(ROOT / "data", ROOT)
    return TranscriptIndex(next(t for t in edition.transcripts if t.id == SEED))


def occurrences(needle: str) -> int:
    """Overlapping occurrences of ``needle`` in the folded paragraphs, counted independently of anchor.py."""
    pattern = re.compile(f"(?={re.escape(needle)})")
    return sum(len(pattern.findall(text)) for text in folded_paragraphs())


@cache
def folded_paragraphs() -> tuple[str, ...]:
    return tuple(fold(p.text) for p in seed_index().transcript.paragraphs())


@st.composite
def substrings(draw: st.DrawFn) -> tuple[str, str]:
    paragraphs = seed_index().transcript.paragraphs()
    paragraph = draw(st.sampled_from(paragraphs))
    start = draw(st.integers(0, len(paragraph.text) - 2))
    end = draw(st.integers(start + 2, min(len(paragraph.text), start + 120)))
    return paragraph.id, paragraph.text[start:end]


@settings(max_examples=150, deadline=None)
@given(substrings())
def test_an_exact_substring_resolves_to_its_paragraph_or_is_ambiguous(case: tuple[str, str]) -> None:
    paragraph_id, quote = case
    note = Annotation("n", SEED, Anchor(quote), "correction", "b", (), (), "a", "2026", origin=Origin("a.yml", 1, 3))
    placement, problems = place_annotation(note, seed_index())
    wanted = fold(quote).strip()
    if len(wanted) < 2:
        assert placement is None and "blank or a single character" in problems[0].message
    elif (count := occurrences(wanted)) > 1:
        assert placement is None
        [problem] = problems
        assert f"the anchor quote occurs {count} times" in problem.message
        assert f"{count}. p" in problem.message and "occurrence: N" in problem.hint
    else:
        assert problems == [] and placement is not None
        assert placement.paragraph == paragraph_id
        text = next(p.text for p in seed_index().transcript.paragraphs() if p.id == paragraph_id)
        assert fold(text[placement.span.start : placement.span.end]) == wanted
