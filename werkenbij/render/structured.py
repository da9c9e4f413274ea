"""Structured data (JSON-LD) for search engines, built only from what the page itself shows.

Google's JobPosting guidelines forbid data that the visitor cannot see, so every value here
has a visible counterpart in the templates. A closed vacancy, or one without a posting date,
gets no JobPosting at all (the editor is warned about the missing date, see advice.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from ..models import SiteConfig, Vacancy
from ..schedule import VacancyState, closing_moment

Url = Callable[[str], str]


def json_ld(data: dict) -> Markup:
    """JSON for inside <script type="application/ld+json">: `<`, `>` and `&` are escaped as
    \\u003c … so content can never close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def organization(config: SiteConfig) -> dict:
    org = config.organisation
    return {"@context": "https://schema.org", "@type": "GovernmentOrganization",
            "name": org.name, "url": org.url,
            "department": {"@type": "Organization", "name": f"{org.team} ({org.team_short})"}}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """`trail`: (name, absolute URL) pairs from the home page to this page."""
    return {"@context": "https://schema.org", "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": number, "name": name, "item": url}
                                for number, (name, url) in enumerate(trail, start=1)]}


def job_posting(vacancy: Vacancy, state: VacancyState, description: str, config: SiteConfig,
                absolute: Url) -> dict | None:
    """The JobPosting of an open vacancy with a posting date; None otherwise."""
    if not state.is_open or vacancy.published is None:
        return None
    location = vacancy.location
    data = {
        "@context": "https://schema.org", "@type": "JobPosting",
        "title": vacancy.title,
        "description": description,
        "datePosted": vacancy.published.isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": config.organisation.name,
                               "sameAs": config.organisation.url},
        "jobLocation": {"@type": "Place", "name": location.name, "address": {
            "@type": "PostalAddress", "streetAddress": location.street,
            "postalCode": location.postal_code, "addressLocality": location.city,
            "addressCountry": "BE"}},
        "employmentType": "FULL_TIME" if config.is_full_time(vacancy.hours_per_week) else "PART_TIME",
        "identifier": {"@type": "PropertyValue", "name": config.organisation.name,
                       "value": vacancy.slug},
        "directApply": False,  # applying happens elsewhere (a form or by mail), not on this page
        "url": absolute(vacancy.path),
    }
    if vacancy.closes is not None:
        data["validThrough"] = closing_moment(vacancy.closes).isoformat()
    return data
