"""The summary of a proposed change, for GitHub's job summary: every vacancy file with its state,
its closing date and what the build says about it, in Dutch Markdown.

It reads the content the way the build does (same readers, same closing logic) and builds
nothing: `output/` is never touched, and the build step is what fails a run, not this. The rows
are in the order of their file paths, as GitHub lists a pull request's changed files. A draft or
a vacancy still to come also gets the advice the build gives once it is online (read/advice.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .markdown import overview_markdown
from .rows import read_overview


def summary_markdown(root: Path, today: date, only: list[str] | None = None) -> str:
    """The summary of the project at `root` as on `today`. `only`: project-relative paths of
    vacancy files (content/vacatures/x.md) to list; the other files' rows are left out.
    Raises UsageError when a path in `only` is not a vacancy file of the project."""
    return overview_markdown(read_overview(root, today, only))
