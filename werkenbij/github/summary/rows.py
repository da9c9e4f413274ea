"""Each vacancy file as the build reads it on one day: its state, and its own mistakes and
warnings. The problems of other files (settings, pages, blocks) are kept apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path, PurePosixPath

from ...markdown_html import MarkdownConverter
from ...problems import ConfigError, Problem, Severity, UsageError
from ...read.advice import shared_warnings, vacancy_warnings
from ...read.config import load_config
from ...read.content import ReadVacancy, read_vacancies, vacancy_paths
from ...read.vacancy_rules import check_addresses, check_titles_apart
from ...report import ordered, printable
from ...schedule import is_shown, vacancy_state
from ...vacancy import Vacancy

VACANCY_FOLDER = PurePosixPath("content/vacatures")


class RowState(StrEnum):
    """A vacancy file's state on the day, as the summary names it (in this order)."""

    OPEN = "open"
    SCHEDULED = "gepland"        # its `published` day is still to come
    CLOSED = "gesloten"
    DRAFT = "kladversie"
    ERROR = "fout"               # the file has errors: the build stops on it
    UNREAD = "niet gelezen"      # site_config.yaml has errors, so no vacancy could be read


@dataclass(frozen=True)
class Row:
    path: str                       # project-relative, e.g. content/vacatures/x.md
    state: RowState
    vacancy: Vacancy | None         # None when the file could not be read
    problems: tuple[Problem, ...]   # its errors and warnings, errors first


@dataclass(frozen=True)
class Overview:
    today: date
    rows: tuple[Row, ...]             # by file path
    others: tuple[Problem, ...]       # about other files, errors first
    config_broken: bool = False


def read_overview(root: Path, today: date, only: list[str] | None = None) -> Overview:
    """Every vacancy file under `root` read as the build reads it on `today`; nothing is written."""
    try:
        config = load_config(root)
    except ConfigError as error:  # without settings no vacancy can be read
        found: list[Problem] = []
        files = [path.relative_to(root).as_posix() for path in vacancy_paths(root, found)]
        rows = [Row(rel, RowState.UNREAD, None, ()) for rel in files]
        return Overview(today, _only(rows, only), tuple(ordered([*found, *error.problems])), True)
    shared, read, found = read_vacancies(root, config, today, False, MarkdownConverter())
    files = list(read)
    vacancies = [r.vacancy for r in read.values() if r.vacancy is not None]
    problems = [*shared.problems, *found, *shared_warnings(shared.pages, shared.blocks),
                *(p for r in read.values() for p in (*r.problems, *r.warnings, *_preview(r, today))),
                *check_addresses([r.addresses for r in read.values()]), *check_titles_apart(vacancies)]
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.path].append(problem)
    # A file the build refuses before reading it (a name the site uses itself) is still a row.
    paths = sorted({*files, *(path for path in by_file if is_vacancy_file(path))})
    rows = [_row(path, read.get(path), by_file.pop(path, []), today) for path in paths]
    others = [problem for path in sorted(by_file) for problem in by_file[path]]
    return Overview(today, _only(rows, only), tuple(ordered(others)))


def is_vacancy_file(path: str) -> bool:
    """A project-relative path that the build reads as a vacancy: content/vacatures/<name>.md."""
    name = PurePosixPath(path)
    return name.parent == VACANCY_FOLDER and name.suffix == ".md" and not name.name.startswith(".")


def _preview(read: ReadVacancy, today: date) -> list[Problem]:
    """A draft or a vacancy still to come gets the build's advice only once it is online: the
    summary gives it now, as on the day it comes online (or today, for a draft)."""
    vacancy = read.vacancy
    if vacancy is None or is_shown(vacancy, today, drafts=False):
        return []
    return vacancy_warnings(vacancy, max(today, vacancy.published or today))


def _row(path: str, read: ReadVacancy | None, problems: list[Problem], today: date) -> Row:
    vacancy = read.vacancy if read is not None else None
    errors = any(p.severity == Severity.ERROR for p in problems)
    if vacancy is None or errors:
        state = RowState.ERROR
    elif vacancy.draft:
        state = RowState.DRAFT
    elif not is_shown(vacancy, today, drafts=False):
        state = RowState.SCHEDULED
    else:
        state = RowState.OPEN if vacancy_state(vacancy, today).is_open else RowState.CLOSED
    return Row(path, state, vacancy, tuple(ordered(problems)))


def _only(rows: list[Row], only: list[str] | None) -> tuple[Row, ...]:
    if only is None:
        return tuple(rows)
    known = {row.path for row in rows}
    for path in only:
        if not is_vacancy_file(path):
            raise UsageError(f"{printable(path)} is geen vacaturebestand. Geef een bestand uit "
                             f"{VACANCY_FOLDER}/ dat eindigt op .md.")
        if path not in known:
            raise UsageError(f"{printable(path)} bestaat niet.")
    return tuple(row for row in rows if row.path in only)
