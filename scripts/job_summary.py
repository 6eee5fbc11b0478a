"""The CI job summary of a pull request: what the data check said, the annotations it adds, and the built site.

    .venv/bin/python scripts/job_summary.py --check-output check-output.txt [--base HEAD^1] [--site-artifact URL]

Prints Markdown (the workflow appends it to $GITHUB_STEP_SUMMARY). --check-output is what
`python -m build_scripts check --format github` printed (stdout and stderr); each problem is listed again in
plain words, since the annotations on the diff show only the lines a pull request touched. --base is the
revision the pull request is compared with (in a pull request's merge commit, its first parent): the
annotations whose ids are new since then are listed. Contributor text is shown inside a code block only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

COMMAND = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),col=(\d+)::(.*)$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LISTED = 50
"""At most this many problems are repeated in the summary (all of them are in the log)."""


def unescape(text: str) -> str:
    """The inverse of GitHub's escaping of workflow commands (build_scripts/problems.py)."""
    for escaped, character in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, character)
    return text


def problems_in(output: str) -> list[str]:
    """Each workflow command of the check's output as ``path:line:col: [warning: ]message — hint``."""
    found = []
    for line in output.splitlines():
        command = COMMAND.match(line)
        if command:
            kind, path, row, col, message = command.groups()
            label = "warning: " if kind == "warning" else ""
            found.append(f"{unescape(path)}:{row}:{col}: {label}{unescape(message)}")
    return found


def fenced(lines: list[str]) -> str:
    """A code block whose fence is longer than any run of backticks inside it, so nothing escapes it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + "text", *lines, fence])


def annotation_ids(revision: str | None, root: Path) -> set[str]:
    """Ids of the annotations in data/annotations/ at ``revision`` (None: the working tree)."""
    if revision is None:
        texts = [path.read_text(encoding="utf-8") for path in sorted((root / "data" / "annotations").glob("*.yml"))]
    else:
        listing = _git(root, "ls-tree", "-r", "--name-only", revision, "--", "data/annotations/")
        texts = [_git(root, "show", f"{revision}:{name}") for name in listing.splitlines() if name.endswith(".yml")]
    ids: set[str] = set()
    for text in texts:
        entries = yaml.safe_load(text)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str) and ID.match(entry["id"]):
                ids.add(entry["id"])
    return ids


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def summary(check_output: str, root: Path, base: str | None, site_artifact: str) -> str:
    """The whole summary, as Markdown."""
    problems = problems_in(check_output)
    verdict = next((line for line in check_output.splitlines() if line.startswith("data/: no problems")), None)
    clean = verdict is not None
    if verdict is not None:
        parts = ["## Data check", "", fenced([verdict])]
    elif problems:
        shown = problems[:LISTED]
        more = f" (the first {LISTED} are below; all are in the log)" if len(problems) > LISTED else ""
        parts = ["## Data check", "", f"{len(problems)} problem(s), each marked on its line in *Files changed*{more}:", "", fenced(shown)]
    else:
        parts = ["## Data check", "", "The check did not finish: its output is in the log of *Check the data*."]
    if clean and base is not None:
        added = sorted(annotation_ids(None, root) - annotation_ids(base, root))
        parts += ["", "## Annotations", "", f"{len(added)} added: " + ", ".join(f"`{id_}`" for id_ in added) if added else "None added."]
    if site_artifact:
        parts += [
            "",
            "## The built site",
            "",
            f"[Download the built site]({site_artifact}) (a zip: unpack it, run "
            "`python3 -m http.server -d site`, open http://127.0.0.1:8000/).",
        ]
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-output", type=Path, required=True, help="what check --format github printed")
    parser.add_argument("--base", help="the revision compared with, e.g. HEAD^1 in a pull request's merge commit")
    parser.add_argument("--site-artifact", default="", help="the URL of the uploaded site artifact")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    options = parser.parse_args()
    output = options.check_output.read_text(encoding="utf-8") if options.check_output.exists() else ""
    print(summary(output, options.root, options.base, options.site_artifact), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
