"""The questions of the issue form "Nieuwe vacature", one per field of the vacancy model.

A question's `id` is the vacancy key it fills in; a key inside a block joins the block and the
key with '-' (`location-city` is `city` under `location`), because GitHub allows only letters,
digits, '-' and '_' in an id. Ids that start with `body-` are sections of the Markdown text.
The closed sets of the model (contract status, duration, telework, diploma level) become
dropdowns with the model's own values, so the form and the model cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...vacancy.contract import CONTRACT_DURATIONS, CONTRACT_STATUSES
from ...vacancy.place import TELEWORK
from ...vacancy.requirements import DIPLOMA_LEVELS

# How the answer is read and written (see parse.py and write.py).
TEXT, DATE, NUMBER, LINES, STEPS, NAMED, LINKS, FLAG, SECTION, BLOCKS, GRADES = (
    "text", "date", "number", "lines", "steps", "named", "links", "flag", "section", "blocks", "grades")

# The keys of the model that the form leaves out on purpose, with the reason: the pull request
# is the place to add them (tests/test_issueform_form.py holds every other key to a question).
NOT_IN_FORM = {
    "locations": "several workplaces: the form asks for one (location)",
    "apply_url": "the older form of apply.url",
    "aliases": "old addresses: a new vacancy has none",
}
# The Dutch words for the parts of a step on one line of "Selectieprocedure" (parse.py).
STEP_PARTS = {"datum": "date", "uur": "time", "plaats": "place", "uitleg datum": "date_note",
              "hoe": "mode", "duur": "duration", "slagen": "pass_mark", "tekst": "text"}
STEP_FLAGS = {"onder voorbehoud": "tentative", "eliminerend": "eliminating"}
# driving_licence_required. No commas: GitHub's own parser splits a dropdown answer at them.
LICENCE_OPTIONS = ("verplicht", "een voordeel (niet verplicht)")


@dataclass(frozen=True)
class Question:
    """One question of the form. `kind` is GitHub's element type; `reads` says how its answer
    becomes a value (the constants above); `heading` is the default `##` heading of a section."""

    id: str
    kind: str
    label: str
    help: str
    reads: str = TEXT
    example: str = ""
    required: bool = False
    options: tuple[str, ...] = ()
    heading: str = ""

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.id.split("-"))


def _input(id: str, label: str, help: str, example: str = "", reads: str = TEXT,
           required: bool = False) -> Question:
    return Question(id, "input", label, help, reads, example, required)


def _area(id: str, label: str, help: str, example: str = "", reads: str = TEXT,
          required: bool = False, heading: str = "") -> Question:
    return Question(id, "textarea", label, help, reads, example, required, heading=heading)


def _choice(id: str, label: str, help: str, options: tuple[str, ...]) -> Question:
    return Question(id, "dropdown", label, help, options=options)


def _box(id: str, label: str, help: str, option: str) -> Question:
    return Question(id, "checkboxes", label, help, FLAG, options=(option,))


DATE_HELP = "Schrijf JJJJ-MM-DD: jaar, maand, dag."
SECTION_HELP = ("Markdown mag: `- ` voor een lijst, `**vet**`, `[linktekst](https://…)`, `### ` voor "
                "een tussenkop. Wil je een andere kop? Begin dan met je eigen kop, zoals `## Wat doe je?`.")

GROUPS: tuple[tuple[str, tuple[Question, ...]], ...] = (
    ("De job", (
        _input("title", "Functietitel", "De naam van de job. Hij wordt ook het webadres.",
               "Maatschappelijk werker", required=True),
        _input("team", "Team", "Verplicht, behalve als een andere werkgever aanwerft.",
               "Wijkgericht Sociaal Werk"),
        _input("unit", "Dienst", "De dienst binnen het team (mag leeg).", "Kenniscel"),
        _area("summary", "Korte samenvatting", "Een of twee zinnen over de job. Ze staan in de lijst "
              "van vacatures en in zoekmachines.", required=True),
    )),
    ("Een andere werkgever", (
        _input("employer-name", "Werkgever", "Alleen als dat niet stad Kortrijk is. Vul dan ook "
               "zelf de contactpersoon in.", "OCMW Meerhout"),
        _input("employer-url", "Website van de werkgever", "Begint met https://.", "https://…"),
        _input("employer-street", "Straat en huisnummer van de werkgever", "", "Markt 1"),
        _input("employer-postal_code", "Postcode van de werkgever", "", "2450"),
        _input("employer-city", "Gemeente van de werkgever", "", "Meerhout"),
    )),
    ("Datums", (
        _input("published", "Dag van publicatie", "De dag waarop de vacature online komt. " + DATE_HELP,
               "2027-01-04", DATE, required=True),
        _input("closes", "Laatste dag om te solliciteren", DATE_HELP + " Zoek je altijd kandidaten? "
               "Schrijf dan `doorlopend`.", "2027-01-31", DATE),
        _input("start_date", "Eerste werkdag", DATE_HELP, "2027-03-01", DATE),
        _input("end_date", "Laatste werkdag", "Alleen bij een job voor een bepaalde periode. " + DATE_HELP,
               "2027-08-31", DATE),
    )),
    ("Niveau, uren en contract", (
        _input("reference", "Vacaturenummer", "", "5551"),
        _input("positions", "Aantal plaatsen", "Een getal.", "2", NUMBER),
        _input("grade", "Niveau", "De loonschalen van de functie. Meer niveaus? Scheid ze met een komma.",
               "B1-B3", GRADES),
        _input("hours_per_week", "Uren per week", "Bijvoorbeeld 38, 28,5, 19-25, 20%, voltijds of "
               "deeltijds. 38 uur is voltijds.", "38", NUMBER),
        _input("hours_note", "Uitleg bij de uren", "Wat de uren niet zeggen.",
               "In de schoolvakanties werk je minder."),
        _choice("contract-status", "Soort contract", "Kies er een, of laat leeg.", CONTRACT_STATUSES),
        _choice("contract-duration", "Duur van het contract", "Kies er een, of laat leeg.",
                CONTRACT_DURATIONS),
        _input("contract-months", "Aantal maanden", "Alleen bij bepaalde duur of vervanging.", "18", NUMBER),
        _input("contract-note", "Uitleg bij het contract", "", "met kans op verlenging"),
    )),
    ("Werkplek", (
        _input("location-name", "Naam van het gebouw", "", "Sociaal Huis"),
        _input("location-street", "Straat en huisnummer van de werkplek", "", "Budastraat 35"),
        _input("location-postal_code", "Postcode van de werkplek", "", "8500"),
        _input("location-city", "Gemeente van de werkplek", "", "Kortrijk"),
        _input("location-region", "Streek", "Als er geen vaste gemeente is.", "Vlaanderen en Brussel"),
        _input("location-note", "Uitleg bij de werkplek", "", "Je werkt ook vanuit de wijkteams."),
        _choice("telework", "Thuiswerk", "deels: soms van thuis; volledig: altijd van thuis.", TELEWORK),
    )),
    ("Loon", (
        _input("salary-scale", "Loonschaal", "", "B1-B3"),
        _input("salary-url", "Link naar de loonschalen", "Begint met https://.", "https://…"),
        _input("salary-min", "Laagste loon", "Bruto per maand, in euro, zonder tekst erbij.", "2412,49",
               NUMBER),
        _input("salary-max", "Hoogste loon", "Bruto per maand, in euro, zonder tekst erbij.", "3900,00",
               NUMBER),
        _box("salary-for_hours", "Bedragen voor deze uren", "Zonder vinkje gelden de bedragen voor een "
             "voltijdse job.", "De bedragen gelden voor de uren van deze job"),
        _input("salary-note", "Uitleg bij het loon", "", "Je ervaring telt mee voor je loon."),
    )),
    ("Voorwaarden", (
        _input("requirements-diploma", "Diploma", "In je eigen woorden.",
               "een bachelordiploma in het sociaal werk"),
        _choice("requirements-diploma_level", "Niveau van het diploma", "Kies er een, of laat leeg.",
                DIPLOMA_LEVELS),
        _input("requirements-experience_months", "Maanden ervaring", "Een getal; 0: je hebt geen "
               "ervaring nodig.", "12", NUMBER),
        _input("requirements-experience", "Welke ervaring", "", "in een communicatiefunctie"),
        _input("requirements-driving_licence", "Rijbewijs", "Alleen de categorie.", "B"),
        _choice("requirements-driving_licence_required", "Is het rijbewijs verplicht?",
                "Alleen als je een rijbewijs invult.", LICENCE_OPTIONS),
        _box("requirements-final_year_students", "Laatstejaarsstudenten", "",
             "Wie in het laatste jaar van de opleiding zit, mag ook solliciteren"),
        _area("requirements-other", "Andere voorwaarden", "Eén voorwaarde per regel.",
              "Je bent medisch geschikt.", LINES),
    )),
    ("Solliciteren", (
        _input("apply-url", "Link naar het sollicitatieformulier", "Begint met https://.", "https://…"),
        _input("apply-email", "E-mailadres voor kandidaturen", "Zonder mailto:.", "vacatures@kortrijk.be"),
        _input("apply-post", "Adres voor een brief", "", "Naam, straat en huisnummer, postcode en gemeente"),
        _input("apply-in_person", "Waar je je kandidatuur zelf afgeeft", "",
               "Naam, straat en huisnummer, postcode en gemeente"),
        _input("apply-in_person_hours", "Wanneer je ze zelf afgeeft", "", "elke werkdag van 9 tot 12 uur"),
        _area("apply-documents", "Wat je meestuurt", "Eén document per regel, in volgorde.",
              "je cv\neen kopie van je diploma", LINES),
        _input("apply-help", "Hulp bij solliciteren", "", "Lukt het niet online? Onze collega's helpen je."),
        _input("apply-note", "Andere uitleg over solliciteren", "",
               "Na je kandidatuur maak je een afspraak voor een gesprek."),
    )),
    ("Selectie", (
        _area("procedure", "Selectieprocedure", "Eén stap per regel, in volgorde. Begin met de naam van "
              "de stap. Zet er delen achter, elk na een `|`: `datum: JJJJ-MM-DD`, `uur: 09:00-12:00`, "
              "`plaats: …`, `uitleg datum: …`, `hoe: …`, `duur: …`, `slagen: 60/100`, `eliminerend`, "
              "`onder voorbehoud` en als laatste `tekst: …`.",
              "Screening cv | tekst: We lezen je cv en je motivatie.\n"
              "Schriftelijke proef | datum: 2027-02-10 | eliminerend | slagen: 60/100", STEPS),
        _input("pass_mark", "Slagen voor de hele selectie", "Het resultaat waarmee je slaagt.", "60/100"),
        _input("reserve-years", "Wervingsreserve: aantal jaren", "Een getal van 1 tot 10.", "2", NUMBER),
        _input("reserve-note", "Uitleg bij de wervingsreserve", "", "Verlengen is mogelijk."),
        _area("competencies", "Competenties", "Eén competentie per regel: de naam, een dubbele punt, "
              "dan wat ze inhoudt.", "Samenwerken: Je werkt graag samen met collega's.", NAMED),
    )),
    ("Contact", (
        _input("contact-name", "Naam van de contactpersoon", "", "Voornaam Achternaam"),
        _input("contact-role", "Rol van de contactpersoon", "", "selectieverantwoordelijke"),
        _input("contact-email", "E-mailadres van de contactpersoon", "Zonder mailto:.",
               "vacatures@kortrijk.be"),
        _input("contact-phone", "Telefoonnummer van de contactpersoon", "Met zonenummer.", "056 00 00 00"),
        _area("faq", "Extra veelgestelde vragen", "Eén link per regel: de linktekst, een dubbele punt, "
              "dan het adres.", "Vragen over deze functie: https://…", LINKS),
    )),
    ("Tekst van de vacature", (
        _area("body-work", "Wat ga je doen?", SECTION_HELP, "- Je ...", SECTION, required=True,
              heading="Wat ga je doen?"),
        _area("body-profile", "Wie zoeken we?", SECTION_HELP, "- Je ...", SECTION, heading="Wie zoeken we?"),
        _area("body-offer", "Wat bieden we?", SECTION_HELP, "- Je ...", SECTION, heading="Wat bieden we?"),
        _area("body-more", "Meer secties", "Begin elke sectie met `## ` en een kop. " + SECTION_HELP,
              "## Over het team\n\nJe werkt samen met ...", SECTION),
    )),
)

BLOCKS_QUESTION = Question("blocks", "checkboxes", "Gedeelde stukken tekst",
                           "Stukken tekst die onder elke gekozen vacature komen (uit content/blocks/).",
                           BLOCKS)
DRAFT_QUESTION = _box("draft", "Kladversie", "Met een vinkje komt de vacature niet online, ook niet na "
                      "het samenvoegen.", "Nog niet publiceren (kladversie)")


def questions(block_titles: dict[str, str]) -> tuple[Question, ...]:
    """Every question in the form's order; `block_titles` (name → title) become checkboxes."""
    asked = tuple(q for _, group in GROUPS for q in group)
    options = tuple(block_label(name, title) for name, title in sorted(block_titles.items()))
    blocks = (replace(BLOCKS_QUESTION, options=options),) if options else ()
    return asked + blocks + (DRAFT_QUESTION,)


def block_label(name: str, title: str) -> str:
    return f"{title} ({name})"
