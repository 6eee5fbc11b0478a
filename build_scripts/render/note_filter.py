"""Reader controls on a transcript page: show or hide its notes by kind (docs/assets/note-filter.js).

The fieldset is written hidden: without JavaScript the checkboxes could do nothing, so the
script shows them. Each checkbox names its kind in ``data-note-kind``, as each footnote does.
"""

from __future__ import annotations

from collections import Counter

from ..model import Annotation
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
    """The controls as an HTML block ('' for a page without notes)."""
    if not annotations:
        return ""
    counts: Counter[str] = Counter(a.kind for a in annotations)
    boxes = [_box("all", f"All notes ({len(annotations)})")]
    boxes += [_box(kind, f"{name} ({counts[kind]})") for kind, name in KIND_NAMES.items() if counts[kind]]
    return '<fieldset class="note-filter" hidden>\n<legend>Notes shown on this page</legend>\n' + "\n".join(boxes) + "\n</fieldset>\n"


def _box(kind: str, label: str) -> str:
    return f'<label><input type="checkbox" data-note-kind="{attr(kind)}" checked> {label}</label>'
