"""Results of pure steps, kept across runs and found again by a digest of their inputs.

Each memoised step is a function of one frozen inputs dataclass: ``memo.get(step, inputs,
make)`` returns what ``make(inputs)`` returned in an earlier run for equal inputs, else calls
it and stores the result. The key is derived from the inputs object itself (pickled) and a
salt covering the generator's own sources, schemas, Python and library versions: a step can
read only what it is given, and what it is given is what its key covers, so no result is
served for inputs that differ in anything, and changed code never meets an old result.

Entries are pickle files in ``.build-cache/memo/<step>/`` (git-ignored, local to the machine:
pickle is only ever read from the folder this generator wrote). An unreadable entry is
recomputed. ``prune`` removes the entries of a step that the last successful run did not use,
so the folder does not grow with every edit.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

I = TypeVar("I")  # noqa: E741 (the inputs of a step)
T = TypeVar("T")

FOLDER = Path(".build-cache") / "memo"
TEMPORARY = ".tmp-"
"""Name start of an entry being written."""


class Memo:
    """A store of step results keyed by input digests; ``Memo(None)`` computes everything."""

    def __init__(self, folder: Path | None, salt: str = "") -> None:
        self.folder = folder
        self.salt = salt.encode()
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, inputs: object) -> str:
        """A digest of ``inputs`` (a frozen dataclass of model values, strings and bytes).

        Different inputs pickle differently, so a changed input always gives a new key. The
        pickler's memo is off ("fast" mode) so that equal inputs give equal bytes whichever
        equal strings happen to be one object (a fresh load shares them, a memoised one may not).
        """
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # the model has no cycles, which is all fast mode cannot pickle
        pickler.dump(inputs)
        return hashlib.sha256(self.salt + buffer.getvalue()).hexdigest()

    def get(self, step: str, inputs: I, make: Callable[[I], T]) -> T:
        """The stored result of ``make(inputs)``, or a new one (then stored)."""
        if self.folder is None:
            return make(inputs)
        path = os.path.join(self.folder, step, self.key(inputs))
        self.used.add(path)
        try:
            with open(path, "rb") as entry:
                value: T = pickle.loads(entry.read())
            self.hits += 1
            return value
        except Exception:  # missing, truncated or from an older pickle format: compute it again
            pass
        self.misses += 1
        value = make(inputs)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=TEMPORARY)
        with os.fdopen(handle, "wb") as out:  # written whole, then renamed: readers never see half
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            os.replace(temporary, path)
        except FileNotFoundError:  # another run's prune took it: the value is still right, only not kept
            pass
        return value

    def prune(self) -> int:
        """Delete the entries of the steps this run used that it did not use itself; return how many.

        Call it after a successful run. Steps the run did not take (``check`` renders nothing)
        keep their entries, and files another run is still writing are left alone.
        """
        removed = 0
        for step in {os.path.dirname(path) for path in self.used}:
            names = os.listdir(step) if os.path.isdir(step) else []
            for path in (os.path.join(step, name) for name in names if not name.startswith(TEMPORARY)):
                if path not in self.used:
                    Path(path).unlink(missing_ok=True)
                    removed += 1
        return removed
