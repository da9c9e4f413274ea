"""The file the form writes is one an editor would write: quotes only where YAML needs them,
every value read back exactly as answered; and hostile answers end up refused or inert."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import ROOT, build_site, parse, text_of
from issueform_helpers import TODAY, propose, site, told
from werkenbij.github.forms.check import comment_markdown
from werkenbij.github.forms.parse import FormProblem
from werkenbij.github.forms.spec import questions
from werkenbij.github.forms.write import scalar, vacancy_text
from werkenbij.read.frontmatter import split_front_matter
from werkenbij.read.yamltext import parse_yaml


def read_back(text: str) -> dict:
    split, _ = split_front_matter(text)
    doc, mistakes = parse_yaml(split.front_matter, split.front_matter_line)
    assert mistakes == []
    return doc.data


@pytest.mark.parametrize("value", [
    "Maatschappelijk werker", "B1-B3", "28,5", "Budastraat 35", "werk(st)er", "C++ ontwikkelaar",
    "Teamcoach - Kenniscel", "vacatures@kortrijk.be", "https://www.example.org/a#b",
])
def test_plain_text_stays_plain(value):
    assert scalar(value, ("title",)) == value


@pytest.mark.parametrize("value", [
    "8500", "2450", "0471 23 45 67", "ja", "Nee", "yes", "off", "true", "null", "~", "2026-01-05",
    "12:30", "1e3", "0x1F", ".5", "Deel 1: speedinterview", "Team #3", "# geen commentaar", "- lijst",
    "&anker", "*ster", "@naam", "!tag", "%procent", "|", ">", "'quote", '"quote"', "“Samen”", "[a]",
    "{a}", "eindigt met:", "? vraag", ",komma", "`code`", "tab\there",
])
def test_a_value_yaml_would_read_otherwise_is_quoted_and_reads_back_exactly(value):
    written = scalar(value, ("title",))
    assert written.startswith('"') and written.endswith('"')
    assert read_back(f"---\ntitle: {written}\n---\n")["title"] == value


def test_dates_and_numbers_stay_plain_where_the_template_writes_them_plain():
    assert scalar("2026-01-05", ("closes",)) == "2026-01-05"
    assert scalar("2026-01-05", ("procedure", "*", "date")) == "2026-01-05"
    assert scalar("2", ("positions",)) == "2" and scalar("0", ("requirements", "experience_months")) == "0"
    assert scalar("31/01/2027", ("closes",)) == '"31/01/2027"'  # read back as typed: the reader refuses it
    assert scalar("007", ("positions",)) == '"007"'


def test_the_whole_file_reads_back_as_the_answers():
    data = {"title": "Deel 1: coach", "team": "Team #2", "summary": "Eerste regel.\nTweede: regel.",
            "published": "2026-01-05", "closes": "doorlopend",
            "location": {"postal_code": "8500", "city": "ja"},
            "procedure": [{"title": "- gesprek", "date": "2026-02-01", "text": "Tekst: met # en 'quotes'"}],
            "competencies": [{"name": "@Samen", "description": "“Werk”"}],
            "requirements": {"other": ["nee", "12:30"], "final_year_students": "true"}}
    written = vacancy_text(data, [("body-work", "- Je werkt.")], {"body-work": "Wat ga je doen?"}, 3)
    assert read_back(written.text) == {**data, "summary": "Eerste regel.\nTweede: regel.\n"}
    assert written.text.endswith("---\n\n## Wat ga je doen?\n\n- Je werkt.\n")
    assert "  postal_code: \"8500\"" in written.text and "summary: |\n  Eerste regel.\n" in written.text


def test_each_line_remembers_its_question():
    written = vacancy_text({"title": "Coach", "location": {"city": "Kortrijk"},
                            "procedure": [{"title": "Gesprek", "date": "2026-02-01"}]},
                           [("body-more", "## Extra\n\nTekst.")], {}, None)
    lines = written.text.split("\n")
    where = {lines[number - 1].strip(): question for number, question in written.lines.items()}
    assert where["title: Coach"] == "title"
    assert where["location:                           # de werkplek"] == "location-city"
    assert where["city: Kortrijk                    # de gemeente van de werkplek"] == "location-city"
    assert where["date: 2026-02-01                # de dag van de stap (JJJJ-MM-DD)"] == "procedure"
    assert where["## Extra"] == "body-more" and where["Tekst."] == "body-more"


# -- hostile answers ---------------------------------------------------------------------------

@pytest.fixture
def root(tmp_path):
    return site(tmp_path)


def test_html_in_a_text_is_refused_at_its_question(root):
    outcome = propose(root, **{"body-work": "Hallo <script>alert(1)</script>"})
    assert [(f, m) for f, m, _ in told(outcome)] == [
        ("body-work", "HTML (<script…) is niet toegelaten in de tekst.")]


def test_a_script_link_is_refused_in_a_text_and_in_a_link_field(root):
    outcome = propose(root, **{"body-offer": "[Solliciteer](javascript:alert(1))",
                               "apply-url": "javascript:alert(1)"})
    assert sorted((f, m) for f, m, _ in told(outcome)) == [
        ("apply-url", "'Link naar het sollicitatieformulier' is geen toegelaten link (javascript:alert(1))."),
        ("body-offer", "Deze link is niet toegelaten (javascript:).")]


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\u202e", "\u200b"])
def test_control_characters_are_refused_before_anything_is_written(root, character):
    outcome = propose(root, unit=f"Kennis{character}cel")
    code = f"U+{ord(character):04X}"
    assert told(outcome) == [("unit", f"Het antwoord bevat een onzichtbaar stuurteken ({code}).",
                              "Typ de tekst opnieuw in plaats van ze te plakken.")]
    assert not (root / "content/vacatures/teamcoach.md").exists()


def test_template_syntax_is_shown_as_typed(root, tmp_path):
    outcome = propose(root, title="Coach {{ 7*7 }}", unit="{% raw %}x",
                      **{"body-work": "Som: {{ 7*7 }} {# x #}"})
    assert outcome.ok
    page = parse(build_site(tmp_path / "out", TODAY, root=root) / "vacatures/coach-7-7/index.html")
    assert text_of(page.h1) == "Coach {{ 7*7 }}"
    assert "Som: {{ 7*7 }} {# x #}" in text_of(page.main) and "49" not in text_of(page.h1)


def test_yaml_look_alikes_are_written_so_the_page_shows_them_as_typed(root, tmp_path):
    outcome = propose(root, title="Deel 1: coach #2", unit="ja", **{"location-postal_code": "8500",
                                                                    "location-city": "nee"})
    assert outcome.ok
    page = parse(build_site(tmp_path / "out", TODAY, root=root) / "vacatures/deel-1-coach-2/index.html")
    assert text_of(page.h1) == "Deel 1: coach #2" and "8500 nee" in text_of(page.main)


def test_the_comment_shows_issue_text_inert():
    from werkenbij.github.forms.check import Outcome
    outcome = Outcome(problems=[FormProblem("closes", "'@x' is geen datum.", "Schrijf JJJJ-MM-DD.")])
    text = comment_markdown(outcome, questions({}), "de vacature")
    assert "1. **Fout in veld 'Laatste dag om te solliciteren'**: '\\@\u2060x' is geen datum\\." in text
    assert "   Oplossing: Schrijf JJJJ\\-MM\\-DD\\." in text and "❌ 1 fout" in text


def test_the_comment_of_a_good_proposal_names_the_file_and_where_the_checks_ran():
    from werkenbij.github.forms.check import Outcome
    text = comment_markdown(Outcome(path="content/vacatures/coach.md"), questions({}), "de nieuwe vacature")
    assert "✅ In orde" in text and "`content/vacatures/coach.md`" in text
    assert "De controles zijn in deze workflow gelopen, niet in de pull request zelf." in text


def test_a_title_that_gives_no_address_is_told_at_the_title(root):
    assert told(propose(root, title="???")) == [
        ("title", "Geef een titel, bijvoorbeeld: build.py new \"Maatschappelijk werker\".",
         "Kies een andere functietitel, of maak de titel preciezer (bijvoorbeeld met de dienst).")]


def test_the_date_of_the_build_is_the_one_given(root):
    assert propose(root).ok and date(2025, 10, 1) == TODAY and ROOT.is_dir()


def test_a_problem_finds_its_question_by_its_key_not_by_its_line():
    from werkenbij.github.forms.check import question_of
    from werkenbij.problems import Problem
    at = question_of(questions({}), {1: "title", 30: "body-work"}, default="vacancy")

    def asked(key: tuple, line: int = 5) -> str:
        return at(Problem("content/vacatures/x.md", line, 1, "…", key=key))
    assert asked(("salary", "min")) == "salary-min"
    assert asked(("procedure", 2, "date")) == "procedure"
    assert asked(("contract",)) == "contract-status"  # a block's own key: its first question
    assert asked(()) == "title" and asked((), line=31) == "body-work" and asked((), line=0) == "vacancy"


def test_the_reader_names_the_key_a_problem_is_about(root):
    outcome = propose(root, **{"salary-min": "veel", "closes": "morgen"})
    assert {p.field for p in outcome.problems} >= {"salary-min", "closes"}
