"""The built site as the checks see it: every file, every HTML page parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..problems import Problem, Severity


@dataclass(frozen=True)
class CheckSettings:
    """How to read a built folder.

    `sources` maps output pages to the content files they came from (empty for a folder built
    elsewhere); `root` is the project folder those paths are relative to, used to trace a
    failure back to a line. `shown_as` is the folder name used in the report.
    """

    base_path: str = "/"
    sources: dict[str, str] = field(default_factory=dict)
    shown_as: str = "output"
    root: Path | None = None
    severities: dict[str, str] = field(default_factory=dict)


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
    settings: CheckSettings
    files: set[str]
    pages: dict[str, ParsedPage]
    _lines: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def base_path(self) -> str:
        return self.settings.base_path

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
        origin = self.settings.sources.get(page, "")
        line = self._trace(origin, element) if origin and isinstance(element, Tag) else 0
        return Problem(f"{self.settings.shown_as}/{page}", 0, 0, message, fix, severity, check,
                       snippet, origin, line)

    def _trace(self, origin: str, element: Tag) -> int:
        """The first line of the content file that holds this link's address or text."""
        if self.settings.root is None:
            return 0
        if origin not in self._lines:
            self._lines[origin] = _read_lines(self.settings.root / origin)
        lines = self._lines[origin]
        needles = [str(element.get(a)) for a in ("href", "src") if element.get(a)]
        needles += ["/" + n[len(self.base_path):] for n in needles if n.startswith(self.base_path)]
        needles.append(element.get_text(" ", strip=True))
        for needle in filter(None, needles):
            for number, line in enumerate(lines, start=1):
                if needle in line:
                    return number
        return 0


def _read_lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text("utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def load_built_site(folder: Path, settings: CheckSettings | str,
                    sources: dict[str, str] | None = None, shown_as: str = "site") -> BuiltSite:
    if isinstance(settings, str):  # TEMPORARY positional form, removed once callers move
        settings = CheckSettings(settings, sources or {}, shown_as)
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    pages = {}
    for path in sorted(f for f in files if f.endswith(".html")):
        soup = BeautifulSoup((folder / path).read_bytes(), "lxml")
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        pages[path] = ParsedPage(path, soup, ids)
    return BuiltSite(folder, settings, files, pages)


def _snippet(tag: Tag) -> str:
    text = str(tag)
    return text if len(text) <= 120 else text[:117] + "…"
