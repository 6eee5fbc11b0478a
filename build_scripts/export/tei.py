"""TEI P5 XML of each transcript, shaped like the parliamentary corpora (Parla-CLARIN / ParlaMint).

* teiHeader: title, date, place, source, and the speakers as listPerson / listOrg.
* Each turn is a ``<u who="#speaker" xml:id="t…">``; each paragraph a ``<seg xml:id="p…">``
  whose string value is exactly the paragraph text (emphasis as ``<hi>``), so the TEI string
  offsets equal the JSON's. Notes in a turn are ``<note type="stage" xml:id="p…">``; the opening
  narration is ``<note type="narrative" xml:id="t…">`` holding its segs.
* Question exchanges are ``<div type="debateSection" xml:id="q…">``, like the website's headings.
* Annotations sit in ``<standOff>`` as TEI ``<annotation>`` pointing at
  ``#string-range(p…,offset,length)``. The subset is described by schemas/tei-subset.rng.

The XML is written as text in one pass rather than built as an ElementTree, indented and
serialised, which took most of the export time. The writing rules are ElementTree's,
so the bytes did not change: character data escapes ``& < >``; attribute values also
``"`` and CR, LF, TAB; an element with no content is written ``<tag />``. Only elements that
hold nothing but elements (``_Block``) are indented: whitespace added to mixed content would
change the text that the annotations' string offsets count.
"""

from __future__ import annotations

import itertools
import re
from typing import TypeAlias

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Annotation, Edition, Indexes, Paragraph, Participant, Placement, Source, Transcript, Turn
from .webanno import LICENCE, MOTIVATION, page_url

TEI = "http://www.tei-c.org/ns/1.0"
# ParlaMint's speaker types, from how each participant takes part.
SPEAKER_TYPE = {"moderator": "#chair", "official": "#regular", "guest": "#guest", "outlet": "#regular"}
_ATTRIBUTE_NAMES = {"xml_id": "xml:id", "xml_lang": "xml:lang"}
"""Keyword arguments that stand for attributes in the xml: namespace."""
_MD = MarkdownIt("commonmark", {"html": False})
_SYNTAX = re.compile(r"[\\`*_\[\]!<>&~\r\0]")
"""Characters of inline syntax (escapes, code, emphasis, links, images, autolinks, entities);
CR and NUL, which markdown-it rewrites."""
_BLOCK_START = re.compile(r"[#+\-=|]|\d+[.)]")
"""How a line opening a heading, list, rule, setext underline or table starts."""


def xml_id(value: str) -> str:
    """The id as an xml:id (an NCName); project ids may start with a digit, which XML forbids."""
    return value if value[:1].isalpha() else f"_{value}"


# ---- Writing XML text -------------------------------------------------------------------


def _text(value: str) -> str:
    """Character data, escaped."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """An attribute value, escaped for double quotes; line ends and tabs as character references."""
    return (_text(value).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))


def _start(tag: str, attrs: dict[str, str]) -> str:
    """A start tag without its closing ``>`` (or `` />``); attributes in the order given."""
    start = "<" + tag
    for name, value in attrs.items():  # a loop, not a join: most elements have one attribute or none
        start += f' {_ATTRIBUTE_NAMES.get(name, name)}="{_attribute(value)}"'
    return start


def _element(tag: str, content: str, **attrs: str) -> str:
    """An element around ``content``, markup already escaped; no content gives ``<tag />``."""
    start = _start(tag, attrs)
    return f"{start}>{content}</{tag}>" if content else start + " />"


def _leaf(tag: str, text: str | None = None, **attrs: str) -> str:
    """An element holding only text (or nothing)."""
    start = _start(tag, attrs) if attrs else "<" + tag
    return f"{start}>{_text(text)}</{tag}>" if text else start + " />"


_Block: TypeAlias = "tuple[str, str, list[_Block | str]]"
"""An element that holds only elements, as (start tag without '>', end tag, children): written
one child a line, indented by depth (see _write). A plain tuple: there are tens of thousands."""


def _block(tag: str, children: list[_Block | str], **attrs: str) -> _Block:
    return _start(tag, attrs), f"</{tag}>", children


def _write(node: _Block | str, depth: int, out: list[str]) -> None:
    """Append ``node``, sitting at ``depth``, to ``out``: two spaces of indent a level."""
    if isinstance(node, str):
        out.append(node)
        return
    start, end, children = node
    if not children:
        out.append(start + " />")
        return
    inner = "\n" + "  " * (depth + 1)
    out.append(start + ">")
    for child in children:
        out.append(inner)
        _write(child, depth + 1, out)
    out.append("\n" + "  " * depth + end)


# ---- The document -----------------------------------------------------------------------

_LICENCE = _leaf("licence", target=LICENCE)
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
"""An annotation as _write would lay it out in <standOff><listAnnotation>, filled in directly:
there are thousands, and this fixed shape is the bulk of the file."""


def _header(transcript: Transcript, edition: Edition, site_url: str) -> _Block:
    meta = transcript.meta
    bibl: list[_Block | str] = [_leaf("title", meta.title), _leaf("publisher", meta.publisher),
                                _leaf("date", meta.date, when=meta.date)]
    if meta.source_url:
        bibl.append(_leaf("idno", meta.source_url, type="URI"))
    bibl.append(_leaf("note", meta.source_note))
    file_desc = _block("fileDesc", [
        _block("titleStmt", [
            _leaf("title", meta.title, type="main"),
            _leaf("title", "Annotated edition", type="sub"),
            _block("respStmt", [_leaf("resp", "Annotation and TEI encoding"),
                                _leaf("orgName", "Annotated Transcripts contributors")]),
        ]),
        _block("publicationStmt", [
            _leaf("publisher", "Annotated Transcripts"),
            _leaf("idno", page_url(site_url, meta.id), type="URI"),
            _block("availability", [_leaf("licence", "Annotations and encoding: CC BY 4.0.", target=LICENCE),
                                    _leaf("p", meta.source_status)]),
        ]),
        _block("sourceDesc", [_block("bibl", bibl)]),
    ])
    profile = _block("profileDesc", [
        _block("settingDesc", [_block("setting", [
            _leaf("name", meta.place, type="place"),
            _leaf("orgName", meta.organiser, role="organiser"),
            _leaf("date", meta.date, when=meta.date),
        ])]),
        _block("particDesc", _participants(meta.participants, edition)),
        _block("langUsage", [_leaf("language", meta.language, ident=meta.language)]),
    ])
    return _block("teiHeader", [file_desc, profile])


def _participants(participants: tuple[Participant, ...], edition: Edition) -> list[_Block | str]:
    people = [p for p in participants if edition.speakers[p.speaker].type == "person"]
    orgs = [p for p in participants if edition.speakers[p.speaker].type != "person"]
    lists: list[_Block | str] = []
    for group, list_tag, item_tag, name_tag in ((people, "listPerson", "person", "persName"),
                                                (orgs, "listOrg", "org", "orgName")):
        if not group:
            continue
        items: list[_Block | str] = []
        for participant in group:
            speaker = edition.speakers[participant.speaker]
            names: list[_Block | str] = [_leaf(name_tag, speaker.name)]
            names += [_leaf(name_tag, alias, type="alias") for alias in sorted(set(participant.names) - {speaker.name})]
            if item_tag == "person":
                organisation = participant.organisation
                if organisation:
                    names.append(_element("affiliation", _text(f"{participant.role}, ") + _leaf("orgName", organisation)))
                else:
                    names.append(_leaf("affiliation", participant.role))
            else:
                names.append(_leaf("desc", participant.role))
            items.append(_block(item_tag, names, xml_id=xml_id(speaker.id), role=participant.kind))
        lists.append(_block(list_tag, items))
    return lists


def _text_with_emphasis(paragraph: Paragraph) -> str:
    """The paragraph's text as markup, emphasised spans as <hi rend="italic">."""
    text, position, parts = paragraph.text, 0, []
    for span in sorted(paragraph.emphasis, key=lambda s: s.start):
        parts.append(_text(text[position:span.start]))
        parts.append(_leaf("hi", text[span.start:span.end], rend="italic"))
        position = span.end
    parts.append(_text(text[position:]))
    return "".join(parts)


def _turn(turn: Turn, kinds: dict[str, str]) -> _Block:
    """A turn, given each participant's kind (moderator, official, …) by speaker id."""
    paragraphs: list[_Block | str] = []
    for paragraph in turn.paragraphs:
        tag, attrs = ("note", {"type": "stage"}) if paragraph.kind == "note" and turn.kind != "narration" else ("seg", {})
        paragraphs.append(_element(tag, _text_with_emphasis(paragraph), **attrs, xml_id=paragraph.id))
    if turn.kind == "narration":
        return _block("note", paragraphs, type="narrative", xml_id=turn.id)
    attrs = {"who": f"#{xml_id(turn.speaker)}"} if turn.speaker else {}
    if turn.speaker in kinds:
        attrs["ana"] = SPEAKER_TYPE[kinds[turn.speaker]]
    return _block("u", paragraphs, xml_id=turn.id, **attrs)


def _body(transcript: Transcript, edition: Edition) -> _Block:
    questions = {q.id: q for q in transcript.questions}
    kinds: dict[str, str] = {p.speaker: p.kind for p in transcript.meta.participants}
    divs: list[_Block | str] = []
    for question_id, turns in itertools.groupby(transcript.turns, key=lambda t: t.question):
        question = questions.get(question_id or "")
        children: list[_Block | str] = [_turn(turn, kinds) for turn in turns]
        if question is None:
            divs.append(_block("div", children, type="debateSection"))
        else:
            outlet = edition.speakers[question.asked_by].name if question.asked_by else "Question"
            children.insert(0, _leaf("head", f"Q{question.number} · {outlet}"))
            divs.append(_block("div", children, type="debateSection", xml_id=question.id))
    return _block("body", divs)


def _markdown(markdown: str) -> str:
    """An annotation body (the checked safe Markdown subset) as TEI: <p>, <hi>, <ref>, <code>."""
    # Most bodies are plain prose, and parsing them took a third of the export time.
    return _plain_paragraphs(markdown) if _is_plain(markdown) else _parsed(markdown)


def _is_plain(markdown: str) -> bool:
    """Whether the body is only paragraphs of literal text: no inline syntax, no line opening a
    block, no whitespace at either end of a line (indented code, hard breaks, trimming)."""
    return not _SYNTAX.search(markdown) and all(line == line.strip() and not _BLOCK_START.match(line)
                                                for line in markdown.split("\n"))


def _plain_paragraphs(markdown: str) -> str:
    """A plain body as markdown-it reads it: blank lines part paragraphs, a line end is a space."""
    return "".join(_leaf("p", " ".join(lines))
                   for blank, lines in itertools.groupby(markdown.split("\n"), key=lambda line: not line) if not blank)


def _parsed(markdown: str) -> str:
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
                out.append(_text(text))
        elif token.type == "code_inline":
            out.append(_leaf("code", token.content))
        elif token.type in ("em_open", "strong_open"):
            stack.append(("hi", len(out)))
            out.append(_start("hi", {"rend": "italic" if token.type == "em_open" else "bold"}))
        elif token.type == "link_open":
            stack.append(("ref", len(out)))
            out.append(_start("ref", {"target": str(token.attrs.get("href", ""))}))
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
        id=_attribute(xml_id(annotation.id)), motivation=MOTIVATION[annotation.kind],
        target=_attribute(f"#string-range({placement.paragraph},{span.start},{span.end - span.start})"),
        name=_leaf("name", annotation.author), date=_attribute(annotation.date), licence=_LICENCE,
        note=_element("note", _note(annotation, placement), type=annotation.kind))


def _note(annotation: Annotation, placement: Placement) -> str:
    """What the annotation says: its body, the probable reading, the paragraph it points to, its sources."""
    note = _markdown(annotation.body)
    if annotation.reading:
        note += _leaf("p", f"Probable intended reading: {annotation.reading}")
    if placement.see_paragraph:
        see = placement.see_paragraph
        note += _element("p", "See " + _leaf("ref", f"¶ {see[1:]}", target=f"#{see}"))
    return note + "".join(map(_source, annotation.sources))


def _source(source: Source) -> str:
    quote = _leaf("quote", source.quote) if source.quote else ""
    return (f'<bibl>{_leaf("title", source.title)}{_leaf("publisher", source.publisher)}'
            f'{_leaf("date", source.date, when=source.date)}{_leaf("ptr", target=source.url)}{quote}</bibl>')


def transcript_tei(transcript: Transcript, edition: Edition, ix: Indexes, site_url: str) -> bytes:
    parts: list[_Block | str] = [_header(transcript, edition, site_url), _block("text", [_body(transcript, edition)])]
    annotations = [ix.annotation[a] for a in ix.annotations_of_transcript.get(transcript.id, [])]
    if annotations:
        parts.append(_block("standOff", [_block("listAnnotation", [_annotation(a, edition) for a in annotations])]))
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    _write(_block("TEI", parts, xmlns=TEI, xml_id=xml_id(transcript.id), xml_lang=transcript.meta.language), 0, out)
    out.append("\n")
    # A lone surrogate cannot be UTF-8: written as a character reference, as ElementTree did.
    return "".join(out).encode("utf-8", "xmlcharrefreplace")


def export_tei(edition: Edition, ix: Indexes, site_url: str) -> dict[str, bytes]:
    """``{<transcript>.tei.xml: bytes}`` for every transcript; deterministic (no timestamps)."""
    return {f"{t.id}.tei.xml": transcript_tei(t, edition, ix, site_url) for t in edition.transcripts}
