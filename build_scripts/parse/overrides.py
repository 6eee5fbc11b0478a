"""Editor overrides: the escape hatch no heuristic replaces (edition.yml ``overrides:``).

Each override names a block of transcript.txt by a ``line`` inside it or by a ``quote`` found
in exactly one block, and states what the parser could not know: the block's ``speaker``, its
turn's ``kind``, that a ``question`` starts there (and who asks), which question the turn
``belongs_to``, or whether the block joins the next (``join_next``). An override that matches
nothing, matches several blocks, names an unknown participant or contradicts another is a
problem at its own line in edition.yml.
"""

from __future__ import annotations

from ..model import Override, TranscriptMeta, Turn
from ..problems import Problem
from .blocks import Block, normalise_space

FIELDS = ("speaker", "kind", "question", "belongs_to", "join_next")
HINT = "see 'Editor overrides' in docs/adding-a-transcript.md; `python -m build_scripts report <id>` shows the lines"


class Overrides:
    """The overrides of one transcript, each tied to the first line of the block it names."""

    def __init__(
        self, meta: TranscriptMeta | None = None, blocks: list[Block] | None = None, problems: list[Problem] | None = None
    ) -> None:
        self.at: dict[int, dict[str, Override]] = {}
        self.turn_line: dict[int, int] = {}
        self.meta = meta
        if meta is None or not meta.overrides:
            return
        found = problems if problems is not None else []
        participants = {p.speaker for p in meta.participants}
        for override in meta.overrides:
            block = _target(override, blocks or [], meta.text_path, found)
            if block is None:
                continue
            for name in (n for n in ("speaker", "question") if getattr(override, n)):
                if getattr(override, name) not in participants:
                    found.append(
                        _problem(
                            override,
                            f"'{getattr(override, name)}' is not a participant of {meta.id}",
                            "use a 'speaker' id listed under 'participants'",
                        )
                    )
            fields = self.at.setdefault(block.line, {})
            for name in FIELDS:
                if getattr(override, name) is None:
                    continue
                earlier = fields.get(name)
                if earlier is not None and getattr(earlier, name) != getattr(override, name):
                    found.append(
                        _problem(
                            override,
                            f"contradicts the override at line {earlier.origin.line} "
                            f"({name} of the block at line {block.line} of {meta.text_path})",
                            "keep one of the two",
                        )
                    )
                    continue
                fields[name] = override

    def settle(self, mended: list[Block]) -> None:
        """Tie each override to the turn-level block that holds its block once page breaks are mended."""
        for block in mended:
            for line in self.at:
                if block.line <= line <= block.end:
                    self.turn_line[line] = block.line

    def _get(self, line: int, name: str) -> Override | None:
        return self.at.get(line, {}).get(name)

    def starts_turn(self, block: Block) -> bool:
        return any(self._get(block.line, n) for n in ("speaker", "question"))

    def speaker_at(self, block: Block) -> str | None:
        override = self._get(block.line, "speaker")
        return override.speaker if override else None

    def joins(self, previous: Block, block: Block) -> bool | None:
        override = self._get(previous.line, "join_next")
        if override is not None:
            return override.join_next
        return False if self.starts_turn(block) else None

    def _of_turn(self, turn: Turn, name: str) -> Override | None:
        lines = {p.line for p in turn.paragraphs}
        return next((fields[name] for line, fields in self.at.items() if name in fields and self.turn_line.get(line, line) in lines), None)

    def kind_of(self, turn: Turn) -> str | None:
        override = self._of_turn(turn, "kind")
        return override.kind if override else None

    def question_at(self, turn: Turn) -> tuple[str | None] | None:
        override = self._of_turn(turn, "question")
        return (override.question or None,) if override else None

    def belongs_to(self, turn: Turn) -> int | None:
        override = self._of_turn(turn, "belongs_to")
        return override.belongs_to if override else None

    def question_problems(self, count: int) -> list[Problem]:
        """``belongs_to`` naming a question the transcript does not have."""
        return [
            _problem(
                fields["belongs_to"],
                f"there is no question {fields['belongs_to'].belongs_to} (the transcript has {count})",
                "number questions as `python -m build_scripts report` does",
            )
            for fields in self.at.values()
            if "belongs_to" in fields and not 1 <= (fields["belongs_to"].belongs_to or 0) <= count
        ]


def _target(override: Override, blocks: list[Block], text_path: str, problems: list[Problem]) -> Block | None:
    if override.line is not None:
        block = next((b for b in blocks if b.line <= override.line <= b.end), None)
        if block is None:
            problems.append(_problem(override, f"line {override.line} of {text_path} is blank, a title line or beyond the end", HINT))
        return block
    wanted = normalise_space(override.quote).casefold()
    matches = [b for b in blocks if wanted and wanted in b.text.casefold()]
    if len(matches) == 1:
        return matches[0]
    where = ", ".join(str(b.line) for b in matches[:5])
    message = f"the quote is not in {text_path}" if not matches else f"the quote is in {len(matches)} blocks of {text_path} (lines {where})"
    problems.append(_problem(override, message, "quote more words, or give 'line:' instead" if matches else HINT))
    return None


def _problem(override: Override, message: str, hint: str) -> Problem:
    return Problem(override.origin.path, override.origin.line, override.origin.col, f"override: {message}", hint)
