"""Resolve phase: check every cross-reference, then compute the indexes renderers read.

Follows Pelican's order: everything is gathered first, links are resolved on the whole
corpus, and only then does anything get written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .indexes import Indexes, PassageKey
from .model import Annotation, Edition, Origin, Transcript, Turn
from .problems import Problem

_At = Callable[[Origin, str, str], None]
K = TypeVar("K")
V = TypeVar("V")

FACTUAL_KINDS = ("context", "person", "term", "claim")
"""Kinds that state facts, and so must cite at least one source (editorial policy)."""


def reference_problems(edition: Edition) -> list[Problem]:
    """Duplicate ids and references to things that do not exist, each with its place."""
    problems: list[Problem] = []

    def at(origin: Origin, message: str, hint: str) -> None:
        problems.append(Problem(origin.path, origin.line, origin.col, message, hint))

    _duplicates(((a.id, a.origin) for a in edition.annotations), "annotation", at)
    transcripts = {t.id: t for t in edition.transcripts}
    for transcript in edition.transcripts:
        for person in transcript.meta.participants:
            if person.speaker not in edition.speakers:
                at(person.origin, f"unknown speaker id '{person.speaker}'", "add it to data/speakers.yml, or fix the spelling")
        counts = Counter(p.speaker for p in transcript.meta.participants)
        for person in transcript.meta.participants:
            if counts[person.speaker] > 1:
                at(person.origin, f"speaker '{person.speaker}' is listed twice", "merge the two entries")
    for topic in edition.topics.values():
        for other in (topic.broader, *topic.see_also):
            if other and other not in edition.topics:
                at(topic.origin, f"topic '{topic.id}' refers to unknown topic '{other}'", "use an id from data/topics.yml")
    passage_ids: dict[str, set[str]] = {}  # a transcript has many assignments: its ids are collected once
    for assignment in edition.assignments:
        if assignment.topic not in edition.topics:
            at(assignment.origin, f"unknown topic '{assignment.topic}'", "use an id from data/topics.yml")
        if assignment.transcript not in passage_ids:
            passage_ids[assignment.transcript] = _passage_ids(transcripts[assignment.transcript])
        ids = passage_ids[assignment.transcript]
        for passage in assignment.passages:
            if passage not in ids:
                at(
                    assignment.origin,
                    f"passage '{passage}' does not exist in {assignment.transcript}",
                    "use a turn (t…) or paragraph (p…) id printed by 'python -m build_scripts ids'",
                )
    for transcript in edition.transcripts:
        ids = passage_ids.get(transcript.id) or _passage_ids(transcript)
        for sentence in transcript.meta.summary:
            for passage in (p for p in sentence.passages if p not in ids):
                at(
                    sentence.origin,
                    f"summary: passage '{passage}' does not exist in {transcript.id}",
                    "use a turn (t…) or paragraph (p…) id printed by 'python -m build_scripts ids'",
                )
    for annotation in edition.annotations:
        problems += _annotation_problems(annotation, edition, transcripts)
    return problems


def _annotation_problems(annotation: Annotation, edition: Edition, transcripts: dict[str, Transcript]) -> list[Problem]:
    origin = annotation.origin
    found = []

    def at(message: str, hint: str) -> None:
        found.append(Problem(origin.path, origin.line, origin.col, f"annotation '{annotation.id}': {message}", hint))

    if annotation.transcript not in transcripts:
        known = ", ".join(sorted(transcripts))
        # The folder may be missing, or present with an edition.yml that failed to load.
        at(
            f"unknown transcript '{annotation.transcript}'",
            (f"use one of: {known}; or " if known else "")
            + f"fix the problems reported for data/transcripts/{annotation.transcript}/ (or add that folder), "
            "or remove the annotation",
        )
    for topic in annotation.topics:
        if topic not in edition.topics:
            at(f"unknown topic '{topic}'", "use an id from data/topics.yml, or add the topic there")
    if annotation.kind in FACTUAL_KINDS and not annotation.sources:
        at(
            f"a '{annotation.kind}' annotation states facts but cites no source",
            "add 'sources:' with '- source: <id>' of a work in data/sources.yml and a quote:, page: or paragraph:",
        )
    if annotation.review and annotation.review.source > len(annotation.sources):
        at(
            f"review.source {annotation.review.source} but only {len(annotation.sources)} source(s)",
            "point review.source at the source that gave the rating",
        )
    if annotation.see_quote and annotation.kind != "cross-reference":
        at("'see_quote' is only for cross-reference annotations", "set kind: cross-reference, or remove see_quote")
    if annotation.kind == "cross-reference" and not annotation.see_quote:
        at("a cross-reference needs 'see_quote'", "add see_quote: with the exact words of the passage referred to")
    return found


def duplicate_id_problems(items: Iterable[tuple[str, Origin]], what: str) -> list[Problem]:
    """Each id given a second time, at its place (for records before they are keyed by id)."""
    problems: list[Problem] = []
    _duplicates(items, what, lambda o, m, h: problems.append(Problem(o.path, o.line, o.col, m, h)))
    return problems


def _duplicates(items: Iterable[tuple[str, Origin]], what: str, at: _At) -> None:
    first: dict[str, Origin] = {}
    for item_id, origin in items:
        if item_id in first:
            seen = first[item_id]
            at(origin, f"duplicate {what} id '{item_id}' (first at {seen.path}:{seen.line})", "give each a unique id")
        else:
            first[item_id] = origin


def _passage_ids(transcript: Transcript) -> set[str]:
    return {t.id for t in transcript.turns} | {p.id for p in transcript.paragraphs()}


def build_indexes(edition: Edition) -> Indexes:
    """Every cross-link of the corpus, in reading order."""
    turns = {(t.id, turn.id): turn for t in edition.transcripts for turn in t.turns}
    turn_of_paragraph = {(t.id, p.id): turn for t in edition.transcripts for turn in t.turns for p in turn.paragraphs}
    paragraphs = {(t.id, p.id): p for t in edition.transcripts for turn in t.turns for p in turn.paragraphs}
    tagged = _tagged_passages(edition, turns, turn_of_paragraph)
    spoken = [(turn.speaker, key) for key, turn in turns.items() if turn.speaker]
    speaker_of_tag = [_speaker_at(key, turns, turn_of_paragraph) for key, _ in tagged]
    placed = [(a, (a.transcript, edition.placements[a.id].paragraph)) for a in edition.annotations]
    return Indexes(
        turns=turns,
        turn_of_paragraph=turn_of_paragraph,
        paragraphs=paragraphs,
        topics_of_passage=_unique(tagged),
        passages_of_topic=_unique((topic, key) for key, topic in tagged),
        turns_of_speaker=_listed(spoken),
        topics_of_speaker=_unique((s, topic) for s, (_, topic) in zip(speaker_of_tag, tagged) if s),
        speakers_of_topic=_unique((topic, s) for s, (_, topic) in zip(speaker_of_tag, tagged) if s),
        annotations_at=_annotations_at(placed, edition),
        annotations_of_speaker=_listed((s, a.id) for a, key in placed if (s := turn_of_paragraph[key].speaker)),
        annotations_of_topic=_unique((topic, a.id) for a in edition.annotations for topic in a.topics),
        transcripts_of_speaker=_unique((speaker, key[0]) for speaker, key in spoken),
        annotation={a.id: a for a in edition.annotations},
        participations=dict(_listed((p.speaker, (t.id, p)) for t in edition.transcripts for p in t.meta.participants)),
        transcripts={t.id: t for t in edition.transcripts},
        annotations_of_transcript=dict(_listed((a.transcript, a.id) for a in edition.annotations)),
        topics_of_transcript=dict(_unique((key[0], topic) for key, topic in tagged)),
        questions_asked=dict(Counter(q.asked_by for t in edition.transcripts for q in t.questions if q.asked_by)),
        questions_answered=dict(Counter(s for t in edition.transcripts for q in t.questions for s in q.answered_by)),
    )


def _tagged_passages(
    edition: Edition, turns: dict[PassageKey, Turn], turn_of_paragraph: dict[PassageKey, Turn]
) -> list[tuple[PassageKey, str]]:
    """(passage, topic) of every topic assignment and annotation topic, in reading order."""
    order = {key: n for n, key in enumerate(_reading_order(edition))}
    tagged = [((a.transcript, p), a.topic) for a in edition.assignments for p in a.passages]
    tagged += [((a.transcript, edition.placements[a.id].paragraph), topic) for a in edition.annotations for topic in a.topics]
    return sorted(tagged, key=lambda item: (order[item[0]], item[1]))


def _reading_order(edition: Edition) -> Iterator[PassageKey]:
    """Every turn, then its paragraphs, transcript by transcript."""
    for transcript in edition.transcripts:
        for turn in transcript.turns:
            yield (transcript.id, turn.id)
            yield from ((transcript.id, p.id) for p in turn.paragraphs)


def _speaker_at(key: PassageKey, turns: dict[PassageKey, Turn], turn_of_paragraph: dict[PassageKey, Turn]) -> str | None:
    """Who speaks the turn or paragraph at ``key`` (None for narration)."""
    return (turns.get(key) or turn_of_paragraph[key]).speaker


def _annotations_at(placed: list[tuple[Annotation, PassageKey]], edition: Edition) -> defaultdict[PassageKey, list[str]]:
    """Annotation ids by the paragraph they are placed in, in the order of their spans."""
    found = _listed((key, a.id) for a, key in placed)
    for ids in found.values():
        ids.sort(key=lambda a: (edition.placements[a].span.start, edition.placements[a].span.end, a))
    return found


def _listed(pairs: Iterable[tuple[K, V]]) -> defaultdict[K, list[V]]:
    """Values by key, in the order met."""
    found: defaultdict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def _unique(pairs: Iterable[tuple[K, V]]) -> defaultdict[K, list[V]]:
    """Values by key, each once, in the order first met (ordered sets: a list's `in` was quadratic)."""
    found: defaultdict[K, dict[V, None]] = defaultdict(dict)
    for key, value in pairs:
        found[key][value] = None
    return defaultdict(list, {key: list(values) for key, values in found.items()})
