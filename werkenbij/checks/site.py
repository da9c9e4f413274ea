"""The built site as the checks see it: every file, every HTML page parsed once.

Pages are parsed with lxml directly (the parser beautifulsoup4 would use underneath): a
bs4 tree costs about 13 ms a page here, lxml about 1 ms, and the checks must get through
a thousand vacancies in a few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from ..problems import Problem, Severity

if TYPE_CHECKING:
    from .external import ExternalOptions


ERROR_PAGE = "404.html"  # served for any missing address: not linked, not in the sitemap


@dataclass(frozen=True)
class CheckSettings:
    """How to read a built folder.

    `sources` maps output pages to the content files they came from (empty for a folder built
    elsewhere); `root` is the project folder those paths are relative to, used to trace a
    failure back to a line. `shown_as` is the folder name used in the report.
    `severities` overrides how a check's failures count; `external` turns on fetching
    external links.
    """

    base_path: str = "/"
    sources: dict[str, str] = field(default_factory=dict)
    shown_as: str = "output"
    root: Path | None = None
    severities: dict[str, str] = field(default_factory=dict)
    external: ExternalOptions | None = None   # None: external links are not fetched


@dataclass
class ParsedPage:
    path: str                      # relative to the site folder, e.g. vacatures/x/index.html
    root: HtmlElement              # the <html> element
    elements: list[HtmlElement]    # every element in document order (comments left out)
    ids: set[str] = field(default_factory=set)

    def all(self, *tags: str) -> list[HtmlElement]:
        return [element for element in self.elements if element.tag in tags]

    @property
    def is_redirect(self) -> bool:
        """An old address that sends visitors on (meta refresh): not linked, not in the sitemap."""
        return any((m.get("http-equiv") or "").lower() == "refresh" for m in self.all("meta"))

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
        try:
            parts = urlsplit(urljoin(self.base_path + page.url_path, href))
        except ValueError:  # not a URL at all; the links check reports it
            return None, ""
        path = unquote(parts.path)
        if not path.startswith(self.base_path):
            return None, parts.fragment
        relative = path[len(self.base_path):]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        return relative, unquote(parts.fragment)

    def problem(self, check: str, page: str, message: str, fix: str,
                element: HtmlElement | str | None = None,
                severity: Severity = Severity.ERROR) -> Problem:
        snippet = "" if element is None else element if isinstance(element, str) else _snippet(element)
        origin = self.settings.sources.get(page, "")
        line = self._trace(origin, element) if origin and isinstance(element, HtmlElement) else 0
        return Problem(f"{self.settings.shown_as}/{page}", 0, 0, message, fix, severity, check,
                       snippet, origin, line)

    def _trace(self, origin: str, element: HtmlElement) -> int:
        """The first line of the content file that holds this link's address or text."""
        if self.settings.root is None:
            return 0
        if origin not in self._lines:
            self._lines[origin] = _read_lines(self.settings.root / origin)
        lines = self._lines[origin]
        needles = [str(element.get(a)) for a in ("href", "src") if element.get(a)]
        needles += ["/" + n[len(self.base_path):] for n in needles if n.startswith(self.base_path)]
        needles.append(text_of(element))
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


def load_built_site(folder: Path, settings: CheckSettings) -> BuiltSite:
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    pages = {}
    for path in sorted(f for f in files if f.endswith(".html")):
        data = (folder / path).read_bytes()
        # An empty file has no document to parse; the structure check reports what it lacks.
        root = lxml.html.document_fromstring(data) if data.strip() else lxml.html.Element("html")
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        ids = {e.get("id") for e in elements if e.get("id") is not None}
        pages[path] = ParsedPage(path, root, elements, ids)
    return BuiltSite(folder, settings, files, pages)


def url_attributes(element: HtmlElement) -> list[str]:
    """Every address in an element's href, src and srcset."""
    urls = [element.get(name) for name in ("href", "src") if element.get(name) is not None]
    srcset = element.get("srcset")
    if srcset:
        urls += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return urls


def text_of(element: HtmlElement) -> str:
    """The element's text with white space folded, as a screen reader would read it."""
    return " ".join(element.text_content().split())


def _snippet(element: HtmlElement) -> str:
    text = lxml.html.tostring(element, encoding="unicode", with_tail=False)
    return text if len(text) <= 120 else text[:117] + "…"
