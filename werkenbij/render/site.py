"""Render pages with Jinja2 templates (autoescape, StrictUndefined) into OutputFiles, in memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import jinja2
from babel.dates import format_date
from jinja2 import Environment, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..markdown_html import MarkdownConverter
from ..models import OutputFile, SiteConfig
from ..problems import Problem
from ..schedule import vacancy_state
from ..vacancy import Block, Content, Vacancy, vacancy_path
from ..vacancy.contract import Category, contracts_label
from ..vacancy.hours import WorkTime, hours_label, work_times
from ..vacancy.place import place_label, towns
from ..vacancy.salary import salary_amounts
from ..vacancy.words import grade_level, months_label, positions_label, time_label
from . import assets, structured
from .feeds import (
    procedure_calendar,
    selection_groups,
    selections,
    selections_of,
    stable_id,
    updated_on,
    vacancies_json,
)
from .markdown import MarkdownRenderer, PageIds
from .templates import TEMPLATE_SUFFIXES, TemplateFiles
from .views import (
    RenderedBlock,
    SimilarIndex,
    VacancyView,
    days_left,
    newest_first,
    page_parts,
    page_sections,
    soonest_first,
)

LOCALE = "nl_BE"
ARCHIVE = "/vacatures/archief/"


def long_date(value: date) -> str:
    """'woensdag 5 november 2025': written out, as plain language asks."""
    return format_date(value, "EEEE d MMMM y", locale=LOCALE)


def all_of(groups: Iterable[Iterable[str]]) -> list[str]:
    """Every value of several lists once, sorted (the filter's options; linear, unlike `sum`)."""
    return sorted({value for group in groups for value in group})


def capitalize_first(text: str) -> Markup:
    """Upper-case the first letter only (Jinja's `capitalize` lowers the rest). Plain text is
    escaped first: a team or place name from content is never markup."""
    text = escape(text)
    return Markup(text[:1].upper()) + text[1:]


class SiteRenderer:
    """The template environment of one build, the site's URLs and its Markdown renderer."""

    def __init__(self, templates: TemplateFiles, config: SiteConfig, today: date,
                 markdown: MarkdownConverter):
        """Compiles every template now: a broken one stops the build before anything else
        (raises jinja2.TemplateError), and forked workers inherit them compiled."""
        self._made_from = (templates, config, today, markdown)
        self.config, self.today, self.templates = config, today, templates.folder
        self.form_origin = config.newsletter.origin if config.newsletter else ""
        self.markdown = MarkdownRenderer(config.base_path, markdown)
        self.assets = assets.fingerprinted(templates.static())
        self.env = Environment(
            loader=templates.loader(), auto_reload=False,
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            long_date=long_date, json_ld=structured.json_ld, capitalize_first=capitalize_first,
            hours=lambda hours: hours_label(hours, config.full_time_hours),
            work_times=lambda hours: work_times(hours, config.full_time_hours),
            contracts=lambda vacancy: contracts_label(vacancy.contracts), place=place_label,
            salary_amounts=salary_amounts, grade_level=grade_level, time_of_day=time_label,
            positions=positions_label, months=months_label, all_of=all_of,
            towns=lambda vacancy: towns(vacancy.locations))
        self._cards: dict[tuple, Markup] = {}  # (vacancy, state, level) -> its card, see `card`
        self._earlier_cards: dict[tuple, Markup] = {}
        self.env.globals.update(config=config, today=today, url=self.url, card=self.card,
                                asset=self.asset, csp=assets.csp(self.form_origin),
                                selections=selections, selections_of=selections_of,
                                selection_groups=selection_groups,
                                days_left=lambda view: days_left(view, today),
                                filter_counts=self.filter_counts,
                                absolute_url=self.absolute_url, structured=structured,
                                work_time_options=[time.value for time in WorkTime],
                                contract_options=[category.value for category in Category])
        for name in self.env.list_templates(extensions=[s.lstrip(".") for s in TEMPLATE_SUFFIXES]):
            self.env.get_template(name)

    def __reduce__(self) -> tuple:
        """A spawned worker gets what the renderer was made from and compiles the templates
        itself: the compiled ones (and the filters) cannot be pickled."""
        return SiteRenderer, self._made_from

    def url(self, path: str) -> str:
        """A link inside the site, with the base path in front; other links pass unchanged."""
        if ":" in path.split("/")[0] or path.startswith("//"):
            return path
        return self.config.base_path + path.lstrip("/")

    def absolute_url(self, path: str) -> str:
        """The full address when `base_url` has a host; otherwise the path from the root."""
        return self.config.origin + self.url(path)

    def asset(self, name: str) -> str:
        """The URL of a static file under its fingerprinted name."""
        return self.url(self.assets[name][0])

    def vacancy_files(self, vacancy: Vacancy, blocks: tuple[Block, ...],
                      similar: tuple[Vacancy, ...] = ()) -> list[OutputFile]:
        """A vacancy's page, a redirect page under each old name, and its procedure.ics (also
        under each old name, so saved calendar links keep working). `blocks`: those it names;
        `similar`: the open vacancies its page suggests (see `similar_index`)."""
        view = self.vacancy_view(vacancy, blocks, similar)
        source = vacancy.source.path
        files = [self.page(_index(vacancy.path), "vacancy.html", vacancy.path, source, view=view)]
        files += [self.page(_index(vacancy_path(alias)), "redirect.html", vacancy_path(alias), source,
                            view=view, redirect=True) for alias in vacancy.aliases]
        calendar = procedure_calendar(vacancy, self.absolute_url(vacancy.path), self.today)
        if calendar is not None:
            files += [OutputFile(f"{vacancy_path(slug)[1:]}procedure.ics", calendar, source)
                      for slug in (vacancy.slug, *vacancy.aliases)]
        return files

    def vacancy_view(self, vacancy: Vacancy, blocks: tuple[Block, ...],
                     similar: tuple[Vacancy, ...] = ()) -> VacancyView:
        ids = PageIds()
        body = self.markdown.render(vacancy.body, ids)
        steps = tuple(self.markdown.render(step.text, ids) for step in vacancy.procedure)
        rendered = tuple(RenderedBlock(b, self.markdown.render(b.body, ids)) for b in blocks)
        state = vacancy_state(vacancy, self.today)
        description = Markup("<p>{}</p>\n").format(vacancy.summary) + body
        posting = structured.job_posting(vacancy, state, str(description), self.config,
                                         self.absolute_url)
        parts = page_parts(vacancy, state, rendered)
        return VacancyView(vacancy=vacancy, state=state, body_html=body, step_html=steps,
                           job_posting=structured.json_ld(posting) if posting else None,
                           has_calendar=any(step.date for step in vacancy.procedure),
                           parts=parts, sections=page_sections(body, parts),
                           similar=tuple(self.listed(other) for other in similar))

    def similar_index(self, vacancies: Iterable[Vacancy]) -> SimilarIndex:
        """Where each vacancy page finds its similar open vacancies. They are part of the
        page's input (a changed similar vacancy renders the page again in `serve`)."""
        return SimilarIndex([view for view in map(self.listed, vacancies) if view.state.is_open])

    def listed(self, vacancy: Vacancy) -> VacancyView:
        """A vacancy as the lists and feeds show it: its facts and state, not its texts."""
        return VacancyView(vacancy=vacancy, state=vacancy_state(vacancy, self.today))

    def card(self, view: VacancyView, level: int) -> Markup:
        """A vacancy's card in a list. Its markup depends only on the vacancy, its state and
        the heading level (and this renderer's templates and settings), so it is kept: `serve`
        renders the cards of a 5,000-vacancy archive once, not on every save."""
        key = (view.vacancy, view.state, level)
        found = self._cards.get(key) or self._earlier_cards.get(key)
        if found is None:
            found = Markup(self.env.get_template("partials/card.html").render(view=view, level=level))
        self._cards[key] = found
        return found

    def filter_values(self, vacancy: Vacancy, key: str) -> tuple[str, ...]:
        """What a card carries for one field of the list's filter (data-<key>, card.html)."""
        if key == "place":
            return towns(vacancy.locations)
        if key == "team":
            return (vacancy.team,) if vacancy.team else ()
        if key == "grade":
            return vacancy.grades
        if key == "hours":
            return tuple(work_times(vacancy.hours, self.config.full_time_hours))
        return vacancy.contract_categories

    def filter_counts(self, views: Iterable[VacancyView], key: str) -> Counter[str]:
        """How many of `views` each option of a filter field would show."""
        return Counter(value for view in views for value in self.filter_values(view.vacancy, key))

    def site_files(self, content: Content) -> list[OutputFile]:
        """Everything besides the vacancies' own files: home, archive, pages, 404, sitemap,
        feeds and the static files."""
        # Keep the cards of this site only: those of the last one are reused where unchanged.
        self._earlier_cards, self._cards = self._cards, {}
        views = [self.listed(v) for v in content.vacancies]
        open_views = sorted((v for v in views if v.state.is_open), key=soonest_first)
        closed = sorted((v for v in views if not v.state.is_open), key=newest_first)
        files = [self.page("index.html", "home.html", "/", vacancies=open_views,
                           closed_count=len(closed)),
                 self.page(_index(ARCHIVE), "archive.html", ARCHIVE, vacancies=closed)]
        files += [self.page(f"{p.slug}/index.html", "page.html", f"/{p.slug}/", p.source.path,
                            page=p, body_html=self.markdown.render(p.body, PageIds())) for p in content.pages]
        files.append(self.page("404.html", "404.html", "/404.html"))
        listed = ["index.html"] + [_index(v.url) for v in views] + \
                 [f.path for f in files[1:] if f.path != "404.html"]
        return files + self.companions(listed, views, open_views) + self.static_files()

    def companions(self, listed: list[str], views: list[VacancyView],
                   open_views: list[VacancyView]) -> list[OutputFile]:
        """sitemap.xml (`listed`: the pages it names, in its order), robots.txt, the Atom feed
        of open vacancies (newest first) and vacatures.json."""
        absolute, today = self.absolute_url, self.today
        lastmod = {_index(v.url): v.vacancy.published for v in views}
        entries = [(absolute(path.removesuffix("index.html")), lastmod.get(path)) for path in listed]
        # A vacancy whose posting day is lost has no date a feed reader could trust.
        newest = sorted((v for v in open_views if not v.vacancy.published_unknown),
                        key=lambda v: (updated_on(v.vacancy, today), v.vacancy.slug), reverse=True)
        feed = [(v, stable_id("vacature", v.vacancy.slug), updated_on(v.vacancy, today)) for v in newest]
        return [
            OutputFile("sitemap.xml", self._text("sitemap.xml", entries=entries)),
            OutputFile("robots.txt", self._text("robots.txt", sitemap=absolute("sitemap.xml"))),
            self._feed("feed.xml", "open vacatures", stable_id("feed"), feed),
            # One per team, place and contract kind of every vacancy shown, also the closed ones:
            # a followed feed stays when its last vacancy closes (it is then empty).
            *(self._feed(s.path, s.title[:1].lower() + s.title[1:], stable_id("feed", s.path),
                         [entry for entry in feed if s.path in
                          {mine.path for mine in selections_of(entry[0].vacancy)}])
              for s in selections(v.vacancy for v in views)),
            OutputFile("vacatures.json", vacancies_json([(v.vacancy, v.state) for v in open_views],
                                                        self.config, absolute, today)),
        ]

    def _feed(self, path: str, title: str, feed_id: str, entries: list) -> OutputFile:
        updated = max((day for *_, day in entries), default=self.today)
        return OutputFile(path, self._text("feed.xml", entries=entries, feed_id=feed_id, feed_title=title,
                                           feed_path=path, updated=updated))

    def page(self, path: str, template: str, current: str, source: str = "",
             **context: object) -> OutputFile:
        context.setdefault("redirect", False)
        return OutputFile(path, self._text(template, current=current, **context), source)

    def _text(self, template: str, **context: object) -> bytes:
        return self.env.get_template(template).render(**context).encode("utf-8")

    def static_files(self) -> list[OutputFile]:
        files = [OutputFile(path, data) for path, data in self.assets.values()]
        return files + [OutputFile("_headers", assets.headers_file(self.config.base_path, self.form_origin)),
                        OutputFile(".nojekyll", b"")]


def _index(path: str) -> str:
    """The file that serves a folder address: /vacatures/x/ -> vacatures/x/index.html."""
    return path.lstrip("/") + "index.html"


def template_problem(error: jinja2.TemplateError, templates: Path) -> Problem:
    path, line = _template_location(error, templates)
    return Problem(path, line, 0, f"Fout in een sjabloon: {error.message or error}.",
                   "Herstel het sjabloon; de inhoud is niet de oorzaak.")


def _template_location(error: jinja2.TemplateError, templates: Path) -> tuple[str, int]:
    """Where in templates/ the error is: syntax errors carry it; for others, Jinja rewrites the
    traceback so that each template frame names its file and line."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None) or 0
    traceback = error.__traceback__ if filename is None else None
    while traceback is not None:  # the innermost template frame is the one that failed
        if traceback.tb_frame.f_code.co_filename.startswith(str(templates)):
            filename, line = traceback.tb_frame.f_code.co_filename, traceback.tb_lineno
        traceback = traceback.tb_next
    if filename is None:
        return "templates/", 0
    return f"templates/{Path(filename).relative_to(templates).as_posix()}", line
