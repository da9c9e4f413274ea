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
    result = new_on(site, 'Buurtwerker "Noord": deeltijds', date(2025, 10, 1))
    assert result.returncode == 0, result.stderr
    path = site / "content/vacatures/buurtwerker-noord-deeltijds.md"
    text = path.read_text("utf-8")
    assert 'title: "Buurtwerker \\"Noord\\": deeltijds"' in text and "\ndraft: true\n" in text
    # apply_url is the older way to write apply.url: the template shows only `apply`.
    for key in sorted(model.VACANCY_KEYS - {"apply_url"}):
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
    ('""', "'aliases' (de oude namen): item 1 is leeg."),
    ("a" * 300, f"'{'a' * 40}' is geen bruikbare oude naam (300 tekens)."),
    ("bom-en-crlf", "De oude naam 'bom-en-crlf' in 'aliases' is al in gebruik door "
                    "content/vacatures/bom-en-crlf.md."),
    ("archief", "De oude naam 'archief' is een adres van de site zelf (/vacatures/archief/)."),
    ("maatschappelijk-werker", "De oude naam 'maatschappelijk-werker' is het huidige adres van "
                               "deze vacature."),
])
def test_an_alias_that_collides_fails_the_build_at_its_line(site, alias, message):
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("blocks:", f"aliases:\n  - {alias}\nblocks:"),
                    "utf-8")
    line = path.read_text("utf-8").split("\n").index(f"  - {alias}") + 1
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert [(p.line, p.message) for p in caught.value.problems] == [(line, message)]


def test_an_alias_on_a_site_address_is_reported_with_the_other_mistakes(site):
    """It was only found once every other mistake of the file was fixed."""
    path = site / "content/vacatures/maatschappelijk-werker.md"
    text = path.read_text("utf-8").replace("blocks:", "aliases:\n  - archief\nblocks:")
    path.write_text(text.replace("hours_per_week: 19", "hours_per_week: negentien"), "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert len(caught.value.problems) == 2


def test_an_alias_on_the_address_of_a_vacancy_with_mistakes_is_told_in_the_same_round(site):
    """The other file's address counts although that file has a mistake of its own."""
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("blocks:", "aliases:\n  - kladversie\nblocks:"), "utf-8")
    draft = site / "content/vacatures/kladversie.md"
    draft.write_text(draft.read_text("utf-8").replace("hours_per_week: 38", "hours_per_week: veel"), "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert sorted((p.path, p.message) for p in caught.value.problems) == [
        ("content/vacatures/kladversie.md",
         "'hours_per_week' (de uren per week) is geen aantal uren dat de site kent (veel)."),
        ("content/vacatures/maatschappelijk-werker.md",
         "De oude naam 'kladversie' in 'aliases' is al in gebruik door content/vacatures/kladversie.md.")]


def test_every_key_has_its_dutch_meaning_and_no_meaning_is_left_over():
    """Messages name a key with its meaning ("'grade' (het niveau) ontbreekt"): every key of
    every kind of file has one, so no message falls back to the bare English key. A vacancy's
    meanings are rows of its key table (tests/test_documents.py holds the guide to it)."""
    from werkenbij.read import config, meanings
    from werkenbij.vacancy.keys import KEYS, keys_in

    assert meanings.VACANCY == {key.name: key.meaning for key in KEYS}
    assert fields.CONTACT_KEYS == keys_in("contact") and fields.LINK_KEYS == keys_in("faq")
    links = {f"{parent}.{key}" for parent in ("faq", "navigation", "footer_links")
             for key in fields.LINK_KEYS}
    assert set(meanings.CONFIG) == config.CONFIG_KEYS | links | {
        f"contact.{key}" for key in fields.CONTACT_KEYS} | {
        f"organisation.{key}" for key in ("name", "team", "team_short", "url")} | {
        f"newsletter.{key}" for key in config.NEWSLETTER_KEYS}
    assert set(meanings.PAGE) == model.PAGE_KEYS and set(meanings.BLOCK) == model.BLOCK_KEYS
    assert all(meaning and meaning == meaning.strip() for words in (meanings.VACANCY, meanings.CONFIG)
               for meaning in words.values())


@pytest.mark.parametrize(("path", "key", "named"), [
    ("content/vacatures/x.md", ("grade",), "'grade' (het niveau)"),
    ("content/vacatures/x.md", ("locations", 1, "city"), "'city' (de gemeente van de werkplek)"),
    ("content/vacatures/x.md", ("contract", 0, "months"), "'months' (het aantal maanden)"),
    ("content/vacatures/x.md", ("procedure", 2, "date"), "'date' (de datum van de stap)"),
    ("content/vacatures/x.md", ("closing",), "'closing'"),  # unknown: no meaning to give
    ("site_config.yaml", ("title",), "'title' (de naam van de site)"),
    ("content/pages/over-wsw.md", ("title",), "'title' (de titel van de pagina)"),
    ("content/blocks/voordelen.md", ("title",), "'title' (de titel van het blok)"),
])
def test_a_key_is_named_with_the_meaning_it_has_in_its_file(path, key, named):
    from werkenbij.read import meanings

    assert meanings.said(key, words=meanings.vocabulary(path)) == named


def test_a_missing_field_is_named_with_its_meaning(site):
    path = site / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace("grade:", "graad:"), "utf-8")
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", date(2025, 10, 1), root=site)
    assert [(p.message, p.fix) for p in caught.value.problems] == [
        ("'graad' is een onbekende sleutel.", "Bedoel je 'grade' (het niveau)?")]


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
    assert problem.message.startswith("'title' (de functietitel) bevat een onzichtbaar stuurteken (U+")


def new_on(root, title: str, day: date) -> subprocess.CompletedProcess:
    """`build.py new` as run on `day`: the build date option goes before the command."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--date", day.isoformat(), "new",
                           title, "--root", str(root)], capture_output=True, text=True, timeout=60)


def test_new_dates_the_vacancy_on_the_day_it_is_run(site):
    """An open vacancy needs its posting day; the day the editor starts it is the first guess."""
    assert new_on(site, "Buurtwerker", date(2025, 10, 7)).returncode == 0
    text = (site / "content/vacatures/buurtwerker.md").read_text("utf-8")
    assert re.findall(r"^published:.*$", text, re.M) == ["published: 2025-10-07"]


# What an editor might write for each "VUL IN" of the template, by key (a block's key with a dot).
FILLED = {"unit": "Testdienst", "summary": "Je helpt bewoners met hun vragen.",
          "closes": "2025-10-31", "grade": "B1-B3", "hours_per_week": "28,5",
          "contract": "contractueel, onbepaalde duur", "location.name": "Testhuis",
          "location.street": "Teststraat 1", "location.postal_code": '"8500"',
          "location.city": "Kortrijk", "procedure.title": "Gesprek", "contact.name": "Test Persoon",
          "contact.role": "selectieverantwoordelijke"}


def filled_in(skeleton: str) -> str:
    """The template as an editor leaves it: each line with "VUL IN" gets a value from FILLED
    (and loses its explanation), a text line a sentence; `draft: true` is removed."""
    lines, block = [], ""
    for line in skeleton.split("\n"):
        if re.match(r"[a-z_]+:", line):
            block = line.split(":", 1)[0]
        if "VUL IN" in line and not line.lstrip().startswith("#"):
            field = re.match(r"( *(?:- )?)([a-z_]+):", line)
            if field:
                key = f"{block}.{field[2]}" if field[1] else field[2]
                line = f"{field[1]}{field[2]}: {FILLED[key]}"
            else:
                line = line[:line.index("VUL IN")] + "Je praat met bewoners over hun buurt."
        lines.append(line)
    assert "\ndraft: true\n" in skeleton
    return "\n".join(lines).replace("\ndraft: true\n", "\n", 1)


def test_a_started_vacancy_with_every_blank_filled_in_goes_live(site):
    assert new_on(site, "Buurtwerker", date(2025, 10, 1)).returncode == 0
    path = site / "content/vacatures/buurtwerker.md"
    path.write_text(filled_in(path.read_text("utf-8")), "utf-8")
    out = build_site(site / "out", date(2025, 10, 1), root=site)  # any error would raise
    page = parse(out / "vacatures/buurtwerker/index.html")
    assert text_of(page.h1) == "Buurtwerker"
    assert page.select_one(".status-open time")["datetime"] == "2025-10-31"
