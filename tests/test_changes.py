"""The Changes page and changes.xml (history/changes.py, render/changes.py, export/atom.py)."""

from __future__ import annotations

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
