"""The transcript page: every turn in reading order, paragraphs with ids and permalinks,
annotations as marked words and footnotes, topics as links."""

from __future__ import annotations

import posixpath

from ..indexes import Indexes
from ..model import Edition, Participant, Transcript, Turn
from ..question_titles import question_title
from ..spellings import groups_used, missing_variants
from . import paths
from .annotations import footnote, marked_text, reference_order
from .markdown import escape, front_matter, link, long_date, search_only
from .note_filter import note_filter

TURN_LABELS = {"question": "Question", "answer": "Answer"}


def participant_of(transcript: Transcript, speaker_id: str | None) -> Participant | None:
    return next((p for p in transcript.meta.participants if p.speaker == speaker_id), None)


def render_transcript(transcript: Transcript, edition: Edition, ix: Indexes) -> str:
    page = paths.transcript(transcript.id)
    meta = transcript.meta
    description = f"Annotated transcript of {meta.title}, {long_date(meta.date)}, {meta.place}."
    out = [
        front_matter(
            meta.title,
            description,
            edit_path=f"data/transcripts/{meta.id}/edition.yml",
            view_path=f"data/transcripts/{meta.id}/{posixpath.basename(meta.text_path)}",
        ),
        f"# {escape(meta.title)}\n",
        event_box(transcript, page),
        note_filter([ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, [])]),
    ]
    footnotes: list[str] = []
    questions = {q.id: q for q in transcript.questions}
    # A question's topics stand under its heading; a turn outside a headed question keeps its own.
    headed = {q.id for q in transcript.questions if q.turns and ix.turns[(transcript.id, q.turns[0])].kind == "question"}
    said: list[str] = []  # the words of the section so far (the search plugin indexes a page by its headings)
    for turn in transcript.turns:
        question = questions.get(turn.question or "")
        if turn.kind == "question" and question is not None and question.turns[0] == turn.id:  # not on follow-ups
            out += [_other_spellings(said, edition), f"## {escape(question_title(question, edition))} {{#{question.id}}}\n"]
            out += filter(None, [topic_labels(_topics_of_turns(question.turns, transcript.id, ix), edition, page)])
            said = []
        out.append(_turn(turn, transcript, edition, ix, page, footnotes, own_topics=turn.question not in headed))
        said += [p.text for p in turn.paragraphs]
    out.append(_other_spellings(said, edition))
    if footnotes:
        out.append("## Notes\n\n" + "\n".join(footnotes))
    return "\n".join(part for part in out if part).rstrip() + "\n"


def _other_spellings(said: list[str], edition: Edition) -> str:
    """The other spellings of the section's words (spellings.py), as a hidden block at its end: inside a
    paragraph they would be copied with a quote of it. Its groups lead a hit found by another spelling to
    the paragraph that uses one (docs/assets/edition.js)."""
    text = " ".join(said)
    variants = missing_variants(text, edition.spellings)
    groups = "|".join(" ".join(group) for group in groups_used(text, edition.spellings))
    return search_only(variants, "div", groups) + "\n" if variants else ""


def event_box(transcript: Transcript, page: str) -> str:
    meta = transcript.meta
    source = f"[{escape(meta.publisher)}]({meta.source_url})" if meta.source_url else escape(meta.publisher)
    rows = [
        ("Date", long_date(meta.date)),
        ("Place", escape(meta.place)),
        ("Organiser", escape(meta.organiser)),
        ("Source", source),
        ("Questions", str(len(transcript.questions))),
        ("Data", f"[JSON]({link(page, paths.download(meta.id + '.json'))}) · [all downloads]({link(page, paths.DOWNLOADS)})"),
    ]
    # The data links are of no use on paper: their row is marked so that print leaves it out (edition.css).
    body = "\n".join(
        f"**{name}:** {value}  " if name != "Data" else f'<span class="event-data">**{name}:** {value}</span>' for name, value in rows
    )
    return f'<div class="event-box" markdown>\n\n{body.rstrip()}\n\n</div>\n'


def _turn(turn: Turn, transcript: Transcript, edition: Edition, ix: Indexes, page: str, footnotes: list[str], *, own_topics: bool) -> str:
    lines = [f'<div class="turn turn-{turn.kind}" id="{turn.id}" markdown>\n']
    header = _speaker_line(turn, transcript, edition, page)
    if header and turn.kind in TURN_LABELS:  # told apart by words, not by colour alone
        header = f'<span class="turn-label">{TURN_LABELS[turn.kind]}</span> {header}'
    if header:
        lines.append(f"{header}\n{{: .speaker }}\n")
    if own_topics:
        lines += filter(None, [topic_labels(_topics_of_turns([turn.id], transcript.id, ix), edition, page)])
    for paragraph in turn.paragraphs:
        key = (transcript.id, paragraph.id)
        annotations = reference_order([ix.annotation[a] for a in ix.annotations_at.get(key, [])], edition)
        text = marked_text(paragraph, annotations, edition)
        if paragraph.kind == "note":
            text = f"*{text}*"
        # No title: Material would mount a tooltip on each of the page's ¶ numbers as it starts (a phone's time).
        permalink = f' [¶{paragraph.id[1:]}](#{paragraph.id}){{: .permalink aria-label="Permalink to paragraph {paragraph.id[1:]}" }}'
        lines.append(f"{text}{permalink}\n{{: #{paragraph.id} .para .para-{paragraph.kind} }}\n")
        footnotes += [footnote(a, page, edition, paragraph) for a in annotations]
    lines.append("</div>\n")
    return "\n".join(lines)


def _speaker_line(turn: Turn, transcript: Transcript, edition: Edition, page: str) -> str:
    if turn.kind == "narration" or (turn.speaker is None and not turn.label):
        return ""  # narration, and a question told in narration, have no speaker to name
    person = participant_of(transcript, turn.speaker)
    if turn.speaker is None or person is None:
        return f"**{escape(turn.label or 'Unnamed speaker')}**"
    name = edition.speakers[turn.speaker].name
    # Outlets and guests are introduced by the label the transcript prints ("Reporter from …");
    # everyone else by the role stated in edition.yml.
    role = turn.label if turn.label and person.kind in ("outlet", "guest") else person.role
    named = f"**[{escape(name)}]({link(page, paths.speaker(turn.speaker))})**"
    if not role or role.casefold() == name.casefold():  # "Moderator · Moderator" says nothing twice
        return named
    return f"{named} · {escape(role)}"


def topic_labels(topics: list[str], edition: Edition, page: str) -> str:
    """Topics as small labels linking to their pages ('' for none): under a question's heading, or at the
    top of a turn outside any question (edition.css styles them; print leaves them out)."""
    if not topics:
        return ""
    links = " ".join(f"[{escape(edition.topics[t].title)}]({link(page, paths.topic(t))})" for t in topics)
    return f"Topics: {links}\n{{: .topic-labels }}\n"


def _topics_of_turns(turn_ids: list[str], transcript_id: str, ix: Indexes) -> list[str]:
    """The topics given to these turns and to their paragraphs, each once, in reading order."""
    topics: list[str] = []
    for turn_id in turn_ids:
        turn = ix.turns[(transcript_id, turn_id)]
        for key in [(transcript_id, turn.id)] + [(transcript_id, p.id) for p in turn.paragraphs]:
            topics += [t for t in ix.topics_of_passage.get(key, []) if t not in topics]
    return topics
