"""What `serve` keeps in memory between saves, so that a save redoes only what it can change.

A save runs the same stages as `build()` (pipeline/pipeline.py `run_stages`) with a `Memo`: a
vacancy file whose bytes did not change is not read again, a vacancy whose data and blocks did
not change is not rendered again, and a page whose bytes did not change is not inspected again.
The list pages, feeds and the site-wide checks are always redone. A change to a template, a
static file or site_config.yaml starts the memo over, so everything is redone. The site stays
in memory, checked, and `serve` answers from it (dev/serve.py): nothing is written to output/.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType

from ..models import OutputFile
from ..pipeline.pipeline import BuildOptions, BuildResult, run_stages
from ..pipeline.stages import Memo


class Workspace:
    """One `serve` session's memory of the site (see the top of this module)."""

    def __init__(self, options: BuildOptions):
        self.options = options
        self.memo = Memo()
        self.files: dict[str, bytes] = {}  # the last good site, which serve answers from

    def rebuild(self) -> BuildResult:
        """Like `build()`, but into `files`; raises the same errors, and then keeps the last
        good site."""
        site = SiteInMemory()
        result = run_stages(self.options, site, self.memo)
        self.files = site.files
        return result


class SiteInMemory:
    """Where a save puts the site (the sink of `run_stages`, as a staging folder is for a build)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def __enter__(self) -> SiteInMemory:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        pass

    def write_all(self, files: Iterable[OutputFile]) -> dict[str, str]:
        written = {}
        for file in files:
            self.files[file.path] = file.data
            written[file.path] = file.source
        return written

    def read(self, path: str) -> bytes:
        return self.files[path]

    def swap_in(self) -> None:
        """Nothing to move: `Workspace.rebuild` takes `files` once every check passed."""
