"""A synthetic corpus made from the real seed, for the benchmark.

Transcript 1 is the real edition, untouched. Transcripts 2…N are copies of it with their
own id, date and title, three participants renamed to new speakers (so speaker pages grow
with N as they would in a real corpus), the seed's topic assignments, and a copy of every
real annotation pointed at the copy (same anchors, ids made unique, "(Copy n.)" opening
each body so that no two bodies are the same text). Everything is a text
edit of the real files, so the YAML the loader reads has the real shape and size.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

from tests.project_copy import copy_project

SEED = "xinjiang-2020-06-19"
RENAMED = ("xuar-press-moderator", "elijan-anayit", "xinhua")
"""Participants that get a new speaker id in every copy: a moderator, an official, an outlet."""


def copy_id(n: int) -> str:
    return f"synthetic-{n:04d}"


def make_corpus(target: Path, transcripts: int) -> Path:
    """A project copy at ``target`` holding ``transcripts`` transcripts (the seed and N-1 copies)."""
    root = copy_project(target)
    data = root / "data"
    seed_dir = data / "transcripts" / SEED
    edition = (seed_dir / "edition.yml").read_text(encoding="utf-8")
    annotation_files = sorted((data / "annotations").glob("*.yml"))
    annotation_texts = {p.stem: p.read_text(encoding="utf-8") for p in annotation_files}
    speaker_blocks = _speaker_blocks((data / "speakers.yml").read_text(encoding="utf-8"))
    for n in range(2, transcripts + 1):
        tid = copy_id(n)
        folder = data / "transcripts" / tid
        folder.mkdir()
        shutil.copy2(seed_dir / "transcript.txt", folder / "transcript.txt")
        shutil.copy2(seed_dir / "topics.yml", folder / "topics.yml")
        (folder / "edition.yml").write_text(_edition_copy(edition, tid, n), encoding="utf-8")
        for stem, text in annotation_texts.items():
            (data / "annotations" / f"{stem}-{n:04d}.yml").write_text(_annotations_copy(text, tid, n), encoding="utf-8")
        # Each copy's new speakers in a file of their own (data/speakers/), as a large edition
        # would keep them: one speakers.yml for a thousand transcripts would pass the file-size limit.
        (data / "speakers").mkdir(exist_ok=True)
        (data / "speakers" / f"{tid}.yml").write_text(
            "\n".join(_speaker_copy(speaker_blocks[speaker], speaker, n) for speaker in RENAMED), encoding="utf-8"
        )
    return root


def commit_corpus(root: Path) -> Path:
    """Put the corpus under git in two commits (all of it, then one note revised), as a real edition's
    history would be read by every build (history/git_log.py)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "benchmark@invalid",
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "benchmark@invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for command in (["init", "-q"], ["add", "data"], ["commit", "-q", "-m", "Corpus"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True)
    terms = root / "data" / "annotations" / "terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("short for", "an abbreviation of", 1), encoding="utf-8")
    subprocess.run(["git", "commit", "-q", "-a", "-m", "One note revised"], cwd=root, env=env, check=True)
    return root


def _edition_copy(text: str, tid: str, n: int) -> str:
    day = date(2020, 6, 19) + timedelta(days=n)
    text = _replace_once(text, rf"^id: {SEED}$", f"id: {tid}")
    text = _replace_once(text, r'^date: "2020-06-19"$', f'date: "{day.isoformat()}"')
    text = _replace_once(text, r"^title: (.*)$", rf"title: \1 (synthetic copy {n})")
    for speaker in RENAMED:
        text = _replace_once(text, rf"^  - speaker: {speaker}$", f"  - speaker: {speaker}-{n:04d}")
    return text


def _annotations_copy(text: str, tid: str, n: int) -> str:
    copied, ids = re.subn(r"^- id: (\S+)$", rf"- id: \1-{n:04d}", text, flags=re.M)
    copied, pointed = re.subn(rf"^  transcript: {SEED}$", f"  transcript: {tid}", copied, flags=re.M)
    # Each copy's bodies get their own words, so that no cache keyed on text can flatter the figures.
    copied, bodies = re.subn(r"^(  body: \|\n    )", rf"\1(Copy {n}.) ", copied, flags=re.M)
    if not ids == pointed == bodies:
        raise ValueError(f"annotation file layout changed: {ids} ids, {pointed} transcript fields, {bodies} block bodies")
    return copied


def _speaker_blocks(text: str) -> dict[str, str]:
    """Each '- id: …' entry of speakers.yml as text, keyed by id."""
    blocks = re.split(r"^(?=- id: )", text, flags=re.M)[1:]
    return {re.match(r"- id: (\S+)", block).group(1): block.rstrip() + "\n" for block in blocks}  # type: ignore[union-attr]


def _speaker_copy(block: str, speaker: str, n: int) -> str:
    block = _replace_once(block, rf"^- id: {speaker}$", f"- id: {speaker}-{n:04d}")
    return _replace_once(block, r"^  name: (.*)$", rf"  name: \1 {n}")


def _replace_once(text: str, pattern: str, replacement: str) -> str:
    result, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"seed layout changed: {pattern!r} not found")
    return result


def annotation_count(root: Path) -> int:
    return sum(
        len(re.findall(r"^- id: ", p.read_text(encoding="utf-8"), flags=re.M)) for p in (root / "data" / "annotations").glob("*.yml")
    )


def transcript_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "data" / "transcripts").glob("*/transcript.txt"))
