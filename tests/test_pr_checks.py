"""The check on a proposed change (.github/workflows/controle.yml): tests, then the build as
annotations, the built site as the artifact `site`, and the vacancies in the run's summary."""

from __future__ import annotations

import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github/workflows/controle.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def steps(job: str = "controle") -> dict[str, dict]:
    """A job's steps by name (by action for those without one)."""
    return {step.get("name", step.get("uses", "").split("@")[0]): step
            for step in workflow()["jobs"][job]["steps"]}


def test_it_runs_on_every_pull_request_and_every_push_except_to_main():
    found = workflow()
    assert found["name"] == "Controle"  # the editors' guide names it
    assert found[True] == {"pull_request": None, "push": {"branches-ignore": ["main"]}}  # YAML 1.1: on
    assert found["concurrency"] == {"group": "controle-${{ github.ref }}", "cancel-in-progress": True}


def test_it_may_only_read_the_repository():
    found = workflow()
    assert found["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in found["jobs"].values())


def test_it_tests_in_the_same_container_as_publishing():
    job = workflow()["jobs"]["controle"]
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text("utf-8"))["jobs"]["build"]
    assert job["container"] == publish["container"] == "python:3.11-bookworm"
    assert job["env"] == {"TZ": "Europe/Brussels"}
    assert steps()["Tests"]["run"] == "make test"


def test_the_build_annotates_and_with_the_summary_runs_even_when_the_tests_failed():
    found = steps()
    assert list(found) == ["actions/checkout", "Java en npm voor de HTML-controle", "Tests",
                           "Bouwen en controleren", "De gebouwde site bewaren", "Overzicht van de vacatures"]
    tests, build = found["Tests"], found["Bouwen en controleren"]
    summary = found["Overzicht van de vacatures"]
    assert build["run"] == ".venv/bin/python build.py --format github"
    assert summary["run"] == '.venv/bin/python build.py summary >> "$GITHUB_STEP_SUMMARY"'
    # Without success() in `if`, a step runs after a failed one; without continue-on-error a
    # failed test or build still turns the job red.
    assert build["if"] == summary["if"] == "${{ !cancelled() }}"
    assert not any(step.get("continue-on-error") for step in (tests, build, summary))


def test_the_built_site_is_kept_as_the_artifact_site_when_the_build_succeeded():
    upload = steps()["De gebouwde site bewaren"]
    assert upload["uses"] == "actions/upload-artifact@v7"
    assert upload["if"] == "${{ !cancelled() && steps.build.outcome == 'success' }}"
    assert upload["with"] == {"name": "site", "path": "output", "if-no-files-found": "error",
                              "include-hidden-files": True}


def test_no_command_takes_text_from_an_expression():
    """`${{ }}` in `run:` is pasted into the script before it runs: a branch name or pull
    request title could then run commands (script injection). Values go through `env:`."""
    runs = [step["run"] for job in workflow()["jobs"].values() for step in job["steps"] if "run" in step]
    assert len(runs) == 7
    assert [run for run in runs if "${{" in run] == []


def test_windows_and_macos_run_the_tests_without_a_browser_and_a_build():
    """The editors' own computers (README.md names them). The browser tests and those that
    need npm's tools run on Linux only; the marker posix skips what Windows lacks."""
    job = workflow()["jobs"]["andere-systemen"]
    assert job["strategy"]["matrix"] == {"os": ["windows-latest", "macos-latest"]}
    assert job["runs-on"] == "${{ matrix.os }}"
    found = steps("andere-systemen")
    assert found["actions/setup-python"]["with"] == {"python-version": "3.11"}
    assert found["Pakketten"]["run"].endswith("-r requirements-dev.txt")
    assert found["Tests zonder browser"]["run"] == 'python -m pytest -m "not browser and not tools"'
    assert found["Bouwen"]["run"].startswith("python build.py ")
