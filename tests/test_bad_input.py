"""The bad-input catalogue: each mistake gets path:line:col, a fix, exit 1, and nothing written.

One project copy is built once (with the inputs that must be *accepted*: a BOM, CRLF line
endings, overlapping anchors). Each case then breaks its data, runs ``build`` through the
CLI's entry point, checks the message, and checks that docs/ and site/ are byte for byte and
mtime for mtime as they were. The data is restored after each case.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.__main__ import main
from tests.mutations import PLACE, mutated
from tests.project_copy import ROOT, copy_project

SEED = "xinjiang-2020-06-19"
EDITION = f"data/transcripts/{SEED}/edition.yml"
CITED = "hrw-2018-eradicating-ideological-viruses"
OLD_FORM = '    - title: A title\n      publisher: A publisher\n      date: "2020"\n      url: https://example.org/\n'


def entry(id: str = "test-note", quote: str = "Dear friends from the press", kind: str = "context", extra: str = "") -> str:
    """One annotation, as a contributor writes it (the entry starts on its file's line 1)."""
    return (
        f'- id: {id}\n  transcript: {SEED}\n  anchor:\n    quote: "{quote}"\n  kind: {kind}\n'
        f'  body: A body.\n  sources:\n    - source: {CITED}\n      quote: "mass arbitrary detention"\n'
        f'      page: "1"\n      paragraph: "2"\n  author: Tester\n  date: "2026-01-01"\n{extra}'
    )


def run(root: Path, *args: str) -> tuple[int, str]:
    """``python -m build_scripts --root ROOT ARGS`` in this process (the CLI's own main); exit code and stderr."""
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, err.getvalue()


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under docs/ and site/: digest (docs/) or size (site/), and mtime; folders by name.

    Any rewrite changes the mtime, so site/'s many theme files need not be hashed each time.
    """
    return {
        str(f.relative_to(root)): ("dir", 0)
        if f.is_dir()
        else (hashlib.sha256(f.read_bytes()).hexdigest() if part == "docs" else str(f.stat().st_size), f.stat().st_mtime_ns)
        for part in ("docs", "site")
        for f in sorted((root / part).rglob("*"))
    }


ACCEPTED = {
    "data/annotations/accept-bom.yml": "\ufeff" + entry("accept-bom", "good afternoon. Welcome"),
    "data/annotations/accept-crlf.yml": entry("accept-crlf", "They will answer questions from you").replace("\n", "\r\n"),
    "data/annotations/accept-overlap.yml": entry("accept-overlap-a", "Dear friends from the press")
    + "\n"
    + entry("accept-overlap-b", "from the press, good afternoon"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = copy_project(tmp_path_factory.mktemp("bad-input") / "project")
    for name, text in ACCEPTED.items():
        (root / name).write_bytes(text.encode("utf-8"))
    code, err = run(root, "build")
    assert code == 0, err
    pristine = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(root / "data", pristine)
    yield root, pristine


@pytest.fixture
def broken(built: tuple[Path, Path]) -> Iterator[Path]:
    root, pristine = built
    yield root
    shutil.rmtree(root / "data")
    shutil.copytree(pristine, root / "data")


def test_accepted_inputs_all_render_as_footnotes(built: tuple[Path, Path]) -> None:
    root, _ = built
    page = lxml.html.parse(str(root / "site/transcripts" / SEED / "index.html"))
    refs = {a.get("href") for a in page.iter("a")}
    notes = {li.get("id") for li in page.iter("li")}
    for name in ("accept-bom", "accept-crlf", "accept-overlap-a", "accept-overlap-b"):
        assert f"#fn:{name}" in refs and f"fn:{name}" in notes, name
    # The two overlapping quotes share "from the press": both marks cover it, in one paragraph.
    both = [m for m in page.iter("mark") if "from the press" in m.text_content()]
    assert both, "the overlapping words are not marked"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def seed_edition() -> str:
    return (ROOT / EDITION).read_text(encoding="utf-8")


def edition_with(old: str, new: str) -> Callable[[Path], str]:
    def change(root: Path) -> str:
        text = (root / EDITION).read_text(encoding="utf-8")
        assert old in text
        (root / EDITION).write_text(text.replace(old, new, 1), encoding="utf-8")
        return text.replace(old, new, 1)

    return change


def appended_to(relative: str, entry_text: str) -> Callable[[Path], str]:
    """Append ``entry_text`` to a data file; the "@needle@" of an expected line finds it there."""

    def change(root: Path) -> str:
        text = (root / relative).read_text(encoding="utf-8") + entry_text
        (root / relative).write_text(text, encoding="utf-8")
        return text

    return change


def annotation_file(content: str | bytes, name: str = "zz-test.yml") -> Callable[[Path], str]:
    def change(root: Path) -> str:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / "data/annotations" / name).write_bytes(data)
        return data.decode("utf-8", "replace")

    return change


ZZ = "data/annotations/zz-test.yml"
SOURCES = "data/sources/zz-test.yml"
TWIN_URL = "http://hrw.org/report/2018/09/09/eradicating-ideological-viruses/chinas-campaign-repression-against-xinjiangs"


def register_file(content: str, relative: str = SOURCES) -> Callable[[Path], str]:
    """A file of more register entries (data/sources/ or data/publishers/)."""

    def change(root: Path) -> str:
        (root / relative).parent.mkdir(exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
        return content

    return change


BILLION_LAUGHS = "- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"- &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, n in zip("abcdefgh", "bcdefghi")
)

BIG = entry() + "# " + "x" * 10_000_000 + "\n"

CASES: dict[str, tuple[Callable[[Path], str], str, str]] = {
    # name: (how to break the data, expected "path:line:col: message", expected hint fragment)
    "malformed YAML": (
        annotation_file("- id: x\n  transcript: [unclosed\n  kind: term\n"),
        f"{ZZ}:3:7: YAML: expected ',' or ']'",
        "values containing ': ' must be in quotes",
    ),
    "unknown key": (
        annotation_file(entry(extra="  colour: red\n")),
        f"{ZZ}:14:3: entry 1: unknown field 'colour'",
        "check the spelling; allowed fields: anchor, author",
    ),
    "missing key": (
        annotation_file(entry().replace("  author: Tester\n", "")),
        f"{ZZ}:1:3: entry 1: missing required field 'author'",
        "add 'author:' to this entry",
    ),
    "duplicate key (entry)": (
        annotation_file(entry().replace("  kind: context\n", "  kind: context\n  kind: term\n")),
        f"{ZZ}:6:3: duplicate key 'kind' (first defined at line 5)",
        "keep one of the two",
    ),
    "duplicate key (nested)": (
        annotation_file(entry().replace('      page: "1"\n', '      page: "1"\n      page: "3"\n')),
        f"{ZZ}:11:7: duplicate key 'page' (first defined at line 10)",
        "keep one of the two",
    ),
    "old inline source": (
        annotation_file(
            entry().replace(
                f'    - source: {CITED}\n      quote: "mass arbitrary detention"\n      page: "1"\n      paragraph: "2"\n', OLD_FORM
            )
        ),
        f"{ZZ}:8:7: entry 1, sources.0: a source written out in place (title, publisher, url) is the old form",
        "enter the work once in data/sources.yml",
    ),
    "unknown source id": (
        annotation_file(entry().replace(CITED, "no-such-source")),
        f"{ZZ}:8:15: unknown source id 'no-such-source'",
        "use an id from data/sources.yml",
    ),
    "source on a repost host": (
        register_file("- id: a-copy\n  title: A copy\n  publisher: hrw\n  url: https://www.scribd.com/doc/1/x\n"),
        f"{SOURCES}:1:3: source 'a-copy': url is on scribd.com (",
        "move the address to read_at:",
    ),
    "source listed twice": (
        register_file(f"- id: a-twin\n  title: A twin\n  publisher: hrw\n  url: {TWIN_URL}/\n"),
        f"{SOURCES}:1:3: source 'a-twin': the same url as source '{CITED}'",
        "a work is listed once",
    ),
    "unused source": (
        register_file("- id: a-stray\n  title: A stray\n  publisher: hrw\n  url: https://example.org/stray\n"),
        f"{SOURCES}:1:3: source 'a-stray': no note, profile or publisher cites it",
        "cite it, or remove it",
    ),
    "unknown publisher": (
        register_file("- id: a-stray\n  title: A stray\n  publisher: nobody\n  url: https://example.org/s\n"),
        f"{SOURCES}:1:3: source 'a-stray': unknown publisher 'nobody'",
        "use an id from data/publishers.yml",
    ),
    "source url the site build cannot read": (  # a bracket opens an IPv6 host: MkDocs stopped on it, after the check
        register_file("- id: a-bad\n  title: A bad address\n  publisher: hrw\n  url: https://[www.example.org/\n"),
        f"{SOURCES}:4:8: entry 1, url: 'https://[www.example.org/' has the wrong form",
        "write the publisher's own page",
    ),
    "source without url or note": (
        register_file("- id: a-stray\n  title: A stray\n  publisher: hrw\n"),
        f"{SOURCES}:1:3: source 'a-stray': no url (the publisher's own page)",
        "say in note: why",
    ),
    "publisher without type": (
        register_file("- id: nobody\n  name: Nobody\n", "data/publishers/zz-test.yml"),
        "data/publishers/zz-test.yml:1:3: entry 1: missing required field 'type'",
        "add 'type:'",
    ),
    "duplicate key (top level)": (
        edition_with("language: en\n", "language: en\nlanguage: fr\n"),
        f"{EDITION}:@language: fr@:1: duplicate key 'language'",
        "keep one of the two",
    ),
    "duplicate annotation id": (
        lambda root: annotation_file(entry("term-xuar"))(root),
        f"{ZZ}:1:3: duplicate annotation id 'term-xuar' (first at data/annotations/terms.yml:3)",
        "give each a unique id",
    ),
    "duplicate speaker id": (
        appended_to("data/speakers.yml", "\n- id: xinhua\n  name: Xinhua, again\n  type: organisation\n"),
        "data/speakers.yml:@- id: xinhua\n  name: Xinhua, again@:3: duplicate speaker id 'xinhua' (first at data/speakers.yml:",
        "give each a unique id",
    ),
    "duplicate topic id": (
        appended_to("data/topics.yml", "\n- id: sanctions\n  title: Sanctions, again\n  description: Again.\n"),
        "data/topics.yml:@- id: sanctions\n  title: Sanctions, again@:3: duplicate topic id 'sanctions' (first at data/topics.yml:",
        "give each a unique id",
    ),
    "unknown speaker": (
        edition_with("speaker: akbar-haydar", "speaker: akbar-haidar"),
        f"{EDITION}:@speaker: akbar-haidar@:5: unknown speaker id 'akbar-haidar'",
        "add it to data/speakers.yml, or fix the spelling",
    ),
    "question subject for a question the transcript lacks": (
        edition_with("  - number: 10\n", "  - number: 11\n"),
        f"{EDITION}:@number: 11@:13: there is no question 11 (the transcript has 10)",
        "number questions as `python -m build_scripts report <id>` does",
    ),
    "question subject given twice": (
        edition_with("  - number: 10\n", "  - number: 9\n"),
        f"{EDITION}:@number: 9\n    subject: Human rights@:13: question 9 is given a subject twice (first at line ",
        "keep one",
    ),
    "question subject left empty": (
        edition_with("subject: Forced labour", "subject: ''"),
        f"{EDITION}:@subject: ''@:14: questions.8.subject: '' has the wrong form",
        "in a few neutral words",
    ),
    "summary citing an unknown source": (
        edition_with("- source: govtrack-2020-s-3744", "- source: govtrack-2020-s-3745"),
        f"{EDITION}:@govtrack-2020-s-3745@:17: unknown source id 'govtrack-2020-s-3745'",
        "use an id from data/sources.yml",
    ),
    "summary naming a passage the transcript lacks": (
        edition_with("passages: [t3, t11, t28]", "passages: [t3, t11, t99]"),
        f"{EDITION}:@passages: [t3@:15: summary: passage 't99' does not exist in {SEED}",
        "id printed by 'python -m build_scripts ids'",
    ),
    "summary sentence that cites nothing": (
        edition_with("training centres.\n    passages: [p1]\n", "training centres.\n"),
        f"{EDITION}:@- text: >-\n      Five officials@:5: summary.1: needs one of the fields sources, passages",
        "add 'sources:' or 'passages:'",
    ),
    "participant name not in text": (
        edition_with("names: [Yalqun Yaqup]", "names: [Yalkun Yakup]"),
        f"{EDITION}:@speaker: yalqun-yaqup@:5: participant 'yalqun-yaqup': 'Yalkun Yakup' "
        f"never occurs in data/transcripts/{SEED}/transcript.txt",
        "copy the name or label exactly as the transcript spells it",
    ),
    "non-UTF-8 byte": (
        annotation_file(entry().encode("utf-8").replace(b"A body.", b"A b\xffdy.")),
        f"{ZZ}:6:12: byte 0xff is not valid UTF-8",
        "save the file as UTF-8",
    ),
    "empty file": (annotation_file("# nothing yet\n"), f"{ZZ}:1:1: the file is empty", "add content, or delete the file"),
    "mapping where a list is expected": (
        annotation_file(entry()[2:].replace("\n  ", "\n")),
        f"{ZZ}:1:1: top level: expected a list (lines starting with '- ') but found a mapping",
        "start each entry with '- '",
    ),
    "tab indentation": (
        annotation_file(entry().replace("  kind:", "\tkind:")),
        f"{ZZ}:5:1: YAML: found character '\\t' that cannot start any token",
        "indent with spaces, not tabs",
    ),
    "billion laughs": (
        annotation_file(BILLION_LAUGHS),
        f"{ZZ}:1:3: YAML: YAML anchors (&a) are not allowed",
        "write each value out in full",
    ),
    "unquoted date": (
        annotation_file(entry().replace('date: "2026-01-01"', "date: 2026-01-01")),
        f"{ZZ}:13:9: entry 1, date: expected text but YAML read '2026-01-01' as date",
        'put the value in quotes: "2026-01-01"',
    ),
    "id: no": (
        annotation_file(entry(id="no")),
        f"{ZZ}:1:7: entry 1, id: expected text but YAML read 'no' as bool",
        'put the value in quotes: "no"',
    ),
    "id: 123": (
        annotation_file(entry(id="123")),
        f"{ZZ}:1:7: entry 1, id: expected text but YAML read '123' as int",
        'put the value in quotes: "123"',
    ),
    "tagged value that cannot be read": (
        annotation_file(entry().replace('date: "2026-01-01"', "date: !!timestamp soon")),
        f"{ZZ}:13:9: YAML: 'soon' cannot be read as a timestamp",
        "remove the '!!' tag, or write a valid value",
    ),
    "10 MB file": (
        annotation_file(BIG),
        f"{ZZ}:1:1: file is {len(BIG.encode()):,} bytes, over the 2,000,000-byte limit",
        "split it into several smaller files",
    ),
    "id with spaces and capitals": (
        annotation_file(entry(id="Test Note")),
        f"{ZZ}:1:7: entry 1, id: 'Test Note' has the wrong form",
        "write lowercase letters, digits and hyphens",
    ),
    "quote spanning two paragraphs": (
        annotation_file(entry(quote="Xinjiang-related issues. The invitees")),
        f"{ZZ}:4:12: annotation 'test-note': the anchor quote runs across two paragraphs",
        "quote words from inside one paragraph",
    ),
    "one-character quote": (
        annotation_file(entry(quote="D")),
        f"{ZZ}:4:12: entry 1, anchor.quote: 'D' is too short: 1 character(s), at least 2 needed",
        "quote enough words",
    ),
    "unknown kind": (
        annotation_file(entry(kind="gossip")),
        f"{ZZ}:5:9: entry 1, kind: 'gossip' is not allowed",
        "use one of: context, person, term, claim, correction, cross-reference",
    ),
    "unknown topic": (
        annotation_file(entry(extra="  topics: [no-such-topic]\n")),
        f"{ZZ}:1:3: annotation 'test-note': unknown topic 'no-such-topic'",
        "use an id from data/topics.yml",
    ),
    "factual kind without sources": (
        annotation_file(entry(kind="claim").split("  sources:")[0] + '  author: Tester\n  date: "2026-01-01"\n'),
        f"{ZZ}:1:3: annotation 'test-note': a 'claim' annotation states facts but cites no source",
        "add 'sources:' with '- source: <id>'",
    ),
    "quote not found": (
        annotation_file(entry(quote="Dear friends from the pres conference")),
        f"{ZZ}:4:12: annotation 'test-note': the anchor quote was not found in {SEED}; closest passage (p2, ",
        "copy the words exactly from the transcript",
    ),
    "quote found more than once": (
        annotation_file(entry(quote="Thank you. Our friends from the press")),
        f"{ZZ}:4:12: annotation 'test-note': the anchor quote occurs 9 times: 1. p11: ",
        "add 'prefix:' or 'suffix:' with the words just before or after it, or 'occurrence: N'",
    ),
}

# Hostile pull requests (issue 19): what an attacker would try, placed and refused like any mistake.
SECRET = "machine-secret: do-not-publish"
"""The text of a file outside the project copy, which links below try to publish."""


def linked(relative: str, target: Callable[[Path], Path]) -> Callable[[Path], str]:
    """Replace the data file or folder at ``relative`` with a symbolic link to ``target(root)``."""

    def change(root: Path) -> str:
        outside = root.parent / "outside"
        outside.mkdir(exist_ok=True)
        (outside / "secret.yml").write_text(SECRET + "\n", encoding="utf-8")
        path = root / relative
        if path.is_dir():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(root), path)
        return ""

    return change


def git_config(root: Path) -> Path:
    """A .git/config holding a token, as actions/checkout leaves it on a CI machine."""
    (root / ".git").mkdir(exist_ok=True)
    (root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic " + SECRET + "\n")
    return Path("../../.git/config")


LINKED = "this symbolic link leads out of the repository"
LONG_QUOTE = ("Dear friends from the press " * 40).strip()
TRANSCRIPT = f"data/transcripts/{SEED}/transcript.txt"
CASES.update(
    {
        "pattern with a backreference": (
            appended_to(EDITION, "layout:\n  note_patterns:\n    - '(\\w+) \\1'\n"),
            f"{EDITION}:@- '(\\w+) \\1'@:7: layout.note_patterns.0: '(\\\\w+) \\\\1' cannot be run in linear time",
            "backreferences (\\1) cannot be run in linear time",
        ),
        "pattern with a lookahead": (
            appended_to(EDITION, "layout:\n  handover_patterns:\n    - '(?P<name>\\w+)(?=,)'\n"),
            f"{EDITION}:@- '(?P<name>@:7: layout.handover_patterns.0: ",
            "lookarounds",
        ),
        "right-to-left override in an annotation": (
            annotation_file(entry().replace("A body.", "A b\u202eody.")),
            f"{ZZ}:6:12: invisible character U+202E RIGHT-TO-LEFT OVERRIDE",
            "delete it",
        ),
        "zero-width space in edition.yml": (
            edition_with("language: en\n", "language: e\u200bn\n"),
            f"{EDITION}:@language: e@:12: invisible character U+200B ZERO WIDTH SPACE",
            "delete it",
        ),
        "byte order mark inside a file": (
            annotation_file(entry().replace("Tester", "Tes\ufeffter")),
            f"{ZZ}:12:14: invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE",
            "delete it",
        ),
        "isolate in a YAML comment": (
            appended_to("data/speakers.yml", "# see \u2066below\u2069\n"),
            "data/speakers.yml:@# see@:7: invisible character U+2066 LEFT-TO-RIGHT ISOLATE",
            "delete it",
        ),
        "nesting 10,000 levels deep": (
            annotation_file("- " + "[" * 10_000 + "]" * 10_000 + "\n"),
            f"{ZZ}:1:22: YAML: lists and mappings nested more than 20 levels deep",
            "check the indentation and the brackets",
        ),
        "2,001 entries in one file": (
            annotation_file(entry() * 2_001),
            f"{ZZ}:{entry().count(chr(10)) * 2_000 + 1}:3: more than 2,000 entries in one file (2,001)",
            "split the entries into several files",
        ),
        "a quote of 1,119 characters": (
            annotation_file(entry(quote=LONG_QUOTE)),
            f"{ZZ}:4:12: entry 1, anchor.quote: {LONG_QUOTE[:40]!r}… is too long: 1,119 characters, at most 1,000",
            "quote a few words that occur once",
        ),
        "annotation file linking out": (
            linked(ZZ, lambda root: root.parent / "outside" / "secret.yml"),
            f"{ZZ}:1:1: {LINKED} (to ",
            "replace the link with the file itself",
        ),
        "transcript linking out": (
            linked(TRANSCRIPT, lambda root: Path("../../../../outside/secret.yml")),
            f"{TRANSCRIPT}:1:1: {LINKED} (to ../../../../outside/secret.yml)",
            "replace the link",
        ),
        "transcript folder linking out": (
            linked("data/transcripts/elsewhere", lambda root: root.parent / "outside"),
            f"data/transcripts/elsewhere:1:1: {LINKED}",
            "replace the link",
        ),
        "a spelling listed in two groups": (
            appended_to("data/spellings.yml", "- variants: [Labor, laboring]\n"),
            "data/spellings.yml:@- variants: [Labor,@:14: 'Labor' is listed twice (first at data/spellings.yml:",
            "list each word once",
        ),
        "a spelling group of one word": (
            appended_to("data/spellings.yml", "- variants: [colour]\n"),
            "data/spellings.yml:@- variants: [colour]@:13: entry 9, variants: ['colour'] is too short",
            "add more items",
        ),
        "a spelling of two words": (
            appended_to("data/spellings.yml", "- variants: [forced labour, coerced]\n"),
            "data/spellings.yml:@- variants: [forced@:14: entry 9, variants.0: 'forced labour' has the wrong form",
            "one word, without spaces",
        ),
        "annotation file linking into .git": (
            linked(ZZ, git_config),
            f"{ZZ}:1:1: this symbolic link leads into a hidden folder of the repository (.git/config)",
            "outside its hidden folders",
        ),
    }
)


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_placed_explained_and_writes_nothing(broken: Path, name: str) -> None:
    change, expected, hint = CASES[name]
    before = snapshot(broken)
    text = change(broken)
    if ":@" in expected:  # "path:@needle@:col: …" — the line where the broken text has ``needle``
        path, rest = expected.split(":@", 1)
        needle, rest = rest.split("@:", 1)
        expected = f"{path}:{line_of(text, needle)}:{rest}"
    code, err = run(broken, "build")
    assert code == 1, err
    assert err.rstrip().endswith("problem(s); nothing was written.")
    lines = [line for line in err.splitlines() if line.startswith(expected)]
    assert lines, f"expected a line starting with {expected!r} in:\n{err[:3000]}"
    assert hint in lines[0].split(" — ", 1)[1]
    assert snapshot(broken) == before


def test_quote_found_twice_lists_every_place(broken: Path) -> None:
    annotation_file(entry(quote="Thank you. Our friends from the press"))(broken)
    _, err = run(broken, "check")
    places = [f"{n}. p" for n in range(1, 10)]
    assert all(place in err for place in places) and "10. p" not in err


def test_quote_not_found_names_the_closest_passage(broken: Path) -> None:
    annotation_file(entry(quote="Dear friends from the pres conference"))(broken)
    _, err = run(broken, "check")
    assert "closest passage (p2, " in err and '% alike): "Dear friends from the pres' in err


def test_removed_transcript_fails_every_annotation_naming_it(broken: Path) -> None:
    shutil.rmtree(broken / "data/transcripts" / SEED)
    before = snapshot(broken)
    code, err = run(broken, "build")
    problems = [line for line in err.splitlines() if ": annotation '" in line]
    entries = sum(
        f.read_text(encoding="utf-8-sig").count("\n- id: ") + f.read_text(encoding="utf-8-sig").startswith("- id: ")
        for f in (broken / "data/annotations").glob("*.yml")
    )
    assert code == 1 and len(problems) == entries > 0
    assert all(
        f"unknown transcript '{SEED}' — fix the problems reported for data/transcripts/{SEED}/ (or add that folder)" in p for p in problems
    )
    assert snapshot(broken) == before


def test_the_real_command_line_prints_the_same(broken: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    annotation_file(entry(id="no"))(broken)
    result = cli(broken, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{ZZ}:1:7: entry 1, id: expected text but YAML read 'no' as bool — put the value in quotes: \"no\"",
        "1 problem(s); nothing was written.",
    ]


BACKTRACKING = "\nlayout:\n  note_patterns: ['(\\w+\\s?)*!']\n"
"""Python's re takes exponential time on this pattern against words without a '!'."""


def test_a_pattern_that_backtracks_in_python_finishes_at_once(broken: Path) -> None:
    appended_to(EDITION, BACKTRACKING)(broken)
    appended_to(f"data/transcripts/{SEED}/transcript.txt", "\n\n" + "word " * 5_000 + "\n")(broken)
    env = {**os.environ, "PYTHONPATH": str(broken)}
    # The bound only guards the suite (Python's re would never finish); the check itself takes
    # well under a second here: its time is printed and the benchmark measures it.
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(broken), "check"],
        cwd=broken,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    print(f"check with a backtracking pattern: {time.perf_counter() - started:.2f} s")
    assert result.returncode == 0, result.stderr


def test_the_text_behind_a_link_out_is_never_read(broken: Path) -> None:
    linked(ZZ, git_config)(broken)
    linked(TRANSCRIPT, lambda root: root.parent / "outside" / "secret.yml")(broken)
    code, err = run(broken, "check")
    assert code == 1 and SECRET not in err and err.count("symbolic link") == 2


def test_a_hand_written_page_linking_out_stops_the_build(broken: Path) -> None:
    before = snapshot(broken)
    page = broken / "docs" / "leak.md"
    linked("docs/leak.md", lambda root: root.parent / "outside" / "secret.yml")(broken)
    try:
        code, err = run(broken, "build")
        after = snapshot(broken)
    finally:
        page.unlink()
    assert code == 1
    assert err.startswith(f"docs/leak.md:1:1: {LINKED} (to "), err
    after.pop("docs/leak.md")
    assert after == before


@settings(max_examples=int(os.environ.get("FUZZ_BUILDS", "3")), deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_mutated_data_through_the_build_command(built: tuple[Path, Path], data: st.DataObject) -> None:
    """tests/test_fuzz.py's mutations, sent through `build`: exit 1 writes nothing, every line is placed."""
    root, pristine = built
    relative = data.draw(
        st.sampled_from(sorted(str(p.relative_to(pristine.parent)) for p in pristine.rglob("*") if p.is_file())), label="file"
    )
    original = (root / relative).read_bytes()
    (root / relative).write_bytes(data.draw(mutated(original), label="mutated"))
    try:
        before = snapshot(root)
        code, err = run(root, "build")
        after = snapshot(root)
    finally:
        (root / relative).write_bytes(original)
    assert code in (0, 1), err
    if code == 1:
        *problems, last = err.splitlines()
        assert last.endswith("problem(s); nothing was written.") and problems
        assert all(PLACE.match(line) for line in problems), err
        assert after == before
