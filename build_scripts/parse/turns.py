"""Blocks → turns, paragraphs, notes and question exchanges.

Reads the mended blocks top to bottom with a small state machine: a label starts a turn;
an unlabelled block continues the current turn, unless the moderator has just handed the
floor to someone ("This question goes to NAME."), in which case it starts NAME's turn.
"""

from __future__ import annotations

from ..model import Paragraph, ParagraphKind, Question, Transcript, TranscriptMeta, Turn, TurnKind
from ..problems import Problem
from .blocks import Block, mend_breaks, normalise_space, split_blocks, strip_bold, take_title
from .emphasis import split_emphasis
from .labels import ANSWER, QUESTION, LabelMatch, Labels, undeclared_names
from .layout import Layout, LayoutError, layout_from
from .notes import is_note, split_inline_notes


def parse_transcript(meta: TranscriptMeta) -> tuple[Transcript, list[Problem]]:
    """Parse one transcript; problems name the line of the text or of the metadata."""
    problems = undeclared_names(meta)
    try:
        layout = layout_from(meta.layout)
    except LayoutError as error:
        at = meta.layout_origins.get(error.where, meta.origin)
        problems.append(Problem(at.path, at.line, at.col, str(error),
                                error.hint or "see the 'layout:' options in docs/adding-a-transcript.md"))
        layout = Layout()  # parse with the defaults so that the other problems still show
    labels = Labels(meta.participants, layout)
    blocks = split_blocks(meta.text, per_line=layout.paragraphs == "lines")
    heading, body = take_title(blocks, meta.title, layout.title_lines)
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
        inline: LabelMatch | None = self.labels.inline(block.text)
        if inline:
            self._start_turn(inline.speaker, inline.label)
            if inline.rest:
                self._add_paragraphs(inline.rest, block.line)
            return
        if self.labels.looks_like_label(block.text):
            # Kept as text (nothing is lost), but the build stops until the label is declared.
            self.problems.append(Problem(
                self.meta.text_path, block.line, 1,
                f"unknown speaker label '{strip_bold(block.text).rstrip('*').rstrip(':')}'",
                f"add it to 'labels' (or 'names') of a participant in {self.meta.origin.path}"))
        if self.handed_to and not is_note(block.text, self.layout):
            self._start_turn(self.handed_to, "")
        elif not self.turns:
            self._start_turn(None, "")
        self._add_paragraphs(block.text, block.line)

    def _start_turn(self, speaker: str | None, label: str) -> None:
        self.handed_to = None
        kind = self._turn_kind(speaker)
        if kind == "question" and not self._is_follow_up(speaker):
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

    def _is_follow_up(self, speaker: str | None) -> bool:
        """With ``follow_ups``, the asker of the open question asking again continues that question."""
        open_question = self.open_question
        return (self.layout.follow_ups and open_question is not None and speaker not in (None, QUESTION)
                and open_question.asked_by == speaker)

    def _turn_kind(self, speaker: str | None) -> TurnKind:
        if speaker is None:
            return "narration"
        if speaker == QUESTION or self.kinds.get(speaker) == "outlet":
            return "question"
        if speaker == ANSWER or self.kinds.get(speaker) in ("official", "guest"):
            return "answer"
        return "remark"

    def _add_paragraphs(self, text: str, line: int) -> None:
        """One paragraph, or several when inline notes cut it."""
        turn = self.turns[-1]
        speech: ParagraphKind = "narration" if turn.kind == "narration" else "speech"
        pieces = [(text, True)] if is_note(text, self.layout) else split_inline_notes(text, self.layout)
        for piece, note in pieces:
            plain, emphasis = split_emphasis(piece)
            self.paragraph_count += 1
            turn.paragraphs.append(Paragraph(f"p{self.paragraph_count}", plain, "note" if note else speech,
                                             emphasis, line))
            if not note and self.kinds.get(turn.speaker or "") == "moderator":
                self._note_handover(plain, line)

    def _note_handover(self, text: str, line: int) -> None:
        for pattern in self.layout.handovers:
            match = pattern.search(text)
            if not match:
                continue
            found = {key: normalise_space(value) for key, value in match.groupdict().items()
                     if key in ("name", "outlet") and value}
            named = [self.labels.speaker_called(found[key]) for key in ("name", "outlet") if key in found]
            speaker = next((s for s in named if s), None)
            if speaker is None and found:
                who = " of ".join(f"'{value}'" for value in found.values())
                self.problems.append(Problem(
                    self.meta.text_path, line, 1, f"the moderator hands over to {who}, who is not a participant",
                    f"add {who} to the 'names' of a participant in {self.meta.origin.path}"))
            self.handed_to = speaker
            return
