"""Checks over a built site: each check is a small function in an explicit registry.

Every HTML page is parsed once (beautifulsoup4 + lxml) into a `BuiltSite`; a check reads it
and yields `Problem` values. Nothing here prints: the reporter does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ..problems import Problem, Severity
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


CHECK_NAMES = tuple(name for name, _ in REGISTRY)
SEVERITY_CHOICES = ("error", "warning", "off")


def run_checks(folder: Path, settings: CheckSettings) -> list[Problem]:
    """Run every registered check over `folder`, with the severity set per check."""
    site = load_built_site(folder, settings)
    problems = []
    for name, check in REGISTRY:
        chosen = settings.severities.get(name)
        if chosen == "off":
            continue
        for problem in check(site):
            problems.append(replace(problem, severity=Severity(chosen)) if chosen else problem)
    return problems
