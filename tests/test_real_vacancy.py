"""Every fact of the seed vacancy appears on the built vacancy page (parsed, not grepped)."""

from __future__ import annotations

import pytest

from helpers import VACANCY, parse, text_of


@pytest.fixture(scope="module")
def page(open_site):
    return parse(open_site / VACANCY)


@pytest.fixture(scope="module")
def main_text(page) -> str:
    return text_of(page.find("main"))


def section_after(page, heading_id: str):
    """The elements between a heading and the next heading of the same or a higher level."""
    heading = page.find(id=heading_id)
    level = heading.name
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2",) or sibling.name == level:
            break
        parts.append(sibling)
    return parts


def test_key_facts_are_in_het_kort(page):
    facts = {text_of(item.dt): text_of(item.dd) for item in page.select(".in-short .facts > div")}
    assert facts["Team"] == "Wijkgericht Sociaal Werk, Kenniscel"
    assert facts["Niveau"] == "B1-B3 (loonschalen van niveau B)"
    assert facts["Uren"] == "38 uur per week (voltijds)"
    assert facts["Contract"] == "Onbepaalde duur"
    assert facts["Wervingsreserve"] == ("2 jaar geldig. Alle geslaagde kandidaten komen op deze "
                                        "wervingsreserve (of bevorderingsreserve). Verlengen is mogelijk.")
    assert facts["Werkplek"].startswith("Sociaal Huis, Budastraat 35, 8500 Kortrijk")
    assert "regelmatig vanuit de verschillende wijkteams" in facts["Werkplek"]
    assert facts["Loon"].startswith("Loonschaal B1-B3")


@pytest.mark.parametrize("group, bullets", [
    ("Je ontwikkelt en bewaakt het communicatiebeleid van WSW", 4),
    ("Je coördineert communicatieprojecten van A tot Z", 4),
    ("Je verzorgt de interne en externe communicatiekanalen", 5),
    ("Je bouwt bruggen en versterkt netwerken", 4),
])
def test_each_responsibility_group_has_every_bullet(page, group, bullets):
    heading = next(h for h in page.find_all("h3") if text_of(h) == group)
    items = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        items += sibling.find_all("li") if sibling.name == "ul" else []
    assert len(items) == bullets


@pytest.mark.parametrize("fact", [
    "kom je terecht in de Kenniscel",
    "zeven wijkteams, een administratieve dienst, een kenniscel en andere ondersteunende functies",
    "leefloon, schuldhulpverlening, zorg, outreachend werken en ontmoeting",
    # what we offer, with every figure
    "maximum 18 jaar", "Anciënniteit uit de openbare sector kan je onbeperkt meenemen",
    "flexibel uurrooster met mogelijkheid tot telewerken", "eindejaarspremie",
    "Maaltijdcheques (€7,50)", "fietsvergoeding (€0,35 per km)",
    "gratis openbaar vervoer voor woon-werkverkeer", "fietsleaseprogramma", "Mobit deelfietsen",
    "hospitalisatieverzekering met gunsttarief voor je partner en kinderen",
    "groepsverzekering (tweede pensioenpijler)", "Gratis aansluiting bij GSD-V",
    "welzijn en werkgeluk",
    # conditions
    "Ben je een externe kandidaat?", "Ben je een interne kandidaat?",
    "bachelordiploma", "online niveau- en capaciteitstest",
    "1 jaar aantoonbare en relevante beroepservaring in een communicatiefunctie",
    "minstens 12 maand dienstanciënniteit", "minstens 1 jaar niveau-anciënniteit op C-niveau",
    # Kortrijk als werkgever
    "meer dan 1800 collega", "Visie", "Waarden", "zeg-en-doe-mentaliteit",
])
def test_seed_fact_is_on_the_page(main_text, fact):
    assert fact in main_text


def test_procedure_has_the_three_steps_in_order(page):
    """The reserve list is no step (it would get the badge "Volgende stap"): it is a key fact."""
    titles = [text_of(h) for h in page.select("ol.timeline > li .step-title")]
    assert titles == ["Screening cv", "Deel 1: speedinterview",
                      "Deel 2: gecombineerde proef (case en interview met jury)"]


def test_speedinterview_details(page):
    step = text_of(page.select("ol.timeline > li")[1])
    for fact in ("digitaal via Microsoft Teams", "Duur: een kwartier", "Eliminerend",
                 "woensdag 5 november 2025 (onder voorbehoud)", "motivatie"):
        assert fact in step
    assert page.select("ol.timeline > li")[1].find("time")["datetime"] == "2025-11-05"


def test_combined_test_details(page):
    item = page.select("ol.timeline > li")[2]
    step = text_of(item)
    for fact in ("praktijkgerichte case", "externe jury", "online gedragstest die je thuis kan invullen",
                 "Eliminerend", "minstens 60/100", "donderdag 13 november 2025 (onder voorbehoud)"):
        assert fact in step
    assert item.find("time")["datetime"] == "2025-11-13"


def test_reserve_is_valid_two_years_and_extendable(page):
    reserve = next(d for d in page.select(".in-short .facts > div") if text_of(d.dt) == "Wervingsreserve")
    assert "2 jaar geldig" in text_of(reserve.dd) and "Verlengen is mogelijk" in text_of(reserve.dd)


def test_eight_competencies_with_descriptions(page):
    pairs = [(text_of(d.dt), text_of(d.dd)) for d in page.select("dl.competencies > div")]
    assert [name for name, _ in pairs] == [
        "Klantgerichtheid", "Samenwerken", "Resultaatgerichtheid", "Wendbaarheid",
        "Zelfstandig werken", "Plannen en organiseren", "Communiceren", "Innovatie en creativiteit"]
    assert all(description.startswith("Je ") for _, description in pairs)


def test_contact_person_with_mail_and_international_phone(page):
    section = page.find(id="vragen").parent
    text = text_of(section)
    assert "Siska Casier, selectieverantwoordelijke" in text
    hrefs = {a["href"] for a in section.find_all("a")}
    assert {"mailto:vacatures@kortrijk.be", "tel:+3256278503"} <= hrefs
    assert "056 27 85 03" in text


@pytest.mark.parametrize("url", [
    "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk",
    "https://www.kortrijk.be/media/86804/download",
    "https://www.gsd-v.be/",
    "https://www.vlaanderen.be/vlaams-personeelsstatuut/bijlagen-vps/bijlage-2",
    "https://www.kortrijk.be/missie-en-waarden",
])
def test_every_seed_link_is_on_the_page(page, url):
    links = [a for a in page.find("main").find_all("a") if a["href"] == url]
    assert links, url
    assert all(text_of(a).lower() not in ("hier", "klik hier", "lees meer") for a in links)


def test_nothing_invented_without_a_source(page, main_text):
    """The seed gives no posting date, closing date or apply link: none may appear."""
    assert "gepubliceerd" not in main_text.lower()
    assert not page.select('a[href*="solliciteer"], a[href*="apply"]')
    dates = [t["datetime"] for t in page.find("main").find_all("time")
             if not t.find_parent(class_="updated")]  # the build date: not a fact of the posting
    assert dates == ["2025-11-05", "2025-11-05", "2025-11-05", "2025-11-13", "2025-11-05"]


def test_on_this_page_lists_every_section_in_page_order(page):
    toc = [(a["href"][1:], text_of(a)) for a in page.select("nav.toc a")]
    headings = [(h["id"], text_of(h)) for h in page.find("article").find_all("h2")
                if h["id"] not in ("in-het-kort", "op-deze-pagina")
                and not h.find_parent(hidden=True)]  # the closed notice, for close.js
    assert toc == headings
    assert toc[0] == ("wat-zijn-jouw-verantwoordelijkheden", "Wat zijn jouw verantwoordelijkheden?")


def test_abbreviations_are_explained_on_first_use(page, main_text):
    first = {abbreviation: main_text.find(abbreviation) for abbreviation in ("WSW", "B1-B3", "GSD-V")}
    assert main_text.find("Wijkgericht Sociaal Werk (WSW)") < first["WSW"] + 1
    assert "B1-B3 (loonschalen van niveau B)" in main_text
    assert "GSD-V : de Gemeenschappelijke Sociale Dienst voor het personeel van lokale besturen" \
        in main_text  # (the link text and the colon are separate text nodes)


def test_the_page_says_when_it_was_built(open_site, closed_site):
    """A copy kept by a browser or a proxy shows how old it is."""
    for site, day, written in ((open_site, "2025-10-20", "maandag 20 oktober 2025"),
                               (closed_site, "2026-11-28", "zaterdag 28 november 2026")):
        updated = parse(site / VACANCY).select_one(".vacancy-header .updated")
        assert text_of(updated).startswith(f"Bijgewerkt op {written}")
        assert updated.time["datetime"] == day
