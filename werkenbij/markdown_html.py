"""Markdown to safe HTML.

Content is untrusted. Raw HTML is not parsed as HTML (it stays visible text; the content
rules refuse it earlier with a line number), `attr_list` is not enabled so `{: onclick=… }`
cannot add attributes, and the result goes through nh3 (Ammonia) with an allow-list as a
second wall. Root-relative links get the site's base path so the site works under a sub-path.

Each text is converted once: the content rules and the renderer read the same HTML, kept in
memory for a while and in the build cache (keyed by the text and `markdown_settings()`), so a
later build converts only texts it has not seen.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3
from markupsafe import Markup
from slugify import slugify

from .build.cache import BuildCache, code_version, digest

_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote", "br", "hr",
         "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
               **{f"h{level}": {"id"} for level in range(2, 7)}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"https", "mailto", "tel"}
# Python-Markdown writes headings as bare <hN>…</hN> (no attributes: attr_list is off).
_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Ids the templates use. A content heading such as "## Procedure" gets "procedure-2" instead of
# a duplicate id that would break the skip link or the table of contents.
TEMPLATE_IDS = frozenset({
    "afgesloten-titel", "competenties", "competenties-titel", "delen", "delen-titel", "filter",
    "filter-status", "filter-titel", "hulp", "in-het-kort", "inhoud", "op-deze-pagina",
    "open-vacatures", "procedure", "procedure-titel", "solliciteren", "solliciteren-titel",
    "vragen", "vragen-titel"})


def heading_id(text: str) -> str:
    """The id of a heading: its text as a slug, like the file names."""
    return slugify(text) or "sectie"


# The Markdown settings. Whatever is set here is part of `markdown_settings()`, so changing it
# converts every text again instead of reusing HTML from the cache.
EXTENSIONS = ("sane_lists", "tables")
OUTPUT_FORMAT = "html"


def markdown_settings() -> str:
    """Everything besides the text that decides its HTML: this code (with the version of
    Python-Markdown) and the settings, which a test may change while the code stays the same."""
    return f"code={code_version()};extensions={EXTENSIONS};format={OUTPUT_FORMAT}"


def new_markdown() -> markdown.Markdown:
    """The one Markdown configuration: the renderer and the content rules both use it, so what
    the rules check is exactly what the site shows."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), output_format=OUTPUT_FORMAT)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.ESCAPED_CHARS.append("<")  # so an editor can write \\< for a literal <
    return md


@functools.lru_cache(maxsize=2)
def _shared_markdown(settings: str) -> markdown.Markdown:
    # Building a Markdown object costs about a fifth of a conversion: build it once.
    return new_markdown()


class _Store:
    """Where converted texts are kept between builds (set by the pipeline; None in tests)."""

    cache: BuildCache | None = None
    converted = 0  # texts converted by this process (the rest came from memory or the cache)


STORE = _Store()


def forget() -> None:
    """Drop what this process remembers of earlier conversions."""
    _convert.cache_clear()
    _clean.cache_clear()


def markdown_to_html(text: str) -> str:
    """Unsanitised HTML straight from Python-Markdown (never shown before `MarkdownRenderer`)."""
    return _convert(markdown_settings(), text)


@functools.lru_cache(maxsize=512)  # the texts of the vacancies being built, not of all of them
def _convert(settings: str, text: str) -> str:
    cache = STORE.cache
    key = digest(settings, text) if cache is not None else ""
    if cache is not None:
        found = cache.get("markdown", key)
        if found is not None:
            cache.used("markdown", key)
            return found.decode("utf-8")
    html_text = _shared_markdown(settings).reset().convert(text)
    STORE.converted += 1
    if cache is not None:
        cache.put("markdown", key, html_text.encode("utf-8"))
    return html_text


def add_heading_ids(fragment: str, used: set[str]) -> str:
    """Give each heading an id that is unique on the whole page, not just in one fragment."""
    def with_id(match: re.Match) -> str:
        base = heading_id(html.unescape(_TAG.sub("", match.group(2))))
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        return f'<h{match.group(1)} id="{candidate}">{match.group(2)}</h{match.group(1)}>'
    return _HEADING.sub(with_id, fragment)


class MarkdownRenderer:
    """Renders editor Markdown for one build; `ids` is shared per page."""

    def __init__(self, base_path: str):
        self.base_path = base_path

    def render(self, text: str, ids: set[str]) -> Markup:
        """`ids`: the ids already used on the page; the template's own are always taken."""
        ids |= TEMPLATE_IDS
        return Markup(_clean(add_heading_ids(markdown_to_html(text), ids), self.base_path))


@functools.lru_cache(maxsize=256)  # a block appears on many vacancy pages, mostly with the same ids
def _clean(fragment: str, base_path: str) -> str:
    def relocate(tag: str, attribute: str, value: str) -> str:
        if attribute in ("href", "src") and value.startswith("/") and not value.startswith("//"):
            return base_path + value[1:]
        return value

    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel=None, attribute_filter=relocate)
