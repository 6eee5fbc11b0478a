"""MkDocs hook for `make serve`: regenerate docs/ before each rebuild.

Only changed files are written, so the rebuild that those writes trigger writes nothing
and the loop stops there. Problems in data/ are printed and the last good pages stay.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import cache  # noqa: E402
from build_scripts.generate import regenerate  # noqa: E402
from build_scripts.problems import ProblemsFound  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generate")
ROOT = Path(__file__).resolve().parent.parent


def on_pre_build(config: Any) -> None:
    try:
        # An edit re-reads one data file and re-renders one transcript; the rest is in memory.
        written = regenerate(ROOT, cache.live_memo(ROOT), cache.live_seen(ROOT))
        if written.changed or written.removed:
            log.info("regenerated %d page(s)", len(written.changed) + len(written.removed))
    except ProblemsFound as found:
        for problem in found.problems:
            (log.warning if problem.severity == "warning" else log.error)("%s", problem)
        log.error("data/ has problems: showing the last good pages")
