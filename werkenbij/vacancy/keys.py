"""One row per key a vacancy file may hold: what it means, how the form asks it and how a
written file says it. The reader's key sets, the Dutch meaning in messages, the issue form's
questions (their id, kind of answer, options and example; the form keeps its own labels and
help), the writer's order and comments, and the field table of content/LEESMIJ.md and the
skeleton templates/nieuwe-vacature.md (held to this table by tests/test_documents.py) all come
from here, so a key is added or changed in one place.

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
    """One key. `meaning`: how a message names it ("'grade' (het niveau)"); `comment`: what a
    written file and the skeleton say after it; `lead`: a comment line above it, and
    `new_group`: a blank line before it, as the skeleton has them. `plain`: a pattern of the
    values a written file may leave unquoted although YAML would read a date or a number;
    `flag`: a yes/no key. The form asks a key whose `answer` it reads, with its `example` and
    `options`; `required` in the form; `not_in_form` says why the form leaves a key out."""

    name: str
    meaning: str
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


def _row(name: str, meaning: str, **rest) -> Key:
    return Key(name=name, meaning=meaning, **rest)


KEYS: tuple[Key, ...] = (
    _row(Top.DRAFT, "kladversie", flag=True, answer=Answer.FLAG, new_group=True,
         lead="# Zolang draft: true hieronder staat, komt de vacature niet online (bekijk ze met --drafts)."),
    _row(Top.TITLE, "de functietitel", example="Maatschappelijk werker", required=True, new_group=True,
         lead="# De functietitel en het team:"),
    _row(Top.TEAM, "het team", example="Wijkgericht Sociaal Werk"),
    _row(Top.UNIT, "de dienst", comment="de dienst binnen het team", example="Kenniscel"),
    _row(Top.SUMMARY, "de korte samenvatting", required=True),
    _row(Top.EMPLOYER, "de werkgever"),
    _row("employer.name", "de naam van de werkgever", example="OCMW Meerhout"),
    _row("employer.url", "de website van de werkgever", example="https://…"),
    _row("employer.street", "de straat en het huisnummer", example="Markt 1"),
    _row("employer.postal_code", "de postcode", example="2450"),
    _row("employer.city", "de gemeente", example="Meerhout"),
    _row(Top.PUBLISHED, "de dag waarop de vacature online komt", plain=DAY, answer=Answer.DATE,
         example="2027-01-04", required=True, new_group=True,
         lead="# De dag waarop de vacature online komt (JJJJ-MM-DD)."),
    _row(Top.CLOSES, "de laatste dag om te solliciteren",
         comment="de laatste dag om te solliciteren (JJJJ-MM-DD)", plain=DAY, answer=Answer.DATE,
         example="2027-01-31"),
    _row(Top.START_DATE, "de eerste werkdag", comment="de eerste werkdag (JJJJ-MM-DD)", plain=DAY,
         answer=Answer.DATE, example="2027-03-01"),
    _row(Top.END_DATE, "de laatste werkdag",
         comment="de laatste werkdag, bij een job voor een bepaalde periode", plain=DAY, answer=Answer.DATE,
         example="2027-08-31"),
    _row(Top.REFERENCE, "het vacaturenummer", comment="het vacaturenummer", example="5551"),
    _row(Top.POSITIONS, "het aantal plaatsen", comment="het aantal plaatsen", plain="[1-9][0-9]{0,2}",
         answer=Answer.NUMBER, example="2"),
    _row(Top.GRADE, "het niveau", answer=Answer.GRADES, example="B1-B3", new_group=True),
    _row(Top.HOURS_PER_WEEK, "de uren per week", plain=HOURS_PLAIN, answer=Answer.NUMBER, example="38"),
    _row(Top.HOURS_NOTE, "de uitleg bij de uren", comment="wat de uren niet zeggen",
         example="In de schoolvakanties werk je minder."),
    _row(Top.CONTRACT, "het contract"),
    _row("contract.status", "het soort contract", comment="contractueel, statutair, jobstudent of stage",
         options=CONTRACT_STATUSES),
    _row("contract.duration", "de duur van het contract",
         comment="onbepaalde duur, bepaalde duur of vervanging", options=CONTRACT_DURATIONS),
    _row("contract.months", "het aantal maanden", comment="alleen bij bepaalde duur of vervanging",
         plain="[1-9][0-9]{0,2}", answer=Answer.NUMBER, example="18"),
    _row("contract.note", "de uitleg bij het contract", example="met kans op verlenging"),
    _row(Top.LOCATION, "de werkplek", comment="de werkplek", new_group=True),
    _row("location.name", "de naam van het gebouw", comment="naam van het gebouw", example="Sociaal Huis"),
    _row("location.street", "de straat en het huisnummer", comment="straat en huisnummer",
         example="Budastraat 35"),
    _row("location.postal_code", "de postcode", example="8500"),
    _row("location.city", "de gemeente", comment="de gemeente", example="Kortrijk"),
    _row("location.region", "de streek", comment="een streek, als er geen gemeente is",
         example="Vlaanderen en Brussel"),
    _row("location.note", "de uitleg bij de werkplek", example="Je werkt ook vanuit de wijkteams."),
    _row(Top.LOCATIONS, "de werkplekken", not_in_form="several workplaces: the form asks for one (location)"),
    _row(Top.TELEWORK, "het thuiswerk", comment="deels (soms van thuis) of volledig (altijd van thuis)",
         options=TELEWORK),
    _row(Top.SALARY, "het loon", comment="het loon", new_group=True),
    _row("salary.scale", "de loonschaal", example="B1-B3"),
    _row("salary.url", "de link naar de loonschalen", comment="link naar de loonschalen",
         example="https://…"),
    _row("salary.min", "het laagste loon", comment="bruto per maand in euro, zonder tekst erbij",
         answer=Answer.NUMBER, example="2412,49"),
    _row("salary.max", "het hoogste loon", answer=Answer.NUMBER, example="3900,00"),
    _row("salary.for_hours", "loon voor de uren van deze job",
         comment="true: de bedragen gelden voor de uren van deze job, niet voor voltijds", flag=True,
         answer=Answer.FLAG),
    _row("salary.note", "de uitleg bij het loon", example="Je ervaring telt mee voor je loon."),
    _row(Top.REQUIREMENTS, "de voorwaarden", comment="de voorwaarden", new_group=True),
    _row("requirements.diploma", "het diploma", example="een bachelordiploma in het sociaal werk"),
    _row("requirements.diploma_level", "het niveau van het diploma",
         comment="geen, lager secundair, secundair, bachelor of master", options=DIPLOMA_LEVELS),
    _row("requirements.experience_months", "de maanden ervaring",
         comment="maanden ervaring; 0 = je hebt geen ervaring nodig", plain="0|[1-9][0-9]{0,2}",
         answer=Answer.NUMBER, example="12"),
    _row("requirements.experience", "de ervaring", example="in een communicatiefunctie"),
    _row("requirements.driving_licence", "het rijbewijs", comment="het rijbewijs", example="B"),
    _row("requirements.driving_licence_required", "rijbewijs verplicht",
         comment="false: een voordeel, niet verplicht", flag=True,
         options=("verplicht", "een voordeel (niet verplicht)")),
    _row("requirements.final_year_students", "laatstejaarsstudenten welkom",
         comment="true: wie in het laatste jaar zit, mag ook solliciteren", flag=True, answer=Answer.FLAG),
    _row("requirements.other", "de andere voorwaarden", answer=Answer.LINES,
         example="Je bent medisch geschikt."),
    _row(Top.APPLY, "hoe je solliciteert", comment="hoe je solliciteert", new_group=True),
    _row("apply.url", "de link om online te solliciteren", comment="het formulier om online te solliciteren",
         example="https://…"),
    _row("apply.email", "het e-mailadres voor je kandidatuur",
         comment="het adres om je kandidatuur naar te mailen", example="vacatures@kortrijk.be"),
    _row("apply.post", "het adres voor je kandidatuur met de post", comment="het adres voor een brief",
         example="Naam, straat en huisnummer, postcode en gemeente"),
    _row("apply.in_person", "waar je je kandidatuur afgeeft", comment="waar je je kandidatuur zelf afgeeft",
         example="Naam, straat en huisnummer, postcode en gemeente"),
    _row("apply.in_person_hours", "wanneer je je kandidatuur afgeeft",
         example="elke werkdag van 9 tot 12 uur"),
    _row("apply.documents", "wat je meestuurt", comment="wat je meestuurt, in volgorde", answer=Answer.LINES,
         example="je cv\neen kopie van je diploma"),
    _row("apply.help", "wie helpt bij het solliciteren",
         example="Lukt het niet online? Onze collega's helpen je."),
    _row("apply.note", "de uitleg bij het solliciteren",
         example="Na je kandidatuur maak je een afspraak voor een gesprek."),
    _row(Top.APPLY_URL, "de link om te solliciteren", not_in_form="the older form of apply.url"),
    _row(Top.AFTER_APPLYING, "wat er gebeurt na je sollicitatie",
         comment="wanneer kandidaten iets horen na hun sollicitatie; anders geldt site_config.yaml",
         example="Je hoort binnen drie weken of je verder gaat in de selectie."),
    _row(Top.PROCEDURE, "de stappen van de selectie", comment="de stappen van de selectie, in volgorde",
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
    _row(Top.PASS_MARK, "het resultaat om te slagen",
         comment="het resultaat waarmee je slaagt voor de hele selectie", example="60/100"),
    _row(Top.RESERVE, "de wervingsreserve",
         comment="de wervingsreserve: wie slaagt, komt op een lijst voor later", new_group=True),
    _row("reserve.years", "hoe lang de reserve geldt", comment="hoe lang de reserve geldt, in jaren",
         plain="[1-9][0-9]?", answer=Answer.NUMBER, example="2"),
    _row("reserve.note", "de uitleg bij de reserve", example="Verlengen is mogelijk."),
    _row(Top.COMPETENCIES, "de competenties", comment="de competenties die je meet", answer=Answer.NAMED,
         example="Samenwerken: Je werkt graag samen met collega's.", new_group=True),
    _row("competencies.name", "de naam van de competentie"),
    _row("competencies.description", "wat de competentie inhoudt"),
    _row(Top.CONTACT, "de contactpersoon", comment="wie kandidaten kunnen contacteren", new_group=True),
    _row("contact.name", "de naam van de contactpersoon", example="Voornaam Achternaam"),
    _row("contact.role", "de rol van de contactpersoon", example="selectieverantwoordelijke"),
    _row("contact.email", "het e-mailadres", example="vacatures@kortrijk.be"),
    _row("contact.phone", "het telefoonnummer", example="056 00 00 00"),
    _row(Top.FAQ, "de links naar veelgestelde vragen", comment="extra links bij de veelgestelde vragen",
         answer=Answer.LINKS, example="Vragen over deze functie: https://…", new_group=True),
    _row("faq.label", "de tekst van de link"),
    _row("faq.url", "het adres van de link"),
    _row(Top.BLOCKS, "de blokken onder de tekst", comment="gedeelde stukken uit content/blocks/",
         answer=Answer.BLOCKS, new_group=True),
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
