"""mkdocs_config.py: mkdocs.yml read as MkDocs reads it (!ENV included), so a fork publishes at its own address."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.load.markdown_body import site_extensions
from build_scripts.mkdocs_config import site_url
from tests.project_copy import ROOT

FORK = {"SITE_URL": "https://someone.github.io/fork/", "REPO_URL": "https://github.com/someone/fork", "REPO_NAME": "someone/fork"}
"""What CI sets in a fork named someone/fork (.github/workflows/ci.yml, step "Site address from the repository")."""


def test_site_url_is_read_as_mkdocs_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """!ENV [NAME, default] as MkDocs resolves it; a tag MkDocs configs may hold (!!python/name:) is no error."""
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [SITE_URL, "https://example.org/a/"]\nformat: !!python/name:str.upper\n')
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_url(tmp_path) == "https://example.org/a/"
    monkeypatch.setenv("SITE_URL", FORK["SITE_URL"])
    assert site_url(tmp_path) == FORK["SITE_URL"]
    config.write_text("site_url: https://plain.example/\n")
    assert site_url(tmp_path) == "https://plain.example/"
    config.unlink()
    assert site_url(tmp_path) == "/"


@pytest.mark.parametrize("environment", [{}, FORK], ids=["local", "fork"])
def test_site_url_agrees_with_mkdocs(environment: dict[str, str]) -> None:
    """The project's mkdocs.yml, read by MkDocs itself in a clean process, and by site_url."""
    env = {**{k: v for k, v in os.environ.items() if k not in FORK}, **environment}
    ask = (
        "import sys; from mkdocs.config import load_config; c = load_config(sys.argv[1]); "
        "print(c['site_url'], c['repo_url'], c['repo_name'])"
    )
    mkdocs = subprocess.run(
        [sys.executable, "-c", ask, str(ROOT / "mkdocs.yml")], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    ask_mine = "import sys; from pathlib import Path; from build_scripts.mkdocs_config import site_url; print(site_url(Path(sys.argv[1])))"
    mine = subprocess.run(
        [sys.executable, "-c", ask_mine, str(ROOT)], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert mine == mkdocs[0]
    if environment:
        assert mkdocs == [FORK["SITE_URL"], FORK["REPO_URL"], FORK["REPO_NAME"]]
    else:
        assert mkdocs == [
            "https://annotated-editions.github.io/transcripts/",
            "https://github.com/annotated-editions/transcripts",
            "annotated-editions/transcripts",
        ]


@pytest.mark.slow
def test_a_fork_publishes_at_its_own_address_with_nothing_edited(project: Path) -> None:
    """The real build with CI's variables: every page, download and the sitemap name the fork, never the original."""
    env = {**os.environ, **FORK, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "build"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://someone.github.io/fork/">' in home
    assert 'href="https://github.com/someone/fork"' in home and "someone/fork" in home
    transcript = (project / "site" / "transcripts" / "xinjiang-2020-06-19" / "index.html").read_text(encoding="utf-8")
    assert '"https://someone.github.io/fork/transcripts/xinjiang-2020-06-19/"' in transcript  # structured data
    assert "https://someone.github.io/fork/" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    original = [
        str(path.relative_to(project))
        for folder in ("site", "docs")
        for path in (project / folder).rglob("*")
        if path.is_file()
        and path.suffix in (".html", ".xml", ".json", ".jsonld", ".md", ".csv")
        and b"annotated-editions" in path.read_bytes()
    ]
    assert original == []


def test_the_markdown_extensions_are_read_through_env_tags() -> None:
    """markdown_body reads mkdocs.yml's extensions with the same loader: the project's !ENV lines do not stop it."""
    assert list(site_extensions(ROOT / "mkdocs.yml")) == [
        "footnotes",
        "attr_list",
        "md_in_html",
        "tables",
        "toc",
        "build_scripts.note_headings",
    ]
