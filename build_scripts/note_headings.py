"""A Python-Markdown extension (listed in mkdocs.yml) that finishes each note's markup: its head becomes a heading, and
its way back to the text is labelled rather than titled.

The search plugin of MkDocs Material makes one entry per heading that has an id, and a note
is a footnote, so every note of a page fell into one entry, "Notes" (a search for a word in
one note previewed another). As a heading, "Claim on “the words” · ¶62", each note is its
own entry, found under its own title and landing on it (``#note-<id>``). The change is made
after the table of contents is built, so the notes neither fill the page's contents nor get a
section permalink; a heading per note also lets screen-reader users move from note to note.

The footnotes extension gives each note's "↩" link a ``title`` ("Jump back to footnote 1 in the text"). Material's
tooltips mount on every element with a title as the page starts, and on the transcript those 82 links were most of
them: with the words as the link's ``aria-label`` instead (which screen readers read as its name, not after "↩"), the
page's start-up task on a phone went from 210 to 150 ms (Chrome, 4x CPU throttling, lower quartile of eleven loads).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NOTE_PREFIX = "fn:"
"""The id Python-Markdown's footnotes give a note's list item (the note's permalink)."""
HEADING_PREFIX = "note-"
"""The id of the note's heading: the search entry's address."""


class NoteHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            note = item.get("id", "")
            if not note.startswith(NOTE_PREFIX):
                continue
            head = next((child for child in item if child.tag == "p" and "note-head" in child.get("class", "").split()), None)
            if head is not None:
                head.tag = "h3"  # under "Notes", a level 2 heading
                head.set("id", HEADING_PREFIX + note[len(NOTE_PREFIX) :])
            for back in item.iter("a"):
                if "footnote-backref" in back.get("class", "").split() and "title" in back.attrib:
                    back.set("aria-label", back.attrib.pop("title"))


class NoteHeadingsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After "toc" (priority 5), which would list each note in the page's contents; after
        # "footnote" (50), which moves the notes to the end; before "unescape" (0).
        md.treeprocessors.register(NoteHeadings(md), "note_headings", 4)


def makeExtension(**kwargs: object) -> NoteHeadingsExtension:  # noqa: N802 (Python-Markdown's name)
    return NoteHeadingsExtension(**kwargs)
