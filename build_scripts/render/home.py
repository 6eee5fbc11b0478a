"""The home page, which should orient a first-time reader in ten seconds: for each transcript, the editors'
sourced summary (what the event was, when, who spoke and who asked), a "Start reading" action, and the
questions with the most notes, named by subject; then the list of transcripts, the edition, how to cite."""

from __future__ import annotations

from collections import Counter

from ..indexes import Indexes
from ..model import Citation, Edition, Question, Transcript
from ..question_titles import question_title
from . import paths
from .annotations import citation
from .markdown import escape, front_matter, link, long_date
from .speakers import KIND_TITLES
from .transcript import event_box

SITE_TITLE = "Annotated Transcripts"
MOST_ANNOTATED = 3
"""How many of a transcript's questions the home page names: enough to show what the notes are about."""


def summary_id(transcript_id: str) -> str:
    """The HTML id of a transcript's summary on the home page (the Sources page links works cited there)."""
    return f"summary-{transcript_id}"


def render_home(edition: Edition, ix: Indexes) -> str:
    page = paths.HOME
    # Material writes "<page title> - <site name>" in <head>; the site name twice would say nothing.
    out = [
        front_matter(
            "Annotated editions of transcripts",
            "Annotated editions of press-conference transcripts: the text as published, "
            "with sourced notes, speakers, topics and open data.",
            edit_path="",  # assembled from many data files: no edit button
        ),
        f"# {SITE_TITLE}\n",
    ]
    out += [orientation(transcript, edition, ix, page) for transcript in edition.transcripts[:5]]
    out.append(transcripts_table(edition, page))
    out.append(
        "## About this edition\n\n"
        "This edition publishes transcripts **as they were published**, with their oddities, and annotates them: "
        "every note that states a fact cites a public source, claims made in the transcript are attributed to the "
        "sources that discuss them and never judged in the edition's own voice, and transcription errors are marked, "
        "not silently fixed. Read more [about the edition](about.md).\n"
    )
    out.append(
        "## How to cite\n\n"
        + "\n\n".join(f"> {citation_text(t)}" for t in edition.transcripts[:5])
        + "\n\nEach paragraph has its own permalink (its ¶ number in the margin) and a *Cite* control.\n"
    )
    out.append(f"## Downloads\n\nThe whole edition as data: see [Downloads]({link(page, paths.DOWNLOADS)}).\n")
    return "\n".join(out)


def orientation(transcript: Transcript, edition: Edition, ix: Indexes, page: str) -> str:
    """A transcript's title, its summary (or, without one, its facts), "Start reading", its most-annotated
    questions, who took part, and the works the summary cites."""
    target = link(page, paths.transcript(transcript.id))
    cited = list(dict.fromkeys(c for sentence in transcript.meta.summary for c in sentence.sources))
    out = [f"## {escape(transcript.meta.title)}\n"]
    if transcript.meta.summary:
        out.append(
            f'<div class="home-summary" id="{summary_id(transcript.id)}" markdown>\n\n{_summary(transcript, cited, page)}\n\n</div>\n'
        )
    else:
        out.append(event_box(transcript, page))
    out.append(f"[Start reading]({target}){{: .md-button .md-button--primary .start-reading }}\n")
    questions = most_annotated(transcript, ix)
    if questions:
        out.append("**The questions with the most notes**\n")
        for q, count in questions:
            notes = f"{count} notes" if count > 1 else "1 note"
            out.append(f"- [{escape(question_title(q, edition))}]({link(page, paths.transcript(transcript.id), q.id)}) — {notes}")
        out.append("")
    out.append("**Who took part**\n")
    for kind, title in KIND_TITLES.items():
        people = [p for p in transcript.meta.participants if p.kind == kind]
        if people:
            names = ", ".join(f"[{escape(edition.speakers[p.speaker].name)}]({link(page, paths.speaker(p.speaker))})" for p in people)
            out.append(f"- {title}: {names}")
    if cited:
        out.append("\n**Sources of the summary**\n")
        out += [f'{n}. <span id="{_source_id(transcript, n)}"></span>{citation(c, edition)}' for n, c in enumerate(cited, 1)]
    return "\n".join(out) + "\n"


def _summary(transcript: Transcript, cited: list[Citation], page: str) -> str:
    """The sentences, each followed by what says so: ¶ links into the transcript and numbers of the works."""
    sentences = []
    for sentence in transcript.meta.summary:
        refs = [f"[¶{_paragraph_number(transcript, p)}]({link(page, paths.transcript(transcript.id), p)})" for p in sentence.passages]
        numbers = [cited.index(c) + 1 for c in dict.fromkeys(sentence.sources)]
        refs += [f"[source {n}](#{_source_id(transcript, n)})" for n in numbers]
        sentences.append(f'{escape(sentence.text)} <span class="home-summary__refs">({", ".join(refs)})</span>')
    return " ".join(sentences)


def _paragraph_number(transcript: Transcript, passage: str) -> str:
    """'5' for p5, and for a turn the number of its first paragraph."""
    turn = next((t for t in transcript.turns if t.id == passage), None)
    return (turn.paragraphs[0].id if turn else passage)[1:]


def _source_id(transcript: Transcript, number: int) -> str:
    return f"{summary_id(transcript.id)}-source-{number}"


def most_annotated(transcript: Transcript, ix: Indexes) -> list[tuple[Question, int]]:
    """The questions with the most notes placed in their turns, most first (ties in reading order)."""
    counts = {
        q.id: sum(len(ix.annotations_at.get((transcript.id, p.id), [])) for t in q.turns for p in ix.turns[(transcript.id, t)].paragraphs)
        for q in transcript.questions
    }
    ranked = sorted(transcript.questions, key=lambda q: (-counts[q.id], q.number))
    return [(q, counts[q.id]) for q in ranked[:MOST_ANNOTATED] if counts[q.id]]


def transcripts_table(edition: Edition, page: str) -> str:
    rows = ["## Transcripts\n", "| Date | Transcript | Organiser | Turns | Questions | Annotations |", "|---|---|---|---|---|---|"]
    annotated = Counter(a.transcript for a in edition.annotations)
    for t in edition.transcripts:
        rows.append(
            f"| {t.meta.date} | [{escape(t.meta.title)}]({link(page, paths.transcript(t.id))}) "
            f"| {escape(t.meta.organiser)} | {len(t.turns)} | {len(t.questions)} | {annotated[t.id]} |"
        )
    return "\n".join(rows) + "\n"


def citation_text(transcript: Transcript) -> str:
    meta = transcript.meta
    return (
        f"{escape(meta.organiser)}. “{escape(meta.title)}”, {long_date(meta.date)}, {escape(meta.place)}. "
        f"In *{SITE_TITLE}*, annotated edition."
    )
