"""Each kind of broken page is caught with its exact message; a clean page passes."""

from __future__ import annotations

import pytest

from werkenbij.checks import CheckSettings, run_checks

CLEAN = """<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><meta name="description" content="Een pagina."></head>
<body><a href="#inhoud">Ga naar de inhoud</a>
<header><nav><a href="/">Start</a> <a href="/b/">Pagina B</a></nav></header>
<main id="inhoud"><h1>Titel</h1><h2 id="deel">Deel</h2>
<p><a href="mailto:vacatures@kortrijk.be">vacatures@kortrijk.be</a>
<a href="tel:+3256278503">056 27 85 03</a> <a href="/b/#deel">het deel van pagina B</a>
<time datetime="2025-11-05">5 november</time></p>{extra}</main>
<footer><p>Voet</p></footer></body></html>
"""


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>
"""


def write_sitemap(folder, *paths: str) -> None:
    urls = "".join(f"<url><loc>https://x.test{path}</loc></url>" for path in paths)
    (folder / "sitemap.xml").write_text(SITEMAP.format(urls), "utf-8")


def make_site(tmp_path, extra: str = "", extra_b: str = "", sitemap=("/", "/b/")):
    (tmp_path / "b").mkdir()
    (tmp_path / "index.html").write_text(CLEAN.format(title="Start", extra=extra), "utf-8")
    (tmp_path / "b/index.html").write_text(CLEAN.format(title="B", extra=extra_b), "utf-8")
    write_sitemap(tmp_path, *sitemap)
    return [f"{p.path}: {p.message}" for p in run_checks(tmp_path, CheckSettings(shown_as="site"))]


def test_clean_site_passes(tmp_path):
    assert make_site(tmp_path) == []


BROKEN_EXTRAS = [
    ('<a href="mailto:vacatures@kortrijk.be?bcc=iemand@elders.example">mail</a>',
     "site/index.html: Deze mailto-link stuurt ook naar een ander adres "
     "(mailto:vacatures@kortrijk.be?bcc=iemand@elders.example)."),
    ('<a href="/&#9;/elders.example/">een tab</a>',
     "site/index.html: Een link zonder https: die naar een andere site wijst (/\t/elders.example/)."),
    ('<a href="/bestaat-niet/">een pagina</a>',
     "site/index.html: Deze link wijst naar een pagina die niet bestaat (/bestaat-niet/)."),
    ('<a href="/b/#nergens">een anker</a>',
     "site/index.html: Het anker #nergens bestaat niet op b/index.html."),
    ('<a href="javascript:alert(1)">een script</a>',
     "site/index.html: Link met een niet toegelaten soort adres (javascript:)."),
    ('<a href="mailto:geen-adres">mail</a>', "site/index.html: Ongeldig e-mailadres in mailto:geen-adres."),
    ('<a href="tel:056 27 85 03">bel</a>', "site/index.html: Ongeldig telefoonnummer in tel:056 27 85 03."),
    ('<a href="http://www.kortrijk.be/">stad Kortrijk</a>',
     "site/index.html: Onbeveiligde link (http://www.kortrijk.be/)."),
    ('<a href="">leeg</a>', "site/index.html: Een link zonder adres."),
    ('<a href="#">naar boven</a>', "site/index.html: Een link naar '#' gaat nergens heen."),
    ('<a href="https://">een kapotte externe link</a>', "site/index.html: Een ongeldig webadres (https://)."),
    ('<a href="//elders.example/">een andere site</a>',
     "site/index.html: Een link zonder https: die naar een andere site wijst (//elders.example/)."),
    ('<a href="https://[www.kortrijk.be/">een kapotte link</a>',
     "site/index.html: Een ongeldig webadres (https://[www.kortrijk.be/)."),
    ('<img src="/ontbreekt.png" alt="een foto">',
     "site/index.html: Deze link wijst naar een pagina die niet bestaat (/ontbreekt.png)."),
    ("<h4>Te diep</h4>", "site/index.html: De kop slaat een niveau over (h2 naar h4)."),
    ("<h1>Tweede</h1>", "site/index.html: De pagina heeft 2 h1-koppen in plaats van één."),
    ('<img src="/b/index.html">', "site/index.html: Een afbeelding heeft geen alt-attribuut."),
    ('<a href="/b/">hier</a>', "site/index.html: De linktekst 'hier' zegt niet waar de link naartoe gaat."),
    ('<a href="/b/"></a>', "site/index.html: Deze link of knop heeft geen naam voor schermlezers."),
    ('<p id="deel">dubbel</p>', "site/index.html: Het id 'deel' komt 2 keer voor."),
    ('<button onclick="x()">Knop</button>',
     "site/index.html: Inline gebeurtenis (onclick) is niet toegelaten."),
    ("<script>alert(1)</script>", "site/index.html: Inline script is niet toegelaten."),
    ('<time datetime="5 november">5 november</time>', "site/index.html: Ongeldige datum in <time>."),
]


@pytest.mark.parametrize("extra, message", BROKEN_EXTRAS)
def test_broken_page_is_caught(tmp_path, extra, message):
    assert make_site(tmp_path, extra=extra) == [message]


BROKEN_DOCUMENTS = [
    ('<html lang="nl-BE">', "<html>", "De pagina heeft geen taal (lang op <html>)."),
    ("<title>Start</title>", "", "De pagina heeft niet precies één niet-lege <title>."),
    ('<meta name="description" content="Een pagina.">', "",
     'De pagina mist <meta name="description">.'),
    ('<meta name="viewport" content="width=device-width, initial-scale=1">', "",
     'De pagina mist <meta name="viewport">.'),
    ('<main id="inhoud">', '<div id="inhoud">', "De pagina heeft 0 <main>-elementen in plaats van één."),
    ("<header>", "<div>", "De pagina mist een <header>-gebied."),
    ("<footer>", "<div>", "De pagina mist een <footer>-gebied."),
    ('<a href="#inhoud">Ga naar de inhoud</a>', '<a href="#elders">Ga naar de inhoud</a>',
     "De eerste link is geen werkende link naar de inhoud (skip link)."),
]


def make_document_site(folder, old: str, new: str) -> None:
    """The clean two-page site with one replacement made on its home page."""
    page = CLEAN.format(title="Start", extra="")
    assert old in page
    (folder / "b").mkdir()
    (folder / "index.html").write_text(page.replace(old, new), "utf-8")
    (folder / "b/index.html").write_text(CLEAN.format(title="B", extra=""), "utf-8")
    write_sitemap(folder, "/", "/b/")


@pytest.mark.parametrize("old, new, message", BROKEN_DOCUMENTS)
def test_broken_document_is_caught(tmp_path, old, new, message):
    make_document_site(tmp_path, old, new)
    problems = [p.message for p in run_checks(tmp_path, CheckSettings(shown_as="site"))
                if p.path == "site/index.html" and p.check == "structure"]
    assert problems == [message]


def test_duplicate_title_and_unreachable_page(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c/index.html").write_text(CLEAN.format(title="B", extra=""), "utf-8")
    assert make_site(tmp_path, sitemap=("/", "/b/", "/c/")) == [
        "site/c/index.html: De titel 'B' staat ook op b/index.html.",
        "site/c/index.html: Geen enkele link vanaf de startpagina leidt naar deze pagina.",
    ]


def test_sub_path_links_must_carry_the_base_path(tmp_path):
    (tmp_path / "b").mkdir()
    page = CLEAN.format(title="Start", extra="").replace('href="/', 'href="/werken-bij/')
    (tmp_path / "index.html").write_text(page, "utf-8")
    (tmp_path / "b/index.html").write_text(page.replace("Start", "B"), "utf-8")
    write_sitemap(tmp_path, "/werken-bij/", "/werken-bij/b/")
    assert run_checks(tmp_path, CheckSettings(base_path="/werken-bij/", shown_as="site")) == []
    problems = run_checks(tmp_path, CheckSettings(base_path="/anders/", shown_as="site"))
    assert "Deze link wijst buiten de site (/werken-bij/)." in {p.message for p in problems}


def test_sitemap_must_list_exactly_the_pages(tmp_path):
    assert make_site(tmp_path, sitemap=("/", "/weg/")) == [
        "site/sitemap.xml: De pagina b/index.html staat niet in de sitemap.",
        "site/sitemap.xml: De sitemap noemt https://x.test/weg/, maar die pagina bestaat niet."]


def test_missing_sitemap_is_a_failure(tmp_path):
    make_site(tmp_path)
    (tmp_path / "sitemap.xml").unlink()
    problems = run_checks(tmp_path, CheckSettings(shown_as="site"))
    assert [p.message for p in problems] == ["Er is geen sitemap.xml."]


def test_severity_per_check_can_be_set(tmp_path):
    make_site(tmp_path, extra='<a href="/weg/">een pagina</a>')
    as_warning = run_checks(tmp_path, CheckSettings(shown_as="site", severities={"links": "warning"}))
    assert [(p.check, p.severity) for p in as_warning] == [("links", "warning")]
    assert run_checks(tmp_path, CheckSettings(shown_as="site", severities={"links": "off"})) == []


def test_folder_link_without_slash_gets_the_fix(tmp_path):
    make_site(tmp_path, extra='<a href="/b">pagina B zonder slash</a>')
    [problem] = run_checks(tmp_path, CheckSettings(shown_as="site"))
    assert (problem.message, problem.fix) == (
        "Deze link wijst naar een pagina die niet bestaat (/b).", "Zet een / achter het adres (/b/).")


def test_severity_comes_from_site_config_and_unknown_checks_are_refused(tmp_path):
    import shutil
    from datetime import date

    from helpers import FIXTURES, build_site
    from werkenbij.problems import CheckFailure, ConfigError

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    page = site / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + "\nZie [de pagina die er niet is](/weg/).\n", "utf-8")
    with pytest.raises(CheckFailure):
        build_site(site / "a", date(2025, 10, 1), root=site)
    config = site / "site_config.yaml"
    config.write_text(config.read_text("utf-8") + "\nchecks:\n  links: warning\n", "utf-8")
    build_site(site / "b", date(2025, 10, 1), root=site)  # the broken link is only a warning now
    config.write_text(config.read_text("utf-8").replace("  links: warning", "  linkz: off"), "utf-8")
    with pytest.raises(ConfigError) as caught:
        build_site(site / "c", date(2025, 10, 1), root=site)
    assert [(p.message, p.fix) for p in caught.value.problems] == [
        ("'checks': 'linkz' is een onbekende sleutel.", "Bedoel je 'links'?")]


def test_check_command_with_strict_fails_on_a_warning(tmp_path):
    import subprocess
    import sys

    from helpers import ROOT

    make_site(tmp_path, sitemap=("/", "/b/"))
    (tmp_path / "sitemap.xml").write_text(SITEMAP.format(
        "<url><loc>/</loc></url><url><loc>/b/</loc></url>"), "utf-8")  # relative: a warning
    command = [sys.executable, str(ROOT / "build.py"), "check", str(tmp_path)]
    assert subprocess.run(command, capture_output=True, timeout=60).returncode == 0
    strict = subprocess.run(command + ["--strict"], capture_output=True, text=True, timeout=60)
    assert strict.returncode == 3
    assert "fout: De sitemap bevat geen volledige adressen" in strict.stderr
