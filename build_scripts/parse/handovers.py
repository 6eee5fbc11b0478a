"""A moderator handing over the floor in their own words ("This question goes to NAME.").

``handover_patterns`` (layout.py) capture a ``name`` and/or an ``outlet``; this module finds
the participants they name. A name that is nobody's is reported as a warning (the structure is
probably wrong, but nothing is lost), with the fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem
from .blocks import normalise_space
from .floor import named_participant
from .labels import Labels
from .layout import Layout


@dataclass(frozen=True, slots=True)
class Handover:
    """Who the moderator named: the participant who speaks next, and their outlet when also named."""

    to: str | None
    outlet: str | None


def find_handover(
    text: str, line: int, layout: Layout, labels: Labels, text_path: str, edition_path: str, problems: list[Problem]
) -> Handover | None:
    """The first hand-over in a moderator's paragraph, if any (``to`` is None when it names nobody known)."""
    for pattern in layout.handovers:
        match = pattern.search(text)
        if not match:
            continue
        found = {key: normalise_space(value) for key, value in match.groupdict().items() if key in ("name", "outlet") and value}
        name = _who(found.get("name"), labels)
        outlet = _who(found.get("outlet"), labels)
        if name is None and outlet is None and found:
            who = " of ".join(f"'{value}'" for value in found.values())
            problems.append(
                Problem(
                    text_path,
                    line,
                    1,
                    f"the moderator hands over to {who}, who is not a participant",
                    f"add {who} to the 'names' of a participant in {edition_path}, or set the asker with an override",
                    "warning",
                )
            )
        return Handover(name or outlet, outlet if name else None)
    return None


def _who(text: str | None, labels: Labels) -> str | None:
    return named_participant(text, labels) if text else None
