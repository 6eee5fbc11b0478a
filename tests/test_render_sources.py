"""render/sources.py on a small literal register, against golden files (tests/golden/sources.md, about.md).

The register: a government office and a news organisation whose ownership is stated by a cited
source, one work read at a copy (no publisher's page), a work cited twice, a work cited by a
profile. After an intended change: ``UPDATE_GOLDEN=1 pytest tests/test_render_sources.py``.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from build_scripts.model import Anchor, Annotation, Citation, Edition, Paragraph, Placement, Span, Speaker, Transcript, TranscriptMeta, Turn
from build_scripts.register import Publisher, Source
from build_scripts.render.sources import cited_by, render_about, render_sources
from build_scripts.resolve import build_indexes

GOLDEN = Path(__file__).parent / "golden"
T = "press-2021-01-02"


def register_edition() -> Edition:
    meta = TranscriptMeta(
        T, "Press Conference", "2021-01-02", "Springfield", "Office", "en", "Office", None, "", "", (), "", "transcript.txt"
    )
    turn = Turn("t1", "li-wei", "remark", [Paragraph("p1", "Output rose by 3 per cent, the Daily News wrote.", "speech")])
    notes = [
        Annotation(
            "claim-output",
            T,
            Anchor("Output rose by 3 per cent"),
            "claim",
            "The report gives 3%.",
            (Citation("office-2020-report", "Output rose by 3%.", page="4"), Citation("daily-2021-copy", paragraph="2")),
            (),
            "Editors",
            "2021-02-01",
        ),
        Annotation(
            "term-daily",
            T,
            Anchor("the Daily News"),
            "term",
            "A newspaper.",
            (Citation("office-2020-report", "3%"),),
            (),
            "Editors",
            "2021-02-01",
        ),
    ]
    publishers = [
        Publisher("office", "Statistics Office", "government", url="https://office.example/"),
        Publisher(
            "daily",
            "Daily News",
            "news-organisation",
            "Owned by Daily Holdings plc.",
            "daily-about",
            "Daily Holdings plc owns the Daily News.",
        ),
    ]
    sources = [
        Source(
            "office-2020-report",
            "Annual report",
            "office",
            "2020-12-31",
            "https://office.example/report",
            archive_url="https://web.archive.org/web/2021/https://office.example/report",
        ),
        Source(
            "daily-2021-copy",
            "Output up <3%>",
            "daily",
            "2021-01",
            read_at="https://mirror.example/daily",
            note="The Daily News page was not found.",
        ),
        Source("daily-about", "About the Daily News", "daily", url="https://daily.example/about"),
    ]
    speaker = Speaker("li-wei", "Li Wei", "person", "A spokesperson.", sources=(Citation("daily-about", "spokesperson"),))
    return Edition(
        {"li-wei": speaker},
        {},
        [Transcript(meta, [turn], [])],
        notes,
        {"claim-output": Placement("claim-output", "p1", Span(0, 25)), "term-daily": Placement("term-daily", "p1", Span(27, 41))},
        [],
        publishers={p.id: p for p in publishers},
        sources={s.id: s for s in sources},
        about="---\ntitle: About\ndescription: About it.\n---\n# About\n\n## Figures\n\n"
        "<!-- figures: computed -->\n\n## Licences\n\nCC BY 4.0.\n",
    )


EDITION = register_edition()
PAGES = {"sources": lambda: render_sources(EDITION, build_indexes(EDITION)), "about": lambda: render_about(EDITION)}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_golden_file(name: str) -> None:
    rendered = PAGES[name]()
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_each_work_lists_every_note_and_profile_citing_it_once() -> None:
    citing = cited_by(EDITION, build_indexes(EDITION))
    assert citing["office-2020-report"] == [
        ("Claim on “Output rose by 3 per cent”", f"transcripts/{T}.md#fn:claim-output"),
        ("Term on “the Daily News”", f"transcripts/{T}.md#fn:term-daily"),
    ]
    assert citing["daily-about"] == [("Profile: Li Wei", "speakers/li-wei.md"), ("Ownership of Daily News", "sources.md#publisher-daily")]


def test_about_without_the_mark_gets_the_figures_at_its_end() -> None:
    plain = dataclasses.replace(EDITION, about="---\ntitle: About\n---\n# About\n\nText.\n")
    page = render_about(plain)
    assert page.startswith('---\nedit_path: "data/about.md"\ntitle: About\n---\n# About\n\nText.\n\n## The edition in figures\n')
    assert "| **All** | **3** | |" in page and "| Claim | 1 |" in page
