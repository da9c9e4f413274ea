"""Rules across the fields of a vacancy, and across vacancies: dates in order, aliases that
name no other address, blocks that exist."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import NamedTuple

from slugify import slugify

from ..policy import RESERVED_VACANCY_SLUGS
from ..problems import Problem, Severity
from ..schedule import VacancyState, dates_of
from ..vacancy import Vacancy, vacancy_path
from ..vacancy.keys import Top
from .fields import Fields
from .meanings import said


def check_date_order(f: Fields, vacancy: Vacancy) -> None:
    """published ≤ closes ≤ the first dated step, and dated steps in order."""
    published, closes = vacancy.published, vacancy.closes
    closes = closes or published  # without closes, steps still come after publication
    if published and closes and closes < published:
        f.problem(Top.CLOSES, f"{said(Top.CLOSES, closes)} ligt vóór {said(Top.PUBLISHED, published)}.",
                  "Een vacature sluit na de dag waarop ze gepubliceerd wordt.")
    previous = None
    for index, step in enumerate(vacancy.procedure):
        if step.date is None:
            continue
        key = (Top.PROCEDURE, index, "date")
        if closes and step.date < closes:
            what = "de sluitdatum" if vacancy.closes else "de publicatiedatum"
            problem_at(f, key, f"Stap {index + 1} ({step.date}) valt vóór {what} ({closes}).",
                        "Een stap van de selectie volgt op die datum; controleer beide data.")
        if previous and step.date < previous:
            problem_at(f, key, f"Stap {index + 1} ({step.date}) valt vóór de vorige stap "
                        f"({previous}).", "Zet de stappen in de volgorde waarin ze plaatsvinden.")
        previous = step.date
    start, end = vacancy.start_date, vacancy.end_date
    if start and end and end < start:
        f.problem("end_date", f"{said('end_date', end)} ligt vóór {said('start_date', start)}.",
                  "De werkperiode eindigt na de dag waarop ze begint.")
    if end and vacancy.closes and vacancy.closes > end:
        f.problem(Top.CLOSES, f"{said(Top.CLOSES, vacancy.closes)} ligt na het einde van de "
                  f"werkperiode: {said('end_date', end)}.",
                  "Na het einde van de job kan niemand nog solliciteren; controleer beide data.")


FAR = timedelta(days=400)  # a year typed wrong lands at least a year off


def check_plausible_dates(f: Fields, vacancy: Vacancy, today: date) -> list[Problem]:
    """Warnings for a year typed wrong (2062 for 2026): a date far from the vacancy's own posting
    day (or its earliest date), or more than a year after the build date. The end of a work
    period may lie further on; it is checked against its start."""
    dated = [((Top.PUBLISHED,), vacancy.published), ((Top.CLOSES,), vacancy.closes),
             (("start_date",), vacancy.start_date),
             *(((Top.PROCEDURE, i, "date"), step.date) for i, step in enumerate(vacancy.procedure))]
    dated = [(key, day) for key, day in dated if day]
    if not dated:
        return []
    anchor = vacancy.published or min(day for _, day in dated)
    found = []
    for key, day in dated:
        if abs(day - anchor) > FAR or day - today > FAR:
            other = said(Top.PUBLISHED, anchor) if vacancy.published else f"de vroegste datum ({anchor})"
            reason = other if abs(day - anchor) > FAR else f"vandaag ({today})"
            found.append(_warning(f, key, f"{said(key, day)} ligt meer dan een jaar van {reason}: "
                                  "is het jaartal juist?"))
    start = vacancy.start_date or anchor
    if vacancy.end_date and vacancy.end_date - start > 6 * FAR:
        found.append(_warning(f, ("end_date",), f"{said('end_date', vacancy.end_date)} ligt meer dan zes "
                              f"jaar na het begin ({start}): is het jaartal juist?"))
    return found


def _warning(f: Fields, key: tuple, message: str) -> Problem:
    line, column = f.doc.where(key)
    return Problem(f.path, line, column, message, "Controleer het jaartal; klopt de datum, dan "
                   "mag je deze waarschuwing negeren.", severity=Severity.WARNING, key=key)


def check_closing_known(f: Fields, vacancy: Vacancy) -> None:
    """A live vacancy says when it closes, so that none stays open by accident (a last day,
    open-ended recruitment on purpose, a dated step, or a work period); and it does not close
    before it is published. Skipped when 'closes' itself was written wrong (said already)."""
    if f.data.get(Top.CLOSES) is not None and not (vacancy.closes or vacancy.open_ended):
        return
    state = dates_of(vacancy)
    if state.ends_by is None and not vacancy.open_ended:
        f.problem(None, "De vacature zegt niet wanneer ze sluit, dus ze zou altijd open blijven.",
                  "Voeg 'closes: JJJJ-MM-DD' toe (de laatste dag om te solliciteren), of "
                  "'closes: doorlopend' als je altijd kandidaten zoekt.")
    elif state.last_day and vacancy.published and state.last_day < vacancy.published \
            and not vacancy.closes:  # a written 'closes' is compared in check_date_order
        kind, day = state.ends_by
        key = {"end": ("end_date",), "work": ("start_date",)}.get(kind, (Top.PROCEDURE,))
        problem_at(f, key, f"De vacature sluit op {state.last_day}, vóór ze gepubliceerd wordt: "
                   f"{said(Top.PUBLISHED, vacancy.published)}.", "Controleer beide data: een vacature sluit "
                   "na de dag waarop ze online komt.")
    if vacancy.closes and vacancy.start_date and vacancy.closes >= vacancy.start_date:
        f.problems.append(Problem(f.path, *f.doc.where((Top.CLOSES,)),
                                  f"{said(Top.CLOSES, vacancy.closes)} ligt niet vóór "
                                  f"{said('start_date', vacancy.start_date)}.",
                                  "Kandidaten solliciteren meestal vóór de job begint; controleer "
                                  "beide data.", severity=Severity.WARNING, key=(Top.CLOSES,)))


def check_open_has_posting_date(vacancy: Vacancy, state: VacancyState, today: date) -> list[Problem]:
    """An open vacancy needs its posting date: search engines show no vacancy without one."""
    if not state.is_open or vacancy.published or vacancy.published_unknown:
        return []
    return [Problem(vacancy.source.path, 1, 0, f"De vacature is open maar heeft geen {said(Top.PUBLISHED)}: "
                    "zonder die datum tonen zoekmachines ze niet bij hun vacatures.",
                    f"Voeg 'published: {today.isoformat()}' toe met de dag waarop de vacature online "
                    "kwam. Weet niemand die dag nog? Schrijf dan 'published: onbekend'.")]


def check_way_to_apply(f: Fields, vacancy: Vacancy, state: VacancyState) -> list[Problem]:
    """A warning for an open vacancy that is a dead end: no way to apply (online, by e-mail,
    by post or by hand) and no contact to ask. The site's general contact is already part of
    `vacancy.contact` for the site's own vacancies, never for another employer's. Shown at
    'apply' or 'contact' when written (that is where the fix goes), else at the title."""
    a, c = vacancy.apply, vacancy.contact
    if not state.is_open or a.url or a.email or a.post or a.in_person or c.email or c.phone:
        return []
    key = next((k for k in (Top.APPLY, Top.APPLY_URL, Top.CONTACT) if k in f.data), Top.TITLE)
    line, column = f.doc.where_key((key,))
    other = f" De algemene contactgegevens van de site gelden niet voor {vacancy.employer.name}." \
        if vacancy.employer else ""
    return [Problem(f.path, line, column, "De vacature is open, maar zegt niet hoe je solliciteert en "
                    "noemt niemand om het te vragen: kandidaten lopen hier vast." + other,
                    "Zet onder 'apply:' hoe je solliciteert: 'url' (online), 'email', 'post' of "
                    "'in_person' (zelf afgeven). Of zet onder 'contact:' een 'email' of 'phone' van "
                    "wie kandidaten kunnen bellen of mailen. Verzin niets: staat het niet in de "
                    "vacature, vraag het dan aan de werkgever.",
                    severity=Severity.WARNING, key=(key,))]


def problem_at(f: Fields, key: tuple, message: str, fix: str) -> None:
    line, column = f.doc.where(key)
    f.problems.append(Problem(f.path, line, column, message, fix, key=key))


MAX_SLUG = 100  # a web address, and a folder in output/: file systems stop at 255 bytes


class Addresses(NamedTuple):
    """The addresses a vacancy file claims, known also when the file has other mistakes: its
    own (`slug`, from the file name) and its old names (`aliases`: name, line and column of
    each that read_aliases let through)."""

    path: str
    slug: str
    aliases: tuple[tuple[str, int, int], ...] = ()


def read_aliases(f: Fields, slug: str) -> tuple[tuple[str, int, int], ...]:
    """Old slugs, each with its line and column; each must already be a slug (it is the old
    file name as it appears in links), and neither an address of the site itself nor this
    vacancy's own (`slug`). Only the names without such a mistake are returned: the others
    fail the build already."""
    # f.strings names a list of the wrong shape and each empty item; the names are judged here
    # by their place in the list as written, so that each problem is told at its own line.
    written = f.data["aliases"] if f.strings("aliases") else []
    good = []
    for index, name in enumerate(item.strip() for item in written):
        if not name:
            continue
        if name in RESERVED_VACANCY_SLUGS:
            problem_at(f, ("aliases", index), f"De oude naam '{name}' is een adres van de site zelf "
                       f"({vacancy_path(name)}).", "Haal die naam uit 'aliases'.")
        elif name == slug:
            problem_at(f, ("aliases", index), f"De oude naam '{name}' is het huidige adres van deze "
                       "vacature.", "Haal die naam uit 'aliases': alleen vroegere namen horen erbij.")
        elif len(name) > MAX_SLUG:
            problem_at(f, ("aliases", index), f"'{name[:40]}' is geen bruikbare oude naam "
                       f"({len(name)} tekens).",
                       f"Schrijf de oude bestandsnaam zonder .md, van 1 tot {MAX_SLUG} tekens.")
        elif name != slugify(name):
            problem_at(f, ("aliases", index), f"'{name}' is geen webadres zoals de site het maakt.",
                        f"Schrijf de oude bestandsnaam zonder .md, in kleine letters: {slugify(name)}.")
        else:
            good.append((name, *f.doc.where(("aliases", index))))
    return tuple(good)


def check_addresses(files: list[Addresses]) -> list[Problem]:
    """Every slug and alias names one address: an alias may not take another vacancy's
    address or alias (what one file alone can tell is checked by read_aliases). Judged over
    every vacancy file, also those with other mistakes, so that an editor sees this mistake
    in the same round as the others."""
    owners: dict[str, list[str]] = defaultdict(list)
    for file in files:
        owners[file.slug].append(file.path)
        for alias, _, _ in file.aliases:
            owners[alias].append(file.path)
    problems = []
    for file in files:
        for alias, line, column in file.aliases:
            others = sorted(set(owners[alias]) - {file.path})
            if others:
                problems.append(Problem(file.path, line, column,
                                        f"De oude naam '{alias}' in 'aliases' is al in gebruik door "
                                        f"{', '.join(others)}.",
                                        "Haal die naam uit 'aliases' of kies het juiste bestand."))
    return problems


def check_titles_apart(vacancies: list[Vacancy]) -> list[Problem]:
    """Two live vacancies with the same title and unit may not be on the site at the same time:
    their pages would share a <title> (the build's own check fails on it). Judged from the
    files, not the build date, so that a scheduled repost fails when it is written, not on
    the night it comes online; closed ones differ by the day they closed."""
    found = []
    alike: dict[tuple[str, str], list[Vacancy]] = defaultdict(list)
    for vacancy in sorted((v for v in vacancies if not v.draft), key=lambda v: v.source.path):
        alike[(vacancy.title, vacancy.part_of)].append(vacancy)
    pairs = [(one, other) for group in alike.values()
             for i, one in enumerate(group) for other in group[i + 1:]]
    for one, other in pairs:
        (one_from, one_to), (other_from, other_to) = _shown_between(one), _shown_between(other)
        if one_from <= other_to and other_from <= one_to:
            for vacancy, twin in ((one, other), (other, one)):
                found.append(Problem(
                    vacancy.source.path, vacancy.title_line, 0,
                    f"{twin.source.path} heeft dezelfde titel en dienst ('{vacancy.title}') en "
                    "staat op dezelfde dagen open; bezoekers kunnen ze niet uit elkaar houden.",
                    "Zet in 'unit' wat ze onderscheidt, of laat de ene sluiten vóór de andere "
                    "online komt ('closes' en 'published')."))
    return found


def _shown_between(vacancy: Vacancy) -> tuple[date, date]:
    """From its posting day (or always) until its last day (or for ever)."""
    return vacancy.published or date.min, dates_of(vacancy).last_day or date.max


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
