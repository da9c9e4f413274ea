"""Issue bodies as GitHub writes them for a form, for the tests of the issue forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from helpers import ROOT, copy_of
from werkenbij.github.forms.check import Outcome
from werkenbij.github.forms.form import block_titles
from werkenbij.github.forms.propose import propose_vacancy
from werkenbij.github.forms.spec import Question, questions

TODAY = date(2025, 10, 1)  # the complete fixture's vacancies are open on this day
MINIMAL = {"title": "Teamcoach", "team": "Wijkgericht Sociaal Werk",
           "summary": "Je coacht een wijkteam.", "published": "2025-09-15", "closes": "2025-10-20",
           "body-work": "- Je coacht het team."}


def issue_body(answers: dict[str, str | list[str]], asked: Sequence[Question]) -> str:
    """Every question in order: `### Label`, a blank line, the answer or `_No response_`; a
    checkbox as `- [X] …` or `- [ ] …`."""
    parts = []
    for q in asked:
        answer = answers.get(q.id)
        if q.kind == "checkboxes":
            value = "\n".join(f"- [{'X' if answer and option in answer else ' '}] {option}"
                              for option in q.options)
        else:
            value = answer or "_No response_"
        parts.append(f"### {q.label}\n\n{value}")
    return "\n\n".join(parts) + "\n"


def site(tmp_path: Path) -> Path:
    return copy_of("complete", tmp_path)


def propose(root: Path, **answers: str | list[str]) -> Outcome:
    """The minimal vacancy with `answers` on top (None leaves a question empty)."""
    asked = questions(block_titles(root))
    given = {key: value for key, value in {**MINIMAL, **answers}.items() if value is not None}
    return propose_vacancy(root, ROOT / "templates", issue_body(given, asked), TODAY, issue=7)


def told(outcome: Outcome) -> list[tuple[str, str, str]]:
    """(question id, message, fix) of every error."""
    return [(p.field, p.message, p.fix) for p in outcome.problems if p.severity == "error"]
