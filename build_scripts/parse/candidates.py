"""Guess the speaker labels of a transcript nobody has described yet (for ``init``).

Looks, without any metadata, for what reads like a label: ``Label:`` at the start of a line
or of a block (also split over lines, as PDF extractions do), and a bare ``Q`` opening a
line. It also notes the layout hints ``init`` writes into the draft: turns on consecutive
lines (``paragraphs: lines``) and bare question labels.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import ends_sentence, mend_breaks, normalise_space, split_blocks, strip_bold
from .labels import label_like
from .layout import DEFAULT_ANSWER_LABELS, DEFAULT_QUESTION_LABELS

_LABEL_AT_START = re.compile(r"^\W{0,2}?(?P<label>[^:\n]{1,80}?)\**:(?:\**\s|\**$)")
_ROLE = re.compile(r"^[A-Z][\w'’-]+ [a-z][\w'’-]+$")
"""A two-word role label with a lower-case second word ("Voice offstage"), trusted from its second turn."""
_BARE = re.compile(r"^(?P<label>Q|A|Q\.|A\.)(?:\s|$)")
MAX_LABEL_WORDS = 12


@dataclass(slots=True)
class Candidates:
    """Labels with how many turns each opens, in order of first appearance, and layout hints."""

    labels: Counter[str] = field(default_factory=Counter)
    bare: Counter[str] = field(default_factory=Counter)
    turns_on_consecutive_lines: int = 0

    def generic(self) -> list[str]:
        """Found labels that are question/answer labels rather than speakers."""
        generic = {label.casefold() for label in (*DEFAULT_QUESTION_LABELS, *DEFAULT_ANSWER_LABELS)}
        return [label for label in self.labels if label.casefold() in generic]

    def speakers(self) -> list[str]:
        generic = set(self.generic())
        return [label for label in self.labels if label not in generic]


def find_candidates(text: str) -> Candidates:
    """Every label-like opening of a block or a line, counted."""
    found = Candidates()
    block_starts = set()
    # A block after an unfinished one continues it, even across blank lines (PDF page breaks):
    # "Reporter from Xinjiang" + "Daily:" is one label. A block that opens "Name: words" is a turn.
    for block in mend_breaks(split_blocks(text), lambda text: _label_of(text, with_words=True) is not None):
        block_starts.add(block.line)
        label = _label_of(block.text)
        if label:
            found.labels[label] += 1
    later: list[str] = []
    previous = ""
    for line in split_blocks(text, per_line=True):
        label = _label_of(line.text)
        if label and line.line not in block_starts:
            # After a finished sentence a label starts a turn; after an unfinished line it is the end of a
            # label split over lines ("…News\nAgency:"), unless words follow it and it opens turns elsewhere.
            if ends_sentence(previous):
                found.labels[label] += 1
                found.turns_on_consecutive_lines += 1
            elif _label_of(line.text, with_words=True):
                later.append(label)
        previous = line.text
        bare = _BARE.match(strip_bold(line.text))
        if bare:
            found.bare[bare.group("label")] += 1
    for label in later:
        if label in found.labels:
            found.labels[label] += 1
            found.turns_on_consecutive_lines += 1
    for label in [label for label, count in found.labels.items() if _ROLE.match(label) and count < 2]:
        del found.labels[label]
    return found


def _label_of(text: str, with_words: bool = False) -> str | None:
    match = _LABEL_AT_START.match(text)
    if not match or (with_words and not text[match.end() :].strip()):
        return None
    label = normalise_space(strip_bold(match.group("label")).strip("*_ "))
    return label if label_like(label, MAX_LABEL_WORDS) or _ROLE.match(label) else None
