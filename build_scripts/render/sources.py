"""The Sources page: the register as a bibliography, grouped by publisher type, each work with
every note and profile that cites it; and the edition's mix in figures (sources by publisher
type, notes by kind), which the About page shows."""

from __future__ import annotations

from collections import Counter

from ..indexes import Indexes
from ..model import Edition
from ..register import PUBLISHER_TYPES, Publisher, Source
from . import paths
from .annotations import KIND_LABELS, addresses, marked_words
from .home import summary_id
from .markdown import escape, excerpt, front_matter, link, long_date

ASSEMBLED = ""
"""edit_path of a page assembled from many data files: no edit button."""


def cited_by(edition: Edition, ix: Indexes) -> dict[str, list[tuple[str, str]]]:
    """Source id → (label, page path with fragment) of each annotation and profile citing it, in edition order.

    An annotation is named by its kind and the transcript's words it is attached to."""
    found: dict[str, list[tuple[str, str]]] = {}
    for annotation in edition.annotations:
        words = excerpt(marked_words(annotation, edition, ix.paragraphs), 60)
        for source in dict.fromkeys(c.source for c in annotation.sources):
            target = f"{paths.transcript(annotation.transcript)}#fn:{annotation.id}"
            found.setdefault(source, []).append((f"{KIND_LABELS[annotation.kind]} on “{words}”", target))
    for speaker in edition.speakers.values():
        for source in dict.fromkeys(c.source for c in speaker.sources):
            found.setdefault(source, []).append((f"Profile: {speaker.name}", paths.speaker(speaker.id)))
    for transcript in edition.transcripts:
        for source in dict.fromkeys(c.source for sentence in transcript.meta.summary for c in sentence.sources):
            found.setdefault(source, []).append((f"Summary of {transcript.meta.title}", f"{paths.HOME}#{summary_id(transcript.id)}"))
    for publisher in sorted(edition.publishers.values(), key=lambda p: p.name.casefold()):
        if publisher.ownership_source:
            found.setdefault(publisher.ownership_source, []).append(
                (f"Ownership of {publisher.name}", f"{paths.SOURCES}#publisher-{publisher.id}")
            )
    return found


def mix_tables(edition: Edition, page: str) -> str:
    """Two small tables computed from the data: sources by publisher type, annotations by kind."""
    kinds = Counter[str](edition.publishers[s.publisher].type for s in edition.sources.values() if s.publisher in edition.publishers)
    total = sum(kinds.values())
    rows = ["| Publisher type | Sources | Share |", "|---|---:|---:|"]
    rows += [
        f"| [{label}]({link(page, paths.SOURCES, type_id)}) | {kinds[type_id]} | {kinds[type_id] / total:.0%} |"
        for type_id, label in PUBLISHER_TYPES.items()
        if kinds[type_id]
    ]
    own = sum(1 for s in edition.sources.values() if s.url)
    notes = Counter[str](a.kind for a in edition.annotations)
    note_rows = ["| Kind of annotation | Annotations |", "|---|---:|"]
    note_rows += [f"| {label} | {notes[kind]} |" for kind, label in KIND_LABELS.items() if notes[kind]]
    return (
        "\n".join(rows) + f"\n| **All** | **{total}** | |\n\n"
        f"{own} of {len(edition.sources)} sources are cited at their publisher's own address; "
        f"{len(edition.sources) - own} only at the copy read (a repost or mirror), named as such.\n\n" + "\n".join(note_rows) + "\n"
    )


FIGURES_MARK = "<!-- figures:"
"""The line of data/about.md that the figures replace (they go at the end if it has none)."""


def render_about(edition: Edition) -> str:
    """The About page: data/about.md, with its edit button on that file and the figures computed now."""
    text = (
        edition.about.replace("---\n", '---\nedit_path: "data/about.md"\n', 1)
        if edition.about.startswith("---\n")
        else front_matter("About this edition", "Editorial policy and the edition in figures.", edit_path="data/about.md") + edition.about
    )
    figures = mix_tables(edition, paths.ABOUT)
    lines = text.splitlines(keepends=True)
    marked = [i for i, line in enumerate(lines) if line.startswith(FIGURES_MARK)]
    if not marked:
        return text.rstrip("\n") + "\n\n## The edition in figures\n\n" + figures
    return "".join(lines[: marked[0]]) + figures + "".join(lines[marked[0] + 1 :])


def render_sources(edition: Edition, ix: Indexes) -> str:
    page = paths.SOURCES
    citing = cited_by(edition, ix)
    out = [
        front_matter(
            "Sources",
            "Every source the annotations cite, grouped by the type of its publisher, with the notes that cite it.",
            edit_path=ASSEMBLED,
        ),
        "# Sources\n",
        f"{len(edition.sources)} works from {len(edition.publishers)} publishers. Each publisher is labelled by one "
        f"rule: its type, and who owns or funds it, as a cited source states it ([how]({link(page, 'contributing.md')})). "
        "Each work lists the notes and profiles that cite it.\n",
        mix_tables(edition, page),
    ]
    by_type: dict[str, list[Publisher]] = {}
    for publisher in sorted(edition.publishers.values(), key=lambda p: p.name.casefold()):
        by_type.setdefault(publisher.type, []).append(publisher)
    works: dict[str, list[Source]] = {}
    for source in sorted(edition.sources.values(), key=lambda s: (s.date, s.title)):
        works.setdefault(source.publisher, []).append(source)
    for type_id, label in PUBLISHER_TYPES.items():
        publishers = [p for p in by_type.get(type_id, []) if works.get(p.id)]
        if publishers:
            out.append(f"## {label} {{#{type_id}}}\n")
            out += [_publisher(p, works[p.id], citing, edition, page) for p in publishers]
    return "\n".join(out)


def _publisher(publisher: Publisher, sources: list[Source], citing: dict[str, list[tuple[str, str]]], edition: Edition, page: str) -> str:
    out = [f"### {escape(publisher.name)} {{#publisher-{publisher.id}}}\n"]
    if publisher.url:
        out.append(f"Website: <{publisher.url}>\n")
    if publisher.ownership:
        said = ""
        if publisher.ownership_source in edition.sources:
            title = escape(excerpt(edition.sources[publisher.ownership_source].title, 80))
            said = f" Source: [{title}](#src-{publisher.ownership_source})"
            said += f", “{escape(publisher.ownership_quote)}”" if publisher.ownership_quote else ""
        out.append(f"Ownership and funding: {escape(publisher.ownership)}{said}\n")
    out += [_work(source, citing.get(source.id, []), page) for source in sources]
    return "\n".join(out) + "\n"


def _work(source: Source, citing: list[tuple[str, str]], page: str) -> str:
    date = f", {long_date(source.date)}" if source.date else ""
    line = f'- <span id="src-{source.id}"></span>“{escape(source.title)}”{date}.' + addresses(source)
    if source.note:
        line += f" *{escape(source.note)}*"
    if citing:
        line += " Cited in: " + ", ".join(f"[{escape(label)}]({link(page, *target.split('#', 1))})" for label, target in citing) + "."
    return line
