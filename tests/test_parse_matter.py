"""Lines around the speech (parse/matter.py) and Markdown escapes (parse/unescape.py)."""

from __future__ import annotations

import pytest

from build_scripts.parse.blocks import is_separator, split_blocks
from build_scripts.parse.layout import Layout
from build_scripts.parse.matter import is_dateline, is_header_line, with_front_matter
from build_scripts.parse.unescape import restore_held, unescape_markdown


@pytest.mark.parametrize(
    "text",
    [
        "10:02 A.M. EDT",
        "1:31 p.m.",
        "11:20",
        "END",
        "(END)",
        "By video link",
        "Via Teleconference",
        "https://example.org/briefing",
        "Tuesday, 4 September 2001",
        "March 3, 2001",
        "* * *",
        "***",
        "---",
        "###",
        "•••",
    ],
)
def test_datelines_and_separators(text: str) -> None:
    assert is_dateline(text, Layout())


@pytest.mark.parametrize("text", ["The end of the war came in 1945.", "At 10:02 we started.", "Q", "A.M.", "-- a dash", "Ended."])
def test_not_datelines(text: str) -> None:
    assert not is_dateline(text, Layout())


def test_a_separator_line_is_its_own_block_even_without_blank_lines() -> None:
    blocks = split_blocks("We ask that\n---\neach speaker keep time.")
    assert [(b.text, b.line, b.end) for b in blocks] == [("We ask that", 1, 1), ("---", 2, 2), ("each speaker keep time.", 3, 3)]
    assert is_separator("- - -") and not is_separator("--") and not is_separator("aaa")


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("James S. Brady Press Briefing Room", True),
        ("Washington, D.C.", True),
        ("The following is a near-verbatim transcript of today's noon briefing.", True),
        ("Good morning. Three announcements.", False),
        ("Why now?", False),
        ("Good morning. The transcript of yesterday will be posted later today on our website.", False),
    ],
)
def test_header_lines(text: str, header: bool) -> None:
    assert is_header_line(text) is header


def test_front_matter_is_one_block_with_its_lines() -> None:
    text = "---\ntitle: X\n\ndate: 2001-01-01\n---\n\nX\n\nSpeech."
    blocks, front = with_front_matter(split_blocks(text), text)
    assert front is not None and (front.line, front.end) == (1, 5)
    assert [b.text for b in blocks] == ["--- title: X date: 2001-01-01 ---", "X", "Speech."]
    assert with_front_matter(split_blocks("X\n\n---\n\nY"), "X\n\n---\n\nY")[1] is None  # only at the very top


def test_markdown_escapes_read_as_the_character_and_start_no_emphasis() -> None:
    held = unescape_markdown(r"a \[senior official\] said \*twelve\* and 1\. x\_y \\ end")
    assert restore_held(held) == r"a [senior official] said *twelve* and 1. x_y \ end"
    assert "*" not in held  # held as a private-use character while emphasis is split
