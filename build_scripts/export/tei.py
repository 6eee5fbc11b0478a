"""TEI P5 XML of each transcript, shaped like the parliamentary corpora (Parla-CLARIN / ParlaMint).

* teiHeader: title, date, place, source, and the speakers as listPerson / listOrg.
* Each turn is a ``<u who="#speaker" xml:id="t…">``; each paragraph a ``<seg xml:id="p…">``
  whose string value is exactly the paragraph text (emphasis as ``<hi>``), so the TEI string
  offsets equal the JSON's. Notes in a turn are ``<note type="stage" xml:id="p…">``; the opening
  narration is ``<note type="narrative" xml:id="t…">`` holding its segs.
* Question exchanges are ``<div type="debateSection" xml:id="q…">``, like the website's headings.
* Annotations sit in ``<standOff>`` as TEI ``<annotation>`` pointing at
  ``#string-range(p…,offset,length)``. The subset is described by schemas/tei-subset.rng.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

from markdown_it import MarkdownIt

from ..indexes import Indexes
from ..model import Annotation, Edition, Paragraph, Participant, Transcript, Turn
from ..question_titles import question_title
from ..register import Reference, references
from .webanno import LICENCE, MOTIVATION, page_url

TEI = "http://www.tei-c.org/ns/1.0"
# ParlaMint's speaker types, from how each participant takes part.
SPEAKER_TYPE = {"moderator": "#chair", "official": "#regular", "guest": "#guest", "outlet": "#regular"}
# Elements that hold only elements: indented. Everything else is mixed content (a seg, a note),
# where added whitespace would change the text and the string offsets annotations point at.
_CONTAINERS = {
    *("TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability", "sourceDesc"),
    *("bibl", "profileDesc", "settingDesc", "setting", "particDesc", "listPerson", "person", "listOrg", "org"),
    *("langUsage", "text", "body", "div", "u", "standOff", "listAnnotation", "annotation", "revisionDesc"),
}
_MD = MarkdownIt("commonmark", {"html": False})


def xml_id(value: str) -> str:
    """The id as an xml:id (an NCName); project ids may start with a digit, which XML forbids."""
    return value if value[:1].isalpha() else f"_{value}"


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A new element (under ``parent``, if given); ``xml_id``/``xml_lang`` stand for xml:id/xml:lang."""
    attrib = {name.replace("xml_", "xml:", 1): value for name, value in attrs.items()}
    element = ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)
    element.text = text
    return element


def _header(tei: ET.Element, transcript: Transcript, edition: Edition, site_url: str) -> None:
    meta = transcript.meta
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", meta.title, type="main")
    _el(title_stmt, "title", "Annotated edition", type="sub")
    resp = _el(title_stmt, "respStmt")
    _el(resp, "resp", "Annotation and TEI encoding")
    _el(resp, "orgName", "Annotated Transcripts contributors")
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", "Annotated Transcripts")
    _el(publication, "idno", page_url(site_url, meta.id), type="URI")
    availability = _el(publication, "availability")
    _el(availability, "licence", "Annotations and encoding: CC BY 4.0.", target=LICENCE)
    _el(availability, "p", meta.source_status)
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl")
    _el(bibl, "title", meta.title)
    _el(bibl, "publisher", meta.publisher)
    _el(bibl, "date", meta.date, when=meta.date)
    if meta.source_url:
        _el(bibl, "idno", meta.source_url, type="URI")
    _el(bibl, "note", meta.source_note)
    profile = _el(header, "profileDesc")
    setting = _el(_el(profile, "settingDesc"), "setting")
    _el(setting, "name", meta.place, type="place")
    _el(setting, "orgName", meta.organiser, role="organiser")
    _el(setting, "date", meta.date, when=meta.date)
    _participants(_el(profile, "particDesc"), meta.participants, edition)
    _el(_el(profile, "langUsage"), "language", meta.language, ident=meta.language)


def _participants(partic: ET.Element, participants: tuple[Participant, ...], edition: Edition) -> None:
    people = [p for p in participants if edition.speakers[p.speaker].type == "person"]
    orgs = [p for p in participants if edition.speakers[p.speaker].type != "person"]
    for group, list_tag, item_tag, name_tag in ((people, "listPerson", "person", "persName"), (orgs, "listOrg", "org", "orgName")):
        listing = _el(partic, list_tag) if group else None
        for participant in group:
            speaker = edition.speakers[participant.speaker]
            item = _el(listing, item_tag, xml_id=xml_id(speaker.id), role=participant.kind)
            _el(item, name_tag, speaker.name)
            for alias in sorted(set(participant.names) - {speaker.name}):
                _el(item, name_tag, alias, type="alias")
            if item_tag == "org":
                _el(item, "desc", participant.role)
            elif participant.organisation:
                _el(_el(item, "affiliation", f"{participant.role}, "), "orgName", participant.organisation)
            else:
                _el(item, "affiliation", participant.role)


def paragraph_element(parent: ET.Element | None, tag: str, paragraph: Paragraph, **attrs: str) -> ET.Element:
    """An element holding the paragraph's text, emphasised spans as <hi rend="italic">."""
    element = _el(parent, tag, **attrs)
    text, position = paragraph.text, 0
    for span in sorted(paragraph.emphasis, key=lambda s: s.start):
        _append(element, text[position : span.start])
        _el(element, "hi", text[span.start : span.end], rend="italic")
        position = span.end
    _append(element, text[position:])
    return element


def _turn(parent: ET.Element, turn: Turn, kinds: dict[str, str]) -> None:
    """A turn, given each participant's kind (moderator, official, …) by speaker id."""
    if turn.kind == "narration":
        holder = _el(parent, "note", type="narrative", xml_id=turn.id)
    else:
        attrs = {"who": f"#{xml_id(turn.speaker)}"} if turn.speaker else {}
        if turn.speaker in kinds:
            attrs["ana"] = SPEAKER_TYPE[kinds[turn.speaker]]
        holder = _el(parent, "u", xml_id=turn.id, **attrs)
    for paragraph in turn.paragraphs:
        if paragraph.kind == "note" and turn.kind != "narration":
            paragraph_element(holder, "note", paragraph, type="stage", xml_id=paragraph.id)
        else:
            paragraph_element(holder, "seg", paragraph, xml_id=paragraph.id)


def _body(text: ET.Element, transcript: Transcript, edition: Edition) -> None:
    body = _el(text, "body")
    questions = {q.id: q for q in transcript.questions}
    kinds: dict[str, str] = {p.speaker: p.kind for p in transcript.meta.participants}
    for question_id, turns in itertools.groupby(transcript.turns, key=lambda t: t.question):
        question = questions.get(question_id or "")
        if question is None:
            div = _el(body, "div", type="debateSection")
        else:
            div = _el(body, "div", type="debateSection", xml_id=question.id)
            _el(div, "head", question_title(question, edition))
        for turn in turns:
            _turn(div, turn, kinds)


def body_paragraphs(note: ET.Element, markdown: str) -> None:
    """An annotation body (the checked safe Markdown subset) into ``note`` as <p>, <hi>, <ref>, <code>:
    a <p> for each paragraph markdown-it finds, also those in lists and quotes."""
    for token in _MD.parse(markdown):
        if token.type != "inline":
            continue
        stack = [_el(note, "p")]
        for child in token.children or []:
            current = stack[-1]
            if child.type in ("text", "softbreak", "hardbreak"):
                _append(current, child.content if child.type == "text" else " ")
            elif child.type == "code_inline":
                _el(current, "code", child.content)
            elif child.type in ("em_open", "strong_open"):
                stack.append(_el(current, "hi", rend="italic" if child.type == "em_open" else "bold"))
            elif child.type == "link_open":
                stack.append(_el(current, "ref", target=str(child.attrs.get("href", ""))))
            elif child.type.endswith("_close") and len(stack) > 1:
                stack.pop()


def _append(element: ET.Element, text: str) -> None:
    """Add text at the end of an element's content (after its last child, if any)."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _annotation(listing: ET.Element, annotation: Annotation, edition: Edition) -> None:
    placement = edition.placements[annotation.id]
    span = placement.span
    target = f"#string-range({placement.paragraph},{span.start},{span.end - span.start})"
    element = _el(listing, "annotation", xml_id=xml_id(annotation.id), motivation=MOTIVATION[annotation.kind], target=target)
    resp = _el(element, "respStmt")
    _el(resp, "resp", "creator")
    _el(resp, "name", annotation.author)
    _el(_el(element, "revisionDesc"), "change", status="created", when=annotation.date)
    _el(element, "licence", target=LICENCE)
    note = _el(element, "note", type=annotation.kind)
    body_paragraphs(note, annotation.body)
    if annotation.reading:
        _el(note, "p", f"Probable intended reading: {annotation.reading}")
    if placement.see_paragraph:
        see = placement.see_paragraph
        _el(_el(note, "p", "See "), "ref", f"¶ {see[1:]}", target=f"#{see}")
    for ref in references(annotation.sources, edition):
        _source(note, ref)


def _source(note: ET.Element, ref: Reference) -> None:
    """A <bibl> of the register's work, pointing to its publisher's page (else the copy read), with the pinpoint."""
    source, cited = ref.source, ref.citation
    bibl = _el(note, "bibl")
    _el(bibl, "title", source.title)
    _el(bibl, "publisher", ref.publisher.name, type=ref.publisher.type)
    if source.date:
        _el(bibl, "date", source.date, when=source.date)
    _el(bibl, "idno", source.id, type="source")
    _el(bibl, "ptr", target=ref.link)
    for unit, value in (("page", cited.page), ("paragraph", cited.paragraph)):
        if value:
            _el(bibl, "biblScope", value, unit=unit)
    if cited.quote:
        _el(bibl, "quote", cited.quote)


def _indent(element: ET.Element, level: int = 0) -> None:
    """Two spaces a level inside container elements only; mixed content is left as it is."""
    if element.tag not in _CONTAINERS and not (element.tag == "note" and element.get("type") == "narrative"):
        return
    if len(element):
        element.text = "\n" + "  " * (level + 1)
        for child in element:
            _indent(child, level + 1)
            child.tail = element.text
        element[-1].tail = "\n" + "  " * level


def transcript_tei(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str) -> bytes:
    tei = _el(None, "TEI", xmlns=TEI, xml_id=xml_id(transcript.id), xml_lang=transcript.meta.language)
    _header(tei, transcript, edition, site_url)
    _body(_el(tei, "text"), transcript, edition)
    annotations = [ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, [])]
    if annotations:
        listing = _el(_el(tei, "standOff"), "listAnnotation")
        for annotation in annotations:
            _annotation(listing, annotation, edition)
    _indent(tei)
    # A lone surrogate cannot be UTF-8: ElementTree writes it as a character reference.
    body: bytes = ET.tostring(tei, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
