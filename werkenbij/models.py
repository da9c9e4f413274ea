"""The typed, frozen data that flows from loading to rendering. Each field is documented once, here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
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
class Location:
    """Where the job is based. `note` adds where else the work takes place."""

    name: str
    street: str
    postal_code: str
    city: str
    note: str = ""


@dataclass(frozen=True)
class Salary:
    """The salary scale (e.g. B1-B3) and a link to the published scales."""

    scale: str = ""
    url: str = ""


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

    `closes` is the last day to apply; without it the vacancy is open until the first dated
    step of the procedure (see `werkenbij.schedule`). `body` is Markdown with `##` sections.
    `contact` already has the site's default contact filled in where the file has none.
    """

    slug: str
    source: Source
    title: str
    team: str
    grade: str
    summary: str
    hours_per_week: int
    contract: str
    location: Location
    procedure: tuple[Step, ...]
    contact: Contact
    body: str
    unit: str = ""
    published: date | None = None
    closes: date | None = None
    salary: Salary | None = None
    apply_url: str = ""
    competencies: tuple[Competency, ...] = ()
    faq: tuple[Link, ...] = ()
    blocks: tuple[str, ...] = ()
    draft: bool = False
    summary_line: int = 0  # where `summary` is written in the content file
    aliases: tuple[str, ...] = ()  # old slugs: their URLs redirect here

    @property
    def path(self) -> str:
        """Its address on the site, from the root (without the base path)."""
        return vacancy_path(self.slug)


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

    def is_full_time(self, hours_per_week: int) -> bool:
        return hours_per_week >= self.full_time_hours


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
