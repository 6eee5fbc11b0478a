"""Mutations of real data files for the fuzz tests: bytes, YAML tokens or lines, Unicode characters."""

from __future__ import annotations

import re

from hypothesis import strategies as st

YAML_TOKENS = [
    "- ",
    ": ",
    "  ",
    "\t",
    "\n",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!binary ",
    "[",
    "]",
    "{",
    "}",
    "? ",
    "---\n",
    "...\n",
    "<<: ",
    "|\n",
    ">-\n",
    "'",
    '"',
    "#",
    "%YAML 1.1\n",
    ",",
    "no",
    "2020-06-19",
    "~",
    "0x1F",
    "1e999",
    "[" * 500,
    "- " * 200,
]


UNICODE = [
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\x85",
    "\x00",
    "\x1b",
    "\u0301",
    "\u05d0",
    "\U0001f600",
    "\ud800",
    "\uffff",
    "\U0010ffff",
    "\xa0",
    "\r",
    "ǅ",
    "İ",
]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with one to three mutations: bytes, YAML tokens or lines, or Unicode characters."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["byte", "cut", "token", "line", "unicode"]))
        if kind == "byte":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at + draw(st.integers(0, 2)) :]
        elif kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 200)) :]
        elif kind == "token":
            data = data[:at] + draw(st.sampled_from(YAML_TOKENS)).encode() + data[at:]
        elif kind == "line":
            lines = data.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = draw(st.sampled_from([[], [lines[i], lines[i]], [b"  " + lines[i]], [lines[j]], [lines[i].lstrip()]]))
            data = b"\n".join(lines)
        else:
            data = data[:at] + draw(st.sampled_from(UNICODE)).encode("utf-8", "surrogatepass") + data[at:]
    return data


PLACE = re.compile(r"^[^\n:]+:\d+:\d+: \S.*$", re.S)
