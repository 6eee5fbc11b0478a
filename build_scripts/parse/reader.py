"""Blocks → turns: who speaks each block (the first of the parser's two passes).

Reads the mended blocks top to bottom: a label starts a turn; an unlabelled block continues
the current turn, unless the floor was just passed to someone (a moderator's "This question
goes to NAME.", or a turn that only says "Dr. Ruiz, anything to add?"), in which case it starts
NAME's turn. Front matter, datelines, separators and header lines become notes; a generic
``Q`` after "Our next question comes from Jane Roe" is Jane Roe's. Which turn is a question or
an answer is decided afterwards, on whole turns (questions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Paragraph, ParagraphKind, TranscriptMeta, Turn
from ..problems import Problem
from .blocks import Block, is_separator, strip_bold
from .emphasis import split_emphasis
from .floor import floor_pass
from .handovers import find_handover
from .labels import ANSWER, QUESTION, Labels
from .layout import Layout
from .matter import is_dateline, is_header_line
from .notes import is_note, split_inline_notes
from .overrides import Overrides
from .unescape import restore_held, unescape_markdown

NARRATED = "?narrated"
FRONT = "?front-matter"
_MOVES_ON = re.compile(r"\b(?:next|another|last|final) question\b", re.I)
ANSWERING_KINDS = ("official", "guest")


@dataclass
class Segmented:
    """The turns with their speakers, and what the question pass needs to know about them."""

    turns: list[Turn] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    """turn id → QUESTION / ANSWER (a generic label), NARRATED (a question told in narration) or FRONT."""
    handed: dict[str, str] = field(default_factory=dict)
    """moderator turn id → the participant it hands the floor to."""
    outlets: dict[str, str] = field(default_factory=dict)
    """turn id → the outlet a hand-over named for its (generic-labelled) asker."""


class TurnReader:
    """The state machine; one instance reads one transcript."""

    def __init__(self, meta: TranscriptMeta, layout: Layout, labels: Labels, overrides: Overrides, problems: list[Problem]) -> None:
        self.meta, self.layout, self.labels, self.overrides, self.problems = meta, layout, labels, overrides, problems
        self.kinds = {p.speaker: p.kind for p in meta.participants}
        self.out = Segmented()
        self.handed_to: str | None = None
        self.asker: tuple[str, str | None] | None = None  # the questioner a moderator named, for generic Q labels
        self.labelled = False
        self.labelled_speakers: set[str] = set()
        """Participants whose own label opens a turn somewhere (set before reading: turns.py)."""
        self.last_answerer: str | None = None
        self.paragraph_count = 0

    def read(self, block: Block, front_matter: bool = False) -> None:
        if is_separator(block.text) and self.out.turns:
            self._add_paragraphs(block.text, block.line, note=True)  # ends a paragraph, not the turn
            return
        if front_matter:
            self._start_turn(None, "")
            self.out.roles[self.out.turns[-1].id] = FRONT  # a turn of its own: the title comes after it
            self._add_paragraphs(block.text, block.line, note=True)
            return
        chosen = self.overrides.speaker_at(block)
        if chosen is None and (is_dateline(block.text, self.layout) or (not self.labelled and is_header_line(block.text))):
            if not self.out.turns or self.out.turns[-1].speaker is not None or self.out.roles.get(self.out.turns[-1].id):
                self._start_turn(None, "")
            self._add_paragraphs(block.text, block.line, note=True)
            return
        label = self.labels.standalone(block.text) or self.labels.inline(block.text)
        if label or chosen:
            self.labelled = True
            speaker = chosen or self._generic(label.speaker if label else "")
            self._start_turn(speaker, label.label if label else "")
            if label and label.speaker in (QUESTION, ANSWER):
                self.out.roles[self.out.turns[-1].id] = label.speaker
            rest = label.rest if label else block.text
            if rest:
                self._add_paragraphs(rest, block.line)
            return
        told = next((m for p in self.layout.narrated_questions if (m := p.search(block.text)) and m.start() == 0), None)
        if told is not None:
            self._start_turn(None, "")
            if block.text[told.end() :].strip():  # an intro alone ("…was raised:") asks nothing itself
                self.out.roles[self.out.turns[-1].id] = NARRATED
                self.handed_to = self.layout.unlabelled_speaker or self.last_answerer
            self._add_paragraphs(block.text, block.line)
            return
        if self.labels.looks_like_label(block.text):
            # Kept as text (nothing is lost), but the build stops until the label is declared.
            self.problems.append(
                Problem(
                    self.meta.text_path,
                    block.line,
                    1,
                    f"unknown speaker label '{strip_bold(block.text).rstrip('*').rstrip(':')}'",
                    f"add it to 'labels' (or 'names') of a participant in {self.meta.origin.path}",
                )
            )
        self._unlabelled(block)

    def _unlabelled(self, block: Block) -> None:
        note = is_note(block.text, self.layout)
        current = self.out.turns[-1] if self.out.turns else None
        passed = floor_pass(_words_of(current), self.labels, current.speaker) if current and current.speaker else None
        if self.handed_to and not note:
            self._start_turn(self.handed_to, "")
        elif passed and passed.to and not note:
            self._start_turn(passed.to, "")
        elif current is None:
            self._start_turn(None if note else self.layout.unlabelled_speaker, "")
        elif (
            current.speaker is None
            and not self.labelled
            and self.layout.unlabelled_speaker
            and not note
            and current.id not in self.out.roles
        ):
            self._start_turn(self.layout.unlabelled_speaker, "")
        self._add_paragraphs(block.text, block.line)

    def _generic(self, speaker: str) -> str:
        """A generic Q or A label's speaker: the participant the floor was passed to, when known."""
        if speaker == QUESTION:
            return self.asker[0] if self.asker is not None else self._sole(("outlet",)) or speaker
        if speaker == ANSWER:
            if self.handed_to and self.kinds.get(self.handed_to) in ANSWERING_KINDS:
                return self.handed_to
            return self.layout.unlabelled_speaker or self._sole(ANSWERING_KINDS) or speaker
        return speaker

    def _sole(self, kinds: tuple[str, ...]) -> str | None:
        """The only participant of these kinds (an interview's one interviewee), if there is exactly one and
        no label of theirs opens a turn (then the generic label is somebody else: "Question:" beside
        "Correspondent:")."""
        found = [speaker for speaker, kind in self.kinds.items() if kind in kinds]
        return found[0] if len(found) == 1 and found[0] not in self.labelled_speakers else None

    def _start_turn(self, speaker: str | None, label: str) -> None:
        self.handed_to = None
        if speaker and self.kinds.get(speaker) in ANSWERING_KINDS:
            self.last_answerer = speaker
        turn = Turn(
            f"t{len(self.out.turns) + 1}",
            speaker if speaker not in (QUESTION, ANSWER) else None,
            "narration" if speaker is None else "remark",
            [],
            label,
        )
        if speaker and self.asker is not None and self.asker[0] == speaker and self.asker[1]:
            self.out.outlets[turn.id] = self.asker[1]
        self.out.turns.append(turn)

    def _add_paragraphs(self, text: str, line: int, note: bool = False) -> None:
        """One paragraph, or several when inline notes cut it."""
        turn = self.out.turns[-1]
        speech: ParagraphKind = "narration" if turn.speaker is None and self.out.roles.get(turn.id, NARRATED) == NARRATED else "speech"
        if self.layout.markdown_escaped:
            text = unescape_markdown(text)
        whole_note = note or is_note(text, self.layout)
        pieces = [(text, True)] if whole_note else split_inline_notes(text, self.layout)
        for piece, is_a_note in pieces:
            plain, emphasis = (piece, ()) if note else split_emphasis(piece)
            plain = restore_held(plain) if self.layout.markdown_escaped else plain
            self.paragraph_count += 1
            turn.paragraphs.append(Paragraph(f"p{self.paragraph_count}", plain, "note" if is_a_note else speech, emphasis, line))
            if not is_a_note and self.kinds.get(turn.speaker or "") == "moderator":
                self._note_handover(turn, plain, line)

    def _note_handover(self, turn: Turn, text: str, line: int) -> None:
        found = find_handover(text, line, self.layout, self.labels, self.meta.text_path, self.meta.origin.path, self.problems)
        if found is None:
            if _MOVES_ON.search(text):
                self.asker = None  # "Next question, please." without a name: whoever asks is unknown
            return
        self.handed_to = found.to
        if found.to:
            self.out.handed[turn.id] = found.to
            if self.kinds.get(found.to) not in ANSWERING_KINDS:
                self.asker = (found.to, found.outlet)


def _words_of(turn: Turn | None) -> str:
    return " ".join(p.text for p in turn.paragraphs if p.kind != "note") if turn else ""
