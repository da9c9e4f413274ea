"""The data of the machine-readable companions: the Atom feeds (all open vacancies, and one per
team, place and kind of contract: `Selection`), vacatures.json and procedure.ics (the sitemap,
robots.txt and the feeds' XML are templates, see SiteRenderer.companions).

All values come from the content and the build date, never from the clock or file times, so
the same input gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event
from slugify import slugify

from ..models import SiteConfig
from ..schedule import BRUSSELS, VacancyState
from ..vacancy import Vacancy
from ..vacancy.contract import contract_label, contracts_label
from ..vacancy.hours import WorkTime, hours_amount, work_times
from ..vacancy.place import towns
from ..vacancy.salary import PER, Salary, paid_amounts
from ..vacancy.words import json_number
from .structured import employment_types

Url = Callable[[str], str]
_NAMESPACE = uuid.UUID("5b0c3c1e-6d1f-4c55-9a55-2f3f6b9c8e10")  # fixed: ids must never change
PRODID = "-//Werken bij WSW//procedure//NL"


def stable_id(*parts: str) -> str:
    """An id that stays the same across builds and hosts (Atom ids, calendar UIDs)."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def updated_on(vacancy: Vacancy, today: date) -> date:
    """The date a feed reader sees: the posting date. Only a draft previewed with --drafts has
    none (a live open vacancy must have one); it gets the build date."""
    return vacancy.published or today


@dataclass(frozen=True, order=True)
class Selection:
    """One choice a job seeker can follow: a team, a place or a kind of contract, with its own
    Atom feed. Its address depends on the choice alone (a vacancy page names it without knowing
    the others); two spellings that make the same address share one feed."""

    order: int
    path: str   # 'feeds/plaats/kortrijk.xml', from the site's root
    title: str  # 'Vacatures in Kortrijk'
    label: str  # 'Kortrijk': what the list offers under its kind


# kind in the address, its heading on the list, and the feed's title for a value
SELECTION_KINDS = (("team", "Per team", "Vacatures van team {}"),
                   ("plaats", "Per plaats", "Vacatures in {}"),
                   ("contract", "Per soort contract", "Vacatures voor een {}"))


def selections_of(vacancy: Vacancy) -> list[Selection]:
    """The team, the places (as the list's place filter names them) and the contract kinds."""
    values = ((vacancy.team,) if vacancy.team else (), towns(vacancy.locations),
              tuple(category.value for category in vacancy.contract_categories))
    return [Selection(order, f"feeds/{kind}/{slugify(value)}.xml", title.format(value),
                      value[:1].upper() + value[1:])
            for order, ((kind, _, title), found) in enumerate(zip(SELECTION_KINDS, values, strict=True))
            for value in found if slugify(value)]


def selections(vacancies: Iterable[Vacancy]) -> list[Selection]:
    """Every selection of these vacancies once, by kind and address."""
    found: dict[str, Selection] = {}
    for selection in sorted(s for vacancy in vacancies for s in selections_of(vacancy)):
        found.setdefault(selection.path, selection)
    return sorted(found.values())


def selection_groups(vacancies: Iterable[Vacancy]) -> list[tuple[str, str, list[Selection]]]:
    """(kind, heading, selections) per kind that has any: what the list offers to follow."""
    chosen = selections(vacancies)
    groups = [(kind, heading, [s for s in chosen if s.order == order])
              for order, (kind, heading, _) in enumerate(SELECTION_KINDS)]
    return [group for group in groups if group[2]]


def vacancies_json(items: list[tuple[Vacancy, VacancyState]], config: SiteConfig, absolute: Url,
                   today: date) -> bytes:
    """The open vacancies with their key facts, for reuse by other sites."""
    data = {
        "site": config.title,
        "built": today.isoformat(),
        "vacancies": [_vacancy_facts(vacancy, state, config, absolute) for vacancy, state in items],
    }
    # One line: with `indent`, json falls back from its C encoder to Python (ten times slower
    # for 5,000 vacancies); readers parse it anyway.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def _vacancy_facts(vacancy: Vacancy, state: VacancyState, config: SiteConfig, absolute: Url) -> dict:
    """Every fact the vacancy page states, as data: None (or an empty list) where the posting
    does not say."""
    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    amount = json_number

    hours, r, a = vacancy.hours, vacancy.requirements, vacancy.apply
    kinds = work_times(hours, config.full_time_hours)
    return {
        "id": vacancy.slug,
        "url": absolute(vacancy.path),
        "title": vacancy.title,
        "employer": vacancy.employer.name if vacancy.employer else config.organisation.name,
        "team": vacancy.team or None,
        "unit": vacancy.unit or None,
        "grades": list(vacancy.grades),
        "hours": None if hours is None else {
            "text": hours_amount(hours) or None, "per_week_min": amount(hours.low),
            "per_week_max": amount(hours.high), "share_of_full_time": amount(hours.share),
            "full_week": amount(hours.full_week), "note": hours.note or None},
        "work_times": list(kinds),
        "employment_types": employment_types(vacancy, config),
        "contracts": [{"text": contract_label(c), "status": c.status or None,
                       "duration": c.duration or None, "months": c.months,
                       "category": c.category or None} for c in vacancy.contracts],
        "positions": vacancy.positions,
        "reference": vacancy.reference or None,
        "summary": vacancy.summary,
        "locations": [{"name": p.name or None, "street": p.street or None,
                       "postal_code": p.postal_code or None, "city": p.city or None,
                       "region": p.region or None, "note": p.note or None} for p in vacancy.locations],
        "telework": vacancy.telework or None,
        "start_date": day(vacancy.start_date),
        "end_date": day(vacancy.end_date),
        "salaries": [{
            "scale": salary.scale or None, "url": salary.url or None, "currency": "EUR",
            "period": PER, "gross_min": amount(salary.min), "gross_max": amount(salary.max),
            "for": None if salary.min is None and salary.max is None else
            "stated hours" if salary.for_hours else "full time", "note": salary.note or None,
            **_job_pay(salary)} for salary in vacancy.salaries],
        "requirements": None if r is None else {
            "diploma": r.diploma or None, "diploma_level": r.diploma_level or None,
            "experience_months": r.experience_months, "experience": r.experience or None,
            "driving_licence": r.driving_licence or None,
            "driving_licence_required": r.driving_licence_required if r.driving_licence else None,
            "final_year_students": r.final_year_students, "other": list(r.other)},
        "apply": {"url": a.url or None, "email": a.email or None, "post": a.post or None,
                  "in_person": a.in_person or None, "in_person_hours": a.in_person_hours or None,
                  "documents": list(a.documents), "help": a.help or None, "note": a.note or None},
        "reserve": None if vacancy.reserve is None else {"years": vacancy.reserve.years,
                                                         "note": vacancy.reserve.note or None},
        "published": day(vacancy.published),
        "closes": day(vacancy.closes),
        "open_ended": vacancy.open_ended,
        "last_day": day(state.last_day),
        "selection_starts": day(state.selection_starts),
        "procedure": [{"title": step.title, "date": day(step.date), "time": step.time or None,
                       "place": step.place or None, "date_note": step.date_note or None,
                       "tentative": step.tentative, "eliminating": step.eliminating}
                      for step in vacancy.procedure],
        "pass_mark": vacancy.pass_mark or None,
        # Kept for readers of the first version of this file:
        "apply_url": a.url or None,
        "grade": " of ".join(vacancy.grades) or None,
        "hours_per_week": amount(hours.low) if hours and hours.low == hours.high else None,
        "full_time": {(WorkTime.FULL,): True, (WorkTime.PART,): False}.get(kinds),
        "contract": contracts_label(vacancy.contracts) or None,
        "location": {"name": vacancy.locations[0].name or None, "street": vacancy.locations[0].street or None,
                     "postal_code": vacancy.locations[0].postal_code or None,
                     "city": vacancy.locations[0].city or None} if vacancy.locations else None,
        "contact": {"name": vacancy.contact.name or None, "email": vacancy.contact.email or None,
                    "phone": vacancy.contact.phone or None},
    }


def _job_pay(salary: Salary) -> dict:
    """The pay for a part-time job's hours, as the page states it beside full-time amounts."""
    job = salary.job_hours
    if job is None:
        return {"job_hours": None, "job_gross_min": None, "job_gross_max": None}
    low, high = paid_amounts(salary)
    return {"job_hours": json_number(job.hours), "job_gross_min": json_number(low),
            "job_gross_max": json_number(high)}


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
    seen: dict[str, int] = {}
    for step in dated:
        event = Event()
        # Keyed on the step's title, not its position: adding a step must not renumber the
        # others, or calendars that imported the file would get every event twice. A second
        # step with the same title gets its own number (the first keeps the plain key).
        seen[step.title] = seen.get(step.title, 0) + 1
        key = step.title if seen[step.title] == 1 else f"{step.title}/{seen[step.title]}"
        event.add("uid", f"{stable_id('procedure', vacancy.slug, key)}@werkenbij-wsw")
        event.add("dtstamp", stamp)
        if step.time:  # a time of day: a timed event, else a whole day
            start, _, end = step.time.partition("-")
            event.add("dtstart", _at(step.date, start))
            if end:
                event.add("dtend", _at(step.date, end))
        else:
            event.add("dtstart", step.date)
            event.add("dtend", step.date + timedelta(days=1))
        if step.place:
            event.add("location", step.place)
        event.add("summary", f"{step.title} ({vacancy.title})")
        event.add("description", _step_description(step, page_url))
        if "://" in page_url:  # RFC 5545 wants a full URI; a path-only build has none
            event.add("url", page_url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _at(day: date, hhmm: str) -> datetime:
    """A time of day in Brussels, written in UTC: a TZID would need a VTIMEZONE block."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), BRUSSELS).astimezone(UTC)


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
    if step.date_note:
        lines.append(step.date_note[:1].upper() + step.date_note[1:])
    if step.text.strip():
        lines += ["", step.text.strip(), ""]
    if "://" in page_url:
        lines.append(f"Meer uitleg: {page_url}")
    return "\n".join(lines)
