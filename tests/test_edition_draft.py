"""`python -m build_scripts init PATH`: finds the speaker labels, writes a draft, and `check` guides the rest."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import yaml

from build_scripts.edition_draft import draft
from build_scripts.parse.candidates import find_candidates

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "layouts"
Cli = Callable[..., subprocess.CompletedProcess[str]]


def place_raw(project: Path, fixture: str) -> Path:
    """Put a fixture's raw text where a contributor would, without its edition.yml."""
    folder = project / "data" / "transcripts" / fixture
    folder.mkdir()
    shutil.copy(FIXTURES / fixture / "transcript.txt", folder / "transcript.txt")
    return folder


def test_finds_every_label_of_the_seed() -> None:
    text = (ROOT / "data" / "transcripts" / "xinjiang-2020-06-19" / "transcript.txt").read_text(encoding="utf-8")
    edition = yaml.safe_load((ROOT / "data" / "transcripts" / "xinjiang-2020-06-19" / "edition.yml").read_text())
    declared = {label for p in edition["participants"] for label in p.get("labels", [])}
    found = find_candidates(text)
    assert set(found.labels) == declared  # labels split over lines and page breaks included
    assert found.labels["Moderator"] == 21 and found.turns_on_consecutive_lines == 0


def test_draft_then_check_until_nothing_is_missing(project: Path, cli: Cli) -> None:
    folder = place_raw(project, "fixture-long-lines")
    result = cli(project, "init", "data/transcripts/fixture-long-lines/transcript.txt")
    assert result.returncode == 0, result.stderr
    assert "   3  Tom Hale:" in result.stdout and "   3  Ana Ruiz:" in result.stdout

    draft = yaml.safe_load((folder / "edition.yml").read_text(encoding="utf-8"))
    assert draft["id"] == "fixture-long-lines" and draft["layout"] == {"paragraphs": "lines"}
    by_label = {p["labels"][0]: p for p in draft["participants"]}
    assert by_label["Tom Hale"]["speaker"] == "tom-hale" and by_label["Ana Ruiz"]["speaker"] == "ana-ruiz"

    check = cli(project, "check")  # the draft is incomplete on purpose: check says what to fill in
    assert check.returncode == 1
    assert "data/transcripts/fixture-long-lines/edition.yml:" in check.stderr
    for field in ("date", "place", "organiser", "source.publisher", "participants.0.role"):
        assert f" {field}: " in check.stderr, field

    # the contributor corrects the draft …
    draft.update(date="2001-01-04", place="Nowhere", organiser="Invented")
    draft["source"]["publisher"] = "Invented"
    # (the title line "Fixture: …" was also taken for a label: the contributor drops it)
    draft["participants"] = [dict(by_label["Tom Hale"], kind="outlet", role="Interviewer"), dict(by_label["Ana Ruiz"], role="Chair")]
    (folder / "edition.yml").write_text(yaml.safe_dump(draft), encoding="utf-8")
    check = cli(project, "check")
    assert check.returncode == 1
    assert "unknown speaker id 'tom-hale'" in check.stderr and "unknown speaker id 'ana-ruiz'" in check.stderr

    # … and adds the new speakers
    with (project / "data" / "speakers.yml").open("a", encoding="utf-8") as speakers:
        speakers.write(
            "- {id: tom-hale, name: Tom Hale (invented), type: person}\n- {id: ana-ruiz, name: Ana Ruiz (invented), type: person}\n"
        )
    check = cli(project, "check")
    assert check.returncode == 0, check.stderr


def test_bare_q_and_generic_labels_are_suggested(project: Path, cli: Cli) -> None:
    folder = place_raw(project, "fixture-caps-honorifics")
    assert cli(project, "init", str(folder / "transcript.txt")).returncode == 0
    draft = yaml.safe_load((folder / "edition.yml").read_text(encoding="utf-8"))
    assert draft["layout"] == {"bare_labels": ["Q"]}  # "A few…" opens a sentence once: not suggested
    assert {p["speaker"] for p in draft["participants"]} >= {"okafor", "brandt"}


def test_never_overwrites_an_edition(project: Path, cli: Cli) -> None:
    edition = project / "data" / "transcripts" / "xinjiang-2020-06-19" / "edition.yml"
    before = edition.read_bytes()
    result = cli(project, "init", "data/transcripts/xinjiang-2020-06-19/transcript.txt")
    assert result.returncode == 1
    assert "data/transcripts/xinjiang-2020-06-19/edition.yml:1:1: edition.yml already exists" in result.stderr
    assert edition.read_bytes() == before


def test_a_missing_file_is_a_problem(project: Path, cli: Cli) -> None:
    result = cli(project, "init", "data/transcripts/nothing/transcript.txt")
    assert result.returncode == 1 and "no such file" in result.stderr
    assert not (project / "data" / "transcripts" / "nothing").exists()


def draft_of(fixture: str) -> dict[str, object]:
    """The draft init writes for a fixture's raw text, read back as YAML."""
    text = (FIXTURES / fixture / "transcript.txt").read_text(encoding="utf-8")
    value: dict[str, object] = yaml.safe_load(draft(fixture, text, find_candidates(text), set()))
    return value


def kinds(value: dict[str, object]) -> dict[str, str]:
    participants = value["participants"]
    assert isinstance(participants, list)
    return {p["labels"][0]: p["kind"] for p in participants}


def test_kinds_are_guessed_from_the_labels() -> None:
    found = kinds(draft_of("fixture-background-call"))
    assert found["MODERATOR"] == "moderator" and found["OPERATOR"] == "moderator"
    assert found["SENIOR ADMINISTRATION OFFICIAL #1"] == "official"
    assert kinds(draft_of("fixture-ministry-outlets")) == {
        "Fixture Daily": "outlet",
        "AFP": "outlet",
        "Wen Li": "official",
        "Bloomberg": "outlet",
        "Fixture TV": "outlet",
        "Fixture News Agency": "outlet",
    }
    assert kinds(draft_of("fixture-floor-passes"))["DR. RUIZ"] == "official"  # honorific + surname


def test_title_and_date_come_from_front_matter_or_a_dateline_never_a_turn() -> None:
    front = draft_of("fixture-front-matter")
    assert front["title"] == "Remarks by Governor Mae Lind and Q&A on the Rail Strike" and front["date"] == "2001-06-02"
    opening = draft_of("fixture-opening-statement")
    assert opening["date"] == "2001-09-04"  # "Tuesday, 4 September 2001" under the title
    text = "Moderator: Good morning. Welcome to all of you.\n\nModerator: Thank you.\n"
    assert yaml.safe_load(draft("x", text, find_candidates(text), set()))["title"] == ""


def test_an_unlabelled_opening_and_markdown_escapes_are_proposed() -> None:
    assert draft_of("fixture-opening-statement")["layout"] == {"unlabelled_speaker": "spokesperson"}
    assert draft_of("fixture-background-call")["layout"] == {"markdown_escaped": True, "bare_labels": ["Q"]}
    assert "unlabelled_speaker" not in (draft_of("fixture-floor-passes").get("layout") or {})


def test_two_word_role_labels_and_turns_on_consecutive_lines_are_counted() -> None:
    text = (
        "Title\n\nJane Roe: Hello there.\nVoice offstage: Five minutes.\nJane Roe: Thanks.\n\n"
        "Tom Hale: Welcome. And so we\nTom Hale: go on.\n\nVoice offstage: Two minutes.\n\nJane Roe: Good.\n"
    )
    found = find_candidates(text)
    assert dict(found.labels) == {"Jane Roe": 3, "Voice offstage": 2, "Tom Hale": 2}
    once = find_candidates("Title\n\nNote that: this is prose.\n\nJane Roe: Hi.\n")
    assert "Note that" not in found.labels and list(once.labels) == ["Jane Roe"]
