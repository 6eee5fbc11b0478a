"""The source register as a bibliography: CSL-JSON (for Zotero, pandoc, citeproc) and BibTeX.

Every source cited, once, sorted by id (the id is the citation key in both). The publisher's own
page is the URL; the copy read and the archive snapshot, and the publisher's type, travel in CSL's
``custom`` object and in the note, which is where both formats keep what they have no field for.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Edition
from ..register import PUBLISHER_TYPES, Publisher, Source
from .json_edition import json_bytes

CSL_FILE = "sources.csl.json"
BIBTEX_FILE = "sources.bib"

CSL_TYPES = {
    "news-organisation": "article-newspaper",
    "state-owned-media": "article-newspaper",
    "academic": "article-journal",
    "legislature-or-court": "legislation",
    "other": "webpage",
}
"""The CSL item type by publisher type; reports for the rest (government, intergovernmental, think tank, NGO)."""


def _note(source: Source, publisher: Publisher) -> str:
    """What the formats have no field for: the publisher's type, the copy read, the archive, the editor's note."""
    parts = [f"Publisher type: {PUBLISHER_TYPES[publisher.type]}."]
    if source.read_at:
        parts.append(f"Read at a copy: {source.read_at}.")
    if source.archive_url:
        parts.append(f"Archived: {source.archive_url}.")
    if source.note:
        parts.append(source.note)
    return " ".join(parts)


def csl_item(source: Source, publisher: Publisher) -> dict[str, Any]:
    """One source as a CSL-JSON item (CSL 1.0.2 data schema)."""
    item: dict[str, Any] = {"id": source.id, "type": CSL_TYPES.get(publisher.type, "report"), "title": source.title}
    if source.authors:
        item["author"] = [{"literal": name} for name in source.authors]
    item["publisher"] = publisher.name
    if source.date:
        item["issued"] = {"date-parts": [[int(part) for part in source.date.split("-")]]}
    if source.url or source.read_at:
        item["URL"] = source.url or source.read_at
    item["language"] = source.language
    item["note"] = _note(source, publisher)
    item["custom"] = {
        "publisher_id": publisher.id,
        "publisher_type": publisher.type,
        "url": source.url or None,
        "read_at": source.read_at or None,
        "archive_url": source.archive_url or None,
    }
    return item


def _cited(edition: Edition) -> list[tuple[Source, Publisher]]:
    return [(s, edition.publishers[s.publisher]) for s in sorted(edition.sources.values(), key=lambda s: s.id)]


def csl_json(edition: Edition) -> bytes:
    """Every source of the register as a CSL-JSON array."""
    return json_bytes([csl_item(source, publisher) for source, publisher in _cited(edition)])


_LATEX_SPECIAL = re.compile(r"([\\{}%#&$_^~])")
_LATEX_REPLACEMENT = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def latex_text(text: str) -> str:
    """``text`` as a BibTeX field value: LaTeX's special characters escaped, the rest as UTF-8."""
    return _LATEX_SPECIAL.sub(lambda m: _LATEX_REPLACEMENT.get(m.group(1), "\\" + m.group(1)), text)


def bibtex_entry(source: Source, publisher: Publisher) -> str:
    """One source as a @misc entry (the entry type every style accepts), its id the key."""
    fields = [("title", "{" + latex_text(source.title) + "}")]  # inner braces keep the capitals as written
    if source.authors:
        fields.append(("author", " and ".join("{" + latex_text(name) + "}" for name in source.authors)))
    fields.append(("howpublished", latex_text(publisher.name)))  # BibTeX's styles print this for @misc
    fields.append(("publisher", latex_text(publisher.name)))  # biblatex's print this
    if source.date:
        year, *rest = source.date.split("-")
        fields.append(("year", year))
        if rest:
            fields.append(("month", str(int(rest[0]))))
    if source.url or source.read_at:
        fields.append(("url", (source.url or source.read_at).replace("{", "%7B").replace("}", "%7D")))
    fields.append(("language", source.language))
    fields.append(("note", latex_text(_note(source, publisher))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{source.id},\n{body}\n}}\n"


def bibtex(edition: Edition) -> bytes:
    """Every source of the register as BibTeX, UTF-8."""
    header = "% Sources cited by the Annotated Transcripts edition (generated from data/sources.yml). UTF-8.\n\n"
    return (header + "\n".join(bibtex_entry(source, publisher) for source, publisher in _cited(edition))).encode("utf-8")


def bibliography_files(edition: Edition) -> dict[str, bytes]:
    """``{sources.csl.json, sources.bib}``."""
    return {CSL_FILE: csl_json(edition), BIBTEX_FILE: bibtex(edition)}
