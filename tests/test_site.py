"""The whole built site: pages, help on every page, same bytes twice, and any base path."""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin, urlsplit

from helpers import build_site, parse, text_of, tree_digest

PAGES = ["index.html", "vacatures/communicatiemedewerker/index.html", "vacatures/archief/index.html",
         "over-wsw/index.html", "veelgestelde-vragen/index.html", "toegankelijkheid/index.html",
         "404.html"]


def test_every_page_is_built(open_site):
    built = {p for p in tree_digest(open_site) if p.endswith(".html")}
    assert built == set(PAGES)


def test_every_page_is_dutch_and_has_help_in_the_same_place(open_site):
    for path in PAGES:
        page = parse(open_site / path)
        assert page.html["lang"] == "nl-BE"
        help_box = page.select("footer .help")
        assert len(help_box) == 1, path
        hrefs = [a["href"] for a in help_box[0].find_all("a")]
        assert hrefs == ["mailto:vacatures@kortrijk.be",
                         "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk"], path


def test_pages_from_content_pages(open_site):
    titles = {path: text_of(parse(open_site / path).h1) for path in PAGES}
    assert titles["over-wsw/index.html"] == "Over Wijkgericht Sociaal Werk"
    assert titles["veelgestelde-vragen/index.html"] == "Veelgestelde vragen"
    assert titles["toegankelijkheid/index.html"] == "Toegankelijkheidsverklaring"
    assert titles["404.html"] == "Deze pagina bestaat niet"


def test_home_says_who_wsw_is_and_lists_key_facts(open_site):
    home = parse(open_site / "index.html")
    assert "zeven wijkteams" in text_of(home.select_one(".about"))
    card = text_of(home.select_one(".vacancy-card"))
    for fact in ("Communicatiemedewerker", "Wijkgericht Sociaal Werk, Kenniscel", "B1-B3",
                 "38 uur per week (voltijds)", "Onbepaalde duur", "woensdag 5 november 2025"):
        assert fact in card


def test_same_input_and_date_give_identical_bytes(tmp_path):
    first = build_site(tmp_path / "a", date(2025, 10, 20))
    second = build_site(tmp_path / "b", date(2025, 10, 20))
    assert tree_digest(first) == tree_digest(second)


def test_sub_path_build_has_no_broken_internal_link(tmp_path):
    """Resolve every link as a browser would, with the site served under /werken-bij/."""
    site = build_site(tmp_path / "output", date(2025, 10, 20), base_url="/werken-bij/")
    files = set(tree_digest(site))
    checked = 0
    for path in files:
        if not path.endswith(".html"):
            continue
        page_url = "/werken-bij/" + path.removesuffix("index.html")
        for tag in parse(site / path).find_all(href=True) + parse(site / path).find_all(src=True):
            url = urljoin(page_url, tag.get("href") or tag.get("src"))
            if urlsplit(url).scheme or url.startswith("#"):
                continue
            target = urlsplit(url).path
            assert target.startswith("/werken-bij/"), (path, url)
            relative = target.removeprefix("/werken-bij/")
            relative = relative + "index.html" if relative.endswith("/") or not relative else relative
            assert relative in files, (path, url)
            checked += 1
    assert checked > 50


def test_base_url_from_site_config_is_used_without_the_option(tmp_path):
    import shutil

    from helpers import FIXTURES

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    config = site / "site_config.yaml"
    config.write_text(config.read_text("utf-8").replace("base_url: /", "base_url: /werken-bij/"), "utf-8")
    out = build_site(tmp_path / "out", date(2025, 10, 1), root=site)
    home = parse(out / "index.html")
    assert home.find("a", class_="site-name")["href"] == "/werken-bij/"
    assert home.find("link", rel="stylesheet")["href"].startswith("/werken-bij/static/")
