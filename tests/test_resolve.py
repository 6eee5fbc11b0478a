"""resolve.py: every cross-reference checked with its place; indexes in reading order."""

from __future__ import annotations

from build_scripts.model import (
    Anchor,
    Annotation,
    Citation,
    Edition,
    Origin,
    Paragraph,
    Participant,
    Placement,
    Span,
    Speaker,
    Topic,
    TopicAssignment,
    Transcript,
    TranscriptMeta,
    Turn,
)
from build_scripts.resolve import build_indexes, reference_problems

SOURCE = Citation("a-report", "words")


def note(id: str, line: int, **fields: object) -> Annotation:
    values: dict = {
        "id": id,
        "transcript": "t-one",
        "anchor": Anchor("words"),
        "kind": "context",
        "body": "b",
        "sources": (SOURCE,),
        "topics": (),
        "author": "a",
        "date": "2026",
        "origin": Origin("a.yml", line, 3),
    }
    values.update(fields)
    return Annotation(**values)


def edition(annotations: list[Annotation], participants: tuple[Participant, ...] = ()) -> Edition:
    meta = TranscriptMeta("t-one", "T", "2020", "P", "O", "en", "Pub", None, "", "", participants, "", "t.txt")
    turns = [
        Turn("t1", "ann", "remark", [Paragraph("p1", "one", "speech"), Paragraph("p2", "two", "speech")]),
        Turn("t2", None, "narration", [Paragraph("p3", "three", "narration")]),
    ]
    return Edition(
        speakers={"ann": Speaker("ann", "Ann", "person", origin=Origin("speakers.yml", 1, 3))},
        topics={
            "law": Topic("law", "Law", "d", origin=Origin("topics.yml", 1, 3)),
            "odd": Topic("odd", "Odd", "d", broader="nope", origin=Origin("topics.yml", 5, 3)),
        },
        transcripts=[Transcript(meta, turns, [])],
        annotations=annotations,
        placements={},
        assignments=[TopicAssignment("t-one", "law", ("t2", "p1", "p7"), Origin("topics-a.yml", 2, 3))],
    )


def test_every_broken_reference_is_reported_at_its_place() -> None:
    ed = edition(
        [
            note("a", 1),
            note("a", 9, topics=("law", "nope")),
            note("b", 20, sources=()),
            note("c", 30, transcript="gone"),
            note("d", 40, kind="cross-reference"),
            note("e", 50, kind="correction", sources=(), see_quote="x y"),
        ],
        (
            Participant("ann", "official", "R", origin=Origin("edition.yml", 10, 5)),
            Participant("bob", "guest", "R", origin=Origin("edition.yml", 14, 5)),
        ),
    )
    assert sorted(str(p) for p in reference_problems(ed)) == sorted(
        [
            "a.yml:9:3: duplicate annotation id 'a' (first at a.yml:1) — give each a unique id",
            "a.yml:9:3: annotation 'a': unknown topic 'nope' — use an id from data/topics.yml, or add the topic there",
            "a.yml:20:3: annotation 'b': a 'context' annotation states facts but cites no source — "
            "add 'sources:' with '- source: <id>' of a work in data/sources.yml and a quote:, page: or paragraph:",
            "a.yml:30:3: annotation 'c': unknown transcript 'gone' — use one of: t-one; or fix the problems reported "
            "for data/transcripts/gone/ (or add that folder), or remove the annotation",
            "a.yml:40:3: annotation 'd': a cross-reference needs 'see_quote' — "
            "add see_quote: with the exact words of the passage referred to",
            "a.yml:50:3: annotation 'e': 'see_quote' is only for cross-reference annotations — "
            "set kind: cross-reference, or remove see_quote",
            "edition.yml:14:5: unknown speaker id 'bob' — add it to data/speakers.yml, or fix the spelling",
            "topics.yml:5:3: topic 'odd' refers to unknown topic 'nope' — use an id from data/topics.yml",
            "topics-a.yml:2:3: passage 'p7' does not exist in t-one — "
            "use a turn (t…) or paragraph (p…) id printed by 'python -m build_scripts ids'",
        ]
    )


def test_a_clean_edition_has_no_problem() -> None:
    ed = edition([note("a", 1, topics=("law",))])
    ed.topics.pop("odd")
    ed.assignments = [TopicAssignment("t-one", "law", ("t2", "p1"), Origin("topics-a.yml", 2, 3))]
    assert reference_problems(ed) == []


def test_indexes_follow_reading_order() -> None:
    ed = edition([note("late", 1, topics=("law",)), note("early", 5), note("other", 9)])
    ed.placements = {
        "late": Placement("late", "p1", Span(2, 3)),
        "early": Placement("early", "p1", Span(0, 2)),
        "other": Placement("other", "p3", Span(0, 1)),
    }
    ed.assignments = [TopicAssignment("t-one", "law", ("t2", "p1"), Origin("topics-a.yml", 2, 3))]
    ix = build_indexes(ed)
    assert ix.annotations_at[("t-one", "p1")] == ["early", "late"]
    assert ix.passages_of_topic["law"] == [("t-one", "p1"), ("t-one", "t2")]
    assert ix.annotations_of_speaker["ann"] == ["late", "early"]
    assert ix.topics_of_speaker["ann"] == ["law"] and ix.speakers_of_topic["law"] == ["ann"]
    assert ix.turn_of_paragraph[("t-one", "p3")].id == "t2"
