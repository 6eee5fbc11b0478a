"""Find and read every data file of an edition, collecting all problems before stopping.

Loading is a table of file kinds (``KINDS``): where the files are, their schema, and what
makes their records, as Pelican registers its readers. Reading one file — YAML, schema,
records, and the safe-Markdown check of the bodies and profiles it holds — is a function of
one ``DataFile`` (its bytes, and for a transcript's files the transcript's id and text), so
it is memoised on exactly that: an edit re-reads one file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..memo import Memo
from ..model import Annotation, Speaker, Topic, TopicAssignment, TranscriptMeta
from ..problems import Problem, ProblemsFound
from ..register import Publisher, RepostHost, Source
from ..spellings import Variants
from .markdown_body import body_problems
from .records import (
    annotations_from,
    assignments_from,
    publishers_from,
    repost_hosts_from,
    sources_from,
    speakers_from,
    spellings_from,
    topics_from,
    transcript_meta_from,
)
from .schema import invalid_items, schema_problems
from .yaml_file import decode_text, parse_yaml, read_text


@dataclass(frozen=True)
class DataFile:
    """One data file: all that reading it depends on (the memo key covers exactly this)."""

    kind: str
    """Its key in ``KINDS``."""
    path: str
    """As problems name it."""
    raw: bytes
    transcript: str = ""
    """The transcript a topics.yml belongs to."""
    text: str = ""
    """The transcript beside an edition.yml."""
    text_path: str = ""


def _speakers(value: Any, root: yaml.Node, file: DataFile) -> list[Speaker]:
    return speakers_from(value, root, file.path)


def _publishers(value: Any, root: yaml.Node, file: DataFile) -> list[Publisher]:
    return publishers_from(value, root, file.path)


def _sources(value: Any, root: yaml.Node, file: DataFile) -> list[Source]:
    return sources_from(value, root, file.path)


def _repost_hosts(value: Any, root: yaml.Node, file: DataFile) -> list[RepostHost]:
    return repost_hosts_from(value, root, file.path)


def _topics(value: Any, root: yaml.Node, file: DataFile) -> list[Topic]:
    return topics_from(value, root, file.path)


def _edition(value: Any, root: yaml.Node, file: DataFile) -> list[TranscriptMeta]:
    return [transcript_meta_from(value, root, file.path, file.text, file.text_path)]


def _assignments(value: Any, root: yaml.Node, file: DataFile) -> list[TopicAssignment]:
    return assignments_from(value, root, file.path, file.transcript)


def _annotations(value: Any, root: yaml.Node, file: DataFile) -> list[Annotation]:
    return annotations_from(value, root, file.path)


@dataclass(frozen=True)
class FileKind:
    """A kind of data file: where it is, the schema it must pass, what makes its records."""

    patterns: tuple[str, ...]
    """Paths under data/, in reading order."""
    schema: str
    records: Callable[[Any, yaml.Node, DataFile], list[Any]]
    required: bool = True
    """The first pattern names a file that must exist (the source register is optional)."""
    partial: bool = False
    """Entries that pass the schema are read when others fail it (one broken annotation must
    not hide the anchoring problems of the others)."""


KINDS = {
    "speakers": FileKind(("speakers.yml", "speakers/*.y*ml"), "speakers.schema.json", _speakers),
    "publishers": FileKind(("publishers.yml", "publishers/*.y*ml"), "publishers.schema.json", _publishers, False),
    "sources": FileKind(("sources.yml", "sources/*.y*ml"), "sources.schema.json", _sources, False),
    "repost-hosts": FileKind(("repost-hosts.yml", "repost-hosts/*.y*ml"), "repost-hosts.schema.json", _repost_hosts, False),
    "topics": FileKind(("topics.yml",), "topics.schema.json", _topics),
    "spellings": FileKind(("spellings.yml",), "spellings.schema.json", lambda v, r, f: spellings_from(v, r, f.path), False),
    "edition": FileKind(("transcripts/*/edition.yml",), "edition.schema.json", _edition),
    "topic-assignments": FileKind(("transcripts/*/topics.yml",), "topic-assignments.schema.json", _assignments, False),
    "annotations": FileKind(("annotations/*.y*ml",), "annotations.schema.json", _annotations, False, partial=True),
}


@dataclass(slots=True)
class Records:
    """Everything read from data/, before parsing and anchoring."""

    speakers: list[Speaker] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    transcripts: list[TranscriptMeta] = field(default_factory=list)
    assignments: list[TopicAssignment] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    publishers: list[Publisher] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    repost_hosts: list[RepostHost] = field(default_factory=list)
    spellings: list[Variants] = field(default_factory=list)
    about: str = ""
    """The About page's prose (data/about.md), to which the build adds the edition's figures."""
    problems: list[Problem] = field(default_factory=list)


def load_records(data_dir: Path, shown_root: Path, memo: Memo | None = None) -> Records:
    """Read data_dir; problems are collected, never raised, so `check` can list them all."""
    reader = _Reader(data_dir, os.path.join(shown_root, ""), memo or Memo(None))
    records = reader.records
    records.speakers = [s for path in reader.paths("speakers") for s in reader.read("speakers", path)]
    records.publishers = [p for path in reader.paths("publishers") for p in reader.read("publishers", path)]
    records.sources = [s for path in reader.paths("sources") for s in reader.read("sources", path)]
    records.repost_hosts = [h for path in reader.paths("repost-hosts") for h in reader.read("repost-hosts", path)]
    records.topics = [t for path in reader.paths("topics") for t in reader.read("topics", path)]
    records.spellings = [v for path in reader.paths("spellings") for v in reader.read("spellings", path)]
    about = data_dir / "about.md"  # the About page's prose: Markdown, not data; the build adds figures to it
    if about.exists():
        try:
            records.about = read_text(about, reader.shown(about))
        except ProblemsFound as found:
            records.problems += found.problems
    for folder in sorted(p for p in (data_dir / "transcripts").iterdir() if p.is_dir()):
        meta = reader.transcript(folder)
        if meta is not None:
            records.transcripts.append(meta)
            if (folder / "topics.yml").exists():
                records.assignments += reader.read("topic-assignments", folder / "topics.yml", transcript=meta.id)
    records.annotations = [a for path in reader.paths("annotations") for a in reader.read("annotations", path)]
    return records


@dataclass
class _Reader:
    data_dir: Path
    prefix: str
    memo: Memo
    records: Records = field(default_factory=Records)

    def shown(self, path: Path) -> str:
        """The path as problems name it: relative to the project root when below it."""
        return str(path).removeprefix(self.prefix)

    def paths(self, kind: str) -> list[Path]:
        """The files of one kind, in reading order; a required one is listed even if missing."""
        patterns = KINDS[kind].patterns
        found = [self.data_dir / patterns[0]] if KINDS[kind].required else []
        return found + [path for pattern in patterns[len(found) :] for path in sorted(self.data_dir.glob(pattern))]

    def read(self, kind: str, path: Path, transcript: str = "", text: str = "", text_path: str = "") -> list[Any]:
        """The records of one file (none if it has problems, which go to ``records``)."""
        if not path.exists():
            self.records.problems.append(
                Problem(self.shown(path), 1, 1, "file not found", "create it; see docs/contributing.md for its format")
            )
            return []
        file = DataFile(kind, self.shown(path), path.read_bytes(), transcript, text, text_path)
        built, problems = self.memo.get("file", file, read_file)
        self.records.problems += problems
        return built or []

    def transcript(self, folder: Path) -> TranscriptMeta | None:
        """The edition.yml of one transcript folder, with the text beside it."""
        meta_path, text_path = folder / "edition.yml", folder / "transcript.txt"
        for required in (meta_path, text_path):
            if not required.exists():
                hint = "each folder in data/transcripts/ needs edition.yml and transcript.txt"
                self.records.problems.append(Problem(self.shown(folder), 1, 1, f"missing {required.name}", hint))
                return None
        try:
            text = read_text(text_path, self.shown(text_path))
        except ProblemsFound as found:
            self.records.problems += found.problems
            return None
        metas: list[TranscriptMeta] = self.read("edition", meta_path, text=text, text_path=self.shown(text_path))
        if metas and metas[0].id != folder.name:
            message = f"id '{metas[0].id}' differs from the folder name '{folder.name}'"
            self.records.problems.append(Problem(metas[0].origin.path, 1, 1, message, "make the id and the folder name the same"))
        return metas[0] if metas else None


def speaker_files(data_dir: Path) -> list[Path]:
    """data/speakers.yml, then any data/speakers/*.yml: a large edition may split its speakers."""
    return _Reader(data_dir, "", Memo(None)).paths("speakers")


def read_file(file: DataFile) -> tuple[list[Any] | None, list[Problem]]:
    """One file's records and every problem in it (syntax, schema, unsafe Markdown)."""
    kind = KINDS[file.kind]
    try:
        value, root = parse_yaml(decode_text(file.raw, file.path), file.path)
    except ProblemsFound as found:
        return None, found.problems
    problems = schema_problems(value, root, kind.schema, file.path)
    built: list[Any] | None = None
    if not problems:
        built = kind.records(value, root, file)
    elif kind.partial:  # invalid entries are blanked, keeping the others' positions
        bad = invalid_items(value, kind.schema)
        if bad is not None:
            built = kind.records([None if i in bad else item for i, item in enumerate(value)], root, file)
    return built, problems + _unsafe_markdown(built)


def _unsafe_markdown(built: list[Any] | None) -> list[Problem]:
    """Problems of the annotation bodies or speaker profiles among ``built`` records."""
    problems: list[Problem] = []
    for record in built or []:
        if isinstance(record, Annotation):
            problems += body_problems(
                record.body, record.origin.path, record.body_line, record.origin.col, f"annotation '{record.id}' body"
            )
        elif isinstance(record, Speaker):
            problems += body_problems(
                record.profile, record.origin.path, record.origin.line, record.origin.col, f"speaker '{record.id}' profile"
            )
    return problems
