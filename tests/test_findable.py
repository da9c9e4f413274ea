"""Structured data, feeds, calendar, sitemap and sharing, each read back with a real parser."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from icalendar import Calendar
from lxml import etree

from helpers import FIXTURES, VACANCY, build_site, parse, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FULL = "vacatures/maatschappelijk-werker/index.html"


def json_ld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def of_type(page, kind: str) -> list[dict]:
    return [data for data in json_ld(page) if data["@type"] == kind]


@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    """The fixture that fills every field, published under a full address."""
    return build_site(tmp_path_factory.mktemp("full") / "output", date(2025, 10, 1),
                      root=FIXTURES / "complete", base_url="https://vacatures.example/werken-bij/")


# -- the real vacancy, open on 2025-10-20 -------------------------------------------------------

def test_open_real_vacancy_is_in_json_but_has_no_posting_date_to_give(open_site):
    """The seed says `published: onbekend`: no JobPosting and no feed entry, whose dates
    would be made up; vacatures.json has its facts."""
    page = parse(open_site / VACANCY)
    assert of_type(page, "JobPosting") == []
    [crumbs] = of_type(page, "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Vacatures", "Communicatiemedewerker"]
    feed = etree.parse(str(open_site / "feed.xml"))
    assert list(feed.iter(f"{ATOM}entry")) == []
    listed = json.loads((open_site / "vacatures.json").read_text("utf-8"))
    [vacancy] = listed["vacancies"]
    assert (vacancy["title"], vacancy["grades"], vacancy["hours"]["per_week_min"], vacancy["work_times"],
            vacancy["published"], vacancy["closes"], vacancy["last_day"], vacancy["selection_starts"]) == \
        ("Communicatiemedewerker", ["B1-B3"], 38, ["voltijds"], None, None, "2025-11-04", "2025-11-05")
    assert vacancy["reserve"] == {"years": 2, "note": "Alle geslaagde kandidaten komen op deze "
                                  "wervingsreserve (of bevorderingsreserve). Verlengen is mogelijk."}
    assert [step["date"] for step in vacancy["procedure"]] == [None, "2025-11-05", "2025-11-13"]
    # the keys of the first version keep their meaning
    assert (vacancy["grade"], vacancy["hours_per_week"], vacancy["full_time"], vacancy["contract"]) == \
        ("B1-B3", 38, True, "Onbepaalde duur")


def test_procedure_calendar_has_one_all_day_event_per_dated_step(open_site):
    calendar = Calendar.from_ical((open_site / "vacatures/communicatiemedewerker/procedure.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("Deel 1: speedinterview (Communicatiemedewerker)", date(2025, 11, 5), date(2025, 11, 6)),
        ("Deel 2: gecombineerde proef (case en interview met jury) (Communicatiemedewerker)",
         date(2025, 11, 13), date(2025, 11, 14))]
    assert all(str(e["DTSTAMP"].to_ical(), "ascii") == "20251020T000000Z" for e in events)
    assert "Onder voorbehoud" in str(events[0]["DESCRIPTION"])
    page = parse(open_site / VACANCY)
    link = page.find("a", class_="calendar-link")
    assert (link["href"], text_of(link)) == ("/vacatures/communicatiemedewerker/procedure.ics",
                                             "Zet de data in je agenda")


def test_closed_real_vacancy_is_archived_and_its_calendar_still_valid(closed_site, open_site):
    assert of_type(parse(closed_site / VACANCY), "JobPosting") == []
    assert json.loads((closed_site / "vacatures.json").read_text("utf-8"))["vacancies"] == []
    assert list(etree.parse(str(closed_site / "feed.xml")).iter(f"{ATOM}entry")) == []
    archive = parse(closed_site / "vacatures/archief/index.html")
    assert "selectie afgerond" in text_of(archive.select_one(".vacancy-card"))
    old = Calendar.from_ical((open_site / "vacatures/communicatiemedewerker/procedure.ics").read_bytes())
    new = Calendar.from_ical((closed_site / "vacatures/communicatiemedewerker/procedure.ics").read_bytes())
    assert [str(e["UID"]) for e in new.walk("VEVENT")] == [str(e["UID"]) for e in old.walk("VEVENT")]


# -- the fixture that fills every field ----------------------------------------------------------

def test_complete_job_posting_matches_what_the_page_shows(full_site):
    page = parse(full_site / FULL)
    [posting] = of_type(page, "JobPosting")
    facts = {text_of(d.dt): d.dd for d in page.select(".in-short .facts > div")}
    assert posting["title"] == text_of(page.h1) == "Maatschappelijk werker"
    assert posting["datePosted"] == facts["Gepubliceerd"].time["datetime"] == "2025-09-01"
    assert posting["validThrough"] == "2025-10-31T23:59:59+01:00"
    assert facts["Solliciteren"].time["datetime"] == "2025-10-31"
    assert posting["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert "deeltijds" in text_of(facts["Uren"]) and text_of(facts["Contract"]) == "Bepaalde duur"
    address = posting["jobLocation"]["address"]
    assert f"{address['streetAddress']}, {address['postalCode']} {address['addressLocality']}" in \
        text_of(facts["Werkplek"])
    organisation = posting["hiringOrganization"]
    assert page.find("footer").find("a", href=organisation["sameAs"]).get_text() == organisation["name"]
    assert posting["url"] == page.find("link", rel="canonical")["href"] == \
        "https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/"
    assert posting["identifier"]["value"] == "maatschappelijk-werker"
    assert posting["directApply"] is False
    assert posting["description"].startswith("<p>Een testvacature die elk veld invult.</p>")
    assert "baseSalary" not in posting  # the content gives a scale, not an amount


def test_home_has_organization_and_each_page_canonical_open_graph_and_twitter(full_site):
    home = parse(full_site / "index.html")
    [organization] = of_type(home, "GovernmentOrganization")
    assert (organization["name"], organization["url"]) == ("Stad Kortrijk", "https://www.kortrijk.be/")
    page = parse(full_site / FULL)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.find_all("meta")
            if m.get("property") or m.get("name")}
    assert meta["og:url"] == "https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/"
    assert meta["og:title"] == "Maatschappelijk werker, Testdienst"
    assert meta["og:description"] == "Een testvacature die elk veld invult."
    assert (meta["og:locale"], meta["twitter:card"]) == ("nl_BE", "summary")


def test_share_works_without_javascript(full_site):
    share = parse(full_site / FULL).find(id="delen")
    url = "https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/"
    assert text_of(share.find("code")) == url
    mail = share.find("a")["href"]
    assert mail.startswith("mailto:?subject=Vacature%3A%20Maatschappelijk%20werker&body=")
    assert "https%3A//vacatures.example/werken-bij/vacatures/maatschappelijk-werker/" in mail


def test_sitemap_lastmod_from_content_and_robots_names_it(full_site):
    sitemap = etree.parse(str(full_site / "sitemap.xml"))
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
               for u in sitemap.iter(f"{SITEMAP}url")}
    assert lastmod["https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/"] == "2025-09-01"
    assert lastmod["https://vacatures.example/werken-bij/"] is None
    assert "https://vacatures.example/werken-bij/404.html" not in lastmod
    robots = (full_site / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://vacatures.example/werken-bij/sitemap.xml" in robots.splitlines()


def test_feed_is_valid_atom_with_stable_ids_and_content_dates(full_site, tmp_path):
    feed = etree.parse(str(full_site / "feed.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.iter(f"{ATOM}entry")}
    entry = entries["Maatschappelijk werker"]
    assert entry.findtext(f"{ATOM}updated") == "2025-09-01T00:00:00Z"
    assert entry.find(f"{ATOM}link").get("href") == \
        "https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/"
    later = build_site(tmp_path / "later", date(2025, 10, 20), root=FIXTURES / "complete",
                       base_url="https://elders.example/")
    later_ids = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id")
                 for e in etree.parse(str(later / "feed.xml")).iter(f"{ATOM}entry")}
    assert later_ids["Maatschappelijk werker"] == entry.findtext(f"{ATOM}id")


def test_filter_is_hidden_without_javascript_and_lists_every_choice(full_site):
    home = parse(full_site / "index.html")
    form = home.find("form", id="filter")
    assert form.has_attr("hidden")
    options = {s["name"]: [o.get_text() for o in s.find_all("option")] for s in form.find_all("select")}
    # each option with the number of vacancies it shows; the address keeps the choice (name)
    assert options["uren"] == ["Voltijds en deeltijds (3)", "Voltijds (2)", "Deeltijds (1)"]
    assert options["plaats"][0] == "Alle plaatsen (3)"
    assert options["volgorde"] == ["Sluit het eerst", "Nieuwste eerst"]
    assert home.find(id="filter-status")["aria-live"] == "polite"
    cards = home.select("[data-filterable] .vacancy-card")
    assert len(cards) == 3 and all(card.get("data-team") for card in cards)
    assert home.find("script", src=re.compile(r"^/werken-bij/static/filter\.[0-9a-f]{10}\.js$"))


def test_archive_lists_closed_vacancies_newest_first(tmp_path):
    late = build_site(tmp_path / "late", date(2026, 1, 1), root=FIXTURES / "complete")
    archive = parse(late / "vacatures/archief/index.html")
    titles = [text_of(h) for h in archive.select(".vacancy-list h2")]
    # the two fixtures without closes closed on 12 November, the other on 31 October
    assert titles[-1] == "Maatschappelijk werker" and len(titles) == 3


def test_a_closed_vacancy_carries_no_job_posting_even_with_every_field(tmp_path):
    closed = build_site(tmp_path / "closed", date(2025, 11, 1), root=FIXTURES / "complete")
    page = parse(closed / FULL)
    assert "Afgesloten." in text_of(page.select_one(".status"))
    assert of_type(page, "JobPosting") == []


def test_full_time_hours_give_full_time_employment(tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    vacancy = site / "content/vacatures/maatschappelijk-werker.md"
    vacancy.write_text(vacancy.read_text("utf-8").replace("hours_per_week: 19", "hours_per_week: 38"),
                       "utf-8")
    out = build_site(tmp_path / "out", date(2025, 10, 1), root=site)
    [posting] = of_type(parse(out / FULL), "JobPosting")
    assert posting["employmentType"] == ["FULL_TIME", "TEMPORARY"]  # bepaalde duur


def test_calendar_uids_survive_an_inserted_step_and_old_names_keep_the_calendar(tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    before = build_site(tmp_path / "a", date(2025, 10, 1), root=site)
    uids = [str(e["UID"]) for e in Calendar.from_ical(
        (before / "vacatures/maatschappelijk-werker/procedure.ics").read_bytes()).walk("VEVENT")]
    vacancy = site / "content/vacatures/maatschappelijk-werker.md"
    vacancy.write_text(vacancy.read_text("utf-8").replace(
        "procedure:\n", "procedure:\n  - title: Screening cv\n    date: 2025-11-10\n").replace(
        "blocks:", "aliases:\n  - sociaal-werker\nblocks:"), "utf-8")
    after = build_site(tmp_path / "b", date(2025, 10, 1), root=site)
    events = Calendar.from_ical(
        (after / "vacatures/maatschappelijk-werker/procedure.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 2 and str(events[1]["UID"]) == uids[0]
    assert (after / "vacatures/sociaal-werker/procedure.ics").read_bytes() == \
        (after / "vacatures/maatschappelijk-werker/procedure.ics").read_bytes()
