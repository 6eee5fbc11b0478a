"""Resolve phase: check every cross-reference, then compute the indexes renderers read.

Follows Pelican's order: everything is gathered first, links are resolved on the whole
corpus, and only then does anything get written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from .model import Annotation, Edition, Indexes, Origin, PassageKey, Transcript
from .problems import Problem

_At = Callable[[Origin, str, str], None]

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
                at(assignment.origin, f"passage '{passage}' does not exist in {assignment.transcript}",
                   "use a turn (t…) or paragraph (p…) id printed by 'python -m build_scripts ids'")
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
        at(f"unknown transcript '{annotation.transcript}'",
           (f"use one of: {known}; or " if known else "") +
           f"fix the problems reported for data/transcripts/{annotation.transcript}/ (or add that folder), "
           "or remove the annotation")
    for topic in annotation.topics:
        if topic not in edition.topics:
            at(f"unknown topic '{topic}'", "use an id from data/topics.yml, or add the topic there")
    if annotation.kind in FACTUAL_KINDS and not annotation.sources:
        at(f"a '{annotation.kind}' annotation states facts but cites no source",
           "add 'sources:' with '- source: <id>' of a work in data/sources.yml and a quote:, page: or paragraph:")
    if annotation.review and annotation.review.source > len(annotation.sources):
        at(f"review.source {annotation.review.source} but only {len(annotation.sources)} source(s)",
           "point review.source at the source that gave the rating")
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
    ix = Indexes({}, {}, {}, defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list),
                 defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list),
                 {a.id: a for a in edition.annotations})
    # Ordered sets (dicts of None) while collecting: a list's `in` made this quadratic in the corpus.
    sets: dict[str, defaultdict[Any, dict[Any, None]]] = {name: defaultdict(dict) for name in _SET_INDEXES}
    order: dict[PassageKey, int] = {}
    participations, asked, answered = defaultdict(list), Counter[str](), Counter[str]()
    # The loop below visits every turn and paragraph of the corpus on every build (and every
    # save under `make serve`): its dictionaries are held in locals.
    turns, turn_of_paragraph, paragraphs = ix.turns, ix.turn_of_paragraph, ix.paragraphs
    turns_of_speaker, transcripts_of_speaker = ix.turns_of_speaker, sets["transcripts_of_speaker"]
    for transcript in edition.transcripts:
        tid = transcript.id
        ix.transcripts[tid] = transcript
        for person in transcript.meta.participants:
            participations[person.speaker].append((tid, person))
        asked.update(q.asked_by for q in transcript.questions if q.asked_by)
        answered.update(s for q in transcript.questions for s in q.answered_by)
        for turn in transcript.turns:
            key = (tid, turn.id)
            turns[key] = turn
            order[key] = len(order)
            if turn.speaker:
                turns_of_speaker[turn.speaker].append(key)
                transcripts_of_speaker[turn.speaker][tid] = None
            for paragraph in turn.paragraphs:
                key = (tid, paragraph.id)
                turn_of_paragraph[key] = turn
                paragraphs[key] = paragraph
                order[key] = len(order)
    ix.participations, ix.questions_asked, ix.questions_answered = dict(participations), dict(asked), dict(answered)
    tagged: list[tuple[PassageKey, str]] = [((a.transcript, p), a.topic) for a in edition.assignments for p in a.passages]
    for annotation in edition.annotations:
        placement = edition.placements[annotation.id]
        key = (annotation.transcript, placement.paragraph)
        ix.annotations_at[key].append(annotation.id)
        ix.annotations_of_transcript.setdefault(annotation.transcript, []).append(annotation.id)
        tagged += [(key, topic) for topic in annotation.topics]
        for topic in annotation.topics:
            sets["annotations_of_topic"][topic][annotation.id] = None
        speaker = ix.turn_of_paragraph[key].speaker
        if speaker:
            ix.annotations_of_speaker[speaker].append(annotation.id)
    for key, topic in sorted(tagged, key=lambda item: (order[item[0]], item[1])):
        sets["topics_of_passage"][key][topic] = None
        sets["passages_of_topic"][topic][key] = None
        sets["topics_of_transcript"][key[0]][topic] = None
        turn = ix.turns.get(key) or ix.turn_of_paragraph[key]
        if turn.speaker:
            sets["topics_of_speaker"][turn.speaker][topic] = None
            sets["speakers_of_topic"][topic][turn.speaker] = None
    for name, found in sets.items():
        lists = {k: list(v) for k, v in found.items()}
        setattr(ix, name, lists if name == "topics_of_transcript" else defaultdict(list, lists))
    for ids in ix.annotations_at.values():
        ids.sort(key=lambda a: (edition.placements[a].span.start, edition.placements[a].span.end, a))
    return ix


_SET_INDEXES = ("transcripts_of_speaker", "annotations_of_topic", "topics_of_passage", "passages_of_topic",
                "topics_of_transcript", "topics_of_speaker", "speakers_of_topic")
"""Indexes whose lists hold each item once, in the order first met."""
