"""The built site's search index (Material's search plugin): one entry per note, and the declared spellings."""

from __future__ import annotations

import json
import re
from pathlib import Path

SEED = "xinjiang-2020-06-19"


def entries(site: Path) -> dict[str, dict[str, str]]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return {entry["location"]: entry for entry in index["docs"]}


def test_every_note_is_its_own_entry(site: Path) -> None:
    found = entries(site)
    notes = json.loads((site / "downloads" / f"{SEED}.json").read_text(encoding="utf-8"))["annotations"]
    assert len(notes) > 50
    for note in notes:
        entry = found[f"transcripts/{SEED}/#note-{note['id']}"]
        assert entry["title"].startswith(("Context", "Person", "Term", "Claim", "Transcription note", "Cross-reference"))
        first_words = " ".join(re.sub(r"[*_`\[\]]", "", note["body"]).split()[:3])
        assert first_words in entry["text"], note["id"]
    assert found[f"transcripts/{SEED}/#notes"]["text"] == ""  # no longer one entry holding every note


def test_a_section_is_found_by_the_spelling_it_does_not_use(site: Path) -> None:
    q10 = entries(site)[f"transcripts/{SEED}/#q10"]["text"]
    assert re.search(r"\blabor\b", q10) and re.search(r"\blabour\b", q10)
    page = (site / "transcripts" / SEED / "index.html").read_text(encoding="utf-8")
    shown = re.sub(r'<(div|span) class="search-variants"[^>]*>[^<]*</\1>', "", page)
    assert "labour" not in shown.split('id="q10"')[1].split("<h2")[0]  # only in the hidden variants
