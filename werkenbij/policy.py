"""The site's rules that more than one stage applies: which links are allowed, what a vague link
text is, which headings exist and which addresses the site keeps for itself. Written once here,
so that the content rules (read/), the renderer and the output checks can never disagree."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterator
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


# What no text of the site may hold, in a field or in the body. Never typed on purpose; pasted,
# these characters make text read otherwise than it looks, or break an encoder. Decided by the
# Unicode category, so that no invisible character is missed because a list forgot it:
#   Cc      controls, but tab and the line breaks that texts are made of;
#   Cf      format characters: bidirectional marks, overrides and isolates (U+061C, U+202E …),
#           zero-width characters, U+180E, the byte-order mark, tag characters;
#   Zl, Zp  U+2028 and U+2029: YAML and a browser break the line there, Markdown does not;
#   Cs      surrogates: UTF-8 cannot hold them;
#   Co      private use: only one font draws them (Word's Symbol bullet U+F0B7), others a box;
#   Cn      unassigned, but only the noncharacters (U+FFFF makes the feed's XML ill-formed) and
#           the ranges Unicode keeps to be drawn as nothing (U+E0080 …). Other unassigned code
#           points are drawn as a box, or are an emoji newer than Python's Unicode tables.
# Unicode's other default-ignorable characters are letters or marks by category, and drawn as
# nothing all the same: the Hangul fillers, the combining grapheme joiner, the Khmer inherent
# vowels and the Mongolian variation selectors (DerivedCoreProperties.txt; unicodedata cannot tell).
# Allowed, because visible text needs them:
#   U+00AD  the soft hyphen: a hyphen where a long Dutch word is broken, else nothing;
#   U+200D  the zero-width joiner between two emoji: 👩‍💻 is one picture;
#   tags    U+E0020-E007F right after U+1F3F4, ended by U+E007F: the flags of England, Scotland
#           and Wales;
#   U+FE0E, U+FE0F and the other variation selectors: marks (Mn) that pick the look (text or
#           emoji) of the character before them.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_IGNORABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0")
_ALLOWED = frozenset("\t\n\r\u00ad")
_JOINER = "\u200d"
_EMOJI_MODIFIERS = "\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"  # emoji style, skin tones
_TAG_SEQUENCE = re.compile("\U0001f3f4([\U000e0020-\U000e007e]+\U000e007f)")


def _is_hidden(character: str) -> bool:
    category = unicodedata.category(character)
    if category == "Cn":
        code = ord(character)
        return (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE or 0x2060 <= code <= 0x206F
                or 0xFFF0 <= code <= 0xFFF8 or 0xE0000 <= code <= 0xE0FFF)
    return character not in _ALLOWED and (category in _HIDDEN_CATEGORIES or character in _IGNORABLE)


def _look_closer() -> re.Pattern[str]:
    """The characters worth a second look: every hidden one of the Basic Multilingual Plane, and
    anything beyond it (emoji, mostly). Built once from the categories; as one character class,
    a text without any of them is passed at the speed of the regex engine. (A class of all the
    planes' ranges would be hundreds of times slower: past U+FFFF, re tries each range in turn.)"""
    hidden = [code for code in range(0x10000) if _is_hidden(chr(code))]
    ranges = []
    for code in hidden:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    members = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)
    return re.compile(f"[{members}\\U00010000-\\U0010ffff]")


_LOOK_CLOSER = _look_closer()


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """Each character of `text` that no text of the site may hold, with its index."""
    if not _LOOK_CLOSER.search(text):  # nearly always: then nothing else is done
        return
    in_flags = {index for flag in _TAG_SEQUENCE.finditer(text) for index in range(*flag.span(1))}
    for found in _LOOK_CLOSER.finditer(text):
        index, character = found.start(), found.group()
        if _is_hidden(character) and index not in in_flags and not \
                (character == _JOINER and _joins_emoji(text, index)):
            yield index, character


def _joins_emoji(text: str, index: int) -> bool:
    """The joiner at `index` stands between two emoji (the one before may have a modifier)."""
    before = text[max(0, index - 3):index].rstrip(_EMOJI_MODIFIERS)[-1:]
    after = text[index + 1:index + 2]
    return bool(before and after) and unicodedata.category(before) == unicodedata.category(after) == "So"


def link_words(label: str) -> str:
    """A link text as the vague-text rule compares it: what a reader sees (format characters
    such as a zero-width space dropped), lower case, end punctuation dropped."""
    if not label.isascii():  # only then look at each character
        label = "".join(c for c in label if unicodedata.category(c) != "Cf")
    return " ".join(label.split()).lower().strip(" .:!…")


def is_generic_link_text(label: str) -> bool:
    """"hier", "lees meer" …: a text that does not say where the link goes (WCAG 2.4.4)."""
    return link_words(label) in GENERIC_LINK_TEXTS
