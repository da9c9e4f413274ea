"""The workflow harness itself: expressions read as GitHub reads them, and the rules of `if:`,
continue-on-error and time limits, on small workflows made here."""

from __future__ import annotations

import pytest
import yaml
from workflow_expressions import ExpressionError, evaluate, interpolate
from workflow_harness import Runner, Stubs, project

from helpers import FIXTURES, ROOT

pytestmark = pytest.mark.posix  # bash, and the workflows' Linux runner

CONTEXTS = {"github": {"event": {"issue": {"labels": [{"name": "Vacature-formulier"}, {"name": "x"}],
                                           "number": 12}}},
            "steps": {"a": {"outcome": "skipped", "outputs": {"url": ""}}}, "needs": {}}


def value(text: str):
    return evaluate(text, CONTEXTS, lambda which: which != "cancelled")


@pytest.mark.parametrize("text, expected", [
    ("contains(github.event.issue.labels.*.name, 'vacature-formulier')", True),  # case-insensitive
    ("contains(fromJSON('[\"OWNER\", \"MEMBER\"]'), 'member')", True),
    ("github.event.issue.labels.*.name", ["Vacature-formulier", "x"]),
    ("steps.a.outcome != 'success'", True),
    ("!cancelled() && steps.a.outcome != 'success'", True),
    ("steps.a.outputs.url || 'leeg'", "leeg"),
    ("github.event.issue.number == '12'", True),  # a number and a string compare as numbers
    ("contains(github.event.issue.labels.*.name, 'x') && 'offline' || 'vacature'", "offline"),
    ("github.event.nope.deeper", None),
])
def test_expressions_read_as_github_reads_them(text, expected):
    assert value(text) == expected


def test_an_unknown_function_or_context_fails_instead_of_passing():
    with pytest.raises(ExpressionError):
        value("hashFiles('x')")
    with pytest.raises(ExpressionError):
        value("secretz.token")


def test_interpolation_writes_values_as_github_does():
    assert interpolate("n=${{ github.event.issue.number }} ok=${{ steps.a.outcome == 'skipped' }}",
                       CONTEXTS, lambda w: True) == "n=12 ok=true"


@pytest.fixture
def github(tmp_path):
    return project(tmp_path / "github", FIXTURES / "complete", ROOT)[0]


def run_jobs(tmp_path, github, jobs: dict, patience: float = 60):
    workflow = tmp_path / "w.yml"
    workflow.write_text(yaml.safe_dump({"on": "push", "permissions": {},
                                        "defaults": {"run": {"shell": "bash"}}, "jobs": jobs}), "utf-8")
    return Runner(workflow, github, tmp_path / "run", event_name="push", event={},
                  stubs=Stubs(), patience=patience).run()


def test_steps_and_jobs_follow_githubs_rules(tmp_path, github):
    done = run_jobs(tmp_path, github, {
        "a": {"runs-on": "x", "outputs": {"said": "${{ steps.s.outputs.said }}"}, "steps": [
            {"id": "s", "run": 'echo "said=hallo" >> "$GITHUB_OUTPUT"'},
            {"id": "pipe", "continue-on-error": True, "run": "false | true"},  # pipefail
            {"id": "after", "if": "steps.pipe.outcome == 'failure'", "run": "exit 3"},
            {"id": "skipped", "run": "echo never"},
            {"id": "always", "if": "always()", "run": "echo still"},
        ]},
        "b": {"needs": "a", "runs-on": "x", "steps": [{"run": "echo never"}]},
        "c": {"needs": "a", "if": "always() && needs.a.outputs.said == 'hallo'", "runs-on": "x",
              "steps": [{"env": {"GH_TOKEN": "${{ github.token }}"},
                         "run": 'gh issue comment 1 --repo "$GITHUB_REPOSITORY" --body x'}]},
    })
    assert [(s.name, s.outcome, s.conclusion) for s in done["a"].steps] == [
        ("s", "success", "success"), ("pipe", "failure", "success"), ("after", "failure", "failure"),
        ("skipped", "skipped", "skipped"), ("always", "success", "success")]
    assert done["a"].result == "failure" and done["a"].outputs == {"said": "hallo"}
    assert done["b"].result == "skipped"
    # permissions: {} for the whole workflow: the stub gh refuses to write.
    assert done["c"].result == "failure" and "HTTP 403" in done["c"].log


def test_a_hanging_step_ends_at_its_own_limit_or_ends_the_job(tmp_path, github):
    done = run_jobs(tmp_path, github, {
        "limited": {"runs-on": "x", "timeout-minutes": 30, "steps": [
            {"id": "hang", "timeout-minutes": 5, "continue-on-error": True, "run": "sleep 100"},
            {"id": "next", "run": "true"}]},
        "unlimited": {"runs-on": "x", "steps": [
            {"id": "hang", "continue-on-error": True, "run": "sleep 100"},
            {"id": "next", "if": "always()", "run": "true"}]},
    }, patience=0.5)
    assert [(s.outcome, s.conclusion, s.timed_out) for s in done["limited"].steps] == [
        ("failure", "success", True), ("success", "success", False)]
    assert done["unlimited"].result == "failure"
    assert [s.outcome for s in done["unlimited"].steps] == ["failure", "skipped"]
