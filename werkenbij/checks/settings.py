"""How the checks run: what the build or `build.py check` tells them (settings of every check,
and the options of the external one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..policy import CheckLevel


@dataclass(frozen=True, kw_only=True)
class ExternalOptions:
    cache_file: Path            # JSON cache of results
    cache_days: float = 7.0     # a cached result older than this is fetched again
    timeout: float = 10.0       # seconds per request
    retries: int = 2            # extra tries after 429/503/time-out
    concurrency: int = 8        # at most this many requests at once
    max_backoff: float = 30.0   # never wait longer than this for one retry (also caps Retry-After)
    user_agent: str = "werkenbij-linkcheck/1.0"


@dataclass(frozen=True, kw_only=True)
class CheckSettings:
    """How to read a built site.

    `sources` maps output pages to the content files they came from (empty for a folder built
    elsewhere); `root` is the project folder those paths are relative to, used to trace a
    failure back to a line. `shown_as` is the folder name used in the report.
    `severities` overrides how a check's failures count; `external` turns on fetching
    external links.
    """

    base_path: str = "/"
    sources: dict[str, str] = field(default_factory=dict)
    shown_as: str = "output"
    root: Path | None = None
    severities: dict[str, CheckLevel] = field(default_factory=dict)
    external: ExternalOptions | None = None   # None: external links are not fetched
