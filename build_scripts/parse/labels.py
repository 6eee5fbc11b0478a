"""Speaker labels: which words at the start of a block name who speaks.

Labels come from the metadata (each participant's ``labels`` and ``names``) and from the
layout's generic question/answer labels, so nothing here is written for one transcript.
Comparison ignores case, spacing, bold markers and honorifics ("MR. SMITH" = "Smith").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Participant
from .blocks import normalise_space, strip_bold
from .layout import Layout

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|madam|h\.?e)\.?\s+", re.I)
_LABEL_LIKE = re.compile(r"^[^.!?;:]{1,120}:$")
QUESTION = "?question"
ANSWER = "?answer"
"""Pseudo speaker ids for generic labels such as ``Q:`` and ``A:`` that name nobody."""


def label_key(text: str) -> str:
    """The comparable form of a label or name."""
    text = normalise_space(strip_bold(text.strip())).rstrip(":").strip().rstrip("*").strip()
    return _HONORIFIC.sub("", text).casefold()


@dataclass(frozen=True, slots=True)
class LabelMatch:
    speaker: str
    label: str
    rest: str


class Labels:
    """Recognises speaker labels, standalone (``Reporter from X:``) or inline (``Moderator: text``)."""

    def __init__(self, participants: Iterable[Participant], layout: Layout) -> None:
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for person in participants:
            for text in (*person.labels, *person.names):
                self.by_key.setdefault(label_key(text), person.speaker)
            for name in person.names:
                self.names[label_key(name)] = person.speaker
            # A surname alone ("MR. SMITH:") also names a person with a single full name.
            for name in person.names:
                parts = name.split()
                if len(parts) > 1:
                    self.by_key.setdefault(label_key(parts[-1]), person.speaker)
        for text in layout.question_labels:
            self.by_key.setdefault(label_key(text), QUESTION)
        for text in layout.answer_labels:
            self.by_key.setdefault(label_key(text), ANSWER)
        longest = max((len(k) for k in self.by_key), default=0)
        self._longest = longest

    def standalone(self, text: str) -> LabelMatch | None:
        """A block that is only a label, with its colon (a bare ``Q`` needs none)."""
        bare = strip_bold(text.strip())
        key = label_key(bare)
        if key in self.by_key and (bare.rstrip("*").endswith(":") or self.by_key[key] in (QUESTION, ANSWER)):
            return LabelMatch(self.by_key[key], normalise_space(bare.rstrip("*").rstrip(":")), "")
        return None

    def inline(self, text: str) -> LabelMatch | None:
        """``Label: words…`` at the start of a block, or a bare ``Q words`` question label."""
        bare = text.lstrip("*")
        colon = bare.find(":")
        while 0 < colon <= self._longest + 8:
            head = bare[:colon]
            key = label_key(head)
            if key in self.by_key:
                rest = bare[colon + 1 :].lstrip("*").strip()
                return LabelMatch(self.by_key[key], normalise_space(head.strip("* ")), rest)
            colon = bare.find(":", colon + 1)
        first, _, rest = bare.partition(" ")
        key = label_key(first)
        if rest and self.by_key.get(key) in (QUESTION, ANSWER) and first == first.upper() and ":" not in first:
            return LabelMatch(self.by_key[key], first, rest)
        return None

    def starts_turn(self, text: str) -> bool:
        return self.standalone(text) is not None or self.inline(text) is not None

    @staticmethod
    def looks_like_label(text: str) -> bool:
        """A short block ending in a colon: probably a label the metadata does not know."""
        bare = normalise_space(strip_bold(text.strip()))
        return bool(_LABEL_LIKE.match(bare)) and len(bare.split()) <= 12

    def speaker_named(self, name: str) -> str | None:
        return self.names.get(label_key(name))
