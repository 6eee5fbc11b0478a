"""``python -m build_scripts init PATH``: a draft edition.yml for a raw transcript.

Reads the transcript, finds what look like speaker labels (with how many turns each opens)
and writes a draft edition.yml beside it. The draft is meant to fail `make check` until a
person has filled in what cannot be guessed: date, place, organiser, publisher, each
participant's kind and role, and an entry in data/speakers.yml for each new speaker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .draft_guesses import guess_date, guess_kind, guess_title, markdown_escapes, unlabelled_opening
from .load.files import speaker_files
from .load.yaml_file import read_text, read_yaml
from .parse.candidates import Candidates, find_candidates
from .parse.labels import label_key
from .problems import Problem, ProblemsFound


def init_transcript(path: Path, shown: str, speakers_file: Path | None) -> tuple[Path, Candidates]:
    """Write ``edition.yml`` beside ``path``; refuse to overwrite one. Returns the file and what was found."""
    target = path.parent / "edition.yml"
    if not path.is_file():
        raise ProblemsFound([Problem(shown, 1, 1, "no such file", "give the path of the raw transcript.txt")])
    if target.exists():
        raise ProblemsFound(
            [
                Problem(
                    str(Path(shown).parent / "edition.yml"),
                    1,
                    1,
                    "edition.yml already exists",
                    "init only writes a first draft; edit the existing file instead",
                )
            ]
        )
    text = read_text(path, shown)
    found = find_candidates(text)
    known = _known_speakers(speakers_file)
    target.write_text(draft(path.parent.name, text, found, known), encoding="utf-8")
    return target, found


def report_init(path: Path, root: Path) -> None:
    """The ``init`` command: write the draft, then say what was found and what to do next."""
    shown = str(path.resolve().relative_to(root)) if path.resolve().is_relative_to(root) else str(path)
    target, found = init_transcript(path, shown, root / "data" / "speakers.yml")
    print(f"{Path(shown).parent / target.name}: draft written")
    for label, count in found.labels.most_common():
        print(f"  {count:4}  {label}:")
    for label, count in found.bare.most_common():
        print(f"  {count:4}  {label} (no colon)")
    print("Correct the draft (kinds, roles, names), add new speakers to data/speakers.yml, then run `make check`.")


def draft(folder_name: str, text: str, found: Candidates, known: set[str]) -> str:
    """The draft edition.yml, as text with comments that say what to check."""
    title = guess_title(text, found)
    transcript_id = folder_name if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", folder_name) else slug(title) or "new-transcript"
    out = [
        "# DRAFT written by `python -m build_scripts init`: correct it, then run `make check` until it",
        "# reports no problem. Every field is explained in docs/adding-a-transcript.md.",
        "# yaml-language-server: $schema=../../../schemas/edition.schema.json",
        f"id: {transcript_id}",
        f"title: {_q(title)}   # the heading of the text (or its front matter's title); shorten or correct it",
        f"date: {_q(guess_date(text) or 'YYYY-MM-DD')}   # the day the event took place (guessed from a dateline)",
        'place: ""        # where it took place',
        'organiser: ""    # who held the event',
        "language: en",
        "source:",
        '  publisher: ""  # who published this text',
        "  url: null      # where it was published, if online",
        "participants:",
    ]
    by_id: dict[str, list[str]] = {}
    for label in found.speakers():  # "MR. SMITH" and "Smith" are one speaker with two labels
        by_id.setdefault(slug(_without_title(label)) or "speaker", []).append(label)
    if not by_id:
        out.append("  # no speaker labels were found: add every speaker by hand")
    for speaker_id, labels in by_id.items():
        kind = guess_kind(labels[0])
        note = "" if speaker_id in known else "   # new: add an entry with this id to data/speakers.yml"
        turns = sum(found.labels[label] for label in labels)
        out += [
            f"  - speaker: {speaker_id}{note}",
            f"    kind: {kind}   # moderator, official, guest or outlet (who asks questions)",
            '    role: ""       # title or role as the text states it',
            f"    labels: [{', '.join(_q(label) for label in labels)}]   # open {turns} turn(s)",
            "    # names: [Full Name]   # add the spelled-out name if the moderator hands over to it",
        ]
    officials = [speaker_id for speaker_id, labels in by_id.items() if guess_kind(labels[0]) == "official"]
    sole = officials[0] if len(officials) == 1 and unlabelled_opening(text, found) else None
    out += _layout(found, sole, markdown_escapes(text))
    return "\n".join(out) + "\n"


def _layout(found: Candidates, opening_speaker: str | None, escapes: int) -> list[str]:
    lines = []
    if opening_speaker:
        lines.append(
            f"  unlabelled_speaker: {opening_speaker}   # speaks the text before the first label; remove if that text is narration"
        )
    if escapes >= 3:
        lines.append(f"  markdown_escaped: true   # {escapes} Markdown escapes (\\[, \\*) found: the text was saved from Markdown source")
    generic = found.generic()
    if generic:
        lines.append(
            f"  # generic labels found: {', '.join(f'{g} ({found.labels[g]})' for g in generic)} "
            "(Q/Question and A/Answer are understood by default)"
        )
    bare = [label for label, count in found.bare.items() if count >= 2]
    if bare:
        lines.append(
            f"  bare_labels: [{', '.join(_q(b) for b in bare)}]   # labels written without a colon; remove if these are ordinary words"
        )
    if found.turns_on_consecutive_lines:
        lines.append(
            f"  paragraphs: lines   # {found.turns_on_consecutive_lines} turn(s) start on the line after "
            "another, with no blank line between"
        )
    if all(line.lstrip().startswith("#") for line in lines):
        return [line.lstrip() for line in lines]  # a "layout:" with only comments would be null, not a mapping
    return ["layout:", *lines]


def slug(text: str) -> str:
    """Lowercase words joined by hyphens: a speaker or transcript id."""
    return "-".join(re.findall(r"[a-z0-9]+", label_key(text).replace("’", "").replace("'", "")))[:60].strip("-")


def _without_title(label: str) -> str:
    """'Reporter from Xinhua News Agency' → 'Xinhua News Agency': the outlet names the speaker."""
    return re.sub(r"^(?:reporter|journalist|correspondent)\s+(?:from|of|with)\s+", "", label, flags=re.I)


def _known_speakers(speakers_file: Path | None) -> set[str]:
    """Ids in data/speakers.yml and data/speakers/*.yml, so the draft can say which speakers
    are new (those of a file that cannot be read are left out)."""
    if speakers_file is None:
        return set()
    known: set[str] = set()
    for path in [speakers_file, *speaker_files(speakers_file.parent)[1:]]:
        try:
            value, _ = read_yaml(path, str(path))
        except (ProblemsFound, OSError):
            continue
        if isinstance(value, list):
            known |= {item["id"] for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)}
    return known


def _q(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
