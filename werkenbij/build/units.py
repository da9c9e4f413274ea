"""One vacancy file from start to end: read, validate, render, write, check.

A vacancy's own files (its page, redirect pages under old names, its procedure.ics) depend on
that file, the blocks it names, the templates, the site configuration, the build date and the
code, and on nothing else: not on the other vacancies. So each vacancy is a unit of work that
can run in any process, in any order, and whose outcome can be kept in the build cache under
a key made of exactly those inputs. The main process only keeps what the lists, the feeds and
the site-wide checks need (`UnitResult`), never all pages at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import jinja2

from .. import markdown_html
from ..checks import CheckSettings, PageReport, Reporter, inspect_page
from ..models import Content, SiteConfig, Source, Vacancy
from ..problems import Problem
from ..read.advice import vacancy_warnings
from ..read.content import read_vacancy
from ..render.site import SiteRenderer, template_problem
from .cache import BuildCache, digest
from .output import copy_file, write_file

CHUNK = 8           # vacancies handed to a worker at a time
IN_PROCESS_BELOW = 24  # fewer vacancies than this to do are not worth starting workers for


@dataclass(frozen=True)
class UnitContext:
    """What every unit of one build shares; set before the workers start (they inherit it)."""

    root: Path
    config: SiteConfig
    shared: Content            # the pages and blocks (no vacancies)
    today: date
    drafts: bool
    renderer: SiteRenderer
    checks: CheckSettings
    check_key: str             # the code and check settings, for the per-page check cache
    staging: Path
    cache: BuildCache
    unit_key: str              # everything a unit depends on besides its file and its blocks


@dataclass
class UnitResult:
    """What the main process keeps of one vacancy file."""

    rel: str
    vacancy: Vacancy | None              # without its texts (see `_listed`); None with errors
    problems: list[Problem]              # from reading the file (errors stop the build)
    warnings: list[Problem]              # advice for the editor
    files: tuple[tuple[str, str], ...] = ()   # (output path, hash of its bytes)
    reports: tuple[PageReport, ...] = ()
    blocks: tuple[tuple[str, str | None], ...] = ()  # (block name, hash of its file) used
    digest: str = ""                     # of the file's bytes as read: its cache key is made of it
    template_error: Problem | None = None
    pending: dict | None = field(default_factory=dict)  # cache entries added; None: from the cache
    converted: int = 0                   # Markdown texts converted for this unit
    checked: int = 0                     # pages inspected (not taken from the cache)
    seconds: dict[str, float] = field(default_factory=dict)  # per phase: load, render, write, check


_CONTEXT: UnitContext | None = None


def process(rel: str) -> UnitResult:
    """Read, validate, render, write and check one vacancy file (in whichever process)."""
    context = _CONTEXT
    assert context is not None
    converted = markdown_html.STORE.converted
    result = _process(context, rel)
    result.converted = markdown_html.STORE.converted - converted
    result.pending = context.cache.take_pending()
    return result


def _process(context: UnitContext, rel: str) -> UnitResult:
    clock = Clock()
    block_names = {block.name for block in context.shared.blocks}
    vacancy, problems = read_vacancy(context.root / rel, context.root, context.config, block_names)
    if vacancy is None:
        return UnitResult(rel, None, problems, [], seconds=clock.lap("load"))
    visible = (context.drafts or not vacancy.draft) and \
        (vacancy.published is None or vacancy.published <= context.today)
    result = UnitResult(rel, _listed(vacancy), problems,
                        vacancy_warnings(vacancy, context.today) if visible else [],
                        blocks=block_hashes(context.shared, vacancy.blocks),
                        digest=vacancy.source.digest, seconds=clock.lap("load"))
    if visible:
        try:
            files = context.renderer.vacancy_files(vacancy, context.shared)
        except jinja2.TemplateError as error:
            result.template_error = template_problem(error, context.renderer.templates)
            return result
        clock.lap("render")
        written, reports = [], []
        reporter = Reporter(replace(context.checks, sources={f.path: rel for f in files}))
        for file in files:
            write_file(context.staging, file.path, file.data)
            written.append((file.path, digest(file.data)))
            clock.lap("write")
            if file.path.endswith(".html"):
                report, fresh = check_page(context, reporter, file.path, file.data, vacancy.source)
                reports.append(report)
                result.checked += fresh
                clock.lap("check")
        result.files, result.reports = tuple(written), tuple(reports)
    return result


@dataclass(frozen=True)
class SiteResult:
    """What the files besides the vacancies' own became: home, archive, pages, feeds, static."""

    files: tuple[tuple[str, str], ...]     # (output path, hash of its bytes)
    reports: tuple[PageReport, ...]
    sources: tuple[tuple[str, str], ...]   # (output page, content file) for the pages


class Clock:
    """Seconds spent per phase, for the benchmark (`BuildStats.seconds`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, phase: str) -> dict[str, float]:
        now = time.perf_counter()
        self.seconds[phase] = self.seconds.get(phase, 0.0) + now - self._last
        self._last = now
        return self.seconds

    def restart(self) -> None:
        """Do not count the time since the last lap (spent waiting for the workers)."""
        self._last = time.perf_counter()


def check_page(context: UnitContext, reporter: Reporter, path: str, data: bytes,
               origin: Source | None) -> tuple[PageReport, bool]:
    """The page's check report, from the cache when these bytes were checked before (with
    the same source file, whose lines the report points at); True when it was inspected."""
    cache = context.cache
    if not cache.enabled:
        return inspect_page(path, data, reporter), True
    key = digest(context.check_key, path, data, repr(origin))
    report = cache.get_object("checks", key)
    if isinstance(report, PageReport):
        cache.used("checks", key)
        return report, False
    report = inspect_page(path, data, reporter)
    cache.put_object("checks", key, report)
    return report, True


def reuse_unit(context: UnitContext, key: str, output: Path) -> UnitResult | None:
    """The cached outcome of a unit, with its files put in staging from the previous output,
    when the blocks it used are unchanged and the previous output still holds its files."""
    result = context.cache.get_object("units", key)
    if not isinstance(result, UnitResult) or result.vacancy is None:
        return None
    if block_hashes(context.shared, tuple(name for name, _ in result.blocks)) != result.blocks:
        return None
    if not take_previous(context, result.files, output):
        return None
    context.cache.used("units", key)
    return result


def take_previous(context: UnitContext, files: tuple[tuple[str, str], ...], output: Path) -> bool:
    """Put files from the previous output in staging, if each still has the bytes it had
    when it was written (its hash); otherwise take none of them and say so."""
    for path, expected in files:
        try:
            if digest((output / path).read_bytes()) != expected:
                return False
        except OSError:
            return False
    for path, _ in files:
        copy_file(context.staging, path, output / path)
    return True


def block_hashes(shared: Content, names: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """The hash of each named block's file as this build read it (None: there is no such block)."""
    read = {block.name: block.source.digest for block in shared.blocks}
    return tuple((name, read.get(name)) for name in names)


def _listed(vacancy: Vacancy) -> Vacancy:
    """The vacancy without the texts only its own page shows: the main process keeps one of
    these per vacancy, so at 5,000 vacancies their texts must not come along."""
    return replace(vacancy, body="", competencies=(), source=replace(vacancy.source, digest=""),
                   procedure=tuple(replace(step, text="") for step in vacancy.procedure))


def run_units(context: UnitContext, rels: list[str], jobs: int) -> Iterator[UnitResult]:
    """Process the files, in order; in `jobs` worker processes when there are enough of them."""
    global _CONTEXT
    _CONTEXT = context
    markdown_html.STORE.cache = context.cache
    try:
        if jobs <= 1 or len(rels) < IN_PROCESS_BELOW or "fork" not in \
                multiprocessing.get_all_start_methods():
            for rel in rels:
                yield process(rel)
            return
        # Forked workers inherit the context, the compiled templates and the loaded modules;
        # never an open database connection (each worker opens its own).
        context.cache.close()
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals) as pool:
            yield from pool.imap(process, rels, chunksize=CHUNK)
    finally:
        _CONTEXT = None
        markdown_html.STORE.cache = None


def _worker_signals() -> None:
    """Ctrl-C and SIGTERM are the main process's to handle: it stops the workers and leaves
    output/ as it was."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
