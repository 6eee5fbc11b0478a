"""Topic pages and the topics index."""

from __future__ import annotations

from ..model import Edition, Indexes, Topic
from . import paths
from .markdown import escape, excerpt, front_matter, link
from .speakers import annotation_item


def _topic_link(topic_id: str, edition: Edition, page: str) -> str:
    return f"[{escape(edition.topics[topic_id].title)}]({link(page, paths.topic(topic_id))})"


def render_topic(topic: Topic, edition: Edition, ix: Indexes) -> str:
    page = paths.topic(topic.id)
    out = [front_matter(topic.title, topic.description, edit_path="data/topics.yml"),
           f"# {escape(topic.title)}\n", escape(topic.description) + "\n"]
    narrower = [t.id for t in edition.topics.values() if t.broader == topic.id]
    related = [("Broader topic", [topic.broader] if topic.broader else []), ("Narrower topics", narrower),
               ("See also", list(topic.see_also))]
    lines = [f"**{name}:** {', '.join(_topic_link(t, edition, page) for t in ids)}  " for name, ids in related if ids]
    if lines:
        out.append("\n".join(lines).rstrip() + "\n")
    speakers = ix.speakers_of_topic.get(topic.id, [])
    if speakers:
        out.append("## Speakers\n\n" + ", ".join(
            f"[{escape(edition.speakers[s].name)}]({link(page, paths.speaker(s))})" for s in speakers) + "\n")
    out.append("## Passages\n")
    passages = ix.passages_of_topic.get(topic.id, [])
    if not passages:
        out.append("No passage carries this topic yet.\n")
    for transcript_id, passage in passages:
        turn = ix.turns.get((transcript_id, passage)) or ix.turn_of_paragraph[(transcript_id, passage)]
        paragraph = ix.paragraphs.get((transcript_id, passage)) or turn.paragraphs[0]
        who = escape(edition.speakers[turn.speaker].name) if turn.speaker else "Narration"
        where = f"Q{turn.question[1:]}" if turn.question else "Remarks"
        target = link(page, paths.transcript(transcript_id), passage)
        out.append(f"- [{where}, {who}]({target}): {escape(excerpt(paragraph.text))}")
    notes = ix.annotations_of_topic.get(topic.id, [])
    if notes:
        out.append("\n## Annotations\n\n" + "\n".join(annotation_item(a, edition, ix, page) for a in notes))
    return "\n".join(out) + "\n"


def render_topics_index(edition: Edition, ix: Indexes) -> str:
    page = paths.TOPICS
    out = [front_matter("Topics", "The edition's topic index: every passage by subject."), "# Topics\n",
           "| Topic | Broader | Passages | Speakers | Annotations |", "|---|---|---|---|---|"]
    for topic in sorted(edition.topics.values(), key=lambda t: t.title):
        broader = _topic_link(topic.broader, edition, page) if topic.broader else ""
        out.append(f"| {_topic_link(topic.id, edition, page)} | {broader} | {len(ix.passages_of_topic.get(topic.id, []))} "
                   f"| {len(ix.speakers_of_topic.get(topic.id, []))} | {len(ix.annotations_of_topic.get(topic.id, []))} |")
    return "\n".join(out) + "\n"
