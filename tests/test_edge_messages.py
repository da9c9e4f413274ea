"""Hostile edges said once and clearly: a wrong base_url at its line in site_config.yaml (or as a
usage error for --base-url), and a page the checker's parser gave up on as one problem instead
of a list of layout errors it never saw."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import FIXTURES, ROOT, build_site, copy_of, left_over, parse, tree_digest
from werkenbij.checks import CheckSettings, run_checks
from werkenbij.problems import ConfigError
from werkenbij.read.config import BASE_URL_FIX, base_url_mistake

TODAY = date(2025, 10, 1)

WRONG_BASE_URLS = {
    "http://voorbeeld.be/": "http:// is onbeveiligd; schrijf https://",
    "/../../": "een map '..' is niet toegelaten",
    '/"><script>alert(1)</script>/': 'het teken " mag niet in een adres',
    "/a b/": "een spatie mag niet in een adres",
    "https://voorbeeld.be/?x=1": "een ? of # hoort niet in het adres van de site",
}


@pytest.fixture
def site(tmp_path):
    """A copy of the complete fixture site with a good output/ already built."""
    return copy_of("complete", tmp_path, built_on=TODAY)


def set_base_url(root, value: str) -> int:
    """Write `value` as base_url in site_config.yaml; the line it is on."""
    config = root / "site_config.yaml"
    lines = config.read_text("utf-8").splitlines()
    number = lines.index("base_url: /")
    lines[number] = f"base_url: {value}"
    config.write_text("\n".join(lines) + "\n", "utf-8")
    return number + 1


@pytest.mark.parametrize("value", sorted(WRONG_BASE_URLS))
def test_wrong_base_url_is_one_problem_at_its_line(site, value):
    line = set_base_url(site, value)
    before = tree_digest(site / "output")
    with pytest.raises(ConfigError) as caught:
        build_site(site / "output", TODAY, root=site)
    assert [(p.location, p.message, p.fix) for p in caught.value.problems] == [
        (f"site_config.yaml:{line}:11",
         f"'base_url' (het adres van de site) is geen bruikbaar adres ({value}): "
         f"{WRONG_BASE_URLS[value]}.", BASE_URL_FIX)]
    assert tree_digest(site / "output") == before, "output/ changed"
    assert left_over(site) == ["content", "output", "site_config.yaml"]


@pytest.mark.parametrize("value, base_path, canonical", [
    ("/", "/", None),  # a path alone: links stay paths, no canonical address
    ("/werken-bij/", "/werken-bij/", None),
    ("https://voorbeeld.be/werken-bij/", "/werken-bij/", "https://voorbeeld.be/werken-bij/"),
])
def test_good_base_url_from_the_file_builds_and_is_used(tmp_path, value, base_path, canonical):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    set_base_url(root, value)
    home = parse(build_site(tmp_path / "out", TODAY, root=root) / "index.html")
    assert home.find("a", class_="site-name")["href"] == base_path
    assert home.find("link", rel="stylesheet")["href"].startswith(f"{base_path}static/")
    assert (home.find("link", rel="canonical") or {}).get("href") == canonical


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("value", sorted(WRONG_BASE_URLS))
def test_wrong_base_url_option_is_a_usage_error(tmp_path, value):
    result = run("--root", str(FIXTURES / "complete"), "--output", str(tmp_path / "out"),
                 "--date", "2025-10-01", "--base-url", value)
    assert result.returncode == 2
    assert result.stderr == (f"build.py: --base-url '{value}' is geen bruikbaar adres: "
                             f"{WRONG_BASE_URLS[value]}. {BASE_URL_FIX}\n")
    assert not (tmp_path / "out").exists()


def test_check_command_refuses_a_wrong_base_url_too(tmp_path):
    result = run("check", str(FIXTURES), "--root", str(FIXTURES / "complete"),
                 "--base-url", "/../../")
    assert result.returncode == 2
    assert "is geen bruikbaar adres: een map '..' is niet toegelaten." in result.stderr


@pytest.mark.parametrize("value, mistake", [
    ("//elders.example/", "een pad dat met // begint, wijst naar een andere site"),
    ("werken-bij/", "het begint niet met / of https://"),
    ("javascript:alert(1)", "het begint niet met / of https://"),
    ("https://iemand@voorbeeld.be/", "de servernaam 'iemand@voorbeeld.be' is ongeldig"),
    ("https:///werken-bij/", "de servernaam na https:// ontbreekt"),
    ("/a/%2e%2e/", "een %-code mag niet in het adres; kies een map zonder spaties of accenten"),
    ("/werken\\bij/", "het teken \\ mag niet in een adres"),
    ("/werken\x1bbij/", "het teken U+001B mag niet in een adres"),
    ("/./", "een map '.' is niet toegelaten"),
    ("https://voorbeeld.be:8443/werken-bij/", None),
    ("/werken.bij_2025~/", None),
])
def test_base_url_rules(value, mistake):
    assert base_url_mistake(value) == mistake


# -- the checker's parser giving up ---------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="nl-BE"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><meta name="description" content="Een pagina."></head>
<body><a href="#inhoud">Ga naar de inhoud</a>
<header><nav><a href="/">Start</a> <a href="/b/">Pagina B</a></nav></header>
<main id="inhoud"><h1>Titel</h1>{extra}
<script type="application/ld+json">{{"@type": "JobPosting"}}</script></main>
<footer><p>Voet</p></footer></body></html>
"""

TOO_DEEP = "<div>" * 300 + "diep" + "</div>" * 300   # libxml2 stops at a depth of 256
TOO_BIG = "<p>" + "x" * (25 * 1024 * 1024) + "</p>"   # one text node over libxml2's 10 MB


def check_hand_made_site(folder, extra_b: str, sources: dict[str, str]):
    (folder / "b").mkdir()
    (folder / "index.html").write_text(PAGE.format(title="Start", extra=""), "utf-8")
    (folder / "b/index.html").write_text(PAGE.format(title="B", extra=extra_b), "utf-8")
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>https://x.test/</loc></url><url><loc>https://x.test/b/</loc>'
        "</url></urlset>", "utf-8")
    return run_checks(folder, CheckSettings(shown_as="site", sources=sources))


def test_hand_made_site_passes(tmp_path):
    assert check_hand_made_site(tmp_path, "<p>Gewoon.</p>", {}) == []


@pytest.mark.parametrize("extra, why", [
    (TOO_DEEP, "de elementen zijn te diep in elkaar genest"),
    (TOO_BIG, "de pagina of een tekst erin is te groot"),
])
def test_a_page_the_parser_gave_up_on_is_one_problem(tmp_path, extra, why):
    problems = check_hand_made_site(tmp_path, extra, {"b/index.html": "content/pages/b.md"})
    assert [(p.path, p.check, p.message, p.fix, p.origin) for p in problems] == [
        ("site/b/index.html", "structure", f"De controle kon deze pagina niet volledig lezen ({why}).",
         "Kijk content/pages/b.md na, waar deze pagina uit gemaakt is: kortere teksten, minder "
         "lijsten of citaten in elkaar. Pas daarna kan de rest van de pagina gecontroleerd worden.",
         "content/pages/b.md")]


def test_a_page_the_parser_gave_up_on_without_a_source_still_has_a_fix(tmp_path):
    [problem] = check_hand_made_site(tmp_path, TOO_DEEP, {})
    assert problem.fix.startswith("Kijk na waar deze pagina uit gemaakt is: ")
    assert "main" not in problem.message and "JSON-LD" not in problem.message
