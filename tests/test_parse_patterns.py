"""Layout patterns run on RE2 with Python's meaning; what RE2 cannot run is refused with a hint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.parse.layout import DEFAULT_DATELINES, DEFAULT_HANDOVERS, DEFAULT_NARRATED_QUESTIONS, DEFAULT_NOTES
from build_scripts.parse.patterns import PatternError, compile_pattern

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"


def fixture_patterns() -> list[str]:
    """Every pattern the layout fixtures use."""
    found = []
    for edition in sorted(FIXTURES.glob("*/edition.yml")):
        layout = yaml.safe_load(edition.read_text(encoding="utf-8")).get("layout", {})
        found += [p for key, value in layout.items() if key.endswith("_patterns") for p in value]
    return found


PATTERNS = [
    *DEFAULT_HANDOVERS,
    *DEFAULT_NOTES,
    *DEFAULT_DATELINES,
    *DEFAULT_NARRATED_QUESTIONS,
    *fixture_patterns(),
    r"\w+",
    r"\d+",
    r"\s+",
    r"\W+",
    r"\S+",
    r"\D+",
    r"[\w\s]+",
    r"[^\s\d]+",
    r"caf\u00e9",
    r"end\Z",
    r"[]x]+",
    r"[^]x]+",
]
TEXT = st.lists(
    st.sampled_from(
        [
            *"aZé中 \u00a0\u2003\t\n.,;()[]!'’-_3٣Ⅻx",
            "This question goes to ",
            "Next, Ruth Aldo of ",
            "Please watch a short video.",
            "inaudible",
            "Director ",
            "end",
        ]
    )
).map("".join)


def test_the_fixtures_have_patterns_to_compare() -> None:
    assert len(fixture_patterns()) >= 3


@pytest.mark.parametrize("text", PATTERNS)
@settings(max_examples=60, deadline=None)
@given(subject=TEXT)
def test_a_pattern_finds_what_python_finds(text: str, subject: str) -> None:
    python, linear = re.compile(text), compile_pattern(text)
    assert [(m.start(), m.end(), m.groupdict()) for m in linear.finditer(subject)] == [
        (m.start(), m.end(), m.groupdict()) for m in python.finditer(subject)
    ]
    assert bool(linear.fullmatch(subject)) == bool(python.fullmatch(subject))
    assert linear.groupindex == dict(python.groupindex)


def test_white_space_is_pythons() -> None:
    assert not any(chr(c).isspace() for c in range(0x3001, 0x110000))  # so checking below U+3001 is enough
    pattern = compile_pattern(r"\s")
    assert [c for c in range(0x3001) if pattern.fullmatch(chr(c))] == [c for c in range(0x3001) if chr(c).isspace()]


def test_letters_of_any_script_are_word_characters() -> None:
    match = compile_pattern(r"Director (?P<name>\w+ \w+)").search("Director Dürüm Ölçer, please.")
    assert match is not None and match.groupdict() == {"name": "Dürüm Ölçer"}


def test_a_backtracking_pattern_runs_and_finds_nothing() -> None:
    # Python's re takes exponential time here; RE2 answers at once (the catalogue times it end to end).
    assert compile_pattern(r"(\w+\s?)*!").fullmatch("word " * 10_000) is None


@pytest.mark.parametrize(
    ("text", "reason", "hint"),
    [
        (r"(\w+) \1", "invalid escape sequence", "backreferences (\\1) cannot be run in linear time"),
        (r"(?P<w>\w+) (?P=w)", "invalid perl operator", "backreferences ((?P=name))"),
        (r"Mr(?=\.)", "invalid perl operator", "lookarounds"),
        (r"(?<!Vice )President", "invalid perl operator", "lookarounds"),
        (r"a++", "bad repetition operator", "possessive"),
        (r"(?>ab)", "invalid perl operator", "atomic groups"),
        (r"x{1001}", "invalid repetition size", "at most 1000"),
        (r"[\W]", "inside [...] is not supported", "write [^…]"),
        (r"(unclosed", "is not a valid regular expression", "check the brackets"),
    ],
)
def test_what_re2_cannot_run_is_refused_with_a_hint(text: str, reason: str, hint: str) -> None:
    with pytest.raises(PatternError) as raised:
        compile_pattern(text)
    assert reason in str(raised.value) and repr(text) in str(raised.value)
    assert hint in raised.value.hint
