"""The memo of pure steps (build_scripts/memo.py): what it stores, and that a generation
using results memoised before an edit equals a generation from nothing after it."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from build_scripts.check import TranscriptInputs, assemble
from build_scripts.generate import checked_edition, generated_files
from build_scripts.history.entries import HistoryInputs
from build_scripts.history.records import History
from build_scripts.load.files import DataFile
from build_scripts.memo import Memo
from build_scripts.mkdocs_config import site_url
from build_scripts.resolve import build_indexes
from build_scripts.share import share_inputs
from build_scripts.stamp import code_digest
from tests.project_copy import CORPUS_FIXTURE as FIXTURE
from tests.project_copy import add_fixture_transcript, copy_project

SEED = "xinjiang-2020-06-19"


# --- the store ------------------------------------------------------------------------------


def test_a_result_is_computed_once_and_found_by_a_later_run(tmp_path: Path) -> None:
    calls: list[str] = []

    def make(inputs: str) -> dict[str, int]:
        calls.append(inputs)
        return {"answer": 42}

    assert Memo(tmp_path, "salt").get("step", "input", make) == {"answer": 42}
    later = Memo(tmp_path, "salt")  # a new process, as the next `make build`
    assert later.get("step", "input", make) == {"answer": 42}
    assert calls == ["input"] and (later.hits, later.misses) == (1, 0)


def test_keys_differ_with_the_inputs_and_with_the_salt() -> None:
    memo = Memo(None, "code v1")
    assert memo.key(("a", b"bytes")) == memo.key(("a", b"bytes"))
    assert memo.key(("a", b"bytes")) != memo.key(("a", b"bytez"))
    assert memo.key(("a", b"bytes")) != Memo(None, "code v2").key(("a", b"bytes"))


def test_an_unreadable_entry_is_computed_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "salt")
    memo.get("step", "input", lambda _: "first")
    (tmp_path / "step" / memo.key("input")).write_bytes(b"not a pickle")
    assert Memo(tmp_path, "salt").get("step", "input", lambda _: "again") == "again"


def test_prune_keeps_only_what_the_last_run_used(tmp_path: Path) -> None:
    Memo(tmp_path, "salt").get("step", "old", lambda _: 1)
    new = Memo(tmp_path, "salt")
    new.get("step", "new", lambda _: 2)
    assert new.prune() == 1
    assert [p.name for p in (tmp_path / "step").iterdir()] == [new.key("new")]


def test_prune_leaves_steps_this_run_did_not_take_and_files_being_written(tmp_path: Path) -> None:
    old = Memo(tmp_path, "salt")
    old.get("pages", "page", lambda _: 1)  # a step `check` does not take
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / ".tmp-abc").write_bytes(b"another run is writing this")
    check = Memo(tmp_path, "salt")
    check.get("records", "file", lambda _: 2)
    assert check.prune() == 0
    assert (tmp_path / "pages" / old.key("page")).exists() and (tmp_path / "records" / ".tmp-abc").exists()


def test_without_a_folder_everything_is_computed() -> None:
    memo = Memo(None)
    assert [memo.get("step", n, lambda n: n) for n in (1, 2)] == [1, 2]
    assert memo.prune() == 0


# --- each step's key covers each of its inputs ------------------------------------------------


def inputs_of_every_step(root: Path) -> dict[str, tuple[object, object]]:
    """Two inputs objects of each memoised step, from the two transcripts of ``root``."""
    edition = checked_edition(root / "data", root)
    shares = share_inputs(edition, build_indexes(edition), "https://example.org/")
    files = [
        DataFile("edition", "a/edition.yml", b"id: a", "a", "text a", "a/transcript.txt"),
        DataFile("annotations", "b/notes.yml", b"[]", "b", "text b", "b/transcript.txt"),
    ]
    parses = [TranscriptInputs(t.meta, tuple(a for a in edition.annotations if a.transcript == t.id)) for t in edition.transcripts]
    histories = [HistoryInputs("a", "1" * 40, "https://example.org/a"), HistoryInputs("b", "2" * 40, "https://example.org/b")]
    return {
        "file": (files[0], files[1]),
        "transcript": (parses[0], parses[1]),
        "transcript-share": (
            shares[0],
            dataclasses.replace(shares[1], site_url="https://example.net/", history=History(missing="no .git folder"), spellings=()),
        ),
        "history": (histories[0], histories[1]),
    }


def test_a_change_of_any_input_of_any_step_changes_its_key(two_transcripts: Path) -> None:
    """A step reads only its inputs object: if every field is in the key, no stale result can be served."""
    memo = Memo(None, "salt")
    for step, (one, other) in inputs_of_every_step(two_transcripts).items():
        for field in dataclasses.fields(one):  # type: ignore[arg-type]
            changed = getattr(other, field.name)
            assert changed != getattr(one, field.name), f"{step}: the two samples share {field.name}"
            assert memo.key(dataclasses.replace(one, **{field.name: changed})) != memo.key(one), (step, field.name)


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
    "an annotation body": lambda root: replace(
        root / "data" / "annotations" / "centres.yml", "  body: |\n    ", "  body: |\n    Reworded. "
    ),
    "a speaker's name": lambda root: replace(root / "data" / "speakers.yml", "name: Elijan Anayit", "name: Elijan Anayit (renamed)"),
    "a topic's title": lambda root: replace(root / "data" / "topics.yml", "title: Sanctions", "title: Sanctions (renamed)"),
    "a topic assignment": lambda root: replace(root / "data" / "transcripts" / SEED / "topics.yml", "passages: [t7, t9]", "passages: [t7]"),
    "the second transcript's title": lambda root: replace(
        root / "data" / "transcripts" / FIXTURE.name / "edition.yml",
        "Fixture: Corpus Test Briefing",
        "Fixture: Corpus Test Briefing, renamed",
    ),
    "the site address": lambda root: replace(root / "mkdocs.yml", '"https://annotated-editions', '"http://annotated-editions'),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_generation_with_results_memoised_before_an_edit_equals_a_fresh_one(two_transcripts: Path, tmp_path: Path, edit: str) -> None:
    root = Path(shutil.copytree(two_transcripts, tmp_path / "project"))
    warm = Memo(tmp_path / "memo", "salt")
    generated_files(checked_edition(root / "data", root, warm), site_url(root), warm)
    EDITS[edit](root)
    after = Memo(tmp_path / "memo", "salt")
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


def test_the_code_digest_changes_with_a_schema(project: Path) -> None:
    before = code_digest(project)
    (project / "schemas" / "extra.json").write_text("{}", encoding="utf-8")
    assert code_digest(project) != before
