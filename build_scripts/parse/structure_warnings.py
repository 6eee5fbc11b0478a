"""Structure that is probably wrong, reported as warnings at the line of transcript.txt.

Nothing here stops a build (``check --strict`` does, for the published edition): each warning
says what looks wrong and names the layout option or the editor override that fixes it, so that
a wrong speaker or question never passes silently.
"""

from __future__ import annotations

import re

from ..model import Transcript, Turn
from ..problems import Problem
from .blocks import LINE_BREAK
from .floor import asks
from .labels import ANSWER, Labels, label_key, label_like
from .reader import FRONT, Segmented

LONG_NARRATION_WORDS = 40
_OVERRIDES = "an override in edition.yml (docs/adding-a-transcript.md, 'Editor overrides')"
_INLINE_HEAD = re.compile(r"^\**(?P<head>[^:\n]{2,40}?)\**:\s")


def structure_warnings(transcript: Transcript, seg: Segmented, labels: Labels) -> list[Problem]:
    """Every warning about one parsed transcript."""
    meta = transcript.meta
    found: list[tuple[int, str, str]] = []
    first_line = _first_lines(transcript)
    turns = {t.id: t for t in transcript.turns}
    kinds = {p.speaker: p.kind for p in meta.participants}
    for question in transcript.questions:
        opening = turns[question.turns[0]] if question.turns else None
        if opening is None:
            continue
        line = first_line[opening.id]
        if not question.answered_by:
            found.append(
                (
                    line,
                    f"question {question.number} has no answer",
                    f"if a later turn answers it, give that turn `belongs_to: {question.number}`; if this turn "
                    f"asks nothing, give it `kind: moderation` ({_OVERRIDES})",
                )
            )
        for speaker in question.answered_by:
            if kinds.get(speaker) in ("moderator", "outlet"):
                found.append(
                    (
                        line,
                        f"question {question.number} lists '{speaker}' ({kinds[speaker]}) as an answerer",
                        f"set that turn's `kind: moderation` ({_OVERRIDES}), or correct the participant's kind",
                    )
                )
        if opening.speaker is not None and kinds.get(opening.speaker) == "outlet" and not asks(_text(opening)):
            found.append(
                (
                    line,
                    f"question {question.number} opens with a turn that asks nothing",
                    f"give it `kind: moderation` and the real question `question: true` ({_OVERRIDES})",
                )
            )
    found += _turn_warnings(transcript, seg, first_line)
    found += _silent_participants(transcript, labels)
    found += _unknown_labels(transcript, labels, first_line)
    return [Problem(meta.text_path, line, 1, message, hint, "warning") for line, message, hint in sorted(set(found))]


def _turn_warnings(transcript: Transcript, seg: Segmented, first_line: dict[str, int]) -> list[tuple[int, str, str]]:
    found = []
    labelled = False
    for turn in transcript.turns:
        line = first_line[turn.id]
        if seg.roles.get(turn.id) == ANSWER and turn.question is None:
            found.append((line, "an answer before any question", f"mark the question before it with `question: true` ({_OVERRIDES})"))
        words = sum(len(p.text.split()) for p in turn.paragraphs if p.kind == "narration")
        if turn.kind == "narration" and labelled and words >= LONG_NARRATION_WORDS and seg.roles.get(turn.id) != FRONT:
            found.append(
                (
                    line,
                    f"{words} words of narration that nobody speaks, after the opening",
                    f"if a participant speaks them, set `speaker:` ({_OVERRIDES}); at the top, the layout "
                    "option `unlabelled_speaker` names who speaks unlabelled text",
                )
            )
        labelled = labelled or turn.speaker is not None
    return found


def _silent_participants(transcript: Transcript, labels: Labels) -> list[tuple[int, str, str]]:
    """A participant who never speaks: their label is probably spelled otherwise in the text."""
    speaking = {t.speaker for t in transcript.turns} | {q.asked_by for q in transcript.questions} | {q.outlet for q in transcript.questions}
    lines = LINE_BREAK.split(transcript.meta.text)
    found = []
    for person in transcript.meta.participants:
        if person.speaker in speaking:
            continue
        keys = [label_key(text) for text in (*person.labels, *person.names)]
        line = next((n for n, text in enumerate(lines, 1) if any(k and k in label_key(text) for k in keys)), 1)
        found.append(
            (
                line,
                f"participant '{person.speaker}' never opens a turn",
                f"check that one of its 'labels' or 'names' is spelled as the text writes it "
                f"({', '.join(repr(t) for t in (*person.labels, *person.names))}), or remove it",
            )
        )
    return found


def _unknown_labels(transcript: Transcript, labels: Labels, first_line: dict[str, int]) -> list[tuple[int, str, str]]:
    """``SECRETARY PELL: …`` opening a paragraph that no label matched: a speaker the metadata does not know."""
    found = []
    for turn in transcript.turns:
        for paragraph in turn.paragraphs:
            match = _INLINE_HEAD.match(paragraph.text)
            head = match.group("head").strip() if match else ""
            if head and head.upper() == head and any(c.isalpha() for c in head) and label_like(head, 5):
                found.append(
                    (
                        paragraph.line,
                        f"'{head}:' looks like a speaker label but names no participant",
                        f"add '{head}' to the 'labels' of a participant in {transcript.meta.origin.path}, or "
                        f"`join_next`/`speaker:` ({_OVERRIDES}) if it is not one",
                    )
                )
    return found


def _first_lines(transcript: Transcript) -> dict[str, int]:
    """Each turn's first line; a turn with no words yet (a label alone at the end) takes the line before."""
    lines: dict[str, int] = {}
    last = 1
    for turn in transcript.turns:
        last = turn.paragraphs[0].line if turn.paragraphs else last
        lines[turn.id] = last
    return lines


def _text(turn: Turn) -> str:
    return " ".join(p.text for p in turn.paragraphs if p.kind != "note")
