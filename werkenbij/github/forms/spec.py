"""The questions of the issue form "Nieuwe vacature", one per key of the vacancy's key table.

A question's `id` is the vacancy key it fills in; a key inside a block joins the block and the
key with '-' (`location-city` is `city` under `location`), because GitHub allows only letters,
digits, '-' and '_' in an id. Ids that start with `body-` are sections of the Markdown text.
Here live the help under each question and its widget; its label (which the key's meaning in
messages, the skeleton and the guide repeat), how the answer is read, its example, its options
and whether it is required come from the key's row in werkenbij/vacancy/keys.py.
The closed sets of the model (contract status, duration, telework, diploma level) become
dropdowns with the model's own values, so the form and the model cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...vacancy.keys import KEY, KEYS, Answer, Top

# How the answer is read and written (see parse.py and write.py).
TEXT, DATE, NUMBER, LINES, STEPS, NAMED, LINKS, FLAG, SECTION, BLOCKS, GRADES = (
    Answer.TEXT, Answer.DATE, Answer.NUMBER, Answer.LINES, Answer.STEPS, Answer.NAMED, Answer.LINKS,
    Answer.FLAG, Answer.SECTION, Answer.BLOCKS, Answer.GRADES)

# The keys of the model that the form leaves out on purpose, with the reason: the pull request
# is the place to add them (tests/test_issueform_form.py holds every other key to a question).
NOT_IN_FORM = {key.name: key.not_in_form for key in KEYS if key.not_in_form}
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


def _asked(kind: str, name: str, help: str, options: tuple[str, ...] = ()) -> Question:
    key = KEY[name]
    return Question(str(name).replace(".", "-"), kind, key.label, help, key.answer, key.example,
                    key.required, options or key.options)


def _input(name: str, help: str) -> Question:
    return _asked("input", name, help)


def _area(name: str, help: str) -> Question:
    return _asked("textarea", name, help)


def _choice(name: str, help: str, options: tuple[str, ...] = ()) -> Question:
    """A dropdown: the model's closed set of the key, unless the form offers its own words."""
    return _asked("dropdown", name, help, options)


def _box(name: str, help: str, option: str) -> Question:
    return _asked("checkboxes", name, help, (option,))


def _section(id: str, label: str, help: str, example: str, reads: str = SECTION,
             required: bool = False, heading: str = "") -> Question:
    """A section of the Markdown text: no key of the table."""
    return Question(id, "textarea", label, help, reads, example, required, heading=heading)


DATE_HELP = "Schrijf JJJJ-MM-DD: jaar, maand, dag."
SECTION_HELP = ("Markdown mag: `- ` voor een lijst, `**vet**`, `[linktekst](https://…)`, `### ` voor "
                "een tussenkop. Wil je een andere kop? Begin dan met je eigen kop, zoals `## Wat doe je?`.")

GROUPS: tuple[tuple[str, tuple[Question, ...]], ...] = (
    ("De job", (
        _input(Top.TITLE, "De naam van de job. Hij wordt ook het webadres."),
        _input(Top.TEAM, "Verplicht, behalve als een andere werkgever aanwerft."),
        _input(Top.UNIT, "De dienst binnen het team (mag leeg)."),
        _area(Top.SUMMARY, "Een of twee zinnen over de job. Ze staan in de lijst van vacatures en in "
              "zoekmachines."),
    )),
    ("Een andere werkgever", (
        _input("employer.name", "Alleen als dat niet stad Kortrijk is. Vul dan ook zelf de contactpersoon "
               "in."),
        _input("employer.url", "Begint met https://."),
        _input("employer.street", ""),
        _input("employer.postal_code", ""),
        _input("employer.city", ""),
    )),
    ("Datums", (
        _input(Top.PUBLISHED, "De dag waarop de vacature online komt. " + DATE_HELP),
        _input(Top.CLOSES, DATE_HELP + " Zoek je altijd kandidaten? Schrijf dan `doorlopend`."),
        _input(Top.START_DATE, DATE_HELP),
        _input(Top.END_DATE, "Alleen bij een job voor een bepaalde periode. " + DATE_HELP),
    )),
    ("Niveau, uren en contract", (
        _input(Top.REFERENCE, ""),
        _input(Top.POSITIONS, "Een getal."),
        _input(Top.GRADE, "De loonschalen van de functie. Meer niveaus? Scheid ze met een komma."),
        _input(Top.HOURS_PER_WEEK, "Bijvoorbeeld 38, 28,5, 19-25, 20%, voltijds of deeltijds. 38 uur is "
               "voltijds."),
        _input(Top.HOURS_NOTE, "Wat de uren niet zeggen."),
        _choice("contract.status", "Kies er een, of laat leeg."),
        _choice("contract.duration", "Kies er een, of laat leeg."),
        _input("contract.months", "Alleen bij bepaalde duur of vervanging."),
        _input("contract.note", ""),
    )),
    ("Werkplek", (
        _input("location.name", ""),
        _input("location.street", ""),
        _input("location.postal_code", ""),
        _input("location.city", ""),
        _input("location.region", "Als er geen vaste gemeente is."),
        _input("location.note", ""),
        _choice(Top.TELEWORK, "deels: soms van thuis; volledig: altijd van thuis."),
    )),
    ("Loon", (
        _input("salary.scale", ""),
        _input("salary.url", "Begint met https://."),
        _input("salary.min", "Bruto per maand, in euro, zonder tekst erbij."),
        _input("salary.max", "Bruto per maand, in euro, zonder tekst erbij."),
        _box("salary.for_hours", "Zonder vinkje gelden de bedragen voor een voltijdse job.",
             "De bedragen gelden voor de uren van deze job"),
        _input("salary.note", ""),
    )),
    ("Voorwaarden", (
        _input("requirements.diploma", "In je eigen woorden."),
        _choice("requirements.diploma_level", "Kies er een, of laat leeg."),
        _input("requirements.experience_months", "Een getal; 0: je hebt geen ervaring nodig."),
        _input("requirements.experience", ""),
        _input("requirements.driving_licence", "Alleen de categorie."),
        _choice("requirements.driving_licence_required", "Alleen als je een rijbewijs invult.",
                LICENCE_OPTIONS),
        _box("requirements.final_year_students", "",
             "Wie in het laatste jaar van de opleiding zit, mag ook solliciteren"),
        _area("requirements.other", "Eén voorwaarde per regel."),
    )),
    ("Solliciteren", (
        _input("apply.url", "Begint met https://."),
        _input("apply.email", "Zonder mailto:."),
        _input("apply.post", ""),
        _input("apply.in_person", ""),
        _input("apply.in_person_hours", ""),
        _area("apply.documents", "Eén document per regel, in volgorde."),
        _input("apply.help", ""),
        _input("apply.note", ""),
        _input(Top.AFTER_APPLYING, "Wanneer kandidaten iets horen. Leeg: wat site_config.yaml zegt (niet bij "
               "een andere werkgever). Verzin niets."),
    )),
    ("Selectie", (
        _area(Top.PROCEDURE, "Eén stap per regel, in volgorde. Begin met de naam van "
              "de stap. Zet er delen achter, elk na een `|`: `datum: JJJJ-MM-DD`, `uur: 09:00-12:00`, "
              "`plaats: …`, `uitleg datum: …`, `hoe: …`, `duur: …`, `slagen: 60/100`, `eliminerend`, "
              "`onder voorbehoud` en als laatste `tekst: …`."),
        _input(Top.PASS_MARK, "Het resultaat waarmee je slaagt."),
        _input("reserve.years", "Een getal van 1 tot 10."),
        _input("reserve.note", ""),
        _area(Top.COMPETENCIES, "Eén competentie per regel: de naam, een dubbele punt, dan wat ze inhoudt."),
    )),
    ("Contact", (
        _input("contact.name", ""),
        _input("contact.role", ""),
        _input("contact.email", "Zonder mailto:."),
        _input("contact.phone", "Met zonenummer."),
        _area(Top.FAQ, "Eén link per regel: de linktekst, een dubbele punt, dan het adres."),
    )),
    ("Tekst van de vacature", (
        _section("body-work", "Wat ga je doen?", SECTION_HELP, "- Je ...", SECTION, required=True,
                 heading="Wat ga je doen?"),
        _section("body-profile", "Wie zoeken we?", SECTION_HELP, "- Je ...", SECTION,
                 heading="Wie zoeken we?"),
        _section("body-offer", "Wat bieden we?", SECTION_HELP, "- Je ...", SECTION, heading="Wat bieden we?"),
        _section("body-more", "Meer secties", "Begin elke sectie met `## ` en een kop. " + SECTION_HELP,
                 "## Over het team\n\nJe werkt samen met ...", SECTION),
    )),
)

BLOCKS_QUESTION = _asked("checkboxes", Top.BLOCKS, "Stukken tekst die onder elke gekozen vacature komen "
                         "(uit content/blocks/).")
DRAFT_QUESTION = _box(Top.DRAFT, "Met een vinkje komt de vacature niet online, ook niet na "
                      "het samenvoegen.", "Nog niet publiceren (kladversie)")


def questions(block_titles: dict[str, str]) -> tuple[Question, ...]:
    """Every question in the form's order; `block_titles` (name → title) become checkboxes."""
    asked = tuple(q for _, group in GROUPS for q in group)
    options = tuple(block_label(name, title) for name, title in sorted(block_titles.items()))
    blocks = (replace(BLOCKS_QUESTION, options=options),) if options else ()
    return asked + blocks + (DRAFT_QUESTION,)


def block_label(name: str, title: str) -> str:
    return f"{title} ({name})"
