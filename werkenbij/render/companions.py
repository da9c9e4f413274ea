"""The files beside the pages: sitemap.xml, robots.txt, feed.xml and vacatures.json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import OutputFile
from .feeds import stable_id, updated_on, vacancies_json

if TYPE_CHECKING:
    from .site import SiteRenderer, VacancyView


def companion_files(renderer: SiteRenderer, listed: list[str], views: list[VacancyView],
                    open_views: list[VacancyView]) -> list[OutputFile]:
    """`listed`: the pages the sitemap names, in its order."""
    env, absolute, today = renderer.env, renderer.absolute_url, renderer.today
    lastmod = {f"vacatures/{v.vacancy.slug}/index.html": v.vacancy.published for v in views}
    entries = [(absolute(path.removesuffix("index.html")), lastmod.get(path)) for path in listed]
    return [
        OutputFile("sitemap.xml", env.get_template("sitemap.xml").render(entries=entries).encode()),
        OutputFile("robots.txt", env.get_template("robots.txt").render(
            sitemap=absolute("sitemap.xml")).encode()),
        OutputFile("feed.xml", _feed(renderer, open_views).encode()),
        OutputFile("vacatures.json", vacancies_json([(v.vacancy, v.state) for v in open_views],
                                                    renderer.config, absolute, today)),
    ]


def _feed(renderer: SiteRenderer, open_views: list[VacancyView]) -> str:
    """Atom: newest first; `updated` comes from the content (see feeds.updated_on)."""
    today = renderer.today
    items = sorted(open_views, key=lambda v: (updated_on(v.vacancy, today), v.vacancy.slug),
                   reverse=True)
    entries = [(v, stable_id("vacature", v.vacancy.slug), updated_on(v.vacancy, today))
               for v in items]
    updated = max((day for _, _, day in entries), default=today)
    return renderer.env.get_template("feed.xml").render(
        entries=entries, updated=updated, feed_id=stable_id("feed"))
