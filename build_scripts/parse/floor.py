"""What a turn does with the floor: asks something, or only passes the floor on.

Two questions the parser asks of a whole turn once it has read it:

* does a questioner's turn ask anything? A panel member introducing themselves ("Ana Ruiz,
  Channel 5 News, good evening."), a sound check ("Am I on? Can you hear me?") or thanks do
  not open a question;
* does a turn only pass the floor ("Dr. Ruiz?", "Next question, please.", "Over to the
  Secretary.", "Senator Ortega, your reply?")? Then it is moderation, never an answer, and the
  participant it names (if any) speaks next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import Labels

_SOUND_CHECK = re.compile(
    r"(?:am I|are we|is (?:this|it|my (?:mic|microphone))) (?:on|live|working|coming through)\??"
    r"|can (?:you|everyone|everybody|you all) hear (?:me|us)(?: (?:now|okay|OK|all right))?\??",
    re.I,
)
_REQUEST = re.compile(
    r"\b(?:comment|comments|details|elaborate|clarify|confirm|react|reaction"
    r"|update|explain|tell us|share|brief us|your view|your views|your take)\b",
    re.I,
)
_ASKING = re.compile(r"\b(?:ask|asking|question|wonder|follow[- ]up|what|why|how|when|where|which|whether)\b", re.I)
_PASS = re.compile(
    r"(?:next question|(?:please )?go ahead|over to (?:you|the \w+(?: \w+)?)|(?:I'll|I will|let me) (?:hand|turn) "
    r"(?:it )?over to .{1,40}|the floor is yours|you have the floor|(?:and )?your (?:reply|response|rebuttal|question|turn)"
    r"|(?:a|any) (?:reply|response|rebuttal)|(?:anything|something) (?:to add|else)"
    r"|would you like to (?:add|respond|reply)|(?:do you )?care to (?:respond|reply)"
    r"|(?:would|do) you (?:want to )?(?:respond|reply)|please|next|you're (?:on|up))(?: please)?",
    re.I,
)
_FILLER = re.compile(
    r"(?:thank you(?: (?:very much|all|both))?|thanks|ok|okay|all right|alright|great|good|everyone"
    r"|everybody|folks|all)",
    re.I,
)
_HONORIFIC_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|St)\.")
_TITLE = re.compile(
    r"(?:Mr|Madam|Madame|Mister) (?:President|Secretary|Minister|Chairman|Speaker|Mayor)|Sir|Ma'am|Madam"
    r"|Senator|Councillor|Councilor|Minister|Mayor|Governor|Secretary|Director|Ambassador|President"
    r"|Congressman|Congresswoman|Commissioner|Chancellor|Professor|Doctor|Judge|General|Admiral"
)
"""A title alone, addressing someone without a name ("Councillor, a response?")."""
_CLAUSES = re.compile(r"[.,?!;:—–]+\s*")
MAX_FLOOR_WORDS = 14
QUESTION_WITHOUT_MARK_WORDS = 12
"""A questioner's turn without a question mark asks only when it is at least this long and asks in words."""


@dataclass(frozen=True, slots=True)
class FloorPass:
    """A turn that only passes the floor; ``to`` is the participant it names, if any."""

    to: str | None
    next_question: bool
    invites: bool = False
    """It asks for a reply ("your reply?", "Councillor, a response?"), naming nobody perhaps."""


def asks(text: str) -> bool:
    """True when a questioner's turn asks something (not only a greeting, thanks or a sound check).

    A question mark outside a sound check asks; so does a request ("Please give us more details.",
    "Your comment on the report.") of a few words, a sentence asking in words of at least
    ``QUESTION_WITHOUT_MARK_WORDS``, or any turn of 30 words.
    """
    rest = _SOUND_CHECK.sub(" ", text)
    if "?" in rest:
        return True
    words = len(rest.split())
    return (
        words >= 30 or (words >= 4 and bool(_REQUEST.search(rest))) or (words >= QUESTION_WITHOUT_MARK_WORDS and bool(_ASKING.search(rest)))
    )


def floor_pass(text: str, labels: Labels, speaker: str | None) -> FloorPass | None:
    """The floor pass this whole turn is, or None when it says anything more."""
    if not text.strip() or len(text.split()) > MAX_FLOOR_WORDS:
        return None
    named: str | None = None
    passes = titled = False
    for clause in _CLAUSES.split(_HONORIFIC_DOT.sub(r"\1", text)):
        clause = clause.strip()
        if not clause or _FILLER.fullmatch(clause):
            continue
        if _PASS.fullmatch(clause):
            passes = True
            continue
        if _TITLE.fullmatch(clause):
            titled = True
            continue
        who = named_participant(clause, labels)
        if who is None or who == speaker:
            return None
        named = who
    if not passes and named is None:
        return None if _FILLER.search(text) is None and _TITLE.search(text) is None else FloorPass(None, False)
    return FloorPass(named, bool(re.search(r"\bnext\b", text, re.I)), passes or titled)


def calls_on(text: str) -> str | None:
    """A whole turn that only calls on someone, as a spokesperson does: "Yes, Pablo." / "Go ahead, Matt."
    ('addressed'), or a name alone, "Said." ('bare': a short answer looks the same, so the caller checks more)."""
    match = _CALL.fullmatch(text.strip())
    if match is None or any(w.casefold() in _NOT_NAMES for w in match.group("name").split()):
        return None
    return "addressed" if match.group("cue") else "bare"


_CALL = re.compile(
    r"(?:(?P<cue>yes|okay|ok|go ahead|please|sure|all right|and),? )?"
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)[.?!]?",
    re.I,
)


_NOT_NAMES = frozenset(
    """no not none never nothing nobody correct right exactly absolutely indeed true false
certainly sure maybe perhaps possibly probably thanks thank okay ok both neither all i we it that this yes""".split()
)


def named_participant(words: str, labels: Labels) -> str | None:
    """The participant these words name, also after a title ("Senator Ortega", "Secretary Blinken")."""
    parts = words.split()
    for start in range(min(len(parts), 3)):
        if not parts[start][:1].isupper():
            return None
        found = labels.speaker_called(" ".join(parts[start:]))
        if found:
            return found
    return None
