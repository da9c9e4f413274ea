"""The one place that prints problems: numbered, grouped by file, with a count at the end."""

from __future__ import annotations

import sys
from typing import TextIO

from .problems import Problem, Severity


def report(problems: list[Problem], stream: TextIO = sys.stderr) -> None:
    """Print every problem as `path:line:col: message` with its fix, errors before warnings."""
    ordered = sorted(problems, key=lambda p: (p.severity != Severity.ERROR, p.path, p.line,
                                              p.column, p.message))
    for number, problem in enumerate(ordered, start=1):
        kind = "fout" if problem.severity == Severity.ERROR else "waarschuwing"
        stream.write(f"{number}. {problem.location}: {kind}: {problem.message}\n")
        if problem.element:
            stream.write(f"   element: {problem.element}\n")
        if problem.origin:
            stream.write(f"   gemaakt uit: {problem.origin}\n")
        if problem.fix:
            stream.write(f"   oplossing: {problem.fix}\n")


def count_line(problems: list[Problem]) -> str:
    errors = sum(p.severity == Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} {'fout' if errors == 1 else 'fouten'}, " \
           f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
