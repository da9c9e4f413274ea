"""The build, top to bottom: read all, validate all, render, write, check, swap (MkDocs' order).

`output/` changes only when every stage succeeded: the site is written into a staging folder
beside it, checked there, and swapped in at once (pipeline/output.py). `serve` runs the same
stages (`run_stages`) with a sink in memory and a `Memo` that keeps what a save cannot change
(dev/workspace.py); a build has no memo: every build is a whole one.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Protocol

from ..checks import CheckSettings, ExternalOptions, check_site, run_checks
from ..markdown_html import MarkdownConverter
from ..models import OutputFile, SiteConfig
from ..problems import CheckFailure, ContentError, Problem, Severity
from ..read.config import load_config
from ..render.templates import TemplateFiles
from .output import Staging, guard_output_dir
from .stages import Memo, inspect_site, new_renderer, read_content, render_site
from .swap import recover_output
from .workers import default_jobs


@dataclass(frozen=True, kw_only=True)
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

    @property
    def templates_dir(self) -> Path:
        return self.templates or self.root / "templates"


@dataclass(frozen=True, kw_only=True)
class BuildResult:
    pages: int
    warnings: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage


def build(options: BuildOptions) -> BuildResult:
    """Build the site into `options.output`. Raises a BuildError subclass on any mistake,
    in which case `output/` is left exactly as it was."""
    guard_output_dir(options.output, options.root)
    recover_output(options.output)  # what killed builds left beside it
    return run_stages(options, Staging(options.output))


class Sink(Protocol):
    """Where `run_stages` puts the site: a staging folder that replaces output/ (a build, see
    output.Staging), or memory that serve answers from (dev/workspace.py). It is entered only
    after all content was read; left without `swap_in`, it leaves the last good site alone."""

    def __enter__(self) -> Sink: ...
    def __exit__(self, kind: type | None, error: BaseException | None,
                 trace: TracebackType | None) -> None: ...
    def write_all(self, files: Iterable[OutputFile]) -> dict[str, str]: ...  # path -> its source
    def read(self, path: str) -> bytes: ...
    def swap_in(self) -> None: ...


def run_stages(options: BuildOptions, sink: Sink, memo: Memo | None = None) -> BuildResult:
    """The stages in order, the site put into `sink` and swapped in once every check passed.
    `memo`: what serve keeps between saves (None: a whole build, which keeps nothing)."""
    timings, jobs = Timings(), options.jobs or default_jobs()
    markdown = memo.markdown if memo else MarkdownConverter()
    with timings.stage("read"):  # everything, so that no mistake waits for the render
        config = load_config(options.root, options.base_url)
        templates = TemplateFiles.read(options.templates_dir)
        renderer = memo.renderer_for(templates, config, options.today) if memo else \
            new_renderer(templates, config, options.today, markdown)
        content = read_content(options.root, config, options.today, options.drafts, markdown, jobs, memo)
        refuse_warnings_if_strict(list(content.warnings), options.strict)
    with sink:
        with timings.stage("render and write"):  # streamed: a build never holds the site whole
            written = sink.write_all(render_site(renderer, content, jobs, memo))
        with timings.stage("check"):
            site = inspect_site(sink.read, written, check_settings(options, config), content, jobs, memo)
            problems = [*content.warnings, *check_site(site)]
            fail_on_errors(problems, options.strict)
        with timings.stage("swap"):
            sink.swap_in()
    return BuildResult(pages=sum(path.endswith(".html") for path in written),
                       warnings=[p for p in problems if p.severity == Severity.WARNING],
                       seconds=timings.seconds)


class Timings:
    """Wall time per stage, for the benchmark (BuildResult.seconds)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def check_settings(options: BuildOptions, config: SiteConfig) -> CheckSettings:
    return CheckSettings(base_path=config.base_path, shown_as=options.output.name, root=options.root,
                         severities=dict(config.check_severities),
                         external=external_options(options.root) if options.external else None)


def external_options(root: Path) -> ExternalOptions:
    return ExternalOptions(cache_file=root / ".cache" / "external-links.json")


def check_folder(folder: Path, config: SiteConfig, strict: bool = False,
                 external: ExternalOptions | None = None) -> list[Problem]:
    """Check an already built folder; raises CheckFailure when it fails."""
    settings = CheckSettings(base_path=config.base_path, shown_as=folder.name,
                             severities=dict(config.check_severities), external=external)
    problems = run_checks(folder, settings)
    fail_on_errors(problems, strict)
    return problems


def refuse_warnings_if_strict(warnings: list[Problem], strict: bool) -> None:
    if strict and warnings:
        raise ContentError(_as_errors(warnings))


def fail_on_errors(problems: list[Problem], strict: bool) -> None:
    if strict and problems:
        raise CheckFailure(_as_errors(problems))
    if any(p.severity == Severity.ERROR for p in problems):
        raise CheckFailure(problems)


def _as_errors(problems: list[Problem]) -> list[Problem]:
    """With --strict a warning fails the build, so it is reported as what it then is."""
    return [replace(p, severity=Severity.ERROR) for p in problems]
