"""Judge a proposed file with the project's own build, and tell each problem by its form question.

The file is written into content/, the whole site is built from it into a temporary folder
(read, render and every output check, drafts included), and the file is taken back out when
the build found an error: a value the model refuses is never left behind in a form that builds
wrongly. The content reader names the YAML key of each problem, and the writer knows which
question wrote each line of the text, so the editor reads "Veld 'Laatste dag om te
solliciteren': …" instead.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...pipeline import BuildOptions, build
from ...problems import BuildError, Problem, Severity
from ...read.meanings import VACANCY
from ...vacancy.keys import Top
from ..markdown import literal
from .parse import FormProblem
from .spec import STEP_FLAGS, STEP_PARTS, Question


@dataclass
class Outcome:
    """What a form run did: the file it wrote (project-relative; '' when none), the problems
    told by question, and problems of other files (the site was broken before this issue)."""

    path: str = ""
    problems: list[FormProblem] = field(default_factory=list)
    others: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.path) and not any(p.severity == Severity.ERROR
                                           for p in (*self.problems, *self.others))


def site_problems(root: Path, templates: Path, today: date) -> list[Problem]:
    """Every error (or, when there is none, every warning) of a whole build on `today`."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = build(BuildOptions(root=root, templates=templates, output=Path(folder) / "output",
                                        today=today, drafts=True, jobs=1))
        except BuildError as error:
            return list(error.problems)
    return result.warnings


def judge(root: Path, templates: Path, today: date, rel: str, question_at: Callable[[Problem], str],
          asked: Sequence[Question], undo: Callable[[], None] | None = None) -> Outcome:
    """Build the site with the file at `rel` in place; `question_at` names the question of a
    problem in that file. When the build has errors, `undo` runs (by default: the file is
    removed again)."""
    outcome = Outcome(path=rel)
    for problem in site_problems(root, templates, today):
        if rel in (problem.path, problem.origin):
            outcome.problems.append(told_by_question(problem, question_at(problem), asked))
        elif problem.severity == Severity.ERROR:  # others' warnings are not this editor's to fix
            outcome.others.append(problem)
    if not outcome.ok:
        undo() if undo else (root / rel).unlink(missing_ok=True)
        outcome.path = ""
    return outcome


# The Dutch meaning a message gives after a key ("'closes' (de laatste dag …: 2025-10-01)"),
# with the value, if any, in its group: once the key is replaced by the form's label, the label
# says what the meaning said.
_MEANING = "(?: \\((?:" + "|".join(sorted(map(re.escape, set(VACANCY.values())), key=len, reverse=True)) + \
    ")(?:: ([^()]*))?\\))?"


def told_by_question(problem: Problem, question: str, asked: Sequence[Question]) -> FormProblem:
    """The reader's message with its YAML key names replaced by the labels of the form."""
    labels = {q.key: q.label for q in asked}
    parent = question.split("-")[0]
    steps = {key: word for word, key in (*STEP_PARTS.items(), *STEP_FLAGS.items())}

    def as_label(label: str, value: str | None) -> str:
        """The label says what the key meant: of the key's '(meaning: value)' the value stays."""
        return f"'{label}'" + (f" ({value})" if value else "")

    def nested(found: re.Match) -> str:
        key = (found[1], found[2])
        return as_label(labels[key], found[3]) if key in labels else found[0]

    def single(found: re.Match) -> str:
        name = found[1]
        for key in ((name,), (parent, name)):
            if key in labels:
                return as_label(labels[key], found[2])
        return as_label(steps[name], found[2]) if parent == Top.PROCEDURE and name in steps else found[0]

    def told(text: str) -> str:
        return re.sub(r"'(\w+)'" + _MEANING, single, re.sub(r"'(\w+)': '(\w+)'" + _MEANING, nested, text))

    return FormProblem(question, told(problem.message), told(problem.fix), problem.severity)


def question_of(asked: Sequence[Question], lines: dict[int, str],
                default: str = "") -> Callable[[Problem], str]:
    """The question of a problem: from the key it is about (a step's or list item's parts
    belong to the list's question; a block's own key to its first question), else, for a
    problem in the text, the question of its line or of the nearest line above that has one;
    a problem about the file as a whole (line 0) belongs to `default` (the whole issue)."""
    ids = [q.id for q in asked]

    def question_at(problem: Problem) -> str:
        if problem.key:
            names = problem.key[:next((i for i, k in enumerate(problem.key) if isinstance(k, int)),
                                      len(problem.key))]
            id = "-".join(str(name) for name in names)
            found = id if id in ids else next((i for i in ids if i.startswith(id + "-")), "")
            if found:
                return found
        line = problem.origin_line if problem.origin else problem.line
        above = [number for number in lines if number <= line]
        return lines[max(above)] if line and above else default
    return question_at


# -- the comment on the issue ------------------------------------------------------------------

def problems_markdown(problems: Sequence[FormProblem], others: Sequence[Problem],
                      asked: Sequence[Question]) -> str:
    labels = {q.id: q.label for q in asked}
    lines = []
    for number, p in enumerate(sorted(problems, key=lambda p: p.severity != Severity.ERROR), start=1):
        kind = "Fout" if p.severity == Severity.ERROR else "Waarschuwing"
        where = f"veld '{labels[p.field]}'" if p.field in labels else "het issue"
        lines.append(f"{number}. **{kind} in {literal(where)}**: {literal(p.message)}  ")
        if p.fix:
            lines.append(f"   Oplossing: {literal(p.fix)}")
    for number, p in enumerate(others, start=len(problems) + 1):
        kind = "Fout" if p.severity == Severity.ERROR else "Waarschuwing"
        lines.append(f"{number}. **{kind} in {literal(p.location)}** (niet in jouw vacature): "
                     f"{literal(p.message)}  ")
        if p.fix:
            lines.append(f"   Oplossing: {literal(p.fix)}")
    return "\n".join(lines)


def comment_markdown(outcome: Outcome, asked: Sequence[Question], what: str) -> str:
    """The first part of the comment on the issue (the workflow adds the link and the summary)."""
    errors = sum(p.severity == Severity.ERROR for p in (*outcome.problems, *outcome.others))
    head = "## Controle van je formulier\n\n"
    listed = problems_markdown(outcome.problems, outcome.others, asked)
    if outcome.ok:
        text = (f"✅ In orde: {what} bouwt zonder fouten. Het bestand is `{outcome.path}`. "
                "De controles zijn in deze workflow gelopen, niet in de pull request zelf.\n")
        return head + text + (f"\n{listed}\n" if listed else "")
    return (head + f"❌ {errors} {'fout' if errors == 1 else 'fouten'}: er is geen nieuw voorstel gemaakt. "
            "Een bestaand voorstel staat terug in concept (draft), zodat niemand het kan samenvoegen.\n\n"
            f"{listed}\n\nVerbeter je antwoorden: klik bovenaan het issue op de drie puntjes (···) en "
            "dan op **Edit**. Bewaar met **Update comment**. De controle loopt dan opnieuw.\n")
