"""The source register's rules (`make check`): ids that resolve, each work once, publishers labelled.

Problems stop the build. Gaps do not: they are what an editor still has to find (a publisher's own
page, a pinpoint), listed by `make check` with a count, so the edition can be built meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Citation, Edition, Origin
from .problems import Problem
from .register import NAMED_BY_ITSELF, Publisher, Source, host, same_work_key


def register_problems(edition: Edition) -> list[Problem]:
    """Unknown and unused ids, a work listed twice, unlabelled publishers, a repost as ``url``."""
    problems: list[Problem] = []

    def at(origin: Origin, message: str, hint: str) -> None:
        problems.append(Problem(origin.path, origin.line, origin.col, message, hint))

    cited: set[str] = set()
    for citation in all_citations(edition):
        cited.add(citation.source)
        if citation.source not in edition.sources:
            at(citation.origin, f"unknown source id '{citation.source}'", "use an id from data/sources.yml, or enter the work there first")
    for publisher in edition.publishers.values():
        if publisher.ownership_source:
            cited.add(publisher.ownership_source)
            if publisher.ownership_source not in edition.sources:
                at(
                    publisher.origin,
                    f"publisher '{publisher.id}': unknown ownership_source '{publisher.ownership_source}'",
                    "use an id from data/sources.yml",
                )
    published = {s.publisher for s in edition.sources.values()}
    for publisher in edition.publishers.values():
        if publisher.id not in published:
            at(
                publisher.origin,
                f"publisher '{publisher.id}' publishes no source in the register",
                "remove it, or use it in data/sources.yml",
            )
    first_at: dict[str, Source] = {}
    for source in edition.sources.values():
        problems += _source_problems(source, edition, cited, first_at)
    return problems


def _source_problems(source: Source, edition: Edition, cited: set[str], first_at: dict[str, Source]) -> list[Problem]:
    found: list[Problem] = []

    def at(message: str, hint: str) -> None:
        found.append(Problem(source.origin.path, source.origin.line, source.origin.col, f"source '{source.id}': {message}", hint))

    if source.publisher not in edition.publishers:
        at(f"unknown publisher '{source.publisher}'", "use an id from data/publishers.yml, or enter the publisher there")
    if source.id not in cited:
        at("no note, profile or publisher cites it", "cite it, or remove it from the register")
    if source.url:
        key = same_work_key(source.url)
        if key in first_at:
            first = first_at[key].origin
            at(
                f"the same url as source '{first_at[key].id}' ({first.path}:{first.line})",
                "a work is listed once: cite that id, and remove this entry",
            )
        else:
            first_at[key] = source
        repost = repost_host_of(source.url, edition)
        if repost:
            at(
                f"url is on {repost}, which only reposts others' work",
                "move the address to read_at: and give as url: the publisher's own page (or leave url out and say why in note:)",
            )
    elif not source.note:
        at("no url (the publisher's own page)", "give url:, or say in note: why the publisher's own page cannot be given")
    return found


def repost_host_of(url: str, edition: Edition) -> str:
    """'<host> (<what it is>)' if ``url`` is on a host of data/repost-hosts.yml (or a subdomain), else ''."""
    name = host(url)
    for repost in edition.repost_hosts:
        if name == repost.host or name.endswith("." + repost.host):
            return f"{repost.host} ({repost.what})"
    return ""


def all_citations(edition: Edition) -> Iterator[Citation]:
    """Every citation of every annotation, speaker profile and transcript summary."""
    for annotation in edition.annotations:
        yield from annotation.sources
    for speaker in edition.speakers.values():
        yield from speaker.sources
    for transcript in edition.transcripts:
        for sentence in transcript.meta.summary:
            yield from sentence.sources


def register_gaps(edition: Edition) -> list[Problem]:
    """What is allowed but still to do: a source without the publisher's own url, a publisher without an
    ownership label, a citation without a pinpoint."""
    gaps = [
        Problem(
            s.origin.path,
            s.origin.line,
            s.origin.col,
            f"source '{s.id}' has no url of the publisher's own",
            s.note or "find the publisher's own page",
            "warning",
        )
        for s in edition.sources.values()
        if not s.url
    ]
    gaps += [
        Problem(
            p.origin.path,
            p.origin.line,
            p.origin.col,
            f"publisher '{p.id}' ({p.type}) has no ownership label",
            "add ownership: who owns or funds it, in plain words, and ownership_source: the source id that says "
            "so (CONTRIBUTING.md, 'Labelling publishers')",
            "warning",
        )
        for p in edition.publishers.values()
        if unlabelled(p)
    ]
    gaps += [
        Problem(
            c.origin.path,
            c.origin.line,
            c.origin.col,
            f"citation of '{c.source}' has no pinpoint",
            "add quote:, page: or paragraph:",
            "warning",
        )
        for c in all_citations(edition)
        if not (c.quote or c.page or c.paragraph)
    ]
    return gaps


def unlabelled(publisher: Publisher) -> bool:
    """A publisher whose type needs an ownership label, and a cited source for it, without both."""
    return publisher.type not in NAMED_BY_ITSELF and not (publisher.ownership and publisher.ownership_source)


def register_summary(edition: Edition) -> str:
    """One line of figures: sources, the share with the publisher's own url, publishers."""
    total = len(edition.sources)
    own = sum(1 for s in edition.sources.values() if s.url)
    share = f"{own / total:.0%}" if total else "-"
    return f"register: {total} source(s), {own} with the publisher's own url ({share}), {len(edition.publishers)} publisher(s)"
