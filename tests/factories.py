"""Small literal model objects shared by several test modules (no test module imports another)."""

from __future__ import annotations

from build_scripts.guide import SummarySentence
from build_scripts.model import (
    Anchor,
    Annotation,
    Citation,
    Edition,
    Paragraph,
    Participant,
    Placement,
    Question,
    Span,
    Speaker,
    Topic,
    TopicAssignment,
    Transcript,
    TranscriptMeta,
    Turn,
)
from build_scripts.register import Publisher, Source
from build_scripts.resolve import build_indexes

PEOPLE = (
    Participant("mod", "moderator", "Moderator", labels=("Moderator",)),
    Participant("smith", "official", "Minister", names=("Jane Smith",)),
    Participant("gazette", "outlet", "Reporter", names=("Fixture Gazette",)),
)


def words(text: str) -> list[str]:
    """The words of a text with markup removed (a colon becomes a space: ``Label:text`` is two words)."""
    return text.translate(_MARKUP).split()


def model_words(transcript: Transcript) -> list[str]:
    """The words of everything the parser kept, in reading order (front matter may come before the heading)."""
    before = [t for t in transcript.turns if t.paragraphs and t.paragraphs[0].line < transcript.heading_line]
    parts: list[str] = []
    for turn in before:
        parts += [paragraph.text for paragraph in turn.paragraphs]
    parts.append(transcript.heading)
    for turn in transcript.turns[len(before) :]:
        parts.append(turn.label)
        parts += [paragraph.text for paragraph in turn.paragraphs]
    return words(" ".join(parts))


def assert_lossless(source: str, transcript: Transcript, *, exact: bool = True) -> None:
    """Every source word is in the model, in order; nothing is added.

    With ``exact=False`` the model may cut a source word in two (an inline note glued to a
    word, "year[inaudible]", becomes its own paragraph), but never joins two words or changes a
    character.
    """
    source_words, kept = words(source), model_words(transcript)
    if exact:
        assert kept == source_words
        return
    assert "".join(kept) == "".join(source_words)
    assert _cuts(source_words) <= _cuts(kept)


def _cuts(tokens: list[str]) -> set[int]:
    positions, total = set(), 0
    for token in tokens:
        total += len(token)
        positions.add(total)
    return positions


_MARKUP = str.maketrans({"*": "", "_": "", ":": " "})


PUBLISHER = Publisher("statistics-office", "Statistics Office", "government")


REPORT = Source(
    "annual-report",
    "Annual report",
    "statistics-office",
    "2020-12-31",
    "https://example.org/report",
    archive_url="https://web.archive.org/web/2021/https://example.org/report",
)


T = "press-2021-01-02"


SOURCE = Citation("annual-report", "Output rose by 3%.")


def literal_edition() -> Edition:
    speakers = {
        s.id: s
        for s in [
            Speaker("host", "Moderator", "person", "The moderator is not named in the transcript."),
            Speaker("li-wei", "Li Wei", "person", "Li Wei is the office's spokesperson, according to its website.", ("Li Wey",), (SOURCE,)),
            Speaker("daily-news", "Daily News", "organisation"),
        ]
    }
    meta = TranscriptMeta(
        id=T,
        title="Press Conference on the Harvest",
        date="2021-01-02",
        place="Springfield",
        organiser="Information Office",
        language="en",
        publisher="Information Office",
        source_url="https://example.org/t",
        source_note="As published.",
        source_status="Official transcript.",
        text="",
        text_path="transcript.txt",
        participants=(
            Participant("host", "moderator", "Moderator", names=("Moderator",), labels=("Moderator",)),
            Participant("li-wei", "official", "Spokesperson", "Information Office", ("Li Wei", "Li Wey")),
            Participant("daily-news", "outlet", "Reporter", "Daily News", labels=("Daily News",)),
        ),
        summary=(
            SummarySentence("The Information Office met the press on 2 January 2021.", (SOURCE,), ("p1",)),
            SummarySentence("Li Wei answered the Daily News.", passages=("t3", "p4")),
        ),
    )
    turns = [
        Turn("t1", None, "narration", [Paragraph("p1", "The press conference was held on 2 January.", "narration")]),
        Turn("t2", "host", "remark", [Paragraph("p2", "Good morning. Questions, please.", "speech")], "Moderator"),
        Turn("t3", "daily-news", "question", [Paragraph("p3", "Did output rise in 2020? Thank you.", "speech")], "Daily News", "q1"),
        Turn(
            "t4",
            "li-wei",
            "answer",
            [
                Paragraph("p4", "Output rose by a record 3 per cent [sic] this year.", "speech", (Span(24, 34),)),
                Paragraph("p5", "(Applause)", "note"),
                Paragraph("p6", "Prices fell too.", "speech"),
            ],
            "Li Wey",
            "q1",
        ),
    ]
    transcript = Transcript(meta, turns, [Question("q1", 1, "daily-news", ["li-wei"], ["t3", "t4"], subject="Output in 2020")])
    topics = {
        t.id: t
        for t in [
            Topic("economy", "Economy", "Passages on output and prices."),
            Topic("harvest", "Harvest", "Passages on the harvest.", broader="economy", see_also=("economy",)),
        ]
    }
    # Nested spans in p4: the outer note's reference comes after the inner one's, so it is defined second.
    annotations = [
        Annotation(
            "claim-output",
            T,
            Anchor("Output rose by a record 3 per cent"),
            "claim",
            "The *Annual report* gives the same figure.",
            (SOURCE,),
            ("economy",),
            "Editors",
            "2021-02-01",
            body_words="The Annual report gives the same figure.",
        ),
        Annotation(
            "term-record",
            T,
            Anchor("record"),
            "term",
            "A record is the highest value so far.",
            (SOURCE,),
            (),
            "Editors",
            "2021-02-01",
            body_words="A record is the highest value so far.",
        ),
        Annotation(
            "correction-wey",
            T,
            Anchor("Prices"),
            "correction",
            "The transcript reads so.",
            (),
            ("harvest",),
            "Editors",
            "2021-02-01",
            reading="Prices",
            body_words="The transcript reads so.",
        ),
    ]  # body_words as the loader reads them (tests/test_markdown_body.py)
    placements = {
        "claim-output": Placement("claim-output", "p4", Span(0, 34)),
        "term-record": Placement("term-record", "p4", Span(17, 23)),
        "correction-wey": Placement("correction-wey", "p6", Span(0, 6)),
    }
    assignments = [TopicAssignment(T, "harvest", ("t4", "p4", "p1"), meta.origin), TopicAssignment(T, "economy", ("t3",), meta.origin)]
    return Edition(
        speakers,
        topics,
        [transcript],
        annotations,
        placements,
        assignments,
        publishers={PUBLISHER.id: PUBLISHER},
        sources={REPORT.id: REPORT},
    )


EDITION = literal_edition()


IX = build_indexes(EDITION)


TRANSCRIPT = EDITION.transcripts[0]
