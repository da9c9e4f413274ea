"""`.ci/publish.py`: when the newest commit cannot go online, the workflow builds the last
published one (git tag `gepubliceerd`) at today's date with that commit's own code, so
vacancies close on time; and it warns before GitHub turns the nightly run off. Each test makes
a throw-away git repository holding a whole project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, parse, text_of

pytestmark = pytest.mark.posix  # bash, and the workflows' Linux runner

VACANCY = "content/vacatures/maatschappelijk-werker.md"
AFTER_CLOSING = "2025-11-05"  # the vacancy closes on 2025-10-31


def git(repo: Path, *arguments: str, env: dict | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c",
                           "user.email=test@example.org", *arguments],
                          check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """A project with one commit, tagged as published: the complete fixture site, this code."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "complete", project)
    shutil.copytree(ROOT / "werkenbij", project / "werkenbij",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / ".ci", project / ".ci")
    shutil.copy(ROOT / "build.py", project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Goed")
    git(project, "tag", "gepubliceerd")
    return project


def change(repo: Path, path: str, old: str, new: str, message: str) -> None:
    file = repo / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")
    git(repo, "commit", "-q", "-am", message)


def run(repo: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True,
                          timeout=120, cwd=repo)


def fallback(repo: Path, *extra: str) -> subprocess.CompletedProcess:
    # --python: the tests' own interpreter instead of a new environment from PyPI
    return run(repo, ".ci/publish.py", "fallback", "--output", str(repo / "output"), "--date",
               AFTER_CLOSING, "--python", sys.executable, "--format", "github", *extra)


def vacancy_page(repo: Path):
    return parse(repo / "output/vacatures/maatschappelijk-werker/index.html")


def test_a_broken_newest_commit_gives_way_to_the_published_one_with_its_vacancy_closed(repo):
    change(repo, VACANCY, "closes: 2025-10-31", "closes: 2025-02-30", "Kapot")
    newest = run(repo, "build.py", "--output", "output", "--date", AFTER_CLOSING, "--format", "github")
    assert newest.returncode == 1
    assert "::error file=content/vacatures/maatschappelijk-werker.md" in newest.stderr
    result = fallback(repo)
    assert result.returncode == 0, result.stderr
    assert "laatst gepubliceerde versie" in result.stderr
    page = vacancy_page(repo)
    assert "Afgesloten." in text_of(page.select_one(".status:not([hidden])"))
    assert page.select_one("#solliciteren") is None  # no apply box
    assert "2025-02-30" not in (repo / "output/vacatures/maatschappelijk-werker/index.html").read_text()


def test_the_published_commit_is_built_with_its_own_code_when_the_newest_code_is_broken(repo):
    """A syntax error in the newest code cannot stop the fallback: it never imports it."""
    change(repo, "werkenbij/render/views.py", "from __future__ import annotations",
           "from __future__ import annotations\ndef (", "Code kapot")
    assert run(repo, "build.py", "--output", "output", "--date", AFTER_CLOSING).returncode != 0
    result = fallback(repo, "--base-url", "/werken-bij/")
    assert result.returncode == 0, result.stderr
    assert vacancy_page(repo).find("link", rel="stylesheet")["href"].startswith("/werken-bij/static/")


def test_without_a_published_commit_nothing_is_published(repo):
    git(repo, "tag", "-d", "gepubliceerd")
    result = fallback(repo)
    assert result.returncode == 1
    assert result.stderr.strip() == \
        "::error title=Niets gepubliceerd::Er is geen gepubliceerde versie (git-tag 'gepubliceerd')."
    assert not (repo / "output").exists()


def test_a_published_commit_that_does_not_build_publishes_nothing(repo):
    change(repo, VACANCY, "closes: 2025-10-31", "closes: 2025-02-30", "Kapot")
    git(repo, "tag", "-f", "gepubliceerd")
    result = fallback(repo)
    assert result.returncode == 1
    assert "Ook de gepubliceerde versie" in result.stderr and "bouwt niet op 2025-11-05" in result.stderr
    assert not (repo / "output").exists()


def test_a_published_commit_without_build_py_is_said_in_words(repo):
    git(repo, "rm", "-q", "build.py")
    git(repo, "commit", "-q", "-m", "Zonder build.py")
    git(repo, "tag", "-f", "gepubliceerd")
    result = fallback(repo)
    assert result.returncode == 1 and "heeft geen build.py" in result.stderr
    assert "Traceback" not in result.stderr


def test_fifty_days_without_a_commit_turn_the_run_red(repo):
    """GitHub turns the nightly run off after 60 days without activity: say so from day 50."""
    file = repo / VACANCY
    file.write_text(file.read_text("utf-8") + "\nEen zin.\n", "utf-8")
    git(repo, "commit", "-q", "-am", "Oud", env={"GIT_COMMITTER_DATE": "2025-09-10T12:00:00+02:00",
                                               "PATH": "/usr/bin:/bin", "HOME": str(repo)})
    late = run(repo, ".ci/publish.py", "idle", "--date", "2025-10-30")  # 50 days later
    assert late.returncode == 1
    assert "De laatste wijziging is van 2025-09-10, 50 dagen geleden." in late.stderr
    assert late.stderr.startswith("::error title=Nachtelijke publicatie in gevaar::")
    assert run(repo, ".ci/publish.py", "idle", "--date", "2025-10-29").returncode == 0  # day 49
