"""An issue of the form "Vacature offline halen": an earlier last day for one vacancy.

Only the `closes:` line of the file changes (or one is added); every other byte stays as it
was. The vacancy is named by its address or its file name; a name that matches none gets the
nearest ones as a suggestion.
"""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from slugify import slugify

from ...markdown_html import MarkdownConverter
from ...models import parse_day
from ...problems import ContentError, Problem
from ...read.config import load_config
from ...read.content import read_vacancies, vacancy_paths
from ...read.files import slug_for
from ...read.frontmatter import decode_content, split_front_matter
from ...read.yamltext import parse_yaml
from ...schedule import vacancy_state
from ...vacancy.keys import Top
from .check import Outcome, judge
from .form import WITHDRAW_QUESTIONS
from .parse import FormProblem, answers_of

FIX_DAY = "Schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-31. Gisteren haalt de vacature meteen offline."


def propose_withdrawal(root: Path, templates: Path, body: str, today: date,
                       issue: int | None = None) -> Outcome:
    answers = answers_of(body, WITHDRAW_QUESTIONS)
    if not answers:
        return Outcome(problems=[FormProblem("", "Dit issue is niet met het formulier gemaakt.",
                                             "Open een nieuw issue met het formulier 'Vacature "
                                             "offline halen'.")])
    problems: list[FormProblem] = []
    rel = _find(root, answers.get("vacancy", ""), problems)
    day = parse_day(answers.get(Top.CLOSES, ""))
    if day is None:
        written = answers.get(Top.CLOSES, "")
        problems.append(FormProblem(Top.CLOSES, f"'{written}' is geen geldige datum.", FIX_DAY))
    elif day < today - timedelta(days=1):
        problems.append(FormProblem(Top.CLOSES, f"{day} ligt in het verleden.", "Kies gisteren (dan is de "
                                    "vacature meteen offline), vandaag of een latere dag."))
    if rel is None or day is None or problems:
        return Outcome(problems=problems)
    try:
        problems += _still_open(root, rel, day, today)
    except ContentError as broken:
        return Outcome(problems=problems, others=list(broken.problems))
    if problems:
        return Outcome(problems=problems)
    original = (root / rel).read_bytes()
    changed, line = with_closing_day(original, day, issue)
    (root / rel).write_bytes(changed)
    return judge(root, templates, today, rel, lambda p: Top.CLOSES if p.line == line else "vacancy",
                 WITHDRAW_QUESTIONS, undo=lambda: (root / rel).write_bytes(original))


def _find(root: Path, wanted: str, problems: list[FormProblem]) -> str | None:
    """The file of a vacancy named by its address (…/vacatures/<naam>/), file name or name."""
    text = wanted.strip()
    path = urlsplit(text).path if "://" in text else text
    parts = [part for part in path.replace("\\", "/").split("/") if part]
    if "vacatures" in parts[:-1]:
        parts = parts[parts.index("vacatures") + 1:]
    slug = slugify(parts[-1].removesuffix(".md")) if parts else ""
    files = {slug_for(p): p.relative_to(root).as_posix() for p in vacancy_paths(root, [])}
    if slug in files:
        return files[slug]
    near = difflib.get_close_matches(slug, sorted(files), n=3, cutoff=0.5)
    problems.append(FormProblem("vacancy", f"Ik vind geen vacature '{wanted.strip()}'.",
                                ("Bedoel je: " + ", ".join(near) + "? " if near else "")
                                + "Schrijf de bestandsnaam uit content/vacatures/ of het webadres "
                                "van de vacature."))
    return None


def _still_open(root: Path, rel: str, day: date, today: date) -> list[FormProblem]:
    """A vacancy can only be closed earlier while it is online and open after `day`."""
    read = read_vacancies(root, load_config(root), today, True, MarkdownConverter(), only=[rel]).read[rel]
    if read.vacancy is None:
        raise ContentError(list(read.problems) or [Problem(rel, 0, 0, "De vacature is niet leesbaar.")])
    vacancy, state = read.vacancy, vacancy_state(read.vacancy, today)
    if vacancy.draft:
        return [FormProblem("vacancy", f"{rel} is een kladversie (draft: true) en staat niet online.",
                            "Er is niets offline te halen. Wis het bestand in een pull request "
                            "als het weg moet.")]
    if not state.is_open:
        return [FormProblem("vacancy", f"{rel} is al gesloten (laatste dag: {state.last_day}).",
                            "Er is niets offline te halen: de vacature staat al in het archief.")]
    if state.last_day is not None and day >= state.last_day:
        return [FormProblem(Top.CLOSES, f"De vacature sluit al op {state.last_day}; {day} is niet vroeger.",
                            f"Kies een dag vóór {state.last_day}, of gisteren om ze meteen "
                            "offline te halen.")]
    return []


def with_closing_day(data: bytes, day: date, issue: int | None = None) -> tuple[bytes, int]:
    """The file with `closes: <day>` instead of its closes line (or with one added after
    `published`, else at the end of the front matter); and that line's number."""
    text = data.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    split, _ = split_front_matter(decode_content(data)[0] or "")
    assert split is not None  # the reader read it a moment ago
    doc, _ = parse_yaml(split.front_matter, split.front_matter_line)
    assert doc is not None
    made = "formulier 'Vacature offline halen'" + (f", issue #{issue}" if issue else "")
    new = f"closes: {day.isoformat()}".ljust(35) + f" # vervroegd met het {made}"
    if (Top.CLOSES,) in doc.key_positions:
        first = doc.key_positions[(Top.CLOSES,)][0]
        last = max(first, doc.where((Top.CLOSES,))[0]) if (Top.CLOSES,) in doc.positions else first
        lines[first - 1:last] = [new]
        return newline.join(lines).encode("utf-8"), first
    after = doc.where((Top.PUBLISHED,))[0] if (Top.PUBLISHED,) in doc.positions else split.body_line - 2
    lines.insert(after, new)
    return newline.join(lines).encode("utf-8"), after + 1
