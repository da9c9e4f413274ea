"""The vacancy fields that real postings need: each read right when valid, and refused with
file, line and a Dutch fix when wrong. One small vacancy file per case, in a copy of the
complete fixture site."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest

from helpers import FIXTURES, build_site, parse, read_site, text_of
from werkenbij.models import SiteConfig
from werkenbij.problems import ContentError, Severity
from werkenbij.read.config import load_config
from werkenbij.schedule import vacancy_state
from werkenbij.vacancy.apply import Apply, Reserve
from werkenbij.vacancy.contract import Contract, contract_label, contracts_label
from werkenbij.vacancy.hours import Hours, hours_label, work_times
from werkenbij.vacancy.place import Employer, Place
from werkenbij.vacancy.requirements import Requirements
from werkenbij.vacancy.salary import Salary, salary_amounts
from werkenbij.vacancy.words import positions_label, time_label

TODAY = date(2025, 10, 1)
NAME = "content/vacatures/test.md"
HEAD = """---
title: Testfunctie
team: Testteam
summary: Een korte samenvatting.
published: 2025-09-01
"""  # the lines after it start at line 6
BODY = "---\n\n## Wat doe je?\n\nJe helpt mensen.\n"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    for path in (root / "content/vacatures").glob("*.md"):
        path.unlink()
    return root


def read(site, front: str, today: date = TODAY, head: str = HEAD):
    """The one vacancy read from HEAD + `front`; raises ContentError with its mistakes."""
    (site / NAME).write_text(head + front + BODY, "utf-8")
    content = read_site(today, root=site)
    [vacancy] = content.vacancies
    return vacancy


def mistakes(site, front: str, today: date = TODAY, head: str = HEAD) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read(site, front, today, head)
    problems = caught.value.problems
    assert all(p.fix for p in problems)
    return [f"{p.line}:{p.column} {p.message}" for p in problems if p.severity == Severity.ERROR]


CLOSES = "closes: 2025-10-31\n"


# -- hours -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, hours, label, kinds", [
    ("38", Hours(low=Decimal(38), high=Decimal(38)), "38 uur per week (voltijds)", ("voltijds",)),
    ("28.5", Hours(low=Decimal("28.5"), high=Decimal("28.5")), "28,5 uur per week (deeltijds)",
     ("deeltijds",)),
    ('"28,5"', Hours(low=Decimal("28.5"), high=Decimal("28.5")), "28,5 uur per week (deeltijds)",
     ("deeltijds",)),
    ("25,34/38", Hours(low=Decimal("25.34"), high=Decimal("25.34"), full_week=Decimal(38)),
     "25,34/38 uur per week (deeltijds)", ("deeltijds",)),
    ("36/36", Hours(low=Decimal(36), high=Decimal(36), full_week=Decimal(36)),
     "36/36 uur per week (voltijds)", ("voltijds",)),
    ("20%", Hours(share=Decimal(20)), "20 % van een voltijdse job (deeltijds)", ("deeltijds",)),
    ("100 %", Hours(share=Decimal(100)), "100 % van een voltijdse job (voltijds)", ("voltijds",)),
    ("19-25", Hours(low=Decimal(19), high=Decimal(25)), "19 tot 25 uur per week (deeltijds)",
     ("deeltijds",)),
    ("30 tot 38", Hours(low=Decimal(30), high=Decimal(38)),
     "30 tot 38 uur per week (voltijds of deeltijds)", ("voltijds", "deeltijds")),
    ("voltijds", Hours(words="voltijds"), "Voltijds", ("voltijds",)),
    ("voltijds of deeltijds", Hours(words="voltijds of deeltijds"), "Voltijds of deeltijds",
     ("voltijds", "deeltijds")),
])
def test_hours_as_written(site, written, hours, label, kinds):
    vacancy = read(site, CLOSES + f"hours_per_week: {written}\n")
    config = load_config(site)
    assert vacancy.hours == hours
    assert hours_label(vacancy.hours, config.full_time_hours) == label
    assert work_times(vacancy.hours, config.full_time_hours) == kinds


def test_hours_not_stated_or_only_a_note(site):
    assert read(site, CLOSES).hours is None
    vacancy = read(site, CLOSES + "hours_per_week: 19\nhours_note: In schoolweken werk je 25 uur.\n")
    assert vacancy.hours.note == "In schoolweken werk je 25 uur."


@pytest.mark.parametrize("written", ["0", "61", "negentien", "25-19", "30/20", "120%", "0%",
                                     "19-25/38", "28,555"])
def test_hours_that_cannot_be_right_are_refused(site, written):
    assert mistakes(site, CLOSES + f'hours_per_week: "{written}"\n') == [
        f"7:17 'hours_per_week' (de uren per week) is geen aantal uren dat de site kent ({written})."]


def test_a_student_job_is_not_full_time_on_the_page_or_in_the_json_ld(site, tmp_path):
    """The defect: 38 hours of a student job were shown as voltijds with FULL_TIME only."""
    (site / NAME).write_text(HEAD + CLOSES + "hours_per_week: 38\ncontract:\n  status: jobstudent\n"
                             "location:\n  city: Meerhout\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert facts["Contract"] == "Jobstudent"
    import json
    posting = next(d for s in page.select('script[type="application/ld+json"]')
                   if (d := json.loads(s.string))["@type"] == "JobPosting")
    assert posting["employmentType"] == ["FULL_TIME", "TEMPORARY"]


# -- workplaces, employer --------------------------------------------------------------------------

def test_places_without_a_street_several_places_and_a_region(site):
    assert read(site, CLOSES + "location:\n  city: Meerhout\n").locations == (Place(city="Meerhout"),)
    assert read(site, CLOSES + "location:\n  region: Vlaanderen en Brussel\n").locations == \
        (Place(region="Vlaanderen en Brussel"),)
    several = read(site, CLOSES + "locations:\n  - name: De Meerkatjes\n  - city: Sint-Niklaas\n"
                   "    note: Je wisselt van locatie.\ntelework: deels\n")
    assert several.locations == (Place(name="De Meerkatjes"),
                                 Place(city="Sint-Niklaas", note="Je wisselt van locatie."))
    assert several.telework == "deels"


def test_place_mistakes(site):
    assert mistakes(site, CLOSES + "location:\n  street: Markt 1\n") == [
        "8:3 'location': de werkplek heeft geen naam, gemeente of regio."]
    assert mistakes(site, CLOSES + "location:\n  city: A\nlocations:\n  - city: B\n") == [
        "9:1 Gebruik 'location' of 'locations', niet allebei."]
    assert mistakes(site, CLOSES + "telework: soms\n") == [
        "7:11 'telework' (het thuiswerk) moet deels of volledig zijn (soms)."]


def test_employer_as_a_name_or_a_block_and_no_site_contact_for_it(site):
    assert read(site, CLOSES + "employer: OCMW Meerhout\n").employer == Employer(name="OCMW Meerhout")
    vacancy = read(site, CLOSES + "employer:\n  name: OCMW Meerhout\n  street: Markt 1\n"
                   '  postal_code: "2450"\n  city: Meerhout\n')
    assert vacancy.employer == Employer(name="OCMW Meerhout", address=Place(
        street="Markt 1", postal_code="2450", city="Meerhout"))
    assert (vacancy.contact.email, vacancy.contact.phone) == ("", "")  # not the site's mailbox
    assert mistakes(site, CLOSES + "employer:\n  city: Meerhout\n") == [
        "8:3 'employer': 'name' (de werkgever) ontbreekt."]


def test_a_contact_without_email_keeps_its_name_role_and_phone(site):
    """The defect: name, role and phone were dropped without a word. Only the missing e-mail
    comes from site_config.yaml."""
    vacancy = read(site, CLOSES + 'contact:\n  name: An Peeters\n  role: selectie\n  phone: "014 24 99 30"\n')
    config = load_config(site)
    assert (vacancy.contact.name, vacancy.contact.role, vacancy.contact.phone, vacancy.contact.email) == \
        ("An Peeters", "selectie", "014 24 99 30", config.contact.email)


# -- contract ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("front, contracts, label, categories", [
    ("contract: onbepaalde duur\n", (Contract(duration="onbepaalde duur", written="onbepaalde duur"),),
     "Onbepaalde duur", ("vaste job",)),
    ("contract: contractueel, onbepaalde duur\n",
     (Contract(status="contractueel", duration="onbepaalde duur", written="contractueel, onbepaalde duur"),),
     "Contractueel, onbepaalde duur", ("vaste job",)),
    ("contract:\n  status: statutair\n", (Contract(status="statutair"),), "Statutair", ("vaste job",)),
    ("contract:\n  status: contractueel\n  duration: bepaalde duur\n  months: 18\n",
     (Contract(status="contractueel", duration="bepaalde duur", months=18),),
     "Contractueel, bepaalde duur (18 maanden)", ("tijdelijke job",)),
    ("contract:\n  - status: statutair\n  - status: contractueel\n    duration: onbepaalde duur\n",
     (Contract(status="statutair"), Contract(status="contractueel", duration="onbepaalde duur")),
     "Statutair; of contractueel, onbepaalde duur", ("vaste job",)),
    ("contract: studentenovereenkomst\n", (Contract(status="jobstudent", written="studentenovereenkomst"),),
     "Studentenovereenkomst", ("studentenjob",)),
])
def test_contracts_plain_or_structured(site, front, contracts, label, categories):
    vacancy = read(site, CLOSES + front)
    assert vacancy.contracts == contracts
    assert contracts_label(vacancy.contracts) == label
    assert vacancy.contract_categories == categories


def test_a_contract_the_site_cannot_sort_is_a_warning(site):
    (site / NAME).write_text(HEAD + CLOSES + "contract: zie de bijlage\n" + BODY, "utf-8")
    [warning] = [w for w in read_site(TODAY, root=site).warnings if "contract" in w.message]
    assert (warning.path, warning.line, warning.severity) == (NAME, 7, Severity.WARNING)
    assert warning.message.startswith("'contract' (het contract: zie de bijlage) zegt niet welk soort "
                                      "contract")


def test_contract_mistakes(site):
    assert mistakes(site, CLOSES + "contract:\n  status: interim\n") == [
        "8:11 'contract': 'status' (het soort contract) kent 'interim' niet."]
    assert mistakes(site, CLOSES + "contract:\n  duration: levenslang\n") == [
        "8:13 'contract': 'duration' (de duur van het contract) kent 'levenslang' niet."]
    assert mistakes(site, CLOSES + "contract:\n  note: iets\n") == [
        "8:3 'contract': het contract heeft geen 'status' en geen 'duration'."]
    assert mistakes(site, CLOSES + "contract:\n  duration: onbepaalde duur\n  months: 6\n") == [
        "9:11 'contract': 'months' (het aantal maanden) past niet bij onbepaalde duur."]


# -- grades, positions, reference, period ----------------------------------------------------------

def test_grades_positions_reference_and_work_period(site):
    vacancy = read(site, "grade:\n  - C1-C3\n  - D1-D3\npositions: 28\nreference: \"5551\"\n"
                   "start_date: 2025-11-01\nend_date: 2026-04-30\n")
    assert vacancy.grades == ("C1-C3", "D1-D3")
    assert (vacancy.positions, vacancy.reference) == (28, "5551")
    assert (vacancy.start_date, vacancy.end_date) == (date(2025, 11, 1), date(2026, 4, 30))
    assert read(site, CLOSES).grades == ()
    assert positions_label(1) == "1 plaats" and positions_label(2) == "2 plaatsen"


def test_grade_list_is_explained_per_level_on_the_page(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "grade:\n  - C1-C3\n  - D1-D3\npositions: 2\n" + BODY, "utf-8")
    out = build_site(tmp_path / "out", TODAY, root=site)
    page = parse(out / "vacatures/test/index.html")
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert facts["Niveau"] == "C1-C3 (loonschalen van niveau C) of D1-D3 (loonschalen van niveau D)"
    assert facts["Aantal plaatsen"] == "2 plaatsen"
    home = parse(out / "index.html")
    card = {text_of(d.dt): text_of(d.dd) for d in home.select(".vacancy-card .short-facts > div")}
    assert card["Loon"] == "Niveau C1-C3 of D1-D3"  # no amounts: the grade


def test_period_and_number_mistakes(site):
    assert mistakes(site, CLOSES + "positions: twee\n") == [
        "7:12 'positions' (het aantal plaatsen) moet een geheel getal van 1 tot 999 zijn (twee)."]
    assert mistakes(site, "start_date: 2025-11-01\nend_date: 2025-10-01\n") == [
        "7:11 'end_date' (de laatste werkdag: 2025-10-01) ligt vóór 'start_date' (de eerste werkdag: "
        "2025-11-01)."]
    assert mistakes(site, "closes: 2025-12-01\nend_date: 2025-11-30\n") == [
        "6:9 'closes' (de laatste dag om te solliciteren: 2025-12-01) ligt na het einde van de werkperiode: "
        "'end_date' (de laatste werkdag: 2025-11-30)."]


# -- salary ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, amount", [
    ("2412,49", Decimal("2412.49")), ("2.412,49", Decimal("2412.49")), ("2412.49", Decimal("2412.49")),
    ('"€ 2.412,49"', Decimal("2412.49")), ("2.412", Decimal(2412)), ("1268,14 euro", Decimal("1268.14")),
])
def test_salary_amounts_as_written(site, written, amount):
    vacancy = read(site, CLOSES + f"salary:\n  min: {written}\n")
    assert vacancy.salaries == (Salary(min=amount),)


def test_a_salary_per_scale(site, tmp_path):
    """One vacancy open at level C and D, each with its own start salary: no range is made up."""
    (site / NAME).write_text(HEAD + CLOSES + "location:\n  city: Middelkerke\nsalary:\n"
                             "  - scale: C1\n    min: 1268,14\n    for_hours: true\n"
                             "  - scale: D1\n    min: 1245,35\n    for_hours: true\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    facts = {text_of(d.dt): d.dd for d in page.select(".in-short .facts > div")}
    assert [text_of(li) for li in facts["Loon"].find_all("li")] == [
        "Loonschaal C1: bruto vanaf € 1.268,14 per maand voor de uren van deze job.",
        "Loonschaal D1: bruto vanaf € 1.245,35 per maand voor de uren van deze job."]
    import json
    posting = next(d for s in page.select('script[type="application/ld+json"]')
                   if (d := json.loads(s.string))["@type"] == "JobPosting")
    assert posting["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "MONTH",
                                              "minValue": 1245.35}


def test_salary_label_says_gross_per_month_and_for_which_hours():
    assert salary_amounts(Salary(min=Decimal("2412.49"))) == \
        "Bruto vanaf €\u00a02.412,49 per maand voor een voltijdse job"
    assert salary_amounts(Salary(min=Decimal("1245.35"), max=Decimal("1268.14"), for_hours=True)) == \
        "Bruto €\u00a01.245,35 tot €\u00a01.268,14 per maand voor de uren van deze job"
    assert salary_amounts(Salary(min=Decimal(2000), max=Decimal(2000))) == \
        "Bruto €\u00a02.000,00 per maand voor een voltijdse job"
    assert salary_amounts(Salary(scale="B1-B3")) == ""


def test_salary_mistakes(site):
    assert mistakes(site, CLOSES + "salary:\n  min: veel\n") == [
        "8:8 'salary': 'min' (het laagste loon) is geen brutobedrag per maand dat de site kent (veel)."]
    assert mistakes(site, CLOSES + "salary:\n  min: 3000\n  max: 2000\n") == [
        "9:8 'salary': 'max' (het hoogste loon: 2000) is kleiner dan 'salary': 'min' (het laagste loon: "
        "3000)."]
    assert mistakes(site, CLOSES + "salary:\n  min: 12\n") == [
        "8:8 'salary': 'min' (het laagste loon) is geen brutobedrag per maand dat de site kent (12)."]


# -- requirements, applying, reserve ---------------------------------------------------------------

def test_requirements(site):
    vacancy = read(site, CLOSES + "requirements:\n  diploma: Bachelor sociaal werk\n"
                   "  diploma_level: bachelor\n  experience_months: 0\n  driving_licence: B\n"
                   "  driving_licence_required: false\n"
                   "  final_year_students: true\n  other:\n    - Je bent medisch geschikt.\n")
    assert vacancy.requirements == Requirements(
        diploma="Bachelor sociaal werk", diploma_level="bachelor", experience_months=0,
        driving_licence="B", driving_licence_required=False, final_year_students=True,
        other=("Je bent medisch geschikt.",))


def test_requirement_mistakes(site):
    assert mistakes(site, CLOSES + "requirements:\n  diploma_level: doctor\n") == [
        "8:18 'requirements': 'diploma_level' (het niveau van het diploma) kent 'doctor' niet."]
    assert mistakes(site, CLOSES + "requirements:\n  experience_months: een jaar\n") == [
        "8:22 'requirements': 'experience_months' (de maanden ervaring) moet een aantal maanden zijn (een "
        "jaar)."]
    assert mistakes(site, CLOSES + "requirements:\n  driving_licence: ja\n") == [
        "8:20 'requirements': 'driving_licence' (het rijbewijs) is geen rijbewijs (ja)."]
    assert mistakes(site, CLOSES + "requirements:\n  driving_licence_required: true\n") == [
        "8:29 'requirements': 'driving_licence_required' (is het rijbewijs verplicht) zonder "
        "'driving_licence'."]


def test_apply_every_way_and_the_older_apply_url(site):
    vacancy = read(site, CLOSES + "apply:\n  email: jobs@example.org\n"
                   "  post: Markt 1, 2450 Meerhout\n  in_person: Grote Baan 264, Hulshout\n"
                   "  in_person_hours: Elke werkdag van 9 tot 12 uur.\n"
                   "  documents:\n    - je cv\n    - een kopie van je diploma\n"
                   "  help: Geen computer? We helpen je.\n")
    assert vacancy.apply == Apply(email="jobs@example.org", post="Markt 1, 2450 Meerhout",
                                  in_person="Grote Baan 264, Hulshout",
                                  in_person_hours="Elke werkdag van 9 tot 12 uur.",
                                  documents=("je cv", "een kopie van je diploma"),
                                  help="Geen computer? We helpen je.")
    assert read(site, CLOSES + "apply_url: https://example.org/form\n").apply == \
        Apply(url="https://example.org/form")


def test_apply_mistakes(site):
    both = "apply_url: https://a.example/\napply:\n  url: https://b.example/\n"
    assert mistakes(site, CLOSES + both) == [
        "7:1 Gebruik 'apply_url' of 'apply.url', niet allebei."]
    assert mistakes(site, CLOSES + "apply:\n  documents:\n    - je cv\n") == [
        "8:3 'apply' zegt niet hoe je solliciteert."]
    # one mistake, one message: the url is named, not also "says not how to apply"
    assert mistakes(site, CLOSES + "apply:\n  url: javascript:alert(1)\n") == [
        "8:8 'apply': 'url' (de link naar het sollicitatieformulier) is geen toegelaten link "
        "(javascript:alert(1))."]
    hours_only = "apply:\n  email: jobs@example.org\n  in_person_hours: 9 tot 12\n"
    assert mistakes(site, CLOSES + hours_only) == [
        "9:20 'apply': 'in_person_hours' (wanneer je ze zelf afgeeft) zonder 'in_person'."]


def test_reserve_and_its_mistakes(site):
    assert read(site, CLOSES + "reserve:\n  years: 2\n  note: Verlengen kan.\n").reserve == \
        Reserve(years=2, note="Verlengen kan.")
    assert mistakes(site, CLOSES + "reserve:\n  years: twee\n") == [
        "8:10 'reserve': 'years' (de wervingsreserve, aantal jaren) moet een geheel getal van 1 tot 10 zijn "
        "(twee)."]


# -- steps -----------------------------------------------------------------------------------------

def test_a_step_with_a_time_a_place_and_a_date_note(site):
    vacancy = read(site, CLOSES + "procedure:\n  - title: Preselectie\n    date: 2025-11-06\n"
                   "    time: 9u30-12.00\n    place: Markt 1, Meerhout\n"
                   "    date_note: alleen als er een preselectie is\n")
    [step] = vacancy.procedure
    assert (step.time, step.place, step.date_note) == ("09:30-12:00", "Markt 1, Meerhout",
                                                       "alleen als er een preselectie is")
    assert time_label(step.time) == "van 9.30 tot 12.00 uur"


@pytest.mark.parametrize("written", ["25:00", "9 uur", "12:00-09:00", "9:75"])
def test_a_time_that_is_no_time_is_refused(site, written):
    assert mistakes(site, CLOSES + f'procedure:\n  - title: Gesprek\n    time: "{written}"\n') == [
        f"9:11 'procedure', stap 1: 'time' (het uur van de stap) is geen uur ({written})."]


def test_procedure_is_optional_and_leaves_no_empty_section(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert page.find(id="procedure") is None
    assert "Hoe verloopt de selectieprocedure?" not in text_of(page)


# -- when a vacancy closes -------------------------------------------------------------------------

def test_nothing_that_closes_it_is_an_error(site):
    assert mistakes(site, "") == [
        "2:1 De vacature zegt niet wanneer ze sluit, dus ze zou altijd open blijven."]


def test_open_ended_recruitment_stays_open_and_says_so(site, tmp_path):
    vacancy = read(site, "closes: doorlopend\n")
    state = vacancy_state(vacancy, date(2030, 1, 1))
    assert vacancy.open_ended and state.is_open and state.last_day is None and state.closes_at is None
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert facts["Solliciteren"] == "doorlopend: er is geen uiterste datum"


def test_a_work_period_closes_the_vacancy_when_the_work_begins(site):
    """The 2019 summer student job must not show as open in 2026."""
    vacancy = read(site, "start_date: 2025-11-01\nend_date: 2025-12-31\n")
    assert vacancy_state(vacancy, date(2025, 10, 31)).is_open
    assert not vacancy_state(vacancy, date(2025, 11, 1)).is_open
    assert not vacancy_state(vacancy, date(2026, 12, 4)).is_open
    assert vacancy_state(vacancy, date(2025, 10, 1)).last_day == date(2025, 10, 31)


def test_an_open_vacancy_needs_its_posting_date(site):
    head = HEAD.replace("published: 2025-09-01\n", "")
    assert mistakes(site, CLOSES, head=head) == [
        "1:0 De vacature is open maar heeft geen 'published' (de dag van publicatie): "
        "zonder die datum tonen "
        "zoekmachines ze niet bij hun vacatures."]
    # closed already: it only sits in the archive, nothing to refuse
    assert read(site, CLOSES, today=date(2025, 11, 1), head=head).published is None
    # the day is lost: said so on purpose
    assert read(site, CLOSES + "published: onbekend\n", head=head).published_unknown
    # a draft previewed is not live yet
    (site / NAME).write_text(head + CLOSES + "draft: true\n" + BODY, "utf-8")
    [draft] = read_site(TODAY, root=site, drafts=True).vacancies
    assert draft.draft and draft.published is None


def test_an_open_vacancy_without_published_names_the_fix_with_the_build_date(site):
    head = HEAD.replace("published: 2025-09-01\n", "")
    (site / NAME).write_text(head + CLOSES + BODY, "utf-8")
    with pytest.raises(ContentError) as caught:
        read_site(TODAY, root=site)
    [problem] = caught.value.problems
    assert problem.fix.startswith("Voeg 'published: 2025-10-01' toe")


def test_two_closed_rounds_of_one_job_keep_distinct_titles(site, tmp_path):
    """A yearly repost: the night the second round closes must not fail the build."""
    for name, closes in (("ronde-2024", "2024-10-31"), ("ronde-2025", "2025-10-31")):
        (site / f"content/vacatures/{name}.md").write_text(
            HEAD.replace("2025-09-01", closes[:4] + "-09-01") + f"closes: {closes}\n" + BODY, "utf-8")
    out = build_site(tmp_path / "out", date(2025, 11, 1), root=site)
    titles = {parse(out / f"vacatures/{name}/index.html").title.string.split(" | ")[0]
              for name in ("ronde-2024", "ronde-2025")}
    assert titles == {"Testfunctie, Testteam (afgesloten op donderdag 31 oktober 2024)",
                      "Testfunctie, Testteam (afgesloten op vrijdag 31 oktober 2025)"}


def test_work_times_follow_the_full_week_of_the_site():
    config = SiteConfig(title="", description="", intro="", base_url="/", organisation=None,
                        contact=None, faq=(), navigation=(), footer_links=(), full_time_hours=36)
    assert work_times(Hours(low=Decimal(36), high=Decimal(36)), config.full_time_hours) == ("voltijds",)
    assert work_times(Hours(low=Decimal(35), high=Decimal(35)), config.full_time_hours) == ("deeltijds",)
    assert work_times(None, config.full_time_hours) == ()


def test_an_overall_pass_mark_is_shown_under_the_steps(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "pass_mark: 60/100\nprocedure:\n  - title: Interview\n"
                             + BODY, "utf-8")
    out = build_site(tmp_path / "out", TODAY, root=site)
    section = parse(out / "vacatures/test/index.html").find(id="procedure")
    assert "Je slaagt voor de hele selectie met minstens 60/100." in text_of(section)
    import json
    [listed] = json.loads((out / "vacatures.json").read_text("utf-8"))["vacancies"]
    assert listed["pass_mark"] == "60/100"


# -- a year typed wrong ----------------------------------------------------------------------------

@pytest.mark.parametrize("front, today, expected", [
    ("closes: 2062-10-31\n", TODAY,
     "'closes' (de laatste dag om te solliciteren: 2062-10-31) ligt meer dan een jaar van 'published' (de "
     "dag van publicatie: 2025-09-01): is het jaartal juist?"),
    ("closes: 2025-10-31\nprocedure:\n  - title: Gesprek\n    date: 2052-11-05\n", TODAY,
     "'date' (de datum van de stap: 2052-11-05) ligt meer dan een jaar van 'published' (de dag van "
     "publicatie: 2025-09-01): is het jaartal juist?"),
    ("start_date: 2025-11-01\nend_date: 2205-12-31\n", TODAY, None),  # beyond 2100: an error
    ("start_date: 2025-11-01\nend_date: 2035-12-31\n", TODAY,
     "'end_date' (de laatste werkdag: 2035-12-31) ligt meer dan zes jaar na het begin (2025-11-01): is het "
     "jaartal juist?"),
])
def test_a_year_typed_wrong_is_flagged(site, front, today, expected):
    (site / NAME).write_text(HEAD + front + BODY, "utf-8")
    if expected is None:
        with pytest.raises(ContentError):
            read_site(today, root=site)
        return
    found = [w for w in read_site(today, root=site).warnings if "jaartal" in w.message]
    assert [(w.message, w.severity) for w in found] == [(expected, Severity.WARNING)]
    assert found[0].line > 5 and found[0].fix.startswith("Controleer het jaartal")


def test_far_in_the_future_without_a_posting_date(site):
    head = HEAD.replace("published: 2025-09-01\n", "published: onbekend\n")
    (site / NAME).write_text(head + "closes: 2027-10-31\n" + BODY, "utf-8")
    [warning] = [w for w in read_site(TODAY, root=site).warnings if "jaartal" in w.message]
    assert warning.message == ("'closes' (de laatste dag om te solliciteren: 2027-10-31) ligt meer dan een "
                               "jaar van vandaag (2025-10-01): "
                               "is het jaartal juist?")


def test_dates_of_an_ordinary_vacancy_raise_no_doubt(site):
    (site / NAME).write_text(HEAD + "closes: 2025-10-31\nstart_date: 2026-01-01\nend_date: 2027-06-30\n"
                             + BODY, "utf-8")
    assert not [w for w in read_site(TODAY, root=site).warnings if "jaartal" in w.message]


# -- found in review: each a way the site stated something false or stayed open ---------------------

def test_a_scheduled_repost_with_the_same_title_fails_when_written_not_when_it_comes_online(site):
    """Built before either is online, the overlap is already an error; the night B came online
    the build used to fail on a duplicate <title>, keeping every vacancy as it was."""
    for name, published, closes in (("a", "2026-01-01", "2026-01-31"),
                                    ("b", "2026-01-20", "2026-02-28")):
        (site / f"content/vacatures/{name}.md").write_text(
            HEAD.replace("2025-09-01", published) + f"closes: {closes}\n" + BODY, "utf-8")
    with pytest.raises(ContentError) as caught:
        read_site(date(2025, 12, 1), root=site)
    assert sorted((p.path, p.line) for p in caught.value.problems) == [
        ("content/vacatures/a.md", 2), ("content/vacatures/b.md", 2)]
    assert caught.value.problems[0].message.endswith("staat op dezelfde dagen open; bezoekers kunnen "
                                                     "ze niet uit elkaar houden.")


@pytest.mark.parametrize("front, last_day, reason", [
    # open-ended but the job begins: nobody applies after that
    ("closes: doorlopend\nstart_date: 2025-11-01\n", date(2025, 10, 31), "work"),
    # the job begins before the first dated step: the earlier one ends it
    ("start_date: 2025-11-01\nprocedure:\n  - title: Gesprek\n    date: 2025-11-10\n",
     date(2025, 10, 31), "work"),
    ("start_date: 2025-12-01\nprocedure:\n  - title: Gesprek\n    date: 2025-11-10\n",
     date(2025, 11, 9), "selection"),
    ("closes: doorlopend\nend_date: 2026-03-31\n", date(2026, 3, 31), "end"),
    ("closes: doorlopend\n", None, None),
])
def test_what_ends_the_time_to_apply_is_the_earliest_the_vacancy_implies(site, front, last_day, reason):
    from werkenbij.schedule import dates_of

    state = dates_of(read(site, front))
    assert state.last_day == last_day
    assert (state.ends_by or (None,))[0] == reason


def test_a_vacancy_that_would_close_before_it_is_published_is_refused(site):
    assert mistakes(site, "start_date: 2025-08-01\n") == [
        "6:13 De vacature sluit op 2025-07-31, vóór ze gepubliceerd wordt: 'published' (de dag van "
        "publicatie: 2025-09-01)."]


def test_closing_after_the_work_began_is_a_warning(site):
    (site / NAME).write_text(HEAD + "closes: 2025-11-15\nstart_date: 2025-11-01\n" + BODY, "utf-8")
    [warning] = [w for w in read_site(TODAY, root=site).warnings if "start_date" in w.message]
    assert warning.message == ("'closes' (de laatste dag om te solliciteren: 2025-11-15) ligt niet vóór "
                               "'start_date' (de eerste werkdag: 2025-11-01).")


def test_open_ended_with_an_end_says_until_when(site, tmp_path):
    (site / NAME).write_text(HEAD + "closes: doorlopend\nend_date: 2026-03-31\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert text_of(page.select_one(".status-open")).replace(" .", ".") == (
        "Open vacature. Je kan doorlopend solliciteren. De job loopt tot en met dinsdag 31 maart 2026.")


def test_hours_with_only_a_note_claim_neither_full_nor_part_time(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "hours_note: De uren volgen later.\n"
                             "location:\n  city: Gent\n" + BODY, "utf-8")
    out = build_site(tmp_path / "out", TODAY, root=site)
    card = parse(out / "index.html").select_one(".vacancy-card")
    assert card["data-hours"] == "" and "Uren" not in text_of(card)
    page = parse(out / "vacatures/test/index.html")
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert facts["Uren"] == "De uren volgen later."
    import json
    posting = next(d for s in page.select('script[type="application/ld+json"]')
                   if (d := json.loads(s.string))["@type"] == "JobPosting")
    assert "employmentType" not in posting


@pytest.mark.parametrize("written, category, months", [
    ("tijdelijk, met kans op vaste benoeming", "tijdelijke job", None),
    ("stagebegeleider, onbepaalde duur", "vaste job", None),
    ("contractueel, onbepaalde duur, 6 maanden proefperiode", "vaste job", None),
    ("contractueel, bepaalde duur van 1 jaar", "tijdelijke job", 12),
])
def test_plain_contract_words_are_read_as_whole_words(site, written, category, months):
    [contract] = read(site, CLOSES + f'contract: "{written}"\n').contracts
    assert (contract.category, contract.months) == (category, months)


def test_a_replacement_is_temporary_even_when_statutory_and_months_need_a_duration(site):
    [contract] = read(site, CLOSES + "contract:\n  status: statutair\n  duration: vervanging\n").contracts
    assert contract.category == "tijdelijke job" and contract.temporary
    assert mistakes(site, CLOSES + "contract:\n  status: contractueel\n  months: 12\n") == [
        "9:11 'contract': 'months' (het aantal maanden) past niet bij een contract zonder duur."]
    assert contract_label(Contract(duration="bepaalde duur", months=1)) == "Bepaalde duur (1 maand)"


def test_sharing_names_the_employer_of_the_vacancy(site, tmp_path):
    (site / NAME).write_text(HEAD.replace("team: Testteam\n", "employer: OCMW Meerhout\n") + CLOSES
                             + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert "bij%20OCMW%20Meerhout" in page.find(id="delen").find("a")["href"]


def test_working_fully_from_home_without_a_workplace_gives_no_country_nobody_stated(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "telework: volledig\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert "JobPosting" not in str(page) and "België" not in str(page)


@pytest.mark.parametrize("front, message", [
    ("salary: []\n", "7:9 'salary' (het loon) is leeg."),
    ("contract: []\n", "7:11 'contract' (het contract) is leeg."),
    ("grade: []\n", "7:8 'grade' (het niveau) is leeg."),
    ("requirements: {}\n", "7:15 'requirements' (de voorwaarden) is leeg."),
    ("locations: []\n", "7:12 'locations' (de werkplekken) is leeg."),
    ("salary:\n  note:\n", "8:3 'salary' (het loon) is leeg."),
    ("reserve:\n  years:\n", "8:3 'reserve' (de wervingsreserve) is leeg."),
    ('grade:\n  - B1-B3\n  - ""\n', "9:5 'grade' (het niveau): item 2 is leeg."),
])
def test_an_empty_list_or_block_is_named_not_dropped(site, front, message):
    assert mistakes(site, CLOSES + front) == [message]


@pytest.mark.parametrize("front, message", [
    ("closes: [doorlopend]\n", "6:9 'closes' (de laatste dag om te solliciteren) moet een datum zijn, geen "
                               "lijst of blok."),
    ("closes: 2025-02-30\n", "6:9 'closes' (de laatste dag om te solliciteren) is geen geldige datum "
                             "(2025-02-30)."),
    ("apply:\n  email: mailto:a@b.be\n", "8:10 'apply': 'email' (het e-mailadres voor kandidaturen) is "
                                         "geen geldig e-mailadres (mailto:a@b.be)."),
    ("employer: [OCMW X]\n", "7:11 'employer' (de werkgever) moet een naam zijn, of een blok met 'name' en "
                             "het adres."),
    ("location:\n  city: [Kortrijk]\n", "8:9 'location': 'city' (de gemeente van de werkplek) moet tekst "
                                        "zijn, geen lijst of blok."),
])
def test_one_mistake_gives_one_message(site, front, message):
    assert mistakes(site, front if "closes" in front else CLOSES + front) == [message]


def test_no_salary_range_is_made_up_when_one_scale_has_no_amounts(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "location:\n  city: Gent\nsalary:\n  - scale: C1\n"
                             "    min: 2000\n  - scale: E1\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert "baseSalary" not in str(page)


def test_no_requirement_wording_doubles_up(site, tmp_path):
    (site / NAME).write_text(HEAD + CLOSES + "requirements:\n  diploma_level: geen\n"
                             "  experience_months: 1\n" + BODY, "utf-8")
    page = parse(build_site(tmp_path / "out", TODAY, root=site) / "vacatures/test/index.html")
    assert [text_of(li) for li in page.find(id="voorwaarden").find_all("li")] == [
        "Diploma: je hebt geen diploma nodig", "Ervaring: minstens 1 maand"]


def test_two_steps_with_one_title_are_two_calendar_events(site, tmp_path):
    from icalendar import Calendar

    (site / NAME).write_text(HEAD + CLOSES + "procedure:\n  - title: Gesprek\n    date: 2025-11-05\n"
                             "  - title: Gesprek\n    date: 2025-11-12\n" + BODY, "utf-8")
    out = build_site(tmp_path / "out", TODAY, root=site)
    events = Calendar.from_ical((out / "vacatures/test/procedure.ics").read_bytes()).walk("VEVENT")
    assert len({str(e["UID"]) for e in events}) == 2


def test_towns_are_the_workplaces_municipalities_or_regions_once_each():
    from werkenbij.vacancy.place import Place, towns

    places = (Place(name="Sociaal Huis", city="Kortrijk"), Place(region="Vlaanderen en Brussel"),
              Place(name="Buurthuis", city="Kortrijk"), Place(name="Zonder adres"))
    assert towns(places) == ("Kortrijk", "Vlaanderen en Brussel")
