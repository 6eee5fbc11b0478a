"""What the repository's history says about one record: its changes, oldest first.

Plain values, made by history/entries.py from one ``git log`` and read by the renderers and
exporters. A record the history does not know (no .git, a shallow clone, a note not committed
yet) has no Provenance: the renderers then credit the ``author`` and ``date`` fields.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

RecordKey = tuple[str, str]
"""(kind of record, its id): "annotation", "speaker", "source", "publisher" or "transcript" (its edition.yml)."""


@dataclass(frozen=True)
class Change:
    """One commit that changed a record's entry in data/."""

    commit: str
    date: str
    """The commit's date (when it landed), in UTC, YYYY-MM-DD."""
    time: str
    """The same instant as an RFC 3339 timestamp in UTC (for the Atom feed)."""
    author: str
    """The commit author's name; never the e-mail address."""
    summary: str
    pull_request: int | None = None
    """The pull request the summary names ("Merge pull request #12", "… (#12)"), if any."""


@dataclass(frozen=True)
class Provenance:
    changes: tuple[Change, ...]
    """Oldest first; never empty."""
    fields: tuple[tuple[str, ...], ...] = ()
    """For each change, the fields of the entry it changed (top-level YAML keys), in entry order."""

    @property
    def created(self) -> Change:
        return self.changes[0]

    @property
    def modified(self) -> Change | None:
        """The last change after the first one, if any."""
        return self.changes[-1] if len(self.changes) > 1 else None

    @property
    def contributors(self) -> tuple[str, ...]:
        """Commit authors' names, in the order of their first change."""
        return tuple(dict.fromkeys(change.author for change in self.changes))


@dataclass(frozen=True)
class Removal:
    """The commit that removed a record's entry from data/, and the entry's text before it (what it was)."""

    change: Change
    text: str


@dataclass(frozen=True)
class History:
    """Every record's provenance, read once per build; ``missing`` says why there is none."""

    records: dict[RecordKey, Provenance] = field(default_factory=dict)
    missing: str = "history not read"
    """Empty when the history was read; else the reason, printed once by the build."""
    repo_url: str = ""
    """``repo_url`` of mkdocs.yml: each change links to its commit there."""
    commit: str = ""
    """The commit the history was read at (the records are a function of it)."""
    removed: dict[RecordKey, Removal] = field(default_factory=dict)
    """Records whose entry the history saw removed (and not put back), by the commit that removed it."""

    @property
    def notice(self) -> str:
        """The line a run prints when the history could not be read (after the run succeeded)."""
        return f"history: {self.missing}; notes are credited from their author and date fields"

    def of(self, kind: str, record_id: str) -> Provenance | None:
        return self.records.get((kind, record_id))

    def commit_url(self, change: Change) -> str:
        return f"{self.repo_url.rstrip('/')}/commit/{change.commit}" if self.repo_url else ""

    def digest(self) -> str:
        """A digest of everything read from the history (the build's stamp covers it)."""
        read = self.commit or repr(sorted(self.records.items()))  # hashing every record took 0.16 s at N = 100
        return hashlib.sha256(repr((self.missing, self.repo_url, read)).encode()).hexdigest()


@dataclass(frozen=True)
class Credit:
    """Who a record is credited to and when: from the history, else from its own fields."""

    created: str
    """YYYY-MM-DD (or a partial date typed in the record)."""
    modified: str | None
    contributors: tuple[str, ...]
    changes: tuple[Change, ...] = ()
    """Empty when the history does not know the record."""

    @property
    def created_time(self) -> str | None:
        """An RFC 3339 timestamp (the commit's, or midnight UTC of a full typed date)."""
        if self.changes:
            return self.changes[0].time
        return f"{self.created}T00:00:00Z" if len(self.created) == 10 else None

    @property
    def modified_time(self) -> str | None:
        return self.changes[-1].time if len(self.changes) > 1 else None


def credit(history: History, kind: str, record_id: str, author: str = "", date: str = "") -> Credit:
    """The record's credit; without history, its ``author`` and ``date`` fields."""
    found = history.of(kind, record_id)
    if found is None:
        return Credit(date, None, (author,) if author else ())
    modified = found.modified
    return Credit(found.created.date, modified.date if modified else None, found.contributors, found.changes)
