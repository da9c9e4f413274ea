"""The publish workflow (.github/workflows/publish.yml) run for real by the workflow harness:
its steps' own text in bash, against a bare git repository and a stub gh, with `make test`
played by a stub that passes, fails or hangs. Each hole it had is also run against the workflow
as it was (tests/fixtures/workflows/publish-before.yml), to show that the harness catches it."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from workflow_harness import TEAM_MEMBER, GitHub, Runner, Stubs, commit_as, git, project

from helpers import FIXTURES, ROOT

pytestmark = pytest.mark.posix  # bash, and the workflows' Linux runner

WORKFLOW = ROOT / ".github/workflows/publish.yml"
BEFORE = FIXTURES / "workflows/publish-before.yml"
PAGE = "vacatures/maatschappelijk-werker/index.html"
ENVIRONMENT = {
    # The newest build's date; the fallback takes today's in Brussels, as on GitHub.
    "SOURCE_DATE_EPOCH": str(int(datetime(2025, 10, 20, 12, tzinfo=ZoneInfo("Europe/Brussels")).timestamp())),
    # The fallback's own environment would come from PyPI: the tests' interpreter instead.
    "PUBLISH_FALLBACK_PYTHON": sys.executable,
}


@pytest.fixture
def site(tmp_path) -> tuple[GitHub, Path]:
    """A project whose first commit is published (tagged `gepubliceerd`)."""
    github, work = project(tmp_path / "github", FIXTURES / "complete", ROOT)
    git(work, "tag", "gepubliceerd")
    github.push_from(work, "refs/tags/gepubliceerd")
    return github, work


def newer_commit(github: GitHub, work: Path, *, break_publish_script: bool = False) -> str:
    """A newer commit on main whose vacancy page says NIEUWSTE-VERSIE."""
    vacancy = work / "content/vacatures/maatschappelijk-werker.md"
    vacancy.write_text(vacancy.read_text("utf-8").replace(
        "title: Maatschappelijk werker", "title: Maatschappelijk werker NIEUWSTE-VERSIE", 1), "utf-8")
    if break_publish_script:
        script = work / ".ci/publish.py"
        script.write_text(script.read_text("utf-8") + "\ndef kapot(:\n", "utf-8")
    sha = commit_as(work, "Nieuwere versie", *TEAM_MEMBER)
    github.push_from(work, "HEAD:refs/heads/main")
    return sha


def run(github: GitHub, tmp_path: Path, *, workflow: Path = WORKFLOW, sha: str | None = None,
        make: str = "pass", patience: float = 60, event_name: str = "push"):
    folder = tmp_path / f"run-{len(list(tmp_path.glob('run-*')))}"
    return Runner(workflow, github, folder, event_name=event_name, event={}, sha=sha,
                  stubs=Stubs(make=make), patience=patience, environment=ENVIRONMENT).run()


def online(done) -> str | None:
    """The title of the vacancy page that went online, or None when nothing did."""
    if done.pages is None:
        return None
    text = (done.pages / PAGE).read_text("utf-8")
    return text.split("<title>", 1)[1].split("</title>", 1)[0]


def test_the_newest_commit_goes_online_and_becomes_the_published_one(site, tmp_path):
    github, work = site
    sha = newer_commit(github, work)
    done = run(github, tmp_path)
    assert done["build"].outputs == {"built": "newest", "idle": "success",
                                     "pages-url": "https://stad-kortrijk.github.io/werken-bij"}, done.log
    assert done["fallback"].result == "skipped" and github.ref("refs/heads/main") == sha
    assert "NIEUWSTE-VERSIE" in online(done)
    assert github.ref("refs/tags/gepubliceerd") == sha
    assert done["report"].result == "success"


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_newest_commit_that_breaks_the_publish_script_still_gets_the_fallback(site, tmp_path, workflow,
                                                                               safe):
    github, work = site
    published = github.ref("refs/tags/gepubliceerd")
    newer_commit(github, work, break_publish_script=True)
    done = run(github, tmp_path, workflow=workflow, make="fail")
    if not safe:
        assert online(done) is None  # the broken script of the failed commit stopped the fallback
        return
    assert done["build"].outputs["built"] == "" and done["fallback"].result == "success", done.log
    assert done["fallback"].outputs["commit"] == published
    assert "NIEUWSTE-VERSIE" not in online(done)
    assert github.ref("refs/tags/gepubliceerd") == published  # a fallback never moves the tag
    assert done["report"].result == "failure"
    assert "Oude versie online" in done["report"].log


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_hanging_test_run_ends_at_its_limit_and_the_fallback_publishes(site, tmp_path, workflow, safe):
    """`make test` hangs. Without a limit of its own it would run for the job's six hours and
    nothing would be published that night."""
    github, work = site
    newer_commit(github, work)
    done = run(github, tmp_path, workflow=workflow, make="hang", patience=4)
    tests = done["build"].step("Tests")
    assert tests.timed_out
    if not safe:
        assert done["build"].result == "failure" and online(done) is None
        assert "exceeded the maximum execution time of 360 minutes" in tests.output
        return
    assert "has timed out after 40 minutes" in tests.output
    assert done["fallback"].result == "success", done.log
    assert "NIEUWSTE-VERSIE" not in online(done)


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_rerunning_an_old_run_puts_no_older_site_online(site, tmp_path, workflow, safe):
    github, work = site
    old = github.ref("refs/heads/main")
    newer_commit(github, work)
    done = run(github, tmp_path, workflow=workflow, sha=old)  # "Re-run all jobs" of the old run
    if not safe:
        assert online(done) is not None and "NIEUWSTE-VERSIE" not in online(done)
        return
    assert done["build"].outputs["built"] == "newest"
    assert done["deploy"].result == "failure" and online(done) is None
    check = done["deploy"].step("Is dit nog de nieuwste versie?")
    assert f"Deze run hoort bij commit {old[:10]}, maar main staat nu op" in check.output
    assert done["mark-published"].result == "skipped" and done["report"].result == "failure"


def test_a_fallback_whose_tag_moved_meanwhile_is_not_deployed(site, tmp_path):
    """The tag moves when a newer run published: a fallback built from the old tag must stop."""
    github, work = site
    newer_commit(github, work, break_publish_script=True)
    moved = github.ref("refs/heads/main")
    done = Runner(WORKFLOW, github, tmp_path / "run-moved", event_name="schedule", event={},
                  stubs=Stubs(make="fail"), environment=ENVIRONMENT,
                  meanwhile={"Is dit nog de nieuwste versie?": lambda: subprocess.run(
                      ["git", "-C", str(github.remote), "update-ref", "refs/tags/gepubliceerd", moved],
                      check=True)}).run()
    assert done["fallback"].result == "success", done.log
    assert done["deploy"].result == "failure" and online(done) is None
    assert "de tag gepubliceerd staat nu op" in done["deploy"].log


def test_an_annotated_tag_is_followed_to_its_commit(site, tmp_path):
    """A tag made by hand with `git tag -a`: GitHub gives the tag object; deploy follows it."""
    github, work = site
    git(work, "-c", "user.name=Redacteur", "-c", "user.email=redacteur@example.org", "tag", "-f", "-a",
        "-m", "Eerste publicatie", "gepubliceerd")
    github.push_from(work, "refs/tags/gepubliceerd")
    newer_commit(github, work)
    done = run(github, tmp_path, make="fail")
    assert done["fallback"].result == "success" and done["deploy"].result == "success", done.log
    assert "NIEUWSTE-VERSIE" not in online(done)


def test_every_step_that_runs_project_code_has_a_time_limit_below_its_jobs():
    import yaml

    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text("utf-8"))
        assert workflow["defaults"] == {"run": {"shell": "bash"}}, path.name
        for name, job in workflow["jobs"].items():
            assert "timeout-minutes" in job, f"{path.name}: job {name}"
            limits = [step.get("timeout-minutes", 0) for step in job["steps"]]
            assert sum(limits) < job["timeout-minutes"], f"{path.name}: job {name}"
            for step in job["steps"]:
                runs_code = any(word in step.get("run", "") for word in ("make ", "build.py", "publish.py"))
                if runs_code and path.name == "publish.yml":
                    assert "timeout-minutes" in step, f"{path.name}: {step.get('name')}"
