"""Checks over a built site: each check is a small function in an explicit registry.

Every HTML page is parsed once (with lxml) into a `BuiltSite`; a check reads it and yields
`Problem` values. Nothing here prints: the reporter does. External links are fetched only
when the settings ask for it (`build.py --external`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ..problems import Problem, Severity
from .external import check_external
from .links import check_css_urls, check_links
from .site import BuiltSite, CheckSettings, load_built_site
from .sitemap import check_sitemap
from .structure import check_reachable, check_structure, check_titles_unique

Check = Callable[[BuiltSite], Iterator[Problem]]

# The order here is the order of the report. Add a check by adding a line.
REGISTRY: tuple[tuple[str, Check], ...] = (
    ("links", check_links),
    ("css", check_css_urls),
    ("structure", check_structure),
    ("titles", check_titles_unique),
    ("reachable", check_reachable),
    ("sitemap", check_sitemap),
)


CHECK_NAMES = tuple(name for name, _ in REGISTRY) + ("external",)
SEVERITY_CHOICES = ("error", "warning", "off")


def run_checks(folder: Path, settings: CheckSettings) -> list[Problem]:
    """Run every registered check over `folder`, with the severity set per check."""
    site = load_built_site(folder, settings)
    checks = list(REGISTRY)
    if settings.external is not None:
        checks.append(("external", lambda built: check_external(built, settings.external)))
    problems = []
    for name, check in checks:
        chosen = settings.severities.get(name)
        if chosen == "off":
            continue
        for problem in check(site):
            problems.append(replace(problem, severity=Severity(chosen)) if chosen else problem)
    return problems
