"""The edition's spelling variants (data/spellings.yml): words written more than one way.

Search must find a passage by any of its spellings ("labour" finds the transcript's "labor").
The search index holds the words of each section of a page, so each section that uses one
spelling also carries the others, as text that is indexed but never shown (render/transcript.py,
render/annotations.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Origin
from .problems import Problem

_WORD = re.compile(r"\w+(?:[’']\w+)*")
"""A word, with the apostrophes inside it ("Xinjiang's"), not those that end a quote or a plural ("laborers’")."""


@dataclass(frozen=True)
class Variants:
    """One word's spellings, as data/spellings.yml lists them."""

    words: tuple[str, ...]
    origins: tuple[Origin, ...]
    """Where each word is written."""


def variant_problems(groups: list[Variants]) -> list[Problem]:
    """A word listed twice (in one group or two, letter case aside): it would tie two groups together."""
    problems: list[Problem] = []
    first: dict[str, Origin] = {}
    for group in groups:
        for word, at in zip(group.words, group.origins):
            seen = first.setdefault(word.casefold(), at)
            if seen is not at:
                problems.append(
                    Problem(at.path, at.line, at.col, f"'{word}' is listed twice (first at {seen.path}:{seen.line})", "list each word once")
                )
    return problems


def missing_variants(text: str, groups: tuple[Variants, ...]) -> tuple[str, ...]:
    """The other spellings of the words of ``text`` that ``text`` lacks, lower case, sorted.

    A word starting with a listed spelling counts too, with its ending kept ("laborers" →
    "labourers"), so that a search for either form of the longer word finds it as well.
    """
    tokens = set(_WORD.findall(text.casefold()))
    found: set[str] = set()
    for group in groups:
        spellings = [w.casefold() for w in group.words]
        for token in tokens:
            stem = max((s for s in spellings if token.startswith(s)), key=len, default=None)  # "programme", not "program"
            if stem is not None:
                found.update(other + token[len(stem) :] for other in spellings if other != stem)
    return tuple(sorted(found - tokens))


def groups_used(text: str, groups: tuple[Variants, ...]) -> tuple[tuple[str, ...], ...]:
    """The groups (lower case) of which ``text`` uses a spelling: what a page needs to lead a search hit found by
    another spelling to the words it uses (docs/assets/edition.js)."""
    tokens = set(_WORD.findall(text.casefold()))
    spelt = [tuple(w.casefold() for w in group.words) for group in groups]
    return tuple(g for g in spelt if any(token.startswith(s) for token in tokens for s in g))
