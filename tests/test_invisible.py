"""Invisible characters: refused in contributor YAML, kept and shown in a transcript."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from build_scripts.invisible import INVISIBLE, invisible_character_problems, invisible_characters, marker
from build_scripts.render.markdown import escape
from tests.conftest import run_cli

SEED = "xinjiang-2020-06-19"


def test_every_character_the_issue_names_is_invisible() -> None:
    named = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    assert sorted(map(ord, INVISIBLE)) == sorted(named)
    assert INVISIBLE["\u202e"] == "U+202E RIGHT-TO-LEFT OVERRIDE"


def test_each_is_found_at_its_line_and_column() -> None:
    text = "first\u200b line\nsecond\n\u202eabc\r\nx\u2066y\u2069"
    assert list(invisible_characters(text)) == [(1, 6, "\u200b"), (3, 1, "\u202e"), (4, 2, "\u2066"), (4, 4, "\u2069")]


def test_in_yaml_each_is_an_error_naming_it() -> None:
    [problem] = invisible_character_problems("body: |\n  The law\u202e was signed.\n", "data/annotations/a.yml")
    assert str(problem) == (
        "data/annotations/a.yml:2:10: invisible character U+202E RIGHT-TO-LEFT OVERRIDE: "
        "it changes what readers see without being seen — delete it"
    )


def test_in_a_transcript_each_is_a_warning() -> None:
    [problem] = invisible_character_problems("Moderator: Hello\u200b.\n", "t/transcript.txt", "warning")
    assert problem.severity == "warning" and (problem.line, problem.col) == (1, 17)
    assert "shown in the edition as ⟨U+200B⟩" in problem.message


def test_a_transcript_keeps_them_the_edition_shows_them(project: Path) -> None:
    transcript = project / "data/transcripts" / SEED / "transcript.txt"
    text = transcript.read_text(encoding="utf-8")
    transcript.write_text(text.replace("Dear friends from", "Dear \u202efriends\u202c from", 1), encoding="utf-8")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    line = text[: text.index("Dear friends from")].count("\n") + 1
    assert (
        f"data/transcripts/{SEED}/transcript.txt:{line}:17: warning: invisible character U+202E RIGHT-TO-LEFT OVERRIDE in the transcript"
    ) in result.stderr
    html = (project / "site/transcripts" / SEED / "index.html").read_text(encoding="utf-8")
    assert "\u202e" not in html and "\u202c" not in html  # never applied
    page = lxml.html.fromstring(html)
    marks = [(s.get("title"), s.text_content()) for s in page.find_class("invisible-character")]
    assert ("U+202E RIGHT-TO-LEFT OVERRIDE", marker("\u202e")) in marks
    assert ("U+202C POP DIRECTIONAL FORMATTING", "⟨U+202C⟩") in marks
    paragraph = next(p for p in page.iter("p") if "friends" in p.text_content() and "Dear" in p.text_content())
    assert "Dear ⟨U+202E⟩friends⟨U+202C⟩ from the press" in paragraph.text_content()


@pytest.mark.parametrize(
    "word",
    [
        "می\u200cخواهم",  # Persian: a zero-width non-joiner inside the word "I want"
        "क्\u200dष",  # Devanagari: a zero-width joiner after the virama
        "👨\u200d👩\u200d👧",  # an emoji sequence
    ],
)
def test_a_joiner_inside_a_word_of_a_script_that_needs_it_is_neither_refused_nor_marked(word: str) -> None:
    assert invisible_character_problems(f"name: {word}\n", "data/speakers.yml") == []
    assert escape(word) == word


@pytest.mark.parametrize(
    "text, col",
    [
        ("pay\u200cpal", 4),  # between ASCII letters it could disguise a word
        ("a\u200dمی", 2),  # one neighbour is ASCII
        ("\u200cمی", 1),  # no letter before it
        ("می\u200c", 3),  # no letter after it
        ("می\u200c خواهم", 3),  # a space after it
    ],
)
def test_a_joiner_elsewhere_is_refused_and_marked(text: str, col: int) -> None:
    [problem] = invisible_character_problems(text, "data/speakers.yml")
    assert (problem.line, problem.col) == (1, col) and "ZERO WIDTH" in problem.message
    assert escape(text).count('class="invisible-character"') == 1
