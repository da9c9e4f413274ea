"""`build.py serve` for real: start it, change a file, see the reload; break it, see the error
page; fix it, see the site come back. The reload latency is written to artefacts/."""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.client
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

from helpers import FIXTURES, ROOT, build_site
from werkenbij.dev.serve import without_csp

VACANCY = "content/vacatures/maatschappelijk-werker.md"
PAGE = "vacatures/maatschappelijk-werker/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode("utf-8")


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--root", str(site), "--output",
         str(site / "output"), "--port", str(port), "--date", "2025-10-01"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            if get(base)[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield site, base, port
    process.terminate()
    process.communicate(timeout=10)


async def reload_after(port: int, change) -> float:
    """Connect as livereload.js does, make `change`, return seconds until the reload signal."""
    connection = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    try:
        await connection.write_message(json.dumps(
            {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        assert json.loads(await connection.read_message())["command"] == "hello"
        await connection.write_message(json.dumps({"command": "info", "url": "test"}))
        await asyncio.sleep(0.3)  # let the server register us, then settle
        started = time.perf_counter()
        change()
        while True:
            message = json.loads(await asyncio.wait_for(connection.read_message(), timeout=10))
            if message["command"] == "reload":
                return time.perf_counter() - started
    finally:
        connection.close()
        # Wait for the server's side of the close, so no open socket is left to the garbage
        # collector (which would warn during whichever test runs next).
        while await asyncio.wait_for(connection.read_message(), timeout=5) is not None:
            pass


def measure(port: int, change) -> float:
    """Run the websocket client in its own thread: Playwright's sync API may already own an
    event loop in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, reload_after(port, change)).result(timeout=30)


def edit(path, old: str, new: str):
    def change():
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
    return change


def test_change_break_and_fix_a_vacancy_while_serving(server):
    site, base, port = server
    vacancy = site / VACANCY
    timings = [measure(port, edit(vacancy, "elk veld invult", "alles invult"))]
    status, html = get(base + PAGE)
    assert status == 200 and "Een testvacature die alles invult." in html
    assert "livereload.js" in html  # the browser is told to listen for reloads

    timings.append(measure(port, edit(vacancy, "closes: 2025-10-31", "closes: 2025-02-30")))
    status, html = get(base + PAGE)
    assert status == 500
    assert "De site is niet gebouwd" in html
    assert f"{VACANCY}:15:9" in html and "is geen geldige datum (2025-02-30)" in html
    assert "Oplossing: Gebruik JJJJ-MM-DD" in html
    status, kept = get(base + "vacatures.json")  # not a page: still the last good site
    assert status == 200 and "alles invult" in kept and "2025-02-30" not in kept

    timings.append(measure(port, edit(vacancy, "closes: 2025-02-30", "closes: 2025-10-30")))
    status, html = get(base + PAGE)
    assert status == 200 and "donderdag 30 oktober 2025" in html
    assert not (site / "output").exists()  # serve answers from memory and writes nothing

    artefacts = ROOT / "artefacts"
    artefacts.mkdir(exist_ok=True)
    (artefacts / "serve-reload-seconds.txt").write_text(
        "".join(f"{t:.3f}\n" for t in timings), "utf-8")
    assert all(t < 5 for t in timings)  # a sanity bound; the goal itself lives in the note


def test_serve_listens_on_loopback_only(server):
    """The listening socket is bound to 127.0.0.1, never to all interfaces (from /proc/net/tcp)."""
    _, _, port = server
    listening = []
    tables = Path("/proc/net/tcp").read_text() + Path("/proc/net/tcp6").read_text()
    for line in tables.splitlines():
        if not line.split()[1:2] or ":" not in line.split()[1]:
            continue  # a header line
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.rsplit(":", 1)
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian hex


def test_a_copied_file_with_an_old_time_is_noticed_too(server):
    """Explorer, Finder and unzip keep a copied file's old modification time."""
    import os

    site, base, port = server
    source = site / VACANCY

    def copy_with_old_time():
        copy = site / "content/vacatures/kopie.md"
        copy.write_text(source.read_text("utf-8").replace("Maatschappelijk werker", "Kopie"), "utf-8")
        os.utime(copy, (946684800, 946684800))  # 1 January 2000

    measure(port, copy_with_old_time)
    status, html = get(base + "vacatures/kopie/")
    assert status == 200 and "<h1>Kopie</h1>" in html


# livereload puts its inline script, which loads livereload.js, before </head> of every page
LIVERELOAD_SCRIPT = re.compile(
    rb'<script type="text/javascript">[^<]*livereload\.js[^<]*</script>(?=</head>)')


def test_serve_answers_each_file_of_a_cold_build_with_its_bytes(server, tmp_path):
    """A page differs only by its Content-Security-Policy, which would block livereload's
    script; every other file is the same byte for byte, with its content type."""
    site, base, _ = server
    cold = build_site(tmp_path / "cold", date(2025, 10, 1), root=site)
    files = sorted(p.relative_to(cold).as_posix() for p in cold.rglob("*") if p.is_file())
    for path in (path for path in files if path != ".werkenbij-manifest"):
        with urllib.request.urlopen(base + path, timeout=5) as response:
            body, kind = response.read(), response.headers["Content-Type"]
        data = (cold / path).read_bytes()
        if path.endswith(".html"):
            assert LIVERELOAD_SCRIPT.sub(b"", body, count=1) == without_csp(data), path
            assert b"Content-Security-Policy" in data and kind == "text/html; charset=utf-8"
        else:
            assert body == data, path
    kinds = {"feed.xml": "application/xml; charset=utf-8", "vacatures.json": "application/json",
             f"{PAGE}procedure.ics": "text/calendar; charset=utf-8"}
    for path, kind in kinds.items():
        with urllib.request.urlopen(base + path, timeout=5) as response:
            assert response.headers["Content-Type"] == kind


def test_a_folder_answers_with_its_index_with_or_without_the_slash(server):
    _, base, _ = server
    with_slash, without = get(base + PAGE), get(base + PAGE.rstrip("/"))
    assert with_slash[0] == 200 and with_slash == without
    assert "<h1>Maatschappelijk werker</h1>" in with_slash[1]


def test_a_missing_page_gets_the_sites_404_page(server):
    _, base, _ = server
    status, html = get(base + "bestaat-niet/")
    assert status == 404 and "<h1>Deze pagina bestaat niet</h1>" in html


def test_under_a_base_path_the_site_is_answered_there_and_every_other_path_sent_there(tmp_path):
    from werkenbij.dev.serve import DevServer
    from werkenbij.pipeline import BuildOptions

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    server = DevServer(BuildOptions(root=site, output=site / "output", today=date(2025, 10, 1),
                                    base_url="/werken-bij/", templates=ROOT / "templates", jobs=1),
                       "/werken-bij/", log=lambda line: None)
    server.rebuild()

    def answer(path: str) -> tuple[str, dict, bytes]:
        given: list = []
        body = b"".join(server.app({"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "localhost"},
                                   lambda status, headers: given.extend([status, dict(headers)])))
        return given[0], given[1], body

    status, _, body = answer("/werken-bij/" + PAGE)
    assert status == "200 OK" and b'href="/werken-bij/vacatures/archief/"' in body
    assert answer("/werken-bij/" + PAGE.rstrip("/"))[2] == body
    status, headers, _ = answer("/" + PAGE)
    assert status == "302 Found" and headers["Location"] == "/werken-bij/"
    assert not (site / "output").exists()


def test_head_requests_get_headers_only(server):
    _, base, _ = server
    request = urllib.request.Request(base, method="HEAD")
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200 and response.read() == b""


@pytest.mark.parametrize("host, status", [
    ("evil.example", 421), ("evil.example:8000", 421), ("127.0.0.1.evil.example", 421),
    ("", 400),  # no Host at all: Tornado refuses it before the app sees it
    ("localhost", 200), ("LOCALHOST:8000", 200), ("[::1]:8000", 200),
])
def test_only_this_machines_names_get_an_answer(server, host, status):
    """A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) reads nothing."""
    _, _, port = server
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", "/", skip_host=True)
    if host:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == status
    assert (b"Werken bij" in body) == (status == 200)


@pytest.mark.parametrize("path", ["/%00", "/" + "a" * 5000, "/vacatures/%00/"])
def test_odd_paths_get_a_quiet_404(server, path):
    _, base, _ = server
    status, _ = get(base.rstrip("/") + path)
    assert status == 404


def test_each_warning_is_printed_once_per_serve_run(tmp_path, capsys):
    """On every save the editor read the same warnings about files they did not touch."""
    from datetime import date

    from werkenbij.dev.serve import DevServer
    from werkenbij.pipeline import BuildOptions

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    logged: list[str] = []
    server = DevServer(BuildOptions(root=site, output=site / "output", today=date(2025, 10, 1),
                                    templates=ROOT / "templates", jobs=1), "/", log=logged.append)
    server.rebuild()
    first = capsys.readouterr().err
    assert "waarschuwing" in first and "al eerder getoond" not in logged[-1]
    count = first.count("waarschuwing:")
    server.rebuild()  # a save that changed nothing new
    assert "waarschuwing:" not in capsys.readouterr().err
    assert logged[-1].startswith(f"9 pagina's gebouwd, 0 fouten, {count} waarschuwingen, waarvan "
                                 f"{count} al eerder getoond (")
    page = site / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + "\n" + "Dit is een zin met heel veel woorden " * 4 + ".\n",
                    "utf-8")
    server.rebuild()  # the page the editor touched: only its new warning is printed
    again = capsys.readouterr().err
    assert again.count("waarschuwing:") == 1 and "content/pages/over-wsw.md" in again


def test_the_error_page_quotes_the_line_with_a_marker_under_the_column(server, browser):
    """In the browser, as the editor sees it: the broken line of their file, the wrong part
    marked, and a ^~~ under it (hidden from screen readers, which have the line and column)."""
    site, base, port = server
    edit(site / VACANCY, "closes: 2025-10-31", "closes: 2025-02-30")()
    page = browser.new_page()
    try:
        for _ in range(100):
            response = page.goto(base + PAGE)
            if response.status == 500:
                break
            time.sleep(0.1)
        quote = page.locator("pre.quote")
        assert quote.count() == 1
        assert quote.inner_text().split("\n") == ["15 | closes: 2025-02-30", "   |         ^~~~~~~~~~"]
        assert page.locator("pre.quote mark").inner_text() == "2025-02-30"
        assert page.locator("pre.quote [aria-hidden=true]").inner_text().endswith("^~~~~~~~~~")
        assert quote.get_attribute("aria-label") == "Regel 15 van het bestand"
    finally:
        page.context.close()
