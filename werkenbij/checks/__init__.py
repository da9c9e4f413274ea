"""Checks over a built site: each check is a small function in an explicit registry.

Every HTML page is parsed once (beautifulsoup4 + lxml) into a `BuiltSite`; a check reads it
and yields `Problem` values. Nothing here prints: the reporter does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..problems import Problem
from .links import check_css_urls, check_links
from .site import BuiltSite, load_built_site
from .structure import check_reachable, check_structure, check_titles_unique

Check = Callable[[BuiltSite], Iterator[Problem]]

# The order here is the order of the report. Add a check by adding a line.
REGISTRY: tuple[tuple[str, Check], ...] = (
    ("links", check_links),
    ("css", check_css_urls),
    ("structure", check_structure),
    ("titles", check_titles_unique),
    ("reachable", check_reachable),
)


def run_checks(folder, base_path: str, sources: dict[str, str], shown_as: str) -> list[Problem]:
    """Run every registered check over `folder`; paths in the report start with `shown_as`."""
    site = load_built_site(folder, base_path, sources, shown_as)
    return [problem for name, check in REGISTRY for problem in check(site)]
