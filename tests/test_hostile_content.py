"""Hostile content that passes validation still ends up as inert text everywhere in the output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import FIXTURES, ROOT, build_site, parse, text_of
from werkenbij.policy import url_scheme

TITLE = "<script>alert('titel')</script> & \"Co\" </title><b>"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("hostile") / "output", date(2025, 10, 1),
                      root=FIXTURES / "hostile")


def all_elements(site):
    for path in sorted(site.rglob("*.html")):
        for element in parse(path).find_all(True):
            yield path.relative_to(site).as_posix(), element


def is_ours(script) -> bool:
    """Our own scripts: JSON-LD data that parses, or a file under /static/."""
    if script.get("type") == "application/ld+json":
        json.loads(script.string)
        return "</" not in script.string
    return script.get("src", "").startswith("/static/") and not script.string


def test_no_script_event_handler_or_script_url_anywhere(site):
    found = []
    for path, element in all_elements(site):
        if element.name == "script" and is_ours(element):
            continue
        if element.name in ("script", "iframe", "object", "embed", "svg", "style", "form"):
            found.append((path, str(element)))
        found += [(path, name) for name in element.attrs if name.lower().startswith("on")]
        for name in URL_ATTRIBUTES:
            if element.has_attr(name) and url_scheme(str(element[name])) not in \
                    ("", "https", "http", "mailto", "tel"):
                found.append((path, f"{name}={element[name]}"))
    assert found == []


def test_titles_with_markup_characters_are_escaped_everywhere(site):
    page = parse(site / "vacatures/aanval/index.html")
    unit = "{% if true %}ja{% endif %}"
    assert page.title.string == f"{TITLE}, {unit} | Werken bij Wijkgericht Sociaal Werk"
    assert text_of(page.h1) == TITLE
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Samenvatting met </p><script>alert(1)</script> en ' quotes \"")
    assert TITLE in text_of(parse(site / "index.html").select_one(".vacancy-list h3"))


def test_template_syntax_in_content_appears_literally(site):
    text = text_of(parse(site / "vacatures/aanval/index.html").find("main"))
    assert "{{ 7*7 }}" in text and "{% if true %}ja{% endif %}" in text
    assert "{{ config }} {{ ''.__class__ }}" in text
    assert "49" not in text


def test_escaped_angle_bracket_shows_as_text(site):
    text = text_of(parse(site / "vacatures/aanval/index.html").find("main"))
    assert "Een <script> in tekst" in text


def test_titles_are_escaped_in_json_ld_feed_and_json(site):
    from lxml import etree

    page = parse(site / "vacatures/aanval/index.html")
    postings = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    [posting] = [p for p in postings if p["@type"] == "JobPosting"]
    assert posting["title"] == TITLE
    # the description is HTML (as Google reads it): markup from content stays escaped text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in posting["description"]
    assert "<script" not in posting["description"]
    feed = etree.parse(str(site / "feed.xml"))
    titles = feed.findall(".//{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert [t.text for t in titles] == [TITLE]
    listed = json.loads((site / "vacatures.json").read_text("utf-8"))["vacancies"]
    assert [v["title"] for v in listed] == [TITLE]


@pytest.mark.parametrize("url, allowed", [
    ("/\t/evil.example/", False),            # a browser drops the tab: //evil.example/
    ("/\n/evil.example/", False),
    ("\x00 //evil.example/", False),         # control characters and spaces at the ends
    ("/\\\t\\evil.example/", False),
    ("/over-wsw/", True),
    ("https://www.kortrijk.be/\tvacatures", True),  # the tab goes, the address stays
    ("mailto:vacatures@kortrijk.be?bcc=iemand@elders.example", False),  # a copy of every CV
    ("mailto:vacatures@kortrijk.be?CC=iemand@elders.example", False),
    ("mailto:vacatures@kortrijk.be?to=iemand@elders.example", False),
    ("mailto:vacatures@kortrijk.be?subject=Sollicitatie&body=Dag", True),
    ("mailto:?subject=Vacature", True),
])
def test_urls_are_judged_as_a_browser_reads_them(url, allowed):
    from werkenbij.policy import is_allowed_url

    assert is_allowed_url(url) is allowed


def test_a_mailto_with_other_recipients_in_a_field_is_refused_with_the_fix(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    path = site / "content/vacatures/maatschappelijk-werker.md"
    text = path.read_text("utf-8")
    assert "apply_url: https://www.example.org/solliciteer" in text
    path.write_text(text.replace("apply_url: https://www.example.org/solliciteer",
                                 "apply_url: mailto:vacatures@kortrijk.be?bcc=x@elders.example"), "utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(site), "--output",
                             str(site / "output"), "--date", "2025-10-01"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "nooit to, cc of bcc" in result.stderr
