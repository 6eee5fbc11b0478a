"""Incremental generation: the stamp in build_scripts/stamp.py and what a re-run rewrites."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts import stamp

Cli = Callable[..., subprocess.CompletedProcess[str]]
EDITED_ID = "term-community-corrections"
"""An annotation of data/annotations/centres.yml on the seed transcript, topics: vocational-training-centres, counterterrorism."""


def generated(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every generated file: (mtime in ns, content)."""
    manifest = json.loads((root / "docs" / ".generated.json").read_text(encoding="utf-8"))
    return {p: ((root / "docs" / p).stat().st_mtime_ns, (root / "docs" / p).read_bytes()) for p in manifest}


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def edit_body(root: Path, annotation_id: str, new_words: str) -> None:
    """Put ``new_words`` at the start of one annotation's body (its `body: |` block)."""
    path = root / "data" / "annotations" / "centres.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"- id: {annotation_id}\n")
    body = next(i for i in range(start, len(lines)) if lines[i] == "  body: |\n")
    lines[body + 1] = "    " + new_words + " " + lines[body + 1].lstrip()
    path.write_text("".join(lines), encoding="utf-8")


# --- the stamp ---------------------------------------------------------------------------


def test_stamp_is_stable_and_changes_with_any_data_file(project: Path) -> None:
    first = stamp.stamp(project)
    assert stamp.stamp(project) == first
    topics = project / "data" / "transcripts" / "xinjiang-2020-06-19" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert stamp.stamp(project) != first


def test_stamp_changes_with_the_site_address(project: Path) -> None:
    first = stamp.stamp(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('"https://annotated-editions', '"http://annotated-editions'), encoding="utf-8")
    assert stamp.stamp(project) != first


def test_stamp_changes_with_a_site_address_from_the_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs.yml reads site_url from SITE_URL (!ENV): a build for another address must not skip generation."""
    monkeypatch.delenv("SITE_URL", raising=False)
    first = stamp.stamp(project)
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/fork/")
    assert stamp.stamp(project) != first


def test_stamp_changes_with_a_schema_and_with_a_new_file(project: Path) -> None:
    first = stamp.stamp(project)
    (project / "schemas" / "extra.json").write_text("{}", encoding="utf-8")
    second = stamp.stamp(project)
    assert second != first
    (project / "data" / "annotations" / "new.yml").write_text("[]\n", encoding="utf-8")
    assert stamp.stamp(project) != second


def test_stamp_changes_with_a_new_empty_folder(project: Path) -> None:
    """An empty transcript folder is a problem to report, so it must not leave the stamp as it was."""
    first = stamp.stamp(project)
    (project / "data" / "transcripts" / "new-one").mkdir()
    assert stamp.stamp(project) != first


def test_stamp_follows_a_linked_transcript_folder(project: Path) -> None:
    """The loader reads through a symbolic link to a folder; so must the stamp."""
    transcripts = project / "data" / "transcripts"
    (transcripts / "xinjiang-2020-06-19").rename(project / "elsewhere")
    (transcripts / "xinjiang-2020-06-19").symlink_to(project / "elsewhere", target_is_directory=True)
    first = stamp.stamp(project)
    text = project / "elsewhere" / "transcript.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert stamp.stamp(project) != first


def test_not_up_to_date_without_a_recorded_generation(project: Path) -> None:
    assert not stamp.up_to_date(project, stamp.stamp(project))


# --- re-runs through the CLI ---------------------------------------------------------------


def test_second_generate_with_nothing_changed_skips_and_rewrites_nothing(project: Path, cli: Cli) -> None:
    assert "file(s) written" in ok(cli(project, "generate"))
    before = generated(project)
    assert "up to date" in ok(cli(project, "generate"))
    assert generated(project) == before


def test_one_edited_annotation_rewrites_only_the_pages_it_touches(project: Path, cli: Cli) -> None:
    ok(cli(project, "generate"))
    before = generated(project)
    edit_body(project, EDITED_ID, "Benchmark wording.")
    out = ok(cli(project, "generate"))
    after = generated(project)
    rewritten = {p for p in after if after[p][0] != before[p][0]}
    changed = {p for p in after if after[p][1] != before[p][1]}
    assert rewritten == changed, "a file was rewritten with the same bytes, or changed without a new mtime"
    assert f"{len(rewritten)} file(s) written" in out
    # where the annotation is shown: its transcript, the annotations index, its two topics
    for page in (
        "transcripts/xinjiang-2020-06-19.md",
        "annotations.md",
        "topics/vocational-training-centres.md",
        "topics/counterterrorism.md",
    ):
        assert page in rewritten, page
        assert b"Benchmark wording." in after[page][1], page
    # pages that never show it stay as they were
    for page in ("topics/mosques.md", "topics/covid-19.md", "questions.md", "speakers/xinhua.md"):
        assert page not in rewritten, page
    assert len(rewritten) < len(after) / 2


def test_a_hand_edited_generated_page_is_written_again(project: Path, cli: Cli) -> None:
    ok(cli(project, "generate"))
    page = project / "docs" / "questions.md"
    original = page.read_bytes()
    page.write_bytes(original + b"\nedited by hand\n")
    assert "1 file(s) written" in ok(cli(project, "generate"))
    assert page.read_bytes() == original


def test_a_deleted_generated_page_is_written_again(project: Path, cli: Cli) -> None:
    ok(cli(project, "generate"))
    page = project / "docs" / "topics" / "mosques.md"
    original = page.read_bytes()
    page.unlink()
    assert "1 file(s) written" in ok(cli(project, "generate"))
    assert page.read_bytes() == original


def test_a_changed_generator_source_is_not_skipped(project: Path, cli: Cli) -> None:
    ok(cli(project, "generate"))
    source = project / "build_scripts" / "render" / "paths.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    out = ok(cli(project, "generate"))
    assert "up to date" not in out
    assert "0 file(s) written" in out  # regenerated, and the same bytes were not rewritten


def test_bad_data_after_a_good_generation_is_still_reported(project: Path, cli: Cli) -> None:
    ok(cli(project, "generate"))
    speakers = project / "data" / "speakers.yml"
    speakers.write_text(speakers.read_text(encoding="utf-8") + "\n- id: [\n", encoding="utf-8")
    result = cli(project, "generate")
    assert result.returncode == 1
    assert "data/speakers.yml:" in result.stderr


@pytest.mark.slow
def test_second_build_with_nothing_changed_skips_generation(project: Path, cli: Cli) -> None:
    assert "generated file(s) changed" in ok(cli(project, "build"))
    before = generated(project)
    assert "generation skipped" in ok(cli(project, "build"))
    assert generated(project) == before
    assert (project / "site" / "index.html").exists()
