"""The form workflow (.github/workflows/formulieren.yml) run for real by the workflow harness:
its steps' own text in bash, against a bare git repository and a stub gh that answers like
GitHub, the hostile answers included. Each hole it had is also run against the workflow as it
was (tests/fixtures/workflows/formulieren-before.yml), to show that the harness catches it."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from workflow_harness import BOT_EMAIL, GitHub, Runner, commit_as, git, project

from helpers import FIXTURES, ROOT
from issueform_helpers import MINIMAL, issue_body
from werkenbij.github.forms.form import block_titles
from werkenbij.github.forms.spec import questions

pytestmark = pytest.mark.posix  # bash, and the workflows' Linux runner

WORKFLOW = ROOT / ".github/workflows/formulieren.yml"
BEFORE = FIXTURES / "workflows/formulieren-before.yml"
ISSUE = 12
BRANCH = f"formulier/vacature-{ISSUE}"
# The complete fixture's vacancies are open on this day; `build.py form` takes it from here.
TODAY = {"SOURCE_DATE_EPOCH": str(int(datetime(2025, 10, 1, 12, tzinfo=ZoneInfo("Europe/Brussels"))
                                      .timestamp()))}
REVIEWER = ("Nalezer", "nalezer@example.org")


@pytest.fixture
def github(tmp_path) -> GitHub:
    github, _ = project(tmp_path / "github", FIXTURES / "complete", ROOT)
    github.change(permissions={"redacteur": "write", "nalezer": "write", "lezer": "read",
                               "triage": "triage", "beheerder": "maintain", "eigenaar": "admin"})
    return github


def body(**answers) -> str:
    return issue_body({**MINIMAL, **answers}, questions(block_titles(FIXTURES / "complete")))


def event(action: str, text: str, *, author: str = "redacteur", sender: str | None = None,
          association: str = "MEMBER", state: str = "open", label: str = "vacature-formulier") -> dict:
    return {"action": action,
            "issue": {"number": ISSUE, "title": "Nieuwe vacature", "body": text, "state": state,
                      "labels": [{"name": label}], "user": {"login": author},
                      "author_association": association},
            "sender": {"login": sender or author},
            "repository": {"default_branch": "main", "full_name": "stad-kortrijk/werken-bij"}}


def run(github: GitHub, tmp_path: Path, payload: dict, workflow: Path = WORKFLOW, meanwhile=None):
    folder = tmp_path / f"run-{len(list(tmp_path.glob('run-*')))}"
    return Runner(workflow, github, folder, event_name="issues", event=payload,
                  environment=TODAY, meanwhile=meanwhile).run()


def branch_log(github: GitHub) -> list[str]:
    """Committer e-mail and subject of each commit on the form branch that main has not."""
    return git(github.remote, "log", "--format=%ce %s", f"main..refs/heads/{BRANCH}").splitlines()


def reviewer_fixes_the_branch(github: GitHub, tmp_path: Path) -> str:
    """A reviewer pushes a commit of their own onto the form branch, as they would from a clone."""
    clone = tmp_path / "nalezer"
    subprocess.run(["git", "clone", "-q", "--branch", BRANCH, str(github.remote), str(clone)], check=True)
    file = next((clone / "content/vacatures").glob("teamcoach.md"))
    text = file.read_text("utf-8").replace("Je coacht het team.", "Je coacht het wijkteam.")
    file.write_text(text, "utf-8")
    tip = commit_as(clone, "Taak duidelijker", *REVIEWER)
    github.push_from(clone, f"HEAD:refs/heads/{BRANCH}")
    return tip


def test_a_team_members_issue_becomes_a_pull_request_from_its_own_branch(github, tmp_path):
    done = run(github, tmp_path, event("opened", body()))
    assert done["pull-request"].result == "success", done.log
    [request] = github.pulls(headRefName=BRANCH)
    assert request["isCrossRepository"] is False and request["title"] == "Vacature: teamcoach"
    assert request["body"].endswith(f"Closes #{ISSUE}\n")
    assert branch_log(github) == [f"{BOT_EMAIL} Vacature: teamcoach"]
    [comment] = github.comments(ISSUE)
    assert f"**Voorstel (pull request):** {request['url']}" in comment
    asked = [c[1] for c in github.state["calls"] if c[0] == "api" and c[1].endswith("/permission")]
    assert asked == ["repos/stad-kortrijk/werken-bij/collaborators/redacteur/permission"] * 2


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_fork_pull_request_with_the_same_branch_name_is_never_touched(github, tmp_path, workflow, safe):
    """Anyone can open a pull request from a fork's branch named formulier/vacature-12. Newest
    first, gh lists it before the workflow's own: it must not get the proposal's title, its
    `Closes #12`, a way out of draft, the issue's link, or the close."""
    run(github, tmp_path, event("opened", body()), workflow)
    fork = github.open_fork_pull_request(BRANCH, "Kleine verbetering")
    done = run(github, tmp_path, event("edited", body(summary="Je coacht een wijkteam in Kortrijk.")),
               workflow)
    assert done["pull-request"].result == "success", done.log
    taken = github.pulls(number=fork["number"])[0]
    linked = fork["url"] in github.comments(ISSUE)[-1]
    run(github, tmp_path, event("closed", body(), state="closed"), workflow)
    closed = github.pulls(number=fork["number"])[0]["state"] == "CLOSED"
    if not safe:  # the hole, as it was
        assert taken["title"] == "Vacature: teamcoach" and "Closes #12" in taken["body"]
        assert not taken["isDraft"] and linked and closed
        return
    assert (taken["title"], taken["body"], taken["isDraft"]) == ("Kleine verbetering", "", True)
    assert not linked and not closed
    [own] = github.pulls(isCrossRepository=False)
    assert own["url"] in github.comments(ISSUE)[-2] and own["state"] == "CLOSED"
    assert not github.ref(f"refs/heads/{BRANCH}")  # its own branch is deleted


def test_a_fork_pull_request_made_before_the_first_run_is_not_taken_either(github, tmp_path):
    fork = github.open_fork_pull_request(BRANCH, "Eerst")
    done = run(github, tmp_path, event("opened", body()))
    assert done["pull-request"].result == "success", done.log
    assert github.pulls(number=fork["number"])[0]["title"] == "Eerst"
    [own] = github.pulls(isCrossRepository=False)
    assert own["url"] in github.comments(ISSUE)[-1] and fork["url"] not in github.comments(ISSUE)[-1]


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_reviewers_commit_on_the_form_branch_survives_an_edit_of_the_issue(github, tmp_path, workflow,
                                                                             safe):
    run(github, tmp_path, event("opened", body()), workflow)
    tip = reviewer_fixes_the_branch(github, tmp_path)
    run(github, tmp_path, event("edited", body(summary="Je coacht een wijkteam in Kortrijk.")), workflow)
    if not safe:
        assert github.ref(f"refs/heads/{BRANCH}") != tip  # the reviewer's work is gone
        return
    assert github.ref(f"refs/heads/{BRANCH}") == tip
    assert branch_log(github) == ["nalezer@example.org Taak duidelijker", f"{BOT_EMAIL} Vacature: teamcoach"]
    [own] = github.pulls()
    assert own["title"] == "Vacature: teamcoach" and not own["isDraft"]
    said = github.comments(ISSUE)[-1]
    assert "**Deze aanpassing van het issue staat niet in het voorstel.**" in said
    assert "Pas het voorstel vanaf nu aan in de pull request." in said and own["url"] in said

    # An edit with a mistake does not put the reviewer's pull request back in draft …
    done = run(github, tmp_path, event("edited", body(closes="morgen")))
    assert done["check"].outputs["ok"] == "false"
    assert github.pulls()[0]["isDraft"] is False
    # … and closing the issue leaves their branch and pull request, and says so.
    run(github, tmp_path, event("closed", body(), state="closed"))
    assert github.ref(f"refs/heads/{BRANCH}") == tip and github.pulls()[0]["state"] == "OPEN"
    assert "het voorstel blijft staan" in github.comments(ISSUE)[-1]


def test_a_reviewers_push_while_the_workflow_runs_is_kept_and_the_issue_is_told(github, tmp_path):
    """The reviewer pushes after the workflow looked at the branch and before it pushes: the
    leased push fails, the reviewer's commit stays, and the issue hears that its edit is not in."""
    run(github, tmp_path, event("opened", body()))
    pushed = []
    done = run(github, tmp_path, event("edited", body(summary="Je coacht een wijkteam in Kortrijk.")),
               meanwhile={"Pull request maken of bijwerken":
                          lambda: pushed.append(reviewer_fixes_the_branch(github, tmp_path))})
    assert done["pull-request"].result == "success", done.log
    assert done["pull-request"].outputs["kept"] == "true"
    assert github.ref(f"refs/heads/{BRANCH}") == pushed[0]
    said = github.comments(ISSUE)[-1]
    assert "**Deze aanpassing van het issue staat niet in het voorstel.**" in said
    assert github.pulls()[0]["url"] in said


def test_closing_while_a_reviewer_pushes_keeps_their_branch(github, tmp_path):
    """The reviewer's push lands after the workflow looked at the branch, while it closes the
    pull request: the branch is deleted only as it was looked at, so it stays."""
    run(github, tmp_path, event("opened", body()))
    clone = tmp_path / "nalezer-race"
    subprocess.run(["git", "clone", "-q", "--branch", BRANCH, str(github.remote), str(clone)], check=True)
    (clone / "notitie.md").write_text("Nagelezen.\n", "utf-8")
    tip = commit_as(clone, "Nagelezen", *REVIEWER)
    github.change(when={"pr close": ["git", "-C", str(clone), "push", "-q", str(github.remote),
                                     f"HEAD:refs/heads/{BRANCH}"]})
    run(github, tmp_path, event("closed", body(), state="closed"))
    assert github.pulls()[0]["state"] == "CLOSED"
    assert github.ref(f"refs/heads/{BRANCH}") == tip
    assert "De branch formulier/vacature-12 blijft staan" in github.comments(ISSUE)[-1]


def test_its_own_pull_request_is_found_behind_thirty_forks_of_the_same_name(github, tmp_path):
    """gh pr list shows 30 and takes no owner; the workflow asks GitHub for its own branch."""
    run(github, tmp_path, event("opened", body()))
    for n in range(31):
        github.open_fork_pull_request(BRANCH, f"Fork {n}", owner=f"fork{n}")
    done = run(github, tmp_path, event("edited", body(closes="morgen")))  # a mistake: back to draft
    assert done["check"].outputs["ok"] == "false"
    [own] = github.pulls(isCrossRepository=False)
    assert own["isDraft"] is True
    assert not any(p["isDraft"] is False for p in github.pulls(isCrossRepository=True))


@pytest.mark.parametrize("action, state, waits_for_the_close", [
    ("closed", "closed", True), ("edited", "open", True), ("reopened", "open", True),
    ("edited", "closed", False),
])
def test_an_edit_of_a_closed_issue_never_replaces_a_waiting_close(action, state, waits_for_the_close):
    """GitHub keeps one waiting run per concurrency group, and a newer one replaces it."""
    import yaml
    from workflow_expressions import interpolate

    group = yaml.safe_load(WORKFLOW.read_text("utf-8"))["concurrency"]["group"]

    def of(payload: dict) -> str:
        return interpolate(group, {"github": {"event": payload}}, lambda which: True)

    close = of(event("closed", "", state="closed"))
    assert (of(event(action, "", state=state)) == close) is waits_for_the_close


def test_a_push_between_looking_and_pushing_is_not_overwritten(tmp_path):
    """The push replaces only the tip the workflow looked at (--force-with-lease with the tip
    that find_proposal saw): a reviewer's commit that arrives in between makes it fail."""
    text = WORKFLOW.read_text("utf-8")
    assert 'git push --force-with-lease="refs/heads/$BRANCH:$TIP" origin "HEAD:refs/heads/$BRANCH"' in text
    assert "TIP: ${{ steps.own.outputs.tip }}" in text and 'echo "tip=$tip" >> "$GITHUB_OUTPUT"' in text
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run(["git", "clone", "-q", str(remote), str(work)], check=True, capture_output=True)
    vacancy = work / "teamcoach.md"

    def commit(text: str, *who: str) -> str:
        vacancy.write_text(text, "utf-8")
        return commit_as(work, text, *who)

    seen = commit("van het formulier", "github-actions[bot]", BOT_EMAIL)
    git(work, "push", "-q", "origin", f"HEAD:refs/heads/{BRANCH}")
    commit("van een nalezer", *REVIEWER)
    git(work, "push", "-q", "origin", f"HEAD:refs/heads/{BRANCH}")
    git(work, "reset", "-q", "--hard", seen)
    commit("nieuwe versie van het formulier", "github-actions[bot]", BOT_EMAIL)
    pushed = subprocess.run(["git", "-C", str(work), "push", f"--force-with-lease=refs/heads/{BRANCH}:{seen}",
                             "origin", f"HEAD:refs/heads/{BRANCH}"], capture_output=True, text=True)
    assert pushed.returncode != 0 and "stale info" in pushed.stderr


@pytest.mark.parametrize("role, allowed", [
    ("admin", True), ("maintain", True), ("write", True), ("triage", False), ("read", False),
])
def test_only_people_with_write_access_get_a_proposal(github, tmp_path, role, allowed):
    login = {"admin": "eigenaar", "maintain": "beheerder", "write": "redacteur", "triage": "triage",
             "read": "lezer"}[role]
    # MEMBER of the organisation or COLLABORATOR says nothing about access to this repository.
    done = run(github, tmp_path, event("opened", body(), author=login, association="COLLABORATOR"))
    assert done["team"].outputs["allowed"] == ("true" if allowed else "false")
    assert bool(github.pulls()) is allowed
    [said] = github.comments(ISSUE)
    assert ("Voorstel (pull request)" in said) is allowed
    assert ("alleen een voorstel voor wie schrijfrechten heeft op deze repository" in said) is not allowed


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_member_of_the_organisation_with_read_access_gets_no_proposal(github, tmp_path, workflow, safe):
    run(github, tmp_path, event("opened", body(), author="lezer", association="MEMBER"), workflow)
    assert bool(github.pulls()) is not safe


def test_an_edit_by_someone_without_write_access_changes_nothing(github, tmp_path):
    run(github, tmp_path, event("opened", body()))
    before = github.ref(f"refs/heads/{BRANCH}")
    done = run(github, tmp_path, event("edited", body(title="Iets anders"), sender="triage"))
    assert done["check"].result == "skipped" and done["outsider"].result == "skipped"
    assert github.ref(f"refs/heads/{BRANCH}") == before and len(github.comments(ISSUE)) == 1


def test_when_github_cannot_say_who_may_write_nothing_happens(github, tmp_path):
    github.change(repository="iemand/anders")  # every API call answers 404
    done = run(github, tmp_path, event("opened", body()))
    assert done["team"].result == "failure"
    assert {name: job.result for name, job in done.jobs.items() if name != "team"} == {
        "check": "skipped", "pull-request": "skipped", "comment": "skipped", "close": "skipped",
        "outsider": "skipped"}


def test_the_readme_says_exactly_who_may_use_the_forms():
    """The README names the roles the gate admits, and the gate admits exactly GitHub's legacy
    permissions of those roles (maintain is given as write)."""
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    said = re.search(r"Alleen wie schrijfrechten heeft op deze repository \(de rollen ([^)]*)\)", readme)
    assert said, "the README says who may use the forms"
    roles = set(re.findall(r"`(\w+)`", said.group(1)))
    assert roles == {"admin", "maintain", "write"}
    gate = WORKFLOW.read_text("utf-8")
    [admitted] = re.findall(r'case "\$permission" in ([\w|]+)\)', gate)
    legacy = {"admin": "admin", "maintain": "write", "write": "write"}
    assert set(admitted.split("|")) == {legacy[role] for role in roles}
    assert "de auteur van het issue" in readme.split("Alleen wie schrijfrechten")[1][:400]


@pytest.mark.parametrize("workflow, safe", [(WORKFLOW, True), (BEFORE, False)], ids=["now", "before"])
def test_a_body_of_over_128_kib_reaches_the_check(github, tmp_path, workflow, safe):
    """60,000 three-byte characters: under GitHub's 65,536-character limit, over the 128 KiB one
    environment variable can hold. The body comes from the event's payload file instead."""
    long = body(**{"body-work": "- " + "€" * 60_000})
    assert len(long) < 65_536 < len(long.encode("utf-8"))
    run(github, tmp_path, event("opened", long), workflow)
    [said] = github.comments(ISSUE)
    broke = "De controle kon niet lopen" in said
    assert broke is not safe


def test_issue_text_is_never_run_as_a_command(github, tmp_path):
    hostile = body(title='Coach $(touch pwned) `touch pwned2` "; touch pwned3; echo "')
    run(github, tmp_path, event("opened", hostile))
    assert not list(tmp_path.rglob("pwned*"))
    assert len(github.comments(ISSUE)) == 1


def test_the_withdrawal_form_uses_its_own_branch(github, tmp_path):
    payload = event("opened", "### Adres of bestandsnaam van de vacature\n\nbestaat-niet\n",
                    label="vacature-offline")
    done = run(github, tmp_path, payload)
    assert done["check"].result == "success" and done["check"].outputs["ok"] == "false"
    assert not github.pulls() and not github.ref("refs/heads/formulier/offline-12")
    [said] = github.comments(ISSUE)
    assert "❌" in said


@pytest.fixture(autouse=True)
def _no_leftovers(tmp_path):
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)
