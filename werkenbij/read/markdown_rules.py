"""Rules for the Markdown that editors write, with the line to fix.

The rules read the same tree the site is rendered from (Python-Markdown, configured once in
werkenbij/markdown_html.py), so a reference-style link, a link over two lines or a heading
inside a list is judged exactly as it will show. Only raw HTML is looked for line by line
(the renderer turns it into visible text, so it never reaches the tree as markup), skipping
what the tree shows to be a code block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import lxml.html

from ..markdown_html import MarkdownConverter
from ..policy import (
    HEADINGS,
    invisible_characters,
    is_allowed_url,
    is_generic_link_text,
    link_words,
    refused_url_fix,
    url_scheme,
)
from ..problems import Problem

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HTML = re.compile(r"(?<!\\)<(/?[A-Za-z][A-Za-z0-9-]*|!--)")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*|[^@<>\s]+@[^@<>\s]+)>")
_CODE_SPAN = re.compile(r"`[^`]*`")


def check_markdown(text: str, first_line: int, path: str, markdown: MarkdownConverter,
                   top_level: int = 2) -> list[Problem]:
    """Problems in a Markdown text; `top_level` is the highest heading level allowed (## = 2)."""
    source = _Source(text, first_line, path)
    too_complex = list(_complexity(source))
    if too_complex:  # Python-Markdown's inline patterns backtrack: refused before converting
        return too_complex
    try:
        tree = lxml.html.fragment_fromstring(markdown.html(text) or "<p></p>",
                                             create_parent="div")
    except RecursionError:
        return [Problem(path, first_line, 0, "De tekst is te diep genest (te veel haakjes of "
                        "lijsten in elkaar).", "Maak de tekst eenvoudiger.")]
    code = "\n".join(e.text_content() for e in tree.iter("pre"))
    problems = list(_invisible(source)) + list(_raw_html(source, code)) + list(_word_bullets(source))
    problems += _headings(tree, source, top_level)
    problems += _links(tree, source)
    return sorted(problems)


class _Source:
    """The editor's text, to find the line (and column) where something was written."""

    def __init__(self, text: str, first_line: int, path: str):
        self.lines = text.split("\n")
        self.first_line, self.path = first_line, path
        self.searched_from: dict[str, int] = {}

    def problem(self, needles: list[str], message: str, fix: str, whole_line: bool = False) -> Problem:
        """A problem at the first line holding one of `needles`, after earlier hits of it."""
        for needle in filter(None, needles):
            start = self.searched_from.get(needle, 0)
            for index in range(start, len(self.lines)):
                column = self.lines[index].find(needle)
                if column >= 0:
                    self.searched_from[needle] = index + 1
                    column = 0 if whole_line else column
                    return Problem(self.path, self.first_line + index, column + 1, message, fix)
        return Problem(self.path, self.first_line, 0, message, fix)


# Limits far above any vacancy text (the seed's busiest paragraph has 2 links), far below what
# makes Python-Markdown slow: its link and emphasis patterns take time quadratic in the number
# of brackets or asterisks of one paragraph, its list parser in the depth of the nesting.
MAX_INDENT = 40        # columns of leading white space: about 10 levels of nested lists
MAX_QUOTE_DEPTH = 5    # > > > > > quoted in quotes
MAX_MARKS = {"[": 50, "*": 200, "_": 200, "`": 200, "<": 100, "(": 100}  # per paragraph


_DEEP = re.compile(rf"^(?:[ \t]{{11}}|(?:[ \t]*>){{{MAX_QUOTE_DEPTH + 1}}})", re.M)  # a coarse first look


def _complexity(source: _Source) -> Iterator[Problem]:
    text = "\n".join(source.lines)
    if not _DEEP.search(text) and all(text.count(m) <= limit for m, limit in MAX_MARKS.items()):
        return  # the whole text is within every limit, so each paragraph is (the usual case)
    paragraph: list[tuple[int, str]] = []
    in_fence = False
    for index, line in enumerate([*source.lines, ""]):
        if FENCE.match(line):
            in_fence = not in_fence
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        quotes = len(re.match(r"(?:\s*>)*", line).group().replace(" ", "").replace("\t", ""))
        if not in_fence and (indent > MAX_INDENT or quotes > MAX_QUOTE_DEPTH):
            yield Problem(source.path, source.first_line + index, 1,
                          "Deze regel is te diep genest (te veel inspringing of >-tekens).",
                          "Maak de lijst of het citaat minder diep: hoogstens een paar niveaus.")
            return
        if line.strip():
            paragraph.append((index, line))
            continue
        text = "\n".join(part for _, part in paragraph)
        for mark, limit in MAX_MARKS.items():
            if text.count(mark) > limit:
                yield Problem(source.path, source.first_line + paragraph[0][0], 1,
                              f"Deze alinea heeft te veel tekens '{mark}' ({text.count(mark)}; "
                              f"hoogstens {limit}).", "Verdeel de alinea over meer alinea's, of "
                              "schrijf het teken als \\" + mark + ".")
                return
        paragraph = []


_WORD_BULLET = re.compile(r"^[ \t]*([•◦▪▫■□●○·–—])[ \t]", re.M)


def _word_bullets(source: _Source) -> Iterator[Problem]:
    """Word's bullets, pasted: Markdown does not know them, so the lines ran into one paragraph."""
    if not _WORD_BULLET.search("\n".join(source.lines)):
        return
    in_fence = False
    for index, line in enumerate(source.lines):
        if FENCE.match(line):
            in_fence = not in_fence
        found = None if in_fence else _WORD_BULLET.match(line)
        if found:
            yield Problem(source.path, source.first_line + index, found.start(1) + 1,
                          f"Deze regel begint met een opsommingsteken uit Word ({found.group(1)}). "
                          "Zonder '- ' wordt het geen lijst, maar één lange alinea.",
                          f"Vervang '{found.group(1)}' vooraan door '- ' (een streepje en een spatie).")


def _invisible(source: _Source) -> Iterator[Problem]:
    """Characters that make the text read otherwise than it looks: a right-to-left override
    shows a link to evil.example as a trusted address, a zero-width space hides "hier"."""
    if next(invisible_characters("\n".join(source.lines)), None) is None:
        return
    for index, line in enumerate(source.lines):
        for column, character in invisible_characters(line):
            yield Problem(source.path, source.first_line + index, column + 1,
                          f"Hier staat een onzichtbaar stuurteken (U+{ord(character):04X}).",
                          "Typ dit stuk opnieuw in plaats van het te plakken.")


def _raw_html(source: _Source, code: str) -> Iterator[Problem]:
    """`code`: the text of the code blocks as parsed. An indented line is code on its own, but
    a paragraph inside a list item: judged by what the parser made of it, not by its spaces."""
    in_fence = False
    for index, line in enumerate(source.lines):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or (line.startswith("    ") and line.strip() in code):
            continue
        stripped = _AUTOLINK.sub("", _CODE_SPAN.sub("", line))
        match = _HTML.search(stripped)  # one message per line is enough to act on
        if match:
            yield Problem(source.path, source.first_line + index, line.find(match.group(0)) + 1,
                          f"HTML ({match.group(0)}…) is niet toegelaten in de tekst.",
                          "Gebruik Markdown: ## voor een kop, - voor een lijst, [tekst](adres) voor "
                          "een link. Bedoel je het teken < zelf, schrijf dan \\<.")


def _headings(tree, source: _Source, top_level: int) -> Iterator[Problem]:
    level = top_level - 1
    for heading in (e for e in tree.iter() if e.tag in HEADINGS):
        new, text = int(heading.tag[1]), " ".join(heading.text_content().split())
        needles = [text, text[:30]]
        if new < top_level:
            hashes = "#" * top_level
            message = ("Een kop met # maakt een extra hoofdtitel; de titel van de pagina is al de "
                       "enige h1." if new == 1 else
                       f"Een kop met {'#' * new} is hier te hoog; dit stuk staat al onder een kop.")
            yield source.problem(needles, message, f"Begin secties met '{hashes} '. Bedoel je een "
                                 "hashtag, zet dan een \\ voor de # (\\#KortrijkWerkt).",
                                 whole_line=True)
            new = top_level
        elif new > level + 1:
            yield source.problem(needles, f"Deze kop slaat een niveau over (van {'#' * level} naar "
                                 f"{'#' * new}).", f"Gebruik '{'#' * (level + 1)} ' voor deze kop.",
                                 whole_line=True)
        level = new


def _links(tree, source: _Source) -> Iterator[Problem]:
    for element in tree.iter("a", "img"):
        is_link = element.tag == "a"
        url = element.get("href" if is_link else "src") or ""
        label = " ".join((element.text_content() if is_link else element.get("alt") or "").split())
        opening = f"[{label}]" if is_link else f"![{label}]"
        needles = [opening, f"<{url}>", url, html.escape(url), label]
        if not is_allowed_url(url):
            yield source.problem(needles, f"Deze link is niet toegelaten ({url_scheme(url) or url}:).",
                                 refused_url_fix(url) or
                                 "Gebruik een link die begint met https://, mailto: of tel:.")
        elif not is_link and not label:
            yield source.problem(needles, "Deze afbeelding heeft geen alt-tekst.",
                                 "Beschrijf in ![...] kort wat op de afbeelding staat.")
        elif is_link and _is_bare_address(label, url):
            yield source.problem([f"<{url}>", opening, url], "Een kaal webadres is geen goede "
                                 "linktekst.", "Schrijf [beschrijving van de pagina](adres) in plaats "
                                 "van het adres zelf.")
        elif is_link and _is_generic(label):
            yield source.problem(needles, f"De linktekst '{label}' zegt niet waar de link naartoe "
                                 "gaat.", "Schrijf een linktekst die het doel noemt, bijvoorbeeld "
                                 "[de volledige loonschalen](...).")


def _is_bare_address(label: str, url: str) -> bool:
    words = link_words(label)
    if url.startswith("mailto:"):
        return False  # "mail naar vacatures@kortrijk.be" names its goal
    return words == url.lower() or bool(re.fullmatch(r"(https?://|www\.)\S+", words))


def _is_generic(label: str) -> bool:
    return not link_words(label) or is_generic_link_text(label)
