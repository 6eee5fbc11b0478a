""".github/: the workflows and Dependabot's settings, audited as GitHub would run them (they cannot run here).

zizmor (security: pinning, permissions, credentials, injection), actionlint (syntax, expressions, the shell of
every run: line through shellcheck) and GitHub's own schemas (check-jsonschema's copies) read the real files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.project_copy import ROOT

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_zizmor_finds_nothing_at_medium_or_high() -> None:
    """--strict-collection: a file zizmor cannot parse is a failure, not a warning and a file left out."""
    result = run(str(BIN / "zizmor"), "--offline", "--strict-collection", "--no-exit-codes", "--format", "json", ".github/")
    assert result.returncode == 0, result.stderr
    for path in [*WORKFLOWS, GITHUB / "dependabot.yml"]:
        assert f"completed {path.relative_to(ROOT)}" in result.stderr
    findings = json.loads(result.stdout)
    serious = [
        (f["ident"], f["determinations"]["severity"], f["locations"][0]["symbolic"]["key"])
        for f in findings
        if f["determinations"]["severity"] in ("Medium", "High")
    ]
    assert serious == [], run(str(BIN / "zizmor"), "--offline", ".github/").stdout


def test_actionlint_and_shellcheck_find_nothing() -> None:
    result = run(str(BIN / "actionlint"), "-shellcheck", str(BIN / "shellcheck"), *map(str, WORKFLOWS))
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize(
    "schema, files",
    [("vendor.github-workflows", [str(path) for path in WORKFLOWS]), ("vendor.dependabot", [str(GITHUB / "dependabot.yml")])],
)
def test_github_schemas_accept_the_files(schema: str, files: list[str]) -> None:
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_release_named(workflow: Path) -> None:
    uses = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert uses and [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_checkout_keeps_no_credentials_and_no_browser_comes_from_apt(workflow: Path) -> None:
    text = workflow.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert document["permissions"] == {}, "write access is given per job, never to the whole workflow"
    for job in document["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    assert "/usr/bin/chromium" not in text and not re.search(r"apt(-get)? install[^\n]*chrom", text)


def test_pull_requests_never_get_a_write_token() -> None:
    """pull_request (never pull_request_target): a fork's run has a read-only token and no secrets; the one job
    with write permissions runs for a push to main only."""
    document = yaml.safe_load((GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = document[True]  # PyYAML reads the key `on` as True (YAML 1.1)
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    for name, job in document["jobs"].items():
        writes = [scope for scope, access in job.get("permissions", {}).items() if access == "write"]
        if writes:
            assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'", name


def test_the_browser_tests_get_playwrights_chromium_on_the_runner() -> None:
    steps = yaml.safe_load((GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    install = runs.index(".venv/bin/python -m playwright install --with-deps chromium")
    assert install < runs.index("make test")


def test_the_workflow_reports_problems_on_their_lines() -> None:
    text = (GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert 'make check CHECK_ARGS="--strict --format github"' in text


def test_dependabot_updates_the_lock_files_and_the_actions_weekly_in_groups() -> None:
    updates = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    assert sorted(update["package-ecosystem"] for update in updates) == ["github-actions", "npm", "pip"]
    for update in updates:
        assert update["schedule"]["interval"] == "weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]
    # Dependabot's pip support reads requirement files ending in .txt or .in: the locks must be among them.
    locks = sorted(path.name for path in ROOT.glob("requirements*.lock*"))
    assert locks and all(name.endswith(".txt") for name in locks), locks
    assert (ROOT / "package-lock.json").exists()  # npm's lock, for the Lighthouse test tools
