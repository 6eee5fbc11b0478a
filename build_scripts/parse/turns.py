"""Raw text + metadata → Transcript: the parse phase, as the list of its steps.

Split the text into blocks (a front-matter block kept whole), take the title, tie editor
overrides to their blocks, mend page breaks (never across a label, a dateline, a separator or
an override), read who speaks each block (reader.py), then link questions and answers on
whole turns (questions.py).
"""

from __future__ import annotations

import dataclasses

from ..model import Transcript, TranscriptMeta
from ..problems import Problem
from .blocks import Block, mend_breaks, split_blocks, take_title
from .labels import Labels, undeclared_names
from .layout import Layout, LayoutError, layout_from
from .matter import is_dateline, is_header_line, with_front_matter
from .overrides import Overrides
from .questions import QuestionLinker
from .reader import TurnReader
from .structure_warnings import structure_warnings
from .subjects import give_subjects


def parse_transcript(meta: TranscriptMeta) -> tuple[Transcript, list[Problem]]:
    """Parse one transcript; problems name the line of the text or of the metadata."""
    problems = undeclared_names(meta)
    layout = _layout(meta, problems)
    labels = Labels(meta.participants, layout)
    lines = layout.paragraphs == "lines"
    blocks, front = with_front_matter(split_blocks(meta.text, per_line=lines), meta.text)
    heading, body = take_title([b for b in blocks if b is not front], meta.title, layout.title_lines)
    overrides = Overrides(meta, body, problems)
    first_label = next((b.line for b in body if labels.starts_turn(b.text)), 0)

    def joins(previous: Block, block: Block) -> bool | None:
        decided = overrides.joins(previous, block)
        if decided is not None:
            return decided
        if lines or is_dateline(previous.text, layout) or is_dateline(block.text, layout):
            return False  # `paragraphs: lines` never joins two lines; datelines and separators stand alone
        if previous.line < first_label and is_header_line(previous.text):
            return False  # "State Capitol, Press Room" above the first label is a line of its own
        return None

    mended = mend_breaks(body, lambda text: labels.starts_turn(text), joins)
    overrides.settle(mended)
    reader = TurnReader(meta, layout, labels, overrides, problems)
    reader.labelled_speakers = {found.speaker for block in mended if (found := labels.standalone(block.text) or labels.inline(block.text))}
    if front is not None:
        reader.read(front, front_matter=True)
    for block in mended:
        reader.read(block)
    questions = QuestionLinker(reader.out, {p.speaker: p.kind for p in meta.participants}, labels, layout, overrides).link()
    problems += overrides.question_problems(len(questions)) + give_subjects(questions, meta)
    heading_line = next((b.line for b in blocks if b is not front), 0) if heading else 0
    transcript = Transcript(meta, reader.out.turns, questions, " ".join(heading), heading_line)
    return transcript, problems + structure_warnings(transcript, reader.out, labels)


def _layout(meta: TranscriptMeta, problems: list[Problem]) -> Layout:
    try:
        layout = layout_from(meta.layout)
    except LayoutError as error:
        at = meta.layout_origins.get(error.where, meta.origin)
        problems.append(
            Problem(at.path, at.line, at.col, str(error), error.hint or "see the 'layout:' options in docs/adding-a-transcript.md")
        )
        return Layout()  # parse with the defaults so that the other problems still show
    speaker = layout.unlabelled_speaker
    if speaker and speaker not in {p.speaker for p in meta.participants}:
        at = meta.layout_origins.get("unlabelled_speaker", meta.origin)
        problems.append(
            Problem(
                at.path,
                at.line,
                at.col,
                f"layout.unlabelled_speaker: '{speaker}' is not a participant",
                "use a 'speaker' id listed under 'participants'",
            )
        )
        return dataclasses.replace(layout, unlabelled_speaker=None)
    return layout
