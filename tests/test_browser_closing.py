"""A page built while a vacancy was open closes itself in the browser once its last day to
apply is over (close.js), by Brussels time whatever the season or the visitor's time zone.
Without JavaScript it stays as built. Every test sets the browser's clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import FIXTURES, build_site, serve

BRUSSELS = ZoneInfo("Europe/Brussels")
PAGE = "vacatures/maatschappelijk-werker/"  # closes 2025-10-31: after summer time ended (26 Oct)
SEED = "vacatures/communicatiemedewerker/"  # no closing date: open until the day before 5 Nov


def at(*moment: int) -> datetime:
    return datetime(*moment, tzinfo=BRUSSELS)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Built on 1 October 2025, in summer time, as a proxy might still serve it in November."""
    return build_site(tmp_path_factory.mktemp("closing") / "output", date(2025, 10, 1),
                      root=FIXTURES / "complete")


def state(page) -> dict:
    visible = page.locator
    return {"status": visible(".vacancy-header .status:visible").inner_text().split(".")[0],
            "apply": visible("#solliciteren").is_visible(),
            "closed notice": visible(".apply-closed").is_visible(),
            "jump to apply": visible(".button-jump").is_visible(),
            "in the contents": visible(".toc a[href='#solliciteren-titel']").is_visible()}


OPEN = {"status": "Open vacature", "apply": True, "closed notice": False, "jump to apply": True,
        "in the contents": True}
CLOSED = {"status": "Afgesloten", "apply": False, "closed notice": True, "jump to apply": False,
          "in the contents": False}


@pytest.mark.parametrize("moment, expected", [
    (at(2025, 10, 30, 21, 0), OPEN),        # the evening before
    (at(2025, 10, 31, 23, 59), OPEN),       # the last minute of the closing day
    (at(2025, 11, 1, 0, 0, 30), CLOSED),    # the first minute after
    (at(2025, 11, 8, 10, 0), CLOSED),       # a week later, from a stale copy
], ids=["evening-before", "last-minute", "first-minute-after", "week-later"])
def test_the_vacancy_page_closes_when_its_last_day_is_over(browser, site, moment, expected):
    with serve(site) as base:
        page = browser.new_page(now=moment)
        page.goto(base + PAGE)
        assert state(page) == expected


@pytest.mark.parametrize("options, expected", [
    ({"timezone_id": "America/New_York"}, CLOSED),  # there it is still 31 October, 19:00
    ({"java_script_enabled": False}, OPEN),         # without JavaScript the page stays as built
], ids=["new-york", "without-javascript"])
def test_brussels_time_in_any_time_zone_and_nothing_without_javascript(browser, site, options,
                                                                        expected):
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 11, 1, 0, 0, 30), **options)
        page.goto(base + PAGE)
        assert state(page) == expected


def test_a_page_left_open_closes_on_time_and_says_so(browser, site):
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 10, 31, 23, 58))
        page.goto(base + PAGE)
        assert state(page) == OPEN
        page.clock.run_for(3 * 60 * 1000)  # to 00:01 on 1 November
        assert state(page) == CLOSED
        assert page.locator("[data-closing-news]").inner_text() == \
            "Deze vacature is nu afgesloten. Je kan niet meer solliciteren."
        assert page.title().startswith("Maatschappelijk werker, ")
        assert "(afgesloten op vrijdag 31 oktober 2025) | " in page.title()
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
        assert result.response["violations"] == []


def test_focus_on_a_button_that_goes_moves_to_the_status_at_the_top(browser, site):
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 10, 31, 23, 58))
        page.goto(base + PAGE)
        page.locator(".button-jump").focus()
        page.clock.run_for(3 * 60 * 1000)
        assert page.evaluate("document.activeElement.matches('.vacancy-header .status-closed')")
        # the focused status says it: the live region does not say it a second time
        assert page.locator("[data-closing-news]").inner_text() == ""


def test_a_page_opened_days_before_still_closes_on_time(browser, site):
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 10, 28, 9, 0))
        page.goto(base + PAGE)
        page.clock.run_for(3 * 24 * 60 * 60 * 1000 + 14 * 60 * 60 * 1000)  # 23:00 on the 31st
        assert state(page) == OPEN
        page.clock.run_for(2 * 60 * 60 * 1000)  # 01:00 on 1 November
        assert state(page) == CLOSED


def test_a_laptop_waking_up_after_the_moment_closes_the_page(browser, site):
    """Timers stop during sleep: the clock jumps, and the page looks again when it gets focus."""
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 10, 31, 23, 0))
        page.goto(base + PAGE)
        page.clock.set_system_time(at(2025, 11, 1, 9, 0))
        page.evaluate("window.dispatchEvent(new Event('focus'))")
        assert state(page) == CLOSED


def test_the_seed_vacancy_closes_the_day_before_its_first_step(browser, tmp_path):
    built = build_site(tmp_path / "output", date(2025, 10, 20))
    with serve(built) as base:
        before = browser.new_page(now=at(2025, 11, 4, 23, 59))
        before.goto(base + SEED)
        after = browser.new_page(now=at(2025, 11, 5, 0, 0, 30))
        after.goto(base + SEED)
        assert state(before) == OPEN and state(after) == CLOSED


def test_a_card_that_closed_since_the_build_leaves_the_home_page_list(browser, site):
    with serve(site) as base:
        page = browser.new_page(now=at(2025, 10, 31, 23, 59))
        page.goto(base)
        heading = page.locator("#open-vacatures")
        before = heading.inner_text()
        page.clock.run_for(2 * 60 * 1000)
        card = page.locator(".vacancy-card", has=page.locator("#vacature-maatschappelijk-werker"))
        assert not card.is_visible()
        opened = int(before.split("(")[1].rstrip(")"))
        assert heading.inner_text() == f"Vacatures die nu open staan ({opened - 1})"
        assert page.locator("[data-closing-news]").inner_text() == \
            "De vacature Maatschappelijk werker is nu afgesloten en staat niet meer in de lijst."
        page.get_by_text("Filter en volgorde").click()  # the filter folds open
        page.select_option("#filter-hours", "")  # the filter counts open vacancies only
        page.locator("#filter-hours").dispatch_event("change")
        assert page.locator("#filter-status").inner_text() == \
            f"{opened - 1} van {opened - 1} vacature{'s' if opened - 1 != 1 else ''}"
        assert not card.is_visible()


def test_the_archive_and_pages_built_closed_carry_nothing_to_close(browser, tmp_path):
    built = build_site(tmp_path / "output", date(2026, 11, 28))
    for page in ("vacatures/archief/index.html", SEED + "index.html", "index.html"):
        html = (built / page).read_text("utf-8")
        assert "close." not in html and "data-closes" not in html and "data-when-" not in html, page
    with serve(built) as base:
        page = browser.new_page(now=at(2026, 11, 28, 12, 0))
        page.goto(base + "vacatures/archief/")
        assert page.locator(".vacancy-card").count() == 1 and page.locator(".vacancy-card").is_visible()
