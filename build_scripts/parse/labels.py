"""Speaker labels: which words at the start of a block name who speaks.

Labels come from the metadata (each participant's ``labels`` and ``names``) and from the
layout's generic question/answer labels, so nothing here is written for one transcript.
Comparison ignores case, spacing, bold markers and honorifics ("MR. SMITH" = "Smith").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Participant, TranscriptMeta
from ..problems import Problem
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
        self.surnames: dict[str, str] = {}
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
                    self.surnames.setdefault(label_key(parts[-1]), person.speaker)
        for text in layout.question_labels:
            self.by_key.setdefault(label_key(text), QUESTION)
        for text in layout.answer_labels:
            self.by_key.setdefault(label_key(text), ANSWER)
        self._longest = max((len(k) for k in self.by_key), default=0)
        self._bare = {text for text in layout.bare_labels if self.by_key.get(label_key(text)) in (QUESTION, ANSWER)}

    def standalone(self, text: str) -> LabelMatch | None:
        """A block that is only a label, with its colon (a bare ``Q`` needs none)."""
        bare = strip_bold(text.strip())
        speaker = self._speaker_of(bare)
        if speaker and (bare.rstrip("*").endswith(":") or bare.strip() in self._bare):
            return LabelMatch(speaker, normalise_space(bare.rstrip("*").rstrip(":")), "")
        return None

    def _speaker_of(self, head: str) -> str | None:
        """The speaker a label names; a title before a surname is allowed ("GOVERNOR LIND" for Mae Lind)."""
        key = label_key(head)
        if key in self.by_key:
            return self.by_key[key]
        words = key.split()
        if not 2 <= len(words) <= 4 or not label_like(normalise_space(strip_bold(head)).rstrip(":").strip("* "), 4):
            return None
        return next((self.surnames[" ".join(words[drop:])] for drop in (1, 2) if " ".join(words[drop:]) in self.surnames), None)

    def inline(self, text: str) -> LabelMatch | None:
        """``Label: words…`` at the start of a block, or a bare ``Q words`` question label."""
        bare = text.lstrip("*")
        colon = bare.find(":")
        while 0 < colon <= self._longest + 8:
            head = bare[:colon]
            speaker = self._speaker_of(head)
            if speaker:
                rest = bare[colon + 1 :].lstrip("*").strip()
                return LabelMatch(speaker, normalise_space(head.strip("* ")), rest)
            colon = bare.find(":", colon + 1)
        # Without a colon only the layout's bare_labels count, exactly as written there ("Q", not
        # "q"), and none by default: otherwise any sentence opening with "A" would become an answer.
        first, _, rest = bare.partition(" ")
        if first in self._bare and rest.strip():
            return LabelMatch(self.by_key[label_key(first)], first, rest.strip())
        return None

    def starts_turn(self, text: str) -> bool:
        """True when the block opens with a known label (so it is never glued to the block before)."""
        return self.standalone(text) is not None or self.inline(text) is not None

    @staticmethod
    def looks_like_label(text: str) -> bool:
        """A short block ending in a colon, in title case: probably a label the metadata does not know."""
        bare = normalise_space(strip_bold(text.strip()))
        return bool(_LABEL_LIKE.match(bare)) and label_like(bare.rstrip("*").rstrip(":"))

    def speaker_called(self, text: str) -> str | None:
        """The participant with this name or label (an outlet, say), if any; never a generic Q/A label."""
        found = self.names.get(label_key(text)) or self.by_key.get(label_key(text))
        return None if found in (QUESTION, ANSWER) else found


def label_like(text: str, max_words: int = 12) -> bool:
    """Words that read like a name or a label: each capitalised (or a small linking word), at most ``max_words``.

    "Reporter from Xinhua News Agency", "MR. SMITH", "Jane Roe (Daily Fixture)" are label-like;
    "He said the following" is not.
    """
    words = text.split()
    if not words or len(words) > max_words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w[:1] in "(&#" or w.casefold() in _LINKING for w in words)


_LINKING = frozenset("a an and at da de del der di du for from in la le of on the to van von with y".split())


def undeclared_names(meta: TranscriptMeta) -> list[Problem]:
    """Each name and label a participant declares must occur in the text: a typo otherwise."""
    flat = label_key(meta.text.replace("**", ""))
    problems: list[Problem] = []
    for person in meta.participants:
        problems.extend(
            Problem(
                person.origin.path,
                person.origin.line,
                person.origin.col,
                f"participant '{person.speaker}': '{text}' never occurs in {meta.text_path}",
                "copy the name or label exactly as the transcript spells it",
            )
            for text in (*person.names, *person.labels)
            if label_key(text) not in flat
        )
        if not person.names and not person.labels:
            problems.append(
                Problem(
                    person.origin.path,
                    person.origin.line,
                    person.origin.col,
                    f"participant '{person.speaker}' has neither 'names' nor 'labels'",
                    "add the name or label as it appears in the transcript",
                )
            )
    return problems
