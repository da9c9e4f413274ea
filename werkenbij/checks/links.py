"""Links: every internal href/src/srcset resolves, every #fragment exists, every URI is well formed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from ..fields import EMAIL, url_scheme
from ..problems import Problem
from .site import BuiltSite, ParsedPage, url_attributes

_TEL = re.compile(r"\+[1-9][0-9]{6,14}")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def check_links(site: BuiltSite) -> Iterator[Problem]:
    for page in site.pages.values():
        for element in page.elements:
            for url in url_attributes(element):
                yield from _check_url(site, page, element, url)


def _check_url(site: BuiltSite, page: ParsedPage, tag: HtmlElement, url: str) -> Iterator[Problem]:
    scheme = url_scheme(url)
    if not url.strip():
        yield site.problem("links", page.path, "Een link zonder adres.",
                           "Geef de link een adres of verwijder hem.", tag)
    elif url.strip() == "#":
        yield site.problem("links", page.path, "Een link naar '#' gaat nergens heen.",
                           "Geef de link een echt doel, of maak er gewone tekst van.", tag)
    elif scheme in ("https", ""):
        yield from _check_web(site, page, tag, url, scheme)
    elif scheme == "http":
        yield site.problem("links", page.path, f"Onbeveiligde link ({url}).",
                           "Gebruik https:// als de site dat aanbiedt.", tag)
    elif scheme == "mailto":
        address, _, query = url.split(":", 1)[1].partition("?")
        addresses = [unquote(a).strip() for a in address.split(",")] if address else []
        # RFC 6068: "mailto:?subject=…" (no address, the reader picks one) is allowed
        if (not addresses and not query) or not all(EMAIL.fullmatch(a) for a in addresses):
            yield site.problem("links", page.path, f"Ongeldig e-mailadres in {url}.",
                               "Schrijf mailto:naam@domein.be.", tag)
    elif scheme == "tel":
        if not _TEL.fullmatch(url.split(":", 1)[1]):
            yield site.problem("links", page.path, f"Ongeldig telefoonnummer in {url}.",
                               "Schrijf tel: met het internationale nummer, zoals tel:+3256278503.", tag)
    else:
        yield site.problem("links", page.path, f"Link met een niet toegelaten soort adres ({scheme}:).",
                           "Gebruik alleen https-, mailto- en tel-links.", tag)


def _check_web(site: BuiltSite, page: ParsedPage, tag: HtmlElement, url: str,
               scheme: str) -> Iterator[Problem]:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if scheme and not host:
        yield site.problem("links", page.path, f"Een ongeldig webadres ({url}).",
                           "Schrijf het volledige adres, zoals https://www.kortrijk.be/.", tag)
    elif not scheme and url.replace("\\", "/").startswith("//"):
        yield site.problem("links", page.path, f"Een link zonder https: die naar een andere site "
                           f"wijst ({url}).", "Schrijf het volledige adres met https://.", tag)
    elif not scheme:
        yield from _check_internal(site, page, tag, url)


def _check_internal(site: BuiltSite, page: ParsedPage, tag: HtmlElement, url: str) -> Iterator[Problem]:
    target, fragment = site.resolve(url, page)
    if target is None:
        yield site.problem("links", page.path, f"Deze link wijst buiten de site ({url}).",
                           f"Begin interne links met het basispad {site.base_path}.", tag)
    elif target not in site.files:
        folder = f"{target}/index.html"
        fix = f"Zet een / achter het adres ({url}/)." if folder in site.files else \
            "Verbeter het adres of maak de pagina aan."
        yield site.problem("links", page.path, f"Deze link wijst naar een pagina die niet bestaat "
                           f"({url}).", fix, tag)
    elif fragment and target in site.pages and fragment not in site.pages[target].ids:
        yield site.problem("links", page.path, f"Het anker #{fragment} bestaat niet op {target}.",
                           "Verbeter het anker of geef het doel dat id.", tag)


def check_css_urls(site: BuiltSite) -> Iterator[Problem]:
    """Our stylesheets may only point at files that exist."""
    for path in sorted(f for f in site.files if f.endswith(".css")):
        text = (site.folder / path).read_text("utf-8")
        for match in _CSS_URL.finditer(text):
            url = match.group(1)
            if url.startswith("data:") or url_scheme(url) or url.startswith("#"):
                continue
            target = urlsplit(urljoin(path, url)).path
            if target not in site.files:
                yield site.problem("css", path, f"De stylesheet verwijst naar een bestand dat niet "
                                   f"bestaat ({url}).", "Verbeter het pad in de CSS.", match.group(0))
