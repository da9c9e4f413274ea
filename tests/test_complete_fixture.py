"""A fixture vacancy that fills every field: each one shows up, drafts stay out."""

from __future__ import annotations

from datetime import date

from helpers import FIXTURES, build_site, parse, text_of

SITE = FIXTURES / "complete"
PAGE = "vacatures/maatschappelijk-werker/index.html"


def test_every_field_is_shown(tmp_path):
    out = build_site(tmp_path / "out", date(2025, 10, 1), root=SITE)
    page = parse(out / PAGE)
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert facts["Uren"] == "19 uur per week (deeltijds)"
    assert facts["Solliciteren"] == "tot en met vrijdag 31 oktober 2025"
    assert facts["Loon"] == "Loonschaal B1-B3. Bekijk de loonschalen"
    apply = page.find(id="solliciteren")
    assert apply.find("a", href="https://www.example.org/solliciteer").get_text() == \
        "Solliciteer als Maatschappelijk werker"
    step = text_of(page.select_one("ol.timeline > li"))
    for fact in ("op locatie", "twee uur", "minstens 50/100", "Eliminerend",
                 "woensdag 12 november 2025"):
        assert fact in step
    assert "(onder voorbehoud)" not in step
    faq = [a["href"] for a in page.select("#vragen ~ ul.faq-links a, .faq-links a")]
    assert "https://www.example.org/faq" in faq
    assert page.find("a", href="tel:+3256000000") is not None


def test_closes_date_closes_the_vacancy_the_day_after(tmp_path):
    out = build_site(tmp_path / "out", date(2025, 11, 1), root=SITE)
    page = parse(out / PAGE)
    assert "Afgesloten." in text_of(page.select_one(".status"))
    assert "Status afgesloten op vrijdag 31 oktober 2025" in text_of(page.select_one(".facts"))


def test_drafts_only_with_the_option(tmp_path):
    plain = build_site(tmp_path / "plain", date(2025, 10, 1), root=SITE)
    assert not (plain / "vacatures/kladversie/index.html").exists()
    drafts = build_site(tmp_path / "drafts", date(2025, 10, 1), root=SITE, drafts=True)
    assert (drafts / "vacatures/kladversie/index.html").exists()


def test_a_draft_looks_like_a_draft_and_is_kept_from_search_engines(tmp_path):
    drafts = build_site(tmp_path / "drafts", date(2025, 10, 1), root=SITE, drafts=True)
    page = parse(drafts / "vacatures/kladversie/index.html")
    assert text_of(page.select_one(".vacancy-header .draft-banner")).startswith(
        "Kladversie: nog niet gepubliceerd.")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.title.string.startswith("Kladversie: ")
    assert not [s for s in page.select('script[type="application/ld+json"]') if "JobPosting" in s.string]
    card = next(c for c in parse(drafts / "index.html").select(".vacancy-card")
                if c.find("a", href="/vacatures/kladversie/"))
    assert text_of(card.select_one(".draft-banner")) == "Kladversie: nog niet gepubliceerd."
    # the live vacancies of the same preview carry no banner and stay indexable
    live = parse(drafts / PAGE)
    assert live.select_one(".draft-banner") is None and live.find("meta", attrs={"name": "robots"}) is None


def test_a_normal_build_has_no_draft_anywhere(tmp_path):
    plain = build_site(tmp_path / "plain", date(2025, 10, 1), root=SITE)
    for path in plain.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "draft-banner" not in text and "noindex" not in text and "Kladversie" not in text
