"""TEI P5 XML of each transcript, shaped like the parliamentary corpora (Parla-CLARIN / ParlaMint).

* teiHeader: title, date, place, source, and the speakers as listPerson / listOrg.
* Each turn is a ``<u who="#speaker" xml:id="t…">``; each paragraph a ``<seg xml:id="p…">``
  whose string value is exactly the paragraph text (emphasis as ``<hi>``), so the TEI string
  offsets equal the JSON's. Notes in a turn are ``<note type="stage" xml:id="p…">``; the opening
  narration is ``<note type="narrative" xml:id="t…">`` holding its segs.
* Question exchanges are ``<div type="debateSection" xml:id="q…">``, like the website's headings.
* Annotations sit in ``<standOff>`` as TEI ``<annotation>`` pointing at
  ``#string-range(p…,offset,length)``. The subset is described by schemas/tei-subset.rng.

The XML is written as text in one pass (export/xml_text.py), which keeps ElementTree's bytes.
"""

from __future__ import annotations

import itertools

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..indexes import Indexes
from ..load.markdown_body import is_plain
from ..model import Annotation, Edition, Paragraph, Participant, Placement, Transcript, Turn
from ..register import Reference, references
from .webanno import LICENCE, MOTIVATION, page_url
from .xml_text import Block, block, element, escape_attribute, escape_text, leaf, start_tag, write

TEI = "http://www.tei-c.org/ns/1.0"
# ParlaMint's speaker types, from how each participant takes part.
SPEAKER_TYPE = {"moderator": "#chair", "official": "#regular", "guest": "#guest", "outlet": "#regular"}
_MD = MarkdownIt("commonmark", {"html": False})


def xml_id(value: str) -> str:
    """The id as an xml:id (an NCName); project ids may start with a digit, which XML forbids."""
    return value if value[:1].isalpha() else f"_{value}"


_LICENCE = leaf("licence", target=LICENCE)
_ANNOTATION = """<annotation xml:id="{id}" motivation="{motivation}" target="{target}">
        <respStmt>
          <resp>creator</resp>
          {name}
        </respStmt>
        <revisionDesc>
          <change status="created" when="{date}" />
        </revisionDesc>
        {licence}
        {note}
      </annotation>"""
"""An annotation as write would lay it out in <standOff><listAnnotation>, filled in directly:
there are thousands, and this fixed shape is the bulk of the file."""


def _header(transcript: Transcript, edition: Edition, site_url: str) -> Block:
    meta = transcript.meta
    bibl: list[Block | str] = [leaf("title", meta.title), leaf("publisher", meta.publisher), leaf("date", meta.date, when=meta.date)]
    if meta.source_url:
        bibl.append(leaf("idno", meta.source_url, type="URI"))
    bibl.append(leaf("note", meta.source_note))
    file_desc = block(
        "fileDesc",
        [
            block(
                "titleStmt",
                [
                    leaf("title", meta.title, type="main"),
                    leaf("title", "Annotated edition", type="sub"),
                    block("respStmt", [leaf("resp", "Annotation and TEI encoding"), leaf("orgName", "Annotated Transcripts contributors")]),
                ],
            ),
            block(
                "publicationStmt",
                [
                    leaf("publisher", "Annotated Transcripts"),
                    leaf("idno", page_url(site_url, meta.id), type="URI"),
                    block(
                        "availability",
                        [leaf("licence", "Annotations and encoding: CC BY 4.0.", target=LICENCE), leaf("p", meta.source_status)],
                    ),
                ],
            ),
            block("sourceDesc", [block("bibl", bibl)]),
        ],
    )
    profile = block(
        "profileDesc",
        [
            block(
                "settingDesc",
                [
                    block(
                        "setting",
                        [
                            leaf("name", meta.place, type="place"),
                            leaf("orgName", meta.organiser, role="organiser"),
                            leaf("date", meta.date, when=meta.date),
                        ],
                    )
                ],
            ),
            block("particDesc", _participants(meta.participants, edition)),
            block("langUsage", [leaf("language", meta.language, ident=meta.language)]),
        ],
    )
    return block("teiHeader", [file_desc, profile])


def _participants(participants: tuple[Participant, ...], edition: Edition) -> list[Block | str]:
    people = [p for p in participants if edition.speakers[p.speaker].type == "person"]
    orgs = [p for p in participants if edition.speakers[p.speaker].type != "person"]
    lists: list[Block | str] = []
    for group, list_tag, item_tag, name_tag in ((people, "listPerson", "person", "persName"), (orgs, "listOrg", "org", "orgName")):
        if not group:
            continue
        items: list[Block | str] = []
        for participant in group:
            speaker = edition.speakers[participant.speaker]
            names: list[Block | str] = [leaf(name_tag, speaker.name)]
            names += [leaf(name_tag, alias, type="alias") for alias in sorted(set(participant.names) - {speaker.name})]
            if item_tag == "person":
                organisation = participant.organisation
                if organisation:
                    names.append(element("affiliation", escape_text(f"{participant.role}, ") + leaf("orgName", organisation)))
                else:
                    names.append(leaf("affiliation", participant.role))
            else:
                names.append(leaf("desc", participant.role))
            items.append(block(item_tag, names, xml_id=xml_id(speaker.id), role=participant.kind))
        lists.append(block(list_tag, items))
    return lists


def text_with_emphasis(paragraph: Paragraph) -> str:
    """The paragraph's text as markup, emphasised spans as <hi rend="italic">."""
    text, position, parts = paragraph.text, 0, []
    for span in sorted(paragraph.emphasis, key=lambda s: s.start):
        parts.append(escape_text(text[position : span.start]))
        parts.append(leaf("hi", text[span.start : span.end], rend="italic"))
        position = span.end
    parts.append(escape_text(text[position:]))
    return "".join(parts)


def _turn(turn: Turn, kinds: dict[str, str]) -> Block:
    """A turn, given each participant's kind (moderator, official, …) by speaker id."""
    paragraphs: list[Block | str] = []
    for paragraph in turn.paragraphs:
        tag, attrs = ("note", {"type": "stage"}) if paragraph.kind == "note" and turn.kind != "narration" else ("seg", {})
        paragraphs.append(element(tag, text_with_emphasis(paragraph), **attrs, xml_id=paragraph.id))
    if turn.kind == "narration":
        return block("note", paragraphs, type="narrative", xml_id=turn.id)
    attrs = {"who": f"#{xml_id(turn.speaker)}"} if turn.speaker else {}
    if turn.speaker in kinds:
        attrs["ana"] = SPEAKER_TYPE[kinds[turn.speaker]]
    return block("u", paragraphs, xml_id=turn.id, **attrs)


def _body(transcript: Transcript, edition: Edition) -> Block:
    questions = {q.id: q for q in transcript.questions}
    kinds: dict[str, str] = {p.speaker: p.kind for p in transcript.meta.participants}
    divs: list[Block | str] = []
    for question_id, turns in itertools.groupby(transcript.turns, key=lambda t: t.question):
        question = questions.get(question_id or "")
        children: list[Block | str] = [_turn(turn, kinds) for turn in turns]
        if question is None:
            divs.append(block("div", children, type="debateSection"))
        else:
            outlet = edition.speakers[question.asked_by].name if question.asked_by else "Question"
            if question.outlet:
                outlet = f"{outlet} ({edition.speakers[question.outlet].name})"
            children.insert(0, leaf("head", f"Q{question.number} · {outlet}"))
            divs.append(block("div", children, type="debateSection", xml_id=question.id))
    return block("body", divs)


def body_tei(markdown: str) -> str:
    """An annotation body (the checked safe Markdown subset) as TEI: <p>, <hi>, <ref>, <code>."""
    # Most bodies are plain prose, and parsing them took a third of the export time.
    return _plain_paragraphs(markdown) if is_plain(markdown) else parsed_body_tei(markdown)


def _plain_paragraphs(markdown: str) -> str:
    """A plain body as markdown-it reads it: blank lines part paragraphs, a line end (after any
    spaces: a hard break) is a space."""
    return "".join(
        leaf("p", " ".join(line.rstrip(" ") for line in lines))
        for blank, lines in itertools.groupby(markdown.split("\n"), key=lambda line: not line)
        if not blank
    )


def parsed_body_tei(markdown: str) -> str:
    """Any body, through markdown-it: a <p> for each paragraph, also those in lists and quotes."""
    return "".join(_inline(token.children or []) for token in _MD.parse(markdown) if token.type == "inline")


def _inline(tokens: list[Token]) -> str:
    """One paragraph's inline tokens as a <p>."""
    out = ["<p"]
    stack = [("p", 0)]  # the open elements: tag, and where in ``out`` its start tag is
    for token in tokens:
        if token.type in ("text", "softbreak", "hardbreak"):
            text = token.content if token.type == "text" else " "
            if text:  # an element with only "" in it still counts as empty: '<tag />'
                out.append(escape_text(text))
        elif token.type == "code_inline":
            out.append(leaf("code", token.content))
        elif token.type in ("em_open", "strong_open"):
            stack.append(("hi", len(out)))
            out.append(start_tag("hi", {"rend": "italic" if token.type == "em_open" else "bold"}))
        elif token.type == "link_open":
            stack.append(("ref", len(out)))
            out.append(start_tag("ref", {"target": str(token.attrs.get("href", ""))}))
        elif token.type.endswith("_close") and len(stack) > 1:
            _close(out, *stack.pop())
    while stack:
        _close(out, *stack.pop())
    return "".join(out)


def _close(out: list[str], tag: str, start: int) -> None:
    """End the element whose start tag is ``out[start]``; ``<tag />`` if nothing was put in it."""
    if len(out) == start + 1:
        out[start] += " />"
    else:
        out[start] += ">"
        out.append(f"</{tag}>")


def _annotation(annotation: Annotation, edition: Edition) -> str:
    placement = edition.placements[annotation.id]
    span = placement.span
    return _ANNOTATION.format(
        id=escape_attribute(xml_id(annotation.id)),
        motivation=MOTIVATION[annotation.kind],
        target=escape_attribute(f"#string-range({placement.paragraph},{span.start},{span.end - span.start})"),
        name=leaf("name", annotation.author),
        date=escape_attribute(annotation.date),
        licence=_LICENCE,
        note=element("note", _note(annotation, placement, edition), type=annotation.kind),
    )


def _note(annotation: Annotation, placement: Placement, edition: Edition) -> str:
    """What the annotation says: its body, the probable reading, the paragraph it points to, its sources."""
    note = body_tei(annotation.body)
    if annotation.reading:
        note += leaf("p", f"Probable intended reading: {annotation.reading}")
    if placement.see_paragraph:
        see = placement.see_paragraph
        note += element("p", "See " + leaf("ref", f"¶ {see[1:]}", target=f"#{see}"))
    return note + "".join(map(_source, references(annotation.sources, edition)))


def _source(ref: Reference) -> str:
    """A <bibl> of the register's work, pointing to its publisher's page (else the copy read), with the pinpoint."""
    source, cited = ref.source, ref.citation
    date = leaf("date", source.date, when=source.date) if source.date else ""
    scopes = "".join(leaf("biblScope", value, unit=unit) for unit, value in (("page", cited.page), ("paragraph", cited.paragraph)) if value)
    quote = leaf("quote", cited.quote) if cited.quote else ""
    return (
        f"<bibl>{leaf('title', source.title)}{leaf('publisher', ref.publisher.name, type=ref.publisher.type)}{date}"
        f"{leaf('idno', source.id, type='source')}{leaf('ptr', target=ref.link)}{scopes}{quote}</bibl>"
    )


def transcript_tei(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str) -> bytes:
    parts: list[Block | str] = [_header(transcript, edition, site_url), block("text", [_body(transcript, edition)])]
    annotations = [ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, [])]
    if annotations:
        parts.append(block("standOff", [block("listAnnotation", [_annotation(a, edition) for a in annotations])]))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    write(block("TEI", parts, xmlns=TEI, xml_id=xml_id(transcript.id), xml_lang=transcript.meta.language), 0, out)
    out.append("\n")
    # A lone surrogate cannot be UTF-8: written as a character reference, as ElementTree did.
    return "".join(out).encode("utf-8", "xmlcharrefreplace")
