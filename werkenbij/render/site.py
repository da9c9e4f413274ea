"""Render pages with Jinja2 templates (autoescape, StrictUndefined) into OutputFiles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from babel.dates import format_date
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..build.cache import digest
from ..markdown_html import MarkdownRenderer
from ..models import Block, Content, OutputFile, Page, SiteConfig, Vacancy
from ..problems import Problem
from ..schedule import VacancyState, vacancy_state
from . import assets as hosting
from . import structured
from .companions import companion_files
from .feeds import procedure_calendar

LOCALE = "nl_BE"


@dataclass(frozen=True)
class RenderedBlock:
    block: Block
    html: Markup


@dataclass(frozen=True)
class VacancyView:
    """A vacancy with its state on the build date, its Markdown as HTML and its JSON-LD."""

    vacancy: Vacancy
    state: VacancyState
    body_html: Markup
    step_html: tuple[Markup, ...]
    blocks: tuple[RenderedBlock, ...]
    job_posting: Markup | None = None
    has_calendar: bool = False
    sections: tuple[tuple[str, str], ...] = ()  # (id, heading) of each h2, for "Op deze pagina"

    @property
    def url(self) -> str:
        return f"/vacatures/{self.vacancy.slug}/"


def long_date(value: date) -> str:
    """'woensdag 5 november 2025': written out, as plain language asks."""
    return format_date(value, "EEEE d MMMM y", locale=LOCALE)


def capitalize_first(text: str) -> Markup:
    """Upper-case the first letter only (Jinja's `capitalize` lowers the rest, and escapes)."""
    text = Markup(text)
    return Markup(text[:1].upper()) + text[1:]


class SiteRenderer:
    """Holds the template environment for one build."""

    def __init__(self, templates: Path, config: SiteConfig, today: date,
                 compiled: Path | None = None):
        """`compiled`: a folder to keep compiled templates in between builds."""
        self.config, self.today = config, today
        self.templates = templates
        self.markdown = MarkdownRenderer(config.base_path)
        self.assets = hosting.fingerprinted(templates)
        self.loader = _RecordingLoader(templates)
        self.env = Environment(
            loader=self.loader, auto_reload=False,  # a build uses the templates as first read
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
        )
        self.env.filters.update(long_date=long_date, hours=self.hours_label, json_ld=structured.json_ld,
                                capitalize_first=capitalize_first)
        self.env.globals.update(config=config, today=today, url=self.url, titles=SECTION_TITLES,
                                asset=self.asset, csp=hosting.CSP,
                                absolute_url=self.absolute_url, structured=structured)

    def fingerprint(self) -> str:
        """A hash of every template and static file exactly as this build uses them. Reads and
        compiles every template now, so that a template saved during the build cannot end up
        in pages whose cache key says otherwise."""
        for name in self.loader.list_templates():
            if name.endswith(TEMPLATE_SUFFIXES) and not name.startswith(f"{hosting.STATIC_DIR}/"):
                self.env.get_template(name)
        parts = [part for name, source in sorted(self.loader.read.items()) for part in (name, source)]
        parts += [part for name, (path, data) in sorted(self.assets.items()) for part in (name, path, data)]
        return digest(*parts)

    def url(self, path: str) -> str:
        """A link inside the site, with the base path in front; other links pass unchanged."""
        if ":" in path.split("/")[0] or path.startswith("//"):
            return path
        return self.config.base_path + path.lstrip("/")

    def absolute_url(self, path: str) -> str:
        """The full address when `base_url` has a host; otherwise the path from the root."""
        parts = urlsplit(self.config.base_url)
        prefix = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
        return prefix + self.url(path)

    def hours_label(self, hours: int) -> str:
        kind = "voltijds" if hours >= self.config.full_time_hours else "deeltijds"
        return f"{hours} uur per week ({kind})"

    def vacancy_files(self, vacancy: Vacancy, content: Content) -> list[OutputFile]:
        """A vacancy's page, a redirect page under each old name, and its procedure.ics (also
        under each old name, so saved calendar links keep working)."""
        view = self.vacancy_view(vacancy, content)
        source = vacancy.source.path
        files = [self.page(f"vacatures/{vacancy.slug}/index.html", "vacancy.html", view.url, source,
                           view=view)]
        files += [self.page(f"vacatures/{alias}/index.html", "redirect.html", f"/vacatures/{alias}/",
                            source, view=view, redirect=True) for alias in vacancy.aliases]
        calendar = procedure_calendar(vacancy, self.absolute_url(view.url), self.today)
        if calendar is not None:
            files += [OutputFile(f"vacatures/{slug}/procedure.ics", calendar, source)
                      for slug in (vacancy.slug, *vacancy.aliases)]
        return files

    def listed(self, vacancy: Vacancy) -> VacancyView:
        """A vacancy as the lists and feeds show it: its facts and state, not its texts."""
        return VacancyView(vacancy, vacancy_state(vacancy, self.today), Markup(""), (), ())

    def site_files(self, views: list[VacancyView], pages: tuple[Page, ...]) -> list[OutputFile]:
        """Everything besides the vacancies' own files: home, archive, pages, 404, sitemap,
        feeds and the static files. `views` are all vacancies on the site, in slug order."""
        open_views = sorted((v for v in views if v.state.is_open), key=_soonest_first)
        closed = sorted((v for v in views if not v.state.is_open), key=_newest_first)
        files = [self.page("index.html", "home.html", "/", vacancies=open_views,
                           closed_count=len(closed)),
                 self.page("vacatures/archief/index.html", "archive.html", "/vacatures/archief/",
                           vacancies=closed)]
        files += [self.page(f"{p.slug}/index.html", "page.html", f"/{p.slug}/", p.source.path,
                            page=p, body_html=self.markdown.render(p.body, set())) for p in pages]
        files.append(self.page("404.html", "404.html", "/404.html"))
        listed = ["index.html"] + [f"vacatures/{v.vacancy.slug}/index.html" for v in views] + \
                 [f.path for f in files[1:] if f.path != "404.html"]
        return files + companion_files(self, listed, views, open_views) + self.static_files()

    def vacancy_view(self, vacancy: Vacancy, content: Content) -> VacancyView:
        ids: set[str] = set()
        body = self.markdown.render(vacancy.body, ids)
        steps = tuple(self.markdown.render(step.text, ids) for step in vacancy.procedure)
        blocks = tuple(RenderedBlock(b, self.markdown.render(b.body, ids))
                       for b in map(content.block, vacancy.blocks))
        state = vacancy_state(vacancy, self.today)
        description = Markup("<p>{}</p>\n").format(vacancy.summary) + body
        posting = structured.job_posting(vacancy, state, str(description), self.config,
                                         self.absolute_url)
        return VacancyView(vacancy, state, body, steps, blocks,
                           structured.json_ld(posting) if posting else None,
                           any(step.date for step in vacancy.procedure),
                           _sections(vacancy, state, body, blocks))

    def page(self, path: str, template: str, current: str, source: str = "",
             **context: object) -> OutputFile:
        context.setdefault("redirect", False)
        html = self.env.get_template(template).render(current=current, **context)
        return OutputFile(path, html.encode("utf-8"), source)

    def asset(self, name: str) -> str:
        """The URL of a static file under its fingerprinted name."""
        return self.url(self.assets[name][0])

    def static_files(self) -> list[OutputFile]:
        files = [OutputFile(path, data) for path, data in self.assets.values()]
        return files + [OutputFile("_headers", hosting.headers_file(self.config.base_path)),
                        OutputFile(".nojekyll", b"")]


TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


class _RecordingLoader(FileSystemLoader):
    """Loads templates from the folder (following symbolic links) and remembers each source."""

    def __init__(self, folder: Path):
        super().__init__(folder, followlinks=True)
        self.read: dict[str, str] = {}

    def get_source(self, environment: Environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        self.read[template] = source
        return source, filename, uptodate


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


def _sections(vacancy: Vacancy, state: VacancyState, body: Markup,
              blocks: tuple[RenderedBlock, ...]) -> tuple[tuple[str, str], ...]:
    """The page's h2 sections in the order the vacancy template shows them."""
    def headings(html: str) -> list[tuple[str, str]]:
        return [(id_, Markup(text).striptags()) for id_, text in _H2.findall(html)]

    own = ["procedure"] + (["competenties"] if vacancy.competencies else [])
    sections = headings(body) + [(f"{key}-titel", SECTION_TITLES[key]) for key in own]
    sections += [(f"blok-{b.block.name}", b.block.title) for b in blocks]
    own = ["delen", "vragen"] + (["solliciteren"] if state.is_open else [])
    return tuple(sections + [(f"{key}-titel", SECTION_TITLES[key]) for key in own])


def _soonest_first(view: VacancyView) -> tuple:
    end = view.state.closes or view.state.selection_starts or date.max
    return (end, view.vacancy.title, view.vacancy.slug)


def _newest_first(view: VacancyView) -> tuple:
    end = view.state.closes or view.state.selection_starts or date.min
    return (-end.toordinal(), view.vacancy.title, view.vacancy.slug)


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
