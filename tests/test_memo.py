"""The memo of pure steps (build_scripts/memo.py): what it stores, and that a generation
using results memoised before an edit equals a generation from nothing after it."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts import cache
from build_scripts.generate import _transcript_share, checked_edition, generated_files, site_url
from build_scripts.memo import Memo
from build_scripts.check import assemble
from build_scripts.resolve import build_indexes
from tests.project_copy import CORPUS_FIXTURE as FIXTURE
from tests.project_copy import add_fixture_transcript, copy_project

SEED = "xinjiang-2020-06-19"


# --- the store ------------------------------------------------------------------------------

def test_a_result_is_computed_once_and_found_by_a_later_run(tmp_path: Path) -> None:
    calls: list[int] = []

    def make() -> dict[str, int]:
        calls.append(1)
        return {"answer": 42}

    first = Memo(tmp_path, "salt")
    assert first.get("step", first.key("input"), make) == {"answer": 42}
    later = Memo(tmp_path, "salt")  # a new process, as the next `make build`
    assert later.get("step", later.key("input"), make) == {"answer": 42}
    assert len(calls) == 1 and (later.hits, later.misses) == (1, 0)


def test_keys_differ_with_the_inputs_and_with_the_salt() -> None:
    memo = Memo(None, "code v1")
    assert memo.key("a", b"bytes") == memo.key("a", b"bytes")
    assert memo.key("a", b"bytes") != memo.key("a", b"bytez")
    assert memo.key("a", b"bytes") != Memo(None, "code v2").key("a", b"bytes")


def test_an_unreadable_entry_is_computed_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "salt")
    key = memo.key("input")
    memo.get("step", key, lambda: "first")
    (tmp_path / "step" / key).write_bytes(b"not a pickle")
    assert Memo(tmp_path, "salt").get("step", key, lambda: "again") == "again"


def test_prune_keeps_only_what_the_last_run_used(tmp_path: Path) -> None:
    old = Memo(tmp_path, "salt")
    old.get("step", old.key("old"), lambda: 1)
    new = Memo(tmp_path, "salt")
    new.get("step", new.key("new"), lambda: 2)
    assert new.prune() == 1
    assert [p.name for p in (tmp_path / "step").iterdir()] == [new.key("new")]


def test_prune_leaves_steps_this_run_did_not_take_and_files_being_written(tmp_path: Path) -> None:
    old = Memo(tmp_path, "salt")
    old.get("pages", old.key("page"), lambda: 1)  # a step `check` does not take
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / ".tmp-abc").write_bytes(b"another run is writing this")
    check = Memo(tmp_path, "salt")
    check.get("records", check.key("file"), lambda: 2)
    assert check.prune() == 0
    assert (tmp_path / "pages" / old.key("page")).exists() and (tmp_path / "records" / ".tmp-abc").exists()


def test_results_kept_in_memory_are_found_without_the_folder_and_pruned_with_it(tmp_path: Path) -> None:
    kept: dict[str, object] = {}
    first = Memo(tmp_path, "salt", kept)
    first.get("step", first.key("old"), lambda: "old value")
    shutil.rmtree(tmp_path)  # `make clean` while serve runs: what is in memory is still right
    second = Memo(tmp_path, "salt", kept)
    assert second.get("step", second.key("old"), lambda: "computed again") == "old value"
    third = Memo(tmp_path, "salt", kept)
    third.get("step", third.key("new"), lambda: "new value")
    third.prune()
    assert list(kept.values()) == ["new value"]


def test_without_a_folder_everything_is_computed(tmp_path: Path) -> None:
    memo = Memo(None)
    assert [memo.get("step", "k", lambda: n) for n in (1, 2)] == [1, 2]
    assert memo.prune() == 0


# --- a memoised generation equals a fresh one -----------------------------------------------

@pytest.fixture(scope="module")
def two_transcripts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the seed and the invented corpus fixture (a second transcript)."""
    return add_fixture_transcript(copy_project(tmp_path_factory.mktemp("memo") / "project"))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}: update the edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "an annotation body": lambda root: replace(root / "data" / "annotations" / "centres.yml", "  body: |\n    ",
                                               "  body: |\n    Reworded. "),
    "a speaker's name": lambda root: replace(root / "data" / "speakers.yml", "name: Elijan Anayit", "name: Elijan Anayit (renamed)"),
    "a topic's title": lambda root: replace(root / "data" / "topics.yml", "title: Sanctions", "title: Sanctions (renamed)"),
    "a topic assignment": lambda root: replace(root / "data" / "transcripts" / SEED / "topics.yml",
                                               "passages: [t7, t9]", "passages: [t7]"),
    "the second transcript's title": lambda root: replace(root / "data" / "transcripts" / FIXTURE.name / "edition.yml",
                                                          "Fixture: Corpus Test Briefing", "Fixture: Corpus Test Briefing, renamed"),
    "the site address": lambda root: replace(root / "mkdocs.yml", "site_url: https://", "site_url: http://"),
}


@pytest.mark.parametrize("kept", ["on disk", "in memory"])
@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_generation_with_results_memoised_before_an_edit_equals_a_fresh_one(two_transcripts: Path, tmp_path: Path,
                                                                             edit: str, kept: str) -> None:
    """A later run in a new process (``make generate``) or in the same one (``make serve``)."""
    root = Path(shutil.copytree(two_transcripts, tmp_path / "project"))
    in_memory: dict[str, object] | None = {} if kept == "in memory" else None
    warm = Memo(tmp_path / "memo", "salt", in_memory)
    generated_files(checked_edition(root / "data", root, warm), site_url(root), warm)
    EDITS[edit](root)
    if in_memory is not None:  # then every hit below comes from memory: values reused, never re-read
        shutil.rmtree(tmp_path / "memo")

    after = Memo(tmp_path / "memo", "salt", in_memory)
    memoised = generated_files(checked_edition(root / "data", root, after), site_url(root), after)
    fresh = generated_files(checked_edition(root / "data", root), site_url(root))
    assert memoised == fresh
    assert after.hits > 0, "nothing was found in the memo: the test would not see a stale result"


def test_an_edit_recomputes_only_its_file_and_its_transcript(two_transcripts: Path, tmp_path: Path) -> None:
    root = Path(shutil.copytree(two_transcripts, tmp_path / "project"))
    warm = Memo(tmp_path / "memo", "salt")
    generated_files(checked_edition(root / "data", root, warm), site_url(root), warm)
    EDITS["an annotation body"](root)
    after = Memo(tmp_path / "memo", "salt")
    generated_files(checked_edition(root / "data", root, after), site_url(root), after)
    # one data file read again; the seed parsed and anchored again; its page and downloads rendered again
    assert after.misses == 3
    assert after.hits == len(warm.used) - 3


def test_problems_found_through_the_memo_are_the_same_as_without(project: Path, tmp_path: Path) -> None:
    replace(project / "data" / "annotations" / "centres.yml", "  body: |\n    ", "  body: |\n    <script>x</script> ")
    replace(project / "data" / "speakers.yml", "name: Elijan Anayit", "name: [not, a, name]")
    memo = Memo(tmp_path / "memo", "salt")
    _, first = assemble(project / "data", project, memo)
    _, memoised = assemble(project / "data", project, Memo(tmp_path / "memo", "salt"))
    _, fresh = assemble(project / "data", project)
    assert first and memoised == fresh == first


def test_the_salt_is_the_code_digest_and_changes_with_a_schema(project: Path) -> None:
    before = cache.code_digest(project)
    assert cache.memo(project).salt == before.encode()
    (project / "schemas" / "extra.json").write_text("{}", encoding="utf-8")
    assert cache.code_digest(project) != before


def test_a_long_running_process_keeps_its_first_salt_and_its_results(project: Path) -> None:
    """`make serve` runs the code it imported: a later edit of the code must not relabel its results."""
    first = cache.live_memo(project)
    (project / "schemas" / "extra.json").write_text("{}", encoding="utf-8")
    second = cache.live_memo(project)
    assert second.salt == first.salt != cache.code_digest(project).encode()
    assert second.kept is first.kept is not None


def test_a_transcript_share_reads_nothing_of_the_other_transcripts(two_transcripts: Path) -> None:
    """What the memo's key for a transcript's pages and downloads assumes: rendered from an edition
    holding only that transcript (its annotations and assignments), they come out the same."""
    root = two_transcripts
    edition = checked_edition(root / "data", root)
    full = build_indexes(edition)
    assert len(edition.transcripts) == 2
    for transcript in edition.transcripts:
        alone = dataclasses.replace(
            edition, transcripts=[transcript],
            annotations=[a for a in edition.annotations if a.transcript == transcript.id],
            assignments=[a for a in edition.assignments if a.transcript == transcript.id])
        expected = _transcript_share(transcript, edition, full, "https://example.org/")
        assert _transcript_share(transcript, alone, build_indexes(alone), "https://example.org/") == expected
