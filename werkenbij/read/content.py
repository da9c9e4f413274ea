"""Read `content/**/*.md` into frozen Vacancy / Page / Block values, reporting every mistake at once.

Pages and blocks are few and read first (vacancies name the blocks). Each vacancy file is read
on its own by a `VacancyReader` (in whichever process), and `assemble_content` joins the
outcomes: all errors of all files at once, or the content the site shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ..markdown_html import MarkdownConverter
from ..models import Block, Competency, Contact, Content, Location, Page, Salary, SiteConfig, Step, Vacancy
from ..policy import RESERVED_PAGE_SLUGS, RESERVED_VACANCY_SLUGS
from ..problems import ContentError, Problem, Severity
from ..schedule import is_shown
from .advice import shared_warnings, vacancy_warnings
from .fields import Fields, collect, read_contact, read_link
from .files import ContentFile, content_paths, slug_for
from .vacancy_rules import check_addresses, check_date_order, read_aliases, read_blocks

VACANCY_KEYS = {"title", "team", "unit", "grade", "summary", "hours_per_week", "contract",
                "location", "published", "closes", "salary", "apply_url", "procedure",
                "competencies", "contact", "faq", "blocks", "draft", "aliases"}
STEP_KEYS = {"title", "date", "tentative", "eliminating", "mode", "duration", "pass_mark", "text"}
LOCATION_KEYS = {"name", "street", "postal_code", "city", "note"}
SALARY_KEYS = {"scale", "url"}
COMPETENCY_KEYS = {"name", "description"}
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
        return [ContentFile(path.relative_to(root).as_posix(), path.read_bytes(), problems, markdown)
                for path in content_paths(content_dir / folder, root, problems, reserved)]

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
    warnings: tuple[Problem, ...]        # advice for the editor, when the vacancy is shown
    converted: tuple[tuple[str, str], ...]  # (Markdown, HTML) of its texts, for the renderer


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
        if data is None:
            data = (self.root / rel).read_bytes()
        problems: list[Problem] = []
        vacancy = _read_vacancy(ContentFile(rel, data, problems, self.markdown), self.config,
                                self.block_names)
        if any(p.severity == Severity.ERROR for p in problems) or vacancy is None:
            return ReadVacancy(None, tuple(problems), (), ())
        warnings = vacancy_warnings(vacancy, self.today) if is_shown(vacancy, self.today, self.drafts) \
            else []
        texts = dict.fromkeys((vacancy.body, *(step.text for step in vacancy.procedure)))
        return ReadVacancy(vacancy, tuple(problems), tuple(warnings),
                           tuple((text, self.markdown.hand_over(text)) for text in texts))


def assemble_content(shared: SharedContent, read: list[ReadVacancy], problems: list[Problem],
                     today: date, drafts: bool) -> Content:
    """The content the site shows on `today`; raises ContentError with every mistake of every
    file (`problems`: those found before the vacancies were read)."""
    vacancies = [r.vacancy for r in read if r.vacancy is not None]
    problems = [*shared.problems, *problems, *(p for r in read for p in r.problems),
                *check_addresses(vacancies)]
    if any(p.severity == Severity.ERROR for p in problems):
        raise ContentError(problems)
    shown = [r for r in read if r.vacancy is not None and is_shown(r.vacancy, today, drafts)]
    warnings = [w for r in shown for w in r.warnings] + shared_warnings(shared.pages, shared.blocks)
    return Content(vacancies=tuple(sorted((r.vacancy for r in shown), key=lambda v: v.slug)),
                   pages=shared.pages, blocks=shared.blocks, warnings=tuple(warnings))


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


def _read_vacancy(file: ContentFile, config: SiteConfig, block_names: frozenset[str]) -> Vacancy | None:
    if file.fields is None:
        return None
    f = file.fields
    f.refuse_unknown(VACANCY_KEYS)
    file.check_early_close(VACANCY_KEYS)
    body = file.read_body()
    values = dict(
        title=f.text("title", True), team=f.text("team", True), unit=f.text("unit"),
        grade=f.text("grade", True), summary=f.text("summary", True),
        hours_per_week=f.number("hours_per_week", True), contract=f.text("contract", True),
        location=_location(f), published=f.date("published"), closes=f.date("closes"),
        salary=_salary(f), apply_url=f.url("apply_url"),
        procedure=_procedure(file, f),
        competencies=tuple(collect(f.items("competencies", noun="competentie"), _competency)),
        contact=_contact(f, config.contact), faq=tuple(collect(f.items("faq", noun="link"), read_link)),
        blocks=read_blocks(f, block_names), draft=f.flag("draft"), aliases=read_aliases(f),
    )
    check_date_order(f, values)
    if not values["draft"]:
        file.check_placeholders()
    if any(value is None for key, value in values.items() if key not in ("published", "closes",
                                                                            "salary", "aliases")):
        return None
    return Vacancy(slug=slug_for(Path(file.rel)), source=file.source, body=body,
                   summary_line=file.text_line(("summary",)), **values)


def _procedure(file: ContentFile, f: Fields) -> tuple[Step, ...]:
    """The steps; each step's text follows the Markdown rules, under its ### step title."""
    steps = []
    for index, item in enumerate(f.items("procedure", True, "stap")):
        step = _step(item)
        if step is not None:
            line = file.text_line(("procedure", index, "text"))
            file.check_text(step.text, line, top_level=4)
            steps.append(replace(step, text_line=line))
    return tuple(steps)


def _location(f: Fields) -> Location | None:
    loc = f.mapping("location", True)
    if loc is None:
        return None
    loc.refuse_unknown(LOCATION_KEYS)
    name, street, postal_code, city = (loc.text(k, True) for k in ("name", "street", "postal_code", "city"))
    if not (name and street and postal_code and city):
        return None
    return Location(name=name, street=street, postal_code=postal_code, city=city, note=loc.text("note"))


def _salary(f: Fields) -> Salary | None:
    salary = f.mapping("salary")
    if salary is None:
        return None
    salary.refuse_unknown(SALARY_KEYS)
    return Salary(scale=salary.text("scale"), url=salary.url("url"))


def _step(s: Fields) -> Step | None:
    s.refuse_unknown(STEP_KEYS)
    title = s.text("title", True)
    step = Step(title=title, text=s.text("text"), date=s.date("date"), tentative=s.flag("tentative"),
                eliminating=s.flag("eliminating"), mode=s.text("mode"),
                duration=s.text("duration"), pass_mark=s.text("pass_mark"))
    return step if title else None


def _competency(c: Fields) -> Competency | None:
    c.refuse_unknown(COMPETENCY_KEYS)
    name, description = c.text("name", True), c.text("description", True)
    return Competency(name, description) if name and description else None


def _contact(f: Fields, default: Contact) -> Contact:
    """The vacancy's own contact; missing parts come from the site's default contact."""
    own = f.mapping("contact")
    if own is None:
        return default
    found = read_contact(own, require_email=False) or Contact(email="")
    return Contact(email=found.email or default.email, phone=found.phone or default.phone,
                   name=found.name, role=found.role)
