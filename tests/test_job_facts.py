"""Facts a job seeker acts on: the pay for the job's own hours (page, card, JSON-LD and
vacatures.json say the same amounts), a warning for an open vacancy that is a dead end, and
what happens after applying."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from helpers import FIXTURES, ROOT, build_site, parse, read_site, text_of
from werkenbij.problems import Severity
from werkenbij.read.config import load_config
from werkenbij.vacancy.hours import Hours
from werkenbij.vacancy.salary import Salary, salary_amounts, salary_range, with_job_hours

TODAY = date(2025, 10, 1)
JOB = "content/vacatures/maatschappelijk-werker.md"  # 19 hours a week, open on TODAY


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def edit(root, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


# -- 5. pay for the actual hours ---------------------------------------------------------------

def job_pay(hours: Hours, full_time_hours: int = 38, **amounts) -> str:
    [salary] = with_job_hours((Salary(**amounts),), hours, full_time_hours)
    return salary_amounts(salary)


def test_full_time_amounts_of_a_part_time_job_also_say_the_pay_for_its_hours():
    nineteen = Hours(low=Decimal(19), high=Decimal(19))
    assert job_pay(nineteen, min=Decimal("2412.49"), max=Decimal("3900")) == (
        "Bruto €\u00a02.412,49 tot €\u00a03.900,00 per maand voor een voltijdse job. "
        "Voor 19 uur per week is dat €\u00a01.206,24 tot €\u00a01.950,00 per maand")
    # the posting's own full week counts, and a share of full time is hours too
    assert job_pay(Hours(low=Decimal("25.34"), high=Decimal("25.34"), full_week=Decimal(38)),
                   min=Decimal(3000)) == ("Bruto vanaf €\u00a03.000,00 per maand voor een voltijdse "
                                          "job. Voor 25,34/38 uur per week is dat vanaf €\u00a02.000,53 "
                                          "per maand")
    assert job_pay(Hours(share=Decimal(80)), min=Decimal(2000)) == (
        "Bruto vanaf €\u00a02.000,00 per maand voor een voltijdse job. Voor 80 % van een voltijdse job "
        "is dat vanaf €\u00a01.600,00 per maand")
    # the site's own full week: 18 of 36 hours
    assert "Voor 18 uur per week is dat vanaf €\u00a01.000,00" in job_pay(
        Hours(low=Decimal(18), high=Decimal(18)), 36, min=Decimal(2000))


@pytest.mark.parametrize("hours", [
    Hours(low=Decimal(38), high=Decimal(38)),          # full time: the amounts are the pay
    Hours(low=Decimal(19), high=Decimal(25)),          # a range: which hours is unknown
    Hours(words="deeltijds"), Hours(note="wisselend"), None])
def test_no_pay_for_the_hours_is_made_up_when_the_hours_do_not_fix_it(hours):
    assert job_pay(hours, min=Decimal(2000)) == \
        "Bruto vanaf €\u00a02.000,00 per maand voor een voltijdse job"


def test_amounts_already_for_the_hours_are_not_scaled_again():
    assert job_pay(Hours(low=Decimal(19), high=Decimal(19)), min=Decimal(1200), for_hours=True) == \
        "Bruto vanaf €\u00a01.200,00 per maand voor de uren van deze job"


def test_json_ld_gives_the_pay_for_the_hours_the_page_states():
    nineteen = Hours(low=Decimal(19), high=Decimal(19))
    salaries = with_job_hours((Salary(min=Decimal("2412.49"), max=Decimal(3900)),), nineteen, 38)
    assert salary_range(salaries) == {"minValue": 1206.24, "maxValue": 1950}


def test_a_part_time_page_its_json_ld_and_vacatures_json_state_the_same_pay(site):
    edit(site, JOB, "  url: https://www.example.org/loon\n",
         "  url: https://www.example.org/loon\n  min: 2412,49\n  max: 3900,00\n")
    output = build_site(site / "output", TODAY, root=site)
    page = parse(output / "vacatures/maatschappelijk-werker/index.html")
    facts = {text_of(d.find("dt")): text_of(d.find("dd")) for d in page.select(".in-short .facts > div")}
    assert facts["Uren"] == "19 uur per week (deeltijds)"
    assert facts["Loon"] == (
        "Loonschaal B1-B3: bruto € 2.412,49 tot € 3.900,00 per maand voor een voltijdse job. "
        "Voor 19 uur per week is dat € 1.206,24 tot € 1.950,00 per maand. Bekijk de loonschalen")
    [posting] = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')
                 if '"JobPosting"' in s.string]
    assert posting["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "MONTH",
                                              "minValue": 1206.24, "maxValue": 1950}
    listed = json.loads((output / "vacatures.json").read_bytes())
    [salary] = next(v for v in listed["vacancies"] if v["id"] == "maatschappelijk-werker")["salaries"]
    assert (salary["gross_min"], salary["gross_max"], salary["for"]) == (2412.49, 3900, "full time")
    assert (salary["job_hours"], salary["job_gross_min"], salary["job_gross_max"]) == (19, 1206.24, 1950)


def test_the_card_states_the_same_pay_as_the_page(site):
    """The card and the page take their pay words from one function (salary_amounts)."""
    edit(site, JOB, "  url: https://www.example.org/loon\n",
         "  url: https://www.example.org/loon\n  min: 2412,49\n  max: 3900,00\n")
    output = build_site(site / "output", TODAY, root=site)
    [card] = [c for c in parse(output / "index.html").select(".vacancy-card")
              if "Maatschappelijk werker" in text_of(c.find(["h2", "h3", "h4"]))]
    if "per maand" not in text_of(card):
        pytest.skip("this card does not show the pay yet (the card's layout is another branch's)")
    assert "Voor 19 uur per week is dat € 1.206,24 tot € 1.950,00 per maand" in text_of(card)


# -- 6. never a dead end -----------------------------------------------------------------------

DEAD_END = ("De vacature is open, maar zegt niet hoe je solliciteert en noemt niemand om het te "
            "vragen: kandidaten lopen hier vast.")


def dead_ends(root, today: date = TODAY) -> list:
    return [w for w in read_site(today, root=root).warnings if w.message.startswith(DEAD_END)]


def without_routes(root) -> None:
    """The 19-hour vacancy without its apply link and without its own contact."""
    edit(root, JOB, "apply_url: https://www.example.org/solliciteer\n", "")
    text = (root / JOB).read_text("utf-8")
    start = text.index("contact:\n")
    end = text.index("faq:\n")
    (root / JOB).write_text(text[:start] + text[end:], "utf-8")


def test_the_sites_general_contact_counts_for_its_own_vacancies(site):
    without_routes(site)
    assert dead_ends(site) == []
    output = build_site(site / "output", TODAY, root=site)
    page = parse(output / "vacatures/maatschappelijk-werker/index.html")
    assert "vacatures@kortrijk.be" in text_of(page.select_one("#solliciteren"))


def test_an_open_vacancy_of_another_employer_without_a_route_is_warned_at_its_file_and_line(site):
    without_routes(site)
    edit(site, JOB, "team: Testteam\n", "team: Testteam\nemployer: OCMW Voorbeeld\n")
    [warning] = dead_ends(site)
    assert (warning.path, warning.line, warning.severity) == (JOB, 1 + 1, Severity.WARNING)  # title
    assert warning.message == DEAD_END + " De algemene contactgegevens van de site gelden niet voor " \
        "OCMW Voorbeeld."
    assert warning.fix.startswith("Zet onder 'apply:' hoe je solliciteert: 'url' (online), 'email', "
                                  "'post' of 'in_person' (zelf afgeven).")
    assert "Verzin niets" in warning.fix
    assert dead_ends(site, date(2025, 11, 20)) == []  # closed: nobody can apply anyway


def test_a_note_alone_is_no_route_and_the_warning_points_at_apply(site):
    without_routes(site)
    edit(site, JOB, "team: Testteam\n", "team: Testteam\nemployer: OCMW Voorbeeld\n")
    edit(site, JOB, "procedure:\n", "apply:\n  note: Na je kandidatuur volgt een gesprek.\nprocedure:\n")
    [warning] = dead_ends(site)
    lines = (site / JOB).read_text("utf-8").splitlines()
    assert lines[warning.line - 1] == "apply:"


@pytest.mark.parametrize("route", ["apply:\n  post: Markt 1, 2450 Meerhout\n",
                                   "apply:\n  in_person: Onthaal, Markt 1\n",
                                   "apply:\n  email: jobs@example.org\n",
                                   "contact:\n  phone: \"014 00 00 00\"\n"])
def test_any_route_or_contact_of_the_employer_is_enough(site, route):
    without_routes(site)
    edit(site, JOB, "team: Testteam\n", "team: Testteam\nemployer: OCMW Voorbeeld\n")
    edit(site, JOB, "procedure:\n", route + "procedure:\n")
    assert dead_ends(site) == []


def test_the_dead_end_warning_fails_the_build_with_strict(site):
    without_routes(site)
    edit(site, JOB, "team: Testteam\n", "team: Testteam\nemployer: OCMW Voorbeeld\n")
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(site), "--date", TODAY.isoformat(),
               "--output", str(site / "output")]
    built = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    assert f"{JOB}:2:1: waarschuwing: {DEAD_END}" in built.stderr
    strict = subprocess.run(command + ["--strict"], capture_output=True, text=True, timeout=120)
    assert strict.returncode == 1
    assert f"{JOB}:2:1: fout: {DEAD_END}" in strict.stderr
    assert "oplossing: Zet onder 'apply:' hoe je solliciteert" in strict.stderr


# -- 7. what happens after you apply ----------------------------------------------------------

AFTER = "Je hoort binnen twee weken of je verder gaat."  # a test's words, not the city's


def apply_box(root) -> str:
    output = build_site(root / "output", TODAY, root=root)
    return text_of(parse(output / "vacatures/maatschappelijk-werker/index.html").select_one("#solliciteren"))


def test_after_applying_ships_empty_since_the_seed_states_no_response_time():
    assert load_config(ROOT).after_applying == ""
    assert "after_applying: \"\"\n" in (ROOT / "site_config.yaml").read_text("utf-8")


def test_after_applying_is_not_shown_when_nobody_says_it(site):
    assert "Na je sollicitatie" not in apply_box(site)


def test_the_sites_after_applying_is_shown_in_the_apply_box(site):
    edit(site, "site_config.yaml", "full_time_hours: 38\n", f"full_time_hours: 38\nafter_applying: {AFTER}\n")
    assert f"Na je sollicitatie: {AFTER}" in apply_box(site)


def test_the_sites_after_applying_never_speaks_for_another_employer(site):
    edit(site, "site_config.yaml", "full_time_hours: 38\n", f"full_time_hours: 38\nafter_applying: {AFTER}\n")
    edit(site, JOB, "team: Testteam\n", "team: Testteam\nemployer: OCMW Voorbeeld\n")
    assert "Na je sollicitatie" not in apply_box(site)


def test_a_vacancy_says_its_own_after_applying(site):
    edit(site, "site_config.yaml", "full_time_hours: 38\n", f"full_time_hours: 38\nafter_applying: {AFTER}\n")
    own = "OCMW Voorbeeld belt je na de sluitdatum."
    edit(site, JOB, "team: Testteam\n", f"team: Testteam\nemployer: OCMW Voorbeeld\nafter_applying: {own}\n")
    box = apply_box(site)
    assert f"Na je sollicitatie: {own}" in box and AFTER not in box
