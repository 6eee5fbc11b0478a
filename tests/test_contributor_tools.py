"""A contributor's editor and hooks: .vscode/settings.json (yaml.schemas) and .pre-commit-config.yaml.

Both map every data file to the JSON Schema that `make check` applies to it (the schema each file names in its
own `# yaml-language-server: $schema=` line), and the hooks' check-jsonschema commands, run for real, accept
the edition's data and refuse a broken annotation.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from tests.project_copy import ROOT, copy_project

SETTINGS = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
SCHEMA_HOOKS = [hook for hook in HOOKS if "check-jsonschema" in hook["entry"]]
DATA_FILES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "data").rglob("*.y*ml"))
DECLARED = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def editor_schemas(path: str) -> list[str]:
    """The schemas .vscode/settings.json gives ``path`` (globs match from the right, as the YAML server does)."""
    return [schema.removeprefix("./") for schema, globs in SETTINGS.items() if any(PurePosixPath(path).match(glob) for glob in globs)]


def hook_schemas(path: str) -> list[str]:
    """The schemas the pre-commit hooks apply to ``path`` (pre-commit's rule: re.search of ``files``)."""
    return [shlex.split(hook["entry"])[-1] for hook in SCHEMA_HOOKS if re.search(hook["files"], path)]


def declared_schema(path: str) -> str | None:
    """The schema the file names itself, relative to the project root."""
    found = DECLARED.search((ROOT / path).read_text(encoding="utf-8"))
    return str(PurePosixPath((ROOT / path).parent.joinpath(found.group(1)).resolve().relative_to(ROOT))) if found else None


def test_every_data_file_has_one_schema_the_same_in_the_editor_the_hooks_and_the_file() -> None:
    assert len(DATA_FILES) > 10
    for path in DATA_FILES:
        editor, hooks, declared = editor_schemas(path), hook_schemas(path), declared_schema(path)
        assert len(editor) == 1, f"{path}: .vscode/settings.json gives {editor}: add its glob under yaml.schemas"
        assert hooks == editor, f"{path}: .pre-commit-config.yaml gives {hooks}, the editor {editor}"
        assert declared in (None, editor[0]), f"{path} names {declared}, the editor gives {editor}"
        assert (ROOT / editor[0]).is_file()


def hook_command(hook: dict[str, Any], files: list[str]) -> list[str]:
    command = shlex.split(hook["entry"])
    return [str(Path(sys.executable).parent / Path(command[0]).name), *command[1:], *files]


def test_the_schema_hooks_accept_the_edition() -> None:
    for hook in SCHEMA_HOOKS:
        files = [path for path in DATA_FILES if re.search(hook["files"], path)]
        assert files, hook["id"]
        result = subprocess.run(hook_command(hook, files), cwd=ROOT, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_annotation_hook_refuses_a_misspelt_field(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    path = "data/annotations/mine.yml"
    (root / path).write_text(
        "- id: my-note\n  transcript: xinjiang-2020-06-19\n  anchor:\n    quote: two words\n"
        '  kind: correction\n  bdy: A body.\n  author: Me\n  date: "2026-01-01"\n',
        encoding="utf-8",
    )
    hook = next(hook for hook in SCHEMA_HOOKS if re.search(hook["files"], path))
    result = subprocess.run(hook_command(hook, [path]), cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "mine.yml::$[0]: 'body' is a required property" in result.stdout, result.stdout + result.stderr


def test_the_data_hook_runs_make_check_on_data_and_schemas() -> None:
    hook = next(hook for hook in HOOKS if hook["id"] == "make-check")
    assert (hook["entry"], hook["pass_filenames"]) == ("make check", False)
    assert re.search(hook["files"], "data/annotations/mine.yml") and re.search(hook["files"], "schemas/x.json")
    assert not re.search(hook["files"], "build_scripts/check.py")


def test_ruff_runs_from_the_project_venv() -> None:
    hook = next(hook for hook in HOOKS if hook["id"] == "ruff")
    assert hook["entry"].startswith(".venv/bin/ruff check")
