"""Provenance from git (build_scripts/history/): a temporary repository with commits by two authors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts.history.entries import entries_of, read_history, replayed
from build_scripts.history.git_log import read_log
from tests.history_repo import ALICE, BOB, REVISION, TERMS, commit_all, git, two_authors

Cli = Callable[..., subprocess.CompletedProcess[str]]
SEED = "xinjiang-2020-06-19"
NOTICE = "history: "


@pytest.fixture
def repository(project: Path) -> Path:
    """The project copy with two commits: Alice's whole edition, then Bob's revision of term-xuar."""
    return two_authors(project)


def test_created_modified_contributors_and_history(repository: Path) -> None:
    history = read_history(repository, "https://example.org/repo")
    assert history.missing == ""
    revised = history.of("annotation", "term-xuar")
    assert revised is not None
    assert [c.author for c in revised.changes] == ["Alice Annotator", "Bob Reviewer"]
    assert revised.created.date == "2026-11-27" and revised.modified is not None and revised.modified.date == "2026-12-03"
    assert revised.contributors == ("Alice Annotator", "Bob Reviewer")
    assert revised.modified.summary == REVISION
    assert revised.fields[-1] == ("body",)
    assert revised.modified.pull_request == 12
    assert history.commit_url(revised.modified) == f"https://example.org/repo/commit/{revised.modified.commit}"
    untouched = history.of("annotation", "term-uygur-uyghur")  # the next entry in the same file
    assert untouched is not None and untouched.modified is None and untouched.contributors == ("Alice Annotator",)


def test_a_record_is_found_for_every_entry(repository: Path) -> None:
    history = read_history(repository)
    ids = set(re.findall(r"^- id: ([a-z0-9-]+)", (repository / TERMS).read_text(encoding="utf-8"), re.M))
    assert ids and all(history.of("annotation", i) is not None for i in ids)
    assert history.of("transcript", SEED) is not None
    assert history.of("speaker", "elijan-anayit") is not None


def test_replaying_the_log_rebuilds_every_file(repository: Path) -> None:
    shutil.copy(repository / TERMS, repository / "data/annotations/copy.yml")
    (repository / "data/annotations/copy.yml").write_text(
        "--- not yaml, a line a diff could mistake\n++ x\n" + (repository / TERMS).read_text(encoding="utf-8")
    )
    commit_all(repository, "A copy", when="2026-12-04T00:00:00Z")
    (repository / "data/annotations/copy.yml").write_text((repository / TERMS).read_text(encoding="utf-8")[40:])
    commit_all(repository, "Cut", when="2026-12-05T00:00:00Z")
    files: dict[str, list[str]] = {}
    for commit in read_log(repository):
        for edit in commit.edits:
            files[edit.path] = replayed(files.get(edit.path, []), edit)
    for path, lines in files.items():
        assert "\n".join(lines) + "\n" == git(repository, "show", f"HEAD:{path}"), path


def test_an_entry_moved_unchanged_to_another_file_is_not_a_change(repository: Path) -> None:
    text = (repository / TERMS).read_text(encoding="utf-8")
    first = entries_of(TERMS, text.splitlines())[("annotation", "term-xuar")]
    (repository / TERMS).write_text(text.replace(first + "\n", ""), encoding="utf-8")
    (repository / "data/annotations/moved.yml").write_text(first + "\n", encoding="utf-8")
    commit_all(repository, "Move term-xuar", who=BOB, when="2026-12-06T00:00:00Z")
    moved = read_history(repository).of("annotation", "term-xuar")
    assert moved is not None and [c.summary for c in moved.changes][-1] != "Move term-xuar"


def test_the_site_shows_and_exports_the_history(repository: Path, cli: Cli) -> None:
    result = cli(repository, "build")
    assert result.returncode == 0, result.stderr
    assert NOTICE not in result.stderr
    page = (repository / "site/transcripts" / SEED / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "Added 27 November 2026 by Alice Annotator and Bob Reviewer; revised 3 December 2026 (body)" in text
    assert re.search(r"Added 27 November 2026 by Alice Annotator\s*·", text)  # a note Bob did not touch
    # The note's own history: each date links to its commit, not to the history of the file holding every note.
    bob = git(repository, "rev-parse", "HEAD").strip()
    revised = (
        f'<a class="annotation-commit" href="https://github.com/annotated-editions/transcripts/commit/{bob}">3 December 2026</a> (body)'
    )
    assert page.count(revised) == 1 and "/commits/main/" not in page
    export = json.loads((repository / "site/downloads" / f"{SEED}.json").read_text(encoding="utf-8"))
    note = next(a for a in export["annotations"] if a["id"] == "term-xuar")
    assert (note["created"], note["modified"], note["contributors"]) == ("2026-11-27", "2026-12-03", ["Alice Annotator", "Bob Reviewer"])
    assert [(h["author"], h["date"], h["pull_request"]) for h in note["history"]] == [
        ("Alice Annotator", "2026-11-27", None),
        ("Bob Reviewer", "2026-12-03", 12),
    ]
    items = json.loads((repository / "site/downloads/annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    web = next(i for i in items if i["id"].endswith("#fn:term-xuar"))
    assert web["creator"] == [{"type": "Person", "name": "Alice Annotator"}, {"type": "Person", "name": "Bob Reviewer"}]
    assert (web["created"], web["modified"]) == ("2026-11-27T10:00:00Z", "2026-12-03T09:30:00Z")
    for path in (repository / "site").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for address in (ALICE[1], BOB[1], "example.org", "example.net"):
                assert address.encode() not in content, (path, address)


def test_a_new_commit_changes_the_generated_pages(repository: Path, cli: Cli) -> None:
    assert cli(repository, "generate").returncode == 0
    # The same files, a different history: Bob's commit is now Carol's.
    git(
        repository,
        "commit",
        "-q",
        "--amend",
        "--no-edit",
        "--reset-author",
        who=("Carol Corrector", "c@example.com"),
        when="2026-12-03T09:30:00Z",
    )
    result = cli(repository, "generate")
    assert result.returncode == 0 and "up to date" not in result.stdout
    page = (repository / "docs/transcripts" / f"{SEED}.md").read_text(encoding="utf-8")
    assert "by Alice Annotator and Carol Corrector; revised [3 December 2026](" in page


def test_same_commit_same_bytes(repository: Path, cli: Cli) -> None:
    assert cli(repository, "generate").returncode == 0
    first = (repository / "docs/downloads" / f"{SEED}.json").read_bytes()
    shutil.rmtree(repository / ".build-cache")
    (repository / "docs/downloads" / f"{SEED}.json").unlink()
    assert cli(repository, "generate").returncode == 0
    assert (repository / "docs/downloads" / f"{SEED}.json").read_bytes() == first


def test_without_git_the_build_says_so_once_and_credits_the_fields(project: Path, cli: Cli) -> None:
    result = cli(project, "generate")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(NOTICE) == 1 and "no .git" in result.stderr
    export = json.loads((project / "docs/downloads" / f"{SEED}.json").read_text(encoding="utf-8"))
    note = next(a for a in export["annotations"] if a["id"] == "term-xuar")
    assert (note["created"], note["modified"], note["contributors"], note["history"]) == (note["date"], None, [note["author"]], [])
    page = (project / "docs/transcripts" / f"{SEED}.md").read_text(encoding="utf-8")
    assert f"Added 27 November 2026 by {note['author']}*" in page and "annotation-commit" not in page


def test_a_shallow_clone_falls_back(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True)
    history = read_history(clone)
    assert "shallow" in history.missing and history.records == {}
