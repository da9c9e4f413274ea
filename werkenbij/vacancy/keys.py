"""One row per key a vacancy file may hold: what it means, how the form asks it and how a
written file says it. The reader's key sets, the Dutch meaning in messages, the issue form's
questions (their id, label, kind of answer, options and example; the form keeps its help),
the writer's order and comments, and the field table of content/LEESMIJ.md and the skeleton
templates/nieuwe-vacature.md (held to this table by tests/test_documents.py) all come from
here, so a key is added or changed in one place. A key the form asks is said by its label's
words everywhere an editor meets it.

A nested key joins its block and its own name with a dot (`salary.min`), as LEESMIJ writes it;
the items of a list (`procedure`, `locations`, `competencies`, `faq`) share the rows of their
block. Code names the top-level keys by `Top`, so that no other module spells them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .contract import CONTRACT_DURATIONS, CONTRACT_STATUSES
from .hours import HOURS_PLAIN
from .place import TELEWORK
from .requirements import DIPLOMA_LEVELS


class Top(StrEnum):
    """The keys at the top of a vacancy file, in the order a written file has them."""

    DRAFT = "draft"
    TITLE = "title"
    TEAM = "team"
    UNIT = "unit"
    SUMMARY = "summary"
    EMPLOYER = "employer"
    PUBLISHED = "published"
    CLOSES = "closes"
    START_DATE = "start_date"
    END_DATE = "end_date"
    REFERENCE = "reference"
    POSITIONS = "positions"
    GRADE = "grade"
    HOURS_PER_WEEK = "hours_per_week"
    HOURS_NOTE = "hours_note"
    CONTRACT = "contract"
    LOCATION = "location"
    LOCATIONS = "locations"
    TELEWORK = "telework"
    SALARY = "salary"
    REQUIREMENTS = "requirements"
    APPLY = "apply"
    APPLY_URL = "apply_url"
    AFTER_APPLYING = "after_applying"
    PROCEDURE = "procedure"
    PASS_MARK = "pass_mark"
    RESERVE = "reserve"
    COMPETENCIES = "competencies"
    CONTACT = "contact"
    FAQ = "faq"
    BLOCKS = "blocks"
    ALIASES = "aliases"


class Answer(StrEnum):
    """How the issue form reads an answer (github/forms/parse.py) into the key's value."""

    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    LINES = "lines"
    STEPS = "steps"
    NAMED = "named"
    LINKS = "links"
    FLAG = "flag"
    SECTION = "section"
    BLOCKS = "blocks"
    GRADES = "grades"


DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # a date as JJJJ-MM-DD


@dataclass(frozen=True, kw_only=True)
class Key:
    """One key. `label`: the question of the issue form that asks it, word for word (open
    issues were written with it and are read again on every edit, so it does not change);
    `meaning`: how a message names it ("'grade' (het niveau)"), for an asked key the label's
    words (see `_asked`); `comment`: what a written file and the skeleton say after it; `lead`: a
    comment line above it, and `new_group`: a blank line before it, as the skeleton has them.
    `plain`: a pattern of the values a written file may leave unquoted although YAML would read
    a date or a number; `flag`: a yes/no key. The form asks a key whose `answer` it reads, with
    its `example` and `options`; `required` in the form; `not_in_form` says why the form leaves
    a key out."""

    name: str
    meaning: str
    label: str = ""
    comment: str = ""
    lead: str = ""
    new_group: bool = False
    plain: str = ""
    flag: bool = False
    answer: Answer = Answer.TEXT
    example: str = ""
    options: tuple[str, ...] = ()
    required: bool = False
    not_in_form: str = ""

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))


def label_said(article: str, label: str) -> str:
    """A form label as it stands inside a sentence: "Laatste dag om te solliciteren" is said
    "de laatste dag om te solliciteren". A message puts ': value' after it, so a label's own
    colon becomes a comma and its question mark goes."""
    words = (label[:1].lower() + label[1:]).removesuffix("?").replace(": ", ", ")
    return f"{article} {words}" if article else words


def _row(name: str, meaning: str, **rest) -> Key:
    return Key(name=name, meaning=meaning, **rest)


def _asked(name: str, article: str, label: str, **rest) -> Key:
    """A key the issue form asks by `label`: the editor meets it by the label's words, in the
    form, in a message, in the skeleton and in the guide (tests/test_documents.py)."""
    return Key(name=name, meaning=label_said(article, label), label=label, **rest)


KEYS: tuple[Key, ...] = (
    _asked(Top.DRAFT, "", "Kladversie", flag=True, answer=Answer.FLAG, new_group=True,
           lead="# Zolang draft: true (kladversie) hieronder staat, komt de vacature niet online "
                "(bekijk ze met --drafts)."),
    _asked(Top.TITLE, "de", "Functietitel", example="Maatschappelijk werker", required=True, new_group=True,
           lead="# De functietitel en het team:"),
    _asked(Top.TEAM, "het", "Team", example="Wijkgericht Sociaal Werk"),
    _asked(Top.UNIT, "de", "Dienst", comment="de dienst binnen het team", example="Kenniscel"),
    _asked(Top.SUMMARY, "de", "Korte samenvatting", required=True),
    _row(Top.EMPLOYER, "de werkgever"),
    _asked("employer.name", "de", "Werkgever", example="OCMW Meerhout"),
    _asked("employer.url", "de", "Website van de werkgever", example="https://…"),
    _asked("employer.street", "", "Straat en huisnummer van de werkgever", example="Markt 1"),
    _asked("employer.postal_code", "de", "Postcode van de werkgever", example="2450"),
    _asked("employer.city", "de", "Gemeente van de werkgever", example="Meerhout"),
    _asked(Top.PUBLISHED, "de", "Dag van publicatie", plain=DAY, answer=Answer.DATE,
           example="2027-01-04", required=True, new_group=True,
           lead="# De dag van publicatie (JJJJ-MM-DD): de dag waarop de vacature online komt."),
    _asked(Top.CLOSES, "de", "Laatste dag om te solliciteren",
           comment="de laatste dag om te solliciteren (JJJJ-MM-DD)", plain=DAY, answer=Answer.DATE,
           example="2027-01-31"),
    _asked(Top.START_DATE, "de", "Eerste werkdag", comment="de eerste werkdag (JJJJ-MM-DD)", plain=DAY,
           answer=Answer.DATE, example="2027-03-01"),
    _asked(Top.END_DATE, "de", "Laatste werkdag",
           comment="de laatste werkdag, bij een job voor een bepaalde periode", plain=DAY, answer=Answer.DATE,
           example="2027-08-31"),
    _asked(Top.REFERENCE, "het", "Vacaturenummer", comment="het vacaturenummer", example="5551"),
    _asked(Top.POSITIONS, "het", "Aantal plaatsen", comment="het aantal plaatsen", plain="[1-9][0-9]{0,2}",
           answer=Answer.NUMBER, example="2"),
    _asked(Top.GRADE, "het", "Niveau", answer=Answer.GRADES, example="B1-B3", new_group=True),
    _asked(Top.HOURS_PER_WEEK, "de", "Uren per week", plain=HOURS_PLAIN, answer=Answer.NUMBER, example="38"),
    _asked(Top.HOURS_NOTE, "de", "Uitleg bij de uren",
           comment="de uitleg bij de uren: wat de uren niet zeggen",
           example="In de schoolvakanties werk je minder."),
    _row(Top.CONTRACT, "het contract"),
    _asked("contract.status", "het", "Soort contract",
           comment="het soort contract: contractueel, statutair, jobstudent of stage",
           options=CONTRACT_STATUSES),
    _asked("contract.duration", "de", "Duur van het contract",
           comment="de duur van het contract: onbepaalde duur, bepaalde duur of vervanging",
           options=CONTRACT_DURATIONS),
    _asked("contract.months", "het", "Aantal maanden",
           comment="het aantal maanden, alleen bij bepaalde duur of vervanging",
           plain="[1-9][0-9]{0,2}", answer=Answer.NUMBER, example="18"),
    _asked("contract.note", "de", "Uitleg bij het contract", example="met kans op verlenging"),
    _row(Top.LOCATION, "de werkplek", comment="de werkplek", new_group=True),
    _asked("location.name", "de", "Naam van het gebouw", comment="de naam van het gebouw",
           example="Sociaal Huis"),
    _asked("location.street", "", "Straat en huisnummer van de werkplek",
           comment="straat en huisnummer van de werkplek", example="Budastraat 35"),
    _asked("location.postal_code", "de", "Postcode van de werkplek", example="8500"),
    _asked("location.city", "de", "Gemeente van de werkplek", comment="de gemeente van de werkplek",
           example="Kortrijk"),
    _asked("location.region", "de", "Streek", comment="de streek, als er geen gemeente is",
           example="Vlaanderen en Brussel"),
    _asked("location.note", "de", "Uitleg bij de werkplek", example="Je werkt ook vanuit de wijkteams."),
    _row(Top.LOCATIONS, "de werkplekken", not_in_form="several workplaces: the form asks for one (location)"),
    _asked(Top.TELEWORK, "het", "Thuiswerk",
           comment="het thuiswerk: deels (soms van thuis) of volledig (altijd van thuis)", options=TELEWORK),
    _row(Top.SALARY, "het loon", comment="het loon", new_group=True),
    _asked("salary.scale", "de", "Loonschaal", example="B1-B3"),
    _asked("salary.url", "de", "Link naar de loonschalen", comment="de link naar de loonschalen",
           example="https://…"),
    _asked("salary.min", "het", "Laagste loon",
           comment="het laagste loon: bruto per maand in euro, zonder tekst erbij",
           answer=Answer.NUMBER, example="2412,49"),
    _asked("salary.max", "het", "Hoogste loon", answer=Answer.NUMBER, example="3900,00"),
    _asked("salary.for_hours", "de", "Bedragen voor deze uren",
           comment="true: de bedragen voor deze uren, niet voor een voltijdse job", flag=True,
           answer=Answer.FLAG),
    _asked("salary.note", "de", "Uitleg bij het loon", example="Je ervaring telt mee voor je loon."),
    _row(Top.REQUIREMENTS, "de voorwaarden", comment="de voorwaarden", new_group=True),
    _asked("requirements.diploma", "het", "Diploma", example="een bachelordiploma in het sociaal werk"),
    _asked("requirements.diploma_level", "het", "Niveau van het diploma",
           comment="het niveau van het diploma: geen, lager secundair, secundair, bachelor of master",
           options=DIPLOMA_LEVELS),
    _asked("requirements.experience_months", "de", "Maanden ervaring",
           comment="maanden ervaring; 0 = je hebt geen ervaring nodig", plain="0|[1-9][0-9]{0,2}",
           answer=Answer.NUMBER, example="12"),
    _asked("requirements.experience", "", "Welke ervaring", example="in een communicatiefunctie"),
    _asked("requirements.driving_licence", "het", "Rijbewijs", comment="het rijbewijs", example="B"),
    _asked("requirements.driving_licence_required", "", "Is het rijbewijs verplicht?",
           comment="is het rijbewijs verplicht? false: nee, het is een voordeel", flag=True,
           options=("verplicht", "een voordeel (niet verplicht)")),
    _asked("requirements.final_year_students", "", "Laatstejaarsstudenten",
           comment="true: laatstejaarsstudenten mogen ook solliciteren", flag=True, answer=Answer.FLAG),
    _asked("requirements.other", "de", "Andere voorwaarden", answer=Answer.LINES,
           example="Je bent medisch geschikt."),
    _row(Top.APPLY, "hoe je solliciteert", comment="hoe je solliciteert", new_group=True),
    _asked("apply.url", "de", "Link naar het sollicitatieformulier",
           comment="de link naar het sollicitatieformulier", example="https://…"),
    _asked("apply.email", "het", "E-mailadres voor kandidaturen", comment="het e-mailadres voor kandidaturen",
           example="vacatures@kortrijk.be"),
    _asked("apply.post", "het", "Adres voor een brief", comment="het adres voor een brief",
           example="Naam, straat en huisnummer, postcode en gemeente"),
    _asked("apply.in_person", "", "Waar je je kandidatuur zelf afgeeft",
           comment="waar je je kandidatuur zelf afgeeft",
           example="Naam, straat en huisnummer, postcode en gemeente"),
    _asked("apply.in_person_hours", "", "Wanneer je ze zelf afgeeft",
           example="elke werkdag van 9 tot 12 uur"),
    _asked("apply.documents", "", "Wat je meestuurt", comment="wat je meestuurt, in volgorde",
           answer=Answer.LINES, example="je cv\neen kopie van je diploma"),
    _asked("apply.help", "de", "Hulp bij solliciteren",
           example="Lukt het niet online? Onze collega's helpen je."),
    _asked("apply.note", "de", "Andere uitleg over solliciteren",
           example="Na je kandidatuur maak je een afspraak voor een gesprek."),
    _row(Top.APPLY_URL, "de link om te solliciteren", not_in_form="the older form of apply.url"),
    _asked(Top.AFTER_APPLYING, "", "Wat gebeurt er na de sollicitatie?",
           comment="wat gebeurt er na de sollicitatie: wanneer kandidaten iets horen; anders geldt "
                   "site_config.yaml",
           example="Je hoort binnen drie weken of je verder gaat in de selectie."),
    _asked(Top.PROCEDURE, "de", "Selectieprocedure", comment="de selectieprocedure: de stappen, in volgorde",
           answer=Answer.STEPS, new_group=True,
           example="Screening cv | tekst: We lezen je cv en je motivatie.\n"
                   "Schriftelijke proef | datum: 2027-02-10 | eliminerend | slagen: 60/100"),
    _row("procedure.title", "de naam van de stap"),
    _row("procedure.date", "de datum van de stap", comment="de dag van de stap (JJJJ-MM-DD)", plain=DAY),
    _row("procedure.time", "het uur van de stap"),
    _row("procedure.place", "waar de stap doorgaat"),
    _row("procedure.date_note", "de uitleg bij de datum", comment="uitleg bij de datum"),
    _row("procedure.tentative", "onder voorbehoud", comment="de datum is onder voorbehoud", flag=True),
    _row("procedure.eliminating", "eliminerend", comment="je moet slagen om verder te gaan", flag=True),
    _row("procedure.mode", "hoe de stap verloopt"),
    _row("procedure.duration", "hoe lang de stap duurt"),
    _row("procedure.pass_mark", "het resultaat om te slagen voor de stap"),
    _row("procedure.text", "de uitleg bij de stap"),
    _asked(Top.PASS_MARK, "", "Slagen voor de hele selectie",
           comment="slagen voor de hele selectie: het resultaat waarmee je slaagt", example="60/100"),
    _row(Top.RESERVE, "de wervingsreserve",
         comment="de wervingsreserve: wie slaagt, komt op een lijst voor later", new_group=True),
    _asked("reserve.years", "de", "Wervingsreserve: aantal jaren",
           comment="de wervingsreserve, aantal jaren: hoe lang ze geldt", plain="[1-9][0-9]?",
           answer=Answer.NUMBER, example="2"),
    _asked("reserve.note", "de", "Uitleg bij de wervingsreserve", example="Verlengen is mogelijk."),
    _asked(Top.COMPETENCIES, "de", "Competenties", comment="de competenties die je meet",
           answer=Answer.NAMED, example="Samenwerken: Je werkt graag samen met collega's.", new_group=True),
    _row("competencies.name", "de naam van de competentie"),
    _row("competencies.description", "wat de competentie inhoudt"),
    _row(Top.CONTACT, "de contactpersoon", comment="wie kandidaten kunnen contacteren", new_group=True),
    _asked("contact.name", "de", "Naam van de contactpersoon", example="Voornaam Achternaam"),
    _asked("contact.role", "de", "Rol van de contactpersoon", example="selectieverantwoordelijke"),
    _asked("contact.email", "het", "E-mailadres van de contactpersoon", example="vacatures@kortrijk.be"),
    _asked("contact.phone", "het", "Telefoonnummer van de contactpersoon", example="056 00 00 00"),
    _asked(Top.FAQ, "de", "Extra veelgestelde vragen",
           comment="extra veelgestelde vragen: een lijst van links", answer=Answer.LINKS,
           example="Vragen over deze functie: https://…", new_group=True),
    _row("faq.label", "de tekst van de link"),
    _row("faq.url", "het adres van de link"),
    _asked(Top.BLOCKS, "de", "Gedeelde stukken tekst",
           comment="de gedeelde stukken tekst uit content/blocks/", answer=Answer.BLOCKS, new_group=True),
    _row(Top.ALIASES, "de oude namen", not_in_form="old addresses: a new vacancy has none"),
)

KEY: dict[str, Key] = {key.name: key for key in KEYS}
# Meanings that hold in a file beside the rows: each item of `locations` is a `location`.
SAME_AS = {Top.LOCATIONS: Top.LOCATION}


def keys_in(block: str = "") -> frozenset[str]:
    """The keys directly inside `block` (a top-level key), or the top-level keys for ""."""
    depth = len(block.split(".")) if block else 0
    return frozenset(key.path[depth] for key in KEYS if len(key.path) == depth + 1
                     and (not block or key.name.startswith(block + ".")))


def keys_in_order(block: str = "") -> tuple[str, ...]:
    """The keys directly inside `block` (the top-level keys for ""), in the table's order."""
    depth = len(block.split(".")) if block else 0
    return tuple(key.path[depth] for key in KEYS if len(key.path) == depth + 1
                 and (not block or key.name.startswith(block + ".")))


MEANINGS: dict[str, str] = {key.name: key.meaning for key in KEYS}
