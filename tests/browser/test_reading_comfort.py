"""Comfort (issue 20, ask 11): lines of about 60–75 characters on a desktop, and each question's topics as small,
muted labels under its heading rather than a line of links after the turns."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from .pages import TRANSCRIPT, open_page

pytestmark = pytest.mark.browser

# Characters per rendered line of each long paragraph (its last line left out: it is as short as the text is).
# A line ends where the next character is drawn to the left of the one before: the text has wrapped.
LINE_LENGTHS = """
() => [...document.querySelectorAll('.turn .para')].filter(p => p.textContent.length > 400).flatMap(p => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: t => t.parentElement.closest('sup, .permalink, .cite-button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
    const lines = [0];
    let left = -Infinity;
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (let i = 0; i < t.length; i++) {
            range.setStart(t, i); range.setEnd(t, i + 1);
            const r = range.getBoundingClientRect();
            if (!r.width) { continue; }
            if (r.left < left - 2) { lines.push(0); }
            left = r.left;
            lines[lines.length - 1] += 1;
        }
    }
    return lines.slice(0, -1);
})
"""


def test_lines_are_60_to_75_characters_on_a_desktop(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    open_page(page, base_url + TRANSCRIPT)
    lengths = page.evaluate(LINE_LENGTHS)
    assert len(lengths) > 50
    median = statistics.median(lengths)
    assert 60 <= median <= 75, f"median line: {median} characters"
    assert max(lengths) <= 85, f"longest line: {max(lengths)} characters"


# Each question heading and what follows it: the topic labels' links (their targets) and the topic links left at
# the end of turns, with the labels' type size and colour against the transcript's text.
QUESTION_TOPICS = """
() => [...document.querySelectorAll('.md-content__inner > h2[id^="q"]')].map(h => {
    const labels = h.nextElementSibling && h.nextElementSibling.matches('.topic-labels') ? h.nextElementSibling : null;
    const text = document.querySelector('.turn-answer .para');
    return { id: h.id, topics: labels ? [...labels.querySelectorAll('a')].map(a => new URL(a.href).pathname.split('/').at(-2)) : [],
             size: labels && parseFloat(getComputedStyle(labels).fontSize), textSize: parseFloat(getComputedStyle(text).fontSize),
             colour: labels && getComputedStyle(labels).color, textColour: getComputedStyle(text).color };
})
"""


def test_topics_are_small_muted_labels_under_each_question(device_page: tuple[str, Any], base_url: str) -> None:
    tab = device_page[1]
    open_page(tab, base_url + TRANSCRIPT)
    # What the edition's data gives each question: the topics of its turns and of their paragraphs.
    export = tab.evaluate("url => fetch(url).then(r => r.json())", base_url + "downloads/xinjiang-2020-06-19.json")
    expected: dict[str, list[str]] = {}
    for turn in export["turns"]:
        for topic in turn["topics"] + [t for p in turn["paragraphs"] for t in p["topics"]]:
            if turn["question"] and topic not in expected.setdefault(turn["question"], []):
                expected[turn["question"]].append(topic)
    questions = tab.evaluate(QUESTION_TOPICS)
    assert len(questions) == len(export["questions"])
    for question in questions:
        assert sorted(question["topics"]) == sorted(expected.get(question["id"], [])), question["id"]
        if question["topics"]:
            assert question["size"] < question["textSize"], question
            assert question["colour"] != question["textColour"], question
    # No line of topic links after the turns of a question any more.
    assert tab.locator(".turn[id] > .passage-topics, .turn-question .topic-labels, .turn-answer .topic-labels").count() == 0
    labels = tab.locator(".topic-labels a")
    boxes = labels.evaluate_all("links => links.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), "each label is a 24×24 px target (WCAG 2.5.8)"
