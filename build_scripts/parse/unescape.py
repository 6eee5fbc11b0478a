"""``markdown_escaped: true``: the text was saved from Markdown source, so ``\\[`` reads ``[``.

Only the reading text changes; transcript.txt is kept verbatim. The rule is CommonMark's: a
backslash before an ASCII punctuation character escapes it. An escaped ``*`` or ``_`` must not
then start emphasis, so it is held as a private-use character while emphasis is split (same
length, so emphasis offsets stay right) and restored after.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_HELD = {"*": "\ue000", "_": "\ue001"}
_RESTORE = str.maketrans({held: mark for mark, held in _HELD.items()})


def unescape_markdown(text: str) -> str:
    """The text with escapes removed; escaped emphasis markers held (see ``restore_held``)."""
    return _ESCAPE.sub(lambda m: _HELD.get(m.group(1), m.group(1)), text)


def restore_held(text: str) -> str:
    return text.translate(_RESTORE)
