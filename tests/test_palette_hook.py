"""build_scripts/palette_hook.py: Material's palette stylesheet loses its rule for the moment colours switch, and
only that rule; the real site is built with it."""

from __future__ import annotations

from pathlib import Path

from build_scripts.palette_hook import stylesheet_without_switching_rule

# As Material 9.8's palette.*.min.css writes it, with its neighbours.
BEFORE = "[data-md-color-primary=white]{--md-typeset-a-color:#5e8bde}"
SWITCHING = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before{transition-duration:0s!important}"
)
AFTER = "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"


def test_the_switching_rule_goes_and_its_neighbours_stay() -> None:
    assert stylesheet_without_switching_rule(BEFORE + SWITCHING + AFTER) == BEFORE + AFTER


def test_the_rule_goes_from_inside_a_media_block_too() -> None:
    assert stylesheet_without_switching_rule("@media screen{" + SWITCHING + "a{color:red}}") == "@media screen{a{color:red}}"


def test_a_stylesheet_without_the_rule_is_unchanged() -> None:
    assert stylesheet_without_switching_rule(BEFORE + AFTER) == BEFORE + AFTER


def test_the_built_site_has_no_switching_rule_and_keeps_its_palette(site: Path) -> None:
    (palette,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    css = palette.read_text(encoding="utf-8")
    assert "data-md-color-switching" not in css
    assert "[data-md-color-scheme=slate]" in css
