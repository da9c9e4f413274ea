"""The one place that prints problems: human (numbered), JSON, or GitHub annotations."""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path
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


def print_problems(problems: list[Problem], stream: TextIO | None = None, format: str = "human",
                   root: Path | None = None) -> None:
    """`root` is the project the paths are relative to: with it, the human format quotes the line
    of the editor's file under each message."""
    stream = stream or (sys.stdout if format == "json" else sys.stderr)
    if format == "human":
        sources = Sources(root)
        _human([(_shown(p, format), sources.quote(p)) for p in ordered(problems)], stream)
        return
    shown = [_shown(problem, format) for problem in ordered(problems)]
    {"json": _json, "github": _github}[format](shown, stream)


# How the editor's system writes a path: content\vacatures\x.md on Windows.
SEPARATOR = os.sep


def native(path: str) -> str:
    """A path as the problems hold it (always with '/', as GitHub and the site need it), written
    the way the editor sees it in their terminal and file manager."""
    return path.replace("/", SEPARATOR)


def _human(problems: list[tuple[Problem, Quote | None]], stream: TextIO) -> None:
    for number, (problem, quote) in enumerate(problems, start=1):
        kind = "fout" if problem.severity == Severity.ERROR else "waarschuwing"
        location = replace(problem, path=native(problem.path)).location
        stream.write(f"{number}. {location}: {kind}: {problem.message}\n")
        if problem.element:
            stream.write(f"   element: {problem.element}\n")
        if problem.origin:
            line = f":{problem.origin_line}" if problem.origin_line else ""
            stream.write(f"   gemaakt uit: {native(problem.origin)}{line}\n")
        if quote is not None:
            stream.write("".join(f"   {line}\n" for line in quote.terminal_lines()))
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


# -- the quoted line ---------------------------------------------------------------------------

WIDTH = 100  # a longer line is shown as the part around the column


@dataclass(frozen=True)
class Quote:
    """One line of the editor's file as a message quotes it: the text `before` the column, the
    part marked `at` the column (to the end of the word; the whole line when the column is not
    known), and the rest `after`. Each part is printable: no control character reaches a
    terminal or a page."""

    number: int
    before: str
    at: str
    after: str

    def terminal_lines(self) -> list[str]:
        """The line and a marker under the column, as compilers show it:
           35 | closes: 1906-12-31
              |         ^~~~~~~~~~"""
        gutter = " " * len(str(self.number))
        return [f"{self.number} | {self.before}{self.at}{self.after}", f"{gutter} | {self.marker}"]

    @property
    def marker(self) -> str:
        """The line under the quoted one: ^ under the column, ~ under the rest of the part."""
        return " " * _width(self.before) + "^" + "~" * max(0, _width(self.at) - 1)


class Sources:
    """Reads the editor's files for quoting, each once per report."""

    def __init__(self, root: Path | None):
        self.root = root.resolve() if root is not None else None
        self.files: dict[str, list[str] | None] = {}

    def quote(self, problem: Problem) -> Quote | None:
        """The line the problem is at: in the content file a page came from when the problem is
        about a built page, else in the problem's own file. None without a line or a file."""
        path, line, column = (problem.origin, problem.origin_line, 0) if problem.origin \
            else (problem.path, problem.line, problem.column)
        lines = self._lines(path) if line else None
        if lines is None or line > len(lines):
            return None
        return _quote(line, lines[line - 1], column)

    def _lines(self, path: str) -> list[str] | None:
        if self.root is None or not path:
            return None
        if path not in self.files:
            file = (self.root / path).resolve()
            try:
                if not file.is_relative_to(self.root) or file.stat().st_size > 5_000_000:
                    raise OSError
                text = file.read_bytes().decode("utf-8-sig", errors="replace")
                self.files[path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            except OSError:
                self.files[path] = None
        return self.files[path]


def _quote(number: int, line: str, column: int) -> Quote | None:
    if not line.strip():
        return None
    if column < 1:  # no column: the whole line is marked
        start, end = len(line) - len(line.lstrip()), len(line.rstrip())
    else:
        start = min(column - 1, len(line))
        word = re.match(r"\S*", line[start:])
        end = start + max(1, len(word.group()) if word else 1)
    first = max(0, min(start - WIDTH // 2, len(line) - WIDTH))  # a long line: the part around it
    last = first + WIDTH
    end = min(end, last)
    return Quote(number, ("…" if first else "") + printable(line[first:start]),
                 printable(line[start:end]), printable(line[end:last]) + ("…" if len(line) > last else ""))


def _width(text: str) -> int:
    """Columns in a terminal (a tab was made visible as \\u0009 already)."""
    return sum(_char_width(c) for c in text)


def _char_width(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def count_line(problems: list[Problem]) -> str:
    errors = sum(p.severity == Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} {'fout' if errors == 1 else 'fouten'}, " \
           f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
