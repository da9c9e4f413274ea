"""Every kind of editor mistake: one clear message with file, line and fix, and output/ untouched.

Each file in tests/fixtures/broken/ holds one mistake. It is dropped into a copy of the
complete fixture site whose output/ was built before; the build must fail with exactly the
messages below and leave that output/ byte-identical, with no staging folder left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from datetime import date

import pytest

from helpers import FIXTURES, ROOT, build_site, left_over, parse, read_site, text_of, tree_digest
from werkenbij.problems import BuildError, ConfigError, ContentError
from werkenbij.report import WIDTH, Sources, native, printable

BROKEN = FIXTURES / "broken"
TODAY = date(2025, 10, 1)
P = "content/vacatures/"
CURLY = ("Deze waarde staat tussen gekrulde aanhalingstekens (“…” of ‘…’), zoals Word ze maakt. "
         "De site leest die als tekst.")

MISSING = ["2:1: 'summary' (de korte samenvatting) ontbreekt.", "2:1: 'team' (het team) ontbreekt."]
EXPECTED = {
    "tab-indentation": ["12:1: Er staat een tab in de inspringing."],
    "unquoted-colon": ["2:14: Er staat een ': ' in een waarde zonder aanhalingstekens."],
    # Pasted from Word: the quotes are named, never read into the page; bullets never a run-on.
    "word-curly-quotes": [f"2:8: {CURLY}", f"11:16: {CURLY}"],
    "word-curly-quotes-with-colon": [f"2:8: {CURLY}"],
    "word-curly-phone": [f"18:10: {CURLY}"],
    "word-bullets": [f"{line}:1: Deze regel begint met een opsommingsteken uit Word ({mark}). Zonder '- ' "
                     "wordt het geen lijst, maar één lange alinea." for line, mark in
                     ((24, "•"), (25, "•"), (26, "–"))],
    "unclosed-quote": ["2:8: Een aanhalingsteken wordt niet gesloten."],
    # The data ends inside an open list: a message, not a crash on the empty last line.
    "yaml-unclosed-list": ["3:1: De YAML is niet leesbaar (expected the node content, but found "
                           "'<stream end>')."],
    "duplicate-key": ["8:1: 'title' staat twee keer in dit blok (ook op regel 2)."],
    "anchor-alias": ["3:7: Ankers en verwijzingen (& en *) worden niet ondersteund."],
    "alias-bomb": ["4:4: Ankers en verwijzingen (& en *) worden niet ondersteund."],
    "not-utf8": ["22: Het bestand is niet in UTF-8 opgeslagen."],
    "empty-file": ["1: Het bestand is leeg."],
    "front-matter-never-closed": ["18: De gegevens bovenaan worden nooit afgesloten met '---': ze stoppen "
                                  "waarschijnlijk na regel 17."],
    "no-front-matter": ["1: Het bestand begint niet met '---' (de start van de gegevens)."],
    "front-matter-closed-early": MISSING + [
        "2:1: De vacature zegt niet wanneer ze sluit, dus ze zou altijd open blijven.",
        "3:1: Deze regel '---' sluit de gegevens te vroeg af: 'team' en wat volgt wordt tekst."],
    "yaml-bad-indentation": ["15:2: De inspringing klopt niet: deze regel staat verder of minder "
                             "ver in dan de regels van hetzelfde blok."],
    "yaml-non-breaking-space": ["12:1: Er staat een onzichtbare harde spatie in de inspringing "
                                "(vaak na kopiëren uit Word)."],
    "invisible-control-character": ["2:8: 'title' (de functietitel) bevat een onzichtbaar stuurteken "
                                    "(U+202E)."],
    "missing-fields": MISSING + [
        "2:1: De vacature zegt niet wanneer ze sluit, dus ze zou altijd open blijven."],
    "unknown-key": ["8:1: 'closing' is een onbekende sleutel."],
    "wrong-types": ["6:17: 'hours_per_week' (de uren per week) moet een aantal uren zijn, geen lijst of "
                    "blok.",
                    "8:11: 'location' (de werkplek) moet een blok met sleutels zijn."],
    "config-like-list": ["3:3: 'title' (de functietitel) moet tekst zijn, geen lijst of blok."],
    "number-with-leading-zero": [
        "6:17: 'hours_per_week' (de uren per week) is geen aantal uren dat de site kent (0471234567)."],
    "impossible-date": ["8:9: 'closes' (de laatste dag om te solliciteren) is geen geldige datum "
                        "(2025-02-30)."],
    "date-order": ["9:9: 'closes' (de laatste dag om te solliciteren: 2025-10-01) ligt vóór 'published' (de "
                   "dag van publicatie: 2025-11-01).",
                   "19:11: Stap 2 (2025-11-05) valt vóór de vorige stap (2025-11-12)."],
    "step-before-closing": ["16:11: Stap 1 (2025-11-12) valt vóór de sluitdatum (2025-11-20)."],
    "script-url-with-whitespace": ["8:12: 'apply_url' (de link om te solliciteren) is geen toegelaten link "
                                   "(java\tscript:alert(1))."],
    "bad-email-and-phone": ["17:10: 'contact': 'email' (het e-mailadres van de contactpersoon) is geen "
                            "geldig e-mailadres (test@@example).",
                            "18:10: 'contact': 'phone' (het telefoonnummer van de contactpersoon) is geen "
                            "geldig telefoonnummer (12)."],
    "bad-urls": ["8:12: 'apply_url' (de link om te solliciteren) is geen toegelaten link "
                 "(JaVaScRiPt:alert(1)).",
                 "10:8: 'salary': 'url' (de link naar de loonschalen) is geen toegelaten link "
                 "(&#106;avascript:alert(1)).",
                 "13:10: 'faq', link 1: 'url' (het adres van de link) is geen toegelaten link "
                 "(data:text/html;base64,PHNjcmlwdD4=).",
                 "15:10: 'faq', link 2: 'url' (het adres van de link) is geen toegelaten link "
                 "(vbscript:msgbox(1))."],
    "unknown-block": ["9:5: Het blok 'bestaat-niet' bestaat niet."],
    # Both kinds of alias mistake at once: one the file alone shows, one only the other files do.
    "alias-mistakes": ["9:5: 'Oude Naam' is geen webadres zoals de site het maakt.",
                       "10:5: De oude naam 'maatschappelijk-werker' in 'aliases' is al in gebruik door "
                       "content/vacatures/maatschappelijk-werker.md."],
    "markdown-h1": ["20:1: Een kop met # maakt een extra hoofdtitel; de titel van de pagina is al "
                    "de enige h1."],
    "markdown-skipped-level": ["22:1: Deze kop slaat een niveau over (van ## naar ####)."],
    "markdown-image-without-alt": ["24:1: Deze afbeelding heeft geen alt-tekst."],
    "markdown-generic-link": ["22:23: De linktekst 'meer info' zegt niet waar de link naartoe gaat.",
                              "22:64: De linktekst 'klik hier' zegt niet waar de link naartoe gaat."],
    "markdown-bare-url": ["22:18: Een kaal webadres is geen goede linktekst."],
    "markdown-raw-html": ["22:10: HTML (<b…) is niet toegelaten in de tekst.",
                          "24:1: HTML (<script…) is niet toegelaten in de tekst."],
    "markdown-reference-script-link": ["22:5: Deze link is niet toegelaten (javascript:).",
                                       "22:21: Deze link is niet toegelaten (javascript:)."],
    "markdown-link-over-two-lines": ["23:7: Deze link is niet toegelaten (javascript:)."],
    "markdown-hashtag-heading": ["22:1: Een kop met # maakt een extra hoofdtitel; de titel van de "
                                 "pagina is al de enige h1."],
    "markdown-heading-in-list": ["24:1: Een kop met # maakt een extra hoofdtitel; de titel van de "
                                 "pagina is al de enige h1."],
    "markdown-setext-then-skip": ["25:1: Deze kop slaat een niveau over (van ## naar ####)."],
    "step-text-rules": ["17:5: HTML (<b…) is niet toegelaten in de tekst.",
                        "19:1: Een kop met # maakt een extra hoofdtitel; de titel van de pagina is "
                        "al de enige h1.",
                        "21:5: Deze link is niet toegelaten (javascript:)."],
    "markdown-script-link": ["22:10: Deze link is niet toegelaten (javascript:).",
                             "22:43: Deze link is niet toegelaten (javascript:)."],
}


@pytest.fixture
def site(tmp_path):
    """A copy of the complete fixture site with a good output/ already built."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    build_site(root / "output", TODAY, root=root)
    return root


def failed_build(root, error=BuildError) -> BuildError:
    before = tree_digest(root / "output")
    with pytest.raises(error) as caught:
        build_site(root / "output", TODAY, root=root)
    assert tree_digest(root / "output") == before, "output/ changed"
    assert left_over(root) == ["content", "output", "site_config.yaml"]
    return caught.value


def test_every_broken_fixture_has_an_expected_message():
    assert sorted(p.stem for p in BROKEN.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_mistake_names_file_line_and_fix_and_leaves_output_untouched(site, name):
    shutil.copy(BROKEN / f"{name}.md", site / P)
    error = failed_build(site, ContentError)
    assert [f"{p.location}: {p.message}" for p in error.problems] == \
        [f"{P}{name}.md:{message}" for message in EXPECTED[name]]
    # Each message with a line quotes that line of the file, as the terminal and serve show it.
    lines = (BROKEN / f"{name}.md").read_bytes().decode("utf-8", "replace").split("\n")
    sources = Sources(site)
    for problem in error.problems:
        quote = sources.quote(problem)
        if problem.line and lines[problem.line - 1].strip():
            assert quote is not None and quote.number == problem.line
            shown, line = quote.before + quote.at + quote.after, printable(lines[problem.line - 1])
            assert shown == line or (len(line) > WIDTH and shown.strip("…") in line)  # a long one: a part
            if problem.column and len(line) <= WIDTH:
                assert quote.marker.index("^") == len(printable(lines[problem.line - 1][:problem.column - 1]))
    assert all(p.fix for p in error.problems)


def test_bom_crlf_and_yaml_1_1_look_alikes_are_accepted_as_written(tmp_path):
    out = build_site(tmp_path / "out", TODAY, root=FIXTURES / "complete")
    assert text_of(parse(out / "vacatures/bom-en-crlf/index.html").h1) == "BOM en CRLF"
    page = parse(out / "vacatures/yaml-tekst/index.html")
    facts = {text_of(d.dt): text_of(d.dd) for d in page.select(".in-short .facts > div")}
    assert (text_of(page.h1), facts["Team"], facts["Niveau"], facts["Vacaturenummer"]) == \
        ("off", "no", "14:30", "no")
    assert page.find("a", href="tel:+32471234567").get_text() == "0471234567"


def test_files_that_give_the_same_slug_are_all_named(site):
    text = (BROKEN.parent / "complete" / P / "maatschappelijk-werker.md").read_text("utf-8")
    nfc, nfd = unicodedata.normalize("NFC", "café.md"), unicodedata.normalize("NFD", "café.md")
    for name in ("Maatschappelijk-Werker.md", nfc, nfd):
        (site / P / name).write_text(text, "utf-8")
    error = failed_build(site, ContentError)
    same = "Deze bestandsnaam geeft het webadres '{}', net als: {}."
    cafes = f"{P}{nfd}, {P}{nfc}"
    assert sorted((p.path, p.message, p.fix) for p in error.problems) == sorted([
        (f"{P}Maatschappelijk-Werker.md", same.format(
            "maatschappelijk-werker", f"{P}Maatschappelijk-Werker.md, {P}maatschappelijk-werker.md"),
         "Geef elk bestand een eigen naam met kleine letters, cijfers en koppeltekens."),
        (f"{P}maatschappelijk-werker.md", same.format(
            "maatschappelijk-werker", f"{P}Maatschappelijk-Werker.md, {P}maatschappelijk-werker.md"),
         "Geef elk bestand een eigen naam met kleine letters, cijfers en koppeltekens."),
        # Two names that look the same: which is which, and which one to rename.
        (f"{P}{nfd}", same.format("cafe", cafes) + " Deze naam ziet er hetzelfde uit als een andere, "
         "maar is geschreven met losse accenttekens (zoals e + ´ in plaats van é).",
         "Hernoem dit bestand: typ de naam opnieuw, zonder accenten, of wis het."),
        (f"{P}{nfc}", same.format("cafe", cafes) + " Een ander bestand heeft dezelfde naam, geschreven "
         "met losse accenttekens (zoals e + ´ in plaats van é).",
         "Hernoem of wis dat andere bestand (zie de melding erbij)."),
    ])


def test_config_mistakes_are_listed_at_once(site):
    config = site / "site_config.yaml"
    config.write_text(config.read_text("utf-8").replace("title:", "titel:", 1)
                      .replace("email: vacatures@kortrijk.be", "email: geen-adres"), "utf-8")
    error = failed_build(site, ConfigError)
    assert [(p.location, p.message, p.fix) for p in error.problems] == [
        ("site_config.yaml:3:1", "'titel' is een onbekende sleutel.", "Bedoel je 'title' (de naam van de "
                                                                      "site)?"),
        ("site_config.yaml:3:1", "'title' (de naam van de site) ontbreekt.",
         "Voeg een regel 'title: ...' toe; dit veld is verplicht."),
        ("site_config.yaml:27:10", "'contact': 'email' (het e-mailadres) is geen geldig e-mailadres "
                                   "(geen-adres).",
         "Schrijf het adres zoals naam@kortrijk.be, zonder 'mailto:'."),
    ]


def test_a_failed_check_leaves_output_untouched(site):
    page = site / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + "\nZie [de pagina die er niet is](/weg/).\n", "utf-8")
    error = failed_build(site)
    assert [(p.path, p.message, p.origin) for p in error.problems if p.severity == "error"] == [
        ("output/over-wsw/index.html", "Deze link wijst naar een pagina die niet bestaat (/weg/).",
         "content/pages/over-wsw.md")]


def test_a_full_disk_leaves_output_untouched(site, monkeypatch):
    import werkenbij.pipeline.output as write

    real = write.Path.write_bytes
    calls = []

    def fill_up(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(write.Path, "write_bytes", fill_up)
    failed_build(site, OSError)


@pytest.mark.posix
def test_sigterm_during_the_build_leaves_output_untouched(site):
    before = tree_digest(site / "output")
    script = (
        "import os, signal, sys\n"
        "import werkenbij.pipeline.pipeline as pipeline\n"
        "from werkenbij.cli import main\n"
        "def killed(*args):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "pipeline.check_site = killed\n"
        f"sys.exit(main(['--root', {str(site)!r}, '--output', {str(site / 'output')!r}]))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 4
    assert "Onderbroken." in result.stderr
    assert tree_digest(site / "output") == before
    assert left_over(site) == ["content", "output", "site_config.yaml"]


def test_cli_content_error_exits_1_with_numbered_messages_and_no_traceback(site):
    shutil.copy(BROKEN / "impossible-date.md", site / P)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(site),
                             "--output", str(site / "output")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"1. {native(P)}impossible-date.md:8:9: fout: 'closes' (de laatste dag om te solliciteren) is "
        "geen geldige datum (2025-02-30).\n"
        "   8 | closes: 2025-02-30\n"
        "     |         ^~~~~~~~~~\n"
        "   oplossing: Gebruik JJJJ-MM-DD, bijvoorbeeld 2025-11-05.\n")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("broken, location", [
    ("{% block main %}", "templates/404.html:11"),          # syntax: never closed (at the end)
    ("{{ config.nope.deeper }}", "templates/404.html:1"),   # a name that does not exist
])
def test_a_template_error_names_file_and_line_and_leaves_output_untouched(site, tmp_path, broken,
                                                                          location):
    from werkenbij.pipeline.pipeline import BuildOptions, build
    from werkenbij.problems import TemplateFailure

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "404.html"
    page.write_text(broken + page.read_text("utf-8"), "utf-8")
    before = tree_digest(site / "output")
    with pytest.raises(TemplateFailure) as caught:
        build(BuildOptions(root=site, output=site / "output", today=TODAY, templates=templates))
    [problem] = caught.value.problems
    assert problem.location == location and problem.message.startswith("Fout in een sjabloon: ")
    assert tree_digest(site / "output") == before


def test_a_broken_template_is_found_first_even_when_no_page_uses_it(site, tmp_path):
    """Every template is compiled before the content is read: a syntax error in the redirect
    page (no vacancy has an old name yet) fails the build, and comes before content errors."""
    from werkenbij.pipeline import BuildOptions, build
    from werkenbij.problems import TemplateFailure

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "redirect.html").write_text("{% if %}\n", "utf-8")
    shutil.copy(BROKEN / "impossible-date.md", site / P)
    with pytest.raises(TemplateFailure) as caught:
        build(BuildOptions(root=site, output=site / "output", today=TODAY, templates=templates))
    [problem] = caught.value.problems
    assert problem.location == "templates/redirect.html:1"


LONG = ("Dit is een erg lange zin die veel te veel woorden telt om nog vlot gelezen te worden door "
        "iemand die het Nederlands nog aan het leren is of die weinig tijd heeft vandaag.")


def test_warnings_are_shown_and_fail_only_with_strict(site):
    page = site / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + f"\n{LONG} Korte zin.\n", "utf-8")
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(site), "--date", "2025-10-01",
               "--output", str(site / "output")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = page.read_text("utf-8").count("\n")
    assert f"content/pages/over-wsw.md:{lines}: waarschuwing: Deze zin telt 34 woorden: " \
        f"\"Dit is een erg lange zin…\"." in result.stderr
    assert "0 fouten, 4 waarschuwingen" in result.stdout
    strict = subprocess.run(command + ["--strict"], capture_output=True, text=True, timeout=60)
    assert strict.returncode == 1
    assert "Niet gebouwd: 3 fouten, 0 waarschuwingen." in strict.stderr


def test_a_missing_closes_is_a_warning_while_open(tmp_path):
    warnings = read_site(date(2025, 10, 20)).warnings
    messages = [p.message for p in warnings if p.path.endswith("communicatiemedewerker.md")
                and p.line == 1]
    assert messages == [
        "De vacature is open maar heeft geen 'closes'-datum; kandidaten zien niet tot wanneer ze "
        "kunnen solliciteren.",
        "De vacature is open met 'published: onbekend', dus zoekmachines krijgen geen "
        "gestructureerde vacaturegegevens (JobPosting) en ze staat niet in de nieuwsfeed."]
    closed = read_site(date(2026, 11, 28)).warnings
    assert not any("'closes'" in p.message or "onbekend" in p.message for p in closed)
