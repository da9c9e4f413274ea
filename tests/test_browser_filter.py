"""The home-page filter in a real browser: it filters with JavaScript and says how many remain."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import FIXTURES, build_site, serve


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("filter") / "output", date(2025, 10, 1),
                      root=FIXTURES / "complete")


def visible_titles(page) -> list[str]:
    return page.locator(".vacancy-list > li:visible h3").all_inner_texts()


def test_filter_narrows_the_list_and_announces_the_count(browser, site):
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base)
        assert page.locator("#filter").is_visible()
        # the live region is in the accessibility tree before its first message
        assert page.get_by_role("status").and_(page.locator("#filter-status")).count() == 1
        assert page.locator("#filter-status").evaluate("e => getComputedStyle(e).display") != "none"
        assert len(visible_titles(page)) == 3
        assert not page.locator("#filter-hours").is_visible()  # folded: the results come first
        page.get_by_text("Filter en volgorde").click()
        page.select_option("#filter-hours", "deeltijds")
        assert visible_titles(page) == ["Maatschappelijk werker"]
        assert page.inner_text("#filter-status") == "1 van 3 vacatures"
        page.select_option("#filter-hours", "")
        assert len(visible_titles(page)) == 3
        assert page.inner_text("#filter-status") == "3 van 3 vacatures"
        page.close()


def test_filter_can_be_used_with_the_keyboard(browser, site):
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base)
        page.focus("#filter summary")
        page.keyboard.press("Enter")  # folds the filter open
        page.focus("#filter-hours")
        page.keyboard.press("ArrowDown")  # voltijds
        assert page.inner_text("#filter-status") == "2 van 3 vacatures"
        page.close()


def test_without_javascript_the_full_list_shows_and_the_form_stays_hidden(browser, site):
    with serve(site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base)
        assert not page.locator("#filter").is_visible()
        assert len(visible_titles(page)) == 3
        context.close()
