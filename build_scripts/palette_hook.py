"""MkDocs hook (mkdocs.yml ``hooks:``): Material's palette stylesheet, written into the site without its rule for
the moment colours switch.

Material sets ``data-md-color-switching`` on ``<body>`` whenever it applies the palette, which it also does as every
page starts, and removes it a frame later. Its palette CSS styles that moment with a universal rule,
``[data-md-color-switching] *, … :before, … :after {transition-duration: 0s !important}``, so Chrome restyles every
element of the page when the attribute comes and again when it goes. On the transcript page as it loads in Chrome on
a phone's screen, the elements styled went from 24,300 to 17,600 without the rule (median of five loads). Without it,
a switch of theme fades Material's few coloured transitions (at most 0.25 s) instead of flipping them at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# A whole rule whose selector list names the attribute; Material's minified CSS holds no nested braces in it.
SWITCHING_RULE = re.compile(r"[^{}]*\[data-md-color-switching\][^{}]*\{[^{}]*\}")


def stylesheet_without_switching_rule(css: str) -> str:
    return SWITCHING_RULE.sub("", css)


def on_post_build(config: Any, **_: Any) -> None:
    for path in sorted((Path(config["site_dir"]) / "assets" / "stylesheets").glob("palette.*.css")):
        css = path.read_text(encoding="utf-8")
        path.write_text(stylesheet_without_switching_rule(css), encoding="utf-8")
