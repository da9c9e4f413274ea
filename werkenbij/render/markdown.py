"""Editor Markdown as safe HTML for a page: unique heading ids, the site's base path, and nh3.

nh3 (Ammonia) applies an allow-list as a second wall behind the Markdown configuration (see
werkenbij/markdown_html.py). Root-relative links get the site's base path so the site works
under a sub-path.
"""

from __future__ import annotations

import functools
import html
import re

import nh3
from markupsafe import Markup
from slugify import slugify

from ..markdown_html import MarkdownConverter
from ..policy import SAFE_SCHEMES

_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote", "br", "hr",
         "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
               **{f"h{level}": {"id"} for level in range(2, 7)}, "th": {"align"}, "td": {"align"}}
# Python-Markdown writes headings as bare <hN>…</hN> (no attributes: attr_list is off).
_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Ids the templates use. A content heading such as "## Procedure" gets "procedure-2" instead of
# a duplicate id that would break the skip link or the table of contents.
TEMPLATE_IDS = frozenset({
    "afgesloten-titel", "competenties", "competenties-titel", "delen", "delen-titel", "documenten",
    "filter", "filter-status", "filter-titel", "filter-volgorde", "hulp", "in-het-kort", "inhoud",
    "op-deze-pagina", "open-vacatures", "over-ons", "procedure", "procedure-titel", "solliciteren",
    "solliciteren-titel", "vergelijkbaar", "voorwaarden", "voorwaarden-titel", "vragen", "vragen-titel",
    # partials/alerts.html (on the home page, which shows no Markdown; its volg-<kind> too)
    "volg-deze-selectie", "volg-alles", "nieuwsbrief",
    "nieuwsbrief-email", "nieuwsbrief-privacy"})


def heading_id(text: str) -> str:
    """The id of a heading: its text as a slug, like the file names."""
    return slugify(text) or "sectie"


class PageIds(set):
    """The ids taken on one page, and per heading text the last number it got: 40,000 equal
    headings are numbered in one pass, not by trying -2, -3, … for each."""

    def __init__(self, *taken: str):
        super().__init__(taken)
        self.numbers: dict[str, int] = {}

    def claim(self, base: str) -> str:
        number = self.numbers.get(base, 1)
        candidate = base if number == 1 else f"{base}-{number}"
        while candidate in self:
            number += 1
            candidate = f"{base}-{number}"
        self.numbers[base] = number
        self.add(candidate)
        return candidate


def add_heading_ids(fragment: str, used: PageIds) -> str:
    """Give each heading an id that is unique on the whole page, not just in one fragment."""
    def with_id(match: re.Match) -> str:
        candidate = used.claim(heading_id(html.unescape(_TAG.sub("", match.group(2)))))
        return f'<h{match.group(1)} id="{candidate}">{match.group(2)}</h{match.group(1)}>'
    return _HEADING.sub(with_id, fragment)


class MarkdownRenderer:
    """Renders editor Markdown for one build; `ids` is shared per page."""

    def __init__(self, base_path: str, converter: MarkdownConverter):
        self.base_path, self.converter = base_path, converter

    def render(self, text: str, ids: PageIds) -> Markup:
        """`ids`: the ids already used on the page; the template's own are always taken."""
        ids |= TEMPLATE_IDS
        return Markup(_clean(add_heading_ids(self.converter.html(text), ids), self.base_path))


@functools.lru_cache(maxsize=256)  # a block appears on many vacancy pages, mostly with the same ids
def _clean(fragment: str, base_path: str) -> str:
    def relocate(tag: str, attribute: str, value: str) -> str:
        if attribute in ("href", "src") and value.startswith("/") and not value.startswith("//"):
            return base_path + value[1:]
        return value

    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=set(SAFE_SCHEMES),
                     link_rel=None, attribute_filter=relocate)
