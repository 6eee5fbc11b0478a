"""Layout rules: how a transcript marks speakers, hand-overs and notes.

Defaults fit press-conference transcripts; a transcript's edition.yml may override any of
them under ``layout:`` (see docs/adding-a-transcript.md). Nothing here names one file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SENTENCE_END = ".!?:;\"”’)]…"
"""A block whose last character is one of these ends a sentence; any other continues in the next block."""

DEFAULT_HANDOVERS = (
    r"This question (?:goes|will go) to (?P<name>[^.,;]+?)\.",
    r"(?:I(?:'d| would) like to )?(?:ask|invite) (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) to (?:answer|respond)",
)
DEFAULT_NOTES = (
    r"Please (?:take a )?watch (?:at )?(?:a |two |the )?(?:short )?video(?: clips?)?\.",
    r"\((?:[^()]{1,80})\)\.?",
    r"\[(?:[^\[\]]{1,80})\]\.?",
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Compiled layout rules for one transcript."""

    handovers: tuple[re.Pattern[str], ...]
    notes: tuple[re.Pattern[str], ...]
    question_labels: tuple[str, ...] = ("Q", "Question")
    answer_labels: tuple[str, ...] = ("A", "Answer")
    title_lines: int | None = None
    first_narration: bool = True
    extra: dict[str, object] = field(default_factory=dict)


def layout_from(config: dict[str, object]) -> Layout:
    """Build a Layout from the optional ``layout:`` mapping of an edition.yml."""

    def patterns(key: str, default: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
        raw = config.get(key)
        source = tuple(str(p) for p in raw) if isinstance(raw, list) else default
        return tuple(re.compile(p) for p in source)

    def words(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        raw = config.get(key)
        return tuple(str(w) for w in raw) if isinstance(raw, list) else default

    title_lines = config.get("title_lines")
    return Layout(
        handovers=patterns("handover_patterns", DEFAULT_HANDOVERS),
        notes=patterns("note_patterns", DEFAULT_NOTES),
        question_labels=words("question_labels", ("Q", "Question")),
        answer_labels=words("answer_labels", ("A", "Answer")),
        title_lines=title_lines if isinstance(title_lines, int) else None,
        first_narration=bool(config.get("first_narration", True)),
    )
