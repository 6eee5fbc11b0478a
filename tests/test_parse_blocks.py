"""Raw text → blocks: blank lines (of any whitespace) split, page breaks mend, the title is taken."""

from __future__ import annotations

import re
import sys

from build_scripts.parse.blocks import Block, mend_breaks, normalise_space, split_blocks, strip_bold, take_title


def texts(blocks: list[Block]) -> list[tuple[str, int]]:
    return [(b.text, b.line) for b in blocks]


def test_blank_lines_with_spaces_and_nbsp_separate_blocks() -> None:
    text = "one\ntwo\n \u00a0 \nthree\r\n\r\nfour"
    assert texts(split_blocks(text)) == [("one two", 1), ("three", 4), ("four", 6)]


def test_per_line_makes_every_line_a_block() -> None:
    assert texts(split_blocks("a: x\nb: y\n\nc", per_line=True)) == [("a: x", 1), ("b: y", 2), ("c", 4)]


def test_line_numbers_count_only_real_line_breaks() -> None:
    # a form feed or U+2028 inside a line is whitespace, not a new line, as in an editor
    assert texts(split_blocks("a\fb\u2028c\n\nd")) == [("a b c", 1), ("d", 3)]


def test_unfinished_sentence_joins_the_next_block_unless_it_starts_a_turn() -> None:
    blocks = [Block("and causing", 1), Block("damage.", 4), Block("ends", 6), Block("Moderator: next", 8)]
    mended = mend_breaks(blocks, lambda text: text.startswith("Moderator:"))
    assert texts(mended) == [("and causing damage.", 1), ("ends", 6), ("Moderator: next", 8)]


def test_title_is_taken_while_blocks_spell_it() -> None:
    blocks = split_blocks("**The 10th Press**\n\nConference\n\nBody text.")
    heading, body = take_title(blocks, "The 10th Press Conference", None)
    assert heading == ["**The 10th Press**", "Conference"] and texts(body) == [("Body text.", 5)]


def test_title_lines_take_a_fixed_count() -> None:
    heading, body = take_title(split_blocks("A\n\nB\n\nC"), "unrelated", 2)
    assert heading == ["A", "B"] and [b.text for b in body] == ["C"]


def test_strip_bold() -> None:
    assert strip_bold("**Reporter:**") == "Reporter:" and strip_bold("__x__") == "x" and strip_bold("*x*") == "*x*"


def test_normalise_space_collapses_exactly_what_a_regex_whitespace_run_matches() -> None:
    """It splits with str.split(); every code point must be whitespace to both or to neither."""
    spaces = re.compile(r"\s+")
    for code in range(sys.maxunicode + 1):
        text = f"a {chr(code)}\u00a0b"
        assert normalise_space(text) == spaces.sub(" ", text).strip(), f"U+{code:04X}"
    assert normalise_space("  one\t two\n\u2003three  ") == "one two three"
