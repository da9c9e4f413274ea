"""The first minute of a job seeker, on a 360×800 phone and a 1280×900 screen, over the
realistic site (tests/realistic.py: the eight real postings open, two closed). Positions come
from the page as a reader sees it (tests/geometry.py), not from class names."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from geometry import fact_tops, key_fact_texts, list_geometry
from realistic import BUILD_DAY, OPEN_COUNT, build_realistic

from helpers import read_site, serve

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def realistic(tmp_path_factory):
    output = build_realistic(tmp_path_factory.mktemp("realistic"))
    return output, read_site(BUILD_DAY, root=output.parent)


def titles(page) -> list[str]:
    return [result["title"] for result in page.evaluate(
        "() => [...document.querySelectorAll('main li')].filter(li => li.offsetParent)"
        ".map(li => li.querySelector('h3')).filter(Boolean).map(h => ({title: h.innerText.trim()}))")]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_first_vacancy_title_is_in_the_first_screen(browser, realistic, viewport):
    output, _ = realistic
    with serve(output) as base:
        page = browser.new_page(viewport=viewport)
        page.goto(base)
        home = list_geometry(page)
        page.close()
    assert home.count == OPEN_COUNT
    assert home.heading_top < 260
    assert home.first_title_top + 40 < viewport["height"]  # the title's first line is in view


def test_the_list_is_compact_on_a_phone(browser, realistic):
    output, _ = realistic
    with serve(output) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(base)
        home = list_geometry(page)
        texts = page.evaluate("() => [...document.querySelectorAll('main li article')].map(a => a.innerText)")
        page.close()
    assert home.average_height <= 300, home
    # every result names its place (or says the posting names none) and its last day
    assert all("Solliciteren:" in text for text in texts)
    assert "Sint-Niklaas" in texts[-1] or any("Sint-Niklaas" in text for text in texts)
    assert any("(nog 1 dag)" in text for text in texts) and any("(nog 2 dagen)" in text for text in texts)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_an_open_vacancy_page_shows_its_key_facts_and_a_way_to_apply_in_the_first_800_px(
        browser, realistic, viewport):
    output, content = realistic
    late = []
    with serve(output) as base:
        page = browser.new_page(viewport=viewport)
        for vacancy in content.vacancies:
            page.goto(base + vacancy.path.lstrip("/"))
            if not page.get_by_text("Open vacature.").count():
                continue
            tops = fact_tops(page, key_fact_texts(vacancy, 38, BUILD_DAY))
            late += [(vacancy.slug, fact, top) for fact, top in tops.items()
                     if fact != "apply box" and (top is None or top > 800 - 30)]
        page.close()
    assert late == []


def test_solliciteer_at_the_top_leads_to_the_apply_box(browser, realistic):
    output, _ = realistic
    with serve(output) as base:
        page = browser.new_page(viewport=PHONE, reduced_motion="reduce")  # no smooth scrolling
        page.goto(base + "vacatures/08-middelkerke-ibo-begeleider/")
        page.get_by_role("link", name="Solliciteer", exact=True).click()
        page.wait_for_function("location.hash === '#solliciteren'")
        assert page.evaluate("document.getElementById('solliciteren').getBoundingClientRect().top") < 800
        page.close()


def test_filter_by_place_shows_only_its_vacancies_and_keeps_the_choice_in_the_address(browser, realistic):
    output, _ = realistic
    with serve(output) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(base)
        page.get_by_text("Filter en volgorde").click()
        page.get_by_label("Plaats", exact=True).select_option("Sint-Niklaas")
        assert titles(page) == ["Kindbegeleider (vlinderfunctie) buitenschoolse opvang"]
        assert page.inner_text("[role=status]#filter-status") == f"1 van {OPEN_COUNT} vacatures"
        assert "plaats=Sint-Niklaas" in page.url
        shared = page.url
        page.close()
        # the address, opened again (shared, bookmarked), shows the same list
        page = browser.new_page(viewport=PHONE)
        page.goto(shared)
        assert titles(page) == ["Kindbegeleider (vlinderfunctie) buitenschoolse opvang"]
        assert page.get_by_label("Plaats", exact=True).input_value() == "Sint-Niklaas"
        page.close()


def test_newest_first_is_a_choice_kept_in_the_address(browser, realistic):
    output, content = realistic
    published = {v.title: v.published for v in content.vacancies
                 if v.slug != "justitieassistent-2022"}
    with serve(output) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(base)
        soonest = titles(page)
        page.goto(base + "?volgorde=nieuw")
        shown = titles(page)
        page.close()
    assert soonest[0] == "Begeleider buitenschoolse kinderopvang (IBO)"  # closes tomorrow
    assert shown[0] == "Maatschappelijk werk(st)er" and sorted(shown) == sorted(soonest)
    days = [published[title] for title in shown]
    assert days == sorted(days, reverse=True)  # ties keep the closing-soonest order


def test_without_javascript_the_full_list_shows_in_its_one_order(browser, realistic):
    output, _ = realistic
    with serve(output) as base:
        context = browser.new_context(java_script_enabled=False, viewport=PHONE)
        page = context.new_page()
        page.goto(base + "?plaats=Sint-Niklaas&volgorde=nieuw")
        assert len(titles(page)) == OPEN_COUNT
        assert not page.get_by_text("Filter en volgorde").is_visible()
        context.close()


def test_a_closed_page_and_an_open_one_suggest_similar_open_vacancies(browser, realistic):
    output, _ = realistic
    with serve(output) as base:
        page = browser.new_page(viewport=PHONE)
        for path in ("vacatures/justitieassistent-2022/", "vacatures/03-justitie-justitieassistent/"):
            page.goto(base + path)
            similar = page.get_by_role("region", name="Vergelijkbare vacatures die nu open staan")
            links = similar.get_by_role("link").all_inner_texts()
            assert 1 <= len(links) <= 3, (path, links)
            assert "Justitieassistent" not in links or path.endswith("2022/")
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_axe_finds_nothing_in_the_filtered_list_and_the_similar_vacancies(browser, realistic, viewport,
                                                                          scheme):
    output, _ = realistic
    found = []
    with serve(output) as base:
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        for path in ("?plaats=Sint-Niklaas&volgorde=nieuw", "vacatures/justitieassistent-2022/",
                     "vacatures/03-justitie-justitieassistent/"):
            page.goto(base + path)
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            found += [(path, v["id"]) for v in result.response["violations"]]
        context.close()
    assert found == []
