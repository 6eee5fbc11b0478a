"""The same generated docs/ builds with Zensical, and the transcript page comes out whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html


def test_zensical_builds_the_generated_docs(built_project: Path, tmp_path: Path) -> None:
    """`zensical build` on a copy of the built project (docs/ already generated, mkdocs.yml as is)."""
    root = tmp_path / "project"
    root.mkdir()
    for part in ("docs", "overrides", "build_scripts"):  # build_scripts: mkdocs.yml names its Markdown extension
        shutil.copytree(built_project / part, root / part)
    shutil.copy2(built_project / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean"], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

    seed = "xinjiang-2020-06-19"
    page = root / "site" / "transcripts" / seed / "index.html"
    assert page.is_file(), sorted(str(p.relative_to(root)) for p in (root / "site").rglob("*.html"))
    export = json.loads((built_project / "docs" / "downloads" / f"{seed}.json").read_text(encoding="utf-8"))
    html = lxml.html.fromstring(page.read_bytes())
    present = {str(i) for i in html.xpath("//p[contains(@class, 'para')]/@id")}
    assert present == {p["id"] for t in export["turns"] for p in t["paragraphs"]}
    assert {str(i) for i in html.xpath("//h2/@id")} >= {q["id"] for q in export["questions"]}
    assert html.xpath("//*[@id='fn:term-xuar']"), "footnotes come out too"
    assert html.xpath("//*[@id='fn:term-xuar']/h3[@id='note-term-xuar']"), "each note under its own heading (note_headings.py)"
