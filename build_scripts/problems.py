"""Problems found in contributor data, and how they print: ``path:line:col: message (hint)``.

A problem is an error (the build stops, exit 1) unless it is a warning: something worth a
reviewer's eye that the data may nevertheless hold (an invisible character in a transcript,
which is the source and kept verbatim). Warnings are printed and the build goes on.
"""

from __future__ import annotations

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
