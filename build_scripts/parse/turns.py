"""Blocks → turns, paragraphs, notes and question exchanges.

Reads the mended blocks top to bottom with a small state machine: a label starts a turn;
an unlabelled block continues the current turn, unless the moderator has just handed the
floor to someone ("This question goes to NAME."), in which case it starts NAME's answer.
"""

from __future__ import annotations

import re

from ..model import Paragraph, ParagraphKind, Participant, Question, Span, Transcript, TranscriptMeta, Turn, TurnKind
from ..problems import Problem
from .blocks import Block, mend_breaks, normalise_space, split_blocks, strip_bold, take_title
from .labels import ANSWER, QUESTION, LabelMatch, Labels, label_key
from .layout import Layout, layout_from

_EMPHASIS = re.compile(r"(?<![*\w])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![*\w])")


def parse_transcript(meta: TranscriptMeta) -> tuple[Transcript, list[Problem]]:
    """Parse one transcript; problems name the line of the text or of the metadata."""
    layout = layout_from(meta.layout)
    labels = Labels(meta.participants, layout)
    problems = _participants_missing_from_text(meta)
    heading, body = take_title(split_blocks(meta.text), meta.title, layout.title_lines)
    reader = _TurnReader(meta, layout, labels, problems)
    for block in mend_breaks(body, labels.starts_turn):
        reader.read(block)
    transcript = Transcript(meta, reader.turns, reader.questions, " ".join(heading))
    return transcript, problems


class _TurnReader:
    """The state machine; one instance reads one transcript."""

    def __init__(self, meta: TranscriptMeta, layout: Layout, labels: Labels, problems: list[Problem]) -> None:
        self.meta = meta
        self.layout = layout
        self.labels = labels
        self.problems = problems
        self.kinds = {p.speaker: p.kind for p in meta.participants}
        self.turns: list[Turn] = []
        self.questions: list[Question] = []
        self.open_question: Question | None = None
        self.handed_to: str | None = None
        self.paragraph_count = 0

    def read(self, block: Block) -> None:
        label = self.labels.standalone(block.text)
        if label:
            self._start_turn(label.speaker, label.label)
            return
        if self.labels.looks_like_label(block.text):
            self.problems.append(Problem(
                self.meta.text_path, block.line, 1,
                f"unknown speaker label '{strip_bold(block.text).rstrip(':')}'",
                f"add it to 'labels' (or 'names') of a participant in {self.meta.origin.path}"))
            return
        inline: LabelMatch | None = self.labels.inline(block.text)
        if inline:
            self._start_turn(inline.speaker, inline.label)
            self._add_paragraph(inline.rest, block.line)
            return
        if self.handed_to and not self._is_note(block.text):
            self._start_turn(self.handed_to, "")
        elif not self.turns:
            self._start_turn(None, "")
        self._add_paragraph(block.text, block.line)

    def _start_turn(self, speaker: str | None, label: str) -> None:
        self.handed_to = None
        kind = self._turn_kind(speaker)
        if kind == "question":
            self.open_question = Question(f"q{len(self.questions) + 1}", len(self.questions) + 1,
                                          None if speaker == QUESTION else speaker, [], [])
            self.questions.append(self.open_question)
        elif kind == "remark" and self.turns and self.turns[-1].kind == "answer":
            self.open_question = None
        if kind == "answer" and self.open_question is None:
            kind = "remark"
        speaker_id = None if speaker in (QUESTION, ANSWER) else speaker
        turn = Turn(f"t{len(self.turns) + 1}", speaker_id, kind, [], label)
        if self.open_question is not None:
            turn.question = self.open_question.id
            self.open_question.turns.append(turn.id)
            if kind == "answer" and speaker_id and speaker_id not in self.open_question.answered_by:
                self.open_question.answered_by.append(speaker_id)
        self.turns.append(turn)

    def _turn_kind(self, speaker: str | None) -> TurnKind:
        if speaker is None:
            return "narration"
        if speaker == QUESTION or self.kinds.get(speaker) == "outlet":
            return "question"
        if speaker == ANSWER or self.kinds.get(speaker) in ("official", "guest"):
            return "answer"
        return "remark"

    def _add_paragraph(self, text: str, line: int) -> None:
        turn = self.turns[-1]
        kind: ParagraphKind = "narration" if turn.kind == "narration" else "speech"
        if self._is_note(text):
            kind = "note"
        plain, emphasis = split_emphasis(text)
        self.paragraph_count += 1
        turn.paragraphs.append(Paragraph(f"p{self.paragraph_count}", plain, kind, emphasis, line))
        if self.kinds.get(turn.speaker or "") == "moderator":
            self._note_handover(plain, line)

    def _is_note(self, text: str) -> bool:
        return any(p.fullmatch(text.strip()) for p in self.layout.notes)

    def _note_handover(self, text: str, line: int) -> None:
        for pattern in self.layout.handovers:
            match = pattern.search(text)
            if not match:
                continue
            name = normalise_space(match.group("name"))
            speaker = self.labels.speaker_named(name)
            if speaker is None:
                self.problems.append(Problem(
                    self.meta.text_path, line, 1, f"the moderator hands over to '{name}', who is not a participant",
                    f"add '{name}' to the 'names' of a participant in {self.meta.origin.path}"))
            self.handed_to = speaker
            return


def split_emphasis(text: str) -> tuple[str, tuple[Span, ...]]:
    """Remove ``*emphasis*`` markers, returning the plain text and the emphasised spans."""
    spans: list[Span] = []
    plain: list[str] = []
    cursor = 0
    length = 0
    for match in _EMPHASIS.finditer(text):
        before = text[cursor : match.start()]
        plain.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append(Span(length, length + len(inner)))
        plain.append(inner)
        length += len(inner)
        cursor = match.end()
    plain.append(text[cursor:])
    return "".join(plain), tuple(spans)


def _participants_missing_from_text(meta: TranscriptMeta) -> list[Problem]:
    """Each name and label a participant declares must occur in the text: a typo otherwise."""
    flat = label_key(meta.text.replace("**", ""))
    problems = []
    for person in meta.participants:
        person_problems = [text for text in (*person.names, *person.labels) if label_key(text) not in flat]
        problems.extend(
            Problem(person.origin.path, person.origin.line, person.origin.col,
                    f"participant '{person.speaker}': '{text}' never occurs in {meta.text_path}",
                    "copy the name or label exactly as the transcript spells it")
            for text in person_problems)
        if not person.names and not person.labels:
            problems.append(_unnamed(person))
    return problems


def _unnamed(person: Participant) -> Problem:
    return Problem(person.origin.path, person.origin.line, person.origin.col,
                   f"participant '{person.speaker}' has neither 'names' nor 'labels'",
                   "add the name or label as it appears in the transcript")
