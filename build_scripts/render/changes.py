"""The Changes page: the public corrections log (history/changes.py), newest first."""

from __future__ import annotations

from ..history.changes import ChangeItem
from ..model import Edition
from . import paths
from .markdown import escape, front_matter, link, long_date

INTRO = (
    "Every change to a published note, speaker profile, source, publisher, topic or transcript's metadata "
    "after it was first published, and every one removed, newest first, as the repository's history records "
    "it: the date, what changed, the note and the passage it concerns, and the commit's summary. Follow it as an "
    '[Atom feed](changes.xml){: type="application/atom+xml" }.'
)


def render_changes(edition: Edition, items: list[ChangeItem]) -> str:
    page = paths.CHANGES
    out = [
        front_matter("Changes", "Every change to a published note, profile, source or transcript metadata, newest first.", edit_path=""),
        "# Changes\n",
        INTRO + "\n",
    ]
    if edition.history.missing:
        out.append("The repository's history was not available when this site was built, so no change is listed.\n")
    elif not items:
        out.append("Nothing published has changed yet.\n")
    for date in dict.fromkeys(item.change.date for item in items):
        out.append(f"## {long_date(date)}\n")
        out.append("\n".join(_line(item, page, edition) for item in items if item.change.date == date) + "\n")
    return "\n".join(out)


def _line(item: ChangeItem, page: str, edition: Edition) -> str:
    change = item.change
    target = link(page, item.page, item.anchor) if item.page else ""
    label = f"[{escape(item.label)}]({target})" if target else escape(item.label)  # a removed record has no page
    where = f" ({escape(item.where)})" if item.where else ""
    commit = edition.history.commit_url(change)
    summary = f"[{escape(change.summary)}]({commit})" if commit else escape(change.summary)
    pull = f" (pull request #{change.pull_request})" if change.pull_request else ""
    return f"- **{escape(item.what)}**: {label}{where}. {summary}{pull}, by {escape(change.author)}."
