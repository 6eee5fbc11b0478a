"""The command line (build_scripts/__main__.py) as a shell user meets it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_m(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", *args], cwd=ROOT, env=env, text=True, capture_output=True, check=False, **kwargs
    )  # type: ignore[call-overload]


def test_help_is_plain_text() -> None:
    result = python_m("--help")
    assert result.returncode == 0 and "``" not in result.stdout and "check" in result.stdout


def test_output_cut_short_by_a_closed_pipe_is_not_a_traceback() -> None:
    """`python -m build_scripts ids … | head -1`: the reader leaves early, and nothing is printed about it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ids = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "ids", "xinjiang-2020-06-19"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert ids.stdout is not None and ids.stderr is not None
    ids.stdout.close()  # gone before the first line is written, as `head` is after its last
    error = ids.stderr.read()
    assert ids.wait(timeout=60) == 1
    assert "Traceback" not in error and "BrokenPipeError" not in error, error
