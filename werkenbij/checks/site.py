"""The built site as the checks see it: every file, every HTML page parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..problems import Problem, Severity


@dataclass
class ParsedPage:
    path: str                      # relative to the site folder, e.g. vacatures/x/index.html
    soup: BeautifulSoup
    ids: set[str] = field(default_factory=set)

    @property
    def url_path(self) -> str:
        """The path a visitor sees, without index.html."""
        return self.path.removesuffix("index.html")


@dataclass
class BuiltSite:
    folder: Path
    base_path: str
    files: set[str]
    pages: dict[str, ParsedPage]
    sources: dict[str, str]
    shown_as: str

    def resolve(self, href: str, page: ParsedPage) -> tuple[str | None, str]:
        """The site file an internal link points to (None if outside the site) and its fragment."""
        absolute = urljoin(self.base_path + page.url_path, href)
        parts = urlsplit(absolute)
        path = unquote(parts.path)
        if not path.startswith(self.base_path):
            return None, parts.fragment
        relative = path[len(self.base_path):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        return relative, unquote(parts.fragment)

    def problem(self, check: str, page: str, message: str, fix: str, element: Tag | str = "",
                severity: Severity = Severity.ERROR) -> Problem:
        snippet = element if isinstance(element, str) else _snippet(element)
        return Problem(f"{self.shown_as}/{page}", 0, 0, message, fix, severity, check, snippet,
                       self.sources.get(page, ""))


def load_built_site(folder: Path, base_path: str, sources: dict[str, str], shown_as: str) -> BuiltSite:
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    pages = {}
    for path in sorted(f for f in files if f.endswith(".html")):
        soup = BeautifulSoup((folder / path).read_bytes(), "lxml")
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        pages[path] = ParsedPage(path, soup, ids)
    return BuiltSite(folder, base_path, files, pages, sources, shown_as)


def _snippet(tag: Tag) -> str:
    text = str(tag)
    return text if len(text) <= 120 else text[:117] + "…"
