"""The parts of a vacancy that real postings write in many ways: hours, workplaces, the
employer, contracts, salary amounts, requirements, how to apply and the recruitment reserve.

Each reader takes the vacancy's `Fields`, reports every mistake with its line and a fix, and
returns the model value (or None / an empty tuple when the part is absent or wrong).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..problems import Problem, Severity
from ..vacancy.apply import Apply, Reserve
from ..vacancy.contract import CONTRACT_DURATIONS, CONTRACT_STATUSES, Contract
from ..vacancy.hours import WORK_TIMES, Hours
from ..vacancy.keys import Top, keys_in
from ..vacancy.place import TELEWORK, Employer, Place
from ..vacancy.requirements import DIPLOMA_LEVELS, Requirements
from ..vacancy.salary import Salary
from .fields import Fields, collect
from .meanings import said

PLACE_KEYS = keys_in(Top.LOCATION)
EMPLOYER_KEYS = keys_in(Top.EMPLOYER)
CONTRACT_KEYS = keys_in(Top.CONTRACT)
SALARY_KEYS = keys_in(Top.SALARY)
REQUIREMENT_KEYS = keys_in(Top.REQUIREMENTS)
APPLY_KEYS = keys_in(Top.APPLY)
RESERVE_KEYS = keys_in(Top.RESERVE)

_NUMBER = r"[0-9]{1,2}(?:[.,][0-9]{1,2})?"
_HOURS = re.compile(rf"(?P<low>{_NUMBER})(?:\s*(?:-|–|tot)\s*(?P<high>{_NUMBER}))?"
                    rf"(?:\s*/\s*(?P<full>{_NUMBER}))?")
_SHARE = re.compile(r"(?P<share>[0-9]{1,3}(?:[.,][0-9]{1,2})?)\s*%")
_AMOUNT = re.compile(r"(?:€\s*)?(?P<amount>[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]{1,2})?"
                     r"|[0-9]+(?:[.,][0-9]{1,2})?)(?:\s*(?:€|euro|EUR))?", re.I)
MAX_HOURS = Decimal(60)


def decimal_of(text: str) -> Decimal:
    """'28,5' and '28.5' → Decimal('28.5')."""
    return Decimal(text.replace(",", "."))


# -- hours -------------------------------------------------------------------------------------

def read_hours(f: Fields) -> Hours | None:
    """`hours_per_week`: 38, 28,5, 25,34/38, 20%, 19-25, voltijds, deeltijds or "voltijds of
    deeltijds"; `hours_note` says what the numbers cannot. Both may be left out."""
    value, note = f.text(Top.HOURS_PER_WEEK, kind="een aantal uren"), f.text("hours_note")
    if not value:
        return Hours(note=note) if note else None
    written = value.lower()
    if written in WORK_TIMES:
        return Hours(words=written, note=note)
    if share := _SHARE.fullmatch(value):
        number = decimal_of(share["share"])
        if 0 < number <= 100:
            return Hours(share=number, note=note)
    elif hours := _HOURS.fullmatch(value):
        low = decimal_of(hours["low"])
        high = decimal_of(hours["high"]) if hours["high"] else low
        full = decimal_of(hours["full"]) if hours["full"] else None
        if 0 < low <= high <= MAX_HOURS and (full is None or (high <= full <= MAX_HOURS and low == high)):
            return Hours(low=low, high=high, full_week=full, note=note)
    f.problem(Top.HOURS_PER_WEEK, f"{f.name(Top.HOURS_PER_WEEK)} is geen aantal uren dat de site kent "
              f"({value}).",
              "Schrijf bijvoorbeeld 38, 28,5, 25,34/38, 20%, 19-25, voltijds, deeltijds of "
              "\"voltijds of deeltijds\" (hoogstens 60 uur). Meer uitleg hoort bij 'hours_note'.")
    return None


# -- places and the employer -------------------------------------------------------------------

def read_locations(f: Fields) -> tuple[Place, ...]:
    """`location` (one place) or `locations` (a list of places); not both."""
    if f.data.get("location") is not None and f.data.get(Top.LOCATIONS) is not None:
        f.problem(Top.LOCATIONS, "Gebruik 'location' of 'locations', niet allebei.",
                  "Zet alle werkplekken onder 'locations' en wis 'location'.", at_key=True)
        return ()
    if f.data.get(Top.LOCATIONS) is not None:
        return tuple(collect(f.items(Top.LOCATIONS, noun="werkplek"), _place))
    one = f.mapping("location")
    place = _place(one) if one is not None else None
    return (place,) if place else ()


def _place(p: Fields) -> Place | None:
    p.refuse_unknown(PLACE_KEYS)
    place = Place(**{key: p.text(key) for key in sorted(PLACE_KEYS)})
    if not set(p.data) & {"name", "city", "region"}:  # as written: a wrong value is said already
        p.problem(None, f"{p.label}de werkplek heeft geen naam, gemeente of regio.",
                  f"Vul minstens {said(p.key + ('city',))} of 'region' (bv. Vlaanderen en "
                  "Brussel) in.")
        return None
    return place


def read_telework(f: Fields) -> str:
    value = f.text("telework").lower()
    if value and value not in TELEWORK:
        f.problem("telework", f"{f.name('telework')} moet deels of volledig zijn ({value}).",
                  "Schrijf deels (soms thuis werken) of volledig (altijd van thuis).")
        return ""
    return value


def read_employer(f: Fields) -> Employer | None:
    """`employer: OCMW Meerhout`, or a block with name, url and an address."""
    value = f.data.get(Top.EMPLOYER)
    if isinstance(value, str):
        name = f.text(Top.EMPLOYER)
        return Employer(name=name) if name else None
    if value is not None and not isinstance(value, dict):
        f.problem(Top.EMPLOYER, f"{f.name(Top.EMPLOYER)} moet een naam zijn, of een blok met 'name' "
                  "en het adres.",
                  "Schrijf de naam na de dubbele punt, bijvoorbeeld employer: OCMW Meerhout.")
        return None
    e = f.mapping(Top.EMPLOYER)
    if e is None:
        return None
    e.refuse_unknown(EMPLOYER_KEYS)
    name = e.text("name", True)
    address = Place(street=e.text("street"), postal_code=e.text("postal_code"), city=e.text("city"))
    return Employer(name=name, url=e.url("url"), address=address if address.parts else None) if name \
        else None


# -- contract ----------------------------------------------------------------------------------

_WORDS = [
    (re.compile(r"statutair|vaste benoeming", re.I), "status", "statutair"),
    (re.compile(r"contractueel|arbeidsovereenkomst", re.I), "status", "contractueel"),
    (re.compile(r"jobstudent|student", re.I), "status", "jobstudent"),
    (re.compile(r"\bstage\b", re.I), "status", "stage"),
    (re.compile(r"onbepaalde duur", re.I), "duration", "onbepaalde duur"),
    (re.compile(r"(?<!on)bepaalde duur|tijdelijk", re.I), "duration", "bepaalde duur"),
    (re.compile(r"vervanging", re.I), "duration", "vervanging"),
]
_MONTHS = re.compile(r"([0-9]{1,2})\s*(maand|jaar)", re.I)


def read_contracts(f: Fields) -> tuple[Contract, ...]:
    """`contract`: a plain text (its words recognised, a warning when none is), one block
    with status / duration / months / note, or a list of them (several contracts possible)."""
    value = f.data.get(Top.CONTRACT)
    if value is None:
        return ()
    if isinstance(value, str):
        written = f.text(Top.CONTRACT)
        return (_recognised(f, written),) if written else ()
    if isinstance(value, dict):
        c = f.mapping(Top.CONTRACT)
        contract = _contract(c) if c else None
        return (contract,) if contract else ()
    return tuple(collect(f.items(Top.CONTRACT, noun="contract"), _contract))


def _recognised(f: Fields, written: str) -> Contract:
    found: dict[str, str] = {}
    for pattern, part, name in _WORDS:
        if part not in found and pattern.search(written):
            found[part] = name
    # "6 maanden" is the contract's length only beside a fixed term ("6 maanden proefperiode"
    # beside onbepaalde duur is not).
    found_months = _MONTHS.search(written) if found.get("duration") in ("bepaalde duur", "vervanging") \
        else None
    months = int(found_months[1]) * (12 if found_months[2].lower() == "jaar" else 1) if found_months else None
    if not found:
        f.problems.append(Problem(
            f.path, *f.doc.where(f.key + (Top.CONTRACT,)),
            f"{said(f.key + (Top.CONTRACT,), written)} zegt niet welk soort contract het is; de filter op de "
            "startpagina kan de vacature niet indelen.",
            "Schrijf bijvoorbeeld 'contractueel, onbepaalde duur' of 'statutair', of gebruik "
            "'status' en 'duration' (zie content/LEESMIJ.md).", severity=Severity.WARNING,
            key=f.key + (Top.CONTRACT,)))
    return Contract(written=written, months=months, **found)


def _contract(c: Fields) -> Contract | None:
    c.refuse_unknown(CONTRACT_KEYS)
    status, duration = c.text("status").lower(), c.text("duration").lower()
    for key, value, allowed in (("status", status, CONTRACT_STATUSES), ("duration", duration,
                                                                         CONTRACT_DURATIONS)):
        if value and value not in allowed:
            c.problem(key, f"{c.name(key)} kent '{value}' niet.", "Kies uit: " + ", ".join(allowed) + ".")
            return None
    if not (status or duration):
        c.problem(None, f"{c.label}het contract heeft geen 'status' en geen 'duration'.",
                  "Vul minstens een van beide in, bijvoorbeeld status: contractueel.")
        return None
    months = c.number("months", limit=120, example="18")
    if months and duration not in ("bepaalde duur", "vervanging"):
        c.problem("months", f"{c.name('months')} past niet bij {duration or 'een contract zonder duur'}.",
                  "Geef 'months' alleen bij bepaalde duur of een vervanging.")
    return Contract(status=status, duration=duration, months=months, note=c.text("note"))


# -- grades, positions -------------------------------------------------------------------------

def read_grades(f: Fields) -> tuple[str, ...]:
    """`grade: B1-B3`, or a list when the job is open at several levels (C1-C3 and D1-D3)."""
    value = f.data.get(Top.GRADE)
    if isinstance(value, list):
        return tuple(f.strings(Top.GRADE, noun="niveau"))
    grade = f.text(Top.GRADE)
    return (grade,) if grade else ()


# -- salary ------------------------------------------------------------------------------------

def read_salary(f: Fields) -> tuple[Salary, ...]:
    """`salary`: one block, or a list of blocks when the job is open at several scales, each
    with its own amounts (a level C and a level D start salary)."""
    if isinstance(f.data.get(Top.SALARY), list):
        return tuple(collect(f.items(Top.SALARY, noun="loon"), _salary))
    s = f.mapping(Top.SALARY)
    return (_salary(s),) if s is not None else ()


def _salary(s: Fields) -> Salary:
    s.refuse_unknown(SALARY_KEYS)
    low, high = _amount(s, "min"), _amount(s, "max")
    if low is not None and high is not None and high < low:
        s.problem("max", f"{s.name('max', high)} is kleiner dan {s.name('min', low)}.",
                  "Zet het laagste bedrag bij 'min' en het hoogste bij 'max'.")
    salary = Salary(scale=s.text("scale"), url=s.url("url"), min=low, max=high,
                    for_hours=s.flag("for_hours"), note=s.text("note"))

    return salary


def _amount(s: Fields, key: str) -> Decimal | None:
    """A gross monthly amount in euro: 2412,49, 2.412,49, 2412.49 or € 2.412,49."""
    value = s.text(key, kind="een bedrag")
    if not value:
        return None
    found = _AMOUNT.fullmatch(value.strip())
    amount = None
    if found:
        digits = found["amount"]
        if "," in digits or re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", digits):
            digits = digits.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(digits)
        except InvalidOperation:
            amount = None
    if amount is None or not 100 <= amount <= 100_000:
        s.problem(key, f"{s.name(key)} is geen brutobedrag per maand dat de site kent ({value}).",
                  "Schrijf het bedrag in euro per maand, bijvoorbeeld 2412,49 (zonder tekst erbij).")
        return None
    return amount


# -- requirements, applying, reserve -----------------------------------------------------------

def read_requirements(f: Fields) -> Requirements | None:
    r = f.mapping(Top.REQUIREMENTS)
    if r is None:
        return None
    r.refuse_unknown(REQUIREMENT_KEYS)
    level = r.text("diploma_level").lower()
    if level and level not in DIPLOMA_LEVELS:
        r.problem("diploma_level", f"{r.name('diploma_level')} kent '{level}' niet.",
                  "Kies uit: " + ", ".join(DIPLOMA_LEVELS) + ". Schrijf details bij 'diploma'.")
        level = ""
    months = r.text("experience_months", kind="een aantal maanden")
    if months and not re.fullmatch(r"[0-9]{1,3}", months):
        r.problem("experience_months", f"{r.name('experience_months')} moet een aantal maanden "
                  f"zijn ({months}).", "Schrijf alleen het getal, bijvoorbeeld 12; 0 = geen ervaring nodig.")
        months = ""
    written = r.text("driving_licence")
    licence = written.upper()  # "b" is the B the editor meant
    if licence and not re.fullmatch(r"(AM|A1|A2|A|B|BE|C1|C1E|C|CE|D1|D1E|D|DE|G)", licence):
        r.problem("driving_licence", f"{r.name('driving_licence')} is geen rijbewijs ({written}).",
                  "Schrijf alleen de categorie, bijvoorbeeld B. Zeg met 'driving_licence_required: "
                  "false' dat het aanbevolen is, niet verplicht.")
        licence = ""
    required = r.text("driving_licence_required")
    requirements = Requirements(
        diploma=r.text("diploma"), diploma_level=level,
        experience_months=int(months) if months else None, experience=r.text("experience"),
        driving_licence=licence,
        driving_licence_required=r.flag("driving_licence_required") if required else True,
        final_year_students=r.flag("final_year_students"),
        other=tuple(r.strings("other", noun="voorwaarde")))
    if required and not licence:
        r.problem("driving_licence_required", f"{r.name('driving_licence_required')} zonder "
                  "'driving_licence'.", "Zet ook het rijbewijs erbij, bijvoorbeeld driving_licence: B.")
    return requirements


def read_apply(f: Fields) -> Apply:
    """`apply` (every way to apply) or the older `apply_url`; not both."""
    a = f.mapping(Top.APPLY)
    old = f.url("apply_url")
    if a is None:
        return Apply(url=old)
    if old:
        f.problem("apply_url", "Gebruik 'apply_url' of 'apply.url', niet allebei.",
                  "Zet de link bij 'url' onder 'apply' en wis 'apply_url'.", at_key=True)
    a.refuse_unknown(APPLY_KEYS)
    apply = Apply(url=a.url("url"), email=a.email("email"), post=a.text("post"),
                  in_person=a.text("in_person"), in_person_hours=a.text("in_person_hours"),
                  documents=tuple(a.strings("documents", noun="document")), help=a.text("help"),
                  note=a.text("note"))
    if not set(a.data) & {"url", "email", "post", "in_person", "note"}:  # as written, not as read
        a.problem(None, "'apply' zegt niet hoe je solliciteert.",
                  "Vul minstens 'url', 'email', 'post', 'in_person' of 'note' in.")
    if "in_person_hours" in a.data and "in_person" not in a.data:
        a.problem("in_person_hours", f"{a.name('in_person_hours')} zonder 'in_person'.",
                  "Zet bij 'in_person' waar je je kandidatuur afgeeft.")
    return apply


def read_reserve(f: Fields) -> Reserve | None:
    r = f.mapping(Top.RESERVE)
    if r is None:
        return None
    r.refuse_unknown(RESERVE_KEYS)
    reserve = Reserve(years=r.number("years", limit=10, example="2"), note=r.text("note"))

    return reserve
