"""What a vacancy *is*: one module per fact (hours, contract, salary, place, requirements,
apply, contact), each with its type, its closed vocabulary and its Dutch words; `keys` says
what each key of a vacancy file means. The stages turn YAML into these types (read/) and these
types into pages (render/); this package imports no stage, and every stage may import it.
Each field is documented once, here or in the fact's module."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from ..problems import Problem
from .apply import Apply, Reserve
from .contact import Contact, Link
from .contract import Category, Contract
from .hours import Hours
from .place import Employer, Place
from .requirements import Requirements
from .salary import Salary


@dataclass(frozen=True, kw_only=True)
class Step:
    """One step of the selection procedure, in order.

    `date` is empty for steps without a known day; `tentative` means "onder voorbehoud";
    `eliminating` means a candidate must pass to go on; `text` is Markdown.
    """

    title: str
    text: str = ""
    date: date | None = None
    tentative: bool = False
    eliminating: bool = False
    mode: str = ""
    duration: str = ""
    pass_mark: str = ""
    time: str = ""       # '09:00' or '09:00-12:00'
    place: str = ""
    date_note: str = ""  # "datum volgt", "alleen als er een voorselectie is"
    text_line: int = 0  # where `text` starts in the content file


@dataclass(frozen=True)
class Competency:
    name: str
    description: str


@dataclass(frozen=True)
class Source:
    """Where a piece of content came from: project-relative path, the first body line, and a
    hash of the bytes it was read from (so that what is remembered about it can be keyed)."""

    path: str
    body_line: int
    digest: str = ""


def vacancy_path(slug: str) -> str:
    """The one place that says where a vacancy lives on the site (old slugs, aliases, too)."""
    return f"/vacatures/{slug}/"


@dataclass(frozen=True, kw_only=True)
class Vacancy:
    """One vacancy file of `content/vacatures/`. The slug is the file name, slugified.

    When it closes is worked out by `werkenbij.schedule`: `closes` is the last day to apply;
    `open_ended` (closes: doorlopend) means it has none on purpose. `published` is None for a
    vacancy not yet dated; `published_unknown` (published: onbekend) says the day is lost.
    `body` is Markdown with `##` sections. `contact` already has the site's default contact
    filled in where the file has none (not for another `employer`'s vacancy); so has
    `after_applying`, the site's word on when applicants hear back.
    """

    slug: str
    source: Source
    title: str
    summary: str
    contact: Contact
    body: str
    team: str = ""  # required for the site's own vacancies; another employer's may have none
    grades: tuple[str, ...] = ()
    hours: Hours | None = None
    contracts: tuple[Contract, ...] = ()
    locations: tuple[Place, ...] = ()
    telework: str = ""  # "deels" or "volledig"
    employer: Employer | None = None
    positions: int | None = None
    reference: str = ""
    start_date: date | None = None
    end_date: date | None = None
    requirements: Requirements | None = None
    apply: Apply = Apply()
    after_applying: str = ""  # when applicants hear back: the file's own, else the site's (not
    #                           for another employer's vacancy)
    reserve: Reserve | None = None
    procedure: tuple[Step, ...] = ()
    pass_mark: str = ""  # the result needed to pass the whole selection, e.g. 60/100
    unit: str = ""
    published: date | None = None
    published_unknown: bool = False
    closes: date | None = None
    open_ended: bool = False
    salaries: tuple[Salary, ...] = ()  # one per scale when the job is open at several
    competencies: tuple[Competency, ...] = ()
    faq: tuple[Link, ...] = ()
    blocks: tuple[str, ...] = ()
    draft: bool = False
    summary_line: int = 0  # where `summary` is written in the content file
    title_line: int = 0    # where `title` is written
    aliases: tuple[str, ...] = ()  # old slugs: their URLs redirect here

    @property
    def path(self) -> str:
        """Its address on the site, from the root (without the base path)."""
        return vacancy_path(self.slug)

    def __hash__(self) -> int:
        """The generated hash, computed once: `serve` looks up 5,000 vacancies in its memos on
        every save, and hashing one walks every nested field. Not pickled (see below)."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict:
        # A hash of text differs between processes (PYTHONHASHSEED): never carried along.
        return {key: value for key, value in self.__dict__.items() if key != "_hash"}

    @property
    def part_of(self) -> str:
        """What sets it apart from a job with the same title: its unit, team or employer."""
        return self.unit or self.team or (self.employer.name if self.employer else "")

    @property
    def contract_categories(self) -> tuple[Category, ...]:
        return tuple(dict.fromkeys(c.category for c in self.contracts if c.category))


@dataclass(frozen=True)
class Block:
    """A reusable section of `content/blocks/`, shown on every vacancy that names it."""

    name: str
    source: Source
    title: str
    body: str


@dataclass(frozen=True)
class Page:
    """A page of `content/pages/`, published at `/<slug>/`."""

    slug: str
    source: Source
    title: str
    description: str
    body: str


@dataclass(frozen=True, kw_only=True)
class Content:
    """What the site shows on the build date, read from `content/`, in a stable order (by slug):
    the vacancies that `schedule.is_shown`, the pages and the blocks. `warnings` is the advice
    for the editors about them (long sentences, missing dates)."""

    vacancies: tuple[Vacancy, ...]
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    warnings: tuple[Problem, ...] = ()

    def block(self, name: str) -> Block:
        return next(block for block in self.blocks if block.name == name)

    def texts(self) -> list[str]:
        """Every Markdown text the site shows."""
        return [*(text for v in self.vacancies for text in (v.body, *(s.text for s in v.procedure))),
                *(page.body for page in self.pages), *(block.body for block in self.blocks)]
