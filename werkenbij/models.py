"""The site's own settings and the files of the built site, typed and frozen. What a vacancy,
a page or a block is lives in `werkenbij.vacancy`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .policy import CheckLevel
from .vacancy.contact import Contact, Link


def parse_day(text: str) -> date | None:
    """A calendar day written exactly as JJJJ-MM-DD, or None (also for 2025-02-30)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # \d would take any script's digits
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Organisation:
    name: str
    team: str
    team_short: str
    url: str


@dataclass(frozen=True, kw_only=True)
class Newsletter:
    """The e-mail sign-up for new vacancies: a plain form that posts to the newsletter service
    the site's owner names. `action`: where the form posts; `email_field`: the name the service
    expects for the address; `hidden`: further (name, value) pairs it needs, such as a list id;
    `service`: its name, for the privacy line; `privacy`/`privacy_url`: that line in the
    owner's own words and a link to the service's privacy text (both optional)."""

    action: str
    email_field: str
    service: str
    hidden: tuple[tuple[str, str], ...] = ()
    privacy: str = ""
    privacy_url: str = ""

    @property
    def origin(self) -> str:
        """'https://host[:port]': the one place the Content-Security-Policy lets forms post to."""
        parts = urlsplit(self.action)
        return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, kw_only=True)
class SiteConfig:
    """`site_config.yaml`: site-wide settings.

    `base_url` is where the site is published: a full URL (https://host/path/) or a path
    (/werken-bij/); `base_path` is its path part, always starting and ending with '/'.
    `full_time_hours` is the number of hours per week that counts as full time.
    `check_severities` overrides how a failure of a named check counts (see werkenbij.checks).
    `after_applying` says when applicants hear back, in the apply box of the organisation's own
    vacancies (a vacancy may say its own; another employer's never gets this one).
    `newsletter`: the e-mail sign-up, off (None) unless the owner names a service.
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
    after_applying: str = ""  # when applicants hear back; only for the organisation's own vacancies
    newsletter: Newsletter | None = None  # None: no e-mail sign-up (the default)

    @property
    def base_path(self) -> str:
        return base_path_of(self.base_url)

    @property
    def origin(self) -> str:
        """'https://host' when `base_url` is a full address, else '' (links stay paths)."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def base_path_of(base_url: str) -> str:
    """The path part of a base URL, always starting and ending with '/'."""
    path = "/" + (urlsplit(base_url).path or "/").strip("/") + "/"
    return path.replace("//", "/")


@dataclass(frozen=True)
class OutputFile:
    """One file of the built site. `source` is the content file it came from, if any."""

    path: str
    data: bytes
    source: str = ""
