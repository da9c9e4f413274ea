"""Markdown to safe HTML.

Content is untrusted. Raw HTML is not parsed as HTML (it stays visible text; the content
rules refuse it earlier with a line number), `attr_list` is not enabled so `{: onclick=… }`
cannot add attributes, and the result goes through nh3 (Ammonia) with an allow-list as a
second wall. Root-relative links get the site's base path so the site works under a sub-path.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from slugify import slugify

_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote", "br", "hr",
         "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
               **{f"h{level}": {"id"} for level in range(2, 7)}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"https", "http", "mailto", "tel"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# Ids the templates use. A content heading such as "## Procedure" gets "procedure-2" instead of
# a duplicate id that would break the skip link or the table of contents.
TEMPLATE_IDS = frozenset({
    "afgesloten-titel", "competenties", "competenties-titel", "delen", "delen-titel", "filter",
    "filter-status", "filter-titel", "hulp", "in-het-kort", "inhoud", "op-deze-pagina",
    "open-vacatures", "procedure", "procedure-titel", "solliciteren", "solliciteren-titel",
    "vragen", "vragen-titel"})


def heading_id(text: str) -> str:
    """The id of a heading; the checks use the same function to resolve #fragments."""
    return slugify(text) or "sectie"


class _HeadingIds(Treeprocessor):
    """Gives each heading an id that is unique on the whole page, not just in one fragment."""

    def __init__(self, md: markdown.Markdown, used: set[str]):
        super().__init__(md)
        self.used = used

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in HEADINGS:
                base = heading_id("".join(element.itertext()))
                candidate, number = base, 1
                while candidate in self.used:
                    number += 1
                    candidate = f"{base}-{number}"
                self.used.add(candidate)
                element.set("id", candidate)


def new_markdown() -> markdown.Markdown:
    """The one Markdown configuration: the renderer and the content rules both use it, so what
    the rules check is exactly what the site shows."""
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.ESCAPED_CHARS.append("<")  # so an editor can write \< for a literal <
    return md


class MarkdownRenderer:
    """Renders editor Markdown; one instance per build, `ids` shared per page."""

    def __init__(self, base_path: str):
        self.base_path = base_path

    def render(self, text: str, ids: set[str]) -> Markup:
        """`ids`: the ids already used on the page; the template's own are always taken."""
        ids |= TEMPLATE_IDS
        md = new_markdown()
        md.treeprocessors.register(_HeadingIds(md, ids), "heading_ids", 5)
        html = md.convert(text)
        clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                          link_rel=None, attribute_filter=self._relocate)
        return Markup(clean)

    def _relocate(self, tag: str, attribute: str, value: str) -> str:
        if attribute in ("href", "src") and value.startswith("/") and not value.startswith("//"):
            return self.base_path + value[1:]
        return value
