"""What ``init`` can guess about a raw transcript: each label's kind, the title, the date, layout hints.

Guesses only: the draft says so, and `make check` and the structure report show what is left.
"""

from __future__ import annotations

import re
from datetime import date

from .parse.blocks import Block, is_separator, normalise_space, split_blocks, strip_bold
from .parse.candidates import Candidates
from .parse.layout import Layout
from .parse.matter import is_dateline, with_front_matter

_MONTHS = {
    m: i for i, m in enumerate(("january february march april may june july august september october november december").split(), start=1)
}
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+),? (?P<year>\d{4})\b"),
)
_MODERATOR = re.compile(
    r"\b(?:moderator|host|co-?host|chair(?:man|woman|person)?|presenter|anchor|mc|announcer"
    r"|operator|facilitator|emcee)\b",
    re.I,
)
_OUTLET = re.compile(
    r"\b(?:reporter|journalist|correspondent|press|news|times|daily|radio|television|tv|agency|post|gazette|herald"
    r"|tribune|journal|wire|broadcast(?:ing)?|channel|network|magazine|media|newspaper|reuters|bloomberg|xinhua"
    r"|kyodo|yonhap|afp|ap|bbc|cnn|cbs|nbc|abc|npr|pbs|fox|cctv|cgtn|nhk|tass|ria|dpa|efe|ansa|kbs|mbc|sbs|rt|ard"
    r"|zdf|wsj|upi|itv|cbc|sky|al jazeera|dw|phoenix)\b",
    re.I,
)
_HONORIFIC_SURNAME = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|madam|h\.?e)\.? [\w'’-]+$", re.I)
_FRONT_TITLE = re.compile(r"(?:^|\s)title:\s*[\"']?(?P<title>[^\"'\n]+?)[\"']?\s*(?:\n|$)")
_FRONT_DATE = re.compile(r"(?:^|\s)date:\s*[\"']?(?P<date>\d{4}-\d{2}-\d{2})")
MAX_TITLE_WORDS = 25


def guess_kind(label: str) -> str:
    """moderator, outlet or official, from the words of a label."""
    if _MODERATOR.search(label):
        return "moderator"
    if _OUTLET.search(label):
        return "outlet"
    return "official"  # honorific + surname ("MR. OKAFOR"), a title ("SECRETARY PELL") or a full name


def front_matter(text: str) -> str:
    """The text of a YAML front-matter block at the top, with its line breaks ('' when there is none)."""
    blocks, front = with_front_matter(split_blocks(text), text)
    if front is None:
        return ""
    lines = text.splitlines()
    return "\n".join(lines[front.line - 1 : front.end])


def guess_title(text: str, found: Candidates) -> str:
    """The front matter's ``title:``, else the first block when it is a heading (never a speaker's turn)."""
    front = front_matter(text)
    match = _FRONT_TITLE.search(front)
    if match:
        return match.group("title").strip()
    for block in _body(text, bool(front), per_line=found.turns_on_consecutive_lines > 0):
        heading = normalise_space(strip_bold(block.text).lstrip("# "))
        if is_separator(heading) or is_dateline(heading, Layout()):
            continue
        # a speaker's turn is not a title: a label that opens other turns too ("Moderator: Good morning.")
        labelled = any(heading.startswith(f"{label}:") for label, count in found.labels.items() if count > 1)
        return "" if labelled or len(heading.split()) > MAX_TITLE_WORDS else heading
    return ""


def guess_date(text: str) -> str | None:
    """The front matter's ``date:``, else a dateline's date (a block that is only a date), else the first date."""
    match = _FRONT_DATE.search(front_matter(text))
    if match:
        return match.group("date")
    datelines = [b.text for b in split_blocks(text[:5000]) if len(b.text.split()) <= 6]
    for candidate in (*datelines, text[:5000]):
        found = _first_date(candidate)
        if found:
            return found
    return None


def unlabelled_opening(text: str, found: Candidates) -> bool:
    """True when speech comes before the first label (a spokesperson's unlabelled opening statement)."""
    for block in _body(text, bool(front_matter(text)))[1:]:
        words = normalise_space(strip_bold(block.text))
        if any(words.startswith(f"{label}:") or words == f"{label}:" for label in found.labels):
            return False
        if len(words.split()) > 12 and words.rstrip().endswith((".", "!", "?")) and not is_dateline(words, Layout()):
            return True
    return False


def markdown_escapes(text: str) -> int:
    """How many Markdown escapes (``\\[``, ``\\*``, ``\\_``) the text holds."""
    return len(re.findall(r"\\[\[\]*_#.()\-]", text))


def _body(text: str, has_front: bool, per_line: bool = False) -> list[Block]:
    blocks = split_blocks(text, per_line=per_line)
    if has_front:
        blocks, front = with_front_matter(blocks, text)
        return blocks[1:]
    return blocks


def _first_date(text: str) -> str | None:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else _MONTHS.get(month.casefold(), 0)
            try:
                return date(int(match.group("year")), number, int(match.group("day"))).isoformat()
            except ValueError:
                continue
    return None
