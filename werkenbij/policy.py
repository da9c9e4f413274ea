"""The site's rules that more than one stage applies: which links are allowed, what a vague link
text is, which headings exist and which addresses the site keeps for itself. Written once here,
so that the content rules (read/), the renderer and the output checks can never disagree."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from enum import StrEnum
from urllib.parse import unquote, urlsplit

# Plain http: is refused; the site links securely. javascript:, data: and the like never pass.
SAFE_SCHEMES = frozenset({"https", "mailto", "tel"})
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
GENERIC_LINK_TEXTS = frozenset({
    "hier", "klik hier", "lees meer", "meer info", "meer", "link", "deze link", "klik",
    "via deze link", "info", "more", "click here", "read more", "here"})

RESERVED_VACANCY_SLUGS = frozenset({"archief"})  # /vacatures/archief/ is the archive
RESERVED_PAGE_SLUGS = frozenset({"vacatures", "static"})  # folders the build writes itself
PLACEHOLDER = "VUL IN"  # what `build.py new` leaves to fill in; a published vacancy may not hold it

# The checks of the built site, in the order of the report; site_config.yaml may set a level per check.
CHECK_NAMES = ("links", "css", "structure", "titles", "reachable", "sitemap", "external")


class CheckLevel(StrEnum):
    """How a failed check counts, as `checks:` in site_config.yaml sets it."""

    ERROR = "error"      # the build fails (the default)
    WARNING = "warning"  # shown, the build goes on
    OFF = "off"          # not shown at all


@functools.lru_cache(maxsize=4096)  # a site repeats its menu links on every page
def url_scheme(url: str) -> str:
    """The scheme as a browser would read it: control characters and blanks removed, lower case."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


MAILTO_FIELDS = frozenset({"subject", "body"})  # never to, cc or bcc: applications go nowhere else


def as_browser_reads(url: str) -> str:
    """The URL a browser follows (WHATWG URL parsing): tab, line feed and carriage return are
    dropped wherever they stand, and control characters and spaces at either end. "/<TAB>/x"
    is then "//x": another host. Every decision about a URL is made on this form."""
    return re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))


def is_allowed_url(url: str) -> bool:
    """https/mailto/tel, or a relative link; never javascript:, data: and the like."""
    cleaned = as_browser_reads(url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # e.g. an unclosed [ in the host part
        return False
    scheme = url_scheme(cleaned)
    if scheme == "mailto":
        return mailto_fields(cleaned) <= MAILTO_FIELDS
    if scheme:
        return scheme in SAFE_SCHEMES and (scheme != "https" or bool(parts.netloc))
    return not leads_elsewhere(cleaned)


def refused_url_fix(url: str) -> str:
    """The fix for a refused URL when its kind tells more than "use https, mailto or tel"."""
    scheme = url_scheme(url)
    if scheme == "http":
        return "Schrijf https:// in plaats van http://."
    if scheme == "mailto":
        return "Gebruik in een mailto-link alleen subject en body, nooit to, cc of bcc."
    if not scheme and leads_elsewhere(url):
        return "Schrijf het volledige adres met https://, zonder tabs of regeleinden erin."
    return ""


def leads_elsewhere(url: str) -> bool:
    """"//host" and "/\\host" both lead a browser to another host, also with tabs in between."""
    return as_browser_reads(url).replace("\\", "/").startswith("//")


def mailto_fields(url: str) -> set[str]:
    """The header fields a mailto: link sets (RFC 6068), lower case."""
    query = url.partition("?")[2]
    return {unquote(pair.partition("=")[0]).strip().lower() for pair in query.split("&") if pair}


# What no text of the site may hold, in a field or in the body: controls (but tab and line
# breaks), bidirectional overrides and isolates, zero-width characters, byte-order marks,
# surrogates (they cannot be encoded) and noncharacters (they make the feed's XML ill-formed).
# Never typed on purpose; pasted, they make text read otherwise than it looks.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff\ufdd0-\ufdef"
                       + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(17))
                       + "]")


def link_words(label: str) -> str:
    """A link text as the vague-text rule compares it: what a reader sees (format characters
    such as a zero-width space dropped), lower case, end punctuation dropped."""
    if INVISIBLE.search(label):  # rare: only then look at each character
        label = "".join(c for c in label if unicodedata.category(c) != "Cf")
    return " ".join(label.split()).lower().strip(" .:!…")


def is_generic_link_text(label: str) -> bool:
    """"hier", "lees meer" …: a text that does not say where the link goes (WCAG 2.4.4)."""
    return link_words(label) in GENERIC_LINK_TEXTS
