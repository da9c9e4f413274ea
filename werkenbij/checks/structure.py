"""Structure: what every page needs to be usable with a screen reader, a keyboard and a search engine."""

from __future__ import annotations

import json
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from datetime import datetime

from ..models import parse_day
from ..policy import HEADINGS, is_generic_link_text
from ..problems import Problem
from .site import ERROR_PAGE, BuiltSite, Element, Found, ParsedPage, ProblemMaker, text_of

Finding = tuple[str, str, "Element | None"]


def page_structure(page: ParsedPage, maker: ProblemMaker) -> list[Found]:
    """The rules each page must follow on its own, in the order of `_PAGE_RULES`; only that the
    page could not be read when the parser gave up on it (the rest would blame the layout)."""
    if page.gave_up:
        return [Found("structure", 0, _unread(page, maker))]
    findings = [finding for rule in _PAGE_RULES for finding in rule(page)]
    return [Found("structure", order, maker.problem("structure", page.path, message, fix, element))
            for order, (message, fix, element) in enumerate(findings)]


def _unread(page: ParsedPage, maker: ProblemMaker) -> Problem:
    origin = maker.settings.sources.get(page.path)
    made_from = f"Kijk {origin} na, waar deze pagina uit gemaakt is" if origin else \
        "Kijk na waar deze pagina uit gemaakt is"
    return maker.problem("structure", page.path,
                         f"De controle kon deze pagina niet volledig lezen ({page.gave_up}).",
                         f"{made_from}: kortere teksten, minder lijsten of citaten in elkaar. "
                         "Pas daarna kan de rest van de pagina gecontroleerd worden.")


def _document(page: ParsedPage) -> Iterator[Finding]:
    if not page.root.get("lang"):
        yield "De pagina heeft geen taal (lang op <html>).", "Zet lang=\"nl-BE\" op <html>.", None
    titles = page.all("title")
    if len(titles) != 1 or not text_of(titles[0]):
        yield "De pagina heeft niet precies één niet-lege <title>.", "Geef elke pagina één titel.", None
    metas = {m.get("name"): (m.get("content") or "").strip() for m in page.all("meta")}
    for name, fix in (("description", "Voeg <meta name=\"description\"> met een korte samenvatting toe."),
                      ("viewport", "Voeg <meta name=\"viewport\" content=\"width=device-width, "
                                   "initial-scale=1\"> toe.")):
        if not metas.get(name):
            yield f"De pagina mist <meta name=\"{name}\">.", fix, None


def _headings(page: ParsedPage) -> Iterator[Finding]:
    headings = page.all(*HEADINGS)
    h1s = [h for h in headings if h.tag == "h1"]
    if len(h1s) != 1:
        yield f"De pagina heeft {len(h1s)} h1-koppen in plaats van één.", \
            "Geef elke pagina precies één hoofdtitel (h1).", None
    level = 0
    for heading in headings:
        new = int(heading.tag[1])
        if new > level + 1:
            yield f"De kop slaat een niveau over (h{level} naar h{new}).", \
                f"Maak er een h{level + 1} van.", heading
        level = new


def _landmarks(page: ParsedPage) -> Iterator[Finding]:
    mains = page.all("main")
    if len(mains) != 1:
        yield f"De pagina heeft {len(mains)} <main>-elementen in plaats van één.", \
            "Zet de inhoud in precies één <main>.", None
    for name in ("header", "nav", "footer"):
        if not page.all(name):
            yield f"De pagina mist een <{name}>-gebied.", f"Voeg <{name}> toe in de basislayout.", None
    links = page.all("a")
    href = links[0].get("href", "") if links else ""
    if not href.startswith("#") or href[1:] not in page.ids:
        yield "De eerste link is geen werkende link naar de inhoud (skip link).", \
            "Zet als eerste link <a href=\"#inhoud\"> naar het id van <main>.", \
            links[0] if links else None


def _elements(page: ParsedPage) -> Iterator[Finding]:
    counts = Counter(e.get("id") for e in page.elements if e.get("id") is not None)
    for identifier, count in sorted(counts.items()):
        if count > 1:
            yield f"Het id '{identifier}' komt {count} keer voor.", "Geef elk id een unieke naam.", None
    for image in page.all("img"):
        if image.get("alt") is None:
            yield "Een afbeelding heeft geen alt-attribuut.", \
                "Beschrijf de afbeelding in alt, of alt=\"\" als ze alleen versiert.", image
    for link in page.all("a", "button"):
        yield from _accessible_name(link)
    for time in page.all("time"):
        if not _valid_datetime(time.get("datetime") or text_of(time)):
            yield "Ongeldige datum in <time>.", "Gebruik datetime=\"JJJJ-MM-DD\".", time


def _accessible_name(link: Element) -> Iterator[Finding]:
    name = (link.get("aria-label") or text_of(link) or
            " ".join(img.get("alt") or "" for img in link.iter("img"))).strip()
    if not name:
        yield "Deze link of knop heeft geen naam voor schermlezers.", \
            "Geef de link tekst of een aria-label.", link
    elif link.tag == "a" and is_generic_link_text(name):
        yield f"De linktekst '{name}' zegt niet waar de link naartoe gaat.", \
            "Schrijf een linktekst die het doel noemt.", link


def _scripts(page: ParsedPage) -> Iterator[Finding]:
    for element in page.elements:
        handlers = [a for a in element.attrib if a.lower().startswith("on")]
        if handlers:
            yield f"Inline gebeurtenis ({handlers[0]}) is niet toegelaten.", \
                "Zet gedrag in een apart scriptbestand.", element
    for script in page.all("script"):
        if script.get("type") == "application/ld+json":
            try:
                json.loads(script.text or "")
            except ValueError as error:
                yield f"JSON-LD is geen geldige JSON ({error}).", "Verbeter de gestructureerde data.", None
        elif script.get("src") is None:
            yield "Inline script is niet toegelaten.", "Zet het script in een apart bestand.", script


def _valid_datetime(value: str) -> bool:
    if parse_day(value):
        return True
    try:
        datetime.fromisoformat(value)
        return True
    except ValueError:
        return False


_PAGE_RULES = (_document, _headings, _landmarks, _elements, _scripts)


def check_titles_unique(site: BuiltSite) -> Iterator[Found]:
    by_title: dict[str, list[str]] = defaultdict(list)
    for report in site.reports.values():
        if report.title is not None:
            by_title[report.title].append(report.path)
    for title, paths in sorted(by_title.items()):
        for path in paths[1:]:
            yield Found("titles", 0, site.problem("titles", path, f"De titel '{title}' staat ook op "
                                                  f"{paths[0]}.", "Geef elke pagina een eigen titel."))


def check_reachable(site: BuiltSite) -> Iterator[Found]:
    """Every page can be reached by following links from the home page."""
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        report = site.reports.get(queue.popleft())
        if report is None:
            continue
        for link in report.links:
            if link.is_anchor and link.target in site.reports and link.target not in seen:
                seen.add(link.target)
                queue.append(link.target)
    redirects = {path for path, report in site.reports.items() if report.is_redirect}
    for path in sorted(set(site.reports) - seen - {ERROR_PAGE} - redirects):
        yield Found("reachable", 0, site.problem(
            "reachable", path, "Geen enkele link vanaf de startpagina leidt naar deze pagina.",
            "Link ernaar vanuit het menu, een lijst of het archief."))
