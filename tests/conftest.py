"""Fixtures the tests share (the helpers themselves are in helpers.py)."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

# The Windows mode (see like_windows/like_windows.py): before anything imports the project.
if os.environ.get("WERKENBIJ_LIKE_WINDOWS"):
    LIKE_WINDOWS = str(Path(__file__).resolve().parent / "like_windows")
    sys.path.insert(0, LIKE_WINDOWS)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [LIKE_WINDOWS, os.environ.get("PYTHONPATH")]))
    import like_windows

    like_windows.install()

from helpers import BROWSER_NOW, CHROMIUM, CHROMIUM_FLAGS, build_site  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """A test with the browser fixture is a browser test (deselect: -m "not browser"). On
    Windows a test that needs what only Linux and macOS have is skipped, not failed."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if os.name == "nt" and item.get_closest_marker("posix"):
            item.add_marker(pytest.mark.skip(reason="needs symbolic links, FIFOs, signals or bash"))


@pytest.fixture(scope="session")
def open_site(tmp_path_factory) -> Path:
    """The real site as it was on 2025-10-20, when the vacancy was open."""
    return build_site(tmp_path_factory.mktemp("open") / "output", date(2025, 10, 20))


@pytest.fixture(scope="session")
def closed_site(tmp_path_factory) -> Path:
    """The real site on 2026-11-28, when the vacancy was long closed."""
    return build_site(tmp_path_factory.mktemp("closed") / "output", date(2026, 11, 28))


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a browser Playwright downloads itself),
    with a controlled clock on every page (see ClockedBrowser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield ClockedBrowser(chromium)
        chromium.close()


class ClockedBrowser:
    """New pages and contexts whose clock starts at `now` (default BROWSER_NOW). The sites in
    these tests are built for days in 2025, and close.js closes an open vacancy by the
    browser's clock: without this, every open page would close itself in the test."""

    def __init__(self, browser):
        self.browser = browser

    def new_context(self, now: datetime = BROWSER_NOW, **options):
        context = self.browser.new_context(**options)
        context.clock.install(time=now)
        return context

    def new_page(self, now: datetime = BROWSER_NOW, **options):
        return self.new_context(now, **options).new_page()
