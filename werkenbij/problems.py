"""The closed vocabulary of things that can go wrong, and the exceptions that carry them.

Every stage collects `Problem` values instead of raising on the first mistake, so an editor
fixes ten mistakes in one round. A stage that found errors raises one exception holding all
of them; the CLI maps each exception class to an exit code in one place (the EXIT_* below).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake, told to a person: where it is, what is wrong and how to fix it.

    `path` is relative to the project root (a content file, the config, or an output page);
    `line` and `column` are 1-based, 0 when unknown. Failures of the output checks also name
    the `check`, the offending `element` and the content file (`origin`) the page came from,
    with the line in it (`origin_line`) where it could be traced. `key` is the YAML key the
    problem is about, as a path (`("salary", 0, "min")`), when a reader knows it: tools that
    ask for the value another way (the issue form) find their own question from it.
    """

    path: str
    line: int
    column: int
    message: str
    fix: str = ""
    _: KW_ONLY  # the rest by name: a Problem has too many fields to read by position
    severity: Severity = Severity.ERROR
    check: str = ""
    element: str = ""
    origin: str = ""
    origin_line: int = 0
    key: tuple[str | int, ...] = ()

    @property
    def location(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where


class BuildError(Exception):
    """Base class: a build that must stop, carrying the problems that stopped it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


class ConfigError(BuildError):
    """`site_config.yaml` is missing or wrong."""


class ContentError(BuildError):
    """One or more content files are wrong."""


class TemplateFailure(BuildError):
    """A Jinja2 template in templates/ is wrong: a developer's mistake, told with file and line."""


class CheckFailure(BuildError):
    """The built site failed a link or structure check."""


class UsageError(Exception):
    """The command line was used wrongly (bad option, bad date, unsafe output folder)."""


# Documented in README.md ("Exitcodes"); keep both in step.
EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_CHECK = 3
EXIT_INTERNAL = 4
