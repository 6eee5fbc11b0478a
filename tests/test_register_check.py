"""register_check.py: the source register's rules and gaps, on a small literal register."""

from __future__ import annotations

from build_scripts.model import Anchor, Annotation, Citation, Edition, Origin, Speaker
from build_scripts.register import Publisher, RepostHost, Source, same_work_key
from build_scripts.register_check import register_gaps, register_problems, register_summary


def edition(sources: list[Source], citations: tuple[Citation, ...], publishers: list[Publisher] | None = None) -> Edition:
    publishers = (
        publishers
        if publishers is not None
        else [
            Publisher("office", "Statistics Office", "government", origin=Origin("p.yml", 1, 3)),
            Publisher("daily", "Daily News", "news-organisation", "Owned by Daily Holdings.", "daily-about", origin=Origin("p.yml", 5, 3)),
        ]
    )
    note = Annotation("n", "t", Anchor("words"), "context", "b", citations, (), "a", "2026")
    ann = Speaker("ann", "Ann", "person", sources=(Citation("about-ann", "Ann is", origin=Origin("s.yml", 4, 15)),))
    return Edition(
        speakers={"ann": ann},
        topics={},
        transcripts=[],
        annotations=[note],
        placements={},
        assignments=[],
        publishers={p.id: p for p in publishers},
        sources={s.id: s for s in sources},
        repost_hosts=[RepostHost("scribd.com", "a document-sharing site")],
    )


REPORT = Source("report", "Annual report", "office", "2020", "https://www.office.example/report/", origin=Origin("r.yml", 1, 3))
ABOUT_DAILY = Source("daily-about", "About us", "daily", url="https://daily.example/about", origin=Origin("r.yml", 6, 3))
ABOUT_ANN = Source("about-ann", "Ann", "daily", "2021", "https://daily.example/ann", origin=Origin("r.yml", 10, 3))
CLEAN = [REPORT, ABOUT_DAILY, ABOUT_ANN]


def test_a_clean_register_has_no_problem_and_no_gap() -> None:
    ed = edition(CLEAN, (Citation("report", page="4"),))
    assert register_problems(ed) == [] and register_gaps(ed) == []
    assert register_summary(ed) == "register: 3 source(s), 3 with the publisher's own url (100%), 2 publisher(s)"


def test_every_broken_rule_is_reported_at_its_place() -> None:
    twin = Source("twin", "Annual report again", "office", url="http://office.example/report", origin=Origin("r.yml", 20, 3))
    copy = Source("copy", "A copy", "nobody", url="https://www.scribd.com/doc/1", origin=Origin("r.yml", 30, 3))
    bare = Source("bare", "No address", "office", origin=Origin("r.yml", 40, 3))
    ed = edition(
        [*CLEAN, twin, copy, bare],
        (
            Citation("report", "q"),
            Citation("twin", "q"),
            Citation("copy", "q"),
            Citation("bare", "q"),
            Citation("missing", "q", origin=Origin("a.yml", 9, 15)),
        ),
    )
    ed.publishers["idle"] = Publisher("idle", "Idle Press", "other", origin=Origin("p.yml", 9, 3))
    assert sorted(str(p).split(" — ")[0] for p in register_problems(ed)) == sorted(
        [
            "a.yml:9:15: unknown source id 'missing'",
            "p.yml:9:3: publisher 'idle' publishes no source in the register",
            "r.yml:20:3: source 'twin': the same url as source 'report' (r.yml:1)",
            "r.yml:30:3: source 'copy': unknown publisher 'nobody'",
            "r.yml:30:3: source 'copy': url is on scribd.com (a document-sharing site), which only reposts others' work",
            "r.yml:40:3: source 'bare': no url (the publisher's own page)",
        ]
    )


def test_an_uncited_source_is_reported_and_an_ownership_source_counts_as_cited() -> None:
    stray = Source("stray", "Stray", "office", url="https://office.example/stray", origin=Origin("r.yml", 50, 3))
    problems = register_problems(edition([*CLEAN, stray], (Citation("report", "q"),)))
    assert [p.message for p in problems] == ["source 'stray': no note, profile or publisher cites it"]


def test_gaps_are_listed_but_are_not_problems() -> None:
    unread = Source(
        "unread", "Unread", "daily", note="Only a repost was found.", read_at="https://copy.example/x", origin=Origin("r.yml", 60, 3)
    )
    unlabelled = Publisher("daily", "Daily News", "news-organisation", origin=Origin("p.yml", 5, 3))
    office = Publisher("office", "Statistics Office", "government", origin=Origin("p.yml", 1, 3))  # its name says who
    ed = edition(
        [REPORT, ABOUT_ANN, unread], (Citation("report", origin=Origin("a.yml", 8, 15)), Citation("unread", "q")), [office, unlabelled]
    )
    assert register_problems(ed) == []
    assert [str(g).split(" — ")[0] for g in register_gaps(ed)] == [
        "r.yml:60:3: warning: source 'unread' has no url of the publisher's own",
        "p.yml:5:3: warning: publisher 'daily' (news-organisation) has no ownership label",
        "a.yml:8:15: warning: citation of 'report' has no pinpoint",
    ]
    assert "2 with the publisher's own url (67%)" in register_summary(ed)


def test_two_spellings_of_one_address_are_one_work() -> None:
    assert same_work_key("http://www.hrw.org/report/x/") == same_work_key("https://hrw.org/report/x")
    assert same_work_key("https://a.example/p?id=1") != same_work_key("https://a.example/p?id=2")
