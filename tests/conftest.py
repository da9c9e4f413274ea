"""Fixtures the tests share (the helpers themselves are in helpers.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_FLAGS, build_site


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
    """Debian's chromium driven by Playwright (never a browser Playwright downloads itself)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
