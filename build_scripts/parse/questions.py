"""Turns → question exchanges (the parser's second pass, on whole turns).

A questioner's turn that asks something opens a question; an answerer's turn answers the open
question; a turn that only passes the floor is moderation; a moderator inviting a reply ("Dr.
Ruiz, anything to add?") keeps the question open, and one that moves on closes it. Editor
overrides (overrides.py) have the last word on a turn's kind and question.
"""

from __future__ import annotations

from ..model import Question, Turn
from .floor import asks, calls_on, floor_pass
from .labels import ANSWER, QUESTION, Labels
from .layout import Layout
from .overrides import Overrides
from .reader import ANSWERING_KINDS, FRONT, NARRATED, Segmented

MODERATOR_QUESTION_WORDS = 20
"""A moderator's turn with a question mark and at least this many words asks a question of their own."""


class QuestionLinker:
    def __init__(self, seg: Segmented, kinds: dict[str, str], labels: Labels, layout: Layout, overrides: Overrides) -> None:
        self.seg, self.kinds, self.labels, self.layout, self.overrides = seg, kinds, labels, layout, overrides
        self.questions: list[Question] = []
        self.open: Question | None = None
        self.next_turn: Turn | None = None
        self.continuing = False
        """The turn at hand belongs to an earlier question by override: it opens none."""

    def link(self) -> list[Question]:
        previous: Turn | None = None
        following = {t.id: n for t, n in zip(self.seg.turns, self.seg.turns[1:])}
        for turn in self.seg.turns:
            self.next_turn = following.get(turn.id)
            moved = self.overrides.belongs_to(turn)
            self.continuing = False
            if moved is not None and 1 <= moved <= len(self.questions):
                self.continuing = True
                self.open = self.questions[moved - 1]
            self._classify(turn, previous)
            if self.open is not None and turn.kind != "narration":
                turn.question = self.open.id
            if moved is not None and not self.continuing:
                turn.question = f"q{moved}"  # a later question: the turn is moved there, nothing else
            previous = turn
        rebuild(self.questions, self.seg.turns)
        return self.questions

    def _classify(self, turn: Turn, previous: Turn | None) -> None:
        forced = self.overrides.question_at(turn)
        if forced is not None:
            self._open(turn, forced[0] or turn.speaker)
            return
        kind = self.overrides.kind_of(turn)
        if kind is not None:
            self._forced(turn, kind)
            return
        role = self.seg.roles.get(turn.id)
        speaker_kind = self.kinds.get(turn.speaker or "", "")
        text = " ".join(p.text for p in turn.paragraphs if p.kind != "note")
        if role == NARRATED:
            self._open(turn, None)
        elif turn.speaker is None and role in (None, FRONT):
            turn.kind = "narration"
        elif role == QUESTION or speaker_kind == "outlet":
            self._questioner(turn, text)
        elif speaker_kind == "moderator":
            self._moderator(turn, text, previous)
        else:
            answering = role == ANSWER or speaker_kind in ANSWERING_KINDS
            passes = floor_pass(text, self.labels, turn.speaker) is not None or self._calls_on(turn, text)
            turn.kind = "answer" if answering and not passes and self.open is not None else "remark"

    def _questioner(self, turn: Turn, text: str) -> None:
        if asks(text) or self.continuing:
            if not self.continuing and not (
                self.layout.follow_ups and self.open is not None and turn.speaker is not None and self.open.asked_by == turn.speaker
            ):
                self._open(turn, turn.speaker)
            turn.kind = "question"
        else:
            turn.kind = "remark"  # an introduction, thanks or a sound check asks nothing
            if self.open is not None and None not in (turn.speaker, self.open.asked_by) and self.open.asked_by != turn.speaker:
                self.open = None  # another questioner has the floor

    def _moderator(self, turn: Turn, text: str, previous: Turn | None) -> None:
        turn.kind = "remark"
        passed = floor_pass(text, self.labels, turn.speaker)
        handed = self.seg.handed.get(turn.id) or (passed.to if passed else None)
        moving_on = passed is not None and passed.next_question
        if not moving_on and (
            (handed and self.kinds.get(handed) in ANSWERING_KINDS) or (passed is not None and passed.invites and not handed)
        ):
            return  # an invitation to answer (again): the question stays open
        if (passed and passed.next_question) or handed:
            self.open = None
        elif "?" in text and len(text.split()) >= MODERATOR_QUESTION_WORDS:
            self._open(turn, turn.speaker)
        elif previous is not None and previous.kind == "answer":
            self.open = None

    def _calls_on(self, turn: Turn, text: str) -> bool:
        """Calls on someone just before a questioner speaks: the floor is passed, nothing answered. A bare
        name ("Said.") counts only from someone who has already answered this question: "Thursday." may
        be an answer."""
        after = self.next_turn
        if after is None or not (self.seg.roles.get(after.id) == QUESTION or self.kinds.get(after.speaker or "") == "outlet"):
            return False
        call = calls_on(text)
        answered = self.open is not None and any(
            t.question == self.open.id and t.kind == "answer" and t.speaker == turn.speaker for t in self.seg.turns
        )
        return call == "addressed" or (call == "bare" and answered)

    def _forced(self, turn: Turn, kind: str) -> None:
        if kind == "question":
            self._open(turn, turn.speaker)
        elif kind == "note":
            turn.kind = "narration"
        elif kind == "statement":
            self.open = None
            turn.kind = "remark"
        else:
            turn.kind = "answer" if kind == "answer" and self.open is not None else "remark"

    def _open(self, turn: Turn, asker: str | None) -> None:
        if self.continuing:
            turn.kind = "question"
            return
        number = len(self.questions) + 1
        self.open = Question(f"q{number}", number, asker, [], [], self.seg.outlets.get(turn.id))
        self.questions.append(self.open)
        turn.kind = "question"


def rebuild(questions: list[Question], turns: list[Turn]) -> None:
    """Each question's turns and answerers, from the turns that belong to it."""
    for question in questions:
        own = [t for t in turns if t.question == question.id]
        question.turns = [t.id for t in own]
        question.answered_by = list(dict.fromkeys(t.speaker for t in own if t.kind == "answer" and t.speaker))
