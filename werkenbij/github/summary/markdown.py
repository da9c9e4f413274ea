"""The overview as GitHub-flavoured Markdown, in plain Dutch.

Everything that comes from content (titles, paths, the messages that quote it) is untrusted:
`literal` (github/markdown.py, shared with the comment on an issue) makes it plain text.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ...problems import Problem, Severity
from ...render.site import long_date
from ...report import count_line
from ...schedule import vacancy_state
from ..markdown import literal
from .rows import Overview, Row, RowState

HEADING = "## Vacatures in dit voorstel"
COLUMNS = ("Vacature", "Bestand", "Staat", "Sluitingsdatum", "Fouten en waarschuwingen")
# How the count line names each state; "fout" alone would read as a number of mistakes.
COUNTED = {RowState.ERROR: "met fouten"}


def file_name(path: str) -> str:
    return f"<code>{literal(path)}</code>"


def overview_markdown(overview: Overview) -> str:
    lines = [HEADING, "", _counts(overview), "",
             f"Zo staan de vacatures op {long_date(overview.today)}. Dit overzicht leest alleen de "
             "bestanden: fouten die pas in de gebouwde site opvallen, zoals een kapotte link, zie je "
             "bij het bouwen.", ""]
    if overview.config_broken:
        lines += ["De instellingen (site_config.yaml) hebben fouten. Daarom zijn de vacatures niet "
                  "gelezen. Verbeter eerst de fouten hieronder.", ""]
    if overview.rows:
        lines += [_table_line(COLUMNS), _table_line(("---",) * len(COLUMNS))]
        lines += [_table_line(_cells(row, overview.today)) for row in overview.rows]
        lines.append("")
    if overview.others:
        lines += ["### Fouten en waarschuwingen in andere bestanden", ""]
        lines += [f"- {file_name(p.path)}, {_problem(p, first=False)}" for p in overview.others]
        lines.append("")
    return "\n".join(lines)


def _counts(overview: Overview) -> str:
    """'3 vacatures: 1 open, 1 gepland, 1 kladversie; 0 fouten, 2 waarschuwingen'."""
    states = Counter(row.state for row in overview.rows)
    total = len(overview.rows)
    listed = ", ".join(f"{states[s]} {COUNTED.get(s, s.value)}" for s in RowState if states[s])
    problems = [p for row in overview.rows for p in row.problems] + list(overview.others)
    vacancies = f"{total} {'vacature' if total == 1 else 'vacatures'}" + (f": {listed}" if listed else "")
    return f"{vacancies}; {count_line(problems)}"


def _cells(row: Row, today: date) -> tuple[str, ...]:
    title = literal(row.vacancy.title) if row.vacancy is not None else "onbekend"
    problems = "<br>".join(_problem(p) for p in row.problems) or "geen"
    return title, file_name(row.path), _state(row), _closing(row, today), problems


def _state(row: Row) -> str:
    if row.state == RowState.SCHEDULED and row.vacancy is not None and row.vacancy.published:
        return f"gepland: komt online op {long_date(row.vacancy.published)}"
    return row.state.value


def _closing(row: Row, today: date) -> str:
    """The last day to apply as the site works it out (VacancyState), in words."""
    if row.vacancy is None:
        return "onbekend"
    state = vacancy_state(row.vacancy, today)
    last = state.last_day
    if state.open_ended:
        return f"doorlopend, tot en met {long_date(last)}" if last else "doorlopend"
    if state.closes or last is None:
        return long_date(state.closes) if state.closes else "geen"
    why = "de eerste selectiestap" if state.ends_by and state.ends_by[0] == "selection" \
        else "de eerste werkdag"
    return f"{long_date(last)} (de dag vóór {why})"


def _problem(problem: Problem, first: bool = True) -> str:
    """'Waarschuwing op regel 12: … Oplossing: …'."""
    kind = "fout" if problem.severity == Severity.ERROR else "waarschuwing"
    kind = kind.capitalize() if first else kind
    where = f" op regel {problem.line}" if problem.line else ""
    fix = f" Oplossing: {literal(problem.fix)}" if problem.fix else ""
    return f"{kind}{where}: {literal(problem.message)}{fix}"


def _table_line(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"
