"""External links: each outcome, retries, the concurrency bound and the cache, against a local server.

No test leaves this machine: a server on 127.0.0.1 plays the internet, `.invalid` names fail in a
mocked resolver, and the back-off sleep only records how long it would have waited.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from werkenbij.checks import CheckSettings, external, load_built_site
from werkenbij.checks.external import ExternalOptions, check_external
from werkenbij.problems import Severity

NOW = 1_760_000_000.0  # 2025-10-09, any fixed moment will do
DAY = 86400.0
BROKEN_FIX = "Controleer het adres of verwijder de link."
UNKNOWN_FIX = "Open de link in een browser; werkt hij, dan hoef je niets te doen."


class Server(ThreadingHTTPServer):
    """Answers by path and remembers every request, and how many were in progress at once."""

    daemon_threads = False  # so server_close() waits for handlers still sleeping

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: Counter[tuple[str, str]] = Counter()
        self.in_flight = self.max_in_flight = 0
        self.lock = threading.Lock()
        self.release = threading.Event()  # set at tear-down so /slow stops sleeping

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, path: str) -> int:
        return sum(n for (_, p), n in self.requests.items() if p == path)


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def log_message(self, format, *args):  # noqa: A002 - keeps the test output clean
        pass

    def answer(self):
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.requests[self.command, path] += 1
            self.server.in_flight += 1
            self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
            seen = self.server.count(path)
        try:
            status, headers = self.route(path, seen)
        finally:
            # Leave before answering: the client may start its next request the moment it reads this one.
            with self.server.lock:
                self.server.in_flight -= 1
        try:
            self.send_response(status)
            for name, value in {**headers, "Content-Length": "0"}.items():
                self.send_header(name, value)
            self.end_headers()
        except ConnectionError:  # the client gave up waiting (/slow)
            pass

    def route(self, path: str, seen: int) -> tuple[int, dict[str, str]]:
        if path == "/slow":
            self.server.release.wait(1.0)
        elif path.startswith("/pause/"):
            time.sleep(0.1)
        elif path == "/busy" and seen == 1:
            return 503, {"Retry-After": "1"}
        elif path == "/later" and seen == 1:
            return 503, {"Retry-After": "3"}
        elif path == "/nohead" and self.command == "HEAD":
            return 405, {}
        elif path == "/redirect":
            return 301, {"Location": "/ok"}
        statuses = {"/gone": 410, "/missing": 404, "/auth": 401, "/forbidden": 403, "/linkedin": 999,
                    "/toomany": 429}
        return statuses.get(path, 200), {}


@pytest.fixture
def server():
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    thread.join()
    httpd.server_close()


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    recorded: list[float] = []
    monkeypatch.setattr(external, "_sleep", recorded.append)
    return recorded


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Ignore proxies, and let `.invalid` names fail at once as a real resolver would (RFC 2606)."""
    for name in [name for name in os.environ if name.lower().endswith("_proxy")]:
        monkeypatch.delenv(name)
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def make_site(tmp_path, pages: dict[str, str]):
    """A built site whose pages hold the given HTML in their body."""
    folder = tmp_path / "site"
    for path, body in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(f"<!doctype html><html><body>{body}</body></html>", "utf-8")
    return load_built_site(folder, CheckSettings(shown_as="site"))


def links(*urls: str) -> str:
    return "".join(f'<a href="{url}">link</a>' for url in urls)


def check(tmp_path, site, now: float | None = NOW, **options) -> list[tuple[str, str, Severity]]:
    options = ExternalOptions(cache_file=tmp_path / "cache/external.json", timeout=0.3, **options)
    return [(p.path, p.message, p.severity) for p in check_external(site, options, now)]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_each_outcome_has_its_exact_message_and_severity(tmp_path, server, waits):
    base, refused = server.base, f"http://127.0.0.1:{closed_port()}/"
    paths = ["/ok", "/ok?naam=café en zo", "/redirect", "/nohead", "/busy", "/gone", "/missing", "/auth",
             "/forbidden", "/linkedin", "/toomany", "/slow"]
    tls = f"https://127.0.0.1:{server.server_address[1]}/ok"  # TLS spoken to a plain HTTP server
    site = make_site(tmp_path, {"index.html": links(*(base + p for p in paths), refused, tls,
                                                    "https://does-not-exist.invalid/")})

    def broken(url, detail):
        return ("site/index.html", f"De externe link {url} geeft {detail}.", Severity.ERROR)

    def unknown(url, detail):
        return ("site/index.html", f"De externe link {url} kon niet gecontroleerd worden ({detail}); "
                "controleer hem met de hand.", Severity.WARNING)

    assert sorted(check(tmp_path, site, now=None)) == sorted([
        broken(f"{base}/gone", "410 (verdwenen)"),
        broken(f"{base}/missing", "404 (niet gevonden)"),
        broken(refused, "geen antwoord: de server weigert de verbinding"),
        broken(tls, "een fout in de beveiligde verbinding (SSL)"),
        broken("https://does-not-exist.invalid/", "geen antwoord: de server bestaat niet"),
        unknown(f"{base}/auth", "401 (aanmelden vereist)"),
        unknown(f"{base}/forbidden", "403 (geen toegang)"),
        unknown(f"{base}/linkedin", "999 (de site weert automatische controles)"),
        unknown(f"{base}/toomany", "429 (te veel verzoeken)"),
        unknown(f"{base}/slow", "geen antwoord binnen 0,3 s"),
    ])


def test_problem_names_the_check_the_element_and_the_fix(tmp_path, server):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/missing", f"{server.base}/auth")})
    problems = sorted(check_external(site, ExternalOptions(cache_file=tmp_path / "cache.json"), NOW))
    assert [(p.check, p.element, p.fix) for p in problems] == [
        ("external", f'<a href="{server.base}/auth">link</a>', UNKNOWN_FIX),
        ("external", f'<a href="{server.base}/missing">link</a>', BROKEN_FIX),
    ]


def test_busy_server_is_asked_again_after_its_retry_after(tmp_path, server, waits):
    assert check(tmp_path, make_site(tmp_path, {"index.html": links(f"{server.base}/busy")})) == []
    assert server.count("/busy") == 2
    assert waits == [1.0]


def test_retry_after_is_honoured_over_the_own_back_off(tmp_path, server, waits):
    assert check(tmp_path, make_site(tmp_path, {"index.html": links(f"{server.base}/later")})) == []
    assert server.count("/later") == 2
    assert waits == [3.0]


def test_retry_after_is_capped_by_max_backoff(tmp_path, server, waits):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/later")})
    assert check(tmp_path, site, max_backoff=2.0) == []
    assert waits == [2.0]


def test_server_without_head_is_asked_with_get(tmp_path, server, waits):
    assert check(tmp_path, make_site(tmp_path, {"index.html": links(f"{server.base}/nohead")})) == []
    assert server.requests == {("HEAD", "/nohead"): 1, ("GET", "/nohead"): 1}
    assert waits == []


def test_rate_limited_link_is_retried_with_growing_waits_then_unknown(tmp_path, server, waits):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/toomany")})
    [(_, message, severity)] = check(tmp_path, site, retries=3, max_backoff=3.0)
    assert (message, severity) == (f"De externe link {server.base}/toomany kon niet gecontroleerd worden "
                                   "(429 (te veel verzoeken)); controleer hem met de hand.", Severity.WARNING)
    assert server.count("/toomany") == 4
    assert waits == [1.0, 2.0, 3.0]


def test_time_out_is_retried_then_unknown(tmp_path, server, waits):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/slow")})
    [(_, message, _)] = check(tmp_path, site, retries=1)
    assert message.endswith("(geen antwoord binnen 0,3 s); controleer hem met de hand.")
    assert server.count("/slow") == 2
    assert waits == [1.0]


def test_never_more_requests_at_once_than_concurrency(tmp_path, server):
    site = make_site(tmp_path, {"index.html": links(*(f"{server.base}/pause/{n}" for n in range(8)))})
    assert check(tmp_path, site, concurrency=2) == []
    assert sum(server.requests.values()) == 8
    assert server.max_in_flight == 2


def test_each_url_is_reported_once_on_its_first_page_counting_the_others(tmp_path, server):
    missing, gone = f"{server.base}/missing", f"{server.base}/gone"
    site = make_site(tmp_path, {
        "index.html": links(missing + "#boven", gone),
        "b/index.html": links(missing, missing + "#onder"),
        "c/index.html": links(missing, gone),
    })
    assert check(tmp_path, site) == [
        ("site/b/index.html", f"De externe link {missing} geeft 404 (niet gevonden). "
         "Ook gebruikt op 2 andere pagina's.", Severity.ERROR),
        ("site/c/index.html", f"De externe link {gone} geeft 410 (verdwenen). "
         "Ook gebruikt op 1 andere pagina.", Severity.ERROR),
    ]
    assert server.requests == {("HEAD", "/missing"): 1, ("HEAD", "/gone"): 1}


def test_src_and_srcset_are_checked_and_other_links_are_not(tmp_path, server):
    base = server.base
    site = make_site(tmp_path, {"index.html": f'<img src="{base}/ok" srcset="{base}/gone 1x, {base}/ok2 2x">'
                                              '<a href="mailto:a@kortrijk.be">mail</a><a href="/b/">b</a>'
                                              '<a href="//elders.invalid/">c</a>'})
    assert [message for _, message, _ in check(tmp_path, site)] == [
        f"De externe link {base}/gone geeft 410 (verdwenen)."]
    assert sorted(path for _, path in server.requests) == ["/gone", "/ok", "/ok2"]


def test_second_run_asks_only_what_was_unknown(tmp_path, server):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/ok", f"{server.base}/gone",
                                                    f"{server.base}/auth")})
    first = check(tmp_path, site)
    assert check(tmp_path, site, now=NOW + 6 * DAY) == first
    assert (server.count("/ok"), server.count("/gone"), server.count("/auth")) == (1, 1, 2)


def test_cache_file_is_sorted_json_of_ok_and_broken_only(tmp_path, server):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/ok", f"{server.base}/gone",
                                                    f"{server.base}/auth")})
    check(tmp_path, site)
    expected = {
        f"{server.base}/gone": {"checked": NOW, "failure": "", "outcome": "broken", "status": 410},
        f"{server.base}/ok": {"checked": NOW, "failure": "", "outcome": "ok", "status": 200},
    }
    assert (tmp_path / "cache/external.json").read_text("utf-8") == json.dumps(expected, indent=2) + "\n"
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["external.json"]


def test_expired_cache_entry_is_fetched_again(tmp_path, server):
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/ok", f"{server.base}/missing")})
    check(tmp_path, site)
    check(tmp_path, site, now=NOW + 8 * DAY)
    assert (server.count("/ok"), server.count("/missing")) == (2, 2)
    cache = json.loads((tmp_path / "cache/external.json").read_text("utf-8"))
    assert {entry["checked"] for entry in cache.values()} == {NOW + 8 * DAY}


def test_unknown_result_in_the_cache_is_asked_again(tmp_path, server):
    (tmp_path / "cache").mkdir()
    entry = {"checked": NOW, "failure": "", "outcome": "unknown", "status": 403}
    (tmp_path / "cache/external.json").write_text(json.dumps({f"{server.base}/ok": entry}), "utf-8")
    assert check(tmp_path, make_site(tmp_path, {"index.html": links(f"{server.base}/ok")})) == []
    assert server.count("/ok") == 1


@pytest.mark.parametrize("content", [b"", b"{niet json", b"\xff\xfe", b"[]", b'{"x": 1}',
                                     b'{"x": {"status": "a", "failure": "", "checked": 1}}'])
def test_corrupt_cache_file_counts_as_empty(tmp_path, server, content):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache/external.json").write_bytes(content)
    site = make_site(tmp_path, {"index.html": links(f"{server.base}/missing")})
    assert [severity for _, _, severity in check(tmp_path, site)] == [Severity.ERROR]
    cache = json.loads((tmp_path / "cache/external.json").read_text("utf-8"))
    assert list(cache) == [f"{server.base}/missing"]
