"""Pages that give the whole edition at a glance: home, transcripts, questions, annotations."""

from __future__ import annotations

from collections import Counter

from ..indexes import Indexes
from ..model import Edition, Transcript
from . import paths
from .annotations import KIND_LABELS, credited
from .listings import Listings, asker_name, question_text
from .markdown import escape, excerpt, front_matter, link, long_date
from .speakers import KIND_TITLES
from .transcript import event_box

SITE_TITLE = "Annotated Transcripts"
ASSEMBLED = ""
"""edit_path of a page assembled from many data files: it gets no edit button (overrides/partials/actions.html)."""


def render_home(edition: Edition, ix: Indexes) -> str:
    page = paths.HOME
    # Material writes "<page title> - <site name>" in <head>; the site name twice would say nothing.
    out = [
        front_matter(
            "Annotated editions of transcripts",
            "Annotated editions of press-conference transcripts: the text as published, "
            "with sourced notes, speakers, topics and open data.",
            edit_path=ASSEMBLED,
        ),
        f"# {SITE_TITLE}\n",
        "This edition publishes transcripts **as they were published**, with their oddities, and annotates them: "
        "every note that states a fact cites a public source, claims made in the transcript are attributed to the "
        "sources that discuss them and never judged in the edition's own voice, and transcription errors are marked, "
        "not silently fixed. Read more [about the edition](about.md).\n",
        _transcripts_table(edition, page),
    ]
    for transcript in edition.transcripts[:5]:
        out.append(_at_a_glance(transcript, edition, page))
    out.append(
        "## How to cite\n\n"
        + "\n\n".join(f"> {citation_text(t)}" for t in edition.transcripts[:5])
        + "\n\nEach paragraph has its own permalink (its ¶ number in the margin) and a *Cite* control.\n"
    )
    out.append(f"## Downloads\n\nThe whole edition as data: see [Downloads]({link(page, paths.DOWNLOADS)}).\n")
    return "\n".join(out)


def citation_text(transcript: Transcript) -> str:
    meta = transcript.meta
    return (
        f"{escape(meta.organiser)}. “{escape(meta.title)}”, {long_date(meta.date)}, {escape(meta.place)}. "
        f"In *{SITE_TITLE}*, annotated edition."
    )


def _transcripts_table(edition: Edition, page: str) -> str:
    rows = ["## Transcripts\n", "| Date | Transcript | Organiser | Turns | Questions | Annotations |", "|---|---|---|---|---|---|"]
    annotated = Counter(a.transcript for a in edition.annotations)
    for t in edition.transcripts:
        rows.append(
            f"| {t.meta.date} | [{escape(t.meta.title)}]({link(page, paths.transcript(t.id))}) "
            f"| {escape(t.meta.organiser)} | {len(t.turns)} | {len(t.questions)} | {annotated[t.id]} |"
        )
    return "\n".join(rows) + "\n"


def _at_a_glance(transcript: Transcript, edition: Edition, page: str) -> str:
    out = [f"## {escape(transcript.meta.title)}\n", event_box(transcript, page), "**Who took part**\n"]
    for kind, title in KIND_TITLES.items():
        people = [p for p in transcript.meta.participants if p.kind == kind]
        if people:
            names = ", ".join(f"[{escape(edition.speakers[p.speaker].name)}]({link(page, paths.speaker(p.speaker))})" for p in people)
            out.append(f"- {title}: {names}")
    out.append("\n**The questions at a glance**\n")
    out += [
        f"{q.number}. [{escape(asker_name(q.asked_by, edition))}]({link(page, paths.transcript(transcript.id), q.id)}): "
        f"{escape(excerpt(question_text(transcript, q.turns[0]), 120))}"
        for q in transcript.questions
    ]
    return "\n".join(out) + "\n"


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
        + _transcripts_table(edition, paths.TRANSCRIPTS).split("\n", 2)[2]
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
