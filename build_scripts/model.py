"""The edition's model: plain dataclasses, nothing else. Records loaded from data files (Speaker, Participant,
TranscriptMeta, Topic, Annotation) are joined by the parser's output (Transcript, Turn, Paragraph, Question) into one
Edition; each keeps the file and line it came from, for problems. Not slotted on purpose: the memo (memo.py) pickles
them, and a slotted dataclass pickles through Python-level __getstate__/__setstate__, five times slower than the C path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .history.records import History

if TYPE_CHECKING:
    from .guide import QuestionSubject, SummarySentence
    from .register import Publisher, RepostHost, Source
    from .spellings import Variants

TurnKind = Literal["narration", "remark", "question", "answer"]
ParagraphKind = Literal["speech", "note", "narration"]
ParticipantKind = Literal["moderator", "official", "guest", "outlet"]
AnnotationKind = Literal["context", "person", "term", "claim", "correction", "cross-reference"]


@dataclass(frozen=True)
class Origin:
    """Where a record was written: file and 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Citation:
    """A note's or profile's reference to a work in the register (register.py), with a pinpoint."""

    source: str
    quote: str = ""
    page: str = ""
    paragraph: str = ""
    origin: Origin = Origin("data")


@dataclass(frozen=True)
class Speaker:
    """A person or organisation that can speak in any transcript (data/speakers.yml)."""

    id: str
    name: str
    type: Literal["person", "organisation"]
    profile: str = ""
    aliases: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    origin: Origin = Origin("data/speakers.yml")


@dataclass(frozen=True)
class Participant:
    """How one speaker appears in one transcript (edition.yml)."""

    speaker: str
    kind: ParticipantKind
    role: str
    organisation: str = ""
    names: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    origin: Origin = Origin("edition.yml")


@dataclass(frozen=True)
class Override:
    """An editor's correction of the parsed structure (edition.yml ``overrides:``), at a line or a quote."""

    line: int | None
    quote: str
    speaker: str | None = None
    kind: str | None = None
    question: str | None = None  # '' for a question whose asker is the turn's speaker; a speaker id names the asker
    belongs_to: int | None = None
    join_next: bool | None = None
    origin: Origin = Origin("edition.yml")


@dataclass(frozen=True)
class TranscriptMeta:
    """A transcript's metadata file plus the raw text beside it."""

    id: str
    title: str
    date: str
    place: str
    organiser: str
    language: str
    publisher: str
    source_url: str | None
    source_note: str
    source_status: str
    participants: tuple[Participant, ...]
    text: str
    text_path: str
    layout: dict[str, object] = field(default_factory=dict)
    layout_origins: dict[str, Origin] = field(default_factory=dict)  # where each option (or item: 'note_patterns.2') is written
    origin: Origin = Origin("edition.yml")
    overrides: tuple[Override, ...] = ()
    subjects: tuple[QuestionSubject, ...] = ()  # ``questions:``, a subject per question number (guide.py)
    summary: tuple[SummarySentence, ...] = ()  # ``summary:``, the sourced sentences the home page opens with


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in a paragraph's plain text."""

    start: int
    end: int


@dataclass
class Paragraph:
    id: str
    text: str
    kind: ParagraphKind
    emphasis: tuple[Span, ...] = ()
    line: int = 0


@dataclass
class Turn:
    id: str
    speaker: str | None
    kind: TurnKind
    paragraphs: list[Paragraph]
    label: str = ""
    question: str | None = None


@dataclass
class Question:
    id: str
    number: int
    asked_by: str | None
    answered_by: list[str]
    turns: list[str]
    outlet: str | None = None  # the outlet a moderator named with the asker ("Jane Roe of the Harbour Gazette"), when both are participants
    subject: str = ""  # what it asks about, as the editors wrote it in edition.yml ``questions:`` ('' if they did not)


@dataclass
class Transcript:
    meta: TranscriptMeta
    turns: list[Turn]
    questions: list[Question]
    heading: str = ""
    heading_line: int = 0  # the source line of the heading's first block (front matter may come before it)

    @property
    def id(self) -> str:
        return self.meta.id

    def paragraphs(self) -> list[Paragraph]:
        return [p for t in self.turns for p in t.paragraphs]


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str
    broader: str | None = None
    see_also: tuple[str, ...] = ()
    origin: Origin = Origin("data/topics.yml")


@dataclass(frozen=True)
class TopicAssignment:
    """A topic given to passages (turn or paragraph ids) of one transcript."""

    transcript: str
    topic: str
    passages: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True)
class Anchor:
    """A W3C TextQuoteSelector, plus optional occurrence and paragraph hints."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    occurrence: int | None = None
    paragraph: str | None = None


@dataclass(frozen=True)
class Review:
    claim: str
    rating: str
    source: int


@dataclass(frozen=True)
class Annotation:
    id: str
    transcript: str
    anchor: Anchor
    kind: AnnotationKind
    body: str
    sources: tuple[Citation, ...]
    topics: tuple[str, ...]
    author: str
    date: str
    reading: str = ""
    see_quote: str = ""
    review: Review | None = None
    status: Literal["draft", "published"] = "published"  # a draft is shown by `make serve` and left out of the published site
    reviewed_by: str = ""
    origin: Origin = Origin("data/annotations")
    body_line: int = 1
    quote_origin: Origin | None = None  # where ``anchor.quote`` is written, so anchoring problems point at the words to fix
    see_origin: Origin | None = None
    body_words: str = ""  # the body's words without markup, for excerpts: read by the loader (load/markdown_body.py)


@dataclass(frozen=True)
class Placement:
    """Where an annotation's anchor resolved: a paragraph and a span in its text."""

    annotation: str
    paragraph: str
    span: Span
    see_paragraph: str | None = None


@dataclass
class Edition:
    """Everything the renderers need, gathered before anything is written."""

    speakers: dict[str, Speaker]
    topics: dict[str, Topic]
    transcripts: list[Transcript]
    annotations: list[Annotation]
    placements: dict[str, Placement]
    assignments: list[TopicAssignment]
    publishers: dict[str, Publisher] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # the source register (register.py), by id
    repost_hosts: list[RepostHost] = field(default_factory=list)
    about: str = ""  # the About page's prose as written in data/about.md (render/sources.py adds the figures)
    history: History = field(default_factory=History)  # who changed each record and when, from git (history/)
    spellings: tuple[Variants, ...] = ()  # data/spellings.yml: search finds a passage by any spelling (spellings.py)
    drafts: list[Annotation] = field(default_factory=list)  # left out of a published edition, still counted on Coverage
