"""`build.py summary`: the summary on standard output, for `>> "$GITHUB_STEP_SUMMARY"`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path, PurePosixPath

from ...problems import EXIT_OK, UsageError
from ...report import printable
from ...schedule import resolve_build_date
from . import summary_markdown

HELP = "toon elke vacature met haar staat, sluitingsdatum en meldingen (Markdown, voor GitHub)"


def add_summary_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `summary`. --date and --root default to SUPPRESS, so that the same
    options given before the word `summary` keep their value."""
    parser.add_argument("files", nargs="*", metavar="bestanden",
                        help="alleen deze vacaturebestanden, bv. content/vacatures/x.md "
                             "(standaard alle)")
    parser.add_argument("--date", default=argparse.SUPPRESS, metavar="JJJJ-MM-DD",
                        help="toon de staat zoals op deze dag (standaard vandaag)")
    parser.add_argument("--root", type=Path, default=argparse.SUPPRESS, metavar="MAP",
                        help="projectmap met content/ en site_config.yaml (standaard die van build.py)")


def print_summary(args: argparse.Namespace) -> int:
    """Exit 0 whenever the summary was written, also when it lists mistakes: the build is
    what fails on them."""
    root = args.root.resolve()
    only = [_project_path(name, root) for name in args.files] if args.files else None
    text = summary_markdown(root, resolve_build_date(args.date), only)
    sys.stdout.write(text)
    return EXIT_OK


def _project_path(name: str, root: Path) -> str:
    """A file named on the command line as a path from the project folder (content/vacatures/x.md)."""
    path = Path(name)
    if path.is_absolute():
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"{printable(name)} ligt niet in de projectmap {root.name}.") from None
    return PurePosixPath(os.path.normpath(name).replace(os.sep, "/")).as_posix()
