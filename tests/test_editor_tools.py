"""Starting a vacancy, drafts and scheduling, renamed vacancies, and the editor guide."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import FIXTURES, ROOT, build_site, parse, text_of
from werkenbij.problems import ContentError
from werkenbij.read import content as model
from werkenbij.read import fields


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def new(root, title: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "new", title, "--root", str(root)],
                          capture_output=True, text=True, timeout=60)


def test_new_creates_a_draft_that_builds_and_refuses_to_overwrite(site):
    result = new(site, 'Buurtwerker "Noord": deeltijds')
    assert result.returncode == 0, result.stderr
    path = site / "content/vacatures/buurtwerker-noord-deeltijds.md"
    text = path.read_text("utf-8")
    assert 'title: "Buurtwerker \\"Noord\\": deeltijds"' in text and "\ndraft: true\n" in text
    for key in sorted(model.VACANCY_KEYS):
        assert re.search(rf"^#? *{key}:", text, re.M), f"the template does not mention {key}"
    drafts = build_site(site / "out", date(2025, 10, 1), root=site, drafts=True)
    assert text_of(parse(drafts / "vacatures/buurtwerker-noord-deeltijds/index.html").h1) == \
        'Buurtwerker "Noord": deeltijds'
    plain = build_site(site / "plain", date(2025, 10, 1), root=site)
    assert not (plain / "vacatures/buurtwerker-noord-deeltijds").exists()
    again = new(site, "Buurtwerker Noord deeltijds")
    assert again.returncode == 2 and "bestaat al" in again.stderr
    assert path.read_text("utf-8") == text


def test_a_started_vacancy_cannot_go_live_half_filled(site):
    new(site, "Buurtwerker")
    path = site / "content/vacatures/buurtwerker.md"
    path.write_text(path.read_text("utf-8").replace("draft: true", "draft: false"), "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    messages = {(p.path, p.message) for p in caught.value.problems}
    assert ("content/vacatures/buurtwerker.md", "Hier staat nog 'VUL IN'.") in messages


def test_a_vacancy_published_later_is_not_shown_yet(site):
    path = site / "content/vacatures/maatschappelijk-werker.md"
    early = build_site(site / "early", date(2025, 8, 31), root=site)
    assert not (early / "vacatures/maatschappelijk-werker").exists()
    assert path.exists()
    on_the_day = build_site(site / "day", date(2025, 9, 1), root=site)
    assert (on_the_day / "vacatures/maatschappelijk-werker/index.html").exists()


def test_old_names_redirect_to_the_renamed_vacancy(site):
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("blocks:", "aliases:\n  - sociaal-werker\nblocks:"),
                    "utf-8")
    out = build_site(site / "out", date(2025, 10, 1), root=site,
                     base_url="https://vacatures.example/")
    old = parse(out / "vacatures/sociaal-werker/index.html")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == \
        "0; url=/vacatures/maatschappelijk-werker/"
    assert old.find("link", rel="canonical")["href"] == \
        "https://vacatures.example/vacatures/maatschappelijk-werker/"
    assert old.find("main").find("a", href="/vacatures/maatschappelijk-werker/") is not None
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "sociaal-werker" not in sitemap


@pytest.mark.parametrize("alias, message", [
    ('""', "'' is geen bruikbare oude naam (leeg)."),
    ("a" * 300, f"'{'a' * 40}' is geen bruikbare oude naam (300 tekens)."),
    ("bom-en-crlf", "De oude naam 'bom-en-crlf' in 'aliases' is al in gebruik door "
                    "content/vacatures/bom-en-crlf.md."),
    ("archief", "De oude naam 'archief' in 'aliases' is al in gebruik door de site zelf."),
])
def test_an_alias_that_collides_fails_the_build(site, alias, message):
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("blocks:", f"aliases:\n  - {alias}\nblocks:"),
                    "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert [p.message for p in caught.value.problems] == [message]


def test_editor_guide_lists_exactly_the_fields_of_the_model():
    guide = (ROOT / "content/LEESMIJ.md").read_text("utf-8")
    section = guide.split("## Alle velden van een vacature", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z_.]+)` \|", section, re.M)
    assert len(listed) == len(set(listed)), "a field is listed twice"
    nested = {"location": model.LOCATION_KEYS, "salary": model.SALARY_KEYS,
              "procedure": model.STEP_KEYS, "competencies": model.COMPETENCY_KEYS,
              "contact": fields.CONTACT_KEYS, "faq": fields.LINK_KEYS}
    expected = set(model.VACANCY_KEYS) | {f"{parent}.{key}" for parent, keys in nested.items()
                                          for key in keys}
    assert set(listed) == expected


def test_every_command_has_help_in_dutch():
    expected = {(): "Bouwt de vacaturesite uit content/ naar output/ en controleert ze.",
                ("build",): "bouw de site zoals op deze dag (JJJJ-MM-DD)",
                ("check",): "de map (standaard output)",
                ("serve",): "poort (standaard 8000)",
                ("new",): "de functietitel"}
    for command, phrase in expected.items():
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), *command, "--help"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0
        prog = " ".join(("build.py", *command))
        assert result.stdout.startswith(f"gebruik: {prog} ")
        assert "opties:" in result.stdout and "toon deze hulp en stop" in result.stdout
        assert phrase in " ".join(result.stdout.split())


def test_a_block_listed_twice_is_named_with_its_line(site):
    """Shown twice, the page would hold every id of the block twice: caught in the content."""
    path = site / "content/vacatures/maatschappelijk-werker.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("blocks:\n  - voordelen\n", "blocks:\n  - voordelen\n  - voordelen\n"),
                    "utf-8")
    line = path.read_text("utf-8").split("\n").index("  - voordelen") + 2  # the second one
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (line, "Het blok 'voordelen' staat twee keer in 'blocks'.")]


@pytest.mark.parametrize("invisible", ["\\u200b\\u200b", "Werker\\ufeff", "Werker\\uffff", "\\u0085Werker"])
def test_a_title_with_invisible_characters_is_refused(site, invisible):
    """Zero-width characters alone gave an empty heading; U+FFFF made the feed ill-formed."""
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("title: Maatschappelijk werker",
                                                    f'title: "{invisible}"', 1), "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    [problem] = caught.value.problems
    assert problem.message.startswith("'title' bevat een onzichtbaar stuurteken (U+")
