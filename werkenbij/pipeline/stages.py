"""The stages of a build, each one named call: read the content, render the site, inspect its
pages. `pipeline.run_stages` runs them in order: once for a build, streaming the pages through
a staging folder, and on every save for `serve`, with a `Memo`, so that only what the saved
file can change is worked out again. Each stage may run its work in worker processes (see
workers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import jinja2

from ..checks import BuiltSite, CheckSettings, PageReport, ProblemMaker, built_site, inspect_page
from ..inputs import InputRefused, read_input
from ..markdown_html import MarkdownConverter
from ..models import OutputFile, SiteConfig
from ..problems import ContentError, Problem, TemplateFailure
from ..read.content import ReadVacancy, VacancyReader, assemble_content, read_vacancies
from ..render.site import SiteRenderer, template_problem
from ..render.templates import TemplateFiles
from ..vacancy import Block, Content, Vacancy
from .workers import remembered, run_all


@dataclass
class Memo:
    """What `serve` keeps between saves. Each entry is keyed by the whole input it was worked
    out from (see `workers.remembered`), so none can be stale; a change to a template or to
    site_config.yaml starts over (see `renderer_for`)."""

    markdown: MarkdownConverter = field(default_factory=MarkdownConverter)  # keyed by the text
    renderer: SiteRenderer | None = None
    made_from: tuple = ()  # what `renderer` was made from
    reads: dict = field(default_factory=dict)    # reader -> (file, bytes) -> ReadVacancy
    renders: dict = field(default_factory=dict)  # VacancyPages -> (vacancy, blocks) -> its files
    reports: dict = field(default_factory=dict)  # (page, bytes, its content file) -> PageReport
    shared_values: dict = field(default_factory=dict)  # what the reports share, kept once

    def renderer_for(self, templates: TemplateFiles, config: SiteConfig, today: date) -> SiteRenderer:
        """The kept renderer, or a new one when the settings or any template changed (it is
        made from exactly the values compared here); then the rest is forgotten too: the
        reports, for one, are not keyed by the settings they were checked with."""
        if self.renderer is None or (templates, config, today) != self.made_from:
            self.renderer = new_renderer(templates, config, today, self.markdown)
            self.made_from = (templates, config, today)
            for kept in (self.reads, self.renders, self.reports, self.shared_values):
                kept.clear()
        return self.renderer


def read_content(root: Path, config: SiteConfig, today: date, drafts: bool,
                 markdown: MarkdownConverter, jobs: int = 1, memo: Memo | None = None) -> Content:
    """Every content file read and validated; raises ContentError with all mistakes at once."""
    def in_workers(reader: VacancyReader, files: list[str]) -> Iterator[ReadVacancy]:
        if memo is None:  # each file is read where it is parsed, not all of them here first
            return run_all(reader, [(rel,) for rel in files], jobs)
        try:  # remembered by the bytes: a file that did not change is not parsed again
            data = [(rel, read_input(root / rel, root, looked=True)) for rel in files]
        except InputRefused as refused:  # changed since content_paths looked at it
            raise ContentError([refused.problem]) from None
        return remembered(reader, data, jobs, memo.reads)

    shared, read, problems = read_vacancies(root, config, today, drafts, markdown, read_all=in_workers)
    for outcome in read.values():  # the renderer reads the HTML the content rules already converted
        markdown.remember(outcome.converted)
    content = assemble_content(shared, list(read.values()), problems, today, drafts)
    if memo is not None:  # what the site no longer shows is let go
        markdown.retain(content.texts())
    return content


def new_renderer(templates: TemplateFiles, config: SiteConfig, today: date,
                 markdown: MarkdownConverter) -> SiteRenderer:
    """The renderer, every template compiled; a broken template is a TemplateFailure."""
    try:
        return SiteRenderer(templates, config, today, markdown)
    except jinja2.TemplateError as error:
        raise TemplateFailure([template_problem(error, templates.folder)]) from None


@dataclass(frozen=True)
class VacancyPages:
    """A vacancy's own files (see SiteRenderer.vacancy_files); a template error comes back as
    its problem, so that it can travel from a worker process."""

    renderer: SiteRenderer  # compared by identity: a new renderer is a new key

    def __call__(self, vacancy: Vacancy, blocks: tuple[Block, ...],
                 similar: tuple[Vacancy, ...] = ()) -> list[OutputFile] | Problem:
        try:
            return self.renderer.vacancy_files(vacancy, blocks, similar)
        except jinja2.TemplateError as error:
            return template_problem(error, self.renderer.templates)


def render_site(renderer: SiteRenderer, content: Content, jobs: int = 1,
                memo: Memo | None = None) -> Iterator[OutputFile]:
    """Every file of the site, one after the other: the vacancies' own, then the rest."""
    similar = renderer.similar_index(content.vacancies)
    items = [(v, tuple(map(content.block, v.blocks)), similar.similar_to(v)) for v in content.vacancies]
    for files in remembered(VacancyPages(renderer), items, jobs, memo.renders if memo else None):
        if not isinstance(files, list):
            raise TemplateFailure([files])
        yield from files
    try:
        site_files = renderer.site_files(content)
    except jinja2.TemplateError as error:
        raise TemplateFailure([template_problem(error, renderer.templates)]) from None
    yield from site_files


@dataclass(frozen=True)
class PageInspector:
    read: Callable[[str], bytes]
    maker: ProblemMaker

    def __call__(self, path: str) -> PageReport:
        return inspect_page(path, self.read(path), self.maker)


def inspect_site(read: Callable[[str], bytes], written: dict[str, str], settings: CheckSettings,
                 content: Content, jobs: int = 1, memo: Memo | None = None) -> BuiltSite:
    """Each page parsed once, with its page rules applied: what the site-wide checks read.
    `written` maps every file of the site to the content file it came from ('' for none).
    As in rendering, the few site pages are done here and the many vacancy pages in workers:
    the list pages are the largest, and a worker would keep the memory their trees took."""
    settings = replace(settings, sources={path: source for path, source in written.items() if source})
    inspector = PageInspector(read, ProblemMaker(settings))
    pages = sorted(path for path in written if path.endswith(".html"))
    of_vacancies = {vacancy.source.path for vacancy in content.vacancies}
    site_pages = [page for page in pages if written[page] not in of_vacancies]
    vacancy_pages = [page for page in pages if written[page] in of_vacancies]
    if memo is None:
        seen: dict = {}  # strings and id sets that many reports share, kept once (see deduplicated)
        found = {page: inspector(page).deduplicated(seen) for page in site_pages}
        found.update((page, report.deduplicated(seen)) for page, report in zip(
            vacancy_pages, run_all(inspector, [(page,) for page in vacancy_pages], jobs), strict=True))
        reports = [found[page] for page in pages]
    else:
        reports = _remembered_reports(inspector, site_pages, vacancy_pages, content, jobs, memo)
    return built_site(read, set(written), settings, reports)


def _remembered_reports(inspector: PageInspector, site_pages: list[str], vacancy_pages: list[str],
                        content: Content, jobs: int, memo: Memo) -> list[PageReport]:
    """Only reports that found nothing are kept: a finding quotes lines of its content file as
    they are on disk, which the key (the page, its bytes, its content file as read) does not
    pin down."""
    written = inspector.maker.settings.sources
    origins = {item.source.path: item.source for item in (*content.vacancies, *content.pages)}
    keys = {page: (page, inspector.read(page), origins.get(written.get(page, "")))
            for page in (*site_pages, *vacancy_pages)}
    found = {page: inspector(page) for page in site_pages if keys[page] not in memo.reports}
    missing = [page for page in vacancy_pages if keys[page] not in memo.reports]
    found.update(zip(missing, run_all(inspector, [(page,) for page in missing], jobs), strict=True))
    for key in memo.reports.keys() - set(keys.values()):
        del memo.reports[key]
    memo.reports.update((keys[page], report.deduplicated(memo.shared_values))
                        for page, report in found.items() if not report.found)
    return [found[page] if page in found else memo.reports[keys[page]] for page in sorted(keys)]
