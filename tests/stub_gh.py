"""A stand-in for GitHub's `gh` command, for the workflow harness (tests/workflow_harness.py).

It answers the calls the workflows make the way GitHub and gh do, including the answers that
hurt: `gh pr list --head B` lists the pull requests of *every* repository whose head branch is
named B, forks included, newest first (gh's --head takes no owner); `--delete-branch` leaves
a fork's branch alone; a token without the permission a call needs gets HTTP 403. Its state
(pull requests, comments, who may write) is a JSON file that the test sets up and reads back;
branches and tags are those of the bare git repository that plays GitHub's copy of the
repository. A call it does not know fails loudly, so a workflow cannot pass by a call the stub
ignores."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import jq
from workflow_expressions import as_text  # GitHub writes scalars as gh does

STATE = Path(os.environ.get("STUB_GITHUB_STATE", "/nonexistent"))
REMOTE = os.environ.get("STUB_GITHUB_REMOTE", "")
PR_FIELDS = ("number", "url", "title", "body", "state", "isDraft", "headRefName",
             "isCrossRepository", "headRepositoryOwner", "baseRefName", "author")


class Refused(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def load() -> dict:
    return json.loads(STATE.read_text("utf-8"))


def save(state: dict) -> None:
    STATE.write_text(json.dumps(state, indent=1, ensure_ascii=False), "utf-8")


def token_permissions() -> dict[str, str]:
    token = os.environ.get("GH_TOKEN") or os.environ.get("GITHUB_TOKEN")
    if not token:
        raise Refused("gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN "
                      "environment variable. Example:\n  env:\n    GH_TOKEN: ${{ github.token }}", 4)
    if not token.startswith("stub-token:"):
        raise Refused("HTTP 401: Bad credentials (https://api.github.com/)")
    return json.loads(token.removeprefix("stub-token:"))


def need(scope: str, level: str = "write") -> None:
    granted = token_permissions()
    if granted.get("*") == "write-all":
        return
    have = granted.get(scope, "none")
    if level == "write" and have != "write" or level == "read" and have not in ("read", "write"):
        raise Refused(f"HTTP 403: Resource not accessible by integration (the token has "
                      f"{scope}: {have}, the call needs {scope}: {level})")


def git_remote(*arguments: str, check: bool = True) -> str:
    done = subprocess.run(["git", "-C", REMOTE, *arguments], capture_output=True, text=True)
    if check and done.returncode:
        raise Refused(done.stderr.strip())
    return done.stdout.strip() if done.returncode == 0 else ""


def repository(given: str | None, state: dict) -> str:
    if given:
        return given
    # Without --repo, gh takes the repository of the git checkout it runs in.
    inside = subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True, text=True)
    if inside.returncode:
        raise Refused("failed to run git: fatal: not a git repository (or any of the parent "
                      "directories): .git")
    return state["repository"]


def pull(state: dict, which: str) -> dict:
    number = which.rstrip("/").rsplit("/", 1)[-1]
    for request in state["pulls"]:
        if str(request["number"]) == number:
            return request
    raise Refused(f"GraphQL: Could not resolve to a PullRequest with the number of {number}. "
                  "(repository.pullRequest)")


def output(data, fields: str | None, expression: str | None) -> None:
    if fields is not None:
        wanted = fields.split(",")
        unknown = [name for name in wanted if name not in PR_FIELDS]
        if unknown:
            raise Refused(f"Unknown JSON field: {unknown[0]!r}")
        data = [{name: item.get(name) for name in wanted} for item in data]
    if expression is None:
        print(json.dumps(data, indent=2))
        return
    for value in jq.compile(expression).input_value(data).all():
        print(scalar_or_json(value))


def scalar_or_json(value) -> str:
    """As gh prints a --jq result: a scalar raw (null as an empty line), anything else as JSON."""
    return json.dumps(value) if isinstance(value, (dict, list)) else as_text(value)


def pr(arguments: list[str], state: dict) -> None:
    parser = argparse.ArgumentParser(prog="gh pr", exit_on_error=False)
    parser.add_argument("action")
    parser.add_argument("target", nargs="?")
    for flag in ("--repo", "-R", "--head", "--base", "--title", "--body-file", "--json", "--jq",
                 "--state", "--comment", "--body", "--limit", "-L"):
        parser.add_argument(flag)
    parser.add_argument("--undo", action="store_true")
    parser.add_argument("--delete-branch", action="store_true")
    args = parser.parse_intermixed_args(arguments)  # gh takes flags before and after the target
    repo = repository(args.repo or args.R, state)
    if repo != state["repository"]:
        raise Refused(f"GraphQL: Could not resolve to a Repository with the name '{repo}'.")
    if args.action == "list":
        found = [p for p in state["pulls"]
                 if (args.head is None or p["headRefName"] == args.head)
                 and (args.state in (None, "all") or p["state"] == args.state.upper())]
        newest = sorted(found, key=lambda p: -p["number"])[:int(args.limit or 30)]  # gh's default
        output(newest, args.json, args.jq)
    elif args.action == "create":
        need("pull-requests")
        if not git_remote("rev-parse", "--verify", "--quiet", f"refs/heads/{args.head}", check=False):
            raise Refused("pull request create failed: GraphQL: Head sha can't be blank, "
                          "Head ref must be a branch (createPullRequest)")
        number = state["next_number"]
        state["next_number"] += 1
        url = f"https://github.com/{repo}/pull/{number}"
        state["pulls"].append({
            "number": number, "url": url, "title": args.title,
            "body": Path(args.body_file).read_text("utf-8") if args.body_file else (args.body or ""),
            "state": "OPEN", "isDraft": False, "headRefName": args.head, "isCrossRepository": False,
            "headRepositoryOwner": {"login": repo.split("/")[0]}, "baseRefName": args.base,
            "author": {"login": "app/github-actions"}})
        print(url)
    elif args.action == "edit":
        need("pull-requests")
        request = pull(state, args.target)
        if args.title is not None:
            request["title"] = args.title
        if args.body_file is not None:
            request["body"] = Path(args.body_file).read_text("utf-8")
        print(request["url"])
    elif args.action == "ready":
        need("pull-requests")
        request = pull(state, args.target)
        if not args.undo and not request["isDraft"]:
            raise Refused(f"! Pull request {repo}#{request['number']} is already \"ready for review\"", 0)
        request["isDraft"] = bool(args.undo)
    elif args.action == "close":
        need("pull-requests")
        request = pull(state, args.target)
        request["state"] = "CLOSED"
        if args.comment:
            request.setdefault("comments", []).append(args.comment)
        if args.delete_branch:
            if request["isCrossRepository"]:
                print("! Skipped deleting the remote branch of a pull request from fork", file=sys.stderr)
            else:
                need("contents")
                git_remote("update-ref", "-d", f"refs/heads/{request['headRefName']}")
    else:
        raise Refused(f"stub gh: 'gh pr {args.action}' is not known to the stub")


def issue(arguments: list[str], state: dict) -> None:
    parser = argparse.ArgumentParser(prog="gh issue", exit_on_error=False)
    parser.add_argument("action", choices=["comment"])
    parser.add_argument("number")
    parser.add_argument("--repo", "-R")
    parser.add_argument("--body")
    parser.add_argument("--body-file")
    args = parser.parse_args(arguments)
    repository(args.repo, state)
    need("issues")
    body = Path(args.body_file).read_text("utf-8") if args.body_file else args.body
    state["comments"].append({"issue": int(args.number), "body": body})
    print(f"https://github.com/{state['repository']}/issues/{args.number}#issuecomment-1")


def api(arguments: list[str], state: dict) -> None:
    parser = argparse.ArgumentParser(prog="gh api", exit_on_error=False)
    parser.add_argument("endpoint")
    parser.add_argument("--method", "-X", default="GET")
    parser.add_argument("--jq", "-q")
    args = parser.parse_args(arguments)
    token_permissions()
    path, _, query = args.endpoint.strip("/").partition("?")
    asked = dict(pair.split("=", 1) for pair in query.split("&") if pair)
    parts = path.split("/")
    if parts[:3] != ["repos", *state["repository"].split("/")]:
        raise Refused(f"gh: Not Found (HTTP 404) for {args.endpoint}")
    rest = parts[3:]
    if args.method == "GET" and len(rest) == 3 and rest[0] == "collaborators" and rest[2] == "permission":
        # GitHub's legacy roles: maintain reads as write, triage as read; in a public repository
        # every existing user can read.
        role = state["permissions"].get(rest[1], "read")
        legacy = {"maintain": "write", "triage": "read"}.get(role, role)
        data = {"permission": legacy, "role_name": role, "user": {"login": rest[1]}}
    elif args.method == "GET" and rest == ["pulls"]:
        # REST filters head=owner:branch on the server: a fork's branch of that name is not listed.
        owner, _, branch = asked.get("head", ":").partition(":")
        found = [p for p in state["pulls"] if p["state"] == asked.get("state", "open").upper()
                 and (not branch or (p["headRefName"] == branch
                                     and p["headRepositoryOwner"]["login"] == owner))]
        data = [{"number": p["number"], "html_url": p["url"], "state": p["state"].lower(),
                 "draft": p["isDraft"], "title": p["title"],
                 "head": {"ref": p["headRefName"],
                          "repo": {"full_name": f"{p['headRepositoryOwner']['login']}/"
                                                f"{state['repository'].split('/')[1]}"}}}
                for p in sorted(found, key=lambda p: -p["number"])]
    elif args.method == "GET" and rest[:2] == ["git", "ref"] and len(rest) >= 4:
        ref = "refs/" + "/".join(rest[2:])
        sha = git_remote("rev-parse", "--verify", "--quiet", ref, check=False)
        if not sha:
            raise Refused("gh: Not Found (HTTP 404)")
        data = {"ref": ref, "object": {"sha": sha, "type": git_remote("cat-file", "-t", sha)}}
    elif args.method == "GET" and rest[:2] == ["git", "tags"] and len(rest) == 3:
        target = git_remote("rev-parse", "--verify", "--quiet", f"{rest[2]}^{{}}", check=False)
        if git_remote("cat-file", "-t", rest[2], check=False) != "tag" or not target:
            raise Refused("gh: Not Found (HTTP 404)")
        data = {"sha": rest[2], "object": {"sha": target, "type": "commit"}}
    elif args.method == "PUT" and rest[:2] == ["actions", "workflows"] and rest[-1] == "enable":
        need("actions")
        state["enabled"] = rest[2]
        return
    else:
        raise Refused(f"stub gh: 'gh api --method {args.method} {args.endpoint}' is not known to the stub")
    if args.jq is None:
        print(json.dumps(data, indent=2))
        return
    for value in jq.compile(args.jq).input_value(data).all():
        print(scalar_or_json(value))


def main(argv: list[str]) -> int:
    state = load()
    state["calls"].append(argv)
    # Something that happens on GitHub at the moment of this call (a test's race), once.
    happens = state.get("when", {}).pop(" ".join(argv[:2]), None)
    save(state)
    if happens:
        subprocess.run(happens, check=True, capture_output=True)
        state = load()
    try:
        if not argv:
            raise Refused("stub gh: no command")
        handler = {"pr": pr, "issue": issue, "api": api}.get(argv[0])
        if handler is None:
            raise Refused(f"stub gh: 'gh {argv[0]}' is not known to the stub")
        handler(argv[1:], state)
    except Refused as refused:
        print(refused, file=sys.stderr)
        save(state)
        return refused.code
    except (argparse.ArgumentError, SystemExit) as wrong:
        print(f"stub gh: wrong use: {wrong}", file=sys.stderr)
        return 1
    save(state)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
