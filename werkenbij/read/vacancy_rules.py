"""Rules across the fields of a vacancy, and across vacancies: dates in order, aliases that
name no other address, blocks that exist."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from slugify import slugify

from ..models import Vacancy
from ..policy import RESERVED_VACANCY_SLUGS
from ..problems import Problem
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


def read_aliases(f: Fields) -> tuple[str, ...]:
    """Old slugs; each must already be a slug (it is the old file name as it appears in links)."""
    names = f.strings("aliases")
    for index, name in enumerate(names):
        if not name or len(name) > MAX_SLUG:
            problem_at(f, ("aliases", index), f"'{name[:40]}' is geen bruikbare oude naam ("
                        + ("leeg" if not name else f"{len(name)} tekens") + ").",
                        f"Schrijf de oude bestandsnaam zonder .md, van 1 tot {MAX_SLUG} tekens.")
        elif name != slugify(name):
            problem_at(f, ("aliases", index), f"'{name}' is geen webadres zoals de site het maakt.",
                        f"Schrijf de oude bestandsnaam zonder .md, in kleine letters: {slugify(name)}.")
    return tuple(names)


def check_addresses(vacancies: list[Vacancy]) -> list[Problem]:
    """Every slug and alias names one address; an alias may not take a vacancy's own."""
    owners: dict[str, list[str]] = defaultdict(list)
    for vacancy in vacancies:
        owners[vacancy.slug].append(vacancy.source.path)
        for alias in vacancy.aliases:
            owners[alias].append(vacancy.source.path)
    problems = []
    for vacancy in vacancies:
        for alias in vacancy.aliases:
            others = sorted(set(owners[alias]) - {vacancy.source.path})
            if alias in RESERVED_VACANCY_SLUGS or others or alias == vacancy.slug:
                taken = ", ".join(others) if others else "de site zelf"
                problems.append(Problem(vacancy.source.path, 0, 0,
                                        f"De oude naam '{alias}' in 'aliases' is al in gebruik door {taken}.",
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
