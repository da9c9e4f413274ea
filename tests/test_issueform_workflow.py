"""The workflow of the issue forms (.github/workflows/formulieren.yml): only labelled issues of
the team, least permissions per job, issue text only through a file, never a push to main; and
the command it runs (`build.py form vacancy`)."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import ROOT, copy_of
from issueform_helpers import MINIMAL, issue_body
from werkenbij.cli import main
from werkenbij.dev.issueform.form import VACANCY_LABEL, WITHDRAW_LABEL, block_titles
from werkenbij.dev.issueform.spec import questions

WORKFLOW = ROOT / ".github/workflows/formulieren.yml"
TEAM = ("contains(fromJSON('[\"OWNER\", \"MEMBER\", \"COLLABORATOR\"]'), "
        "github.event.issue.author_association)")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_it_runs_on_issues_only(workflow):
    assert workflow[True] == {"issues": {"types": ["opened", "edited", "reopened", "closed"]}}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["group"] == "formulier-${{ github.event.issue.number }}"


def test_only_labelled_issues_of_the_team_are_turned_into_a_proposal(workflow):
    check = " ".join(workflow["jobs"]["check"]["if"].split())
    assert f"contains(github.event.issue.labels.*.name, '{VACANCY_LABEL}')" in check
    assert f"contains(github.event.issue.labels.*.name, '{WITHDRAW_LABEL}')" in check
    assert TEAM in check and "github.event.issue.state == 'open'" in check
    outsider = " ".join(workflow["jobs"]["outsider"]["if"].split())
    assert f"!{TEAM}" in outsider and "github.event.action == 'opened'" in outsider


def test_each_job_has_the_least_permissions_it_needs(workflow):
    assert {name: job["permissions"] for name, job in workflow["jobs"].items()} == {
        "check": {"contents": "read"},
        "pull-request": {"contents": "write", "pull-requests": "write"},
        "comment": {"issues": "write"},
        "close": {"contents": "write", "pull-requests": "write"},
        "outsider": {"issues": "write"},
    }
    steps = workflow["jobs"]["check"]["steps"]
    [checkout] = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"] == {"persist-credentials": False}  # the project's code runs without a token


def test_issue_text_reaches_commands_only_through_a_file(workflow):
    text = WORKFLOW.read_text("utf-8")
    for job in workflow["jobs"].values():
        for run in runs(job):
            assert "${{" not in run  # every value comes in through env
    assert re.findall(r"github\.event\.issue\.(body|title)", text) == ["body"]
    [step] = [s for s in workflow["jobs"]["check"]["steps"] if "ISSUE_BODY" in s.get("env", {})]
    assert step["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert step["run"] == "printf '%s\\n' \"$ISSUE_BODY\" > \"$RUNNER_TEMP/issue.md\""


def test_the_project_makes_and_checks_the_proposal_and_the_summary_is_added(workflow):
    check = runs(workflow["jobs"]["check"])
    assert any(run.startswith('python build.py form "$KIND" "$RUNNER_TEMP/issue.md" --issue "$NUMBER"')
               for run in check)
    assert any('python build.py summary -- "$(cat result-path.txt)"' in run for run in check)
    comment = runs(workflow["jobs"]["comment"])[-1]
    assert 'gh issue comment "$NUMBER"' in comment and "summary.md" in comment and "$URL" in comment


def test_it_pushes_only_its_own_branch_and_a_failed_check_puts_the_proposal_back_in_draft(workflow):
    assert workflow["env"]["BRANCH"].startswith("formulier/")
    assert workflow["env"]["BRANCH"].endswith("-${{ github.event.issue.number }}")
    make, draft = runs(workflow["jobs"]["pull-request"])[-2:]
    pushes = [line.strip() for line in make.split("\n") if "git push" in line]
    assert pushes == ['git push --force origin "HEAD:refs/heads/$BRANCH"']
    assert "grep -Eqx 'content/vacatures/[a-z0-9-]+\\.md'" in make and "gh pr create" in make
    assert "gh pr ready --undo" in draft
    steps = workflow["jobs"]["pull-request"]["steps"]
    assert steps[-2]["if"] == "needs.check.outputs.ok == 'true'"
    assert steps[-1]["if"] == "needs.check.outputs.ok != 'true'"


def test_closing_the_issue_closes_its_pull_request_and_deletes_the_branch(workflow):
    close = workflow["jobs"]["close"]
    assert "github.event.action == 'closed'" in close["if"]
    assert "gh pr close" in runs(close)[0] and "--delete-branch" in runs(close)[0]


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
