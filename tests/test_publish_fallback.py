"""`build.py publish`: when the newest commit cannot be published, the last published one
(git tag `gepubliceerd`) is built at today's date instead, so vacancies close on time; the
run still fails. Each test makes a throw-away git repository holding a whole project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, parse, text_of

VACANCY = "content/vacatures/maatschappelijk-werker.md"
AFTER_CLOSING = "2025-11-05"  # the vacancy closes on 2025-10-31


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c",
                           "user.email=test@example.org", *arguments],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """A project with one commit: the complete fixture site, with this checkout's code."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "complete", project)
    shutil.copytree(ROOT / "werkenbij", project / "werkenbij",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "build.py", project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Goed")
    return project


def change(repo: Path, old: str, new: str, message: str) -> None:
    path = repo / VACANCY
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    git(repo, "commit", "-q", "-am", message)


def publish(repo: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(repo / "build.py"), "publish", "--output",
                           str(repo / "output"), "--date", AFTER_CLOSING, *extra],
                          capture_output=True, text=True, timeout=120, cwd=repo)


def vacancy_page(repo: Path):
    return parse(repo / "output/vacatures/maatschappelijk-werker/index.html")


def test_a_broken_newest_commit_publishes_the_last_published_one_with_its_vacancy_closed(repo):
    git(repo, "tag", "gepubliceerd")
    change(repo, "closes: 2025-10-31", "closes: 2025-02-30", "Kapot")
    result = publish(repo, "--format", "github")
    assert result.returncode == 1  # the run fails: the editors' change is not online
    assert "::error file=content/vacatures/maatschappelijk-werker.md" in result.stderr
    assert "laatst gepubliceerde versie" in result.stderr
    page = vacancy_page(repo)
    assert "Afgesloten." in text_of(page.select_one(".status"))
    assert page.select_one("#solliciteren") is None  # no apply box
    assert "2025-02-30" not in (repo / "output/vacatures/maatschappelijk-werker/index.html").read_text()


def test_failed_tests_publish_the_last_published_commit_even_when_the_newest_builds(repo):
    git(repo, "tag", "gepubliceerd")
    change(repo, "title: ", "title: Nieuw: ", "Bouwt, maar de tests faalden")
    result = publish(repo, "--skip-newest")
    assert result.returncode != 0
    assert "De nieuwste versie faalde in de tests" in result.stderr
    assert not text_of(vacancy_page(repo).h1).startswith("Nieuw")


def test_without_a_published_commit_nothing_is_published(repo):
    change(repo, "closes: 2025-10-31", "closes: 2025-02-30", "Kapot")
    result = publish(repo)
    assert result.returncode == 1
    assert "Niets gepubliceerd: Er is geen gepubliceerde versie (git-tag 'gepubliceerd')." in result.stderr
    assert not (repo / "output").exists()


def test_a_good_newest_commit_is_published_as_it_is(repo):
    git(repo, "tag", "gepubliceerd")
    change(repo, "title: ", "title: Nieuw ", "Goed en nieuw")
    result = publish(repo)
    assert result.returncode == 0, result.stderr
    assert text_of(vacancy_page(repo).h1).startswith("Nieuw")


def test_a_repository_without_changes_for_50_days_gets_a_warning_on_every_run(repo):
    """GitHub disables the nightly run after 60 days without activity: say so from day 50."""
    path = repo / VACANCY
    path.write_text(path.read_text("utf-8") + "\nEen zin.\n", "utf-8")
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=t@example.org",
                    "commit", "-q", "-am", "Oud"], check=True,
                   env={"GIT_COMMITTER_DATE": "2025-09-10T12:00:00+02:00", "PATH": "/usr/bin:/bin"})
    quiet = publish(repo, "--format", "github")  # 2025-11-05: 56 days later
    assert quiet.returncode == 0
    assert "::warning file=.github/workflows/publish.yml" in quiet.stderr
    assert "2025-09-10, 56 dagen geleden. GitHub zet de nachtelijke publicatie uit" in quiet.stderr
    recent = subprocess.run([sys.executable, str(repo / "build.py"), "publish", "--output",
                             str(repo / "output"), "--date", "2025-10-29"],  # 49 days later
                            capture_output=True, text=True, timeout=120, cwd=repo)
    assert recent.returncode == 0 and "60 dagen" not in recent.stderr
