"""Live preview: `mkdocs serve -f mkdocs.serve.yml` regenerates pages when data/ changes,
and settles (no rebuild loop) when nothing changed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest

from build_scripts.mkdocs_config import site_url
from build_scripts.serve import first_code_digest
from build_scripts.stamp import code_digest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


class ServeLog:
    """The lines `mkdocs serve` logs, read as they come, so a test waits on what the server says."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, seconds: float, after: int = 0) -> bool:
        """Whether a line holding ``text`` comes, among the lines from number ``after`` on, within ``seconds``."""
        with self._changed:
            return self._changed.wait_for(lambda: any(text in line for line in self.lines[after:]), timeout=seconds)


BUILT = "Documentation built in"
"""What mkdocs serve logs at the end of each build of the site."""


@pytest.fixture
def server(project: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> Iterator[tuple[Path, str, ServeLog]]:
    assert cli(project, "generate").returncode == 0
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.serve.yml", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    log = ServeLog(process.stderr)
    # mkdocs serve serves under the path of site_url, as the published site is.
    site_path = urllib.parse.urlparse(site_url(project)).path
    base = f"http://127.0.0.1:{port}{site_path}transcripts/xinjiang-2020-06-19/"
    try:
        assert log.wait_for("Serving on", 90), "mkdocs serve did not come up:\n" + "".join(log.lines)
        yield project, base, log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_editing_an_annotation_updates_the_preview(server: tuple[Path, str, ServeLog]) -> None:
    project, url, log = server
    assert "Xinhua" in _fetch(url)
    path = project / "data" / "annotations" / "corrections.yml"
    text = path.read_text(encoding="utf-8")
    assert 'is probably "America First"' in text
    for edit in ("edited live", "edited again"):
        seen = len(log.lines)
        path.write_text(text.replace('is probably "America First"', f'is probably "America First", {edit}'), encoding="utf-8")
        assert log.wait_for(BUILT, 60, after=seen), "no rebuild after the edit:\n" + "".join(log.lines[seen:])
        assert edit in _fetch(url)
    # The copy has no .git: the history is missing, and the preview says so once, not with every save.
    assert sum("history: no .git folder" in line for line in log.lines) == 1, "".join(log.lines)


def test_preview_settles_without_a_rebuild_loop(server: tuple[Path, str, ServeLog]) -> None:
    """After the rebuild a save causes, nothing more is built: a regeneration that touched docs/
    when nothing had changed would make mkdocs serve rebuild, and rebuild again."""
    project, _, log = server
    path = project / "data" / "topics.yml"
    seen = len(log.lines)
    path.write_text(path.read_text(encoding="utf-8") + "# saved again, nothing changed\n", encoding="utf-8")
    assert log.wait_for(BUILT, 60, after=seen), "no rebuild after the save:\n" + "".join(log.lines[seen:])
    settled = len(log.lines)
    assert not log.wait_for("Building documentation", 8, after=settled), "".join(log.lines[settled:])


def test_make_serve_passes_its_options_to_mkdocs_serve(project: Path, tmp_path: Path) -> None:
    """`python -m build_scripts --root DIR serve -a HOST:PORT` serves DIR's site on that address."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    process = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # its own group: mkdocs serve is its child
    site_path = urllib.parse.urlparse(site_url(project)).path
    try:
        assert _wait_for(lambda: "Xinhua" in _fetch(f"http://127.0.0.1:{port}{site_path}transcripts/xinjiang-2020-06-19/"), 90)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_serve_keeps_the_code_digest_it_started_with(project: Path) -> None:
    """`make serve` runs the code it imported: a later edit of the code must not relabel its results."""
    first = first_code_digest(project)
    (project / "schemas" / "extra.json").write_text("{}", encoding="utf-8")
    assert first_code_digest(project) == first != code_digest(project)
