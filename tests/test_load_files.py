"""load/files.py: every data file found and read; problems collected, never raised."""

from __future__ import annotations

from pathlib import Path

from build_scripts.load.files import load_records

GOOD = """\
- id: good-one
  transcript: xinjiang-2020-06-19
  anchor:
    quote: "policy of America Fist"
  kind: correction
  body: A note.
  author: Tester
  date: "2026-11-27"
"""
BROKEN = """\
- id: broken-one
  transcript: xinjiang-2020-06-19
  anchor:
    quote: "ping pang"
  kind: correction
  body: A note.
  author: Tester
  date: 2026-11-27
"""


def test_a_broken_annotation_does_not_hide_the_others(project: Path) -> None:
    (project / "data" / "annotations" / "mine.yml").write_text(BROKEN + GOOD, encoding="utf-8")
    records = load_records(project / "data", project)
    mine = [a for a in records.annotations if a.origin.path == "data/annotations/mine.yml"]
    assert [(a.id, a.origin.line) for a in mine] == [("good-one", 9)]
    assert [(p.path, p.line, p.col) for p in records.problems] == [("data/annotations/mine.yml", 8, 9)]


def test_a_file_that_is_not_a_list_builds_nothing(project: Path) -> None:
    (project / "data" / "annotations" / "mine.yml").write_text("id: x\nkind: context\n", encoding="utf-8")
    records = load_records(project / "data", project)
    assert not [a for a in records.annotations if a.origin.path == "data/annotations/mine.yml"]
    assert [p.line for p in records.problems if p.path == "data/annotations/mine.yml"] == [1]


def test_missing_vocabulary_file_is_a_problem(project: Path) -> None:
    (project / "data" / "topics.yml").unlink()
    records = load_records(project / "data", project)
    assert any(p.path == "data/topics.yml" and p.message == "file not found" for p in records.problems)


def test_a_bad_layout_option_is_reported_where_it_is_written(project: Path) -> None:
    from build_scripts.check import assemble

    edition = project / "data" / "transcripts" / "xinjiang-2020-06-19" / "edition.yml"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text + "layout:\n  note_patterns:\n    - 'Please watch'\n    - '(unclosed'\n", encoding="utf-8")
    line = len(text.splitlines()) + 4
    _, problems = assemble(project / "data", project)
    assert [(p.path, p.line, p.col) for p in problems] == [("data/transcripts/xinjiang-2020-06-19/edition.yml", line, 7)]
    assert problems[0].message.startswith("layout.note_patterns.1: '(unclosed' is not a valid regular expression")


def test_speakers_may_be_split_into_files_in_a_folder(project: Path) -> None:
    from build_scripts.check import assemble

    folder = project / "data" / "speakers"
    folder.mkdir()
    (folder / "more.yml").write_text(
        "- id: extra-person\n  name: Extra Person\n  type: person\n- id: xinhua\n  name: Xinhua, again\n  type: organisation\n",
        encoding="utf-8",
    )
    records = load_records(project / "data", project)
    assert [(s.id, s.origin.path, s.origin.line) for s in records.speakers if s.id == "extra-person"] == [
        ("extra-person", "data/speakers/more.yml", 1)
    ]
    _, problems = assemble(project / "data", project)
    assert [(p.path, p.line, p.message.split(" (")[0]) for p in problems] == [
        ("data/speakers/more.yml", 4, "duplicate speaker id 'xinhua'")
    ]
