"""``markdown_escaped: true``: the text was saved from Markdown source, so ``\\[`` reads ``[``.

Only the reading text changes; transcript.txt is kept verbatim. The rule is CommonMark's: a
backslash before an ASCII punctuation character escapes it.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def unescape_markdown(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)
