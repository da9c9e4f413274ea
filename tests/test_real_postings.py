"""Eight real postings of Flemish public employers (tests/fixtures/real/, one per fact sheet):
every fact the sheet gives shows up in the key facts, the apply box, the JSON-LD, vacatures.json,
the feed and the calendar; a fact the sheet does not give is left out; and each vacancy closes
on the day its own dates say.

Where a sheet gives no publication day or no closing day, the fixture uses a test date and says
so in a YAML comment. Five sheets name no workplace: those pages get no JobPosting, and the
editor gets a warning instead."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from lxml import etree

from helpers import FIXTURES, build_site, parse, read_site
from werkenbij.problems import Severity
from werkenbij.read.config import load_config
from werkenbij.render.structured import job_posting
from werkenbij.schedule import vacancy_state
from werkenbij.vacancy.place import Place

SITE = FIXTURES / "real"
BASE_URL = "https://vacatures.example/"  # base_url of the fixture's site_config.yaml
SITE_TITLE = "Werken bij de testsite"    # title of the fixture's site_config.yaml
ATOM = "{http://www.w3.org/2005/Atom}"

MEERHOUT = "01-meerhout-maatschappelijk-werker"
JUSTITIE = "03-justitie-justitieassistent"
KAPRIJKE = "05-kaprijke-maatschappelijk-werker"
HULSHOUT = "07-hulshout-afdelingscoordinator"
MIDDELKERKE = "08-middelkerke-ibo-begeleider"
JOBSTUDENT = "10-meerhout-jobstudent-bko"
CC30 = "12-30cc-projectcoordinator"
SINT_NIKLAAS = "15-sint-niklaas-vlinder-kindbegeleider"
ALL = [MEERHOUT, JUSTITIE, KAPRIJKE, HULSHOUT, MIDDELKERKE, JOBSTUDENT, CC30, SINT_NIKLAAS]

# The sheets that name a workplace (a region, a name, a city): only these get a JobPosting.
WITH_WORKPLACE = [JUSTITIE, JOBSTUDENT, SINT_NIKLAAS]
WITHOUT_WORKPLACE = [s for s in ALL if s not in WITH_WORKPLACE]

# A day on which each vacancy is open: its `published` day. Only 15 gives its own posting day;
# for the others it is a test date (each fixture says so in a YAML comment).
OPEN_ON = {
    MEERHOUT: date(2018, 4, 16),
    JOBSTUDENT: date(2019, 5, 15),
    JUSTITIE: date(2022, 11, 14),
    KAPRIJKE: date(2022, 11, 14),
    HULSHOUT: date(2023, 6, 12),
    MIDDELKERKE: date(2023, 6, 12),
    CC30: date(2023, 6, 12),
    SINT_NIKLAAS: date(2026, 2, 10),
}

# A build long after every posting, the last test closing day (15's, 2026-03-10) included.
LATE = date(2026, 12, 4)


@pytest.fixture(scope="module")
def site_on(tmp_path_factory):
    """The fixture site as built on a day; each day is built once for the whole module."""
    built: dict[date, Path] = {}

    def build_on(day: date) -> Path:
        if day not in built:
            built[day] = build_site(tmp_path_factory.mktemp(f"real-{day}") / "output", day, root=SITE)
        return built[day]
    return build_on


@pytest.fixture(scope="module")
def open_page(site_on):
    """A vacancy's page on a day it is open (each page parsed once)."""
    pages = {}

    def page_of(slug: str):
        if slug not in pages:
            pages[slug] = parse(site_on(OPEN_ON[slug]) / f"vacatures/{slug}/index.html")
        return pages[slug]
    return page_of


def shown(element) -> str:
    """The text as a reader meets it, white space folded: inline tags add no space; a <br> and
    a list item, which start a new line, do."""
    copy = BeautifulSoup(str(element), "lxml")
    for br in copy.find_all("br"):
        br.replace_with("\n")
    for item in copy.find_all("li"):
        item.insert(0, "\n")
    return " ".join(copy.get_text().split())


def facts_of(element) -> dict[str, str]:
    """A fact list (<dl class="facts">) as {label: text}."""
    return {shown(item.dt): shown(item.dd) for item in element.select(".facts > div")}


def key_facts(page) -> dict[str, str]:
    return facts_of(page.select_one(".in-short"))


def fact_times(page) -> dict[str, list[str]]:
    """The machine-readable days of each key fact (<time datetime>)."""
    return {shown(item.dt): [t["datetime"] for t in item.dd.find_all("time")]
            for item in page.select(".in-short .facts > div")}


def job_postings(page) -> list[dict]:
    return [data for script in page.find_all("script", type="application/ld+json")
            if (data := json.loads(script.string))["@type"] == "JobPosting"]


def card(page, slug: str):
    """The card of a vacancy on the home page or in the archive; None when it is not there."""
    return page.find("article", class_="vacancy-card", attrs={"aria-labelledby": f"vacature-{slug}"})


def card_links(page) -> set[str]:
    return {a["href"] for a in page.select(".vacancy-card a")}


def listed(site: Path) -> dict[str, dict]:
    """vacatures.json, by vacancy id."""
    data = json.loads((site / "vacatures.json").read_text("utf-8"))
    return {vacancy["id"]: vacancy for vacancy in data["vacancies"]}


def feed_entries(site: Path) -> dict[str, etree._Element]:
    """The Atom feed's entries, by the page they link to."""
    feed = etree.parse(str(site / "feed.xml"))
    return {entry.find(f"{ATOM}link").get("href"): entry for entry in feed.iter(f"{ATOM}entry")}


def url_of(slug: str) -> str:
    return f"{BASE_URL}vacatures/{slug}/"


# -- the header: title, what it is part of, and the employer --------------------------------------

# (job title, Vacancy.part_of: the unit, else the team, else the employer, the eyebrow above the
# title, the employer). Only 01 (its unit), 03, 10 and 15 name a part of the organisation.
HEADER = {
    MEERHOUT: ("Maatschappelijk werker", "Hulpkern", "OCMW Meerhout, Hulpkern", "OCMW Meerhout"),
    JUSTITIE: ("Justitieassistent", "Justitiehuizen", "Justitiehuizen",
               "Agentschap Justitie en Handhaving"),
    KAPRIJKE: ("Maatschappelijk werk(st)er", "Lokaal bestuur Kaprijke", "Lokaal bestuur Kaprijke",
               "Lokaal bestuur Kaprijke"),
    HULSHOUT: ("Afdelingscoördinator Wonen en Werken", "Lokaal bestuur Hulshout",
               "Lokaal bestuur Hulshout", "Lokaal bestuur Hulshout"),
    MIDDELKERKE: ("Begeleider buitenschoolse kinderopvang (IBO)", "Gemeentebestuur Middelkerke",
                  "Gemeentebestuur Middelkerke", "Gemeentebestuur Middelkerke"),
    JOBSTUDENT: ("Jobstudent buitenschoolse kinderopvang", "Buitenschoolse kinderopvang",
                 "Buitenschoolse kinderopvang", "Gemeente Meerhout"),
    CC30: ("Beleidsmatige projectcoördinator vrijetijdsregio Oost-Brabant", "vzw 30CC", "vzw 30CC",
           "vzw 30CC"),
    SINT_NIKLAAS: ("Kindbegeleider (vlinderfunctie) buitenschoolse opvang", "Buitenschoolse opvang",
                   "Buitenschoolse opvang", "Stad Sint-Niklaas"),
}


def title_of(slug: str) -> str:
    return HEADER[slug][0]


def employer_of(slug: str) -> str:
    return HEADER[slug][3]


@pytest.mark.parametrize("slug", ALL)
def test_page_title_names_the_job_and_what_it_is_part_of(open_page, slug):
    title, part_of, eyebrow, _ = HEADER[slug]
    page = open_page(slug)
    assert shown(page.h1) == title
    assert shown(page.select_one(".vacancy-header .eyebrow")) == eyebrow
    assert shown(page.title) == f"{title}, {part_of} | {SITE_TITLE}"
    assert [shown(li) for li in page.select("nav.breadcrumb li")] == ["Vacatures", title]


# -- the key facts ("In het kort") -----------------------------------------------------------------

# The closing days of 03, 07, 08 and 15 are test dates: their excerpts give none.
KEY_FACTS = {
    MEERHOUT: {
        "Werkgever": "OCMW Meerhout, Markt 1, 2450 Meerhout",
        "Dienst": "Hulpkern",
        "Niveau": "B1-B3 (loonschalen van niveau B)",
        "Uren": "Voltijds",
        "Contract": "Contractueel verband",
        "Aantal plaatsen": "1 plaats",
        "Gepubliceerd": "maandag 16 april 2018",
        "Loon": "Loonschaal B1-B3: bruto vanaf € 2.412,49 per maand voor een voltijdse job. Dat is het "
                "startloon in B1, zonder anciënniteit (index 1,6734). Je neemt hoogstens 8 jaar "
                "anciënniteit mee.",
        "Solliciteren": "geen uiterste datum bekend; de eerste stap met een datum is „Preselectie” op "
                        "donderdag 26 april 2018",
    },
    JUSTITIE: {
        "Werkgever": "Agentschap Justitie en Handhaving",
        "Team": "Justitiehuizen",
        "Niveau": "B1 (loonschalen van niveau B)",
        "Contract": "Contractueel, bepaalde duur (18 maanden)",
        "Aantal plaatsen": "28 plaatsen",
        "Vacaturenummer": "5551",
        "Gepubliceerd": "maandag 14 november 2022",
        "Werkplek": "Vlaanderen en Brussel De plaatsen zijn verdeeld over de justitiehuizen.",
        "Solliciteren": "tot en met maandag 12 december 2022",
    },
    KAPRIJKE: {
        "Werkgever": "Lokaal bestuur Kaprijke, Lembeke-Dorp 43, 9971 Lembeke",
        "Uren": "Voltijds of deeltijds Bij voorkeur voltijds.",
        "Contract": "Contractueel, bepaalde duur (6 maanden)",
        "Aantal plaatsen": "1 plaats",
        "Gepubliceerd": "maandag 14 november 2022",
        "Solliciteren": "tot en met maandag 5 december 2022",
    },
    HULSHOUT: {
        "Werkgever": "Lokaal bestuur Hulshout, Prof. Dr. Vital Celenplein 2, 2235 Hulshout",
        "Niveau": "A1a-A3a (loonschalen van niveau A)",
        "Uren": "38/38 uur per week (voltijds)",
        "Contract": "Statutair (vaste benoeming)",
        "Gepubliceerd": "maandag 12 juni 2023",
        "Solliciteren": "tot en met maandag 3 juli 2023",
    },
    MIDDELKERKE: {
        "Werkgever": "Gemeentebestuur Middelkerke",
        "Niveau": "C1 (loonschalen van niveau C) of D1 (loonschalen van niveau D)",
        "Uren": "25,34/38 uur per week (deeltijds) Je werkt soms op wisselende uren.",
        "Gepubliceerd": "maandag 12 juni 2023",
        "Loon": "Loonschaal C1: bruto vanaf € 1.268,14 per maand voor de uren van deze job. Dat is het "
                "startloon. De vacature geeft het bedrag 'aan 100%'. "
                "Loonschaal D1: bruto vanaf € 1.245,35 per maand voor de uren van deze job. Dat is het "
                "startloon. De vacature geeft het bedrag 'aan 100%'.",
        "Solliciteren": "tot en met maandag 3 juli 2023",
    },
    JOBSTUDENT: {
        "Werkgever": "Gemeente Meerhout",
        "Team": "Buitenschoolse kinderopvang",
        "Contract": "Jobstudent (studentenovereenkomst)",
        "Aantal plaatsen": "2 plaatsen",
        "Werkperiode": "van maandag 1 juli 2019 tot en met zaterdag 31 augustus 2019",
        "Gepubliceerd": "woensdag 15 mei 2019",
        "Werkplek": "De Meerkatjes",
        "Solliciteren": "geen uiterste datum bekend; de job begint op maandag 1 juli 2019",
    },
    CC30: {
        "Werkgever": "vzw 30CC",
        "Uren": "20 % van een voltijdse job (deeltijds) Werkregeling 1/5 VTE (voltijds equivalent).",
        "Contract": "Tijdelijke job, 1 jaar",
        "Aantal plaatsen": "1 plaats",
        "Gepubliceerd": "maandag 12 juni 2023",
        "Loon": "Loonschaal L1 (paritair comité 329.01).",
        "Solliciteren": "tot en met donderdag 29 juni 2023",
    },
    SINT_NIKLAAS: {
        "Werkgever": "Stad Sint-Niklaas",
        "Team": "Buitenschoolse opvang",
        "Uren": "19 uur per week (deeltijds) In de schoolweken werk je 25 uur per week. Die extra uren "
                "krijg je terug in de schoolvakanties. Met je verlof erbij ben je in de schoolvakanties "
                "helemaal vrij.",
        "Gepubliceerd": "dinsdag 10 februari 2026",
        "Werkplek": "Sint-Niklaas, Oost-Vlaanderen Je werkt op verschillende locaties van de "
                    "buitenschoolse opvang in groot Sint-Niklaas.",
        "Solliciteren": "tot en met dinsdag 10 maart 2026",
    },
}


@pytest.mark.parametrize("slug", ALL)
def test_key_facts_say_what_the_posting_says_and_nothing_more(open_page, slug):
    assert key_facts(open_page(slug)) == KEY_FACTS[slug]


@pytest.mark.parametrize("slug, fact, days", [
    (MEERHOUT, "Solliciteren", ["2018-04-26"]),
    (JUSTITIE, "Solliciteren", ["2022-12-12"]),
    (KAPRIJKE, "Solliciteren", ["2022-12-05"]),
    (HULSHOUT, "Solliciteren", ["2023-07-03"]),
    (MIDDELKERKE, "Solliciteren", ["2023-07-03"]),
    (CC30, "Solliciteren", ["2023-06-29"]),
    (JOBSTUDENT, "Werkperiode", ["2019-07-01", "2019-08-31"]),
    (JOBSTUDENT, "Solliciteren", ["2019-07-01"]),
    (SINT_NIKLAAS, "Gepubliceerd", ["2026-02-10"]),
    (SINT_NIKLAAS, "Solliciteren", ["2026-03-10"]),
])
def test_days_in_the_key_facts_are_machine_readable(open_page, slug, fact, days):
    assert fact_times(open_page(slug))[fact] == days


def test_salary_open_at_two_levels_is_a_list_with_one_line_per_scale(open_page):
    salaries = open_page(MIDDELKERKE).select(".in-short .facts ul.salaries > li")
    assert [shown(li) for li in salaries] == [
        "Loonschaal C1: bruto vanaf € 1.268,14 per maand voor de uren van deze job. Dat is het "
        "startloon. De vacature geeft het bedrag 'aan 100%'.",
        "Loonschaal D1: bruto vanaf € 1.245,35 per maand voor de uren van deze job. Dat is het "
        "startloon. De vacature geeft het bedrag 'aan 100%'."]


def short_facts_of(element) -> dict[str, str]:
    """A card's short facts (<dl class="short-facts">) as {label: text}."""
    return {shown(item.dt).rstrip(":"): shown(item.dd) for item in element.select(".short-facts > div")}


# "(nog 2 dagen)" after the last day, within its last week.
DAYS_LEFT = re.compile(r" \((nog \d+ dagen?|vandaag is de laatste dag)\)$")


@pytest.mark.parametrize("slug", ALL)
def test_home_card_shows_the_short_facts_with_the_employer(site_on, slug):
    found = card(parse(site_on(OPEN_ON[slug]) / "index.html"), slug)
    facts = short_facts_of(found)
    assert list(facts)[0] == "Werkplek" and list(facts)[-1] == "Solliciteren"
    assert employer_of(slug) in shown(found.select_one(".card-who"))  # the name only
    for label in ("Uren", "Contract"):
        if label in facts:
            assert KEY_FACTS[slug][label].startswith(facts[label])  # the page's fact, without its note
    assert KEY_FACTS[slug]["Solliciteren"] == DAYS_LEFT.sub("", facts["Solliciteren"])


# -- the apply box and "Wat vragen we?" ------------------------------------------------------------

APPLY_BOX = {
    # The excerpt does not say how to apply; the contact it names is the way to ask.
    MEERHOUT: ["Vraag aan de personeelsdienst hoe je solliciteert: bel 014 24 99 30.",
               "Er is geen uiterste datum bekend. De eerste stap met een datum is „Preselectie” op "
               "donderdag 26 april 2018."],
    JUSTITIE: ["Deze vacature zegt niet hoe je solliciteert. Vraag het aan Agentschap Justitie en "
               "Handhaving.",
               "Je kan solliciteren tot en met maandag 12 december 2022."],
    KAPRIJKE: ["Stuur je kandidatuur met de post naar: Vast bureau van Kaprijke, Lembeke-Dorp 43, "
               "9971 Lembeke",
               "Solliciteer met het digitale formulier van de gemeente. Wie met de post solliciteert, "
               "stuurt de vereiste documenten mee.",
               "Lukt het formulier niet? De medewerkers van de gemeente helpen je het in te vullen.",
               "Je kan solliciteren tot en met maandag 5 december 2022."],
    HULSHOUT: ["Stuur je kandidatuur met de post naar: College van burgemeester en schepenen, "
               "Prof. Dr. Vital Celenplein 2, 2235 Hulshout",
               "Of geef je kandidatuur zelf af: Personeelsdienst, Grote Baan 264, 2235 Hulshout",
               "Geef je je kandidatuur zelf af? Dan krijg je een ontvangstbewijs.",
               "Stuur deze documenten mee:",
               "het inschrijvingsformulier, ingevuld en ondertekend",
               "een sollicitatiebrief met je cv",
               "een uittreksel uit het strafregister (goed gedrag en zeden)",
               "een kopie van je diploma",
               "een foto",
               "Leg de documenten in deze volgorde. Kruis op het formulier aan welke documenten je "
               "meestuurt.",
               "Je kan solliciteren tot en met maandag 3 juli 2023."],
    MIDDELKERKE: ["Deze vacature zegt niet hoe je solliciteert. Vraag het aan Gemeentebestuur Middelkerke.",
                  "Je kan solliciteren tot en met maandag 3 juli 2023."],
    JOBSTUDENT: ["Deze vacature zegt niet hoe je solliciteert. Vraag het aan Gemeente Meerhout.",
                 "Er is geen uiterste datum bekend. De job begint op maandag 1 juli 2019."],
    CC30: ["Deze vacature zegt niet hoe je solliciteert. Vraag het aan vzw 30CC.",
           "Je kan solliciteren tot en met donderdag 29 juni 2023."],
    SINT_NIKLAAS: ["Solliciteer met de knop 'Solliciteer nu' bij deze vacature op jobsolutions.be.",
                   "Je kan solliciteren tot en met dinsdag 10 maart 2026."],
}


@pytest.mark.parametrize("slug", ALL)
def test_apply_box_names_every_way_to_apply(open_page, slug):
    box = open_page(slug).find(id="solliciteren")
    assert shown(box.h2) == "Solliciteren"
    assert [shown(part) for part in box.find_all(["p", "li"])] == APPLY_BOX[slug]
    assert box.find("a", class_="button") is None  # no posting gives a link to a form


def test_apply_box_links_the_phone_number_to_ask(open_page):
    box = open_page(MEERHOUT).find(id="solliciteren")
    assert [(a["href"], shown(a)) for a in box.find_all("a")] == [("tel:+3214249930", "014 24 99 30")]


def test_documents_are_a_numbered_list_in_the_order_to_attach_them(open_page):
    page = open_page(HULSHOUT)
    documents = page.select_one("#solliciteren ol")
    assert documents["aria-labelledby"] == "documenten"
    assert shown(page.find(id="documenten")) == "Stuur deze documenten mee:"
    assert [shown(li) for li in documents.find_all("li")] == APPLY_BOX[HULSHOUT][4:9]


REQUIREMENTS = {
    MEERHOUT: ["Diploma: bachelor sociaal werk, of een gelijkwaardig diploma",
               "Je bent medisch geschikt voor de job.",
               "Je slaagt voor de hele selectieprocedure."],
    JUSTITIE: ["Ervaring: dit kan je eerste werkervaring zijn",
               "Je wil werken met daders of met slachtoffers."],
    KAPRIJKE: ["Diploma: bachelor maatschappelijk werk, of een gelijkwaardig diploma",
               "Ervaring: je hebt geen ervaring nodig",
               "Zit je in je laatste jaar? Dan mag je ook solliciteren.",
               "Je hebt je burgerlijke en politieke rechten.",
               "Je gedrag past bij de job.",
               "Je kent de taal die de job vraagt.",
               "Je bent medisch geschikt.",
               "Je slaagt voor de selectie."],
    HULSHOUT: None,  # the excerpt names no requirement: no section
    MIDDELKERKE: ["Diploma: een diploma of getuigschrift dat toegang geeft tot niveau C of niveau D; voor "
                  "niveau D is dat lager secundair onderwijs of gelijkwaardig",
                  "Rijbewijs B: een voordeel, niet verplicht",
                  "Voor niveau C: het kwalificatiebewijs van Kind en Gezin voor begeleiders "
                  "buitenschoolse opvang, of een kwalificatiebewijs voor kinderopvang volgens het "
                  "ministerieel besluit van 3 maart 2010 (artikel 3 en 6).",
                  "Voor niveau D: het kwalificatiebewijs van Kind en Gezin voor begeleiders "
                  "buitenschoolse opvang.",
                  "Je wil op wisselende uren werken."],
    JOBSTUDENT: ["Diploma: een van de opleidingen of attesten die Kind en Gezin vraagt, zie de lijst bij "
                 "'Welke opleiding heb je nodig?'",
                 "Je gedrag past bij de job.",
                 "Je hebt je burgerlijke en politieke rechten.",
                 "Je bent medisch geschikt."],
    CC30: ["Diploma: een masterdiploma, of een bachelordiploma met ervaring",
           "Ervaring: nodig als je een bachelordiploma hebt"],
    SINT_NIKLAAS: ["Rijbewijs B: een voordeel, niet verplicht",
                   "Je bent flexibel en enthousiast.",
                   "Je wisselt vlot van locatie.",
                   "Je bent speels, kindvriendelijk en stressbestendig. Je brengt mensen samen."],
}


@pytest.mark.parametrize("slug", ALL)
def test_requirements_are_listed_under_wat_vragen_we(open_page, slug):
    section = open_page(slug).find(id="voorwaarden")
    if REQUIREMENTS[slug] is None:
        assert section is None
        return
    assert shown(section.h2) == "Wat vragen we?"
    assert [shown(li) for li in section.find_all("li")] == REQUIREMENTS[slug]


# -- the procedure ----------------------------------------------------------------------------------

def steps_of(page) -> list[tuple[str, str]]:
    return [(shown(s.h3), shown(s.select_one(".step-status")))
            for s in page.select("#procedure ol.timeline > li")]


def test_conditional_step_dates_say_when_they_hold(open_page):
    assert steps_of(open_page(MEERHOUT)) == [
        ("Preselectie", "Volgende stap donderdag 26 april 2018 (alleen als er een preselectie is)"),
        ("Schriftelijke selectie", "Deze datum geldt als er een preselectie is woensdag 16 mei 2018"),
        ("Derde stap", "Op een woensdag, de datum is niet bekend"),
    ]


@pytest.mark.parametrize("day", [date(2018, 5, 17), LATE])
def test_selection_is_not_called_done_while_a_step_has_no_date(site_on, day):
    """Both dated steps of 01 are past, but its third step (cut off at "Woen…") has no date: the
    selection may still be going on, so the page says only that the vacancy is closed."""
    page = parse(site_on(day) / f"vacatures/{MEERHOUT}/index.html")
    assert key_facts(page)["Status"] == \
        "afgesloten; de eerste stap met een datum is „Preselectie” op donderdag 26 april 2018"
    assert "selectie afgerond" not in shown(page.body)
    assert steps_of(page) == [
        ("Preselectie", "Voorbij donderdag 26 april 2018 (alleen als er een preselectie is)"),
        ("Schriftelijke selectie", "Voorbij woensdag 16 mei 2018 (deze datum geldt als er een "
                                   "preselectie is)"),
        ("Derde stap", "Op een woensdag, de datum is niet bekend"),
    ]


# -- JSON-LD JobPosting: only for a posting that names a workplace ---------------------------------

def posting(slug: str, organisation: dict, identifier: str, **facts) -> dict:
    """The JobPosting expected for `slug`: the part every posting has, and its own facts."""
    return {"@context": "https://schema.org", "@type": "JobPosting", "directApply": False,
            "title": title_of(slug), "datePosted": OPEN_ON[slug].isoformat(), "url": url_of(slug),
            "hiringOrganization": {"@type": "Organization", **organisation},
            "identifier": {"@type": "PropertyValue", "name": organisation["name"], "value": identifier},
            **facts}


def address(**parts) -> dict:
    return {"@type": "PostalAddress", "addressCountry": "BE", **parts}


JOB_POSTINGS = {
    JUSTITIE: posting(
        JUSTITIE, {"name": "Agentschap Justitie en Handhaving"}, "5551",
        validThrough="2022-12-12T23:59:59+01:00",
        jobLocation={"@type": "Place", "address": address(addressRegion="Vlaanderen en Brussel")},
        employmentType="TEMPORARY", totalJobOpenings=28),
    JOBSTUDENT: posting(
        JOBSTUDENT, {"name": "Gemeente Meerhout"}, JOBSTUDENT,
        jobLocation={"@type": "Place", "name": "De Meerkatjes", "address": address()},
        employmentType="TEMPORARY", totalJobOpenings=2, jobStartDate="2019-07-01"),
    SINT_NIKLAAS: posting(
        SINT_NIKLAAS, {"name": "Stad Sint-Niklaas"}, SINT_NIKLAAS,
        validThrough="2026-03-10T23:59:59+01:00",
        jobLocation={"@type": "Place",
                     "address": address(addressLocality="Sint-Niklaas", addressRegion="Oost-Vlaanderen")},
        employmentType="PART_TIME", workHours="19 uur per week"),
}


@pytest.mark.parametrize("slug", WITH_WORKPLACE)
def test_job_posting_holds_the_facts_of_the_posting(open_page, slug):
    page = open_page(slug)
    [data] = job_postings(page)
    description = data.pop("description")
    assert data == JOB_POSTINGS[slug]
    summary = shown(page.select_one(".vacancy-header .lead"))
    assert description.startswith(f"<p>{summary}</p>\n")
    assert "<h2" in description  # the body's sections follow the summary


# Google's required properties (developers.google.com/search/docs/appearance/structured-data/
# job-posting): title, description, datePosted, hiringOrganization, and jobLocation with an
# address that has addressCountry, unless the job is fully remote (jobLocationType TELECOMMUTE).
@pytest.mark.parametrize("slug", WITH_WORKPLACE)
def test_job_posting_has_what_google_requires(open_page, slug):
    [data] = job_postings(open_page(slug))
    assert data["title"] and data["description"] and data["datePosted"]
    assert data["hiringOrganization"]["name"]
    if data.get("jobLocationType") != "TELECOMMUTE":
        places = data["jobLocation"]
        for place in places if isinstance(places, list) else [places]:
            assert place["address"]["addressCountry"] == "BE"


@pytest.mark.parametrize("slug", WITH_WORKPLACE)
def test_every_job_posting_value_is_shown_on_the_page(open_page, slug):
    """Google's rule: structured data says only what the visitor can read on the page."""
    page = open_page(slug)
    [data] = job_postings(page)
    facts, times = key_facts(page), fact_times(page)

    def place_is_shown(place: dict, where: str) -> None:
        parts = place["address"]
        assert place.get("name", "") in where
        assert parts.get("streetAddress", "") in where
        assert " ".join(p for p in (parts.get("postalCode"), parts.get("addressLocality")) if p) in where
        assert parts.get("addressRegion", "") in where
        # addressCountry (BE) is required by Google and shown nowhere: the whole site is Belgian.

    for key, value in data.items():
        match key:
            case "@context" | "@type" | "directApply" | "description":
                continue  # markup; directApply is false; the description is the page's own text
            case "title":
                assert value == shown(page.h1)
            case "url":
                assert value == page.find("link", rel="canonical")["href"]
            case "datePosted":
                assert times["Gepubliceerd"] == [value]
            case "validThrough":
                assert times["Solliciteren"] == [value[:10]] and value[10:19] == "T23:59:59"
            case "hiringOrganization":
                assert facts["Werkgever"].startswith(value["name"])
                if "address" in value:
                    place_is_shown(value, facts["Werkgever"])
            case "identifier":
                assert value["name"] in facts["Werkgever"]
                # the vacancy number; without one, the slug: the page's own address
                assert value["value"] == facts.get("Vacaturenummer") or data["url"].endswith(
                    f"/{value['value']}/")
            case "jobLocation":
                where = facts.get("Werkplek") or facts["Werkplekken"]
                for place in value if isinstance(value, list) else [value]:
                    place_is_shown(place, where)
            case "employmentType":
                words = {"FULL_TIME": ("Uren", "voltijds"), "PART_TIME": ("Uren", "deeltijds")}
                for kind in value if isinstance(value, list) else [value]:
                    if kind == "TEMPORARY":
                        assert any(w in facts["Contract"].lower()
                                   for w in ("bepaalde duur", "tijdelijk", "jobstudent", "vervanging"))
                    else:
                        fact, word = words[kind]
                        assert word in facts[fact].lower()
            case "workHours":
                assert value.lower() in facts["Uren"].lower()
            case "totalJobOpenings":
                assert facts["Aantal plaatsen"] == ("1 plaats" if value == 1 else f"{value} plaatsen")
            case "jobStartDate":
                assert times.get("Werkperiode", times.get("Begindatum"))[0] == value
            case _:
                pytest.fail(f"JobPosting property {key!r} has no visible counterpart in this test")


NO_WORKPLACE = ("De vacature noemt geen werkplek, dus zoekmachines krijgen geen gestructureerde "
                "vacaturegegevens (JobPosting): Google vraagt waar je werkt.")
NO_CLOSING_DAY = ("De vacature is open maar heeft geen 'closes'-datum; kandidaten zien niet tot wanneer "
                  "ze kunnen solliciteren.")



def dead_end(employer: str) -> str:
    return ("De vacature is open, maar zegt niet hoe je solliciteert en noemt niemand om het te "
            "vragen: kandidaten lopen hier vast. De algemene contactgegevens van de site gelden niet "
            f"voor {employer}.")


# What the editor is told about each fixture on its open day: a missing workplace (no JobPosting),
# a missing closing day (01 and 10 close before their first dated step or their work period), and
# no way to apply nor anyone to ask (the postings name none; the fixtures invent none, and the
# site's own contact never speaks for another employer).
WARNINGS = {
    MEERHOUT: [NO_CLOSING_DAY, NO_WORKPLACE],
    JUSTITIE: [dead_end("Agentschap Justitie en Handhaving")],
    KAPRIJKE: [NO_WORKPLACE],
    HULSHOUT: [NO_WORKPLACE],
    MIDDELKERKE: [dead_end("Gemeentebestuur Middelkerke"), NO_WORKPLACE],
    JOBSTUDENT: [dead_end("Gemeente Meerhout"), NO_CLOSING_DAY],
    CC30: [dead_end("vzw 30CC"), NO_WORKPLACE],
    SINT_NIKLAAS: [dead_end("Stad Sint-Niklaas")],
}


@pytest.mark.parametrize("slug", ALL)
def test_editor_is_warned_about_what_the_open_posting_lacks(slug):
    warnings = [w for w in read_site(OPEN_ON[slug], root=SITE).warnings
                if w.path == f"content/vacatures/{slug}.md"]
    assert [w.message for w in warnings] == WARNINGS[slug]
    assert all(w.severity == Severity.WARNING for w in warnings)


@pytest.mark.parametrize("slug", WITHOUT_WORKPLACE)
def test_no_job_posting_without_a_workplace_but_the_rest_holds(site_on, open_page, slug):
    """The employer's address is not where one works: no JobPosting is made up from it. The
    page, vacatures.json and the feed still carry the vacancy (tested in full below)."""
    page = open_page(slug)
    assert job_postings(page) == []
    assert "JobPosting" not in str(page)
    assert "Werkplek" not in key_facts(page)
    site = site_on(OPEN_ON[slug])
    assert listed(site)[slug]["locations"] == []
    assert url_of(slug) in feed_entries(site)
    assert card(parse(site / "index.html"), slug) is not None


def test_salary_of_two_scales_gives_search_engines_only_the_lowest_start_salary():
    """08 names no workplace, so its page has no JobPosting. Were a workplace added (here, in the
    test only), baseSalary would state the lowest start salary and no maximum: a start salary of
    C1 is no top of the D1 scale. Its diploma (lager secundair) maps to no credential."""
    vacancy = next(v for v in read_site(OPEN_ON[MIDDELKERKE], root=SITE).vacancies
                   if v.slug == MIDDELKERKE)
    somewhere = replace(vacancy, locations=(Place(city="Middelkerke"),))
    data = job_posting(somewhere, vacancy_state(somewhere, OPEN_ON[MIDDELKERKE]), "<p></p>",
                       load_config(SITE), lambda path: BASE_URL + path.lstrip("/"))
    assert data["baseSalary"] == {"@type": "MonetaryAmount", "currency": "EUR",
                                  "value": {"@type": "QuantitativeValue", "unitText": "MONTH",
                                            "minValue": 1245.35}}
    assert "educationRequirements" not in data


# -- vacatures.json ---------------------------------------------------------------------------------

NO_APPLY = {"url": None, "email": None, "post": None, "in_person": None, "in_person_hours": None,
            "documents": [], "help": None, "note": None}
NO_CONTACT = {"name": None, "email": None, "phone": None}

# Every fact of vacatures.json as it is when the posting does not give it.
ABSENT = {
    "team": None, "unit": None, "grades": [], "positions": None, "reference": None, "hours": None,
    "work_times": [], "employment_types": [], "contracts": [], "locations": [], "telework": None,
    "start_date": None, "end_date": None, "salaries": [], "requirements": None, "apply": NO_APPLY,
    "reserve": None, "contact": NO_CONTACT, "closes": None, "open_ended": False,
    "selection_starts": None, "procedure": [], "pass_mark": None,
    # the keys kept for readers of the file's first version
    "apply_url": None, "grade": None, "hours_per_week": None, "full_time": None, "contract": None,
}


def record(slug: str, **facts) -> dict:
    """The entry of vacatures.json for `slug` (but its summary): its facts, the rest absent.
    `location` (the first version's key) repeats the first workplace's name and address."""
    first = facts.get("locations", [None])[0]
    location = {key: first[key] for key in ("name", "street", "postal_code", "city")} if first else None
    return {"id": slug, "url": url_of(slug), "title": title_of(slug), "employer": employer_of(slug),
            "published": OPEN_ON[slug].isoformat(), **ABSENT, "location": location, **facts}


def hours(text: str, low=None, high=None, share=None, full_week=None, note=None) -> dict:
    return {"text": text, "per_week_min": low, "per_week_max": high, "share_of_full_time": share,
            "full_week": full_week, "note": note}


def contract(text: str, status=None, duration=None, months=None, category=None) -> dict:
    return {"text": text, "status": status, "duration": duration, "months": months, "category": category}


def salary(scale=None, gross_min=None, basis=None, note=None) -> dict:
    """`basis`: what the amounts are for ("full time", "stated hours"); None without amounts.
    No posting here states full-time amounts for a part-time job, so none has a job's pay."""
    return {"scale": scale, "url": None, "currency": "EUR", "period": "month", "gross_min": gross_min,
            "gross_max": None, "for": basis, "note": note, "job_hours": None, "job_gross_min": None,
            "job_gross_max": None}


def place(name=None, city=None, region=None, note=None) -> dict:
    return {"name": name, "street": None, "postal_code": None, "city": city, "region": region,
            "note": note}


def requirements(**given) -> dict:
    return {"diploma": None, "diploma_level": None, "experience_months": None, "experience": None,
            "driving_licence": None, "driving_licence_required": None, "final_year_students": False,
            "other": [], **given}


def step(title: str, day: str | None = None, note: str | None = None) -> dict:
    return {"title": title, "date": day, "time": None, "place": None, "date_note": note,
            "tentative": False, "eliminating": False}


MIDDELKERKE_START = "Dat is het startloon. De vacature geeft het bedrag 'aan 100%'."

LISTED = {
    MEERHOUT: record(
        MEERHOUT, unit="Hulpkern", grades=["B1-B3"], grade="B1-B3", positions=1,
        hours=hours("voltijds"), work_times=["voltijds"], employment_types=["FULL_TIME"],
        full_time=True,
        contracts=[contract("Contractueel verband", status="contractueel")],
        contract="Contractueel verband",
        salaries=[salary("B1-B3", 2412.49, "full time",
                         "Dat is het startloon in B1, zonder anciënniteit (index 1,6734). Je neemt "
                         "hoogstens 8 jaar anciënniteit mee.")],
        requirements=requirements(
            diploma="bachelor sociaal werk, of een gelijkwaardig diploma", diploma_level="bachelor",
            other=REQUIREMENTS[MEERHOUT][1:]),
        contact={"name": "de personeelsdienst", "email": None, "phone": "014 24 99 30"},
        last_day="2018-04-25", selection_starts="2018-04-26",
        procedure=[step("Preselectie", "2018-04-26", "alleen als er een preselectie is"),
                   step("Schriftelijke selectie", "2018-05-16",
                        "deze datum geldt als er een preselectie is"),
                   step("Derde stap", None, "op een woensdag, de datum is niet bekend")]),
    JUSTITIE: record(
        JUSTITIE, team="Justitiehuizen", grades=["B1"], grade="B1", positions=28, reference="5551",
        employment_types=["TEMPORARY"],
        contracts=[contract("Contractueel, bepaalde duur (18 maanden)", "contractueel", "bepaalde duur",
                            18, "tijdelijke job")],
        contract="Contractueel, bepaalde duur (18 maanden)",
        locations=[place(region="Vlaanderen en Brussel",
                         note="De plaatsen zijn verdeeld over de justitiehuizen.")],
        requirements=requirements(experience="dit kan je eerste werkervaring zijn",
                                  other=REQUIREMENTS[JUSTITIE][1:]),
        closes="2022-12-12", last_day="2022-12-12",
        procedure=[step("Eerste screening"), step("Functiespecifieke screening")]),
    KAPRIJKE: record(
        KAPRIJKE, positions=1,
        hours=hours("voltijds of deeltijds", note="Bij voorkeur voltijds."),
        work_times=["voltijds", "deeltijds"], employment_types=["FULL_TIME", "PART_TIME", "TEMPORARY"],
        contracts=[contract("Contractueel, bepaalde duur (6 maanden)", "contractueel", "bepaalde duur",
                            6, "tijdelijke job")],
        contract="Contractueel, bepaalde duur (6 maanden)",
        requirements=requirements(
            diploma="bachelor maatschappelijk werk, of een gelijkwaardig diploma",
            diploma_level="bachelor", experience_months=0, final_year_students=True,
            other=REQUIREMENTS[KAPRIJKE][3:]),
        apply={**NO_APPLY, "post": "Vast bureau van Kaprijke, Lembeke-Dorp 43, 9971 Lembeke",
               "note": APPLY_BOX[KAPRIJKE][1], "help": APPLY_BOX[KAPRIJKE][2]},
        closes="2022-12-05", last_day="2022-12-05",
        procedure=[step("Toelating"), step("Selectie-interview"), step("Aanstelling")]),
    HULSHOUT: record(
        HULSHOUT, grades=["A1a-A3a"], grade="A1a-A3a",
        hours=hours("38/38 uur per week", 38, 38, full_week=38), hours_per_week=38,
        work_times=["voltijds"], employment_types=["FULL_TIME"], full_time=True,
        contracts=[contract("Statutair (vaste benoeming)", "statutair", category="vaste job")],
        contract="Statutair (vaste benoeming)",
        apply={**NO_APPLY,
               "post": "College van burgemeester en schepenen, Prof. Dr. Vital Celenplein 2, 2235 Hulshout",
               "in_person": "Personeelsdienst, Grote Baan 264, 2235 Hulshout",
               "note": APPLY_BOX[HULSHOUT][2], "documents": APPLY_BOX[HULSHOUT][4:9],
               "help": APPLY_BOX[HULSHOUT][9]},
        closes="2023-07-03", last_day="2023-07-03"),
    MIDDELKERKE: record(
        MIDDELKERKE, grades=["C1", "D1"], grade="C1 of D1",
        hours=hours("25,34/38 uur per week", 25.34, 25.34, full_week=38,
                    note="Je werkt soms op wisselende uren."),
        hours_per_week=25.34, work_times=["deeltijds"], employment_types=["PART_TIME"], full_time=False,
        salaries=[salary("C1", 1268.14, "stated hours", MIDDELKERKE_START),
                  salary("D1", 1245.35, "stated hours", MIDDELKERKE_START)],
        requirements=requirements(
            diploma="een diploma of getuigschrift dat toegang geeft tot niveau C of niveau D; voor "
                    "niveau D is dat lager secundair onderwijs of gelijkwaardig",
            diploma_level="lager secundair", driving_licence="B", driving_licence_required=False,
            other=REQUIREMENTS[MIDDELKERKE][2:]),
        closes="2023-07-03", last_day="2023-07-03"),
    JOBSTUDENT: record(
        JOBSTUDENT, team="Buitenschoolse kinderopvang", positions=2, employment_types=["TEMPORARY"],
        contracts=[contract("Jobstudent (studentenovereenkomst)", "jobstudent", category="studentenjob")],
        contract="Jobstudent (studentenovereenkomst)",
        locations=[place(name="De Meerkatjes")], start_date="2019-07-01", end_date="2019-08-31",
        requirements=requirements(diploma=REQUIREMENTS[JOBSTUDENT][0].removeprefix("Diploma: "),
                                  other=REQUIREMENTS[JOBSTUDENT][1:]),
        last_day="2019-06-30", procedure=[step("Selectie")]),
    CC30: record(
        CC30, positions=1,
        hours=hours("20 % van een voltijdse job", share=20,
                    note="Werkregeling 1/5 VTE (voltijds equivalent)."),
        work_times=["deeltijds"], employment_types=["PART_TIME", "TEMPORARY"], full_time=False,
        # "1 jaar" in the plain text is read as 12 months
        contracts=[contract("Tijdelijke job, 1 jaar", duration="bepaalde duur", months=12,
                            category="tijdelijke job")],
        contract="Tijdelijke job, 1 jaar",
        salaries=[salary("L1 (paritair comité 329.01)")],
        requirements=requirements(diploma="een masterdiploma, of een bachelordiploma met ervaring",
                                  diploma_level="bachelor",
                                  experience="nodig als je een bachelordiploma hebt"),
        closes="2023-06-29", last_day="2023-06-29"),
    SINT_NIKLAAS: record(
        SINT_NIKLAAS, team="Buitenschoolse opvang",
        hours=hours("19 uur per week", 19, 19,
                    note="In de schoolweken werk je 25 uur per week. Die extra uren krijg je terug in de "
                         "schoolvakanties. Met je verlof erbij ben je in de schoolvakanties helemaal "
                         "vrij."),
        hours_per_week=19, work_times=["deeltijds"], employment_types=["PART_TIME"], full_time=False,
        locations=[place(city="Sint-Niklaas", region="Oost-Vlaanderen",
                         note="Je werkt op verschillende locaties van de buitenschoolse opvang in groot "
                              "Sint-Niklaas.")],
        requirements=requirements(driving_licence="B", driving_licence_required=False,
                                  other=REQUIREMENTS[SINT_NIKLAAS][1:]),
        apply={**NO_APPLY, "note": APPLY_BOX[SINT_NIKLAAS][0]},
        closes="2026-03-10", last_day="2026-03-10"),
}


@pytest.mark.parametrize("slug", ALL)
def test_vacatures_json_holds_the_facts_of_the_posting_and_no_others(site_on, open_page, slug):
    vacancy = dict(listed(site_on(OPEN_ON[slug]))[slug])
    assert vacancy.pop("summary") == shown(open_page(slug).select_one(".vacancy-header .lead"))
    assert vacancy == LISTED[slug]


# -- the Atom feed and the calendar -----------------------------------------------------------------

@pytest.mark.parametrize("slug", ALL)
def test_feed_entry_is_dated_by_its_posting_day(site_on, slug):
    entry = feed_entries(site_on(OPEN_ON[slug]))[url_of(slug)]
    day = OPEN_ON[slug].isoformat()
    assert entry.findtext(f"{ATOM}title") == title_of(slug)
    assert entry.findtext(f"{ATOM}updated") == f"{day}T00:00:00Z"
    assert entry.findtext(f"{ATOM}published") == f"{day}T00:00:00Z"


def test_calendar_has_the_two_dated_steps_with_their_condition(site_on):
    site = site_on(OPEN_ON[MEERHOUT])
    calendar = Calendar.from_ical((site / f"vacatures/{MEERHOUT}/procedure.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Selectieprocedure Maatschappelijk werker"
    events = calendar.walk("VEVENT")
    # The third step has no date: it has no event.
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("Preselectie (Maatschappelijk werker)", date(2018, 4, 26), date(2018, 4, 27)),
        ("Schriftelijke selectie (Maatschappelijk werker)", date(2018, 5, 16), date(2018, 5, 17))]
    assert [str(e["DESCRIPTION"]).splitlines()[0] for e in events] == [
        "Alleen als er een preselectie is", "Deze datum geldt als er een preselectie is"]
    assert {str(e["URL"]) for e in events} == {url_of(MEERHOUT)}
    page = parse(site / f"vacatures/{MEERHOUT}/index.html")
    assert page.find("a", class_="calendar-link")["href"] == f"/vacatures/{MEERHOUT}/procedure.ics"


@pytest.mark.parametrize("slug", [s for s in ALL if s != MEERHOUT])
def test_no_calendar_without_a_dated_step(site_on, slug):
    site = site_on(OPEN_ON[slug])
    assert not (site / f"vacatures/{slug}/procedure.ics").exists()
    assert parse(site / f"vacatures/{slug}/index.html").find("a", class_="calendar-link") is None


# -- closing ---------------------------------------------------------------------------------------

# (last day open, the closed Status, what the closed page title adds after "afgesloten").
# A written `closes` (for 03, 07, 08 and 15 a test date) gives "op <day>"; without one, 01
# closes on its first dated step (a conditional one) and 10 when its work period starts.
CLOSING = {
    MEERHOUT: (date(2018, 4, 25),
               "afgesloten; de eerste stap met een datum is „Preselectie” op donderdag 26 april 2018",
               "; selectie vanaf donderdag 26 april 2018"),
    JUSTITIE: (date(2022, 12, 12), "afgesloten op maandag 12 december 2022",
               " op maandag 12 december 2022"),
    KAPRIJKE: (date(2022, 12, 5), "afgesloten op maandag 5 december 2022", " op maandag 5 december 2022"),
    HULSHOUT: (date(2023, 7, 3), "afgesloten op maandag 3 juli 2023", " op maandag 3 juli 2023"),
    MIDDELKERKE: (date(2023, 7, 3), "afgesloten op maandag 3 juli 2023", " op maandag 3 juli 2023"),
    JOBSTUDENT: (date(2019, 6, 30), "afgesloten; de job begint op maandag 1 juli 2019",
                 "; job vanaf maandag 1 juli 2019"),
    CC30: (date(2023, 6, 29), "afgesloten op donderdag 29 juni 2023", " op donderdag 29 juni 2023"),
    SINT_NIKLAAS: (date(2026, 3, 10), "afgesloten op dinsdag 10 maart 2026", " op dinsdag 10 maart 2026"),
}


def closed_title(slug: str) -> str:
    title, part_of, _, _ = HEADER[slug]
    return f"{title}, {part_of} (afgesloten{CLOSING[slug][2]}) | {SITE_TITLE}"


def assert_closed(site: Path, slug: str) -> None:
    """The page of a closed vacancy: no JobPosting and no apply box, in the archive only."""
    page = parse(site / f"vacatures/{slug}/index.html")
    assert shown(page.title) == closed_title(slug)
    assert key_facts(page)["Status"] == CLOSING[slug][1]
    assert shown(page.select_one(".status-closed .status-label")) == "Afgesloten."
    assert job_postings(page) == [] and page.find(id="solliciteren") is None
    assert slug not in listed(site) and url_of(slug) not in feed_entries(site)
    assert card(parse(site / "index.html"), slug) is None
    archived = card(parse(site / "vacatures/archief/index.html"), slug)
    assert employer_of(slug) in shown(archived.select_one(".card-who"))
    assert short_facts_of(archived)["Status"] == CLOSING[slug][1]


@pytest.mark.parametrize("slug", ALL)
def test_vacancy_closes_on_its_own_day(site_on, slug):
    last_open = CLOSING[slug][0]
    before = site_on(last_open)
    page = parse(before / f"vacatures/{slug}/index.html")
    assert len(job_postings(page)) == (1 if slug in WITH_WORKPLACE else 0)
    assert slug in listed(before) and url_of(slug) in feed_entries(before)
    # a copy kept past the last day turns itself into the closed page in the browser
    assert page.find("article", class_="vacancy")["data-closed-title"] == closed_title(slug)
    assert_closed(site_on(last_open + timedelta(days=1)), slug)


def test_in_a_2026_build_every_posting_is_in_the_archive_and_none_is_open(site_on):
    """No posting of 2018–2023 stays open years later: none of them is open-ended. 15 (2026)
    is closed too, on its test closing day in March."""
    site = site_on(LATE)
    assert card_links(parse(site / "index.html")) == set()
    assert card_links(parse(site / "vacatures/archief/index.html")) == {f"/vacatures/{s}/" for s in ALL}
    assert listed(site) == {} and feed_entries(site) == {}
    for slug in ALL:
        assert_closed(site, slug)
