"""What `serve` keeps in memory between saves, so that a save redoes only what it can change.

A save runs the same stages as `build()` (build/stages.py) with a `Memo`: a vacancy file
whose bytes did not change is not read again, a vacancy whose data and blocks did not change
is not rendered again, and a page whose bytes did not change is not inspected again. The
list pages, feeds and the site-wide checks are always redone. A change to a template, a
static file or site_config.yaml starts a new memo, so everything is redone. The site is
checked in memory first; only then are the files that changed written into output/.
"""

from __future__ import annotations

from pathlib import Path

from ..build.output import guard_output_dir, sync_folder
from ..build.pipeline import (
    BuildOptions,
    BuildResult,
    check_settings,
    fail_on_errors,
    refuse_warnings_if_strict,
)
from ..build.stages import Memo, inspect_site, read_content, render_site
from ..build.workers import default_jobs
from ..checks import check_site
from ..markdown_html import MarkdownConverter
from ..models import SiteConfig
from ..problems import Severity
from ..read.config import load_config
from ..render.site import SiteRenderer


class Workspace:
    def __init__(self, options: BuildOptions):
        self.options = options
        self.jobs = options.jobs or default_jobs()
        self.markdown = MarkdownConverter()  # keyed by the text alone: valid for the whole session
        self.memo = Memo()
        self._renderer: SiteRenderer | None = None
        self._renderer_input: tuple | None = None
        self.published: dict[str, bytes] | None = None  # output/ as this workspace last wrote it

    def rebuild(self) -> BuildResult:
        """Like `build()`; raises the same errors, and leaves output/ alone when it does."""
        options = self.options
        config = load_config(options.root, options.base_url)
        renderer = self._renderer_for(config)
        content = read_content(options.root, config, options.today, options.drafts, self.markdown,
                               self.jobs, self.memo)
        refuse_warnings_if_strict(list(content.warnings), options.strict)
        files = {file.path: file for file in render_site(renderer, content, self.jobs, self.memo)}
        site = inspect_site(lambda path: files[path].data, {p: f.source for p, f in files.items()},
                            check_settings(options, config), content, self.jobs, self.memo)
        problems = [*content.warnings, *check_site(site)]
        fail_on_errors(problems, options.strict)
        self._publish({path: file.data for path, file in files.items()})
        return BuildResult(pages=sum(path.endswith(".html") for path in files),
                           warnings=[p for p in problems if p.severity == Severity.WARNING])

    def _renderer_for(self, config: SiteConfig) -> SiteRenderer:
        """The renderer, new (with a new memo) when the settings or any template changed."""
        templates = self.options.templates_dir
        given = (config, tuple((path, path.read_bytes()) for path in _files(templates)))
        if self._renderer is None or given != self._renderer_input:
            self._renderer = SiteRenderer(templates, config, self.options.today, self.markdown)
            self._renderer_input, self.memo = given, Memo()
        return self._renderer

    def _publish(self, files: dict[str, bytes]) -> None:
        """Write what changed since the last save (everything, the first time: then output/
        is replaced whole, so it must hold nothing but an earlier build)."""
        if self.published is None:
            guard_output_dir(self.options.output, self.options.root)
        try:
            sync_folder(self.options.output, files, self.published)
        except BaseException:
            self.published = None  # not known any more: the next save writes everything
            raise
        self.published = files


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())
