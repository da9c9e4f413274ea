"""Shared helpers: build a site into a temporary folder and parse its pages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from werkenbij.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VACANCY = "vacatures/communicatiemedewerker/index.html"


def build_site(output: Path, today: date, root: Path = ROOT, base_url: str | None = None,
               drafts: bool = False) -> Path:
    build(BuildOptions(root=root, output=output, today=today, base_url=base_url, drafts=drafts,
                       templates=ROOT / "templates"))
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
