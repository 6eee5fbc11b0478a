"""Speaker labels from the metadata: standalone, inline, honorifics, bare Q, look-alikes."""

from __future__ import annotations

from build_scripts.model import Participant
from build_scripts.parse.labels import ANSWER, QUESTION, Labels, label_key, label_like
from build_scripts.parse.layout import layout_from

PEOPLE = (
    Participant("mod", "moderator", "Moderator", labels=("Moderator",)),
    Participant("smith", "official", "Minister", names=("Jane Smith",)),
    Participant("xinhua", "outlet", "Reporter", labels=("Reporter from Fixture News Agency",)),
)


def labels(**layout: object) -> Labels:
    return Labels(PEOPLE, layout_from(layout))


def test_label_key_ignores_case_bold_colon_and_honorifics() -> None:
    assert label_key("**MR.  SMITH:**") == label_key("Smith") == "smith"


def test_standalone_label_split_over_lines_and_bold() -> None:
    match = labels().standalone("**Reporter from Fixture News Agency:**")
    assert match is not None and (match.speaker, match.label) == ("xinhua", "Reporter from Fixture News Agency")
    assert labels().standalone("Reporter from Fixture News Agency") is None  # a label needs its colon


def test_inline_label_by_surname_with_honorific() -> None:
    match = labels().inline("MS. SMITH: Thank you.")
    assert match is not None and (match.speaker, match.label, match.rest) == ("smith", "MS. SMITH", "Thank you.")


def test_generic_q_and_a() -> None:
    q, a = labels().inline("Q: Why?"), labels().inline("A: Because.")
    assert q is not None and a is not None and (q.speaker, a.speaker) == (QUESTION, ANSWER)


def test_bare_labels_only_when_listed_and_exactly_as_written() -> None:
    assert labels().inline("Q Why?") is None
    bare = labels(bare_labels=["Q"])
    match = bare.inline("Q Why?")
    assert match is not None and (match.speaker, match.rest) == (QUESTION, "Why?")
    assert bare.standalone("Q") is not None
    assert bare.inline("A few words.") is None and bare.inline("q why?") is None


def test_speaker_called_finds_names_and_labels_but_not_generic_labels() -> None:
    found = labels()
    assert found.speaker_called("Jane Smith") == "smith"
    assert found.speaker_called("Reporter from Fixture News Agency") == "xinhua"
    assert found.speaker_called("Q") is None and found.speaker_called("Nobody") is None


def test_label_like() -> None:
    assert label_like("Reporter from Xinhua News Agency") and label_like("MR. SMITH") and label_like("Jane Roe (Post)")
    assert not label_like("He said the following") and not label_like("") and not label_like("the Moderator")
    assert labels().looks_like_label("Unknown Speaker:") and not labels().looks_like_label("He said the following:")
