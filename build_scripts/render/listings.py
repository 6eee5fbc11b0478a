"""The lines that edition-wide pages list about one transcript: its passages, annotations and questions.

Topic, speaker, question and annotation pages are long lists of one line per passage or
note, and each line depends only on its own transcript (with its annotations and topic
assignments) and on the speakers and topics files. So the lines are made per transcript,
as ``Listings``, which generate.py memoises with the transcript's page: after an edit only
the edited transcript's lines are made again, and the pages are put together from lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..indexes import Indexes, PassageKey
from ..model import Edition, Transcript
from ..question_titles import question_title, question_title_of
from . import paths
from .annotations import KIND_LABELS, annotation_link, credited, marked_words, names
from .evidence import evidence_entry
from .markdown import escape, excerpt, first_sentence, link

FOLDER_PAGE = paths.TOPICS
"""A page one folder below docs/, as speaker and topic pages are: links from it read the same
from any of them (``link`` depends only on the folder), so their lines are made once."""


@dataclass
class Listings:
    """Lines of the edition-wide pages, by the passage, paragraph, annotation or transcript they are about."""

    topic_passages: dict[PassageKey, str] = field(default_factory=dict)
    """A passage that carries a topic, as a topic page lists it."""
    speaker_paragraphs: dict[PassageKey, str] = field(default_factory=dict)
    """A spoken paragraph, as its speaker's page lists it."""
    turn_words: dict[PassageKey, int] = field(default_factory=dict)
    """Words spoken in each turn of a speaker."""
    annotations: dict[str, str] = field(default_factory=dict)
    """An annotation, as speaker pages list it."""
    listed_annotations: dict[str, str] = field(default_factory=dict)
    """An annotation, as the All annotations page lists it."""
    questions: dict[str, str] = field(default_factory=dict)
    """A transcript's section of the Questions page."""
    evidence: dict[str, str] = field(default_factory=dict)
    """An annotation with topics, as the evidence table of its topics' pages shows it (render/evidence.py)."""

    def update(self, other: Listings) -> None:
        """Add another transcript's lines."""
        for name, lines in vars(other).items():
            getattr(self, name).update(lines)


def transcript_listings(transcript: Transcript, edition: Edition, ix: Indexes) -> Listings:
    """The lines about one transcript; reads nothing of the other transcripts."""
    tid = transcript.id
    listings = Listings(questions={tid: questions_section(transcript, edition, ix)})
    for turn in transcript.turns:
        for key in [(tid, turn.id)] + [(tid, p.id) for p in turn.paragraphs]:
            if ix.topics_of_passage.get(key):
                listings.topic_passages[key] = passage_line(key, edition, ix)
        if turn.speaker:
            listings.turn_words[(tid, turn.id)] = sum(len(p.text.split()) for p in turn.paragraphs if p.kind != "note")
            where = "Remarks"
            question = question_title_of(turn.question, transcript, edition)
            if question and turn.question:
                where = f"[{escape(question)}]({link(FOLDER_PAGE, paths.transcript(tid), turn.question)})"
            for paragraph in turn.paragraphs:
                target = link(FOLDER_PAGE, paths.transcript(tid), paragraph.id)
                listings.speaker_paragraphs[(tid, paragraph.id)] = (
                    f"- {where}, [¶ {paragraph.id[1:]}]({target}): {escape(excerpt(paragraph.text))}"
                )
    for annotation_id in ix.annotations_of_transcript.get(tid, []):
        annotation = ix.annotation[annotation_id]
        words = excerpt(marked_words(annotation, edition, ix.paragraphs), 60)
        listings.annotations[annotation_id] = (
            f"- **{KIND_LABELS[annotation.kind]}** on [“{escape(words)}”]({annotation_link(FOLDER_PAGE, annotation)}): "
            f"{escape(excerpt(annotation.body_words, 140))}"
        )
        if annotation.topics:
            listings.evidence[annotation_id] = evidence_entry(annotation, edition, ix, FOLDER_PAGE)
        listings.listed_annotations[annotation_id] = (
            f"- [“{escape(words)}”]({annotation_link(paths.ANNOTATIONS, annotation)}) — "
            f"{escape(excerpt(annotation.body_words, 160))} *({escape(names(credited(annotation, edition)))})*"
        )
    return listings


def passage_line(key: PassageKey, edition: Edition, ix: Indexes) -> str:
    """Where the passage is (a deep link), who said it (their profile), and its first words."""
    transcript_id, passage = key
    turn = ix.turns.get(key) or ix.turn_of_paragraph[key]
    paragraph = ix.paragraphs.get(key) or turn.paragraphs[0]
    numbers = [p.id[1:] for p in turn.paragraphs] if key in ix.turns else [paragraph.id[1:]]
    where = f"¶ {numbers[0]}" if len(numbers) == 1 else f"¶ {numbers[0]}–{numbers[-1]}"
    question = question_title_of(turn.question, ix.transcripts[transcript_id], edition)
    if question:
        where = f"{escape(question)}, {where}"
    who = "Narration"
    if turn.speaker:
        who = f"[{escape(edition.speakers[turn.speaker].name)}]({link(FOLDER_PAGE, paths.speaker(turn.speaker))})"
    target = link(FOLDER_PAGE, paths.transcript(transcript_id), passage)
    return f"- {who} in [{where}]({target}): {escape(excerpt(paragraph.text))}"


def questions_section(transcript: Transcript, edition: Edition, ix: Indexes) -> str:
    """A transcript's questions as cards (a table ran off a phone's screen): the subject as heading, what
    was asked, who asked and who answered, topics, and a link to the question in the transcript."""
    page = paths.QUESTIONS
    out = [f"## {escape(transcript.meta.title)}\n", '<div class="question-cards" markdown>\n']
    for q in transcript.questions:
        asker = f"[{escape(asker_name(q.asked_by, edition))}]({link(page, paths.speaker(q.asked_by))})" if q.asked_by else "Question"
        answerers = ", ".join(f"[{escape(edition.speakers[s].name)}]({link(page, paths.speaker(s))})" for s in q.answered_by)
        topics: list[str] = []
        for turn_id in q.turns:
            turn = ix.turns[(transcript.id, turn_id)]
            for key in [(transcript.id, turn_id)] + [(transcript.id, p.id) for p in turn.paragraphs]:
                topics += [t for t in ix.topics_of_passage.get(key, []) if t not in topics]
        facts = [f"Asked by {asker}"] + ([f"answered by {answerers}"] if answerers else [])
        card = [
            '<div class="question-card" markdown>\n',
            f"### {escape(question_title(q, edition))} {{#{transcript.id}-{q.id}}}\n",
            f"> {escape(first_sentence(question_text(transcript, q.turns[0])))}\n",
            " · ".join(facts) + "\n",
        ]
        if topics:
            card.append("Topics: " + ", ".join(f"[{escape(edition.topics[t].title)}]({link(page, paths.topic(t))})" for t in topics) + "\n")
        card.append(
            f"[Read Q{q.number} in the transcript]({link(page, paths.transcript(transcript.id), q.id)}){{: .question-card__read }}\n"
        )
        out.append("\n".join(card) + "\n</div>\n")
    return "\n".join(out) + "\n</div>\n"


def asker_name(speaker_id: str | None, edition: Edition) -> str:
    return edition.speakers[speaker_id].name if speaker_id else "Question"


def question_text(transcript: Transcript, turn_id: str) -> str:
    turn = next(t for t in transcript.turns if t.id == turn_id)
    return " ".join(p.text for p in turn.paragraphs)
