"""The one place that prints problems: human (numbered), JSON, or GitHub annotations."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import asdict, replace
from typing import TextIO

from .problems import Problem, Severity

FORMATS = ("human", "json", "github")


_INVISIBLE = re.compile(r"[^\x20-\x7e]")  # only texts with something else are looked at closely
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # controls, format (bidi, zero width), separators


def printable(text: str, keep: str = "") -> str:
    """Every control or invisible character as a visible \\uXXXX: a file name, key or value
    from content must never move the cursor, clear the screen or fake a line of output, in a
    terminal or a CI log. Letters, accents and symbols stay as they are; so do the characters
    in `keep`, which the format encodes itself."""
    if not _INVISIBLE.search(text):
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN and c not in keep else c
                   for c in text)


# What each format encodes itself: GitHub's %0A inside one annotation, JSON's \n.
_KEPT = {"human": "", "github": "\r\n", "json": "\r\n\t"}


def _shown(problem: Problem, format: str) -> Problem:
    return replace(problem, **{name: printable(value, _KEPT[format])
                               for name, value in asdict(problem).items() if isinstance(value, str)})


def ordered(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings; then by file, line and column, so related problems sit together."""
    return sorted(problems, key=lambda p: (p.severity != Severity.ERROR, p.path, p.line, p.column,
                                           p.message))


def print_problems(problems: list[Problem], stream: TextIO | None = None, format: str = "human") -> None:
    stream = stream or (sys.stdout if format == "json" else sys.stderr)
    shown = [_shown(problem, format) for problem in ordered(problems)]
    {"human": _human, "json": _json, "github": _github}[format](shown, stream)


def _human(problems: list[Problem], stream: TextIO) -> None:
    for number, problem in enumerate(problems, start=1):
        kind = "fout" if problem.severity == Severity.ERROR else "waarschuwing"
        stream.write(f"{number}. {problem.location}: {kind}: {problem.message}\n")
        if problem.element:
            stream.write(f"   element: {problem.element}\n")
        if problem.origin:
            line = f":{problem.origin_line}" if problem.origin_line else ""
            stream.write(f"   gemaakt uit: {problem.origin}{line}\n")
        if problem.fix:
            stream.write(f"   oplossing: {problem.fix}\n")


def _json(problems: list[Problem], stream: TextIO) -> None:
    json.dump([asdict(p) for p in problems], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _github(problems: list[Problem], stream: TextIO) -> None:
    """Workflow commands that GitHub Actions shows as annotations on the file and line."""
    for p in problems:
        path, line = (p.origin, p.origin_line) if p.origin else (p.path, p.line)
        kind = "error" if p.severity == Severity.ERROR else "warning"
        where = f"file={_property(path)}" + (f",line={line}" if line else "")
        if p.column and not p.origin:
            where += f",col={p.column}"
        text = p.message + (f" Oplossing: {p.fix}" if p.fix else "")
        if p.origin:
            text = f"{p.path}: {text}"
        stream.write(f"::{kind} {where},title={_property(p.check or 'inhoud')}::{_data(text)}\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def count_line(problems: list[Problem]) -> str:
    errors = sum(p.severity == Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} {'fout' if errors == 1 else 'fouten'}, " \
           f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
