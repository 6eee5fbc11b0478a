"""Each transcript layout of tests/fixtures/layouts/ (invented texts) parses with the right speakers,
questions and notes, and without losing a word, through its edition.yml alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from build_scripts.load.records import transcript_meta_from
from build_scripts.load.schema import schema_problems
from build_scripts.load.yaml_file import read_yaml
from build_scripts.model import Transcript, TranscriptMeta
from build_scripts.parse import parse_transcript
from build_scripts.parse.layout import DEFAULT_HANDOVERS, layout_from
from build_scripts.parse.unescape import restore_held, unescape_markdown
from tests.factories import assert_lossless

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"
ALL = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def load_fixture(name: str, **layout: object) -> TranscriptMeta:
    """Read a fixture as `make check` reads a transcript (schema included); ``layout`` overrides options."""
    folder = FIXTURES / name
    value, root = read_yaml(folder / "edition.yml", f"{name}/edition.yml")
    assert schema_problems(value, root, "edition.schema.json", f"{name}/edition.yml") == []
    if layout:
        value["layout"] = {**value.get("layout", {}), **layout}
    text = (folder / "transcript.txt").read_text(encoding="utf-8")
    return transcript_meta_from(value, root, f"{name}/edition.yml", text, f"{name}/transcript.txt")


def parse(name: str, **layout: object) -> Transcript:
    transcript, problems = parse_transcript(load_fixture(name, **layout))
    assert problems == []
    return transcript


def speakers(transcript: Transcript) -> list[tuple[str, str | None]]:
    return [(turn.kind, turn.speaker) for turn in transcript.turns]


def exchanges(transcript: Transcript) -> list[tuple[str | None, list[str], int]]:
    return [(q.asked_by, q.answered_by, len(q.turns)) for q in transcript.questions]


def notes(transcript: Transcript) -> list[str]:
    return [p.text for p in transcript.paragraphs() if p.kind == "note"]


@pytest.mark.parametrize("name", ALL)
def test_no_word_is_lost(name: str) -> None:
    transcript = parse(name)
    source = (FIXTURES / name / "transcript.txt").read_text(encoding="utf-8")
    if transcript.meta.layout.get("markdown_escaped"):  # the reader sees the text unescaped
        source = restore_held(unescape_markdown(source))
    assert_lossless(source, transcript)
    assert transcript.heading.casefold() == transcript.meta.title.casefold()


def test_at_least_five_layouts() -> None:
    assert len(ALL) >= 5


def test_q_and_a_labels_name_nobody() -> None:
    transcript = parse("fixture-qa-labels")
    quill = "fixture-dana-quill"  # the only official: "A:" is hers
    assert speakers(transcript) == [
        ("narration", None),
        ("question", None),
        ("answer", quill),
        ("question", None),
        ("answer", quill),
        ("remark", None),
    ]
    # the closing "Q: Thank you." asks nothing: it stays with the open question and opens none
    assert exchanges(transcript) == [(None, [quill], 2), (None, [quill], 3)]
    assert [t.label for t in transcript.turns] == ["", "Q", "A", "Q", "A", "Q"]
    assert len(transcript.turns[2].paragraphs) == 2  # an unlabelled paragraph continues the answer


def test_outlet_labels_with_follow_ups() -> None:
    transcript = parse("fixture-outlet-labels")
    assert exchanges(transcript) == [("fixture-harbour-gazette", ["fixture-pat-venn"], 6), ("fixture-wire", ["fixture-pat-venn"], 2)]
    assert [t.question for t in transcript.turns] == [None, "q1", "q1", "q1", "q1", "q1", "q1", "q2", "q2"]


def test_without_follow_ups_each_outlet_turn_is_a_question() -> None:
    transcript = parse("fixture-outlet-labels", follow_ups=False)
    assert [q.asked_by for q in transcript.questions] == ["fixture-harbour-gazette"] * 3 + ["fixture-wire"]


def test_capitals_honorifics_and_a_bare_q() -> None:
    transcript = parse("fixture-caps-honorifics")
    assert speakers(transcript) == [
        ("narration", None),
        ("remark", "fixture-chidi-okafor"),
        ("question", None),
        ("answer", "fixture-chidi-okafor"),
        ("question", None),
        ("answer", "fixture-lena-brandt"),
        ("remark", None),
    ]
    assert [t.label for t in transcript.turns][1:4] == ["MR. OKAFOR", "Q", "MR. OKAFOR"]
    # "A few branches…" opens a sentence: only the listed bare labels count without a colon
    assert transcript.turns[5].paragraphs[-1].text == "A few branches will need a seventh."


def test_a_bare_q_is_text_unless_the_layout_lists_it() -> None:
    transcript, _ = parse_transcript(load_fixture("fixture-caps-honorifics", bare_labels=[]))
    assert len(transcript.questions) == 0
    assert "Q Will staff be paid overtime?" in [p.text for p in transcript.paragraphs()]


def test_long_single_line_turns_without_blank_lines() -> None:
    transcript = parse("fixture-long-lines")
    assert speakers(transcript) == [
        ("narration", None),
        ("remark", "fixture-tom-hale"),
        ("remark", "fixture-ana-ruiz"),
        ("remark", "fixture-ana-ruiz"),
        ("question", "fixture-tom-hale"),
        ("answer", "fixture-ana-ruiz"),
        ("remark", "fixture-tom-hale"),
    ]  # a welcome and thanks ask nothing, so the first answer answers nothing
    assert max(len(p.text) for p in transcript.paragraphs()) > 1000
    assert [p.text for p in transcript.turns[5].paragraphs] == ["The cooperative pays.", "It always has."]


def test_long_lines_need_the_lines_option() -> None:
    """With the default (blank lines separate paragraphs) consecutive turns run together: the option matters."""
    transcript, _ = parse_transcript(load_fixture("fixture-long-lines", paragraphs="blank-lines"))
    assert len(transcript.turns) < 7


def test_hard_wrapped_lines_and_notes() -> None:
    transcript = parse("fixture-hard-wrapped")
    assert speakers(transcript) == [
        ("narration", None),
        ("remark", "fixture-moderator"),
        ("question", "fixture-post"),
        ("answer", "fixture-iris-marsh"),
    ]
    assert notes(transcript) == ["[inaudible]", "(Laughter.)", "[crosstalk]"]
    answer = [(p.kind, p.text[:20]) for p in transcript.turns[3].paragraphs]
    assert answer == [
        ("speech", "Because the clay was"),
        ("note", "(Laughter.)"),
        ("speech", "The second rise"),
        ("note", "[crosstalk]"),
        ("speech", "was the pumps, which"),
    ]
    # wrapped lines are joined with one space, and blank lines holding spaces or NBSP still separate
    assert transcript.turns[1].paragraphs[0].text.endswith("about the invented canal project before the site visit.")
    assert [p.line for p in transcript.turns[2].paragraphs] == [11, 11, 11]  # pieces keep their block's first line


def test_inline_notes_stay_in_the_text_unless_configured() -> None:
    transcript = parse("fixture-hard-wrapped", inline_note_patterns=[])
    assert notes(transcript) == ["(Laughter.)"]
    assert "last year [inaudible] and again" in transcript.turns[2].paragraphs[0].text


def test_moderator_hands_over_in_own_words() -> None:
    transcript = parse("fixture-handovers")
    assert exchanges(transcript) == [("fixture-valley-courier", ["fixture-imre-solt"], 3), ("fixture-radio", ["fixture-lin-weber"], 3)]
    assert [t.label for t in transcript.turns if t.kind in ("question", "answer")] == ["", "", "", ""]


def test_a_handover_to_nobody_known_is_a_problem() -> None:
    meta = load_fixture("fixture-handovers", handover_patterns=[r"Next, (?P<name>[A-Z]\w+ [A-Z]\w+) of"])
    _, problems = parse_transcript(meta)
    handovers = [(p.path, p.line, p.message, p.severity) for p in problems if "hands over" in p.message]
    assert handovers == [
        ("fixture-handovers/transcript.txt", 13, "the moderator hands over to 'Ruth Aldo', who is not a participant", "warning")
    ]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("note_patterns", ["(unclosed"], "layout.note_patterns.0: '(unclosed' is not a valid regular expression"),
        ("handover_patterns", ["goes to [A-Z]+"], "layout.handover_patterns.0: 'goes to [A-Z]+' has no (?P<name>…)"),
        ("inline_note_patterns", ["x*"], "layout.inline_note_patterns.0: 'x*' matches empty text"),
    ],
)
def test_a_bad_layout_option_is_a_problem(option: str, value: object, message: str) -> None:
    _, found = parse_transcript(load_fixture("fixture-handovers", **{option: value}))
    problems = [p for p in found if p.severity == "error"]  # parsed with the defaults, some speakers go silent
    assert len(problems) == 1
    assert problems[0].path == "fixture-handovers/edition.yml" and problems[0].message.startswith(message)


GUIDE = Path(__file__).resolve().parent.parent / "docs" / "adding-a-transcript.md"


def test_the_guide_documents_every_layout_option_with_a_valid_example() -> None:
    schema = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "edition.schema.json").read_text())
    options = set(schema["properties"]["layout"]["properties"])
    guide = GUIDE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `(\w+)`", guide, re.M)) | {
        o for heading in re.findall(r"^### (.+)$", guide, re.M) for o in re.findall(r"`(\w+)`", heading)
    }
    assert options == documented
    examples = [yaml.safe_load(block)["layout"] for block in re.findall(r"```yaml\n(layout:.*?)```", guide, re.S)]
    assert options == {key for example in examples for key in example}  # each option has an example
    layout_schema = schema["properties"]["layout"]
    for example in examples:
        assert list(Draft202012Validator(layout_schema).iter_errors(example)) == []
        layout_from(example)  # compiles, or raises LayoutError
    # the defaults the guide prints are the parser's defaults
    assert tuple(next(e for e in examples if "(?:goes|will go)" in str(e))["handover_patterns"]) == DEFAULT_HANDOVERS
