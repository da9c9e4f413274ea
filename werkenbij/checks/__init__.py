"""Checks over a built site: each check is a small function in an explicit registry.

Each HTML page is parsed once (with lxml) by `inspect_page`, which runs the rules a page must
follow on its own and keeps a small `PageReport`; the site-wide checks then read the reports
of all pages. Nothing here prints: report.py does. External links are fetched only when
the settings ask for it (`build.py --external`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..policy import CHECK_NAMES, CheckLevel
from ..problems import Problem, Severity
from .external import check_external
from .links import check_css_urls, check_links, page_links
from .settings import CheckSettings, ExternalOptions
from .site import (
    BuiltSite,
    Found,
    PageReport,
    ProblemMaker,
    files_under,
    folder_reader,
    parse_page,
    text_of,
)
from .sitemap import check_sitemap
from .structure import check_reachable, check_titles_unique, page_structure

SiteCheck = Callable[[BuiltSite], Iterator[Found]]

# Site-wide checks, each over the reports of all pages. Add a check by adding a line (and its
# name to policy.CHECK_NAMES, which orders the report; "structure" runs in `inspect_page`).
REGISTRY: tuple[tuple[str, SiteCheck], ...] = (
    ("links", check_links),
    ("css", check_css_urls),
    ("titles", check_titles_unique),
    ("reachable", check_reachable),
    ("sitemap", check_sitemap),
)

__all__ = ["BuiltSite", "CheckSettings", "ExternalOptions", "PageReport", "ProblemMaker", "built_site",
           "check_site", "inspect_page", "load_built_site", "run_checks"]


def inspect_page(path: str, data: bytes, maker: ProblemMaker) -> PageReport:
    """Parse one page, apply the rules it must follow on its own, and keep what the site-wide
    checks need; the tree itself is not kept."""
    page = parse_page(path, data)
    found, links, web = page_links(page, maker)
    found += page_structure(page, maker)
    titles = page.all("title")
    return PageReport(path=path, title=text_of(titles[0]) if titles else None,
                      is_redirect=page.is_redirect, ids=frozenset(page.ids), links=tuple(links),
                      web=tuple(web), found=tuple(found))


def load_built_site(folder: Path, settings: CheckSettings,
                    reports: Iterable[PageReport] = (),
                    files: Iterable[str] | None = None) -> BuiltSite:
    """The site in `folder`; a build hands in the files it wrote and the pages it inspected."""
    return built_site(folder_reader(folder), set(files_under(folder) if files is None else files),
                       settings, reports)


def built_site(read: Callable[[str], bytes], files: set[str], settings: CheckSettings,
               reports: Iterable[PageReport]) -> BuiltSite:
    """The site whose files are `files`, read by `read`; pages without a report are inspected."""
    maker = ProblemMaker(settings)
    known = {report.path: report for report in reports}
    for path in sorted(f for f in files if f.endswith(".html") and f not in known):
        known[path] = inspect_page(path, read(path), maker)
    return BuiltSite(read, settings, files, dict(sorted(known.items())), maker)


def check_site(site: BuiltSite) -> list[Problem]:
    """The page rules' findings and every site-wide check, with the level set per check, in
    the order of the report: by check, then as each check found them. Links are found in two
    passes (the form on the page, the target site-wide), so they are put back in page order."""
    settings = site.settings
    found = [f for report in site.reports.values() for f in report.found]
    for _, check in REGISTRY:
        found += check(site)
    if settings.external is not None:
        found += (Found("external", 0, p) for p in check_external(site, settings.external))
    rank = {name: index for index, name in enumerate(CHECK_NAMES)}

    def report_order(index: int) -> tuple:
        item = found[index]
        return (rank[item.check], item.problem.path, item.order) if item.check == "links" \
            else (rank[item.check], index)

    problems = []
    for item in (found[index] for index in sorted(range(len(found)), key=report_order)):
        level = settings.severities.get(item.check)
        if level == CheckLevel.OFF:
            continue
        problems.append(replace(item.problem, severity=Severity(level)) if level else item.problem)
    return problems


def run_checks(folder: Path, settings: CheckSettings) -> list[Problem]:
    """Run every check over a built `folder`."""
    return check_site(load_built_site(folder, settings))
