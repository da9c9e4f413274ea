"""From an issue body to vacancy data: each kind of question with a valid answer, an empty one
and a wrong one, told in Dutch by the question's label; the shape is judged here, the meaning
by the content reader (through the whole build)."""

from __future__ import annotations

import pytest

from issueform_helpers import MINIMAL, issue_body, propose, site, told
from werkenbij.github.forms.form import block_titles
from werkenbij.github.forms.parse import answers_of, proposal_of
from werkenbij.github.forms.spec import questions
from werkenbij.read.frontmatter import split_front_matter
from werkenbij.read.yamltext import parse_yaml

ASKED = questions({"voordelen": "Wat mag je van ons verwachten?"})


def data_of(**answers) -> dict:
    proposal = proposal_of(answers_of(issue_body({**MINIMAL, **answers}, ASKED), ASKED), ASKED)
    assert proposal.problems == []
    return proposal.data


def problems_of(**answers) -> list[tuple[str, str, str]]:
    proposal = proposal_of(answers_of(issue_body({**MINIMAL, **answers}, ASKED), ASKED), ASKED)
    return [(p.field, p.message, p.fix) for p in proposal.problems]


def front_matter(root, outcome) -> dict:
    split, _ = split_front_matter((root / outcome.path).read_text("utf-8"))
    return parse_yaml(split.front_matter, split.front_matter_line)[0].data


# -- the body as GitHub writes it ---------------------------------------------------------------

def test_an_empty_answer_leaves_the_key_out():
    data = data_of(unit=None)
    assert "unit" not in data and data["title"] == "Teamcoach"


def test_the_body_is_split_at_the_labels_so_a_heading_in_a_text_stays_in_it():
    text = "## Wat doe je?\n\n### Je taken\n\n- Je coacht.\n\n### Team\n\nEen kop die als een vraag heet."
    answers = answers_of(issue_body({**MINIMAL, "body-work": text}, ASKED), ASKED)
    assert answers["body-work"] == text and answers["team"] == MINIMAL["team"]


def test_windows_line_ends_and_trailing_spaces_are_read_as_plain_lines():
    body = issue_body({**MINIMAL, "summary": "Een zin.  \nNog een."}, ASKED).replace("\n", "\r\n")
    assert answers_of(body, ASKED)["summary"] == "Een zin.\nNog een."


def test_a_body_without_the_form_is_refused():
    assert problems_of_body("Ik wil een vacature.") == [
        ("", "Dit issue is niet met het formulier gemaakt: ik vind geen enkele vraag van het formulier.",
         "Open een nieuw issue met het formulier en vul het in.")]


def problems_of_body(body: str) -> list[tuple[str, str, str]]:
    return [(p.field, p.message, p.fix) for p in proposal_of(answers_of(body, ASKED), ASKED).problems]


def test_an_answer_of_one_line_edited_into_two_is_refused():
    assert problems_of(unit="Kennis\ncel") == [
        ("unit", "Dit antwoord staat op meer dan één regel.", "Schrijf het antwoord op één regel.")]


def test_a_required_question_whose_heading_was_removed_is_named():
    body = issue_body(MINIMAL, ASKED).replace("### Korte samenvatting\n", "")
    problems = [(field, message) for field, message, _ in problems_of_body(body)]
    assert problems == [("unit", "Dit antwoord staat op meer dan één regel."),  # the summary ran into it
                        ("summary", "De vraag 'Korte samenvatting' staat niet meer in het issue.")]


# -- each kind of question ----------------------------------------------------------------------

def test_texts_dates_and_numbers_are_taken_as_typed():
    data = data_of(unit="Kenniscel", **{"positions": "2", "location-postal_code": "8500",
                                        "start_date": "2026-01-05"})
    assert (data["unit"], data["positions"], data["start_date"]) == ("Kenniscel", "2", "2026-01-05")
    assert data["location"] == {"postal_code": "8500"}


def test_an_employer_with_only_a_name_is_one_line_and_with_an_address_a_block():
    assert data_of(**{"employer-name": "OCMW Meerhout"})["employer"] == "OCMW Meerhout"
    assert data_of(**{"employer-name": "OCMW Meerhout", "employer-city": "Meerhout"})["employer"] == \
        {"name": "OCMW Meerhout", "city": "Meerhout"}


def test_dropdowns_give_the_models_values_and_none_is_empty():
    data = data_of(**{"contract-status": "statutair", "contract-duration": "None", "telework": "deels",
                      "requirements-driving_licence": "B",
                      "requirements-driving_licence_required": "een voordeel (niet verplicht)"})
    assert data["contract"] == {"status": "statutair"} and data["telework"] == "deels"
    assert data["requirements"] == {"driving_licence": "B", "driving_licence_required": "false"}


def test_a_dropdown_answer_typed_over_is_refused_with_the_choices():
    assert problems_of(**{"contract-status": "vast"}) == [
        ("contract-status", "'vast' is geen keuze van deze vraag.",
         "Kies uit: contractueel, statutair, jobstudent, stage.")]


def test_checkboxes_are_true_when_ticked_and_absent_when_not():
    ticked = data_of(draft=["Nog niet publiceren (kladversie)"],
                     blocks=["Wat mag je van ons verwachten? (voordelen)"])
    assert ticked["draft"] == "true" and ticked["blocks"] == ["voordelen"]
    assert "draft" not in data_of() and "blocks" not in data_of()


def test_a_checkbox_line_changed_by_hand_is_named():
    body = issue_body(MINIMAL, ASKED).replace("- [ ] Nog niet publiceren (kladversie)", "- [x] Publiceren")
    assert problems_of_body(body) == [
        ("draft", "Ik herken deze regel niet als een vakje van het formulier: '- [x] Publiceren'.",
         "Zet een vinkje met - [x] voor een van de vakjes; verander de tekst erachter niet.")]


def test_lists_take_one_item_a_line_with_or_without_a_dash():
    data = data_of(**{"apply-documents": "- je cv\n* je diploma\n\n1. een foto", "grade": "C1-C3, D1-D3"})
    assert data["apply"]["documents"] == ["je cv", "je diploma", "een foto"]
    assert data["grade"] == ["C1-C3", "D1-D3"]


def test_a_step_line_has_a_name_and_parts_and_the_text_takes_the_rest():
    data = data_of(procedure="1. Screening cv\n"
                   "Proef | datum: 2025-11-05 | uur: 09:00-12:00 | plaats: Stadhuis | uitleg datum: "
                   "onder voorbehoud van deelnemers | eliminerend | onder voorbehoud | hoe: digitaal | "
                   "duur: een uur | slagen: 60/100 | tekst: Je schrijft | een tekst.")
    assert data["procedure"] == [
        {"title": "Screening cv"},
        {"title": "Proef", "date": "2025-11-05", "time": "09:00-12:00", "place": "Stadhuis",
         "date_note": "onder voorbehoud van deelnemers", "eliminating": "true", "tentative": "true",
         "mode": "digitaal", "duration": "een uur", "pass_mark": "60/100",
         "text": "Je schrijft | een tekst."}]


def test_a_step_line_with_an_unknown_part_or_no_name_is_told_by_line():
    problems = problems_of(procedure="Proef | dag: 2025-11-05\n| datum: 2025-11-06")
    assert [(f, m) for f, m, _ in problems] == [
        ("procedure", "Regel 1: 'dag: 2025-11-05' ken ik niet."),
        ("procedure", "Regel 2 begint niet met de naam van de stap.")]
    assert problems[0][2].startswith("Gebruik na een | alleen: datum: …, uur: …")


def test_competencies_and_links_are_a_name_a_colon_and_the_rest():
    data = data_of(competencies="Samenwerken: Je werkt samen: elke dag.",
                   faq="Vragen: over de job: https://www.example.org/faq")
    assert data["competencies"] == [{"name": "Samenwerken", "description": "Je werkt samen: elke dag."}]
    assert data["faq"] == [{"label": "Vragen: over de job", "url": "https://www.example.org/faq"}]
    assert problems_of(competencies="Samenwerken") == [
        ("competencies", "Regel 1 heeft geen dubbele punt met tekst ervoor en erna: 'Samenwerken'.",
         "Schrijf bijvoorbeeld: Samenwerken: Je werkt graag samen met collega's.")]


# -- meaning, judged by the content reader and told by question ---------------------------------

@pytest.fixture
def root(tmp_path):
    return site(tmp_path)


def test_a_valid_issue_writes_the_file_and_nothing_is_wrong(root):
    outcome = propose(root, positions="2", **{"location-postal_code": "8500", "location-city": "Kortrijk"})
    assert outcome.ok and outcome.path == "content/vacatures/teamcoach.md" and told(outcome) == []
    assert front_matter(root, outcome)["location"] == {"postal_code": "8500", "city": "Kortrijk"}


@pytest.mark.parametrize("answers, expected", [
    ({"closes": "31/10/2025"},
     ("closes", "'Laatste dag om te solliciteren' is geen geldige datum (31/10/2025).",
      "Gebruik JJJJ-MM-DD, bijvoorbeeld 2025-11-05.")),
    ({"closes": "2025-09-01"},
     ("closes", "'Laatste dag om te solliciteren' (2025-09-01) ligt vóór 'Dag van publicatie' (2025-09-15).",
      "Een vacature sluit na de dag waarop ze gepubliceerd wordt.")),
    ({"positions": "twee"},
     ("positions", "'Aantal plaatsen' moet een geheel getal van 1 tot 999 zijn (twee).",
      "Schrijf alleen het getal, bijvoorbeeld 2.")),
    ({"contact-email": "iemand at kortrijk.be"},
     ("contact-email", "'E-mailadres van de contactpersoon' is geen geldig e-mailadres "
      "(iemand at kortrijk.be).",
      "Schrijf het adres zoals naam@kortrijk.be, zonder 'mailto:'.")),
    ({"contract-duration": "onbepaalde duur", "contract-months": "6"},
     ("contract-months", "'Aantal maanden' past niet bij onbepaalde duur.",
      "Geef 'Aantal maanden' alleen bij bepaalde duur of een vervanging.")),
    ({"procedure": "Gesprek\nProef | datum: 2025-11-31"},
     ("procedure", "'Selectieprocedure', stap 2: 'datum' is geen geldige datum (2025-11-31).",
      "Gebruik JJJJ-MM-DD, bijvoorbeeld 2025-11-05.")),
    ({"title": "Maatschappelijk werker"},
     ("title", "content/vacatures/maatschappelijk-werker.md bestaat al. Kies een andere titel of pas dat "
      "bestand aan.",
      "Kies een andere functietitel, of maak de titel preciezer (bijvoorbeeld met de dienst).")),
])
def test_a_value_the_model_refuses_is_told_by_its_question_and_nothing_is_written(root, answers, expected):
    before = sorted(p.name for p in (root / "content" / "vacatures").iterdir())
    outcome = propose(root, **answers)
    assert told(outcome) == [expected]
    assert not outcome.ok and outcome.path == ""
    assert sorted(p.name for p in (root / "content" / "vacatures").iterdir()) == before


def test_a_draft_is_checked_too_and_only_written_when_it_builds(root):
    outcome = propose(root, draft=["Nog niet publiceren (kladversie)"], closes="2025-13-01")
    assert [f for f, _, _ in told(outcome)] == ["closes"]
    outcome = propose(root, draft=["Nog niet publiceren (kladversie)"])
    assert outcome.ok and front_matter(root, outcome)["draft"] == "true"


def test_a_broken_link_found_in_the_built_page_is_told_at_its_text(root):
    outcome = propose(root, **{"body-work": "Lees [de pagina over ons](/bestaat-niet/)."})
    assert told(outcome) == [
        ("body-work", "Deze link wijst naar een pagina die niet bestaat (/bestaat-niet/).",
         "Verbeter het adres of maak de pagina aan.")]


def test_every_mistake_comes_back_at_once(root):
    outcome = propose(root, closes="morgen", positions="0", procedure="Gesprek | dag: morgen",
                      **{"apply-url": "http://example.org", "contract-status": "vast"})
    assert sorted(f for f, _, _ in told(outcome)) == ["apply-url", "closes", "contract-status", "positions",
                                                      "procedure"]
    assert not outcome.ok and not (root / "content/vacatures/teamcoach.md").exists()


def test_a_warning_does_not_stop_the_proposal_and_is_told(root):
    outcome = propose(root, summary="Dit is een heel lange zin met veel te veel woorden, want wie schrijft "
                      "voor iedereen houdt zijn zinnen kort en helder, zodat elke lezer ze in één keer "
                      "begrijpt en niet hoeft te herlezen.")
    assert outcome.ok
    assert any(p.field == "summary" and p.severity == "warning" and "woorden" in p.message
               for p in outcome.problems)


def test_the_blocks_of_the_site_are_the_checkboxes(root):
    assert [q.options for q in questions(block_titles(root)) if q.id == "blocks"] == [
        ("Wat bieden we? (voordelen)",)]
