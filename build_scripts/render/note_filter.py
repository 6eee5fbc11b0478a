"""Reader controls on a transcript page: show or hide its notes by kind (docs/assets/note-filter.js),
and the legend of the marks that tell the kinds apart.

The fieldset is drawn from the start, so that nothing shifts when the scripts run; without
JavaScript the checkboxes could do nothing, and a ``<noscript>`` style hides them
(overrides/main.html). Each checkbox names its kind in ``data-note-kind``, as each footnote does,
and carries its kind's mark. The legend after it says the same in a line of text: it is what a
reader without JavaScript, and every printed copy, sees (edition.css).
"""

from __future__ import annotations

from collections import Counter

from ..model import Annotation
from .annotations import KIND_MARKS
from .markdown import attr

KIND_NAMES = {
    "claim": "Claims",
    "context": "Context",
    "term": "Terms",
    "correction": "Transcription notes",
    "person": "Persons",
    "cross-reference": "Cross-references",
}
"""The kinds in the order the controls list them, with the name each is shown under."""


def note_filter(annotations: list[Annotation]) -> str:
    """The controls and the legend as HTML blocks ('' for a page without notes)."""
    if not annotations:
        return ""
    counts: Counter[str] = Counter(a.kind for a in annotations)
    kinds = [kind for kind in KIND_NAMES if counts[kind]]
    boxes = [_box("all", f"All notes ({len(annotations)})")]
    boxes += [_box(kind, f"{_mark(kind)} {KIND_NAMES[kind]} ({counts[kind]})") for kind in kinds]
    legend = " · ".join(f"{_mark(kind)} {KIND_NAMES[kind]}" for kind in kinds)
    return (
        '<fieldset class="note-filter">\n<legend>Notes shown on this page</legend>\n'
        + "\n".join(boxes)
        + "\n</fieldset>\n"
        + f'<p class="note-legend">Note numbers carry the mark of their kind: {legend}.</p>\n'
    )


def _mark(kind: str) -> str:
    # The letter is for the eye; a screen reader hears the kind's name, which follows it.
    return f'<span class="kind-mark" data-note-kind="{attr(kind)}" aria-hidden="true">{KIND_MARKS[kind]}</span>'


def _box(kind: str, label: str) -> str:
    return f'<label><input type="checkbox" data-note-kind="{attr(kind)}" checked> {label}</label>'
