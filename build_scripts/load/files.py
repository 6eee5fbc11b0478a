"""Find and read every data file of an edition, collecting all problems before stopping.

Reading one file — YAML, schema, records, and the safe-Markdown check of the bodies and
profiles it holds — depends on that file's bytes alone (and, for edition.yml, on the
transcript beside it), so its result is memoised on them: an edit re-reads one file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..memo import Memo
from ..model import Annotation, Speaker, Topic, TopicAssignment, TranscriptMeta
from ..problems import Problem, ProblemsFound
from ..register import Publisher, RepostHost, Source
from .markdown_body import body_problems
from .records import (
    annotations_from,
    assignments_from,
    publishers_from,
    repost_hosts_from,
    sources_from,
    speakers_from,
    topics_from,
    transcript_meta_from,
)
from .schema import invalid_items, schema_problems
from .yaml_file import decode_text, parse_yaml, read_text

T = TypeVar("T")


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
    problems: list[Problem] = field(default_factory=list)
    file_keys: dict[str, str] = field(default_factory=dict)
    """The memo key of each file read (a digest of its path, its bytes, what else its records
    depend on, and the generator's code), by path: later steps are keyed on these."""


def load_records(data_dir: Path, shown_root: Path, memo: Memo | None = None) -> Records:
    """Read data_dir; problems are collected, never raised, so `check` can list them all."""
    records = Records()
    memo = memo or Memo(None)

    prefix = os.path.join(shown_root, "")

    def shown(path: Path) -> str:
        """The path as problems name it: relative to ``shown_root`` when below it."""
        return str(path).removeprefix(prefix)

    def read(path: Path, schema: str, build: Callable[[Any, yaml.Node, str], T], also: bytes = b"") -> T | None:
        """The records ``build`` makes of one file, or None; its problems go to ``records``.

        ``also`` is any other input ``build`` depends on (the transcript beside edition.yml).
        """
        if not path.exists():
            records.problems.append(Problem(shown(path), 1, 1, "file not found",
                                            "create it; see docs/contributing.md for its format"))
            return None
        raw = path.read_bytes()  # read once: what is checked is exactly what the key says
        name = shown(path)
        key = memo.key(name, schema, raw, also)
        records.file_keys[name] = key
        value, problems = memo.get("file", key, lambda: _read_file(raw, name, schema, build))
        records.problems.extend(problems)
        return value

    for speakers_file in speaker_files(data_dir):
        records.speakers += read(speakers_file, "speakers.schema.json", speakers_from) or []
    # The register is optional (an edition without sources has none); its files are read when present.
    for path in register_files(data_dir, "publishers"):
        records.publishers += read(path, "publishers.schema.json", publishers_from) or []
    for path in register_files(data_dir, "sources"):
        records.sources += read(path, "sources.schema.json", sources_from) or []
    for path in register_files(data_dir, "repost-hosts"):
        records.repost_hosts += read(path, "repost-hosts.schema.json", repost_hosts_from) or []
    records.topics = read(data_dir / "topics.yml", "topics.schema.json", topics_from) or []
    for folder in sorted(p for p in (data_dir / "transcripts").iterdir() if p.is_dir()):
        meta = _read_transcript(folder, shown, records, read)
        if meta is None:
            continue
        records.transcripts.append(meta)
        topics_file = folder / "topics.yml"
        if topics_file.exists():
            def build(v: Any, r: yaml.Node, s: str, tid: str = meta.id) -> list[TopicAssignment]:
                return assignments_from(v, r, s, tid)
            records.assignments += read(topics_file, "topic-assignments.schema.json", build, meta.id.encode()) or []
    for path in sorted((data_dir / "annotations").glob("*.y*ml")):
        records.annotations += read(path, "annotations.schema.json", annotations_from) or []
    return records


def _read_transcript(folder: Path, shown: Callable[[Path], str], records: Records,
                     read: Callable[..., Any]) -> TranscriptMeta | None:
    meta_path, text_path = folder / "edition.yml", folder / "transcript.txt"
    for required in (meta_path, text_path):
        if not required.exists():
            records.problems.append(Problem(shown(folder), 1, 1, f"missing {required.name}",
                                            "each folder in data/transcripts/ needs edition.yml and transcript.txt"))
            return None
    try:
        text = read_text(text_path, shown(text_path))
    except ProblemsFound as found:
        records.problems.extend(found.problems)
        return None

    def build(value: Any, root: yaml.Node, shown_meta: str) -> TranscriptMeta:
        return transcript_meta_from(value, root, shown_meta, text, shown(text_path))

    also = f"{shown(text_path)}\0{text}".encode()
    meta: TranscriptMeta | None = read(meta_path, "edition.schema.json", build, also)
    if meta is not None and meta.id != folder.name:
        records.problems.append(Problem(meta.origin.path, 1, 1, f"id '{meta.id}' differs from the folder name '{folder.name}'",
                                        "make the id and the folder name the same"))
    return meta


def speaker_files(data_dir: Path) -> list[Path]:
    """data/speakers.yml, then any data/speakers/*.yml: a large edition may split its speakers."""
    return [data_dir / "speakers.yml", *sorted((data_dir / "speakers").glob("*.y*ml"))]


def register_files(data_dir: Path, name: str) -> list[Path]:
    """data/<name>.yml if it exists, then any data/<name>/*.yml (publishers, sources, repost-hosts)."""
    single = data_dir / f"{name}.yml"
    return [single] * single.exists() + sorted((data_dir / name).glob("*.y*ml"))


def _read_file(raw: bytes, shown: str, schema: str, build: Callable[[Any, yaml.Node, str], T]) -> tuple[T | None, list[Problem]]:
    """One file's records and every problem in it (syntax, schema, unsafe Markdown)."""
    try:
        value, root = parse_yaml(decode_text(raw, shown), shown)
    except ProblemsFound as found:
        return None, found.problems
    problems = schema_problems(value, root, schema, shown)
    built: T | None = None
    if not problems:
        built = build(value, root, shown)
    elif schema == "annotations.schema.json":
        # One broken annotation must not hide the anchoring problems of the others:
        # the valid entries go on to be checked (invalid ones are blanked, keeping positions).
        bad = invalid_items(value, schema)
        if bad is not None:
            built = build([None if i in bad else item for i, item in enumerate(value)], root, shown)
    return built, problems + _unsafe_markdown(built)


def _unsafe_markdown(built: object) -> list[Problem]:
    """Problems of the annotation bodies or speaker profiles among ``built`` records."""
    problems: list[Problem] = []
    for record in built if isinstance(built, list) else []:
        if isinstance(record, Annotation):
            problems += body_problems(record.body, record.origin.path, record.body_line,
                                      record.origin.col, f"annotation '{record.id}' body")
        elif isinstance(record, Speaker):
            problems += body_problems(record.profile, record.origin.path, record.origin.line,
                                      record.origin.col, f"speaker '{record.id}' profile")
    return problems
