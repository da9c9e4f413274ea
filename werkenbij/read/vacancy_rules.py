"""Rules across the fields of a vacancy, and across vacancies: dates in order, aliases that
name no other address, blocks that exist."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from slugify import slugify

from ..models import Vacancy, vacancy_path
from ..policy import RESERVED_VACANCY_SLUGS
from ..problems import Problem, Severity
from ..schedule import VacancyState
from .fields import Fields


def check_date_order(f: Fields, values: dict) -> None:
    """published ≤ closes ≤ the first dated step, and dated steps in order."""
    published, closes = values["published"], values["closes"]
    closes = closes or published  # without closes, steps still come after publication
    if published and closes and closes < published:
        f.problem("closes", f"'closes' ({closes}) ligt vóór 'published' ({published}).",
                  "Een vacature sluit na de dag waarop ze gepubliceerd wordt.")
    previous = None
    for index, step in enumerate(values["procedure"] or ()):
        if step.date is None:
            continue
        key = ("procedure", index, "date")
        if closes and step.date < closes:
            what = "de sluitdatum" if values["closes"] else "de publicatiedatum"
            problem_at(f, key, f"Stap {index + 1} ({step.date}) valt vóór {what} ({closes}).",
                        "Een stap van de selectie volgt op die datum; controleer beide data.")
        if previous and step.date < previous:
            problem_at(f, key, f"Stap {index + 1} ({step.date}) valt vóór de vorige stap "
                        f"({previous}).", "Zet de stappen in de volgorde waarin ze plaatsvinden.")
        previous = step.date
    start, end = values["start_date"], values["end_date"]
    if start and end and end < start:
        f.problem("end_date", f"'end_date' ({end}) ligt vóór 'start_date' ({start}).",
                  "De werkperiode eindigt na de dag waarop ze begint.")
    if end and values["closes"] and values["closes"] > end:
        f.problem("closes", f"'closes' ({values['closes']}) ligt na het einde van de werkperiode "
                  f"('end_date', {end}).", "Na het einde van de job kan niemand nog solliciteren; "
                  "controleer beide data.")


FAR = timedelta(days=400)  # a year typed wrong lands at least a year off


def check_plausible_dates(f: Fields, vacancy: Vacancy, today: date) -> list[Problem]:
    """Warnings for a year typed wrong (2062 for 2026): a date far from the vacancy's own posting
    day (or its earliest date), or more than a year after the build date. The end of a work
    period may lie further on; it is checked against its start."""
    dated = [(("published",), vacancy.published), (("closes",), vacancy.closes),
             (("start_date",), vacancy.start_date),
             *((("procedure", i, "date"), step.date) for i, step in enumerate(vacancy.procedure))]
    dated = [(key, day) for key, day in dated if day]
    if not dated:
        return []
    anchor = vacancy.published or min(day for _, day in dated)
    found = []
    for key, day in dated:
        if abs(day - anchor) > FAR or day - today > FAR:
            other = f"'published' ({anchor})" if vacancy.published else f"de vroegste datum ({anchor})"
            reason = other if abs(day - anchor) > FAR else f"vandaag ({today})"
            found.append(_warning(f, key, f"'{key[-1]}' ({day}) ligt meer dan een jaar van {reason}: "
                                  "is het jaartal juist?"))
    start = vacancy.start_date or anchor
    if vacancy.end_date and vacancy.end_date - start > 6 * FAR:
        found.append(_warning(f, ("end_date",), f"'end_date' ({vacancy.end_date}) ligt meer dan zes "
                              f"jaar na het begin ({start}): is het jaartal juist?"))
    return found


def _warning(f: Fields, key: tuple, message: str) -> Problem:
    line, column = f.doc.where(key)
    return Problem(f.path, line, column, message, "Controleer het jaartal; klopt de datum, dan "
                   "mag je deze waarschuwing negeren.", severity=Severity.WARNING)


def check_closing_known(f: Fields, values: dict) -> None:
    """A live vacancy says when it closes, so that none stays open by accident: a last day, an
    open-ended recruitment on purpose, a dated step, or a work period."""
    if values["closes"] or values["open_ended"] or values["start_date"] or \
            any(step.date for step in values["procedure"]):
        return
    f.problem(None, "De vacature zegt niet wanneer ze sluit, dus ze zou altijd open blijven.",
              "Voeg 'closes: JJJJ-MM-DD' toe (de laatste dag om te solliciteren), of "
              "'closes: doorlopend' als je altijd kandidaten zoekt.")


def check_open_has_posting_date(vacancy: Vacancy, state: VacancyState, today: date) -> list[Problem]:
    """An open vacancy needs its posting date: search engines show no vacancy without one."""
    if not state.is_open or vacancy.published or vacancy.published_unknown:
        return []
    return [Problem(vacancy.source.path, 1, 0, "De vacature is open maar heeft geen 'published': "
                    "zonder die datum tonen zoekmachines ze niet bij hun vacatures.",
                    f"Voeg 'published: {today.isoformat()}' toe met de dag waarop de vacature online "
                    "kwam. Weet niemand die dag nog? Schrijf dan 'published: onbekend'.")]


def problem_at(f: Fields, key: tuple, message: str, fix: str) -> None:
    line, column = f.doc.where(key)
    f.problems.append(Problem(f.path, line, column, message, fix))


MAX_SLUG = 100  # a web address, and a folder in output/: file systems stop at 255 bytes


def read_aliases(f: Fields, slug: str) -> tuple[str, ...]:
    """Old slugs; each must already be a slug (it is the old file name as it appears in links),
    and neither an address of the site itself nor this vacancy's own (`slug`)."""
    names = f.strings("aliases")
    for index, name in enumerate(names):
        if name in RESERVED_VACANCY_SLUGS:
            problem_at(f, ("aliases", index), f"De oude naam '{name}' is een adres van de site zelf "
                       f"({vacancy_path(name)}).", "Haal die naam uit 'aliases'.")
            continue
        if name == slug:
            problem_at(f, ("aliases", index), f"De oude naam '{name}' is het huidige adres van deze "
                       "vacature.", "Haal die naam uit 'aliases': alleen vroegere namen horen erbij.")
            continue
        if not name or len(name) > MAX_SLUG:
            problem_at(f, ("aliases", index), f"'{name[:40]}' is geen bruikbare oude naam ("
                        + ("leeg" if not name else f"{len(name)} tekens") + ").",
                        f"Schrijf de oude bestandsnaam zonder .md, van 1 tot {MAX_SLUG} tekens.")
        elif name != slugify(name):
            problem_at(f, ("aliases", index), f"'{name}' is geen webadres zoals de site het maakt.",
                        f"Schrijf de oude bestandsnaam zonder .md, in kleine letters: {slugify(name)}.")
    return tuple(names)


def check_addresses(vacancies: list[Vacancy]) -> list[Problem]:
    """Every slug and alias names one address: an alias may not take another vacancy's
    address or alias (what one file alone can tell is checked by read_aliases)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for vacancy in vacancies:
        owners[vacancy.slug].append(vacancy.source.path)
        for alias in vacancy.aliases:
            owners[alias].append(vacancy.source.path)
    problems = []
    for vacancy in vacancies:
        for alias, line in zip(vacancy.aliases, vacancy.alias_lines, strict=True):
            others = sorted(set(owners[alias]) - {vacancy.source.path})
            if others:
                problems.append(Problem(vacancy.source.path, line, 0,
                                        f"De oude naam '{alias}' in 'aliases' is al in gebruik door "
                                        f"{', '.join(others)}.",
                                        "Haal die naam uit 'aliases' of kies het juiste bestand."))
    return problems


def read_blocks(f: Fields, known: set[str]) -> tuple[str, ...]:
    names = f.strings("blocks")
    for index, name in enumerate(names):
        if name in names[:index]:  # shown twice, the page would hold every id of it twice
            problem_at(f, ("blocks", index), f"Het blok '{name}' staat twee keer in 'blocks'.",
                        "Haal de tweede vermelding weg.")
        elif name not in known:
            problem_at(f, ("blocks", index), f"Het blok '{name}' bestaat niet.",
                        "Kies uit: " + ", ".join(sorted(known)) + " (de bestanden in content/blocks/).")
    return tuple(names)
