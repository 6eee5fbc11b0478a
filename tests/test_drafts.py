"""Editorial status: a draft note is shown by `make serve`, left out of the published site, counted by `make check`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from build_scripts.generate import run_generation

Cli = Callable[..., subprocess.CompletedProcess[str]]
SEED = "xinjiang-2020-06-19"
TERMS = "data/annotations/terms.yml"


def mark(project: Path, note: str, *fields: str) -> None:
    """Add ``fields`` (YAML lines) to the entry of ``note``, after its id."""
    path = project / TERMS
    text = path.read_text(encoding="utf-8")
    assert f"- id: {note}\n" in text
    path.write_text(text.replace(f"- id: {note}\n", f"- id: {note}\n" + "".join(f"  {f}\n" for f in fields), 1), encoding="utf-8")


def page(project: Path) -> str:
    return (project / "docs/transcripts" / f"{SEED}.md").read_text(encoding="utf-8")


def exported(project: Path) -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]]]:
    """Each note of the JSON export and of the Web Annotation collection, by id."""
    notes = json.loads((project / "docs/downloads" / f"{SEED}.json").read_text(encoding="utf-8"))["annotations"]
    items = json.loads((project / "docs/downloads/annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    return {n["id"]: n for n in notes}, {i["id"].rsplit("#fn:", 1)[1]: i for i in items}


def test_a_draft_is_counted_by_check_and_left_out_of_the_published_pages(project: Path, cli: Cli) -> None:
    mark(project, "term-xuar", "status: draft")
    checked = cli(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert "1 draft annotation(s) waiting for review" in checked.stdout
    assert cli(project, "generate").returncode == 0
    assert "[^term-xuar]" not in page(project) and "[^term-uygur-uyghur]" in page(project)
    assert "term-xuar" not in (project / "docs/downloads" / f"{SEED}.json").read_text(encoding="utf-8")


def test_make_serve_shows_a_draft_as_a_draft(project: Path, cli: Cli) -> None:
    mark(project, "term-xuar", "status: draft")
    run_generation(project, "salt", drafts=True)  # as the serve hook runs it
    shown = page(project)
    assert "[^term-xuar]" in shown
    note = shown[shown.index("[^term-xuar]:") :]
    assert note.split("[^", 2)[1].count("**Draft, not published.**") == 1
    notes, items = exported(project)  # the preview's exports carry the draft, marked
    assert (notes["term-xuar"]["status"], items["term-xuar"]["schema:creativeWorkStatus"]) == ("draft", "Draft")
    assert (notes["term-uygur-uyghur"]["status"], items["term-uygur-uyghur"]["schema:creativeWorkStatus"]) == ("published", "Published")
    assert cli(project, "generate").returncode == 0  # after the preview, the published tree again
    assert "[^term-xuar]" not in page(project)
    notes, items = exported(project)
    assert "term-xuar" not in notes and "term-xuar" not in items
    assert {n["status"] for n in notes.values()} == {"published"} == {i["schema:creativeWorkStatus"].lower() for i in items.values()}


def test_a_published_note_names_its_reviewer(project: Path, cli: Cli) -> None:
    mark(project, "term-xuar", "status: published", "reviewed_by: Rita Reviewer")
    assert cli(project, "generate").returncode == 0
    assert "; reviewed by Rita Reviewer*" in page(project)
    assert "Draft" not in page(project)
    notes, _ = exported(project)
    assert (notes["term-xuar"]["status"], notes["term-xuar"]["reviewed_by"]) == ("published", "Rita Reviewer")
    assert notes["term-uygur-uyghur"]["reviewed_by"] is None  # named only where the edition records a reviewer


def test_an_unknown_status_is_a_problem_at_its_line(project: Path, cli: Cli) -> None:
    mark(project, "term-xuar", "status: proposed")
    result = cli(project, "check")
    assert result.returncode == 1
    assert f"{TERMS}:4:" in result.stderr and "status" in result.stderr
