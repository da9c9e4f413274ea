"""`build.py publish`: what CI publishes, so that vacancies close on time whatever breaks.

It builds the newest commit (the working tree). When that fails, or its tests failed, it
builds the last published commit instead, at today's date, into the same output folder:
every vacancy whose day has passed closes, while the editors' new change is left out. The
run still fails, with the newest commit's problems reported, so that nobody takes the site
for up to date.

"The last published commit" is the git tag `gepubliceerd`, which the publish workflow moves
to a commit after it passed its tests and was built and put online. A tag says exactly that,
where walking back the history could pick a commit whose tests never passed.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from ..problems import BuildError, Problem, Severity, UsageError
from ..schedule import BRUSSELS
from .pipeline import BuildOptions, BuildResult, build

PUBLISHED_TAG = "gepubliceerd"
# GitHub disables a scheduled workflow after 60 days without activity in the repository (and
# mails once, about a week before): from this many days on, every run says so.
IDLE_WARNING_DAYS = 50
WORKFLOW = ".github/workflows/publish.yml"


class Fallback(Exception):
    """The newest commit could not be published; `published` says whether the last published
    commit was put in its place (with `commit`), `reason` why the newest one was not."""

    def __init__(self, reason: BuildError | None, commit: str, published: bool, why: str = ""):
        super().__init__(why)
        self.reason, self.commit, self.published, self.why = reason, commit, published, why


def publish(options: BuildOptions, newest_tested: bool = True, tag: str = PUBLISHED_TAG,
            extra_arguments: tuple[str, ...] = ()) -> BuildResult:
    """Build the newest commit; on failure, build the last published one and raise Fallback.
    `extra_arguments` are passed on to the older commit's own build.py (e.g. --format github)."""
    reason = None
    if newest_tested:
        try:
            result = build(options)
        except BuildError as error:
            reason = error
        else:
            return replace(result, warnings=result.warnings + idle_warnings(options.root, options.today))
    commit = _commit(options.root, tag)
    if commit is None:
        raise Fallback(reason, "", False, f"Er is geen gepubliceerde versie (git-tag '{tag}').")
    with tempfile.TemporaryDirectory(prefix="gepubliceerd-") as folder:
        older = Path(folder)
        _export(options.root, commit, older)
        built = _build_older(older, options, extra_arguments)
    why = "" if built else f"Ook de gepubliceerde versie ({commit[:10]}) bouwt niet op " \
                           f"{options.today.isoformat()}."
    raise Fallback(reason, commit, built, why)


def idle_warnings(root: Path, today: date) -> list[Problem]:
    """A warning when the newest commit is IDLE_WARNING_DAYS old or older (none outside git)."""
    found = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cI"],
                           capture_output=True, text=True)
    if found.returncode != 0 or not found.stdout.strip():
        return []
    last = datetime.fromisoformat(found.stdout.strip()).astimezone(BRUSSELS).date()
    idle = (today - last).days
    if idle < IDLE_WARNING_DAYS:
        return []
    return [Problem(WORKFLOW, 0, 0, f"De laatste wijziging in de repository is van {last.isoformat()}, "
                    f"{idle} dagen geleden. GitHub zet de nachtelijke publicatie uit na 60 dagen "
                    "zonder activiteit; dan sluiten vacatures niet meer vanzelf.",
                    "De workflow vraagt GitHub elke nacht om ze aan te laten. Kijk na of de run "
                    "'Publiceren' elke nacht loopt, of maak een kleine wijziging.",
                    severity=Severity.WARNING)]


def _commit(root: Path, tag: str) -> str | None:
    """The commit the tag points at, or None without such a tag."""
    found = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet",
                            f"refs/tags/{tag}^{{commit}}"], capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 and found.stdout.strip() else None


def _export(root: Path, commit: str, target: Path) -> None:
    """The files of `commit`, as git stores them (no work tree, no .git)."""
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", commit],
                             capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def _build_older(older: Path, options: BuildOptions, extra: tuple[str, ...]) -> bool:
    """Build with the older commit's own code, templates and content: the whole commit that
    was published, not today's code on yesterday's content."""
    if not (older / "build.py").is_file():
        raise UsageError("De gepubliceerde versie heeft geen build.py.")
    command = [sys.executable, str(older / "build.py"), "--root", str(older), "--output",
               str(options.output), "--date", options.today.isoformat(), *extra]
    if options.base_url:
        command += ["--base-url", options.base_url]
    return subprocess.run(command, cwd=older).returncode == 0
