"""Topic pages and the topics index."""

from __future__ import annotations

from ..indexes import Indexes, PassageKey
from ..model import Edition, Topic
from . import paths
from .evidence import evidence_section
from .listings import Listings
from .markdown import escape, front_matter, link


def _topic_link(topic_id: str, edition: Edition, page: str) -> str:
    return f"[{escape(edition.topics[topic_id].title)}]({link(page, paths.topic(topic_id))})"


def render_topic(topic: Topic, edition: Edition, ix: Indexes, listings: Listings) -> str:
    page = paths.topic(topic.id)
    out = [
        front_matter(topic.title, topic.description, edit_path="data/topics.yml"),
        f"# {escape(topic.title)}\n",
        escape(topic.description) + "\n",
    ]
    narrower = [t.id for t in edition.topics.values() if t.broader == topic.id]
    related = [
        ("Broader topic", [topic.broader] if topic.broader else []),
        ("Narrower topics", narrower),
        ("See also", list(topic.see_also)),
    ]
    lines = [f"**{name}:** {', '.join(_topic_link(t, edition, page) for t in ids)}  " for name, ids in related if ids]
    if lines:
        out.append("\n".join(lines).rstrip() + "\n")
    speakers = ix.speakers_of_topic.get(topic.id, [])
    if speakers:
        out.append(
            "## Speakers\n\n" + ", ".join(f"[{escape(edition.speakers[s].name)}]({link(page, paths.speaker(s))})" for s in speakers) + "\n"
        )
    out.append("## Passages\n")
    passages = _listed_passages(topic.id, ix)
    if not passages:
        out.append("No passage carries this topic yet.\n")
    out += [listings.topic_passages[key] for key in passages]
    evidence = evidence_section(topic, edition, ix, listings.evidence, page)
    if evidence:
        out.append("\n" + evidence)
    return "\n".join(out) + "\n"


def _listed_passages(topic_id: str, ix: Indexes) -> list[PassageKey]:
    """The topic's passages, without paragraphs of a turn that is listed whole (same words twice)."""
    passages = ix.passages_of_topic.get(topic_id, [])
    whole = set(passages)
    return [key for key in passages if key in ix.turns or (key[0], ix.turn_of_paragraph[key].id) not in whole]


def render_topics_index(edition: Edition, ix: Indexes) -> str:
    page = paths.TOPICS
    out = [
        front_matter("Topics", "The edition's topic index: every passage by subject.", edit_path="data/topics.yml"),
        "# Topics\n",
        "| Topic | Broader | Passages | Speakers | Annotations |",
        "|---|---|---|---|---|",
    ]
    for topic in sorted(edition.topics.values(), key=lambda t: t.title):
        broader = _topic_link(topic.broader, edition, page) if topic.broader else ""
        out.append(
            f"| {_topic_link(topic.id, edition, page)} | {broader} | {len(_listed_passages(topic.id, ix))} "
            f"| {len(ix.speakers_of_topic.get(topic.id, []))} | {len(ix.annotations_of_topic.get(topic.id, []))} |"
        )
    return "\n".join(out) + "\n"
