"""Links: every URI is well formed, every internal href/src/srcset resolves, every #fragment exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urljoin, urlsplit

from ..policy import EMAIL, MAILTO_FIELDS, leads_elsewhere, mailto_fields, url_scheme
from ..problems import Problem
from .site import (
    BuiltSite,
    Element,
    Found,
    InternalLink,
    ParsedPage,
    ProblemMaker,
    WebAddress,
    resolve,
    url_attributes,
)

_TEL = re.compile(r"\+[1-9][0-9]{6,14}")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def page_links(page: ParsedPage, maker: ProblemMaker) -> tuple[list[Found], list[InternalLink],
                                                              list[WebAddress]]:
    """What can be judged on the page alone (the form of each address, links within the page),
    plus the internal links and web addresses for the site-wide checks."""
    found, links, web = [], [], []
    for number, element in enumerate(page.elements):
        for url in url_attributes(element):
            for problem in _check_url(maker, page, element, url):
                found.append(Found("links", number, problem))
            scheme = url_scheme(url)
            if scheme in ("http", "https"):
                web.append(WebAddress(number, url))
            elif not scheme and url.strip() not in ("", "#") and not leads_elsewhere(url):
                target, fragment = resolve(maker.settings.base_path, page.url_path, url)
                if target is None:
                    found.append(Found("links", number, maker.problem(
                        "links", page.path, f"Deze link wijst buiten de site ({url}).",
                        f"Begin interne links met het basispad {maker.settings.base_path}.",
                        element)))
                elif target == page.path:
                    if fragment and fragment not in page.ids:
                        found.append(Found("links", number, _no_anchor(maker, page.path,
                                                                       fragment, target, element)))
                else:
                    links.append(InternalLink(number, target, fragment, element.tag == "a"))
    return found, links, web


def _check_url(maker: ProblemMaker, page: ParsedPage, tag: Element, url: str) -> Iterator[Problem]:
    scheme = url_scheme(url)
    if not url.strip():
        yield maker.problem("links", page.path, "Een link zonder adres.",
                            "Geef de link een adres of verwijder hem.", tag)
    elif url.strip() == "#":
        yield maker.problem("links", page.path, "Een link naar '#' gaat nergens heen.",
                            "Geef de link een echt doel, of maak er gewone tekst van.", tag)
    elif scheme in ("https", ""):
        yield from _check_web(maker, page, tag, url, scheme)
    elif scheme == "http":
        yield maker.problem("links", page.path, f"Onbeveiligde link ({url}).",
                            "Gebruik https:// als de site dat aanbiedt.", tag)
    elif scheme == "mailto":
        address, _, query = url.split(":", 1)[1].partition("?")
        addresses = [unquote(a).strip() for a in address.split(",")] if address else []
        # RFC 6068: "mailto:?subject=…" (no address, the reader picks one) is allowed
        if (not addresses and not query) or not all(EMAIL.fullmatch(a) for a in addresses):
            yield maker.problem("links", page.path, f"Ongeldig e-mailadres in {url}.",
                                "Schrijf mailto:naam@domein.be.", tag)
        elif not mailto_fields(url) <= MAILTO_FIELDS:
            yield maker.problem("links", page.path,
                                f"Deze mailto-link stuurt ook naar een ander adres ({url}).",
                                "Gebruik in een mailto-link alleen subject en body, nooit to, cc of bcc.",
                                tag)
    elif scheme == "tel":
        if not _TEL.fullmatch(url.split(":", 1)[1]):
            yield maker.problem("links", page.path, f"Ongeldig telefoonnummer in {url}.",
                                "Schrijf tel: met het internationale nummer, zoals "
                                "tel:+3256278503.", tag)
    else:
        yield maker.problem("links", page.path, f"Link met een niet toegelaten soort adres "
                            f"({scheme}:).", "Gebruik alleen https-, mailto- en tel-links.", tag)


def _check_web(maker: ProblemMaker, page: ParsedPage, tag: Element, url: str,
               scheme: str) -> Iterator[Problem]:
    """The form of a web address; whether an internal one leads somewhere is checked site-wide."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if scheme and not host:
        yield maker.problem("links", page.path, f"Een ongeldig webadres ({url}).",
                            "Schrijf het volledige adres, zoals https://www.kortrijk.be/.", tag)
    elif not scheme and leads_elsewhere(url):
        yield maker.problem("links", page.path, f"Een link zonder https: die naar een andere "
                            f"site wijst ({url}).", "Schrijf het volledige adres met https://.", tag)


def check_links(site: BuiltSite) -> Iterator[Found]:
    """Every internal link leads to a file of the site, and its #fragment exists there."""
    for report in site.reports.values():
        for link in report.links:
            target, fragment = link.target, link.fragment
            if target in site.files and (not fragment or target not in site.reports
                                         or fragment in site.reports[target].ids):
                continue
            element = site.element(report.path, link.element)
            url = next((u for u in url_attributes(element)
                        if resolve(site.base_path, report.path.removesuffix("index.html"), u)
                        == (target, fragment)), "")
            if target in site.files:
                problem = _no_anchor(site.maker, report.path, fragment, target, element)
            else:
                folder = f"{target}/index.html"
                fix = f"Zet een / achter het adres ({url}/)." if folder in site.files else \
                    "Verbeter het adres of maak de pagina aan."
                problem = site.problem("links", report.path, f"Deze link wijst naar een pagina die "
                                       f"niet bestaat ({url}).", fix, element)
            yield Found("links", link.element, problem)


def _no_anchor(maker: ProblemMaker, page: str, fragment: str, target: str,
               element: Element) -> Problem:
    return maker.problem("links", page, f"Het anker #{fragment} bestaat niet op {target}.",
                         "Verbeter het anker of geef het doel dat id.", element)


def check_css_urls(site: BuiltSite) -> Iterator[Found]:
    """Our stylesheets may only point at files that exist."""
    for path in sorted(f for f in site.files if f.endswith(".css")):
        text = site.read(path).decode("utf-8")
        for match in _CSS_URL.finditer(text):
            url = match.group(1)
            if url.startswith("data:") or url_scheme(url) or url.startswith("#"):
                continue
            target = urlsplit(urljoin(path, url)).path
            if target not in site.files:
                yield Found("css", 0, site.problem(
                    "css", path, f"De stylesheet verwijst naar een bestand dat niet bestaat ({url}).",
                    "Verbeter het pad in de CSS.", match.group(0)))
