"""Results of pure steps, kept across runs and found again by a digest of their inputs.

Generation is a chain of pure functions: a data file gives the same records and problems,
a transcript with the same annotations gives the same parse, placements and pages. Each
such step asks the memo first: ``memo.get(step, key, make)`` returns what ``make`` returned
in an earlier run for the same key, else calls it and stores the result.

A key is a sha256 over the step's *inputs* (pickled model values or file bytes) and a salt
that covers the generator's own sources, schemas, Python and library versions, so a code
change or an upgrade never returns a stale result. Entries are pickle files in
``.build-cache/memo/<step>/`` (git-ignored, local to the machine: pickle is only ever
read from the folder this generator wrote). An unreadable entry is recomputed. ``prune``
removes the entries of a step that the last successful run did not use, so the folder does
not grow with every edit.

A long-running process (the `make serve` hook) also passes ``kept``, a dict it holds from
run to run: results found or made in an earlier run are then taken from memory, not read
from disk again. Results are never modified after they are made, so sharing them is safe
(tests/test_memo.py generates twice in one process and compares with a fresh generation).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

FOLDER = Path(".build-cache") / "memo"
TEMPORARY = ".tmp-"
"""Name start of an entry being written."""


class Memo:
    """A store of step results keyed by input digests; ``Memo(None)`` computes everything."""

    def __init__(self, folder: Path | None, salt: str = "", kept: dict[str, object] | None = None) -> None:
        self.folder = folder
        self.salt = salt.encode()
        self.kept = kept
        """Results of earlier runs in this process, by entry path (None: read every hit from disk)."""
        # Entry paths are strings: a run looks up thousands, and pathlib's hashing and joining
        # were a tenth of an edit's regeneration under `make serve`.
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, *inputs: object) -> str:
        """A digest of ``inputs`` (any picklable values, e.g. model dataclasses or bytes).

        Different inputs pickle differently, so a changed input always gives a new key. The
        pickler's memo is off ("fast" mode) so that equal inputs give equal bytes whichever
        equal strings happen to be one object (a fresh load shares them, a memoised one may not).
        """
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # the model has no cycles, which is all fast mode cannot pickle
        pickler.dump(inputs)
        return hashlib.sha256(self.salt + buffer.getvalue()).hexdigest()

    def get(self, step: str, key: str, make: Callable[[], T]) -> T:
        """The stored result of ``step`` for ``key``, or ``make()`` (then stored)."""
        if self.folder is None:
            return make()
        path = os.path.join(self.folder, step, key)
        self.used.add(path)
        if self.kept is not None and path in self.kept:
            self.hits += 1
            return cast(T, self.kept[path])  # stored under this key by this method
        value: T
        try:
            with open(path, "rb") as entry:
                value = pickle.loads(entry.read())
            self.hits += 1
            return self._keep(path, value)
        except Exception:  # missing, truncated or from an older pickle format: compute it again
            pass
        self.misses += 1
        value = self._keep(path, make())
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=TEMPORARY)
        with os.fdopen(handle, "wb") as out:  # written whole, then renamed: readers never see half
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            os.replace(temporary, path)
        except FileNotFoundError:  # another run's prune took it: the value is still right, only not kept
            pass
        return value

    def _keep(self, path: str, value: T) -> T:
        if self.kept is not None:
            self.kept[path] = value
        return value

    def prune(self) -> int:
        """Delete the entries of the steps this run used that it did not use itself; return how many.

        Call it after a successful run. Steps the run did not take (``check`` renders nothing)
        keep their entries, and files another run is still writing are left alone.
        """
        if self.folder is None:
            return 0
        removed = 0
        steps = {os.path.dirname(path) for path in self.used}
        if self.kept is not None:
            for path in [p for p in self.kept if os.path.dirname(p) in steps and p not in self.used]:
                del self.kept[path]
        for step in steps:
            names = os.listdir(step) if os.path.isdir(step) else []
            for path in (os.path.join(step, name) for name in names if not name.startswith(TEMPORARY)):
                if path not in self.used:
                    Path(path).unlink(missing_ok=True)
                    removed += 1
        return removed
