"""Pages that give the whole edition at a glance: transcripts, questions, annotations (the home page: home.py)."""

from __future__ import annotations

from collections import Counter

from ..indexes import Indexes
from ..model import Edition
from . import paths
from .annotations import KIND_LABELS, credited
from .home import transcripts_table
from .listings import Listings
from .markdown import escape, front_matter, link

ASSEMBLED = ""
"""edit_path of a page assembled from many data files: it gets no edit button (overrides/partials/actions.html)."""


def render_questions(edition: Edition, listings: Listings) -> str:
    header = [
        front_matter("Questions", "Every question asked, who asked it, who answered, and its topics.", edit_path=ASSEMBLED),
        "# Questions\n",
    ]
    return "\n".join(header + [listings.questions[t.id] for t in edition.transcripts])


def render_transcripts_index(edition: Edition, ix: Indexes) -> str:
    return (
        front_matter("Transcripts", "Every transcript in the edition.", edit_path=ASSEMBLED)
        + "# Transcripts\n\n"
        + transcripts_table(edition, paths.TRANSCRIPTS).split("\n", 2)[2]
    )


def render_annotations(edition: Edition, ix: Indexes, listings: Listings) -> str:
    page = paths.ANNOTATIONS
    # Out of search: every note is already indexed on its transcript page, where a hit lands
    # beside the words it explains; indexing this listing too would double the search index.
    out = [
        front_matter(
            "All annotations", "Every annotation of the edition, by kind and by topic.", edit_path=ASSEMBLED, search={"exclude": True}
        ),
        "# All annotations\n",
        f"{len(edition.annotations)} annotations. Each links to its place in the transcript.\n",
    ]
    items = listings.listed_annotations
    for kind, label in KIND_LABELS.items():
        ids = [a.id for a in edition.annotations if a.kind == kind]
        if ids:
            out.append(f"## {label} ({len(ids)})\n\n" + "\n".join(items[i] for i in ids) + "\n")
    out.append("## By topic\n")
    for topic in sorted(edition.topics.values(), key=lambda t: t.title):
        ids = ix.annotations_of_topic.get(topic.id, [])
        if ids:
            out.append(f"### [{escape(topic.title)}]({link(page, paths.topic(topic.id))})\n\n" + "\n".join(items[i] for i in ids) + "\n")
    authors = Counter(name for a in edition.annotations for name in credited(a, edition))
    out.append("## Contributors\n\n" + "\n".join(f"- {escape(name)}: {count}" for name, count in sorted(authors.items())) + "\n")
    return "\n".join(out)
