"""Problems found in contributor data, and how they print: ``path:line:col: message — hint`` in a terminal,
or as a GitHub workflow command (``::error file=…,line=…,col=…::message — hint``, ``::warning`` for a
warning), which GitHub shows on the very line of a pull request's diff.

A problem is an error (the build stops, exit 1) unless it is a warning: something worth a
reviewer's eye that the data may nevertheless hold (an invisible character in a transcript,
which is the source and kept verbatim). Warnings are printed and the build goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, with the place and the fix."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        text = f"{self.path}:{self.line}:{self.col}: {label}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text


def errors_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop the build (every one that is not a warning)."""
    return [p for p in problems if p.severity == "error"]


def warnings_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are only reported."""
    return [p for p in problems if p.severity == "warning"]


class ProblemsFound(Exception):
    """Raised when a phase cannot go on; carries every problem found so far (warnings too)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
        self.errors = errors_among(self.problems)
        super().__init__(f"{len(self.errors)} problem(s)")


def print_problems(problems: Iterable[Problem], output_format: str = "text") -> None:
    """Text lines go to stderr; workflow commands to stdout, where the runner looks for them."""
    for problem in problems:
        if output_format == "github":
            print(github_command(problem))
        else:
            print(problem, file=sys.stderr)


def github_command(problem: Problem) -> str:
    """The problem as a workflow command: ``::warning`` for a warning, ``::error`` for an error."""
    command = "warning" if problem.severity == "warning" else "error"
    text = f"{problem.message} — {problem.hint}" if problem.hint else problem.message
    where = f"file={_escape_property(problem.path)},line={problem.line},col={problem.col}"
    return f"::{command} {where}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    """GitHub's rule for a command's message (actions/toolkit, escapeData): a newline would end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's rule for a property value (escapeProperty): ',' separates properties and ':' ends them."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
