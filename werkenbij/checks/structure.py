"""Structure: what every page needs to be usable with a screen reader, a keyboard and a search engine."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from datetime import date, datetime

from bs4 import Tag

from ..markdown_rules import GENERIC_LINK_TEXTS
from ..problems import Problem
from .site import BuiltSite, ParsedPage

NOT_LINKED_PAGES = {"404.html"}
_LANDMARKS = {"header": "header", "nav": "nav", "footer": "footer"}


def check_structure(site: BuiltSite) -> Iterator[Problem]:
    for page in site.pages.values():
        for rule in _PAGE_RULES:
            for message, fix, element in rule(page):
                yield site.problem("structure", page.path, message, fix, element)


def _document(page: ParsedPage) -> Iterator[tuple[str, str, object]]:
    html = page.soup.find("html")
    if not isinstance(html, Tag) or not html.get("lang"):
        yield "De pagina heeft geen taal (lang op <html>).", "Zet lang=\"nl-BE\" op <html>.", ""
    titles = page.soup.find_all("title")
    if len(titles) != 1 or not titles[0].get_text(strip=True):
        yield "De pagina heeft niet precies één niet-lege <title>.", "Geef elke pagina één titel.", ""
    for name, fix in (("description", "Voeg <meta name=\"description\"> met een korte samenvatting toe."),
                      ("viewport", "Voeg <meta name=\"viewport\" content=\"width=device-width, "
                                   "initial-scale=1\"> toe.")):
        meta = page.soup.find("meta", attrs={"name": name})
        if meta is None or not str(meta.get("content", "")).strip():
            yield f"De pagina mist <meta name=\"{name}\">.", fix, ""


def _headings(page: ParsedPage) -> Iterator[tuple[str, str, object]]:
    h1s = page.soup.find_all("h1")
    if len(h1s) != 1:
        yield f"De pagina heeft {len(h1s)} h1-koppen in plaats van één.", \
            "Geef elke pagina precies één hoofdtitel (h1).", ""
    level = 0
    for heading in page.soup.find_all(re.compile(r"^h[1-6]$")):
        new = int(heading.name[1])
        if new > level + 1:
            yield f"De kop slaat een niveau over (h{level} naar h{new}).", \
                f"Maak er een h{level + 1} van.", heading
        level = new


def _landmarks(page: ParsedPage) -> Iterator[tuple[str, str, object]]:
    mains = page.soup.find_all("main")
    if len(mains) != 1:
        yield f"De pagina heeft {len(mains)} <main>-elementen in plaats van één.", \
            "Zet de inhoud in precies één <main>.", ""
    for tag, name in _LANDMARKS.items():
        if page.soup.find(tag) is None:
            yield f"De pagina mist een <{name}>-gebied.", f"Voeg <{name}> toe in de basislayout.", ""
    first_link = page.soup.find("body").find("a") if page.soup.find("body") else None
    href = str(first_link.get("href", "")) if first_link else ""
    if not href.startswith("#") or href[1:] not in page.ids:
        yield "De eerste link is geen werkende link naar de inhoud (skip link).", \
            "Zet als eerste link <a href=\"#inhoud\"> naar het id van <main>.", first_link or ""


def _elements(page: ParsedPage) -> Iterator[tuple[str, str, object]]:
    counts = Counter(tag["id"] for tag in page.soup.find_all(id=True))
    for identifier, count in sorted(counts.items()):
        if count > 1:
            yield f"Het id '{identifier}' komt {count} keer voor.", "Geef elk id een unieke naam.", ""
    for image in page.soup.find_all("img"):
        if not image.has_attr("alt"):
            yield "Een afbeelding heeft geen alt-attribuut.", \
                "Beschrijf de afbeelding in alt, of alt=\"\" als ze alleen versiert.", image
    for link in page.soup.find_all(["a", "button"]):
        yield from _accessible_name(link)
    for time in page.soup.find_all("time"):
        if not _valid_datetime(str(time.get("datetime", time.get_text()))):
            yield "Ongeldige datum in <time>.", "Gebruik datetime=\"JJJJ-MM-DD\".", time


def _accessible_name(link: Tag) -> Iterator[tuple[str, str, object]]:
    name = (link.get("aria-label") or link.get_text(" ", strip=True) or
            " ".join(str(img.get("alt", "")) for img in link.find_all("img"))).strip()
    if not name:
        yield "Deze link of knop heeft geen naam voor schermlezers.", \
            "Geef de link tekst of een aria-label.", link
    elif link.name == "a" and name.lower().strip(" .:!…") in GENERIC_LINK_TEXTS:
        yield f"De linktekst '{name}' zegt niet waar de link naartoe gaat.", \
            "Schrijf een linktekst die het doel noemt.", link


def _scripts(page: ParsedPage) -> Iterator[tuple[str, str, object]]:
    for tag in page.soup.find_all(True):
        handlers = [a for a in tag.attrs if a.lower().startswith("on")]
        if handlers:
            yield f"Inline gebeurtenis ({handlers[0]}) is niet toegelaten.", \
                "Zet gedrag in een apart scriptbestand.", tag
    for script in page.soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            try:
                json.loads(script.get_text())
            except ValueError as error:
                yield f"JSON-LD is geen geldige JSON ({error}).", "Verbeter de gestructureerde data.", ""
        elif not script.has_attr("src"):
            yield "Inline script is niet toegelaten.", "Zet het script in een apart bestand.", script


def _valid_datetime(value: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
        return True
    except ValueError:
        return False


_PAGE_RULES = (_document, _headings, _landmarks, _elements, _scripts)


def check_titles_unique(site: BuiltSite) -> Iterator[Problem]:
    by_title: dict[str, list[str]] = defaultdict(list)
    for page in site.pages.values():
        title = page.soup.find("title")
        if title is not None:
            by_title[title.get_text(strip=True)].append(page.path)
    for title, paths in sorted(by_title.items()):
        for path in paths[1:]:
            yield site.problem("titles", path, f"De titel '{title}' staat ook op {paths[0]}.",
                               "Geef elke pagina een eigen titel.")


def check_reachable(site: BuiltSite) -> Iterator[Problem]:
    """Every page can be reached by following links from the home page."""
    seen, queue = {"index.html"}, deque(["index.html"])
    while queue:
        page = site.pages.get(queue.popleft())
        if page is None:
            continue
        for link in page.soup.find_all("a", href=True):
            target, _ = site.resolve(str(link["href"]), page)
            if target in site.pages and target not in seen:
                seen.add(target)
                queue.append(target)
    for path in sorted(set(site.pages) - seen - NOT_LINKED_PAGES):
        yield site.problem("reachable", path, "Geen enkele link vanaf de startpagina leidt naar "
                           "deze pagina.", "Link ernaar vanuit het menu, een lijst of het archief.")
