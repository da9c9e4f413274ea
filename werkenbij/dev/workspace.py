"""What `serve` keeps in memory between saves, so that a save redoes only what it can change.

A save runs the same stages as `build()` (build/stages.py) with a `Memo`: a vacancy file
whose bytes did not change is not read again, a vacancy whose data and blocks did not change
is not rendered again, and a page whose bytes did not change is not inspected again. The
list pages, feeds and the site-wide checks are always redone. A change to a template, a
static file or site_config.yaml starts a new memo, so everything is redone. The site stays
in memory, checked, and `serve` answers from it (dev/serve.py): nothing is written to output/.
"""

from __future__ import annotations

from ..build.pipeline import (
    BuildOptions,
    BuildResult,
    check_settings,
    fail_on_errors,
    refuse_warnings_if_strict,
)
from ..build.stages import Memo, inspect_site, new_renderer, read_content, render_site
from ..build.workers import default_jobs
from ..checks import check_site
from ..markdown_html import MarkdownConverter
from ..models import SiteConfig
from ..problems import Severity
from ..read.config import load_config
from ..render.site import SiteRenderer
from ..render.templates import TemplateFiles


class Workspace:
    """One `serve` session's memory of the site (see the top of this module)."""

    def __init__(self, options: BuildOptions):
        self.options = options
        self.jobs = options.jobs or default_jobs()
        self.markdown = MarkdownConverter()  # keyed by the text alone; keeps the site's texts
        self.memo = Memo()
        self._renderer: SiteRenderer | None = None
        self._renderer_input: tuple | None = None
        self.files: dict[str, bytes] = {}  # the last good site, which serve answers from

    def rebuild(self) -> BuildResult:
        """Like `build()`, but into `files`; raises the same errors, and then keeps the last
        good site."""
        options = self.options
        config = load_config(options.root, options.base_url)
        renderer = self._renderer_for(config)
        content = read_content(options.root, config, options.today, options.drafts, self.markdown,
                               self.jobs, self.memo)
        self.markdown.retain(content.texts())  # what the last save no longer shows is let go
        refuse_warnings_if_strict(list(content.warnings), options.strict)
        files = {file.path: file for file in render_site(renderer, content, self.jobs, self.memo)}
        site = inspect_site(lambda path: files[path].data, {p: f.source for p, f in files.items()},
                            check_settings(options, config), content, self.jobs, self.memo)
        problems = [*content.warnings, *check_site(site)]
        fail_on_errors(problems, options.strict)
        self.files = {path: file.data for path, file in files.items()}
        return BuildResult(pages=sum(path.endswith(".html") for path in files),
                           warnings=[p for p in problems if p.severity == Severity.WARNING])

    def _renderer_for(self, config: SiteConfig) -> SiteRenderer:
        """The renderer, new (with a new memo) when the settings or any template changed: it
        is made from exactly the bytes compared here."""
        templates = TemplateFiles.read(self.options.templates_dir)
        given = (config, templates)
        if self._renderer is None or given != self._renderer_input:
            self._renderer = new_renderer(templates, config, self.options.today, self.markdown)
            self._renderer_input, self.memo = given, Memo()
        return self._renderer
