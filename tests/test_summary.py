"""The summary of a proposed change (`build.py summary`): every vacancy file with its state,
closing date and problems, as Markdown that GitHub shows as it is, whatever the content says."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import cmarkgfm
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from helpers import FIXTURES, ROOT, copy_of, left_over, tree_digest
from werkenbij.github.summary import summary_markdown
from werkenbij.problems import UsageError

SITE = FIXTURES / "summary"
TODAY = date(2026, 6, 15)

EXPECTED = "\n".join([
    "## Vacatures in dit voorstel",
    "",
    "6 vacatures: 2 open, 1 gepland, 1 gesloten, 1 kladversie, 1 met fouten; 3 fouten, 2 "
        "waarschuwingen",
    "",
    "Zo staan de vacatures op maandag 15 juni 2026. Dit overzicht leest alleen de bestanden: "
        "fouten die pas in de gebouwde site opvallen, zoals een kapotte link, zie je bij het "
        "bouwen.",
    "",
    "| Vacature | Bestand | Staat | Sluitingsdatum | Fouten en waarschuwingen |",
    "| --- | --- | --- | --- | --- |",
    r"| onbekend | <code>content\/vacatures\/fout\.md</code> | fout | onbekend | Fout op regel"
        r" 2: 'summary' \(de korte samenvatting\) ontbreekt\. Oplossing: Voeg een regel "
        r"'summary\: \.\.\.' toe\; dit veld is verplicht\.<br>Fout op regel 15: 'closes' "
        r"\(de laatste dag om te solliciteren\) is geen geldige datum "
        r"\(2026\-13\-01\)\. Oplossing: Gebruik JJJJ\-MM\-DD\, bijvoorbeeld 2025\-11\-05\. |",
    r"| Teamcoach | <code>content\/vacatures\/gepland\.md</code> | gepland: komt online op "
        "woensdag 1 juli 2026 | vrijdag 31 juli 2026 | geen |",
    r"| Administratief medewerker | <code>content\/vacatures\/gesloten\.md</code> | gesloten |"
        " zondag 31 mei 2026 | geen |",
    r"| Buurtwerker | <code>content\/vacatures\/kladversie\.md</code> | kladversie | "
        r'doorlopend | Waarschuwing op regel 21: Deze zin telt 30 woorden\: "Je helpt mensen die '
        r'in de…"\. Zinnen van meer dan 25 woorden zijn moeilijk te lezen \(taalniveau B1\)\. '
        r"Oplossing: Splits de zin in twee of drie korte zinnen\. |",
    r"| Maatschappelijk werker | <code>content\/vacatures\/open\.md</code> | open | donderdag "
        "31 december 2026 | geen |",
    r"| Jobcoach | <code>content\/vacatures\/zonder\-sluitingsdatum\.md</code> | open | "
        "woensdag 9 september 2026 (de dag vóór de eerste selectiestap) | Waarschuwing op regel "
        r"1: De vacature is open maar heeft geen 'closes'\-datum\; kandidaten zien niet tot "
        r"wanneer ze kunnen solliciteren\. Oplossing: Voeg 'closes\: JJJJ\-MM\-DD' toe met de "
        r"laatste dag om te solliciteren\. |",
    "",
    "### Fouten en waarschuwingen in andere bestanden",
    "",
    r"- <code>content\/pages\/over\-wsw\.md</code>, fout op regel 2: 'description' "
        r"\(de korte beschrijving van de pagina\) ontbreekt\. Oplossing: Voeg een regel 'description\: "
        r"\.\.\.' toe\; dit veld is "
        r"verplicht\.",
    "",
])


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def github_html(markdown: str) -> BeautifulSoup:
    """The Markdown as GitHub renders it (cmark-gfm with its extensions: tables, autolinks …).
    Unsafe: raw HTML passes, so that any HTML the summary let through would show here."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "lxml")


def rows_of(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_the_summary_lists_every_vacancy_with_its_state_closing_date_and_problems():
    assert summary_markdown(SITE, TODAY) == EXPECTED


def test_the_summary_renders_as_one_table_with_a_row_per_vacancy_file():
    page = github_html(EXPECTED)
    assert page.h2.get_text() == "Vacatures in dit voorstel"
    table = page.find("table")
    assert [th.get_text() for th in table.find_all("th")] == \
        ["Vacature", "Bestand", "Staat", "Sluitingsdatum", "Fouten en waarschuwingen"]
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert [row[1:4] for row in cells] == [
        ["content/vacatures/fout.md", "fout", "onbekend"],
        ["content/vacatures/gepland.md", "gepland: komt online op woensdag 1 juli 2026",
         "vrijdag 31 juli 2026"],
        ["content/vacatures/gesloten.md", "gesloten", "zondag 31 mei 2026"],
        ["content/vacatures/kladversie.md", "kladversie", "doorlopend"],
        ["content/vacatures/open.md", "open", "donderdag 31 december 2026"],
        ["content/vacatures/zonder-sluitingsdatum.md", "open",
         "woensdag 9 september 2026 (de dag vóór de eerste selectiestap)"],
    ]
    assert cells[0][4].startswith("Fout op regel 2: 'summary' (de korte samenvatting) ontbreekt. Oplossing: "
                                  "Voeg een regel "
                                  "'summary: ...' toe; dit veld is verplicht.")
    assert page.find("li").get_text().startswith("content/pages/over-wsw.md, fout op regel 2: ")


def test_only_limits_the_rows_to_the_named_files():
    text = summary_markdown(SITE, TODAY, ["content/vacatures/open.md", "content/vacatures/fout.md"])
    assert text.split("\n")[2] == "2 vacatures: 1 open, 1 met fouten; 3 fouten, 0 waarschuwingen"
    assert [row.split(" | ")[1] for row in rows_of(text)] == \
        [r"<code>content\/vacatures\/fout\.md</code>", r"<code>content\/vacatures\/open\.md</code>"]
    assert r"<code>content\/pages\/over\-wsw\.md</code>, fout" in text  # other files: always


@pytest.mark.parametrize("name, message", [
    ("content/pages/over-wsw.md", "content/pages/over-wsw.md is geen vacaturebestand. Geef een bestand "
                                  "uit content/vacatures/ dat eindigt op .md."),
    ("site_config.yaml", "site_config.yaml is geen vacaturebestand. Geef een bestand uit "
                         "content/vacatures/ dat eindigt op .md."),
    ("content/vacatures/bestaat-niet.md", "content/vacatures/bestaat-niet.md bestaat niet."),
])
def test_only_refuses_a_file_that_is_no_vacancy_of_the_project(name, message):
    with pytest.raises(UsageError) as refused:
        summary_markdown(SITE, TODAY, [name])
    assert str(refused.value) == message


def test_the_command_prints_the_summary_and_exits_zero_despite_mistakes():
    result = run("summary", "--root", str(SITE), "--date", "2026-06-15")
    assert (result.returncode, result.stdout, result.stderr) == (0, EXPECTED, "")
    before_the_word = run("--date", "2026-06-15", "--root", str(SITE), "summary")
    assert (before_the_word.returncode, before_the_word.stdout) == (0, EXPECTED)


def test_the_command_takes_files_from_the_project_folder():
    result = run("summary", "./content/vacatures/open.md", str(SITE / "content/vacatures/gepland.md"),
                 "--root", str(SITE), "--date", "2026-06-15")
    assert result.returncode == 0, result.stderr
    assert [row.split(" | ")[2] for row in rows_of(result.stdout)] == \
        ["gepland: komt online op woensdag 1 juli 2026", "open"]


@pytest.mark.parametrize("args, message", [
    (["content/pages/over-wsw.md"], "build.py: content/pages/over-wsw.md is geen vacaturebestand. "
                                    "Geef een bestand uit content/vacatures/ dat eindigt op .md.\n"),
    (["--date", "15-06-2026"], "build.py: --date '15-06-2026' is geen geldige datum. Gebruik JJJJ-MM-DD.\n"),
    ([str(ROOT / "README.md")], "build.py: " + str(ROOT / "README.md") + " ligt niet in de projectmap "
                                "summary.\n"),
])
def test_wrong_usage_of_the_command_exits_two_with_a_dutch_message(args, message):
    result = run("summary", "--root", str(SITE), *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)


def test_the_summary_reads_and_writes_nothing_else(tmp_path):
    root = copy_of("summary", tmp_path)
    (root / "output").mkdir()
    (root / "output" / "index.html").write_text("de vorige site", "utf-8")
    before, names = tree_digest(root), left_over(root)
    assert summary_markdown(root, TODAY) == EXPECTED
    assert tree_digest(root) == before  # nothing in output/ written or changed
    assert left_over(root) == names == ["content", "output", "site_config.yaml"]  # no staging, no cache


HOSTILE = "<script>alert(1)</script> | x | [a](javascript:alert(1)) ![b](x.png) **vet** `code` " \
          "jan@example.org https://evil.example www.evil.example &amp; \\| <!-- $x$ :+1:"


def test_hostile_titles_file_names_and_messages_stay_plain_text(tmp_path):
    root = copy_of("summary", tmp_path)
    text = (root / "content/vacatures/open.md").read_text("utf-8")
    title = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    hostile = text.replace("title: Maatschappelijk werker", f'title: "{title}"') \
        .replace("contract: onbepaalde duur", 'contract: "<img src=x onerror=alert(1)> | [c](javascript:x)"')
    (root / "content/vacatures/open.md").unlink()
    (root / "content/vacatures/a|b`c<d>.md").write_text(hostile, "utf-8")
    page = github_html(summary_markdown(root, TODAY))
    assert page.find_all(["a", "img", "script", "b", "strong", "em", "math"]) == []
    assert "<!--" not in str(page.find("table"))
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.tbody.find_all("tr")]
    assert all(len(row) == 5 for row in rows)
    [row] = [row for row in rows if row[1] == "content/vacatures/a|b`c<d>.md"]
    assert row[0].replace("\u2060", "") == HOSTILE
    assert "'contract' (het contract: <img src=x onerror=alert(1)> | [c](javascript:x)) zegt niet" in row[4]


def test_a_file_the_build_refuses_by_its_name_is_a_row_with_its_error(tmp_path):
    root = copy_of("summary", tmp_path)
    (root / "content/vacatures/open.md").rename(root / "content/vacatures/archief.md")
    [row] = [row for row in rows_of(summary_markdown(root, TODAY)) if "archief" in row]
    assert row == (r"| onbekend | <code>content\/vacatures\/archief\.md</code> | fout | onbekend | "
                   r"Fout: Het webadres 'archief' is al in gebruik door de site zelf\. Oplossing: "
                   r"Geef het bestand een andere naam\. |")


def test_broken_settings_are_listed_and_the_vacancies_marked_unread(tmp_path):
    root = copy_of("summary", tmp_path)
    (root / "site_config.yaml").write_text("title: [\n", "utf-8")
    text = summary_markdown(root, TODAY)
    assert text.split("\n")[2].startswith("6 vacatures: 6 niet gelezen; ")
    assert "De instellingen (site_config.yaml) hebben fouten. Daarom zijn de vacatures niet gelezen." in text
    assert {row.split(" | ")[2] for row in rows_of(text)} == {"niet gelezen"}
    assert "- <code>site\\_config\\.yaml</code>, fout op regel " in text
