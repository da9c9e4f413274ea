"""The build, start to end: read all, validate all, render all, write to staging, check, swap."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import jinja2

from .advice import content_warnings
from .checks import CheckSettings, run_checks
from .checks.external import ExternalOptions
from .config import load_config
from .content import load_content
from .models import SiteConfig
from .problems import CheckFailure, ContentError, Problem, Severity, TemplateFailure
from .render import render_site
from .write import check_output_dir, discard, staging_dir, swap_in, write_staging


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

    @property
    def templates_dir(self) -> Path:
        return self.templates or self.root / "templates"


@dataclass(frozen=True)
class BuildResult:
    pages: int
    warnings: list[Problem] = field(default_factory=list)


def build(options: BuildOptions) -> BuildResult:
    """Build the site into `options.output`. Raises a BuildError subclass on any mistake,
    in which case `output/` is left exactly as it was."""
    check_output_dir(options.output, options.root)
    config = load_config(options.root, options.base_url)
    content = load_content(options.root, config, drafts=options.drafts).visible(options.today)
    warnings = content_warnings(content, options.today)
    if options.strict and warnings:
        raise ContentError(_as_errors(warnings))
    files = _render(options, config, content)
    sources = {f.path: f.source for f in files if f.source}
    staging = staging_dir(options.output)
    try:
        write_staging(files, staging)
        settings = CheckSettings(config.base_path, sources, options.output.name, options.root,
                                 dict(config.check_severities),
                                 external_options(options.root) if options.external else None)
        problems = warnings + run_checks(staging, settings)
        _fail_on_errors(problems, options.strict)
        swap_in(staging, options.output)
    finally:
        discard(staging)
    pages = sum(f.path.endswith(".html") for f in files)
    return BuildResult(pages, [p for p in problems if p.severity == Severity.WARNING])


def _render(options: BuildOptions, config: SiteConfig, content) -> list:
    try:
        return render_site(options.templates_dir, config, content, options.today)
    except jinja2.TemplateError as error:
        path, line = _template_location(error, options.templates_dir)
        raise TemplateFailure([Problem(path, line, 0, f"Fout in een sjabloon: {error.message or error}.",
                                       "Herstel het sjabloon; de inhoud is niet de oorzaak.")]) from None


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
