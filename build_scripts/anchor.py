"""Anchor phase: resolve each annotation's TextQuoteSelector to a paragraph and a span.

Matching ignores differences of whitespace and of curly vs straight quotes, nothing else.
Paragraph texts are already whitespace-normalised by the parser and quote folding maps one
character to one, so offsets in the folded text are offsets in the paragraph's own text.
Each annotation searches only its own transcript: the cost grows with the corpus, not
with corpus × annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .model import Anchor, Annotation, Placement, Span, Transcript
from .problems import Problem

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "″": '"'})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form two texts are compared in: straight quotes, single spaces."""
    return _SPACES.sub(" ", text.translate(_QUOTES))


@dataclass(frozen=True, slots=True)
class _Hit:
    paragraph: str
    start: int
    end: int
    before: str
    after: str


class TranscriptIndex:
    """The folded paragraphs of one transcript, ready for many quote look-ups."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.paragraphs = [(p.id, fold(p.text)) for p in transcript.paragraphs()]
        self.ids = {pid for pid, _ in self.paragraphs}
        self.joined = " ".join(text for _, text in self.paragraphs)

    def hits(self, quote: str, paragraph: str | None = None) -> list[_Hit]:
        found = []
        for pid, text in self.paragraphs:
            if paragraph and pid != paragraph:
                continue
            start = text.find(quote)
            while start != -1:
                end = start + len(quote)
                found.append(_Hit(pid, start, end, text[:start], text[end:]))
                start = text.find(quote, start + 1)
        return found

    def closest(self, quote: str) -> tuple[str, str, float]:
        """The paragraph and passage most like ``quote``, with a 0–100 score."""
        best = ("", "", 0.0)
        for pid, text in self.paragraphs:
            match = fuzz.partial_ratio_alignment(quote, text, score_cutoff=best[2])
            if match and match.score > best[2]:
                best = (pid, text[match.dest_start : match.dest_end].strip(), match.score)
        return best


def place_annotation(annotation: Annotation, index: TranscriptIndex) -> tuple[Placement | None, list[Problem]]:
    """Resolve one annotation's anchor (and its cross-reference quote, if any)."""
    hit, problems = _resolve(annotation.anchor, index, annotation, "anchor")
    see = None
    if annotation.see_quote:
        see_hit, see_problems = _resolve(Anchor(annotation.see_quote), index, annotation, "see_quote")
        problems += see_problems
        see = see_hit.paragraph if see_hit else None
    if hit is None or problems:
        return None, problems
    return Placement(annotation.id, hit.paragraph, Span(hit.start, hit.end), see), []


def _resolve(anchor: Anchor, index: TranscriptIndex, annotation: Annotation, field: str) -> tuple[_Hit | None, list[Problem]]:
    written_at = annotation.see_origin if field == "see_quote" else annotation.quote_origin
    origin = written_at or annotation.origin

    def problem(message: str, hint: str) -> list[Problem]:
        return [Problem(origin.path, origin.line, origin.col, f"annotation '{annotation.id}': {message}", hint)]

    quote = fold(anchor.quote).strip()
    if len(quote) < 2:
        return None, problem(f"the {field} quote is blank or a single character", "quote enough words of the transcript to find the place")
    if anchor.paragraph and anchor.paragraph not in index.ids:
        return None, problem(
            f"paragraph '{anchor.paragraph}' does not exist in {index.transcript.id}",
            "remove 'paragraph:' or use an id shown by 'python -m build_scripts ids'",
        )
    candidates = index.hits(quote, anchor.paragraph)
    if not candidates and anchor.paragraph:
        elsewhere = sorted({h.paragraph for h in index.hits(quote)}, key=lambda pid: int(pid[1:]))
        if elsewhere:
            return None, problem(
                f"the {field} quote is not in {anchor.paragraph}; it occurs in {', '.join(elsewhere)}", "fix 'paragraph:', or remove it"
            )
    if not candidates:
        return None, _not_found(quote, index, problem, field)
    prefix, suffix = fold(anchor.prefix).rstrip(), fold(anchor.suffix).lstrip()
    matching = [h for h in candidates if h.before.rstrip().endswith(prefix) and h.after.lstrip().startswith(suffix)]
    if not matching:
        return None, problem(
            f"the {field} quote occurs, but never with this prefix/suffix", "copy prefix and suffix exactly from the words around the quote"
        )
    if anchor.occurrence is not None:
        if anchor.occurrence > len(matching):
            return None, problem(
                f"occurrence {anchor.occurrence} asked, but the quote occurs {len(matching)} time(s)",
                f"use an occurrence from 1 to {len(matching)}",
            )
        return matching[anchor.occurrence - 1], []
    if len(matching) > 1:
        places = "; ".join(f"{i}. {h.paragraph}: …{h.before[-30:]}[{quote}]{h.after[:30]}…" for i, h in enumerate(matching, 1))
        return None, problem(
            f"the {field} quote occurs {len(matching)} times: {places}",
            "add 'prefix:' or 'suffix:' with the words just before or after it, or 'occurrence: N'",
        )
    return matching[0], []


def _not_found(quote: str, index: TranscriptIndex, problem: Callable[[str, str], list[Problem]], field: str) -> list[Problem]:
    spanning = index.joined.find(quote)
    if spanning != -1:
        return problem(f"the {field} quote runs across two paragraphs", "quote words from inside one paragraph; a footnote marks one place")
    pid, passage, score = index.closest(quote)
    if not pid:
        return problem(f"the {field} quote was not found in {index.transcript.id}", "copy the words exactly from the transcript")
    return problem(
        f'the {field} quote was not found in {index.transcript.id}; closest passage ({pid}, {score:.0f}% alike): "{passage}"',
        "copy the words exactly from the transcript (only spacing and curly/straight quotes may differ)",
    )
