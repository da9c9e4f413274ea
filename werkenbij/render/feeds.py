"""The data of the machine-readable companions: the Atom feed, vacatures.json and procedure.ics
(the sitemap, robots.txt and the feed's XML are templates, see SiteRenderer.companions).

All values come from the content and the build date, never from the clock or file times, so
the same input gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from ..models import SiteConfig, Vacancy
from ..schedule import VacancyState

Url = Callable[[str], str]
_NAMESPACE = uuid.UUID("5b0c3c1e-6d1f-4c55-9a55-2f3f6b9c8e10")  # fixed: ids must never change
PRODID = "-//Werken bij WSW//procedure//NL"


def stable_id(*parts: str) -> str:
    """An id that stays the same across builds and hosts (Atom ids, calendar UIDs)."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def updated_on(vacancy: Vacancy, today: date) -> date:
    """The date a feed reader sees: the posting date, or the build date when there is none."""
    return vacancy.published or today


def vacancies_json(items: list[tuple[Vacancy, VacancyState]], config: SiteConfig, absolute: Url,
                   today: date) -> bytes:
    """The open vacancies with their key facts, for reuse by other sites."""
    data = {
        "site": config.title,
        "built": today.isoformat(),
        "vacancies": [_vacancy_facts(vacancy, state, config, absolute) for vacancy, state in items],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _vacancy_facts(vacancy: Vacancy, state: VacancyState, config: SiteConfig, absolute: Url) -> dict:
    location = vacancy.location
    return {
        "id": vacancy.slug,
        "url": absolute(vacancy.path),
        "title": vacancy.title,
        "team": vacancy.team,
        "unit": vacancy.unit or None,
        "grade": vacancy.grade,
        "hours_per_week": vacancy.hours_per_week,
        "full_time": config.is_full_time(vacancy.hours_per_week),
        "contract": vacancy.contract,
        "summary": vacancy.summary,
        "location": {"name": location.name, "street": location.street,
                     "postal_code": location.postal_code, "city": location.city},
        "published": vacancy.published.isoformat() if vacancy.published else None,
        "closes": vacancy.closes.isoformat() if vacancy.closes else None,
        "selection_starts": state.selection_starts.isoformat() if state.selection_starts else None,
        "apply_url": vacancy.apply_url or None,
        "contact": {"name": vacancy.contact.name or None, "email": vacancy.contact.email,
                    "phone": vacancy.contact.phone or None},
    }


def procedure_calendar(vacancy: Vacancy, page_url: str, today: date) -> bytes | None:
    """One all-day event per dated step (RFC 5545); None when no step has a date."""
    dated = [step for step in vacancy.procedure if step.date]
    if not dated:
        return None
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Selectieprocedure {vacancy.title}")
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    for step in dated:
        event = Event()
        # Keyed on the step's title, not its position: adding a step must not renumber the
        # others, or calendars that imported the file would get every event twice.
        event.add("uid", f"{stable_id('procedure', vacancy.slug, step.title)}@werkenbij-wsw")
        event.add("dtstamp", stamp)
        event.add("dtstart", step.date)
        event.add("dtend", step.date + timedelta(days=1))
        event.add("summary", f"{step.title} ({vacancy.title})")
        event.add("description", _step_description(step, page_url))
        if "://" in page_url:  # RFC 5545 wants a full URI; a path-only build has none
            event.add("url", page_url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _step_description(step, page_url: str) -> str:
    lines = []
    if step.tentative:
        lines.append("Onder voorbehoud: deze datum kan nog veranderen.")
    if step.mode:
        lines.append(f"Hoe: {step.mode}")
    if step.duration:
        lines.append(f"Duur: {step.duration}")
    if step.eliminating:
        lines.append("Eliminerend: je moet slagen om verder te gaan.")
    if step.pass_mark:
        lines.append(f"Slagen: minstens {step.pass_mark}")
    if "://" in page_url:
        lines.append(f"Meer uitleg: {page_url}")
    return "\n".join(lines)
