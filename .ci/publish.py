#!/usr/bin/env python3
"""What the publish workflow runs when the newest commit cannot go online, and its idle check.
Standard library only, and independent of the project's own code: it must still work when
the newest commit broke that code or its pinned packages.

    python3 .ci/publish.py fallback --output output [--date JJJJ-MM-DD] [--base-url URL] [--format github]
    python3 .ci/publish.py idle [--date JJJJ-MM-DD]

fallback: builds the commit tagged `gepubliceerd` (the workflow moves it after every run in
which tests, build and checks passed and the site went online) with that commit's own code,
templates and content, in a new virtual environment made from its own requirements.txt, at
today's date in Brussels, into --output. Vacancies whose day has passed close; the editors'
newest change is left out. Exit 0 when the site was built, 1 when nothing can be published.

idle: GitHub turns off a scheduled workflow after 60 days without activity in the repository
(it mails once, a week before). From IDLE_DAYS days without a commit, this says so as an
annotation and exits 1, so the run turns red while there is still time.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import venv
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TAG = "gepubliceerd"
IDLE_DAYS = 50
BRUSSELS = ZoneInfo("Europe/Brussels")
ROOT = Path(__file__).resolve().parent.parent


class CannotPublish(Exception):
    """Why nothing can be published; said to the editors as it is."""


def fallback(output: Path, today: date, base_url: str | None, format: str, python: str | None) -> None:
    commit = _git("rev-parse", "--verify", "--quiet", f"refs/tags/{TAG}^{{commit}}").strip()
    if not commit:
        raise CannotPublish(f"Er is geen gepubliceerde versie (git-tag '{TAG}').")
    with tempfile.TemporaryDirectory(prefix="gepubliceerd-") as folder:
        older = Path(folder) / "project"
        older.mkdir()
        with tarfile.open(fileobj=io.BytesIO(_git_bytes("archive", "--format=tar", commit))) as tar:
            tar.extractall(older, filter="data")
        if not (older / "build.py").is_file():
            raise CannotPublish(f"De gepubliceerde versie ({commit[:10]}) heeft geen build.py.")
        python = python or _environment(Path(folder) / "venv", older / "requirements.txt")
        command = [python, str(older / "build.py"), "--root", str(older), "--output",
                   str(output.resolve()), "--date", today.isoformat(), "--format", format]
        if base_url:
            command += ["--base-url", base_url]
        if subprocess.run(command, cwd=older).returncode != 0:
            raise CannotPublish(f"Ook de gepubliceerde versie ({commit[:10]}) bouwt niet op "
                                f"{today.isoformat()}.")
    print(f"In {output} staat de laatst gepubliceerde versie ({commit[:10]}), gebouwd op "
          f"{today.isoformat()}, zodat vacatures op tijd sluiten. De nieuwste versie staat nog "
          "niet online: verbeter eerst haar fouten.", file=sys.stderr)


def _environment(folder: Path, requirements: Path) -> str:
    """A new virtual environment with the published commit's own pinned packages."""
    venv.create(folder, with_pip=True)
    python = str(folder / "bin" / "python")
    if requirements.is_file():
        installed = subprocess.run([python, "-m", "pip", "install", "--quiet",
                                    "--disable-pip-version-check", "-r", str(requirements)])
        if installed.returncode != 0:
            raise CannotPublish("De pakketten van de gepubliceerde versie konden niet geïnstalleerd worden.")
    return python


def idle_days(today: date) -> tuple[date, int]:
    """The day of the newest commit and how many days ago that was."""
    last = datetime.fromisoformat(_git("log", "-1", "--format=%cI").strip()).astimezone(BRUSSELS).date()
    return last, (today - last).days


def _git(*arguments: str) -> str:
    return _git_bytes(*arguments).decode("utf-8")


def _git_bytes(*arguments: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True)
    except OSError as error:
        raise CannotPublish(f"git is niet beschikbaar ({error.strerror}).") from None
    if done.returncode != 0 and "--quiet" not in arguments:
        raise CannotPublish(f"git {arguments[0]} mislukte: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout if done.returncode == 0 else b""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=".ci/publish.py")
    commands = parser.add_subparsers(dest="command", required=True)
    back = commands.add_parser("fallback")
    back.add_argument("--output", type=Path, default=ROOT / "output")
    back.add_argument("--base-url")
    back.add_argument("--format", default="human")
    # Tests only: the workflow harness runs the fallback step as it is and sets the variable.
    back.add_argument("--python", default=os.environ.get("PUBLISH_FALLBACK_PYTHON"),
                      help="use this Python instead of a new environment (tests)")
    for command in (back, commands.add_parser("idle")):
        command.add_argument("--date", type=date.fromisoformat, default=datetime.now(BRUSSELS).date())
    args = parser.parse_args(argv)
    github = getattr(args, "format", "github") == "github" or args.command == "idle"
    try:
        if args.command == "fallback":
            fallback(args.output, args.date, args.base_url, args.format, args.python)
            return 0
        last, days = idle_days(args.date)
    except CannotPublish as error:
        title = "Niets gepubliceerd" if args.command == "fallback" else "Controle niet gelukt"
        print(f"::error title={title}::{error}" if github else f"{title}: {error}", file=sys.stderr)
        return 1
    if days < IDLE_DAYS:
        return 0
    print(f"::error title=Nachtelijke publicatie in gevaar::De laatste wijziging is van {last}, {days} "
          "dagen geleden. GitHub zet de nachtelijke publicatie uit na 60 dagen zonder activiteit; "
          "dan sluiten vacatures niet meer vanzelf. Maak een kleine wijziging in de repository.",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
