"""Helpers the tests share: build or read a site, parse its pages, compare folders, serve them."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import re
import shutil
import threading
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from werkenbij.markdown_html import MarkdownConverter
from werkenbij.pipeline import BuildOptions, build
from werkenbij.pipeline.stages import read_content
from werkenbij.read.config import load_config
from werkenbij.vacancy import Content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VACANCY = "vacatures/communicatiemedewerker/index.html"


def build_site(output: Path, today: date, root: Path = ROOT, base_url: str | None = None,
               drafts: bool = False, templates: Path = ROOT / "templates") -> Path:
    build(BuildOptions(root=root, output=output, today=today, base_url=base_url, drafts=drafts,
                       templates=templates))
    return output


def copy_of(fixture: str, tmp_path: Path, built_on: date | None = None) -> Path:
    """A copy of a fixture site (tests/fixtures/<fixture>) to change, with output/ built on
    `built_on` when given."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / fixture, root)
    if built_on is not None:
        build_site(root / "output", built_on, root=root)
    return root


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def text_of(element) -> str:
    """Visible text with white space folded, as a reader meets it."""
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def read_site(today: date, root: Path = ROOT, drafts: bool = False) -> Content:
    """What the build reads: the content shown on `today`, with its warnings."""
    return read_content(root, load_config(root), today, drafts, MarkdownConverter())


def left_over(root: Path) -> list[str]:
    """What a build left in a project folder: no staging folder, and nothing kept for later."""
    return sorted(p.name for p in root.iterdir())


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- browser tests -------------------------------------------------------------------------------

# Before every closing date of the fixture sites (the seed's last day is 2025-11-04, the
# complete fixture's 2025-10-31): what a browser's clock says in the browser tests.
BROWSER_NOW = datetime(2025, 10, 1, 12, 0, tzinfo=ZoneInfo("Europe/Brussels"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update"]


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/"):
    """Serve `folder` on 127.0.0.1 under `prefix`; yields the base URL. Quiet, threaded."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(folder / "__outside_the_site__")
            return super().translate_path("/" + path[len(prefix):])

        def log_message(self, *args):
            pass

    with running(Handler) as origin:
        yield origin + prefix


@contextlib.contextmanager
def running(handler: type[http.server.BaseHTTPRequestHandler]):
    """An HTTP server on 127.0.0.1 with `handler`, in a thread; yields its origin."""
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join()
