"""What the templates show of a vacancy: its state on the build date, its texts as HTML, and
the order of the lists it appears in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from markupsafe import Markup

from ..schedule import VacancyState
from ..vacancy import Block, Vacancy


@dataclass(frozen=True)
class RenderedBlock:
    block: Block
    html: Markup


class Section(NamedTuple):
    """An h2 of the vacancy page, as "Op deze pagina" lists it."""

    id: str
    title: str


class PartKind(StrEnum):
    """The kinds of section after a vacancy's body text. The value is the section's id on the
    page (and its heading's, with -titel), so it stays Dutch; vacancy.html shows each kind."""

    REQUIREMENTS = "voorwaarden"
    PROCEDURE = "procedure"
    COMPETENCIES = "competenties"
    BLOCK = "blok"
    SHARE = "delen"
    QUESTIONS = "vragen"
    APPLY = "solliciteren"
    CLOSED = "afgesloten"


class Part(NamedTuple):
    """A section of the vacancy page after its body text; the template shows each `kind`."""

    kind: PartKind
    id: str                 # the id of its h2
    title: str
    html: Markup = Markup("")  # a block's text


@dataclass(frozen=True, kw_only=True)
class VacancyView:
    """A vacancy with its state on the build date, its Markdown as HTML and its JSON-LD."""

    vacancy: Vacancy
    state: VacancyState
    body_html: Markup = Markup("")
    step_html: tuple[Markup, ...] = ()
    job_posting: Markup | None = None
    has_calendar: bool = False
    parts: tuple[Part, ...] = ()        # in the order the page shows them
    sections: tuple[Section, ...] = ()  # "Op deze pagina": the body's h2s, then the parts'
    similar: tuple[VacancyView, ...] = ()  # open vacancies like this one (see `similar_to`)

    @property
    def url(self) -> str:
        return self.vacancy.path


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
# The vacancy page's own section headings: written once, used by the template and the
# "Op deze pagina" list.
SECTION_TITLES = {
    PartKind.REQUIREMENTS: "Wat vragen we?",
    PartKind.PROCEDURE: "Hoe verloopt de selectieprocedure?",
    PartKind.COMPETENCIES: "Welke competenties meten we?",
    PartKind.SHARE: "Deel deze vacature",
    PartKind.QUESTIONS: "Heb je vragen?",
    PartKind.APPLY: "Solliciteren",
    PartKind.CLOSED: "Deze vacature is afgesloten",
}


def page_parts(vacancy: Vacancy, state: VacancyState, blocks: tuple[RenderedBlock, ...]) -> tuple[Part, ...]:
    """The sections after the body, in the one order the vacancy page shows them."""
    def own(*kinds: PartKind) -> list[Part]:
        return [Part(kind, f"{kind}-titel", SECTION_TITLES[kind]) for kind in kinds]

    parts = own(*([PartKind.REQUIREMENTS] if vacancy.requirements else []),
                *([PartKind.PROCEDURE] if vacancy.procedure else []),
                *([PartKind.COMPETENCIES] if vacancy.competencies else []))
    parts += [Part(PartKind.BLOCK, f"{PartKind.BLOCK}-{b.block.name}", b.block.title, b.html) for b in blocks]
    # An open vacancy with a known last day also carries its closed notice, for close.js.
    closed_notice = not state.is_open or bool(state.closes_at)
    ending = [PartKind.APPLY] * state.is_open + [PartKind.CLOSED] * closed_notice
    return tuple(parts + own(PartKind.SHARE, PartKind.QUESTIONS, *ending))


def page_sections(body: Markup, parts: tuple[Part, ...]) -> tuple[Section, ...]:
    """"Op deze pagina": the body's own h2s, then each part but the closed notice (it is not
    something to jump to)."""
    return tuple([Section(id_, Markup(text).striptags()) for id_, text in _H2.findall(body)]
                 + [Section(part.id, part.title) for part in parts if part.kind != PartKind.CLOSED])


def soonest_first(view: VacancyView) -> tuple:
    """Open vacancies: the one that closes first comes first."""
    end = view.state.last_day or date.max
    return (end, view.vacancy.title, view.vacancy.slug)


def newest_first(view: VacancyView) -> tuple:
    """The archive: the one that closed last comes first."""
    end = view.state.last_day or date.min
    return (-end.toordinal(), view.vacancy.title, view.vacancy.slug)


def newest_published(view: VacancyView) -> tuple:
    """The list's other order: the one published last comes first; an unknown day last."""
    published = view.vacancy.published
    return (-published.toordinal() if published else 1, view.vacancy.title, view.vacancy.slug)


# "nog 2 dagen" is said within the last week to apply: sooner, it is news; later, the date does.
LAST_WEEK = 7


def days_left(view: VacancyView, today: date) -> int | None:
    """Days from `today` to the last day to apply (0: today is the last day), within the last
    week of an open vacancy; None otherwise."""
    last = view.state.last_day
    if not view.state.is_open or last is None:
        return None
    left = (last - today).days
    return left if 0 <= left <= LAST_WEEK else None


SIMILAR = 3  # at most this many similar vacancies, as DfE Teaching Vacancies shows


class SimilarIndex:
    """The open vacancies by team and by kind of contract, soonest closing first, to find a
    vacancy's similar ones without comparing it with every other vacancy."""

    def __init__(self, open_views: Sequence[VacancyView]):
        self.by_team: dict[str, list[Vacancy]] = {}
        self.by_contract: dict[str, list[Vacancy]] = {}
        # A draft (previewed with --drafts) is suggested nowhere: a published page stays as it is.
        for view in sorted((v for v in open_views if not v.vacancy.draft), key=soonest_first):
            vacancy = view.vacancy
            if vacancy.team:
                self.by_team.setdefault(vacancy.team, []).append(vacancy)
            for category in vacancy.contract_categories:
                self.by_contract.setdefault(category, []).append(vacancy)

    def similar_to(self, vacancy: Vacancy) -> tuple[Vacancy, ...]:
        """Up to SIMILAR other open vacancies: the same team first, then the same kind of
        contract; within each, the one that closes first."""
        groups = [self.by_team.get(vacancy.team, []) if vacancy.team else []]
        groups += [self.by_contract.get(category, []) for category in vacancy.contract_categories]
        found: dict[str, Vacancy] = {}
        for group in groups:
            for other in group:
                if len(found) == SIMILAR:
                    return tuple(found.values())
                if other.slug != vacancy.slug:
                    found.setdefault(other.slug, other)
        return tuple(found.values())
