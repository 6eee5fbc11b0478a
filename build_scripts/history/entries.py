"""Each record's changes: the data files replayed commit by commit, cut into entries.

A data file is a YAML list of entries (annotations, speakers), each starting with ``- `` at
the left margin, or one entry as a whole (a transcript's edition.yml). After every commit the
files it touched are cut into entries again, and a record counts as changed by the commit when
the text of its entry differs from before. So a commit is credited to exactly the records
whose lines it touched; moving an entry unchanged to another file changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..memo import Memo
from .git_log import Commit, FileEdit, NoHistory, head_commit, read_log
from .records import Change, History, Provenance, RecordKey, Removal

_ITEM_ID = re.compile(r"""^(?:- |  )id:\s*["']?([A-Za-z0-9_.-]+)""")
_EDITION = re.compile(r"^data/transcripts/([^/]+)/edition\.ya?ml$")
_PULL_REQUEST = re.compile(r"#(\d+)\b")
_FIELD = re.compile(r"([A-Za-z_][\w-]*):")


def read_history(root: Path, repo_url: str = "", memo: Memo | None = None) -> History:
    """Every record's provenance from the history of ``root``.

    The history is a function of the commit checked out, so it is memoised on that commit:
    a build asks git for it (one quick process) and reads the log (a second one) only after a
    new commit, which at N = 100 transcripts saves a second and a half of every save under `make serve`.
    """
    memo = memo or Memo(None)
    try:
        return memo.get("history", HistoryInputs(str(root), head_commit(root), repo_url), history_at)
    except NoHistory as reason:
        return History(missing=str(reason), repo_url=repo_url)


@dataclass(frozen=True)
class HistoryInputs:
    """What the history is made from: the repository and the commit its log starts from."""

    root: str
    commit: str
    repo_url: str


def history_at(inputs: HistoryInputs) -> History:
    records, removed = provenance_of(read_log(Path(inputs.root), inputs.commit))
    return History(records, "", inputs.repo_url, inputs.commit, removed)


def provenance_of(commits: list[Commit]) -> tuple[dict[RecordKey, Provenance], dict[RecordKey, Removal]]:
    """Replay ``commits`` (oldest first) and collect, for each record, the commits that changed it,
    and for each record whose entry is gone, the commit that removed it and the entry's last text."""
    removed: dict[RecordKey, Removal] = {}
    files: dict[str, list[str]] = {}
    entries: dict[str, dict[RecordKey, str]] = {}
    holders: dict[RecordKey, set[str]] = {}
    changes: dict[RecordKey, list[Change]] = {}
    fields: dict[RecordKey, list[tuple[str, ...]]] = {}
    for commit in commits:
        touched = {key for edit in commit.edits for key in entries.get(edit.path, {})}
        before = {key: _text(key, entries, holders) for key in touched}
        for edit in commit.edits:
            _apply(edit, files, entries, holders)
        touched |= {key for edit in commit.edits for key in entries.get(edit.path, {})}
        change = Change(commit.commit, commit.date, commit.time, commit.author, commit.summary, _pull_request(commit.summary))
        for key in sorted(touched):
            after, earlier = _text(key, entries, holders), before.get(key)
            if after is None and earlier is not None:
                removed[key] = Removal(change, earlier)
                continue
            touched_fields = changed_fields(before.get(key) or "", after or "")
            # A change of comments or blank lines alone changes nothing published: it is not a revision.
            if after is not None and after != earlier and touched_fields:
                changes.setdefault(key, []).append(change)
                fields.setdefault(key, []).append(touched_fields)
                removed.pop(key, None)  # an entry put back is no longer removed
    provenance = {key: Provenance(tuple(found), tuple(fields[key])) for key, found in sorted(changes.items())}
    return provenance, dict(sorted(removed.items()))


def changed_fields(before: str, after: str) -> tuple[str, ...]:
    """The top-level keys whose lines differ between two texts of an entry (a new key or a removed one counts)."""
    old, new = fields_of(before), fields_of(after)
    return tuple(key for key in dict.fromkeys([*new, *old]) if old.get(key) != new.get(key))


def fields_of(text: str) -> dict[str, str]:
    """An entry's text by top-level key, without comment lines and blank lines: a list item's keys
    are indented by two ("- " counts), a file's by none."""
    lines = [
        "  " + line[2:] if line.startswith("- ") else line
        for line in text.split("\n")
        if line.strip() and not line.lstrip().startswith("#")
    ]
    indent = 2 if text.startswith("- ") else 0
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in lines:
        key = _FIELD.match(line[indent:]) if line[:indent].strip() == "" and line[indent : indent + 1] not in (" ", "#") else None
        if key:
            current = found.setdefault(key[1], [])
        current.append(line)
    return {key: "\n".join(value) for key, value in found.items()}


def _apply(
    edit: FileEdit, files: dict[str, list[str]], entries: dict[str, dict[RecordKey, str]], holders: dict[RecordKey, set[str]]
) -> None:
    for key in entries.pop(edit.path, {}):
        holders[key].discard(edit.path)
    if edit.deleted:
        files.pop(edit.path, None)
        return
    lines = replayed(files.get(edit.path, []), edit)
    files[edit.path] = lines
    entries[edit.path] = entries_of(edit.path, lines)
    for key in entries[edit.path]:
        holders.setdefault(key, set()).add(edit.path)


def replayed(old: list[str], edit: FileEdit) -> list[str]:
    """The file's lines after applying the hunks of ``edit`` (zero context lines) to ``old``."""
    new: list[str] = []
    done = 0
    for hunk in edit.hunks:
        # An empty old range ("-5,0") names the line the addition follows, not the first line replaced.
        start = hunk.old_start if hunk.old_count == 0 else hunk.old_start - 1
        new += old[done:start]
        new += hunk.added
        done = start + hunk.old_count
    return new + old[done:]


def entries_of(path: str, lines: list[str]) -> dict[RecordKey, str]:
    """The records a data file holds, with the text of each one's entry."""
    edition = _EDITION.match(path)
    if edition:
        return {("transcript", edition[1]): "\n".join(lines)}
    kind = _kind_of(path)
    if kind is None:
        return {}
    found: dict[RecordKey, str] = {}
    start = None
    for number, line in enumerate([*lines, "<end>"]):
        if line[:1] not in ("", " ", "\t", "#") or line.startswith("- "):  # a new entry, or the end of the list
            if start is not None:
                _add_entry(found, kind, lines[start:number])
            start = number if line.startswith("- ") else None
    return found


def _add_entry(found: dict[RecordKey, str], kind: str, lines: list[str]) -> None:
    for line in lines:
        matched = _ITEM_ID.match(line)
        if matched:
            # Blank lines and comments between entries are layout, not part of either entry.
            while lines and (not lines[-1].strip() or lines[-1].startswith("#")):
                lines = lines[:-1]
            found.setdefault((kind, matched[1]), "\n".join(lines))
            return


_KINDS = {"annotations": "annotation", "speakers": "speaker", "sources": "source", "publishers": "publisher", "topics": "topic"}
"""The folder (data/<name>/) or file (data/<name>.yml) of each kind of record."""


def _kind_of(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) < 2 or parts[0] != "data":
        return None
    name = parts[1] if len(parts) > 2 else parts[1].rsplit(".", 1)[0]
    return _KINDS.get(name)


def _text(key: RecordKey, entries: dict[str, dict[RecordKey, str]], holders: dict[RecordKey, set[str]]) -> str | None:
    paths = sorted(holders.get(key, ()))
    return entries[paths[0]][key] if paths else None


def _pull_request(summary: str) -> int | None:
    found = _PULL_REQUEST.search(summary)
    return int(found[1]) if found else None
