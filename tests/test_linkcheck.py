"""linkcheck.py: the report of addresses that do not answer, checked against a local server (no network needed)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from build_scripts import linkcheck
from build_scripts.linkcheck import Link, Result, fetch_status, online, report


class _Handler(BaseHTTPRequestHandler):
    """/ok answers 200; /gone 404; /nohead refuses HEAD (405) but answers GET; /busy 503."""

    def _answer(self, head: bool) -> None:
        status = {"/ok": 200, "/gone": 404, "/busy": 503, "/nohead": 405 if head else 200}.get(self.path, 404)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802 (the name http.server calls)
        self._answer(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(head=False)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def link(url: str) -> Link:
    return Link("data/sources.yml:4:3", "a-source", "url", url)


def test_statuses_from_a_real_server(server: str) -> None:
    assert fetch_status(link(f"{server}/ok")).ok
    assert fetch_status(link(f"{server}/nohead")).status == 200  # HEAD refused, GET answers
    gone = fetch_status(link(f"{server}/gone"))
    assert (gone.status, gone.gone) == (404, True)
    busy = fetch_status(link(f"{server}/busy"))
    assert (busy.status, busy.ok, busy.gone) == (503, False, False)


def test_the_report_names_the_place_and_says_what_to_do() -> None:
    results = [
        Result(link("https://a.example/x"), 200, ""),
        Result(link("https://b.example/y"), 404, "Not Found"),
        Result(link("https://c.example/z"), 403, "Forbidden"),
    ]
    assert report(results) == [
        "data/sources.yml:4:3: source 'a-source' url https://b.example/y: HTTP 404 (Not Found) — gone",
        "data/sources.yml:4:3: source 'a-source' url https://c.example/z: HTTP 403 (Forbidden) — check by hand",
    ]


def test_offline_it_says_so_and_exits_0(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def no_resolver(name: str) -> object:
        raise OSError("no network")

    assert not online(["a.example", "b.example"], no_resolver)
    monkeypatch.setattr(linkcheck, "online", lambda hosts: False)
    assert linkcheck.main([str(Path(__file__).resolve().parent.parent)]) == 0
    assert capsys.readouterr().out.startswith("linkcheck: no network (no host of the register resolves); ")


def test_every_url_and_archive_url_of_the_register_is_checked_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(linkcheck, "online", lambda hosts: True)
    asked: list[Link] = []

    def answer(checked: Link) -> Result:
        asked.append(checked)
        return Result(checked, 404 if checked.field == "archive_url" else 200, "")

    root = Path(__file__).resolve().parent.parent
    code = linkcheck.main([str(root)], answer)
    found = linkcheck.links(root)
    assert sorted(asked, key=lambda k: (k.source, k.field)) == sorted(found, key=lambda k: (k.source, k.field))
    assert {k.field for k in found} <= {"url", "archive_url"} and any(k.field == "url" for k in found)
    archived = sum(k.field == "archive_url" for k in found)
    assert code == (1 if archived else 0)
    assert f"{archived} gone" in capsys.readouterr().out
