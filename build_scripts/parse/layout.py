"""Layout rules: how a transcript marks speakers, paragraphs, hand-overs and notes.

Defaults fit press-conference transcripts; a transcript's edition.yml may override any of
them under ``layout:`` (every option is documented, with an example, in
docs/adding-a-transcript.md). Nothing here names one file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .patterns import Pattern, PatternError, compile_pattern

SENTENCE_END = '.!?:;"”’)]…'
"""A block whose last character is one of these ends a sentence; any other continues in the next block."""

_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}"
_OUTLET = r"[A-Z][\w&'’-]*(?: (?:[A-Z][\w&'’-]*|of|the|and|for|de|du))*"
DEFAULT_HANDOVERS = (
    r"This question (?:goes|will go) to (?P<name>[^.,;]+?)\.",
    r"(?:I(?:'d| would) like to )?(?:ask|invite) (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) to (?:answer|respond)",
    rf"(?:[Nn]ext|[Ff]irst|[Ll]ast|[Ff]inal|[Ff]ollowing) question (?:comes |is |will come )?"
    rf"(?:from|goes to) (?:the line of )?(?P<name>{_NAME})"
    rf"(?:(?:,? (?:of|from|with|at)|,) (?:the )?(?P<outlet>{_OUTLET}))?",
    rf"(?P<name>{_NAME}),? (?:of (?:the )?(?P<outlet>{_OUTLET}),? )?(?:has|will have|with) the (?:next|first|last|final) question",
    rf"(?:[Ww]e(?:'ll| will)|[Ll]et's|I(?:'ll| will)) (?:go|turn) (?:next )?to (?:the line of )?(?P<name>{_NAME})"
    rf"(?:(?:,? (?:of|from|with|at)|,) (?:the )?(?P<outlet>{_OUTLET}))?",
    rf"[Nn]ext up(?: is|,| we have)? (?P<name>{_NAME})(?:(?:,? (?:of|from|with|at)|,) (?:the )?(?P<outlet>{_OUTLET}))?",
)
DEFAULT_NOTES = (
    r"Please (?:take a )?watch (?:at )?(?:a |two |the )?(?:short )?video(?: clips?)?\.",
    r"\((?:[^()]{1,80})\)\.?",
    r"\[(?:[^\[\]]{1,80})\]\.?",
)
DEFAULT_DATELINES = (
    r"\d{1,2}(?:[:.]\d{2})? ?[AaPp]\.? ?[Mm]\.?(?: [A-Z]{2,5})?",
    r"\d{1,2}:\d{2}(?: [A-Z]{2,5})?",
    r"\(?(?:END|End|The End|- ?END ?-)\)?\.?",
    r"(?i:by|via|held by|held via) (?i:video ?link|video ?conference|tele ?conference|tele ?phone|phone|zoom|webex)\.?",
    r"<?https?://\S+>?",
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?"
    r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\.?",
)
DEFAULT_NARRATED_QUESTIONS = (
    r"(?:[\w-]+ ){0,3}(?:questions?|enquiry|inquiry|query) (?:was|were|has been|have been)(?: also)? "
    r"(?:submitted|asked|raised|received|sent|put)(?: (?:in writing|by e-?mail|after|following|during|at)\b[^:.]{0,60})?[:.]",
)
DEFAULT_QUESTION_LABELS = ("Q", "Question")
DEFAULT_ANSWER_LABELS = ("A", "Answer")

Paragraphs = Literal["blank-lines", "lines"]


@dataclass(frozen=True, slots=True)
class Layout:
    """Compiled layout rules for one transcript."""

    handovers: tuple[Pattern, ...] = tuple(compile_pattern(p) for p in DEFAULT_HANDOVERS)
    notes: tuple[Pattern, ...] = tuple(compile_pattern(p) for p in DEFAULT_NOTES)
    inline_notes: tuple[Pattern, ...] = ()
    question_labels: tuple[str, ...] = DEFAULT_QUESTION_LABELS
    answer_labels: tuple[str, ...] = DEFAULT_ANSWER_LABELS
    bare_labels: tuple[str, ...] = ()
    paragraphs: Paragraphs = "blank-lines"
    follow_ups: bool = False
    title_lines: int | None = None
    datelines: tuple[Pattern, ...] = tuple(compile_pattern(p) for p in DEFAULT_DATELINES)
    narrated_questions: tuple[Pattern, ...] = tuple(compile_pattern(p) for p in DEFAULT_NARRATED_QUESTIONS)
    unlabelled_speaker: str | None = None
    markdown_escaped: bool = False


class LayoutError(ValueError):
    """An option of ``layout:`` that cannot be used; ``where`` names it ('note_patterns.2')."""

    def __init__(self, where: str, message: str, hint: str = "") -> None:
        super().__init__(f"layout.{where}: {message}")
        self.where = where
        self.hint = hint


def layout_from(config: Mapping[str, object]) -> Layout:
    """Build a Layout from the optional ``layout:`` mapping of an edition.yml.

    The schema has already checked the types; this checks what a schema cannot: that every
    pattern compiles and that hand-over patterns capture the speaker they hand over to.
    """
    title_lines = config.get("title_lines")
    paragraphs = config.get("paragraphs", "blank-lines")
    if paragraphs not in ("blank-lines", "lines"):
        raise LayoutError("paragraphs", f"{paragraphs!r} is not 'blank-lines' or 'lines'")
    handovers = _patterns(config, "handover_patterns", DEFAULT_HANDOVERS)
    for number, pattern in enumerate(handovers):
        if not {"name", "outlet"} & set(pattern.groupindex):
            raise LayoutError(
                f"handover_patterns.{number}", f"{pattern.pattern!r} has no (?P<name>…) or (?P<outlet>…) group, so it names nobody"
            )
    return Layout(
        handovers=handovers,
        notes=_patterns(config, "note_patterns", DEFAULT_NOTES),
        inline_notes=_patterns(config, "inline_note_patterns", ()),
        question_labels=_words(config, "question_labels", DEFAULT_QUESTION_LABELS),
        answer_labels=_words(config, "answer_labels", DEFAULT_ANSWER_LABELS),
        bare_labels=_words(config, "bare_labels", ()),
        paragraphs="lines" if paragraphs == "lines" else "blank-lines",
        follow_ups=bool(config.get("follow_ups", False)),
        title_lines=title_lines if isinstance(title_lines, int) else None,
        datelines=_patterns(config, "dateline_patterns", DEFAULT_DATELINES),
        narrated_questions=_patterns(config, "narrated_question_patterns", DEFAULT_NARRATED_QUESTIONS),
        unlabelled_speaker=str(config["unlabelled_speaker"]) if config.get("unlabelled_speaker") else None,
        markdown_escaped=bool(config.get("markdown_escaped", False)),
    )


def _patterns(config: Mapping[str, object], key: str, default: tuple[str, ...]) -> tuple[Pattern, ...]:
    raw = config.get(key)
    source = tuple(str(p) for p in raw) if isinstance(raw, list) else default
    compiled = []
    for number, text in enumerate(source):
        try:
            pattern = compile_pattern(text)
        except PatternError as error:
            raise LayoutError(f"{key}.{number}", str(error), error.hint) from None
        if pattern.search(""):
            raise LayoutError(f"{key}.{number}", f"{text!r} matches empty text, so it would match everywhere")
        compiled.append(pattern)
    return tuple(compiled)


def _words(config: Mapping[str, object], key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    raw = config.get(key)
    return tuple(str(w) for w in raw) if isinstance(raw, list) else default
