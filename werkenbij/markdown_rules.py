"""Rules for the Markdown that editors write, checked on the source so messages carry a line.

The same rules are checked again on the built HTML (see `werkenbij.checks`); here they can
point at the editor's own line, which is what makes a message fixable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .fields import is_allowed_url, url_scheme
from .problems import Problem

GENERIC_LINK_TEXTS = {"hier", "klik hier", "lees meer", "meer info", "meer", "link", "deze link",
                      "klik", "via deze link", "info", "more", "click here", "read more", "here"}
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(\s|$)")
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^>\s]*)>")
_HTML = re.compile(r"(?<!\\)<(/?[A-Za-z][A-Za-z0-9-]*|!--)")
_CODE_SPAN = re.compile(r"`[^`]*`")


def check_markdown(text: str, first_line: int, path: str, top_level: int = 2) -> list[Problem]:
    """Problems in a Markdown body; `top_level` is the highest heading level allowed (## = 2)."""
    problems: list[Problem] = []
    level = top_level - 1
    in_fence = False
    previous = ""
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        level = _check_heading(line, previous, number, path, level, top_level, problems)
        problems.extend(_check_inline(_CODE_SPAN.sub("", line), number, path))
        previous = line
    return problems


def _check_heading(line: str, previous: str, number: int, path: str, level: int,
                   top_level: int, problems: list[Problem]) -> int:
    heading = _ATX.match(line)
    if heading is None and _SETEXT_H1.match(line) and previous.strip():
        problems.append(Problem(path, number, 1, "Een kop onderstreept met '===' wordt een "
                                "tweede hoofdtitel (h1).", "Schrijf de kop als '## Kop'."))
        return level
    if heading is None:
        return level
    new = len(heading.group(1))
    if new < top_level:
        hashes = "#" * top_level
        problems.append(Problem(path, number, 1, f"Een kop met {'#' * new} maakt een extra "
                                "hoofdtitel; de titel van de pagina is al de enige h1.",
                                f"Begin secties met '{hashes} ' in plaats van '{'#' * new} '."))
        return top_level
    if new > level + 1:
        problems.append(Problem(path, number, 1, f"Deze kop slaat een niveau over "
                                f"(van {'#' * level} naar {'#' * new}).",
                                f"Gebruik '{'#' * (level + 1)} ' voor deze kop."))
    return new


def _check_inline(line: str, number: int, path: str) -> Iterator[Problem]:
    for match in _LINK.finditer(line):
        column = match.start() + 1
        is_image, label, url = match.group(1), match.group(2).strip(), match.group(3)
        if not is_allowed_url(url):
            yield Problem(path, number, column, f"Deze link is niet toegelaten ({url_scheme(url)}:).",
                          "Gebruik een link die begint met https://, mailto: of tel:.")
        if is_image and not label:
            yield Problem(path, number, column, "Deze afbeelding heeft geen alt-tekst.",
                          "Beschrijf in ![...] kort wat op de afbeelding staat.")
        elif not is_image and _is_generic(label, url):
            yield Problem(path, number, column, f"De linktekst '{label}' zegt niet waar de link "
                          "naartoe gaat.", "Schrijf een linktekst die het doel noemt, bijvoorbeeld "
                          "[de volledige loonschalen](...).")
    for match in _AUTOLINK.finditer(line):
        yield Problem(path, number, match.start() + 1, "Een kaal webadres is geen goede linktekst.",
                      "Schrijf [beschrijving van de pagina](adres) in plaats van <adres>.")
    stripped = _AUTOLINK.sub("", _LINK.sub("", line))
    match = _HTML.search(stripped)  # one message per line is enough to act on
    if match:
        yield Problem(path, number, line.find(match.group(0)) + 1,
                      f"HTML ({match.group(0)}…) is niet toegelaten in de tekst.",
                      "Gebruik Markdown: ## voor een kop, - voor een lijst, [tekst](adres) voor "
                      "een link. Bedoel je het teken < zelf, schrijf dan \\<.")


def _is_generic(label: str, url: str) -> bool:
    words = label.lower().strip(" .:!…")
    return not words or words in GENERIC_LINK_TEXTS or words == url.lower() or \
        bool(re.fullmatch(r"(https?://|www\.)\S+", words))
