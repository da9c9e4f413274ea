"""The build, start to end: config and shared content, each vacancy as a unit (see units.py),
the pages that list them, the site-wide checks, then the swap into output/."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import jinja2

from .. import markdown_html
from ..checks import CheckSettings, PageReport, Reporter, check_site, load_built_site, run_checks
from ..checks.external import ExternalOptions
from ..models import Content, SiteConfig, Vacancy
from ..problems import BuildError, CheckFailure, ContentError, Problem, Severity, TemplateFailure
from ..read.advice import shared_warnings
from ..read.config import load_config
from ..read.content import Shared, load_shared, vacancy_paths
from ..read.vacancy_rules import check_addresses
from ..render.site import SiteRenderer, template_problem
from .cache import BuildCache, code_version, compiled_templates, digest
from .output import (
    MANIFEST,
    check_output_dir,
    discard,
    new_staging,
    prune,
    spare_tree,
    staging_dir,
    swap_in,
    write_file,
    write_manifest,
)
from .units import (
    Clock,
    SiteResult,
    UnitContext,
    UnitResult,
    check_page,
    default_jobs,
    reuse_unit,
    run_units,
    take_previous,
)

# This program's code and libraries, as loaded now (every module above is imported by now).
CODE = code_version()
FLUSH_EVERY = 250  # vacancies: write the cache entries so far, not all at the end


@dataclass(frozen=True)
class BuildOptions:
    """What the command line asked for."""

    root: Path
    output: Path
    today: date
    base_url: str | None = None
    drafts: bool = False
    strict: bool = False
    templates: Path | None = None   # default: root/templates
    external: bool = False          # also fetch external links (cached in .cache/)
    jobs: int | None = None         # worker processes; default: one per core
    use_cache: bool = True          # reuse .cache/build.sqlite3 (never changes the output)

    @property
    def templates_dir(self) -> Path:
        return self.templates or self.root / "templates"

    @property
    def cache_file(self) -> Path | None:
        return self.root / ".cache" / "build.sqlite3" if self.use_cache else None

    @property
    def spare(self) -> Path | None:
        """Where the replaced output is kept, to start the next build from (see write.py)."""
        return self.root / ".cache" / "spare-output" if self.use_cache else None


@dataclass(frozen=True)
class BuildStats:
    """How much work the build did and how much it took from the cache."""

    units_reused: int = 0       # vacancy files whose outcome came from the cache
    units_built: int = 0        # vacancy files read, rendered and checked
    texts_converted: int = 0    # Markdown texts converted (the others came from the cache)
    pages_checked: int = 0      # pages inspected (the others' reports came from the cache)
    lists_reused: bool = False  # home, archive, pages and feeds came from the previous output
    seconds: dict[str, float] = field(default_factory=dict)  # per phase, summed over processes


@dataclass(frozen=True)
class BuildResult:
    pages: int
    warnings: list[Problem] = field(default_factory=list)
    stats: BuildStats = BuildStats()


def build(options: BuildOptions) -> BuildResult:
    """Build the site into `options.output`. Raises a BuildError subclass on any mistake,
    in which case `output/` is left exactly as it was."""
    clock = Clock()
    if not options.use_cache:
        markdown_html.forget()  # without a cache means without one in memory too
    check_output_dir(options.output, options.root)
    config = load_config(options.root, options.base_url)
    shared = load_shared(options.root)
    problems = list(shared.problems)
    rels = [path.relative_to(options.root).as_posix() for path in vacancy_paths(options.root, problems)]
    cache = BuildCache(options.cache_file)
    staging = staging_dir(options.output)
    with spare_tree(options.spare, options.output) as spare:
        keep = None  # what becomes of a failed build's staging folder
        try:
            new_staging(staging, spare)
            context = _context(options, config, shared, staging, cache)
            results = _units(context, rels, options, clock)
            vacancies = [r.vacancy for r in results if r.vacancy is not None]
            problems += [p for r in results for p in r.problems] + check_addresses(vacancies)
            if any(p.severity == Severity.ERROR for p in problems):
                raise ContentError(problems)
            template_errors = [r.template_error for r in results if r.template_error]
            if template_errors:
                raise TemplateFailure(template_errors[:1])
            shown = [r for r in results if r.files]
            warnings = [w for r in shown for w in r.warnings] + shared_warnings(shared.pages, shared.blocks)
            if options.strict and warnings:
                raise ContentError(_as_errors(warnings))
            written = [path for r in shown for path, _ in r.files]
            reports = [report for r in shown for report in r.reports]
            sources = {path: r.rel for r in shown for path, _ in r.files}
            site_reports, site_paths, site_work = _site_files(context, [r.vacancy for r in shown], sources,
                                                              options.output, clock)
            _refuse_doubles(written + site_paths)
            prune(staging, written + site_paths)
            write_manifest(staging, written + site_paths)
            settings = replace(context.checks, sources=sources, severities=dict(config.check_severities),
                               external=external_options(options.root) if options.external else None)
            problems = warnings + check_site(load_built_site(
                staging, settings, reports + site_reports, written + site_paths + [MANIFEST]))
            clock.lap("check")
            _fail_on_errors(problems, options.strict)
            swap_in(staging, options.output, spare)
            cache.save()
            clock.lap("write")
        except BuildError:
            keep = spare
            raise
        finally:
            discard(staging, keep)
            cache.close()
    built = [r for r in results if r.pending is not None]
    stats = BuildStats(len(results) - len(built), len(built),
                       sum(r.converted for r in built) + site_work.texts_converted,
                       sum(r.checked for r in built) + site_work.pages_checked,
                       lists_reused=site_work.lists_reused,
                       seconds=_total([clock.seconds] + [r.seconds for r in built]))
    pages = sum(path.endswith(".html") for path in written + site_paths)
    return BuildResult(pages, [p for p in problems if p.severity == Severity.WARNING], stats)


def _total(timings: list[dict[str, float]]) -> dict[str, float]:
    return {phase: sum(t.get(phase, 0.0) for t in timings) for phase in ("load", "render", "write", "check")}


def _context(options: BuildOptions, config: SiteConfig, shared: Shared, staging: Path,
             cache: BuildCache) -> UnitContext:
    renderer = _renderer(options, config)
    checks = CheckSettings(config.base_path, {}, options.output.name, options.root)
    # Everything a vacancy's files depend on besides the file itself and its blocks.
    unit_key = digest(CODE, renderer.fingerprint(), markdown_html.markdown_settings(), repr(config),
                      options.today.isoformat(), f"drafts={options.drafts}", repr(checks))
    return UnitContext(options.root, config, Content((), shared.pages, shared.blocks), options.today,
                       options.drafts, renderer, checks, digest(CODE, repr(checks)),
                       staging, cache, unit_key)


def _renderer(options: BuildOptions, config: SiteConfig) -> SiteRenderer:
    """The renderer, with the vacancy templates compiled once (before any worker starts)."""
    try:
        compiled = compiled_templates(options.cache_file.parent) if options.cache_file else None
        renderer = SiteRenderer(options.templates_dir, config, options.today, compiled)
        renderer.fingerprint()  # compiles every template now, before any worker starts
    except jinja2.TemplateError as error:
        raise TemplateFailure([template_problem(error, options.templates_dir)]) from None
    return renderer


def _units(context: UnitContext, rels: list[str], options: BuildOptions,
           clock: Clock) -> list[UnitResult]:
    """Every vacancy file's outcome, in file order: from the cache where its key and the
    previous output still match, otherwise worked out (in parallel when there are many)."""
    outcomes: dict[str, UnitResult] = {}
    seen: dict = {}
    for rel in rels:
        cached = reuse_unit(context, unit_key(context, rel, digest((options.root / rel).read_bytes())),
                            options.output)
        if cached is not None:
            cached.reports = tuple(report.shared(seen) for report in cached.reports)
            outcomes[rel] = cached
    missing = [rel for rel in rels if rel not in outcomes]
    clock.lap("load")  # what the main process does itself; the units count their own time
    with contextlib.closing(run_units(context, missing, options.jobs or default_jobs())) as fresh:
        for result in fresh:
            _keep(context, result, outcomes, seen)
    clock.restart()
    return [outcomes[rel] for rel in rels]


def _keep(context: UnitContext, result: UnitResult, outcomes: dict[str, UnitResult],
          seen: dict) -> None:
    """Take over a fresh unit's cache entries and keep what the rest of the build needs."""
    context.cache.merge(result.pending)
    result.pending = {}  # handed to the cache: not kept for every vacancy until the end
    result.reports = tuple(report.shared(seen) for report in result.reports)
    if not result.template_error and not any(p.severity == Severity.ERROR for p in result.problems):
        # Keyed by the bytes the unit read, which may be newer than those hashed for reuse.
        context.cache.put_object("units", unit_key(context, result.rel, result.digest),
                                 replace(result, pending=None))
    outcomes[result.rel] = result
    if len(outcomes) % FLUSH_EVERY == 0:
        context.cache.flush()


def unit_key(context: UnitContext, rel: str, file_digest: str) -> str:
    return digest(context.unit_key, rel, file_digest)


def _site_files(context: UnitContext, vacancies: list[Vacancy], sources: dict[str, str],
                output: Path, clock: Clock) -> tuple[list[PageReport], list[str], BuildStats]:
    """Home, archive, pages, 404, feeds and static files: written and their pages checked.
    They depend on the listed vacancies (without their texts), the pages and what every
    vacancy depends on, so editing a vacancy's text reuses them from the previous output."""
    key = digest(context.unit_key, repr(vacancies), repr(context.shared.pages))
    cached = context.cache.get_object("units", key)
    if isinstance(cached, SiteResult) and take_previous(context, cached.files, output):
        context.cache.used("units", key)
        sources.update(cached.sources)
        clock.lap("write")
        return list(cached.reports), [path for path, _ in cached.files], BuildStats(lists_reused=True)
    renderer = context.renderer
    converted, checked = markdown_html.STORE.converted, 0
    markdown_html.STORE.cache = context.cache
    try:
        files = renderer.site_files([renderer.listed(v) for v in vacancies], context.shared.pages)
    except jinja2.TemplateError as error:
        raise TemplateFailure([template_problem(error, renderer.templates)]) from None
    finally:
        markdown_html.STORE.cache = None
    clock.lap("render")
    own_sources = tuple((f.path, f.source) for f in files if f.source)
    origins = {page.source.path: page.source for page in context.shared.pages}
    sources.update(own_sources)
    reporter = Reporter(replace(context.checks, sources=sources))
    reports = []
    for file in files:
        write_file(context.staging, file.path, file.data)
        clock.lap("write")
        if file.path.endswith(".html"):
            report, fresh = check_page(context, reporter, file.path, file.data, origins.get(file.source))
            reports.append(report)
            checked += fresh
            clock.lap("check")
    context.cache.put_object("units", key, SiteResult(
        tuple((f.path, digest(f.data)) for f in files), tuple(reports), own_sources))
    work = BuildStats(texts_converted=markdown_html.STORE.converted - converted, pages_checked=checked)
    return reports, [f.path for f in files], work


def _refuse_doubles(paths: list[str]) -> None:
    if len(paths) != len(set(paths)):  # the content rules should make this impossible
        raise RuntimeError(f"two files for one path: {sorted(p for p in set(paths) if paths.count(p) > 1)}")


def external_options(root: Path) -> ExternalOptions:
    return ExternalOptions(cache_file=root / ".cache" / "external-links.json")


def check_folder(folder: Path, config: SiteConfig, strict: bool = False,
                 external: ExternalOptions | None = None) -> list[Problem]:
    """Check an already built folder; raises CheckFailure when it fails."""
    settings = CheckSettings(config.base_path, {}, folder.name, None, dict(config.check_severities),
                             external)
    problems = run_checks(folder, settings)
    _fail_on_errors(problems, strict)
    return problems


def _fail_on_errors(problems: list[Problem], strict: bool) -> None:
    if strict and problems:
        raise CheckFailure(_as_errors(problems))
    if any(p.severity == Severity.ERROR for p in problems):
        raise CheckFailure(problems)


def _as_errors(problems: list[Problem]) -> list[Problem]:
    """With --strict a warning fails the build, so it is reported as what it then is."""
    return [replace(p, severity=Severity.ERROR) for p in problems]
