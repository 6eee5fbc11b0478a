"""Coverage for contributors (build_scripts/coverage.py, render/coverage.py, `make coverage`)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from build_scripts.coverage import all_drafts, coverage
from build_scripts.generate import checked_edition
from build_scripts.resolve import build_indexes

Cli = Callable[..., subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parent.parent
TERMS = "data/annotations/terms.yml"


def test_questions_and_turns_without_notes_are_found() -> None:
    edition = checked_edition(ROOT / "data", ROOT)
    noted = coverage(edition, build_indexes(edition), [])
    questions = sum(len(t.questions) for t in edition.transcripts)
    edition.annotations = []  # the same transcripts with no note at all
    bare = coverage(edition, build_indexes(edition), [])
    assert len(bare[0].items) == questions > len(noted[0].items)
    spoken = sum(1 for t in edition.transcripts for turn in t.turns if turn.kind != "narration")
    assert len(bare[1].items) == spoken > len(noted[1].items)
    assert all(item.page and re.fullmatch(r"[tq]\d+", item.anchor) for item in bare[0].items + bare[1].items)
    assert [g.text for g in bare[2].items] == [
        "Claims: 0",
        "Context: 0",
        "Terms: 0",
        "Transcription notes: 0",
        "Persons: 0",
        "Cross-references: 0",
    ]


def test_the_page_and_the_terminal_say_the_same(project: Path, cli: Cli) -> None:
    path = project / TERMS
    path.write_text(
        path.read_text(encoding="utf-8").replace("- id: term-xuar\n", "- id: term-xuar\n  status: draft\n", 1), encoding="utf-8"
    )
    assert cli(project, "generate").returncode == 0
    page = (project / "docs/coverage.md").read_text(encoding="utf-8")
    assert '"search": {"exclude": true}' in page.replace("search: ", '"search": ')
    printed = cli(project, "coverage")
    assert printed.returncode == 0, printed.stderr
    headings = [line for line in printed.stdout.splitlines() if not line.startswith("  - ")]
    assert headings[-1] == "Drafts waiting for review (1)"
    assert [f"## {h}" for h in headings] == re.findall(r"^## .*$", page, re.M)
    items = [line[4:] for line in printed.stdout.splitlines() if line.startswith("  - ")]
    listed = re.findall(r"^- (?:\[)?(.*?)(?:\]\(.*\))?$", page, re.M)
    assert len(items) == len(listed) and "term-xuar (term, data/annotations/terms.yml:3)" in items
    assert "term-xuar (term, data/annotations/terms.yml:3)" in page


def test_drafts_are_counted_whether_left_out_or_shown(project: Path) -> None:
    edition = checked_edition(project / "data", project)
    draft = edition.annotations[0]
    edition.annotations[0] = type(draft)(**{**draft.__dict__, "status": "draft"})
    assert [a.id for a in all_drafts(edition)] == [draft.id]
