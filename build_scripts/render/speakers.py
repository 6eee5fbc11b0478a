"""Speaker profiles and the speakers index."""

from __future__ import annotations

from collections import Counter

from ..indexes import Indexes
from ..model import Edition, Participant, Speaker
from . import paths
from .annotations import sources_list
from .listings import Listings
from .markdown import escape, front_matter, link

KIND_TITLES = {"moderator": "Moderators", "official": "Officials", "guest": "Guests", "outlet": "News outlets"}
KIND_NAMES = {"moderator": "Moderator", "official": "Official", "guest": "Guest", "outlet": "News outlet"}


def appearances(speaker_id: str, ix: Indexes) -> list[tuple[str, Participant]]:
    """(transcript id, participation) for every transcript listing this speaker."""
    return ix.participations.get(speaker_id, [])


def speaker_kind(speaker_id: str, ix: Indexes) -> str:
    found = appearances(speaker_id, ix)
    return found[0][1].kind if found else "guest"


def render_speaker(speaker: Speaker, edition: Edition, ix: Indexes, listings: Listings) -> str:
    page = paths.speaker(speaker.id)
    seen = appearances(speaker.id, ix)
    kind = speaker_kind(speaker.id, ix)
    roles = sorted({p.role for _, p in seen})
    stated = [r for r in roles if r.casefold() != speaker.name.casefold()]
    described = "; ".join(stated) or KIND_NAMES.get(kind, kind)
    who = speaker.name if described.casefold() == speaker.name.casefold() else f"{speaker.name} ({described})"
    description = f"Profile of {who}: every passage spoken, figures, questions and topics."
    out = [front_matter(speaker.name, description, edit_path=speaker.origin.path), f"# {escape(speaker.name)}\n"]
    spellings = sorted({n for _, p in seen for n in (*p.names, *p.labels)})
    facts = [
        ("Kind", KIND_NAMES.get(kind, kind)),
        ("Role as stated", "; ".join(escape(r) for r in roles)),
        ("Organisation", "; ".join(sorted({escape(p.organisation) for _, p in seen if p.organisation}))),
        ("Spellings in the text", ", ".join(f"“{escape(s)}”" for s in spellings)),
        ("Spellings in other sources", ", ".join(f"“{escape(a)}”" for a in speaker.aliases)),
    ]
    out.append("\n".join(f"**{name}:** {value}  " for name, value in facts if value).rstrip() + "\n")
    if speaker.profile:
        out.append("## Profile\n\n" + speaker.profile + "\n")
        if speaker.sources:
            out.append(sources_list(speaker.sources, edition) + "\n")
    out.append(_figures(speaker.id, ix, listings))
    topics = ix.topics_of_speaker.get(speaker.id, [])
    if topics:
        out.append("## Topics\n\n" + ", ".join(f"[{escape(edition.topics[t].title)}]({link(page, paths.topic(t))})" for t in topics) + "\n")
    out.append(_passages(speaker.id, ix, listings))
    annotations = ix.annotations_of_speaker.get(speaker.id, [])
    if annotations:
        out.append("## Annotations on these passages\n\n" + "\n".join(listings.annotations[a] for a in annotations) + "\n")
    return "\n".join(out)


def spoken_words(speaker_id: str, ix: Indexes, listings: Listings) -> int:
    """Words the speaker spoke; bracketed notes of the transcriber are not the speaker's."""
    return sum(listings.turn_words[key] for key in ix.turns_of_speaker.get(speaker_id, []))


def _figures(speaker_id: str, ix: Indexes, listings: Listings) -> str:
    turns = ix.turns_of_speaker.get(speaker_id, [])
    words = spoken_words(speaker_id, ix, listings)
    asked = ix.questions_asked.get(speaker_id, 0)
    answered = ix.questions_answered.get(speaker_id, 0)
    rows = [
        ("Transcripts", len(ix.transcripts_of_speaker.get(speaker_id, []))),
        ("Turns", len(turns)),
        ("Words", words),
        ("Questions asked", asked),
        ("Questions answered", answered),
    ]
    return "## Figures\n\n| Figure | Count |\n|---|---|\n" + "\n".join(f"| {n} | {v:,} |" for n, v in rows) + "\n"


def _passages(speaker_id: str, ix: Indexes, listings: Listings) -> str:
    out = ["## Passages\n"]
    current = ""
    for transcript_id, turn_id in ix.turns_of_speaker.get(speaker_id, []):
        if transcript_id != current:
            current = transcript_id
            out.append(f"\n### {escape(ix.transcripts[transcript_id].meta.title)}\n")
        out += [listings.speaker_paragraphs[(transcript_id, p.id)] for p in ix.turns[(transcript_id, turn_id)].paragraphs]
    return "\n".join(out) + "\n"


def render_speakers_index(edition: Edition, ix: Indexes, listings: Listings) -> str:
    page = paths.SPEAKERS
    out = [front_matter("Speakers", "Everyone who speaks in the edition, grouped by kind.", edit_path="data/speakers.yml"), "# Speakers\n"]
    groups: dict[str, list[Speaker]] = {}
    for speaker in sorted(edition.speakers.values(), key=lambda s: s.name):
        if appearances(speaker.id, ix):
            groups.setdefault(speaker_kind(speaker.id, ix), []).append(speaker)
    for kind, title in KIND_TITLES.items():
        if kind not in groups:
            continue
        out.append(f"## {title}\n\n| Speaker | Role | Turns | Words |\n|---|---|---|---|")
        for speaker in groups[kind]:
            turns = ix.turns_of_speaker.get(speaker.id, [])
            words = spoken_words(speaker.id, ix, listings)
            role = Counter(p.role for _, p in appearances(speaker.id, ix)).most_common(1)[0][0]
            out.append(f"| [{escape(speaker.name)}]({link(page, paths.speaker(speaker.id))}) | {escape(role)} | {len(turns)} | {words:,} |")
        out.append("")
    return "\n".join(out)
