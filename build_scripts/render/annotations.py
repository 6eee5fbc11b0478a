"""Annotations as Markdown: marked words with footnote references, and the footnotes that hold them."""

from __future__ import annotations

from ..history.records import Change, credit
from ..indexes import PassageKey
from ..model import Annotation, Citation, Edition, Paragraph
from ..register import Source, references
from ..spellings import missing_variants
from . import paths
from .markdown import attr, escape, excerpt, indent, link, long_date, search_only

KIND_LABELS = {
    "context": "Context",
    "person": "Person",
    "term": "Term",
    "claim": "Claim",
    "correction": "Transcription note",
    "cross-reference": "Cross-reference",
}

KIND_MARKS = {"claim": "C", "context": "i", "term": "T", "correction": "†", "person": "P", "cross-reference": "→"}
"""The mark each kind's note number carries (not colour alone, WCAG 1.4.1), on screen and on paper.
docs/assets/edition.css draws them before the numbers from ``data-note-kind``; the legend shows these."""


def marked_text(paragraph: Paragraph, annotations: list[Annotation], edition: Edition) -> str:
    """The paragraph's text, escaped, with emphasis, annotated words marked and footnote refs.

    The text is cut at every boundary of every span; each piece is wrapped in the marks that
    cover it. Overlapping annotations therefore never produce crossed tags.
    """
    text = paragraph.text
    if not annotations and not paragraph.emphasis:  # half the paragraphs: one piece, nothing to wrap
        return escape(text)
    spans = [(edition.placements[a.id].span, a) for a in reference_order(annotations, edition)]
    cuts = sorted(
        {
            0,
            len(text),
            *(s.start for s in paragraph.emphasis),
            *(s.end for s in paragraph.emphasis),
            *(s.start for s, _ in spans),
            *(s.end for s, _ in spans),
        }
    )
    out: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        if any(s.start <= start and end <= s.end for s in paragraph.emphasis):
            piece = f"<em>{piece}</em>"
        covering = [a for s, a in spans if s.start <= start and end <= s.end]
        if covering:
            piece = _mark(piece, covering)
        out.append(piece)
        # The marker names its note's kind, which edition.css draws as the kind's mark.
        out += [f'[^{a.id}]{{: data-note-kind="{a.kind}" }}' for s, a in spans if s.end == end]
    return "".join(out)


def _mark(piece: str, covering: list[Annotation]) -> str:
    """Marked words; ``data-notes`` names the notes they open (edition.js makes the words the control)."""
    kinds = " ".join(sorted({f"annotated-{a.kind}" for a in covering}))
    notes = " ".join(a.id for a in covering)
    return f'<mark class="annotated {kinds}" data-notes="{notes}">{piece}</mark>'


def reference_order(annotations: list[Annotation], edition: Edition) -> list[Annotation]:
    """Annotations in the order ``marked_text`` places their references: by the end of their span.

    Python-Markdown numbers footnotes in the order they are defined, so defining them in this
    order makes the numbers follow the reading order even where annotated spans nest.
    """
    return sorted(annotations, key=lambda a: edition.placements[a.id].span.end)


def footnote(annotation: Annotation, page: str, edition: Edition, paragraph: Paragraph) -> str:
    """A footnote definition: its head (kind, the words it annotates, the way back), body, sources, credit."""
    span = edition.placements[annotation.id].span
    said = " ".join((paragraph.text[span.start : span.end], annotation.body, annotation.reading))
    # The other spellings ride at the end of the note's last paragraph: indexed with the note, never shown.
    variants = search_only(missing_variants(said, edition.spellings))
    lines = [note_head(annotation, edition, paragraph), annotation_body(annotation, page, edition) + (f" {variants}" if variants else "")]
    return f"[^{annotation.id}]:\n" + indent("\n\n".join(lines)) + "\n"


def note_title(annotation: Annotation, words: str) -> str:
    """A note's human title, for citations and the note's heading: its kind and the words it annotates."""
    return f"{KIND_LABELS[annotation.kind]}: “{excerpt(' '.join(words.split()), 80)}”"


def note_head(annotation: Annotation, edition: Edition, paragraph: Paragraph) -> str:
    """'**Claim** on “the words” · ¶ 8': a note starts with what it annotates and leads back to it.

    The title and the paragraph ride along as data for the citation (docs/assets/cite.js)."""
    span = edition.placements[annotation.id].span
    words = paragraph.text[span.start : span.end]
    number = paragraph.id[1:]
    return (
        f"**{KIND_LABELS[annotation.kind]}** on “{escape(' '.join(words.split()))}” · "
        f'[¶{number}](#{paragraph.id}){{: .note-back aria-label="Back to paragraph {number}" }}\n'
        # The kind rides along too, for the reader controls (render/note_filter.py).
        f'{{: .note-head data-title="{attr(note_title(annotation, words))}" data-paragraph="{paragraph.id}" '
        f'data-note-kind="{attr(annotation.kind)}" }}'
    )


def annotation_body(annotation: Annotation, page: str, edition: Edition) -> str:
    """Body Markdown (already checked safe), then the reading, cross-link, sources and credit."""
    parts = [annotation.body]
    if annotation.kind == "correction" and annotation.reading:
        parts.append(f"Probable intended reading: “{escape(annotation.reading)}”. The transcript's text is left as published.")
    placement = edition.placements[annotation.id]
    if placement.see_paragraph:
        target = link(page, paths.transcript(annotation.transcript), placement.see_paragraph)
        parts.append(f"See [the passage referred to (¶ {placement.see_paragraph[1:]})]({target}).")
    if annotation.sources:
        parts.append(sources_list(annotation.sources, edition))
    parts.append(
        f"{credit_line(annotation, edition)}"
        f" · [Permalink]({link(page, paths.transcript(annotation.transcript), 'fn:' + annotation.id)})"
        f'{{: .annotation-permalink aria-label="Permalink to annotation {attr(annotation.id)}" }}'
    )
    return "\n\n".join(parts)


def sources_list(citations: tuple[Citation, ...], edition: Edition) -> str:
    """'Sources:' and a numbered list of the citations."""
    return "Sources:\n\n" + "\n".join(f"{i}. {citation(c, edition)}" for i, c in enumerate(citations, 1))


def addresses(source: Source) -> str:
    """A work's addresses written out (they print): the publisher's page, the copy read, the archive."""
    out = f" <{source.url}>" if source.url else ""
    if source.read_at:
        out += f" Read at a copy: <{source.read_at}>"
    return out + (f" Archived: <{source.archive_url}>" if source.archive_url else "")


def citation(cited: Citation, edition: Edition) -> str:
    """One citation: the work, its publisher and the publisher's type, the addresses written out
    (they print), then the pinpoint."""
    ref = references((cited,), edition)[0]
    source = ref.source
    date = f", {long_date(source.date)}" if source.date else ""
    out = f"“{escape(source.title)}”, *{escape(ref.publisher.name)}* ({ref.type_label}){date}." + addresses(source)
    pinpoint = ", ".join(
        part
        for part in (f"p. {escape(cited.page)}" if cited.page else "", f"para. {escape(cited.paragraph)}" if cited.paragraph else "")
        if part
    )
    if pinpoint:
        out += f" At {pinpoint}."
    return out + (f" Quote: “{escape(cited.quote)}”" if cited.quote else "")


def credit_line(annotation: Annotation, edition: Edition) -> str:
    """ "*Added 27 November 2026 by A and B; revised 3 December 2026 (body)*": from git when it knows the note.

    Each date links to its commit, which shows exactly what changed: the note's own history,
    where a link to its file's history would list every other note's changes too."""
    found = credit(edition.history, "annotation", annotation.id, annotation.author, annotation.date)
    line = "**Draft, not published.** " if annotation.status == "draft" else ""
    dates = [_dated(edition, change) for change in found.changes] or [long_date(found.created)]
    line += f"*Added {dates[0]} by {escape(names(found.contributors))}"
    if found.changes[1:]:
        touched = edition.history.of("annotation", annotation.id)
        fields = touched.fields[1:] if touched is not None and touched.fields else [() for _ in found.changes[1:]]
        line += "; revised " + ", ".join(f"{date} ({', '.join(f)})" if f else date for date, f in zip(dates[1:], fields))
    return line + (f"; reviewed by {escape(annotation.reviewed_by)}*" if annotation.reviewed_by else "*")


def _dated(edition: Edition, change: Change) -> str:
    """A change's date, linked to its commit when the repository's address is known."""
    url = edition.history.commit_url(change)
    return f"[{long_date(change.date)}]({url}){{: .annotation-commit }}" if url else long_date(change.date)


def credited(annotation: Annotation, edition: Edition) -> tuple[str, ...]:
    """Who the note is credited to: its contributors in the history, else its ``author`` field."""
    return credit(edition.history, "annotation", annotation.id, annotation.author, annotation.date).contributors


def names(people: tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return " and ".join([", ".join(people[:-1]), people[-1]]) if len(people) > 1 else "".join(people)


def marked_words(annotation: Annotation, edition: Edition, paragraphs: dict[PassageKey, Paragraph]) -> str:
    """The words of the transcript an annotation is attached to."""
    placement = edition.placements[annotation.id]
    text = paragraphs[(annotation.transcript, placement.paragraph)].text
    return text[placement.span.start : placement.span.end]


def annotation_link(page: str, annotation: Annotation) -> str:
    """A relative link from ``page`` to the annotation (its permalink)."""
    return link(page, paths.transcript(annotation.transcript), "fn:" + annotation.id)
