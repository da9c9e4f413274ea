"""Open or closed, and where each step stands, on fixed build dates."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import VACANCY, build_site, parse, read_site, text_of
from werkenbij.problems import UsageError
from werkenbij.schedule import resolve_build_date, vacancy_state


@pytest.fixture(scope="module")
def vacancy():
    content = read_site(date(2025, 10, 20))
    return next(v for v in content.vacancies if v.slug == "communicatiemedewerker")


@pytest.mark.parametrize("today, is_open, statuses", [
    # before the first test: open; screening is next
    (date(2025, 10, 20), True, ["volgende stap", "gepland", "gepland"]),
    # the day before the speed interview: still open
    (date(2025, 11, 4), True, ["volgende stap", "gepland", "gepland"]),
    # the speed interview day itself: closed, the interview is the next step
    (date(2025, 11, 5), False, ["voorbij", "volgende stap", "gepland"]),
    # between the two tests
    (date(2025, 11, 10), False, ["voorbij", "voorbij", "volgende stap"]),
    # after both tests: every step is past (the reserve list is a key fact, not a step)
    (date(2025, 11, 20), False, ["voorbij", "voorbij", "voorbij"]),
    (date(2026, 11, 28), False, ["voorbij", "voorbij", "voorbij"]),
])
def test_state_on_a_build_date(vacancy, today, is_open, statuses):
    state = vacancy_state(vacancy, today)
    assert state.is_open is is_open
    assert [view.status.value for view in state.steps] == statuses


def test_closes_date_wins_over_the_first_step(vacancy):
    from dataclasses import replace
    with_closes = replace(vacancy, closes=date(2025, 10, 31))
    assert vacancy_state(with_closes, date(2025, 10, 31)).is_open
    assert not vacancy_state(with_closes, date(2025, 11, 1)).is_open


def test_timeline_shows_status_in_words_between_the_tests(tmp_path):
    site = build_site(tmp_path / "output", date(2025, 11, 10))
    steps = parse(site / VACANCY).select("ol.timeline > li")
    badges = [text_of(step.select_one(".status-badge")) for step in steps]
    assert badges == ["Voorbij", "Voorbij", "Volgende stap"]


def test_open_vacancy_has_apply_section_and_is_on_the_home_page(open_site):
    page = parse(open_site / VACANCY)
    assert "Open vacature." in text_of(page.select_one(".status"))
    apply = page.find(id="solliciteren")
    assert apply is not None
    assert "mailto:vacatures@kortrijk.be" in {a["href"] for a in apply.find_all("a")}
    home = parse(open_site / "index.html")
    assert [text_of(a) for a in home.select(".vacancy-list h3 a")] == ["Communicatiemedewerker"]
    archive = parse(open_site / "vacatures/archief/index.html")
    assert not archive.select(".vacancy-list")


def test_closed_vacancy_stays_reachable_says_closed_and_has_no_apply(closed_site):
    page = parse(closed_site / VACANCY)
    assert "Afgesloten." in text_of(page.select_one(".status"))
    # no last day was written: the title names the day the selection began, not a closing day
    assert "(afgesloten; selectie vanaf woensdag 5 november 2025)" in page.title.string
    assert page.find(id="solliciteren") is None
    crumbs = [a["href"] for a in page.select("nav.breadcrumb a")]
    assert crumbs == ["/", "/vacatures/archief/"]  # a closed vacancy sits in the archive
    assert not page.select('a[href="#solliciteren"]')
    archive = parse(closed_site / "vacatures/archief/index.html")
    assert [text_of(a) for a in archive.select(".vacancy-list h2 a")] == ["Communicatiemedewerker"]
    status = text_of(archive.select_one(".short-facts > div:last-child dd"))
    assert status == "selectie afgerond"


def test_home_without_open_vacancies_points_to_archive_and_faq(closed_site):
    home = parse(closed_site / "index.html")
    empty = home.select_one(".empty-state")
    assert "Er staan op dit moment geen vacatures open." in text_of(empty)
    hrefs = [a["href"] for a in empty.find_all("a")]
    assert hrefs == ["/vacatures/archief/", "/veelgestelde-vragen/"]


def test_build_date_from_option_epoch_or_today():
    assert resolve_build_date("2025-10-20", {}) == date(2025, 10, 20)
    # 2025-11-04 23:30 UTC is already 5 November in Brussels
    assert resolve_build_date(None, {"SOURCE_DATE_EPOCH": "1762299000"}) == date(2025, 11, 5)
    assert resolve_build_date("2025-10-20", {"SOURCE_DATE_EPOCH": "1762299000"}) == date(2025, 10, 20)
    with pytest.raises(UsageError, match="geen geldige datum"):
        resolve_build_date("2025-02-30", {})


@pytest.mark.parametrize("option, epoch", [
    ("", ""),                 # an empty --date is not "today"
    ("２０２５-10-20", ""),     # full-width digits
    (None, "-1"),
    (None, "1_762_299_000"),  # int() would take it
    (None, "١٧٦٢٢٩٩٠٠٠"),     # Arabic-Indic digits
    (None, "1e9"),
])
def test_a_build_date_is_read_strictly(option, epoch):
    with pytest.raises(UsageError, match="geen geldige datum|geen aantal seconden"):
        resolve_build_date(option, {"SOURCE_DATE_EPOCH": epoch})


def test_without_closes_the_site_names_the_first_dated_step_not_a_deadline(open_site, tmp_path):
    page = parse(open_site / VACANCY)
    assert text_of(page.select_one(".status")) == (
        "Open vacature. Er is geen uiterste datum bekend. De eerste stap met een datum is "
        "„Deel 1: speedinterview” op woensdag 5 november 2025 (onder voorbehoud).")
    between = build_site(tmp_path / "between", date(2025, 11, 7))
    facts = parse(between / VACANCY).select_one(".facts > div:last-child dd")
    assert text_of(facts) == ("afgesloten ; de eerste stap met een datum is „Deel 1: speedinterview” "
                              "op woensdag 5 november 2025 (onder voorbehoud)")
