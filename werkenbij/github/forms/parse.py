"""An issue body, as GitHub writes it for a form, back to the answers and then to vacancy data.

GitHub writes each answered question as `### Label`, a blank line and the answer, with
`_No response_` for an empty one. The body is split at the labels the form asks, in the
form's order, so a `### ` heading that an editor types inside a text stays part of that text.
Only the shape of an answer is judged here (a step line, a checkbox, a dropdown value); what a
value means (a date, an e-mail address, a link) is judged by the content reader itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...policy import invisible_characters
from ...problems import Severity
from ...vacancy.keys import Top
from .spec import (
    BLOCKS,
    FLAG,
    GRADES,
    LICENCE_OPTIONS,
    LINES,
    LINKS,
    NAMED,
    SECTION,
    STEP_FLAGS,
    STEP_PARTS,
    STEPS,
    Question,
)

NO_RESPONSE = "_No response_"
MAX_BODY = 65_536  # characters: GitHub keeps no longer text for an issue
_CHECKBOX = re.compile(r"^\s*-\s*\[([ xX])\]\s+(.*?)\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*]|[0-9]{1,2}[.)])\s+")


@dataclass(frozen=True)
class FormProblem:
    """A mistake told by the form question it comes from (`field`: its id; '' for the issue)."""

    field: str
    message: str
    fix: str
    severity: Severity = Severity.ERROR


@dataclass
class Proposal:
    """What the answers say: front-matter data in the model's shape (text values, as an editor
    types them), the Markdown sections of the body by question id, and what was wrong."""

    data: dict[str, Any] = field(default_factory=dict)
    sections: list[tuple[str, str]] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)


def body_problems(body: str) -> list[FormProblem]:
    """What is wrong with the issue text as a whole: only a text longer than GitHub keeps."""
    if len(body) <= MAX_BODY:
        return []
    length, most = (f"{number:,}".replace(",", ".") for number in (len(body), MAX_BODY))  # 65.536
    return [FormProblem("", f"De tekst van het issue is te lang: {length} tekens. GitHub bewaart er "
                            f"hoogstens {most}.",
                        "Maak je langste antwoorden korter en bewaar het issue opnieuw. Een lange "
                        "bijlage zet je beter op een website, met een link ernaar in je antwoord.")]


def answers_of(body: str, asked: Sequence[Question]) -> dict[str, str]:
    """Each question's answer as typed ('' when empty); a question the body lacks is left out."""
    # U+2028 and U+2029 (pasted from a word processor) are a new line and a new paragraph to
    # the browser that shows the answer, and to YAML: the editor sees a break there and gets
    # one. Left in, YAML would break a written text where Markdown and the site's rules do not.
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n") \
        .replace("\u2029", "\n\n")
    found: list[tuple[str, int, int]] = []
    start = 0
    for q in asked:
        heading = re.compile(rf"^###[ \t]*{re.escape(q.label)}[ \t]*$\n?", re.M).search(text, start)
        if heading:
            found.append((q.id, heading.start(), heading.end()))
            start = heading.end()
    answers = {}
    for index, (id, _, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        # Trailing spaces go: a text stays the same text, and its lines can be written as typed.
        value = "\n".join(line.rstrip() for line in text[end:stop].strip().split("\n"))
        answers[id] = "" if value == NO_RESPONSE else value
    return answers


def proposal_of(answers: dict[str, str], asked: Sequence[Question]) -> Proposal:
    proposal = Proposal()
    if not answers:
        proposal.problems.append(FormProblem("", "Dit issue is niet met het formulier gemaakt: ik vind "
                                             "geen enkele vraag van het formulier.",
                                             "Open een nieuw issue met het formulier en vul het in."))
        return proposal
    for q in asked:
        answer = answers.get(q.id, "")
        if q.id not in answers and q.required:
            proposal.problems.append(FormProblem(
                q.id, f"De vraag '{q.label}' staat niet meer in het issue.",
                f"Zet de kop '### {q.label}' terug, met je antwoord eronder."))
        hidden = next(invisible_characters(answer), None)
        if hidden:  # never written: YAML cannot hold most of them, and the rest hide text
            proposal.problems.append(FormProblem(q.id, f"Het antwoord bevat een onzichtbaar stuurteken "
                                                 f"(U+{ord(hidden[1]):04X}).",
                                                 "Typ de tekst opnieuw in plaats van ze te plakken."))
            continue
        if q.kind == "input" and "\n" in answer:  # the form cannot do this; an edited body can
            proposal.problems.append(FormProblem(q.id, "Dit antwoord staat op meer dan één regel.",
                                                 "Schrijf het antwoord op één regel."))
        elif answer:
            _read_answer(q, answer, proposal)
    _shape_employer(proposal.data)
    return proposal


def _read_answer(q: Question, answer: str, proposal: Proposal) -> None:
    def problem(message: str, fix: str) -> None:
        proposal.problems.append(FormProblem(q.id, message, fix))

    if q.reads == SECTION:
        proposal.sections.append((q.id, answer))
        return
    if q.kind == "checkboxes":
        value = _checked(q, answer, problem)
    elif q.kind == "dropdown":
        value = _chosen(q, answer, problem)
    elif q.reads == GRADES:
        grades = [part.strip() for part in answer.split(",") if part.strip()]
        value = grades if len(grades) > 1 else grades[0] if grades else None
    elif q.reads == LINES:
        value = [_LIST_MARK.sub("", line).strip() for line in answer.split("\n") if line.strip()]
    elif q.reads == STEPS:
        value = [step for number, line in enumerate(answer.split("\n"), start=1)
                 if line.strip() and (step := _step(line, number, problem)) is not None]
    elif q.reads in (NAMED, LINKS):
        value = [pair for number, line in enumerate(answer.split("\n"), start=1)
                 if line.strip() and (pair := _pair(q.reads, line, number, problem)) is not None]
    else:
        value = answer
    if value:
        _put(proposal.data, q.key, value)


def _checked(q: Question, answer: str, problem) -> Any:
    chosen = []
    for line in answer.split("\n"):
        box = _CHECKBOX.match(line)
        if box is None or box[2] not in q.options:
            problem(f"Ik herken deze regel niet als een vakje van het formulier: '{line.strip()}'.",
                    "Zet een vinkje met - [x] voor een van de vakjes; verander de tekst erachter niet.")
        elif box[1] != " ":
            chosen.append(box[2])
    if q.reads == FLAG:
        return "true" if chosen else None
    assert q.reads == BLOCKS
    return [label[label.rindex("(") + 1:-1] for label in chosen]  # "Title (name)" -> name


def _chosen(q: Question, answer: str, problem) -> str | None:
    if answer == "None":  # GitHub's own word for an optional dropdown left empty
        return None
    if answer not in q.options:
        problem(f"'{answer}' is geen keuze van deze vraag.", "Kies uit: " + ", ".join(q.options) + ".")
        return None
    if q.options == LICENCE_OPTIONS:
        return "true" if answer == LICENCE_OPTIONS[0] else "false"
    return answer


def _step(line: str, number: int, problem) -> dict | None:
    """`Naam | datum: 2027-02-10 | eliminerend | tekst: …`: `tekst:` takes the rest of the line."""
    line = _LIST_MARK.sub("", line)
    text = re.search(r"\|\s*tekst\s*:", line, re.I)
    pieces = [piece.strip() for piece in (line[:text.start()] if text else line).split("|")]
    step: dict[str, str] = {"title": pieces[0]} if pieces[0] else {}
    if not pieces[0]:
        problem(f"Regel {number} begint niet met de naam van de stap.",
                "Begin elke regel met de naam van de stap, bijvoorbeeld: Schriftelijke proef | "
                "datum: 2027-02-10.")
        return None
    for piece in filter(None, pieces[1:]):
        word, colon, value = piece.partition(":")
        key = STEP_FLAGS.get(piece.lower()) or (STEP_PARTS.get(word.strip().lower()) if colon else None)
        if key is None or (colon and not value.strip() and piece.lower() not in STEP_FLAGS):
            problem(f"Regel {number}: '{piece}' ken ik niet.",
                    "Gebruik na een | alleen: " + ", ".join(f"{w}: …" for w in STEP_PARTS)
                    + ", " + ", ".join(STEP_FLAGS) + ".")
            continue
        step[key] = "true" if piece.lower() in STEP_FLAGS else value.strip()
    if text:
        step["text"] = line[text.end():].strip()
    return step


def _pair(reads: str, line: str, number: int, problem) -> dict | None:
    """`Naam: beschrijving` (a competency) or `Linktekst: https://…` (a link)."""
    line = _LIST_MARK.sub("", line).strip()
    if reads == NAMED:
        name, colon, description = line.partition(": ")
        keys, example = ("name", "description"), "Samenwerken: Je werkt graag samen met collega's."
    else:
        name, colon, description = line.rpartition(": ")
        keys, example = ("label", "url"), "Vragen over deze functie: https://www.example.org/faq"
    if not (colon and name.strip() and description.strip()):
        problem(f"Regel {number} heeft geen dubbele punt met tekst ervoor en erna: '{line}'.",
                f"Schrijf bijvoorbeeld: {example}")
        return None
    return dict(zip(keys, (name.strip(), description.strip()), strict=True))


def _put(data: dict, key: tuple[str, ...], value: Any) -> None:
    for part in key[:-1]:
        data = data.setdefault(part, {})
    data[key[-1]] = value


def _shape_employer(data: dict) -> None:
    """An employer with only a name is written as `employer: Name`, as the guide shows."""
    employer = data.get(Top.EMPLOYER)
    if isinstance(employer, dict) and set(employer) == {"name"}:
        data[Top.EMPLOYER] = employer["name"]
