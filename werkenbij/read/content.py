"""Read `content/**/*.md` into frozen Vacancy / Page / Block values, reporting every mistake at once.

Pages and blocks are few and read first (vacancies name the blocks). Each vacancy file is read
on its own by a `VacancyReader` (in whichever process), and `assemble_content` joins the
outcomes: all errors of all files at once, or the content the site shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ..inputs import InputRefused, read_input
from ..markdown_html import MarkdownConverter
from ..models import SiteConfig
from ..policy import RESERVED_PAGE_SLUGS, RESERVED_VACANCY_SLUGS
from ..problems import ContentError, Problem, Severity
from ..schedule import is_shown, vacancy_state
from ..vacancy import Block, Competency, Content, Page, Step, Vacancy
from ..vacancy.contact import Contact
from ..vacancy.keys import Top, keys_in
from ..vacancy.salary import with_job_hours
from .advice import shared_warnings, vacancy_warnings
from .fields import CONTACT_KEYS, Fields, collect, read_link
from .files import ContentFile, content_paths, slug_for
from .vacancy_fields import (
    read_apply,
    read_contracts,
    read_employer,
    read_grades,
    read_hours,
    read_locations,
    read_requirements,
    read_reserve,
    read_salary,
    read_telework,
)
from .vacancy_rules import (
    Addresses,
    check_addresses,
    check_closing_known,
    check_date_order,
    check_open_has_posting_date,
    check_plausible_dates,
    check_titles_apart,
    check_way_to_apply,
    read_aliases,
    read_blocks,
)

VACANCY_KEYS = keys_in()
STEP_KEYS = keys_in(Top.PROCEDURE)
OPEN_ENDED = "doorlopend"      # closes: doorlopend, recruitment without a last day
UNKNOWN_DAY = "onbekend"       # published: onbekend, for a vacancy whose posting day is lost
COMPETENCY_KEYS = keys_in(Top.COMPETENCIES)
PAGE_KEYS = {"title", "description"}
BLOCK_KEYS = {"title"}


@dataclass(frozen=True)
class SharedContent:
    """The pages and blocks: few, read before the vacancies (which name the blocks)."""

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    problems: tuple[Problem, ...]


def load_shared(root: Path, markdown: MarkdownConverter) -> SharedContent:
    problems: list[Problem] = []
    content_dir = root / "content"

    def files(folder: str, reserved: frozenset[str] = frozenset()) -> list[ContentFile]:
        return [ContentFile(path.relative_to(root).as_posix(), data, problems, markdown)
                for path in content_paths(content_dir / folder, root, problems, reserved)
                if (data := _read(path, root, problems)) is not None]

    blocks = [b for file in files("blocks") if (b := _read_block(file)) is not None]
    pages = [p for file in files("pages", RESERVED_PAGE_SLUGS) if (p := _read_page(file)) is not None]
    return SharedContent(tuple(sorted(pages, key=lambda p: p.slug)),
                  tuple(sorted(blocks, key=lambda b: b.name)), tuple(problems))


def vacancy_paths(root: Path, problems: list[Problem]) -> list[Path]:
    return content_paths(root / "content" / "vacatures", root, problems, RESERVED_VACANCY_SLUGS)


class ReadVacancy(NamedTuple):
    """What reading one vacancy file gave."""

    vacancy: Vacancy | None              # None when the file has errors
    problems: tuple[Problem, ...]        # its mistakes (errors stop the build)
    warnings: tuple[Problem, ...]        # the file's warnings; advice too when the vacancy is shown
    converted: tuple[tuple[str, str], ...]  # (Markdown, HTML) of its texts, for the renderer
    addresses: Addresses                 # its own and its old ones, also when it has errors


@dataclass(frozen=True)
class VacancyReader:
    """Reads one vacancy file from its bytes (`data`; without them, from the file itself). With
    the bytes given it is a pure function of its fields and its arguments, so its outcome can
    be remembered by those inputs. It can run in a worker process."""

    root: Path
    config: SiteConfig
    block_names: frozenset[str]
    today: date
    drafts: bool
    markdown: MarkdownConverter

    def __call__(self, rel: str, data: bytes | None = None) -> ReadVacancy:
        problems: list[Problem] = []
        slug = slug_for(Path(rel))
        if data is None:
            data = _read(self.root / rel, self.root, problems)
            if data is None:
                return ReadVacancy(None, tuple(problems), (), (), Addresses(rel, slug))
        file = ContentFile(rel, data, problems, self.markdown)
        addresses = Addresses(rel, slug, read_aliases(file.fields, slug) if file.fields else ())
        vacancy = _read_vacancy(file, self.config, self.block_names, addresses)
        if any(p.severity == Severity.ERROR for p in problems) or vacancy is None:
            return ReadVacancy(None, tuple(problems), (), (), addresses)
        assert file.fields is not None
        problems += check_plausible_dates(file.fields, vacancy, self.today)
        shown = is_shown(vacancy, self.today, self.drafts)
        if shown and not vacancy.draft:
            state = vacancy_state(vacancy, self.today)
            problems += check_open_has_posting_date(vacancy, state, self.today)
            problems += check_way_to_apply(file.fields, vacancy, state)
            if any(p.severity == Severity.ERROR for p in problems):
                return ReadVacancy(None, tuple(problems), (), (), addresses)
        # What reading found that is no mistake (a contract the filter cannot sort), then advice.
        warnings = [p for p in problems if p.severity == Severity.WARNING]
        warnings += vacancy_warnings(vacancy, self.today) if shown else []
        texts = dict.fromkeys((vacancy.body, *(step.text for step in vacancy.procedure)))
        return ReadVacancy(vacancy, (), tuple(warnings),
                           tuple((text, self.markdown.hand_over(text)) for text in texts), addresses)


class Vacancies(NamedTuple):
    """Every vacancy file read, with the pages and blocks they name."""

    shared: SharedContent
    read: dict[str, ReadVacancy]  # by project-relative path, in the order of the files
    problems: list[Problem]       # found while looking for the files


ReadAll = Callable[[VacancyReader, list[str]], Iterable[ReadVacancy]]


def read_vacancies(root: Path, config: SiteConfig, today: date, drafts: bool, markdown: MarkdownConverter,
                   only: Sequence[str] | None = None, read_all: ReadAll | None = None) -> Vacancies:
    """The one way to read the vacancy files: the pages and blocks first (vacancies name the
    blocks), then each file of content/vacatures/ (or `only` these) by a VacancyReader, one
    after the other unless `read_all` runs the reader another way (in worker processes)."""
    shared = load_shared(root, markdown)
    problems: list[Problem] = []
    files = list(only) if only is not None else \
        [path.relative_to(root).as_posix() for path in vacancy_paths(root, problems)]
    reader = VacancyReader(root=root, config=config, block_names=frozenset(b.name for b in shared.blocks),
                           today=today, drafts=drafts, markdown=markdown)
    read = read_all(reader, files) if read_all else (reader(rel) for rel in files)
    return Vacancies(shared, dict(zip(files, read, strict=True)), problems)


def assemble_content(shared: SharedContent, read: list[ReadVacancy], problems: list[Problem],
                     today: date, drafts: bool) -> Content:
    """The content the site shows on `today`; raises ContentError with every mistake of every
    file (`problems`: those found before the vacancies were read)."""
    vacancies = [r.vacancy for r in read if r.vacancy is not None]
    problems = [*shared.problems, *problems, *(p for r in read for p in r.problems),
                *check_addresses([r.addresses for r in read]), *check_titles_apart(vacancies)]
    if any(p.severity == Severity.ERROR for p in problems):
        raise ContentError(problems)
    shown = [r for r in read if r.vacancy is not None and is_shown(r.vacancy, today, drafts)]
    warnings = [p for p in problems if p.severity == Severity.WARNING]  # about files, not texts
    warnings += [w for r in shown for w in r.warnings] + shared_warnings(shared.pages, shared.blocks)
    return Content(vacancies=tuple(sorted((r.vacancy for r in shown), key=lambda v: v.slug)),
                   pages=shared.pages, blocks=shared.blocks, warnings=tuple(warnings))


def _read(path: Path, root: Path, problems: list[Problem]) -> bytes | None:
    try:
        return read_input(path, root, looked=True)  # content_paths looked at every file
    except InputRefused as refused:
        problems.append(refused.problem)
        return None


def _read_block(file: ContentFile) -> Block | None:
    if file.fields is None:
        return None
    file.fields.refuse_unknown(BLOCK_KEYS)
    title = file.fields.text("title", required=True)
    return Block(slug_for(Path(file.rel)), file.source, title, file.read_body(top_level=3))


def _read_page(file: ContentFile) -> Page | None:
    if file.fields is None:
        return None
    file.fields.refuse_unknown(PAGE_KEYS)
    return Page(slug_for(Path(file.rel)), file.source, file.fields.text("title", required=True),
                file.fields.text("description", required=True), file.read_body())


def _read_vacancy(file: ContentFile, config: SiteConfig, block_names: frozenset[str],
                  addresses: Addresses) -> Vacancy | None:
    if file.fields is None:
        return None
    f = file.fields
    f.refuse_unknown(VACANCY_KEYS)
    file.check_early_close(VACANCY_KEYS)
    body = file.read_body()
    closes, published = _marked_day(f, Top.CLOSES, OPEN_ENDED), _marked_day(f, Top.PUBLISHED, UNKNOWN_DAY)
    employer, hours = read_employer(f), read_hours(f)
    values = dict(
        title=f.text("title", True), team=f.text("team", required=Top.EMPLOYER not in f.data),
        unit=f.text("unit"),
        grades=read_grades(f), summary=f.text("summary", True), hours=hours,
        contracts=read_contracts(f), locations=read_locations(f), telework=read_telework(f),
        employer=employer, positions=f.number(Top.POSITIONS, limit=999), reference=f.text(Top.REFERENCE),
        start_date=f.date("start_date"), end_date=f.date("end_date"),
        requirements=read_requirements(f), apply=read_apply(f), reserve=read_reserve(f),
        after_applying=f.text(Top.AFTER_APPLYING) or ("" if employer else config.after_applying),
        published=None if published == UNKNOWN_DAY else published,
        published_unknown=published == UNKNOWN_DAY,
        closes=None if closes == OPEN_ENDED else closes, open_ended=closes == OPEN_ENDED,
        salaries=with_job_hours(read_salary(f), hours, config.full_time_hours),
        procedure=_procedure(file, f), pass_mark=f.text("pass_mark"),
        competencies=tuple(collect(f.items("competencies", noun="competentie"), _competency)),
        contact=_contact(f, None if employer else config.contact),
        faq=tuple(collect(f.items("faq", noun="link"), read_link)),
        blocks=read_blocks(f, block_names), draft=f.flag("draft"),
        aliases=tuple(name for name, _, _ in addresses.aliases),
    )
    vacancy = Vacancy(slug=addresses.slug, source=file.source, body=body,
                      summary_line=file.text_line(("summary",)), title_line=f.doc.where(("title",))[0],
                      **values)
    check_date_order(f, vacancy)
    if not vacancy.draft:
        file.check_placeholders()
    if not vacancy.draft:
        check_closing_known(f, vacancy)
    if not (values["title"] and (values["team"] or Top.EMPLOYER in f.data) and values["summary"]):
        return None  # said already
    return vacancy


def _procedure(file: ContentFile, f: Fields) -> tuple[Step, ...]:
    """The steps; each step's text follows the Markdown rules, under its ### step title."""
    steps = []
    for index, item in enumerate(f.items(Top.PROCEDURE, noun="stap")):
        step = _step(item)
        if step is not None:
            line = file.text_line((Top.PROCEDURE, index, "text"))
            file.check_text(step.text, line, top_level=4)
            steps.append(replace(step, text_line=line))
    return tuple(steps)


def _step(s: Fields) -> Step | None:
    s.refuse_unknown(STEP_KEYS)
    title = s.text("title", True)
    step = Step(title=title, text=s.text("text"), date=s.date("date"), tentative=s.flag("tentative"),
                eliminating=s.flag("eliminating"), mode=s.text("mode"),
                duration=s.text("duration"), pass_mark=s.text("pass_mark"), time=_time_of_day(s),
                place=s.text("place"), date_note=s.text("date_note"))
    return step if title else None


def _competency(c: Fields) -> Competency | None:
    c.refuse_unknown(COMPETENCY_KEYS)
    name, description = c.text("name", True), c.text("description", True)
    return Competency(name, description) if name and description else None


def _marked_day(f: Fields, key: str, word: str) -> date | str | None:
    """A date, or the one word the key allows instead (closes: doorlopend, published: onbekend)."""
    value = f.data.get(key)
    if isinstance(value, str) and value.strip().lower() == word:
        return word
    return f.date(key)


def _time_of_day(s: Fields) -> str:
    """'09:00' or '09:00-12:00' (also 9u00, 9.00): the time as the page and calendar need it."""
    value = s.text("time")
    if not value:
        return ""
    found = re.fullmatch(r"([0-9]{1,2})[:.u]([0-9]{2})(?:\s*(?:-|–|tot)\s*([0-9]{1,2})[:.u]([0-9]{2}))?",
                         value)
    times = [(int(found[i]), int(found[i + 1])) for i in (1, 3) if found and found[i]] if found else []
    if not times or any(h > 23 or m > 59 for h, m in times) or (len(times) == 2 and times[1] <= times[0]):
        s.problem("time", f"{s.name('time')} is geen uur ({value}).",
                  "Schrijf het uur als 09:00, of een begin en einde als 09:00-12:00.")
        return ""
    return "-".join(f"{h:02d}:{m:02d}" for h, m in times)


def _contact(f: Fields, default: Contact | None) -> Contact:
    """The vacancy's own contact; only its missing parts come from the site's default contact.
    Another employer's vacancy gets none of the site's (`default` is None)."""
    own = f.mapping(Top.CONTACT)
    default = default or Contact(email="")
    if own is None:
        return default
    own.refuse_unknown(CONTACT_KEYS)
    contact = Contact(email=own.email("email"), phone=own.phone("phone"), name=own.text("name"),
                      role=own.text("role"))
    return Contact(email=contact.email or default.email, phone=contact.phone or default.phone,
                   name=contact.name, role=contact.role)
