"""Small helpers shared by the browser tests: where the pages are, and what "visible" means."""

from __future__ import annotations

import re
from typing import Any

TRANSCRIPT = "transcripts/xinjiang-2020-06-19/"
SPEAKER = "speakers/akbar-haydar/"
TOPIC = "topics/mosques/"
QUESTIONS = "questions/"

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def toggle_theme(page: Any) -> None:
    """Click the visible light/dark switch in the header, as a reader would."""
    before = page.evaluate(SCHEME)
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"() => {SCHEME}() !== '{before}'")
    page.mouse.move(1, 400)  # away from the switch, whose own tooltip would cover the tabs
    # Colours change with a CSS transition; wait until the page background has settled.
    page.wait_for_function(
        """() => new Promise(resolve => {
            const read = () => getComputedStyle(document.body).backgroundColor;
            const first = read();
            setTimeout(() => resolve(read() === first), 300);
        })"""
    )


def open_page(page: Any, url: str) -> Any:
    """Go to url and wait until Material has mounted the page (document$ has emitted)."""
    page.goto(url)
    page.wait_for_function("() => window.document$ !== undefined && document.querySelector('.md-content') !== null")
    return page


def visible_box(page: Any, selector_or_locator: Any) -> bool:
    """True when the element lies wholly inside the viewport, below Material's fixed header."""
    locator = page.locator(selector_or_locator) if isinstance(selector_or_locator, str) else selector_or_locator
    return bool(
        locator.evaluate(
            """el => {
            const r = el.getBoundingClientRect();
            const header = document.querySelector('.md-header');
            const top = header ? header.getBoundingClientRect().bottom : 0;
            return r.height > 0 && r.top >= top - 1 && r.bottom <= window.innerHeight + 1
                && r.left >= -1 && r.right <= window.innerWidth + 1;
        }"""
        )
    )


Colour = tuple[float, float, float, float]  # r, g, b in 0–255; alpha in 0–1


def parse_colour(text: str) -> Colour:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' (as getComputedStyle gives them) → (r, g, b, alpha)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    if not text.startswith("rgb") or len(numbers) not in (3, 4):
        raise ValueError(f"unexpected computed colour {text!r}")
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0)


def over(top: Colour, bottom: Colour) -> Colour:
    """Composite a possibly translucent colour over an opaque one."""
    alpha = top[3]
    r, g, b = (top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))
    return (r, g, b, 1.0)


def luminance(colour: Colour) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def start_in_view(page: Any, locator: Any) -> bool:
    """True when the element's first line is on screen below the fixed header and the reading bar: what a reader
    needs of a passage that may be taller than the window."""
    return bool(
        locator.evaluate(
            """el => {
            const r = el.getClientRects()[0];
            const covers = [...document.querySelectorAll('.md-header, .reading-bar.is-shown')].map(e => e.getBoundingClientRect().bottom);
            const top = Math.max(0, ...covers);
            return Boolean(r) && r.height > 0 && r.top >= top - 1 && r.top + Math.min(r.height, 24) <= window.innerHeight + 1;
        }"""
        )
    )


def speaker_in_view(page: Any, passage: Any) -> bool:
    """True when the reader can see who speaks the passage: its turn's speaker line is on screen, or the reading
    bar under the header names that speaker."""
    return bool(
        passage.evaluate(
            """el => {
            const turn = el.closest('.turn') || el;
            const line = turn.querySelector('.speaker');
            if (!line) { return true; }  // narration: nobody to name
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const r = line.getBoundingClientRect();
            if (r.height > 0 && r.top >= header - 1 && r.bottom <= window.innerHeight + 1) { return true; }
            const bar = document.querySelector('.reading-bar.is-shown .reading-bar__speaker');
            const name = line.querySelector('strong');
            return Boolean(bar && name && bar.textContent.includes(name.textContent.trim()));
        }"""
        )
    )
