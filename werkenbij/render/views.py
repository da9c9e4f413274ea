"""What the templates show of a vacancy: its state on the build date, its texts as HTML, and
the order of the lists it appears in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..models import Block, Vacancy
from ..schedule import VacancyState


@dataclass(frozen=True)
class RenderedBlock:
    block: Block
    html: Markup


@dataclass(frozen=True, kw_only=True)
class VacancyView:
    """A vacancy with its state on the build date, its Markdown as HTML and its JSON-LD."""

    vacancy: Vacancy
    state: VacancyState
    body_html: Markup = Markup("")
    step_html: tuple[Markup, ...] = ()
    blocks: tuple[RenderedBlock, ...] = ()
    job_posting: Markup | None = None
    has_calendar: bool = False
    sections: tuple[tuple[str, str], ...] = ()  # (id, heading) of each h2, for "Op deze pagina"

    @property
    def url(self) -> str:
        return self.vacancy.path


_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
# The vacancy page's own section headings: written once, used by the template and the
# "Op deze pagina" list.
SECTION_TITLES = {
    "procedure": "Hoe verloopt de selectieprocedure?",
    "competenties": "Welke competenties meten we?",
    "delen": "Deel deze vacature",
    "vragen": "Heb je vragen?",
    "solliciteren": "Solliciteren",
}


def page_sections(vacancy: Vacancy, state: VacancyState, body: Markup,
                  blocks: tuple[RenderedBlock, ...]) -> tuple[tuple[str, str], ...]:
    """The page's h2 sections in the order the vacancy template shows them."""
    def headings(html: str) -> list[tuple[str, str]]:
        return [(id_, Markup(text).striptags()) for id_, text in _H2.findall(html)]

    own = ["procedure"] + (["competenties"] if vacancy.competencies else [])
    sections = headings(body) + [(f"{key}-titel", SECTION_TITLES[key]) for key in own]
    sections += [(f"blok-{b.block.name}", b.block.title) for b in blocks]
    own = ["delen", "vragen"] + (["solliciteren"] if state.is_open else [])
    return tuple(sections + [(f"{key}-titel", SECTION_TITLES[key]) for key in own])


def soonest_first(view: VacancyView) -> tuple:
    """Open vacancies: the one that closes first comes first."""
    end = view.state.closes or view.state.selection_starts or date.max
    return (end, view.vacancy.title, view.vacancy.slug)


def newest_first(view: VacancyView) -> tuple:
    """The archive: the one that closed last comes first."""
    end = view.state.closes or view.state.selection_starts or date.min
    return (-end.toordinal(), view.vacancy.title, view.vacancy.slug)
