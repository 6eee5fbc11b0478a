"""Shared fixtures: a private copy of the project, and the real site built from it once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from tests.project_copy import copy_project

# Under CI the property tests draw the same examples on every run, so that a red CI means the change broke
# something, not that a new random example was drawn (one once found an address MkDocs could not read). Run them
# locally, or with FUZZ_EXAMPLES=N (tests/test_fuzz.py), to explore new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m build_scripts ARGS`` on a project copy, as a contributor would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), *args], cwd=root, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh, writable copy of the project for one test."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, generated and built with `mkdocs build --strict`, once per test run."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "site"


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_cli
