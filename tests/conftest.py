"""Shared helpers: build a site into a temporary folder and parse its pages."""

from __future__ import annotations

import contextlib
import http.server
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from werkenbij.build.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VACANCY = "vacatures/communicatiemedewerker/index.html"


def build_site(output: Path, today: date, root: Path = ROOT, base_url: str | None = None,
               drafts: bool = False) -> Path:
    # Without the build cache: tests build the fixtures in place and must not write into them
    # (tests/test_cache.py tests the cache on copies).
    build(BuildOptions(root=root, output=output, today=today, base_url=base_url, drafts=drafts,
                       templates=ROOT / "templates", use_cache=False))
    return output


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def text_of(element) -> str:
    """Visible text with white space folded, as a reader meets it."""
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


@pytest.fixture(scope="session")
def open_site(tmp_path_factory) -> Path:
    """The real site as it was on 2025-10-20, when the vacancy was open."""
    return build_site(tmp_path_factory.mktemp("open") / "output", date(2025, 10, 20))


@pytest.fixture(scope="session")
def closed_site(tmp_path_factory) -> Path:
    """The real site on 2026-11-28, when the vacancy was long closed."""
    return build_site(tmp_path_factory.mktemp("closed") / "output", date(2026, 11, 28))


# -- browser tests -------------------------------------------------------------------------------

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

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}{prefix}"
        finally:
            server.shutdown()
            thread.join()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a browser Playwright downloads itself)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
