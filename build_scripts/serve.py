"""`make serve`: live preview, regenerating docs/ before each rebuild of `mkdocs serve`.

MkDocs loads its hook file (serve_hook.py) anew with every rebuild; this module is imported
once per process, so what the process must keep from one save to the next lives here: the
code digest it started with. Only changed files are written, and the rebuild those writes
trigger finds the stamp unchanged and writes nothing, so the loop stops there. Problems in
data/ are printed and the last good pages stay.
"""

from __future__ import annotations

import functools
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .generate import run_generation
from .problems import ProblemsFound
from .stamp import code_digest

log = logging.getLogger("mkdocs.hooks.generate")
ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def first_code_digest(root: Path) -> str:
    """The code digest when this process first generated ``root``: it runs the modules it imported
    then, so an edit of build_scripts/ while it runs must not label their results as the new code's."""
    return code_digest(root)


SAID = "ANNOTATED_EDITION_SAID"
"""The environment variable holding the last notice said: `mkdocs serve` runs as a child of `serve`, and inherits it."""


def say_once(line: str) -> None:
    """Print a notice (the history missing) once per `make serve`, not with every save."""
    if os.environ.get(SAID) != line:
        print(line, file=sys.stderr)
        os.environ[SAID] = line


def serve(root: Path, mkdocs_args: list[str]) -> int:
    """Generate once (problems show before the server starts), then run `mkdocs serve` with the hook."""
    run_generation(root, code_digest(root), say=say_once)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / "mkdocs.serve.yml"), "--livereload", *mkdocs_args]
    return subprocess.call(command, cwd=root, env=env)


def on_pre_build(config: Any) -> None:
    """The MkDocs hook: regenerate docs/ before the site is built again."""
    try:
        # Drafts are shown here, to their authors and reviewers; the published site leaves them out.
        written = run_generation(ROOT, first_code_digest(ROOT), drafts=True, say=say_once).written
        if written.changed or written.removed:
            log.info("regenerated %d page(s)", len(written.changed) + len(written.removed))
    except ProblemsFound as found:
        for problem in found.problems:
            (log.warning if problem.severity == "warning" else log.error)("%s", problem)
        log.error("data/ has problems: showing the last good pages")
