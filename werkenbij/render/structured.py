"""Structured data (JSON-LD) for search engines, built only from what the page itself shows.

Google's JobPosting guidelines forbid data that the visitor cannot see, so every value here
has a visible counterpart in the templates. A closed vacancy gets no JobPosting at all; an
open one always has a posting date (the build refuses it without one) unless the editor wrote
that the day is lost (published: onbekend).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from ..models import SiteConfig
from ..schedule import VacancyState, closing_moment
from ..vacancy import Vacancy
from ..vacancy.contract import Status
from ..vacancy.hours import WorkTime, hours_amount, work_times
from ..vacancy.place import Place
from ..vacancy.requirements import CREDENTIALS
from ..vacancy.salary import PER, salary_range

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


def has_job_posting(vacancy: Vacancy, state: VacancyState) -> bool:
    """Open, live, with a posting date and a place to work: Google requires both, and a
    workplace is never guessed (the employer's address is not where one works; working fully
    from home would need a country of residence that the vacancy does not give)."""
    return state.is_open and not vacancy.draft and vacancy.published is not None and \
        bool(vacancy.locations)


def job_posting(vacancy: Vacancy, state: VacancyState, description: str, config: SiteConfig,
                absolute: Url) -> dict | None:
    """The JobPosting of an open vacancy with a posting date; None otherwise. A property is
    only given when the page states its fact (Google's rule, tested per fixture)."""
    if not has_job_posting(vacancy, state):
        return None
    employer = vacancy.employer
    organisation = {"@type": "Organization", "name": employer.name if employer else config.organisation.name}
    if (employer.url if employer else config.organisation.url):
        organisation["sameAs"] = employer.url if employer else config.organisation.url
    if employer and employer.address:
        organisation["address"] = _address(employer.address)
    data = {
        "@context": "https://schema.org", "@type": "JobPosting",
        "title": vacancy.title,
        "description": description,
        "datePosted": vacancy.published.isoformat(),
        "hiringOrganization": organisation,
        "identifier": {"@type": "PropertyValue", "name": organisation["name"],
                       "value": vacancy.reference or vacancy.slug},
        "directApply": False,  # applying happens elsewhere (a form, mail, post), not on this page
        "url": absolute(vacancy.path),
    }
    places = [_place(p) for p in vacancy.locations]
    if places:
        data["jobLocation"] = places if len(places) > 1 else places[0]
    if vacancy.telework == "volledig":  # with a workplace: Google asks no country of residence
        data["jobLocationType"] = "TELECOMMUTE"
    if types := employment_types(vacancy, config):
        data["employmentType"] = types if len(types) > 1 else types[0]
    if vacancy.hours and hours_amount(vacancy.hours):
        data["workHours"] = hours_amount(vacancy.hours)
    if vacancy.positions:
        data["totalJobOpenings"] = vacancy.positions
    if vacancy.start_date:
        data["jobStartDate"] = vacancy.start_date.isoformat()
    if vacancy.closes is not None:
        data["validThrough"] = closing_moment(vacancy.closes).isoformat()
    if amounts := salary_range(vacancy.salaries):
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR",
                              "value": {"@type": "QuantitativeValue", "unitText": PER.upper(), **amounts}}
    data.update(_requirements(vacancy))
    return data


def _requirements(vacancy: Vacancy) -> dict:
    r = vacancy.requirements
    if r is None:
        return {}
    data: dict = {}
    if r.diploma_level == "geen":
        data["educationRequirements"] = "no requirements"
    elif r.diploma_level in CREDENTIALS:
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential",
                                         "credentialCategory": CREDENTIALS[r.diploma_level]}
    if r.experience_months == 0:
        data["experienceRequirements"] = "no requirements"
    elif r.experience_months:
        data["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements",
                                          "monthsOfExperience": r.experience_months}
    return data


def _address(place: Place) -> dict:
    fields = (("streetAddress", place.street), ("postalCode", place.postal_code),
              ("addressLocality", place.city), ("addressRegion", place.region))
    return {"@type": "PostalAddress", **{key: value for key, value in fields if value},
            "addressCountry": "BE"}


def _place(place: Place) -> dict:
    data = {"@type": "Place", "address": _address(place)}
    if place.name:
        data["name"] = place.name
    return data


def employment_types(vacancy: Vacancy, config: SiteConfig) -> list[str]:
    """schema.org's employmentType values, from the hours and the contracts."""
    kinds = work_times(vacancy.hours, config.full_time_hours)
    types = [{WorkTime.FULL: "FULL_TIME", WorkTime.PART: "PART_TIME"}[k] for k in kinds]
    if any(c.temporary for c in vacancy.contracts):
        types.append("TEMPORARY")
    if any(c.status == Status.TRAINEESHIP for c in vacancy.contracts):
        types.append("INTERN")
    return types
