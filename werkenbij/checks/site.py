"""The built site as the checks see it, in two layers.

A page is parsed once (with lxml's HTML parser, not a beautifulsoup4 tree: about 0.5 ms a page
instead of 13)
into a `ParsedPage`; the page rules run on it and what the site-wide checks need is kept in a
small `PageReport`: title, ids, the internal links and the web addresses. The tree is then
dropped, so checking 5,000 pages never holds 5,000 trees. The site-wide checks (links that
must exist, reachability, unique titles, the sitemap) read only the reports; when one of them
fails on an element, that one page is parsed again to quote it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from ..problems import Problem, Severity
from .settings import CheckSettings

Element = etree._Element
_PARSER = etree.HTMLParser()  # lxml.html's parser, without its per-element class lookup
ERROR_PAGE = "404.html"  # served for any missing address: not linked, not in the sitemap


@dataclass
class ParsedPage:
    path: str                      # relative to the site folder, e.g. vacatures/x/index.html
    root: Element              # the <html> element
    elements: list[Element]    # every element in document order (comments left out)
    ids: set[str] = field(default_factory=set)
    by_tag: dict[str, list[Element]] = field(default_factory=dict)
    gave_up: str = ""          # why the parser stopped before the end of the page; "" if it did not

    def all(self, *tags: str) -> list[Element]:
        if len(tags) == 1:
            return self.by_tag.get(tags[0], [])
        return [element for element in self.elements if element.tag in tags]

    @property
    def is_redirect(self) -> bool:
        """An old address that sends visitors on (meta refresh): not linked, not in the sitemap."""
        return any((m.get("http-equiv") or "").lower() == "refresh" for m in self.all("meta"))

    @property
    def url_path(self) -> str:
        """The path a visitor sees, without index.html."""
        return self.path.removesuffix("index.html")


def parse_page(path: str, data: bytes) -> ParsedPage:
    root, gave_up = _parse(data)
    if root is None:
        root = etree.Element("html")
    elements = list(root.iter(etree.Element))  # elements only: no comments
    by_tag: dict[str, list[Element]] = {}
    for element in elements:
        by_tag.setdefault(element.tag, []).append(element)
    ids = {e.get("id") for e in elements if e.get("id") is not None}
    return ParsedPage(path, root, elements, ids, by_tag, gave_up)


# libxml2 stops at a fatal error (nesting deeper than 255, a text node over 10 MB, bytes that
# are no UTF-8) and hands back the part it read: a page without <main> or with half a JSON-LD
# block. That is said once, instead of blaming the layout for what the parser never saw.
_GIVING_UP = {etree.ErrorTypes.ERR_RESOURCE_LIMIT, etree.ErrorTypes.ERR_NO_MEMORY,
              etree.ErrorTypes.ERR_INTERNAL_ERROR}


def _parse(data: bytes) -> tuple[Element | None, str]:
    """The tree of a page (None for an empty file) and why the parser gave up ("" if it did not)."""
    if not data.strip():
        return None, ""  # no document to parse; the structure check reports what it lacks
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.LxmlError as error:
        return None, _why(str(error))
    fatal = [e.message for e in _PARSER.error_log
             if e.level >= etree.ErrorLevels.FATAL or e.type in _GIVING_UP]
    return root, _why(fatal[0]) if fatal else ""


def _why(message: str) -> str:
    """lxml's reason, in the words of an editor."""
    if "depth" in message.lower():
        return "de elementen zijn te diep in elkaar genest"
    if "limit" in message.lower() or "huge" in message.lower():
        return "de pagina of een tekst erin is te groot"
    if "encoding" in message.lower():
        return "de pagina bevat bytes die geen UTF-8 zijn"
    return f"de HTML is onleesbaar: {message.strip()}"


@dataclass(frozen=True)
class Found:
    """A problem a check found, with where on its page it was (to keep the report in page order)."""

    check: str
    order: int
    problem: Problem


class InternalLink(NamedTuple):
    """A link from one page to a file of the site."""

    element: int      # the element's number on its page (to quote it in a failure)
    target: str       # the site file it leads to, e.g. vacatures/x/index.html
    fragment: str     # the #anchor, without '#'; empty when there is none
    is_anchor: bool   # an <a> (followed by visitors), not an <img> or <link>


class WebAddress(NamedTuple):
    element: int
    url: str          # an http(s) address outside the site


@dataclass(frozen=True, kw_only=True)
class PageReport:
    """What the site-wide checks need to know of one page, without its tree."""

    path: str
    title: str | None                  # the text of the first <title>, None without one
    is_redirect: bool
    ids: frozenset[str]
    links: tuple[InternalLink, ...]
    web: tuple[WebAddress, ...]
    found: tuple[Found, ...]           # what the page rules found on this page alone

    def deduplicated(self, seen: dict) -> PageReport:
        """The same report, with the strings and id sets that many pages have in common (the
        menu's links, the template's ids) stored once: a site of 5,000 pages keeps one report
        per page in memory until the site-wide checks have run."""
        def stored_once(value):
            return seen.setdefault(value, value)
        links = tuple(link._replace(target=stored_once(link.target), fragment=stored_once(link.fragment))
                      for link in self.links)
        return replace(self, ids=stored_once(frozenset(map(stored_once, self.ids))), links=links)


class ProblemMaker:
    """Makes `Problem` values that name the output page, the element and, when the page came
    from a content file, the line in that file."""

    def __init__(self, settings: CheckSettings):
        self.settings = settings
        self._lines: dict[str, tuple[str, ...]] = {}

    def problem(self, check: str, page: str, message: str, fix: str,
                element: Element | str | None = None,
                severity: Severity = Severity.ERROR) -> Problem:
        snippet = "" if element is None else element if isinstance(element, str) else _snippet(element)
        origin = self.settings.sources.get(page, "")
        line = self._trace(origin, element) if origin and not isinstance(element, (str, type(None))) \
            else 0
        return Problem(f"{self.settings.shown_as}/{page}", 0, 0, message, fix, severity=severity,
                       check=check, element=snippet, origin=origin, origin_line=line)

    def _trace(self, origin: str, element: Element) -> int:
        """The first line of the content file that holds this link's address or text."""
        if self.settings.root is None:
            return 0
        if origin not in self._lines:
            self._lines[origin] = _read_lines(self.settings.root / origin)
        lines = self._lines[origin]
        base_path = self.settings.base_path
        needles = [str(element.get(a)) for a in ("href", "src") if element.get(a)]
        needles += ["/" + n[len(base_path):] for n in needles if n.startswith(base_path)]
        needles.append(text_of(element))
        for needle in filter(None, needles):
            for number, line in enumerate(lines, start=1):
                if needle in line:
                    return number
        return 0


@dataclass
class BuiltSite:
    """Every file of a built site and a report per HTML page: what the site-wide checks read.
    `read` gives a file's bytes: from a folder on disk, or from memory in `serve`."""

    read: Callable[[str], bytes]
    settings: CheckSettings
    files: set[str]
    reports: dict[str, PageReport]   # in path order
    maker: ProblemMaker
    _parsed: ParsedPage | None = None  # the last page parsed again

    @property
    def base_path(self) -> str:
        return self.settings.base_path

    def problem(self, check: str, page: str, message: str, fix: str,
                element: Element | str | None = None,
                severity: Severity = Severity.ERROR) -> Problem:
        return self.maker.problem(check, page, message, fix, element, severity)

    def element(self, page: str, number: int) -> Element:
        """Element `number` of a page, parsed again (only to report a failure)."""
        if self._parsed is None or self._parsed.path != page:
            self._parsed = parse_page(page, self.read(page))
        return self._parsed.elements[number]


def resolve(base_path: str, page_url: str, href: str) -> tuple[str | None, str]:
    """The site file an internal link points to (None if outside the site) and its fragment.
    `page_url` is the linking page's path without index.html, relative to the site."""
    if href.startswith("/") and not href.startswith("//"):
        page_url = ""  # the same answer on every page: one cache entry, not one per page
    return _resolve(base_path, page_url, href)


@functools.lru_cache(maxsize=4096)  # the links every page shares (menu, footer); not every link
def _resolve(base_path: str, page_url: str, href: str) -> tuple[str | None, str]:
    try:
        parts = urlsplit(urljoin(base_path + page_url, href))
    except ValueError:  # not a URL at all; the links check reports it
        return None, ""
    path = unquote(parts.path)
    if not path.startswith(base_path):
        return None, parts.fragment
    relative = path[len(base_path):]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return relative, unquote(parts.fragment)


def _read_lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text("utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def url_attributes(element: Element) -> list[str]:
    """Every address in an element's href, src and srcset."""
    urls = [element.get(name) for name in ("href", "src") if element.get(name) is not None]
    srcset = element.get("srcset")
    if srcset:
        urls += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return urls


def text_of(element: Element) -> str:
    """The element's text with white space folded, as a screen reader would read it."""
    return " ".join("".join(element.itertext()).split())


def _snippet(element: Element) -> str:
    text = etree.tostring(element, method="html", encoding="unicode", with_tail=False)
    return text if len(text) <= 120 else text[:117] + "…"


def files_under(folder: Path) -> Iterator[str]:
    """Every file under `folder`, as a relative path with '/'."""
    for top, _, names in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        for name in names:
            if os.path.isfile(os.path.join(top, name)):
                yield name if prefix == "." else f"{prefix}/{name}"


def folder_reader(folder: Path) -> Callable[[str], bytes]:
    """`BuiltSite.read` for a site on disk."""
    return lambda path: (folder / path).read_bytes()
