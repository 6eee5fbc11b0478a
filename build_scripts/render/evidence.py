"""A topic page's evidence table: each note on the topic with the words it annotates, who speaks them, the
question and ¶ they are in, the whole note and its sources (publisher's type, date); claims first.

Entries are made per transcript (listings.py, memoised with its page) and put in order here. Without
JavaScript the entries are a plain list and the fieldset written here is hidden (a ``<noscript>`` style in
overrides/main.html: drawn from the start, it shifts nothing when the script runs); with it,
docs/assets/evidence-filter.js hides the kinds a reader unticks.
"""

from __future__ import annotations

from collections import Counter

from ..evidence import KIND_ORDER, table_name, topic_evidence
from ..indexes import Indexes
from ..model import Annotation, Edition, Topic
from ..question_titles import question_title_of
from . import paths
from .annotations import KIND_LABELS, annotation_body, marked_words
from .markdown import attr, escape, link
from .note_filter import KIND_NAMES


def evidence_entry(annotation: Annotation, edition: Edition, ix: Indexes, page: str) -> str:
    """One note as a block of the table, its links written from ``page``."""
    placement = edition.placements[annotation.id]
    key = (annotation.transcript, placement.paragraph)
    turn = ix.turn_of_paragraph[key]
    target = link(page, paths.transcript(annotation.transcript), placement.paragraph)
    where = f"¶{placement.paragraph[1:]}"
    question = question_title_of(turn.question, ix.transcripts[annotation.transcript], edition)
    if question:
        where = f"{question}, {where}"
    who = "Narration"
    if turn.speaker:
        who = f"[{escape(edition.speakers[turn.speaker].name)}]({link(page, paths.speaker(turn.speaker))})"
    words = escape(marked_words(annotation, edition, ix.paragraphs))
    return "\n\n".join(
        [
            # Out of search: the note is found on its transcript page, beside its words; twice would double the index.
            f'<div class="evidence" data-kind="{attr(annotation.kind)}" data-search-exclude markdown>',
            f'<span class="evidence__kind">{KIND_LABELS[annotation.kind]}</span> “{words}”\n{{: .evidence__words }}',
            f"{who} in [{escape(where)}]({target})\n{{: .evidence__where }}",
            annotation_body(annotation, page, edition),
            "</div>\n",
        ]
    )


def evidence_section(topic: Topic, edition: Edition, ix: Indexes, entries: dict[str, str], page: str) -> str:
    """'## Evidence': the filter (hidden until the script shows it), the CSV link and the entries in order."""
    notes = topic_evidence(topic.id, edition, ix)
    if not notes:
        return ""
    counts = Counter(a.kind for a in notes)
    boxes = [
        f'<label><input type="checkbox" data-evidence-kind="{kind}" checked> {KIND_NAMES[kind]} ({counts[kind]})</label>'
        for kind in KIND_ORDER
        if counts[kind]
    ]
    csv = link(page, paths.download(table_name(topic.id)))
    count = f"{len(notes)} notes" if len(notes) > 1 else "One note"
    out = [
        "## Evidence\n",
        f"{count} on this topic, claims first, each with the words it annotates, where they stand and its sources.\n",
        f"[Download this table as CSV]({csv}){{: .evidence-csv }}\n",
    ]
    if len(boxes) > 1:  # a filter with one kind would hide everything or nothing
        out.append('<fieldset class="evidence-filter">\n<legend>Show notes of kind</legend>\n' + "\n".join(boxes) + "\n</fieldset>")
        out.append('<p class="evidence-filter__status" role="status" aria-live="polite"></p>\n')
    return "\n".join(out + [entries[a.id] for a in notes])
