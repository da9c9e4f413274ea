"""The workflow of the issue forms (.github/workflows/formulieren.yml) as text: the gate before
every job, least permissions per job, issue text only through the event file, one push and
only of its own branch; and the command it runs (`build.py form vacancy`). What the workflow
does is tested by running it: test_workflow_forms.py."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import ROOT, copy_of
from issueform_helpers import MINIMAL, issue_body
from werkenbij.cli import main
from werkenbij.github.forms.form import VACANCY_LABEL, WITHDRAW_LABEL, block_titles
from werkenbij.github.forms.spec import questions

WORKFLOW = ROOT / ".github/workflows/formulieren.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_it_runs_on_issues_only(workflow):
    assert workflow[True] == {"issues": {"types": ["opened", "edited", "reopened", "closed"]}}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["group"].startswith("formulier-${{ github.event.issue.number }}")


def test_only_labelled_issues_pass_the_gate_and_every_other_job_waits_for_it(workflow):
    """Who passes the gate is tested by running it (test_workflow_forms.py); here: the gate is
    asked only for the forms' labels, and no job that reads the issue runs without it."""
    team = " ".join(workflow["jobs"]["team"]["if"].split())
    assert f"contains(github.event.issue.labels.*.name, '{VACANCY_LABEL}')" in team
    assert f"contains(github.event.issue.labels.*.name, '{WITHDRAW_LABEL}')" in team
    assert "github.event.issue.author_association" not in WORKFLOW.read_text("utf-8")
    assert workflow["jobs"]["check"]["needs"] == "team"
    assert workflow["jobs"]["check"]["if"].startswith("needs.team.outputs.allowed == 'true'")
    assert workflow["jobs"]["outsider"]["if"].startswith("needs.team.outputs.allowed == 'false'")


def test_each_job_has_the_least_permissions_it_needs(workflow):
    assert {name: job["permissions"] for name, job in workflow["jobs"].items()} == {
        "team": {"contents": "read"},
        "check": {"contents": "read"},
        "pull-request": {"contents": "write", "pull-requests": "write"},
        "comment": {"issues": "write"},
        "close": {"contents": "write", "pull-requests": "write", "issues": "write"},
        "outsider": {"issues": "write"},
    }
    steps = workflow["jobs"]["check"]["steps"]
    [checkout] = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"] == {"persist-credentials": False}  # the project's code runs without a token


def test_issue_text_reaches_the_project_only_through_the_event_file(workflow):
    text = WORKFLOW.read_text("utf-8")
    for job in workflow["jobs"].values():
        for run in runs(job):
            assert "${{" not in run  # every value comes in through env
    assert not re.findall(r"github\.event\.issue\.(body|title)", text)
    [form] = [s for s in workflow["jobs"]["check"]["steps"] if s.get("id") == "form"]
    assert form["run"].startswith(
        'python build.py form "$KIND" --event "$GITHUB_EVENT_PATH" --issue "$NUMBER"')


def test_the_summary_is_added_to_the_comment(workflow):
    check = runs(workflow["jobs"]["check"])
    assert any('python build.py summary -- "$(cat result-path.txt)"' in run for run in check)
    comment = runs(workflow["jobs"]["comment"])[-1]
    assert 'gh issue comment "$NUMBER"' in comment and "summary.md" in comment and "$URL" in comment


def test_it_pushes_only_its_own_branch(workflow):
    assert workflow["env"]["BRANCH"].startswith("formulier/")
    assert workflow["env"]["BRANCH"].endswith("-${{ github.event.issue.number }}")
    pushes = [line.strip() for job in workflow["jobs"].values() for run in runs(job)
              for line in run.split("\n") if "git push" in line]
    assert [push.removeprefix("if ! ").removesuffix("; then") for push in pushes] == [
        'git push --force-with-lease="refs/heads/$BRANCH:$TIP" origin "HEAD:refs/heads/$BRANCH"',
        'if [ -n "$tip" ] && ! git push --quiet --force-with-lease="refs/heads/$BRANCH:$tip" origin '
        '":refs/heads/$BRANCH"']


def test_it_says_why_the_checks_run_here():
    text = WORKFLOW.read_text("utf-8")
    assert "events caused by the GITHUB_TOKEN" in text
    assert "https://docs.github.com/en/actions/how-tos/write-workflows/choose-when-workflows-run/" \
        "trigger-a-workflow" in text


def test_the_vacancy_command_writes_the_comment_and_the_pull_request(tmp_path, capsys):
    root = copy_of("complete", tmp_path)
    body = tmp_path / "issue.md"
    asked = questions(block_titles(root))
    body.write_text(issue_body(MINIMAL, asked).replace("\n", "\r\n"), "utf-8")
    out = tmp_path / "out"
    args = ["form", "vacancy", str(body), "--issue", "7", "--out", str(out), "--date", "2025-10-01",
            "--root", str(root)]
    assert main(args) == 0 and capsys.readouterr().out == "content/vacatures/teamcoach.md\n"
    assert (out / "title.txt").read_text("utf-8") == "Vacature: teamcoach\n"
    request = (out / "pull-request.md").read_text("utf-8")
    assert "zijn gelopen in de workflow van het formulier, niet in deze pull request" in request
    assert request.endswith("Closes #7\n")
    (root / "content/vacatures/teamcoach.md").unlink()
    body.write_text(issue_body({**MINIMAL, "closes": "morgen"}, asked), "utf-8")
    assert main(args) == 1 and not (root / "content/vacatures/teamcoach.md").exists()
    comment = (out / "comment.md").read_text("utf-8")
    assert "❌ 1 fout" in comment and "**Fout in veld 'Laatste dag om te solliciteren'**" in comment


def test_the_vacancy_command_says_when_it_cannot_read_the_body(tmp_path, capsys):
    assert main(["form", "vacancy", str(tmp_path / "nope.md"), "--out", str(tmp_path)]) == 2
    assert "Ik kan" in capsys.readouterr().err


@pytest.mark.parametrize("command, phrase", [
    (("form",), "schrijf de formulieren in .github/ISSUE_TEMPLATE/"),
    (("form", "vacancy"), "bestand met de tekst van het issue"),
    (("form", "withdraw"), "map voor comment.md, pull-request.md en title.txt"),
])
def test_the_form_commands_have_help_in_dutch(command, phrase, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert stopped.value.code == 0 and out.startswith(f"gebruik: build.py {' '.join(command)} ")
    assert "toon deze hulp en stop" in out and phrase in " ".join(out.split())
