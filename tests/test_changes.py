"""The Changes page and changes.xml (history/changes.py, render/changes.py, export/atom.py)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.history_repo import BOB, REVISION, commit_all, two_authors

Cli = Callable[..., subprocess.CompletedProcess[str]]
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "atom.rng")))


def valid_atom(data: bytes) -> etree._ElementTree:
    """The feed parsed strictly (no recovery, no entities) and valid against Atom's RELAX NG schema."""
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    tree = etree.ElementTree(etree.fromstring(data, parser))
    assert SCHEMA.validate(tree), SCHEMA.error_log
    return tree


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project under git whose history has one revision of a published note, generated."""
    from tests.conftest import run_cli
    from tests.project_copy import copy_project

    root = two_authors(copy_project(tmp_path_factory.mktemp("changes") / "project"))
    result = run_cli(root, "generate")
    assert result.returncode == 0, result.stderr
    return root


def test_the_changes_page_lists_the_revision(generated: Path) -> None:
    page = (generated / "docs/changes.md").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if "#fn:term-xuar" in line)
    assert line.startswith("- **Note revised (body)**")
    assert "(transcripts/xinjiang-2020-06-19.md#fn:term-xuar)" in line and "(¶ " in line
    assert REVISION in line and "by Bob Reviewer" in line
    assert "## 3 December 2026" in page
    assert page.count("#fn:") == 1  # the first publication of every other note is not a change


def test_changes_xml_is_valid_atom_and_lists_the_revision(generated: Path) -> None:
    feed = valid_atom((generated / "docs/changes.xml").read_bytes()).getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}updated") == "2026-12-03T09:30:00Z" == feed.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == BOB[0]
    assert entry.find(f"{ATOM}link").get("href").endswith("/transcripts/xinjiang-2020-06-19/#fn:term-xuar")
    assert entry.findtext(f"{ATOM}summary") == f"{REVISION} (pull request #12)"
    assert BOB[1] not in (generated / "docs/changes.xml").read_text(encoding="utf-8")


def test_newest_first_and_a_profile_change_is_listed(generated: Path, cli: Cli) -> None:
    speakers = generated / "data/speakers.yml"
    speakers.write_text(
        speakers.read_text(encoding="utf-8").replace(
            "The moderator of the press conference is not named", "The moderator of this press conference is not named", 1
        ),
        encoding="utf-8",
    )
    commit_all(generated, "Moderator profile: this press conference", who=BOB, when="2026-12-10T08:00:00Z")
    assert cli(generated, "generate").returncode == 0
    entries = valid_atom((generated / "docs/changes.xml").read_bytes()).getroot().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title").split(":")[0] for e in entries] == ["Profile revised (profile)", "Note revised (body)"]


def test_the_schema_refuses_a_feed_without_updated() -> None:
    broken = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>https://x.example/</id></feed>'
    with pytest.raises(AssertionError):
        valid_atom(broken)


CORRECTIONS = "data/annotations/corrections.yml"
EDITION = "data/transcripts/xinjiang-2020-06-19/edition.yml"


def _remove_entry(path: Path, entry_id: str) -> None:
    """Cut the list item ``- id: entry_id`` (up to the next item) out of a data file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {entry_id}\n")
    end = text.index("\n- id: ", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def test_a_removed_note_and_a_metadata_change_are_listed(project: Path, cli: Cli) -> None:
    root = two_authors(project)
    _remove_entry(root / CORRECTIONS, "correction-have-will")
    commit_all(root, "Drop the have-will note: the reading is not an error (#31)", who=BOB, when="2026-12-12T08:00:00Z")
    edition = root / EDITION
    edition.write_text(
        edition.read_text(encoding="utf-8").replace("joins\n    the page breaks.", "joins\n    the page breaks (unchanged)."),
        encoding="utf-8",
    )
    commit_all(root, "Transcript's note: the page breaks are joined unchanged", when="2026-12-14T08:00:00Z")
    result = cli(root, "generate")
    assert result.returncode == 0, result.stderr
    page = (root / "docs/changes.md").read_text(encoding="utf-8")
    removed = next(line for line in page.splitlines() if "have will be" in line)
    assert removed.startswith("- **Note removed**: “families with zero-employment have will be responded to” (in The 10th Press")
    assert "Drop the have-will note" in removed and "(pull request #31)" in removed and "by Bob Reviewer" in removed
    metadata = next(line for line in page.splitlines() if "page breaks are joined" in line)
    assert metadata.startswith("- **Transcript metadata revised (source)**: [The 10th Press Conference")
    assert page.index("## 14 December 2026") < page.index("## 12 December 2026") < page.index("## 3 December 2026")
    entries = valid_atom((root / "docs/changes.xml").read_bytes()).getroot().findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles[0].startswith("Transcript metadata revised (source): The 10th Press Conference")
    assert titles[1].startswith("Note removed: “families with zero-employment have will be responded to”")
    assert entries[1].find(f"{ATOM}link").get("href").endswith("/changes/")
    assert entries[1].findtext(f"{ATOM}updated") == "2026-12-12T08:00:00Z"


def test_a_removed_draft_is_not_listed(project: Path, cli: Cli) -> None:
    """A draft was never published: taking it out is no correction."""
    root = two_authors(project)
    path = root / CORRECTIONS
    path.write_text(
        path.read_text(encoding="utf-8").replace("  kind: correction\n", "  kind: correction\n  status: draft\n", 1), encoding="utf-8"
    )
    commit_all(root, "First correction back to draft", when="2026-12-10T08:00:00Z")
    first = re.search(r"^- id: (\S+)", path.read_text(encoding="utf-8"), re.M)
    assert first is not None
    _remove_entry(path, first[1])
    commit_all(root, "Drop the draft", when="2026-12-11T08:00:00Z")
    assert cli(root, "generate").returncode == 0
    page = (root / "docs/changes.md").read_text(encoding="utf-8")
    assert "Drop the draft" not in page and "**Note removed**" not in page
