"""The Coverage page: where the edition is thin (coverage.py), kept out of the site's search."""

from __future__ import annotations

from ..coverage import Section
from . import paths
from .markdown import escape, front_matter, link


def render_coverage(sections: list[Section]) -> str:
    page = paths.COVERAGE
    out = [
        front_matter("Coverage", "Where the edition is thin: for contributors.", edit_path="", search={"exclude": True}),
        "# Coverage\n",
        "For contributors: where the edition is thin. `make coverage` prints the same in a terminal.\n",
    ]
    for section in sections:
        out.append(f"## {escape(section.title)} ({escape(section.summary)})\n")
        lines = [
            f"- [{escape(gap.text)}]({link(page, gap.page, gap.anchor)})" if gap.page else f"- {escape(gap.text)}" for gap in section.items
        ]
        out.append("\n".join(lines) + "\n" if lines else "None.\n")
    return "\n".join(out)
