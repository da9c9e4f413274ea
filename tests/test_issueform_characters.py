"""Every character an editor can paste into the form: it is refused with a Dutch message at its
question, or written so that the file reads back as exactly the answer. Never the internal error
(exit 4) of "the vacancy writer changed a value" that U+2028 and the flag of England gave."""

from __future__ import annotations

import pytest
from test_issueform_write import read_back

from helpers import copy_of
from issueform_helpers import MINIMAL, TODAY, issue_body, propose, site, told
from werkenbij.cli import main
from werkenbij.github.forms.form import block_titles
from werkenbij.github.forms.spec import questions

ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
TRICKY = {
    "nul": "\x00", "backspace": "\x08", "vertical tab": "\x0b", "form feed": "\x0c", "escape": "\x1b",
    "unit separator": "\x1f", "delete": "\x7f", "first C1 control": "\x80", "next line (NEL)": "\x85",
    "last C1 control": "\x9f", "no-break space": "\xa0", "soft hyphen": "\xad",
    "combining grapheme joiner": "\u034f", "arabic letter mark": "\u061c", "hangul filler": "\u3164",
    "mongolian vowel separator": "\u180e", "zero width space": "\u200b", "lone zero width joiner": "\u200d",
    "joiner between letters": "a\u200db", "left-to-right mark": "\u200e", "line separator": "\u2028",
    "paragraph separator": "\u2029", "right-to-left override": "\u202e", "word joiner": "\u2060",
    "first isolate": "\u2066", "inhibit symmetric swapping": "\u206a", "ideographic space": "\u3000",
    "byte order mark": "\ufeff", "interlinear annotation": "\ufff9", "object replacement": "\ufffc",
    "replacement character": "\ufffd", "text style": "\u2764\ufe0e", "emoji style": "\u2764\ufe0f",
    "lone variation selector": "\ufe0f", "ideographic variation selector": "\u845b\U000e0100",
    "last before the surrogates": "\ud7a3", "surrogate": "\ud800", "last surrogate": "\udfff",
    "first private use": "\ue000", "word symbol bullet": "\uf0b7", "noncharacter": "\ufdd0",
    "end of the plane": "\uffff", "noncharacter of plane 1": "\U0001fffe", "last code point": "\U0010ffff",
    "private use plane": "\U000f0000", "musical format character": "\U0001d173",
    "flag of England": ENGLAND, "lone tag character": "\U000e0067", "language tag": "\U000e0001",
    "tags without their flag": "\U000e0067\U000e0062\U000e007f",
    "flag without its end": "\U0001f3f4\U000e0067", "zwj sequence": "\U0001f469\u200d\U0001f4bb",
    "skin tone and zwj": "\U0001f468\U0001f3fd\u200d\U0001f692",
    "rainbow flag": "\U0001f3f3\ufe0f\u200d\U0001f308", "regional indicators": "\U0001f1e7\U0001f1ea",
    "keycap": "1\ufe0f\u20e3", "combining accent": "e\u0301",
    "right-to-left letters": "\u05e9\u05dc\u05d5\u05dd",
}
# Where the text goes: one line (a quoted or plain scalar), the summary (a block `|`, or quoted
# when a line starts with a wide space), a list of lines, a section of the body.
ANSWERS = {"unit": "Kennis{}cel", "summary": "Je co{}acht\n{}een team.",
           "apply-documents": "je{}cv\n{}diploma", "body-work": "- Je {}coacht."}
# The only words with which the form refuses these: at the question, and the summary it left out.
REFUSALS = ("Het antwoord bevat een onzichtbaar stuurteken (U+", "Dit antwoord staat op meer dan één regel.",
            "'Korte samenvatting' ontbreekt.")


@pytest.fixture
def root(tmp_path):
    return site(tmp_path)


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_a_tricky_character_is_refused_at_its_question_or_read_back_exactly(root, text):
    answers = {id: answer.replace("{}", text) for id, answer in ANSWERS.items()}
    outcome = propose(root, **answers, **{"apply-email": "test@example.org"})
    if not outcome.ok:
        assert told(outcome) and all(message.startswith(REFUSALS) for _, message, _ in told(outcome))
        assert not (root / "content/vacatures/teamcoach.md").exists()
        return
    written = (root / outcome.path).read_text("utf-8")
    data = read_back(written)
    assert data["unit"] == answers["unit"] and data["summary"].strip() == answers["summary"]
    assert data["apply"]["documents"] == [item.strip() for item in answers["apply-documents"].split("\n")]
    assert answers["body-work"] in written


@pytest.mark.parametrize("text", ["\u061c", "\u180e"],
                         ids=["arabic letter mark", "mongolian vowel separator"])
def test_an_invisible_mark_is_refused_at_its_question(root, text):
    assert told(propose(root, unit=f"Kennis{text}cel")) == [
        ("unit", f"Het antwoord bevat een onzichtbaar stuurteken (U+{ord(text):04X}).",
         "Typ de tekst opnieuw in plaats van ze te plakken.")]


def test_a_line_separator_in_a_text_is_the_new_line_the_editor_sees(root):
    outcome = propose(root, summary="Je coacht\u2028een team.\u2029Je werkt in Kortrijk.")
    assert outcome.ok
    summary = read_back((root / outcome.path).read_text("utf-8"))["summary"]
    assert summary.strip() == "Je coacht\neen team.\n\nJe werkt in Kortrijk."


def test_a_line_separator_in_an_answer_of_one_line_is_refused_as_two_lines(root):
    assert told(propose(root, unit="Kennis\u2028cel")) == [
        ("unit", "Dit antwoord staat op meer dan één regel.", "Schrijf het antwoord op één regel.")]


@pytest.mark.parametrize("answers, line", [
    ({"summary": "Je coacht\u2028een team."}, "  een team."),
    ({"title": f"Coach {ENGLAND}"}, 'title: "Coach \U0001f3f4\\U000e0067\\U000e0062\\U000e0065\\U000e006e'
                                    '\\U000e0067\\U000e007f"'),
], ids=["line separator", "flag of England"])
def test_the_inputs_that_stopped_the_command_with_an_internal_error_make_a_proposal(tmp_path, capsys,
                                                                                   answers, line):
    root = copy_of("complete", tmp_path)
    body = tmp_path / "issue.md"
    body.write_text(issue_body({**MINIMAL, **answers}, questions(block_titles(root))), "utf-8")
    code = main(["form", "vacancy", str(body), "--issue", "7", "--out", str(tmp_path / "out"),
                 "--date", TODAY.isoformat(), "--root", str(root)])
    path = capsys.readouterr().out.strip()
    assert code == 0 and line in (root / path).read_text("utf-8").split("\n")
