"""The sitemap lists exactly the HTML pages of the site (the 404 page aside)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..problems import Problem, Severity
from .site import ERROR_PAGE, BuiltSite, Found

SITEMAP = "sitemap.xml"
_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def check_sitemap(site: BuiltSite) -> Iterator[Found]:
    for problem in _sitemap_problems(site):
        yield Found("sitemap", 0, problem)


def _sitemap_problems(site: BuiltSite) -> Iterator[Problem]:
    if SITEMAP not in site.files:
        yield site.problem("sitemap", SITEMAP, "Er is geen sitemap.xml.",
                           "Laat de build een sitemap.xml schrijven met alle pagina's.")
        return
    try:
        tree = etree.fromstring(site.read(SITEMAP), etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        yield site.problem("sitemap", SITEMAP, f"sitemap.xml is geen geldige XML ({error}).",
                           "Verbeter de sitemap-sjabloon.")
        return
    listed = {}
    for loc in tree.iter(f"{_NS}loc"):
        listed[_page_of(site, (loc.text or "").strip())] = (loc.text or "").strip()
    if any(not urlsplit(url).scheme for url in listed.values()):
        yield site.problem("sitemap", SITEMAP, "De sitemap bevat geen volledige adressen; "
                           "zoekmachines lezen alleen adressen met https://.",
                           "Bouw voor publicatie met --base-url https://…/ of zet het volledige "
                           "adres in base_url in site_config.yaml.", severity=Severity.WARNING)
    pages = {path for path, report in site.reports.items() if not report.is_redirect} - {ERROR_PAGE}
    for page in sorted(pages - set(listed)):
        yield site.problem("sitemap", SITEMAP, f"De pagina {page} staat niet in de sitemap.",
                           "Neem elke pagina op in sitemap.xml.")
    for page in sorted(set(listed) - pages):
        yield site.problem("sitemap", SITEMAP, f"De sitemap noemt {listed[page]}, maar die pagina "
                           "bestaat niet.", "Haal het adres uit de sitemap of maak de pagina.")


def _page_of(site: BuiltSite, loc: str) -> str:
    path = unquote(urlsplit(loc).path)
    relative = path[len(site.base_path):] if path.startswith(site.base_path) else path
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative
