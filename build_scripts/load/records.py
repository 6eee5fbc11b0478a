"""Turn validated YAML values into the model's records, one function per file kind."""

from __future__ import annotations

from typing import Any

import yaml

from ..guide import QuestionSubject, SummarySentence
from ..model import Anchor, Annotation, Citation, Origin, Override, Participant, Review, Speaker, Topic, TopicAssignment, TranscriptMeta
from ..register import Publisher, RepostHost, Source
from ..spellings import Variants
from .markdown_body import body_words
from .yaml_file import node_at, position


def origin(shown: str, root: yaml.Node, *path: str | int) -> Origin:
    line, col = position(node_at(root, list(path)))
    return Origin(shown, line, col)


def citations_from(item: dict[str, Any], root: yaml.Node, shown: str, i: int, *within: str) -> tuple[Citation, ...]:
    """The ``sources:`` of entry ``i`` (of the list at key ``within``, if any): ids in the register, each with its
    pinpoint and place."""
    return tuple(
        Citation(
            c["source"],
            c.get("quote", ""),
            c.get("page", ""),
            c.get("paragraph", ""),
            origin(shown, root, *within, i, "sources", j, "source"),
        )
        for j, c in enumerate(item.get("sources") or [])
    )


def speakers_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[Speaker]:
    return [
        Speaker(
            item["id"],
            item["name"],
            item["type"],
            item.get("profile", "").strip(),
            tuple(item.get("aliases", [])),
            citations_from(item, root, shown, i),
            origin(shown, root, i),
        )
        for i, item in enumerate(value)
    ]


def publishers_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[Publisher]:
    return [
        Publisher(
            item["id"],
            item["name"],
            item["type"],
            item.get("ownership", ""),
            item.get("ownership_source", ""),
            item.get("ownership_quote", ""),
            item.get("url", ""),
            origin(shown, root, i),
        )
        for i, item in enumerate(value)
    ]


def sources_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[Source]:
    return [
        Source(
            item["id"],
            item["title"],
            item["publisher"],
            item.get("date", ""),
            item.get("url", ""),
            item.get("archive_url", ""),
            item.get("read_at", ""),
            tuple(item.get("authors", [])),
            item.get("language", "en"),
            item.get("note", "").strip(),
            origin(shown, root, i),
        )
        for i, item in enumerate(value)
    ]


def repost_hosts_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[RepostHost]:
    return [RepostHost(item["host"], item["what"], origin(shown, root, i)) for i, item in enumerate(value)]


def topics_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[Topic]:
    return [
        Topic(
            item["id"],
            item["title"],
            item["description"].strip(),
            item.get("broader"),
            tuple(item.get("see_also", [])),
            origin(shown, root, i),
        )
        for i, item in enumerate(value)
    ]


def spellings_from(value: list[dict[str, Any]], root: yaml.Node, shown: str) -> list[Variants]:
    return [
        Variants(tuple(item["variants"]), tuple(origin(shown, root, i, "variants", j) for j in range(len(item["variants"]))))
        for i, item in enumerate(value)
    ]


def assignments_from(value: list[dict[str, Any]], root: yaml.Node, shown: str, transcript: str) -> list[TopicAssignment]:
    return [TopicAssignment(transcript, item["topic"], tuple(item["passages"]), origin(shown, root, i)) for i, item in enumerate(value)]


def transcript_meta_from(value: dict[str, Any], root: yaml.Node, shown: str, text: str, text_path: str) -> TranscriptMeta:
    participants = tuple(
        Participant(
            p["speaker"],
            p["kind"],
            p["role"],
            p.get("organisation", ""),
            tuple(p.get("names", [])),
            tuple(p.get("labels", [])),
            origin(shown, root, "participants", i),
        )
        for i, p in enumerate(value["participants"])
    )
    source = value["source"]
    return TranscriptMeta(
        id=value["id"],
        title=value["title"],
        date=value["date"],
        place=value["place"],
        organiser=value["organiser"],
        language=value["language"],
        publisher=source["publisher"],
        source_url=source.get("url"),
        source_note=source.get("note", "").strip(),
        source_status=source.get("status", "").strip(),
        participants=participants,
        text=text,
        text_path=text_path,
        layout=dict(value.get("layout", {})),
        origin=Origin(shown, 1, 1),
        layout_origins=_layout_origins(value.get("layout", {}), root, shown),
        overrides=tuple(_override(item, origin(shown, root, "overrides", i)) for i, item in enumerate(value.get("overrides", []))),
        subjects=tuple(
            QuestionSubject(item["number"], item["subject"], origin(shown, root, "questions", i, "number"))
            for i, item in enumerate(value.get("questions", []))
        ),
        summary=tuple(
            SummarySentence(
                item["text"].strip(),
                citations_from(item, root, shown, i, "summary"),
                tuple(item.get("passages", [])),
                origin(shown, root, "summary", i, "passages" if "passages" in item else "text"),
            )
            for i, item in enumerate(value.get("summary", []))
        ),
    )


def _override(item: dict[str, Any], at: Origin) -> Override:
    """One editor override; ``question: true`` (the turn's own speaker asks) is stored as ''."""
    question = item.get("question")
    return Override(
        item.get("line"),
        item.get("quote", ""),
        item.get("speaker"),
        item.get("kind"),
        "" if question is True else question if isinstance(question, str) else None,
        item.get("belongs_to"),
        item.get("join_next"),
        at,
    )


def _layout_origins(layout: dict[str, Any], root: yaml.Node, shown: str) -> dict[str, Origin]:
    origins = {}
    for key, option in layout.items():
        origins[key] = origin(shown, root, "layout", key)
        for number, _ in enumerate(option if isinstance(option, list) else []):
            origins[f"{key}.{number}"] = origin(shown, root, "layout", key, number)
    return origins


def annotations_from(value: list[dict[str, Any] | None], root: yaml.Node, shown: str) -> list[Annotation]:
    annotations = []
    for i, item in enumerate(value):
        if item is None:  # an entry that failed the schema check, already reported
            continue
        anchor = item["anchor"]
        review = item.get("review")
        body_node = node_at(root, [i, "body"])
        # A block scalar's text starts on the line after its "|" indicator.
        body_line = position(body_node)[0] + (1 if getattr(body_node, "style", None) in ("|", ">") else 0)
        annotations.append(
            Annotation(
                id=item["id"],
                transcript=item["transcript"],
                anchor=Anchor(
                    anchor["quote"], anchor.get("prefix", ""), anchor.get("suffix", ""), anchor.get("occurrence"), anchor.get("paragraph")
                ),
                kind=item["kind"],
                body=item["body"].strip(),
                sources=citations_from(item, root, shown, i),
                topics=tuple(item.get("topics", [])),
                author=item["author"],
                date=item["date"],
                reading=item.get("reading", ""),
                see_quote=item.get("see_quote", ""),
                review=Review(review["claim"], review["rating"], review["source"]) if review else None,
                status=item.get("status", "published"),
                reviewed_by=item.get("reviewed_by", ""),
                origin=origin(shown, root, i),
                body_line=body_line,
                quote_origin=origin(shown, root, i, "anchor", "quote"),
                see_origin=origin(shown, root, i, "see_quote") if "see_quote" in item else None,
                body_words=body_words(item["body"].strip()),
            )
        )
    return annotations
