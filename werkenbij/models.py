"""The typed, frozen data that flows from loading to rendering. Each field is documented once, here."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

from .policy import CheckLevel
from .problems import Problem


@dataclass(frozen=True)
class Link:
    """A labelled link, e.g. an FAQ entry or a navigation item."""

    label: str
    url: str


@dataclass(frozen=True)
class Contact:
    """Whom a job seeker can ask. `name` and `role` may be empty for a shared mailbox."""

    email: str
    phone: str = ""
    name: str = ""
    role: str = ""

    @property
    def tel_uri(self) -> str:
        """The phone number as a `tel:` URI in international form (Belgian numbers get +32)."""
        return "tel:" + international_phone(self.phone) if self.phone else ""


def parse_day(text: str) -> date | None:
    """A calendar day written exactly as JJJJ-MM-DD, or None (also for 2025-02-30)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # \d would take any script's digits
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def international_phone(phone: str) -> str:
    """'056 27 85 03' -> '+3256278503'; numbers already in +/00 form keep their country code."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return "+32" + digits.removeprefix("0")


@dataclass(frozen=True, kw_only=True)
class Place:
    """A workplace, or an employer's address. Every part is optional, but a place has at least
    a name, a municipality or a region ("Vlaanderen en Brussel"). `note` says more about it."""

    name: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    note: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        """'Sociaal Huis', 'Budastraat 35', '8500 Kortrijk': the written parts, in reading order."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return tuple(p for p in (self.name, self.street, town, self.region) if p)


@dataclass(frozen=True, kw_only=True)
class Employer:
    """Who hires, when it is not the site's own organisation (another city, an OCMW, an agency)."""

    name: str
    url: str = ""
    address: Place | None = None


WORK_TIMES = ("voltijds", "deeltijds", "voltijds of deeltijds")


@dataclass(frozen=True, kw_only=True)
class Hours:
    """Working time as the posting states it.

    `low`/`high`: hours per week, equal when fixed, None when only a share of full time or a
    word (`words`: one of WORK_TIMES) is written. `share`: per cent of a full-time job.
    `full_week`: the full week the posting itself counts from ("25,34/38" → 38), else None and
    the site's `full_time_hours` count. `note`: what the numbers cannot say (school weeks …).
    """

    low: Decimal | None = None
    high: Decimal | None = None
    share: Decimal | None = None
    full_week: Decimal | None = None
    words: str = ""
    note: str = ""


CONTRACT_STATUSES = ("contractueel", "statutair", "jobstudent", "stage")
CONTRACT_DURATIONS = ("onbepaalde duur", "bepaalde duur", "vervanging")


@dataclass(frozen=True, kw_only=True)
class Contract:
    """One kind of contract a vacancy offers. `status` is one of CONTRACT_STATUSES, `duration`
    one of CONTRACT_DURATIONS (`months` for a fixed term). `written` is a plain-string contract
    as the editor wrote it: shown as is, its status and duration recognised from its words."""

    status: str = ""
    duration: str = ""
    months: int | None = None
    note: str = ""
    written: str = ""

    @property
    def category(self) -> str:
        """What the filter offers: a steady job, a temporary one, a student job or a traineeship."""
        if self.status in ("jobstudent", "stage"):
            return {"jobstudent": "studentenjob", "stage": "stage"}[self.status]
        if self.duration in ("bepaalde duur", "vervanging"):  # a fixed term is never steady
            return "tijdelijke job"
        if self.status == "statutair" or self.duration == "onbepaalde duur":
            return "vaste job"
        return ""

    @property
    def temporary(self) -> bool:
        return self.category in ("tijdelijke job", "studentenjob")


DIPLOMA_LEVELS = ("geen", "lager secundair", "secundair", "bachelor", "master")


@dataclass(frozen=True, kw_only=True)
class Requirements:
    """What a candidate needs. `diploma` as written; `diploma_level` one of DIPLOMA_LEVELS;
    `experience_months`: 0 means no experience is needed, None that the posting does not say."""

    diploma: str = ""
    diploma_level: str = ""
    experience_months: int | None = None
    experience: str = ""
    driving_licence: str = ""  # the category, e.g. B
    driving_licence_required: bool = True
    final_year_students: bool = False
    other: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Apply:
    """How to apply, every way the posting names. `url`: an online form; `note` covers what
    has no field (a form without a link, an interview on appointment)."""

    url: str = ""
    email: str = ""
    post: str = ""
    in_person: str = ""
    in_person_hours: str = ""
    documents: tuple[str, ...] = ()
    help: str = ""
    note: str = ""

    @property
    def ways(self) -> bool:
        return bool(self.url or self.email or self.post or self.in_person or self.note)


@dataclass(frozen=True, kw_only=True)
class Salary:
    """The salary scale (e.g. B1-B3), a link to the published scales, and gross monthly amounts
    in euro: for a full-time job, or (`for_hours`) for the hours the vacancy states."""

    scale: str = ""
    url: str = ""
    min: Decimal | None = None
    max: Decimal | None = None
    for_hours: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Reserve:
    """The recruitment reserve: the pass list kept for later openings. `years` it stays valid."""

    years: int | None = None
    note: str = ""


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
    filled in where the file has none (not for another `employer`'s vacancy).
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
    def contract_categories(self) -> tuple[str, ...]:
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


@dataclass(frozen=True)
class Organisation:
    name: str
    team: str
    team_short: str
    url: str


@dataclass(frozen=True, kw_only=True)
class SiteConfig:
    """`site_config.yaml`: site-wide settings.

    `base_url` is where the site is published: a full URL (https://host/path/) or a path
    (/werken-bij/); `base_path` is its path part, always starting and ending with '/'.
    `full_time_hours` is the number of hours per week that counts as full time.
    `check_severities` overrides how a failure of a named check counts (see werkenbij.checks).
    """

    title: str
    description: str
    intro: str
    base_url: str
    organisation: Organisation
    contact: Contact
    faq: tuple[Link, ...]
    navigation: tuple[Link, ...]
    footer_links: tuple[Link, ...]
    full_time_hours: int = 38
    language: str = "nl-BE"
    check_severities: tuple[tuple[str, CheckLevel], ...] = ()  # (check name, level)

    @property
    def base_path(self) -> str:
        return base_path_of(self.base_url)

    @property
    def origin(self) -> str:
        """'https://host' when `base_url` is a full address, else '' (links stay paths)."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def work_times(self, hours: Hours | None) -> tuple[str, ...]:
        """('voltijds',), ('deeltijds',), both, or () when the posting does not say: from the
        words, the share of full time, or the hours against the full week (the posting's own
        or `full_time_hours`)."""
        if hours is None:
            return ()
        if hours.words:
            return tuple(w for w in ("voltijds", "deeltijds") if w in hours.words)
        if hours.share is not None:
            return ("voltijds",) if hours.share >= 100 else ("deeltijds",)
        if hours.low is None or hours.high is None:  # only a note: the posting does not say
            return ()
        full = hours.full_week or Decimal(self.full_time_hours)
        if hours.low >= full:
            return ("voltijds",)
        if hours.high < full:
            return ("deeltijds",)
        return ("voltijds", "deeltijds")


def base_path_of(base_url: str) -> str:
    """The path part of a base URL, always starting and ending with '/'."""
    path = "/" + (urlsplit(base_url).path or "/").strip("/") + "/"
    return path.replace("//", "/")


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


@dataclass(frozen=True)
class OutputFile:
    """One file of the built site. `source` is the content file it came from, if any."""

    path: str
    data: bytes
    source: str = ""
