"""An issue of the form "Nieuwe vacature" to a checked file in content/vacatures/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...dev.scaffold import vacancy_target
from ...problems import UsageError
from ...read.frontmatter import split_front_matter
from ...read.yamltext import parse_yaml
from .check import Outcome, judge, question_of
from .form import block_titles
from .parse import FormProblem, answers_of, proposal_of
from .spec import questions
from .write import vacancy_text


def propose_vacancy(root: Path, templates: Path, body: str, today: date, issue: int | None = None) -> Outcome:
    """Write the vacancy of an issue body into root/content/vacatures/ when the whole site then
    builds; else write nothing. The outcome tells every problem by its form question: an
    answer of the wrong shape is left out and the rest is still judged, so that every mistake
    comes back at once."""
    asked = questions(block_titles(root))
    proposal = proposal_of(answers_of(body, asked), asked)
    title = proposal.data.get("title", "")
    target = None
    if isinstance(title, str) and title:
        try:
            target = vacancy_target(root, title)
        except UsageError as taken:
            proposal.problems.append(FormProblem("title", str(taken), "Kies een andere functietitel, of "
                                                 "maak de titel preciezer (bijvoorbeeld met de dienst)."))
    if target is None:
        return Outcome(problems=proposal.problems)
    headings = {q.id: q.heading for q in asked if q.heading}
    written = vacancy_text(proposal.data, proposal.sections, headings, issue)
    _same_values(written.text, proposal.data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(written.text, "utf-8", newline="\n")
    rel = target.relative_to(root).as_posix()
    outcome = judge(root, templates, today, rel, question_of(asked, written.lines), asked)
    if proposal.problems:
        target.unlink(missing_ok=True)
        return Outcome(problems=[*proposal.problems, *outcome.problems], others=outcome.others)
    return outcome


def _same_values(text: str, data: dict) -> None:
    """The written front matter reads back as exactly the answers; anything else is our bug."""
    split, _ = split_front_matter(text)
    doc, mistakes = parse_yaml(split.front_matter, split.front_matter_line) if split else (None, [])
    if doc is None or mistakes or _stripped(doc.data) != _stripped(data):
        raise AssertionError("the vacancy writer changed a value while writing it")


def _stripped(value):
    """As the content reader sees it: every text without the white space around it."""
    if isinstance(value, dict):
        return {key: _stripped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stripped(item) for item in value]
    return value.strip() if isinstance(value, str) else value
