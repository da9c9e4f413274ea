"""The issue forms (.github/ISSUE_TEMPLATE/) are the model's: generated from it, committed as
generated, every key of the vacancy model asked or left out on purpose, and valid for GitHub."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from helpers import ROOT
from werkenbij.cli import main
from werkenbij.github.forms.form import (
    FORMS_DIR,
    PUBLIC,
    VACANCY_FORM,
    WITHDRAW_FORM,
    block_titles,
    vacancy_form,
    withdraw_form,
)
from werkenbij.github.forms.spec import STEP_FLAGS, STEP_PARTS, questions
from werkenbij.read.content import COMPETENCY_KEYS, STEP_KEYS
from werkenbij.read.fields import LINK_KEYS
from werkenbij.vacancy.contract import CONTRACT_DURATIONS, CONTRACT_STATUSES
from werkenbij.vacancy.place import TELEWORK
from werkenbij.vacancy.requirements import DIPLOMA_LEVELS

FORMS = ROOT / FORMS_DIR
ASKED = {q.id: q for q in questions(block_titles(ROOT))}
# GitHub's documented keys of an issue form ("Syntax for issue forms") and of its elements.
TOP_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ELEMENT_KEYS = {"type", "id", "attributes", "validations"}
ATTRIBUTE_KEYS = {"markdown": {"value"}, "input": {"label", "description", "placeholder", "value"},
                  "textarea": {"label", "description", "placeholder", "value", "render"},
                  "dropdown": {"label", "description", "multiple", "options", "default"},
                  "checkboxes": {"label", "description", "options"}}


def test_the_committed_forms_are_the_generated_ones():
    """Change a question, a key of the model or a block: then `python build.py form write`."""
    assert (FORMS / VACANCY_FORM).read_text("utf-8") == vacancy_form(ROOT)
    assert (FORMS / WITHDRAW_FORM).read_text("utf-8") == withdraw_form()


def test_form_write_writes_both_forms(tmp_path, capsys):
    (tmp_path / "content" / "blocks").mkdir(parents=True)
    assert main(["form", "write", "--root", str(tmp_path)]) == 0
    assert sorted(p.name for p in (tmp_path / FORMS_DIR).iterdir()) == [VACANCY_FORM, WITHDRAW_FORM]
    assert "Geschreven: .github/ISSUE_TEMPLATE/nieuwe-vacature.yml" in capsys.readouterr().out


def test_every_part_of_a_step_has_a_word_in_the_step_format():
    assert {"title", *STEP_PARTS.values(), *STEP_FLAGS.values()} == STEP_KEYS
    assert COMPETENCY_KEYS == {"name", "description"} and LINK_KEYS == {"label", "url"}


def test_the_closed_sets_of_the_model_are_dropdowns_with_its_values():
    assert ASKED["contract-status"].options == CONTRACT_STATUSES
    assert ASKED["contract-duration"].options == CONTRACT_DURATIONS
    assert ASKED["telework"].options == TELEWORK
    assert ASKED["requirements-diploma_level"].options == DIPLOMA_LEVELS
    assert {q.kind for q in ASKED.values() if q.options and q.kind != "checkboxes"} == {"dropdown"}
    # GitHub's own parser splits a dropdown answer at ", " (for multiple choices).
    assert [o for q in ASKED.values() if q.kind == "dropdown" for o in q.options if "," in o] == []


def test_the_blocks_are_checkboxes_named_after_the_files():
    assert ASKED["blocks"].options == ("Kortrijk als werkgever (kortrijk-als-werkgever)",
                                       "Wat mag je van ons verwachten? (voordelen)")


@pytest.mark.parametrize("name", [VACANCY_FORM, WITHDRAW_FORM])
def test_the_forms_use_only_githubs_documented_keys(name):
    form = yaml.safe_load((FORMS / name).read_text("utf-8"))
    assert set(form) <= TOP_KEYS and {"name", "description", "body"} <= set(form)
    ids = [element["id"] for element in form["body"] if "id" in element]
    labels = [element["attributes"]["label"] for element in form["body"] if "label" in element["attributes"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", id) for id in ids)
    assert len(labels) == len(set(labels))  # the answers are found by their labels
    for element in form["body"]:
        assert set(element) <= ELEMENT_KEYS
        assert set(element["attributes"]) <= ATTRIBUTE_KEYS[element["type"]]
        assert set(element.get("validations", {})) <= {"required"}


def test_the_forms_pass_githubs_schema():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-issue-forms", str(FORMS / VACANCY_FORM),
                             str(FORMS / WITHDRAW_FORM)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path):
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("name: x\ndescription: y\nbody:\n  - type: input\n    id: a.b\n    attributes:\n"
                     "      label: z\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-issue-forms", str(wrong)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1


def test_the_first_help_text_says_an_issue_is_public():
    for name in (VACANCY_FORM, WITHDRAW_FORM):
        first = yaml.safe_load((FORMS / name).read_text("utf-8"))["body"][0]
        assert first["type"] == "markdown" and first["attributes"]["value"].startswith(PUBLIC)
    assert "openbaar zodra je het opent" in PUBLIC and "private repository" in PUBLIC


def test_the_guide_shows_both_forms_and_says_an_issue_is_public():
    guide = (ROOT / "content/LEESMIJ.md").read_text("utf-8")
    section = guide.split("## Een vacature via een formulier op GitHub\n", 1)[1].split("\n## ", 1)[0]
    assert guide.index("## Een vacature via een formulier op GitHub") < guide.index("## Alle velden")
    assert "### Een nieuwe vacature" in section and "### Een vacature offline halen" in section
    assert "kan iedereen een issue lezen zodra je het opent" in section and "private repository" in section
    labels = {q.label for q in ASKED.values()}
    # The questions the guide names in italics (and in the example of a message), as the form asks them.
    named = {re.sub(r"^Fout in veld '(.*)'$", r"\1", name)
             for name in re.findall(r"(?<!\*)\*([A-Z][^*]+?)\*(?!\*)", section)}
    assert {"Laatste dag om te solliciteren", "Andere voorwaarden", "Wat je meestuurt", "Meer secties",
            "Wat ga je doen?"} <= named
    assert [name for name in named if name not in labels] == []
    for word in (*STEP_PARTS, *STEP_FLAGS):
        assert f"`{word}" in section, word
