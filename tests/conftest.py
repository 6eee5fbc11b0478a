"""Shared fixtures: a private copy of the project, and the real site built from it once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("build_scripts", "data", "docs", "schemas", "overrides", "mkdocs.yml", "mkdocs.serve.yml", "CONTRIBUTING.md")


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, without generated pages or site/."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    manifest = target / "docs" / ".generated.json"
    if manifest.exists():  # drop the generated pages copied from the working tree
        import json
        for page in json.loads(manifest.read_text()):
            (target / "docs" / page).unlink(missing_ok=True)
        manifest.unlink()
    return target


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m build_scripts ARGS`` on a project copy, as a contributor would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(root), *args],
                          cwd=root, env=env, capture_output=True, text=True, check=False)


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
