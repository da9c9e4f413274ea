"""Run a GitHub Actions workflow of this repository here, as GitHub would, to test what it does.

Each `run:` step runs its own text with bash (`--noprofile --norc -eo pipefail`, the shell
every workflow here sets in `defaults`), in a checkout of a local bare git repository that
plays GitHub's copy of the repository, with the environment GitHub gives (GITHUB_OUTPUT,
GITHUB_EVENT_PATH, RUNNER_TEMP …) and `${{ … }}` evaluated (tests/workflow_expressions.py).
`gh` is tests/stub_gh.py, and the token it gets carries the job's permissions, so a job that
writes without the permission fails here as on GitHub. The few actions the workflows use have
stand-ins: checkout clones the bare repository (persist-credentials: false leaves it unable to
push), artifacts are folders of the run, pages records what would go online. Jobs run in the
order of `needs`; `if:`, continue-on-error, outcomes, results and outputs follow GitHub's rules.

Time: a step that runs longer than `patience` seconds is taken to hang, and is treated as
having run until its limit: its own `timeout-minutes` (the step fails, and continue-on-error
applies), or else the job's (360 minutes unless set: the job fails and runs nothing more).
Commands that must hang or fail on purpose are stubs on PATH (`Stubs`)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from workflow_expressions import evaluate, interpolate, truthy, uses_status

HERE = Path(__file__).resolve().parent
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
DEFAULT_JOB_MINUTES = 360


def git(repo: Path, *arguments: str, env: dict | None = None) -> str:
    done = subprocess.run(["git", "-C", str(repo), "-c", "init.defaultBranch=main", *arguments],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise AssertionError(f"git {' '.join(arguments)}: {done.stderr}")
    return done.stdout.strip()


def commit_as(repo: Path, message: str, name: str, email: str) -> str:
    """A commit by someone: author and committer, as GitHub shows them."""
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", message, env=env)
    return git(repo, "rev-parse", "HEAD")


@dataclass
class GitHub:
    """GitHub's side: the bare repository, and the state the stub gh reads and writes."""
    folder: Path
    repository: str = "stad-kortrijk/werken-bij"

    def __post_init__(self):
        self.remote = self.folder / "remote.git"
        self.state_file = self.folder / "github.json"
        if not self.state_file.exists():
            self.save({"repository": self.repository, "pulls": [], "comments": [], "calls": [],
                       "permissions": {}, "next_number": 100})

    @property
    def state(self) -> dict:
        return json.loads(self.state_file.read_text("utf-8"))

    def save(self, state: dict) -> None:
        self.state_file.write_text(json.dumps(state, indent=1, ensure_ascii=False), "utf-8")

    def change(self, **values) -> None:
        self.save({**self.state, **values})

    def push_from(self, work: Path, *refspecs: str) -> None:
        git(work, "push", "-q", "--force", str(self.remote), *refspecs)

    def ref(self, name: str) -> str:
        done = subprocess.run(["git", "-C", str(self.remote), "rev-parse", "--verify", "--quiet", name],
                              capture_output=True, text=True)
        return done.stdout.strip()

    def open_fork_pull_request(self, branch: str, title: str, owner: str = "aanvaller") -> dict:
        """Someone's fork with a branch of the same name: GitHub lists it under that name too."""
        state = self.state
        number = state["next_number"]
        request = {"number": number, "url": f"https://github.com/{self.repository}/pull/{number}",
                   "title": title, "body": "", "state": "OPEN", "isDraft": True,
                   "headRefName": branch, "isCrossRepository": True,
                   "headRepositoryOwner": {"login": owner}, "baseRefName": "main",
                   "author": {"login": owner}}
        self.change(pulls=[*state["pulls"], request], next_number=number + 1)
        return request

    def pulls(self, **match) -> list[dict]:
        return [p for p in self.state["pulls"] if all(p.get(k) == v for k, v in match.items())]

    def comments(self, issue: int) -> list[str]:
        return [c["body"] for c in self.state["comments"] if c["issue"] == issue]


@dataclass
class Step:
    name: str
    outcome: str
    conclusion: str
    output: str = ""
    timed_out: bool = False


@dataclass
class Job:
    name: str
    result: str
    outputs: dict = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)

    def step(self, name: str) -> Step:
        [found] = [s for s in self.steps if s.name == name]
        return found

    @property
    def log(self) -> str:
        return "\n".join(f"--- {s.name}: {s.outcome}\n{s.output}" for s in self.steps)


@dataclass
class Run:
    jobs: dict[str, Job]
    folder: Path

    def __getitem__(self, name: str) -> Job:
        return self.jobs[name]

    @property
    def pages(self) -> Path | None:
        """The site that deploy-pages put online in this run, if any."""
        deployed = self.folder / "pages-deployed"
        return deployed if deployed.exists() else None

    @property
    def log(self) -> str:
        return "\n".join(f"===== {name}: {job.result}\n{job.log}" for name, job in self.jobs.items())


@dataclass
class Stubs:
    """Commands on PATH before the real ones. `make` plays `make test`: it links the tests'
    own virtual environment as `.venv` (what `make test` installs) and then passes, fails or
    hangs; apt-get and `python -m pip install` do nothing."""
    make: str = "pass"  # pass, fail or hang

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        python = sys.executable
        scripts = {
            "gh": f'#!/bin/sh\nexec "{python}" "{HERE / "stub_gh.py"}" "$@"\n',
            "apt-get": "#!/bin/sh\nexit 0\n",
            # `python -m pip install -r requirements.txt`: the tests' own environment has every
            # pinned package already, and pip would take a second to say so.
            "python": ('#!/bin/sh\n[ "$1 $2 $3" = "-m pip install" ] && exit 0\n'
                       f'exec "{python}" "$@"\n'),
            "python3": f'#!/bin/sh\nexec "{python}" "$@"\n',
            "make": ("#!/bin/sh\n"
                     f'[ -e .venv ] || ln -s "{Path(sys.prefix)}" .venv\n'
                     + {"pass": "exit 0\n", "fail": "echo 'FAILED tests' >&2; exit 2\n",
                        "hang": "exec sleep 100000\n"}[self.make]),
        }
        for name, text in scripts.items():
            (folder / name).write_text(text, "utf-8")
            (folder / name).chmod(0o755)
        return folder


class Runner:
    def __init__(self, workflow: Path, github: GitHub, folder: Path, *, event_name: str,
                 event: dict, sha: str | None = None, ref: str = "refs/heads/main",
                 stubs: Stubs | None = None, patience: float = 60.0, environment: dict | None = None,
                 meanwhile: dict | None = None):
        self.workflow = yaml.safe_load(workflow.read_text("utf-8"))
        self.github, self.folder = github, folder
        self.event_name, self.event, self.ref = event_name, event, ref
        self.sha = sha or github.ref("refs/heads/main")
        self.patience = patience
        self.environment = environment or {}
        # What happens on GitHub while the run goes on: step name -> a function called just
        # before that step runs (a reviewer's push, a tag that moves).
        self.meanwhile = meanwhile or {}
        self.bin = (stubs or Stubs()).write(folder / "bin")
        self.home = folder / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.event_path = folder / "event.json"
        self.event_path.write_text(json.dumps(event, ensure_ascii=False), "utf-8")
        self.artifacts = folder / "artifacts"

    def run(self) -> Run:
        jobs: dict[str, Job] = {}
        remaining = dict(self.workflow["jobs"])
        while remaining:
            ready = [name for name, job in remaining.items() if all(n in jobs for n in _needs(job))]
            if not ready:
                raise AssertionError(f"jobs wait for each other: {sorted(remaining)}")
            for name in ready:
                jobs[name] = self.job(name, remaining.pop(name), jobs)
        return Run(jobs, self.folder)

    def contexts(self, needs: dict, steps: dict, env: dict, job_folder: Path) -> dict:
        return {
            "github": {"event": self.event, "event_name": self.event_name, "sha": self.sha,
                       "ref": self.ref, "repository": self.github.repository,
                       "repository_owner": self.github.repository.split("/")[0],
                       "workspace": str(job_folder / "workspace"), "token": self._token},
            "env": env, "steps": steps, "needs": needs, "vars": {}, "secrets": {},
            "runner": {"temp": str(job_folder / "temp"), "os": "Linux"},
        }

    def job(self, name: str, spec: dict, done: dict[str, Job]) -> Job:
        needs = {n: {"result": done[n].result, "outputs": done[n].outputs} for n in _needs(spec)}
        folder = self.folder / "jobs" / name
        (folder / "workspace").mkdir(parents=True)
        (folder / "temp").mkdir()
        env: dict = {}
        job_failed = False

        def job_status(which: str) -> bool:
            results = [n["result"] for n in needs.values()]
            return {"success": all(r == "success" for r in results), "always": True,
                    "failure": any(r == "failure" for r in results), "cancelled": False}[which]

        contexts = self.contexts(needs, {}, env, folder)
        if not self._condition(spec.get("if"), contexts, job_status):
            return Job(name, "skipped")
        permissions = spec.get("permissions", self.workflow.get("permissions"))
        self._token = "stub-token:" + json.dumps(_permissions(permissions))
        contexts = self.contexts(needs, {}, env, folder)
        for source in (self.workflow.get("env", {}), spec.get("env", {})):
            env.update({k: interpolate(str(v), contexts, job_status) for k, v in source.items()})
        shell = (spec.get("defaults", {}).get("run", {}).get("shell")
                 or self.workflow.get("defaults", {}).get("run", {}).get("shell"))
        job = Job(name, "success")
        steps: dict = {}
        minutes_left = float(spec.get("timeout-minutes", DEFAULT_JOB_MINUTES))
        for index, step in enumerate(spec.get("steps", [])):
            step_id = step.get("id", f"__{index}")
            label = step.get("name") or step.get("id") or step.get("uses") or step["run"].split("\n")[0]
            contexts = self.contexts(needs, steps, env, folder)

            def step_status(which: str, failed: bool = job_failed) -> bool:
                return {"success": not failed, "failure": failed, "always": True, "cancelled": False}[which]

            if minutes_left <= 0 or not self._condition(step.get("if"), contexts, step_status):
                steps[step_id] = {"outcome": "skipped", "conclusion": "skipped", "outputs": {}}
                job.steps.append(Step(label, "skipped", "skipped"))
                continue
            if label in self.meanwhile:
                self.meanwhile.pop(label)()
            step_env = {**env, **{k: interpolate(str(v), contexts, step_status)
                                  for k, v in step.get("env", {}).items()}}
            limit = float(step.get("timeout-minutes", minutes_left))
            if "uses" in step:
                code, text, outputs, hung = self.action(step, contexts, step_status, folder, step_env)
            else:
                code, text, outputs, hung = self.script(step, shell, folder, step_env, limit,
                                                        contexts, step_status)
            if hung:
                if "timeout-minutes" in step and limit < minutes_left:
                    minutes_left -= limit
                    text += f"\n##[error]The action '{label}' has timed out after {limit:g} minutes."
                else:
                    minutes_left = 0
                    text += f"\n##[error]The job has exceeded the maximum execution time of " \
                            f"{spec.get('timeout-minutes', DEFAULT_JOB_MINUTES)} minutes."
            outcome = "success" if code == 0 else "failure"
            ignore = truthy(evaluate(str(step["continue-on-error"]), contexts, step_status)) \
                if "continue-on-error" in step and isinstance(step["continue-on-error"], str) \
                else bool(step.get("continue-on-error", False))
            conclusion = "success" if outcome == "success" or (ignore and minutes_left > 0) else "failure"
            steps[step_id] = {"outcome": outcome, "conclusion": conclusion, "outputs": outputs}
            job.steps.append(Step(label, outcome, conclusion, text, hung))
            if conclusion == "failure":
                job_failed = True
        contexts = self.contexts(needs, steps, env, folder)
        job.result = "failure" if job_failed else "success"
        job.outputs = {k: interpolate(str(v), contexts, lambda w: w == "always")
                       for k, v in spec.get("outputs", {}).items()}
        return job

    _token = "stub-token:{}"

    @staticmethod
    def _condition(text, contexts: dict, status) -> bool:
        if text is None:
            return status("success")
        text = str(text).strip()
        if text.startswith("${{") and text.endswith("}}"):
            text = text[3:-2]
        value = evaluate(text, contexts, status)
        return truthy(value) if uses_status(text) else status("success") and truthy(value)

    def base_env(self, folder: Path) -> dict:
        return {
            "PATH": f"{self.bin}:{os.environ['PATH']}", "HOME": str(self.home), "LANG": "C.UTF-8",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": self.github.repository,
            "GITHUB_REPOSITORY_OWNER": self.github.repository.split("/")[0],
            "GITHUB_SHA": self.sha, "GITHUB_REF": self.ref, "GITHUB_EVENT_NAME": self.event_name,
            "GITHUB_EVENT_PATH": str(self.event_path), "GITHUB_WORKSPACE": str(folder / "workspace"),
            "RUNNER_TEMP": str(folder / "temp"), "RUNNER_OS": "Linux",
            "STUB_GITHUB_STATE": str(self.github.state_file), "STUB_GITHUB_REMOTE": str(self.github.remote),
            **self.environment,
        }

    def script(self, step: dict, shell, folder: Path, env: dict, minutes: float, contexts, status):
        shell = step.get("shell", shell)
        # GitHub: `shell: bash` runs `bash --noprofile --norc -eo pipefail`; no shell at all
        # runs `bash -e` (no pipefail).
        if shell not in ("bash", None):
            raise AssertionError(f"the harness runs bash steps only, not {shell!r}")
        flags = ["--noprofile", "--norc", "-eo", "pipefail"] if shell == "bash" else ["-e"]
        output_file, summary = folder / "temp" / "_output", folder / "temp" / "_summary"
        output_file.write_text("")
        script = folder / "temp" / "_step.sh"
        script.write_text(interpolate(step["run"], contexts, status), "utf-8")
        cwd = folder / "workspace" / step.get("working-directory", ".")
        full_env = {**self.base_env(folder), **env, "GITHUB_OUTPUT": str(output_file),
                    "GITHUB_STEP_SUMMARY": str(summary)}
        try:
            process = subprocess.Popen(["bash", *flags, str(script)], cwd=cwd, env=full_env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                       start_new_session=True)
        except OSError as error:  # E2BIG: an environment variable over 128 KiB
            return 1, f"##[error]An error occurred trying to start process: {error}", {}, False
        hung = False
        try:
            text, _ = process.communicate(timeout=min(self.patience, minutes * 60))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            text, _ = process.communicate()
            hung = True
        outputs = _read_outputs(output_file.read_text("utf-8"))
        return (1 if hung else process.returncode), text, outputs, hung

    def action(self, step: dict, contexts, status, folder: Path, env: dict):
        name = step["uses"].split("@")[0]
        given = {k: interpolate(str(v), contexts, status) for k, v in step.get("with", {}).items()}
        workspace = folder / "workspace"
        outputs: dict = {}
        if name == "actions/checkout":
            depth = int(given.get("fetch-depth", "1"))
            shutil.rmtree(workspace)
            clone = ["clone", "-q", f"file://{self.github.remote}", str(workspace)]
            if depth:
                clone[2:2] = ["--depth", str(depth), "--branch",
                              given.get("ref") or self.ref.removeprefix("refs/heads/")]
            missing = f"##[error]A branch or tag with the name '{given.get('ref')}' could not be found"
            if subprocess.run(["git", *clone], capture_output=True).returncode:
                return 1, missing, {}, False
            if depth == 0:
                wanted = given.get("ref") or self.sha
                if subprocess.run(["git", "-C", str(workspace), "checkout", "-q", "--detach", wanted],
                                  capture_output=True).returncode:
                    return 1, missing, {}, False
            elif not given.get("ref") and git(workspace, "rev-parse", "HEAD") != self.sha:
                raise AssertionError("a shallow checkout of another commit than the branch's newest")
            if given.get("persist-credentials", "true") == "false":
                git(workspace, "remote", "set-url", "--push", "origin", "https://github.com/no-credentials.git")
        elif name in ("actions/setup-python",):
            pass
        elif name == "actions/upload-artifact":
            source = workspace / given["path"]
            if source.exists() and any(source.iterdir()):
                shutil.copytree(source, self.artifacts / given["name"], dirs_exist_ok=True)
            elif given.get("if-no-files-found", "warn") == "error":
                return 1, f"No files were found with the provided path: {given['path']}", {}, False
        elif name == "actions/download-artifact":
            source = self.artifacts / given["name"]
            if not source.exists():
                missing = f"Unable to download artifact(s): Artifact not found for name: {given['name']}"
                return 1, missing, {}, False
            shutil.copytree(source, workspace / given.get("path", "."), dirs_exist_ok=True)
        elif name == "actions/configure-pages":
            outputs = {"base_url": "https://stad-kortrijk.github.io/werken-bij"}
        elif name == "actions/upload-pages-artifact":
            shutil.copytree(workspace / given["path"], self.artifacts / "github-pages")
        elif name == "actions/deploy-pages":
            if json.loads(self._token.removeprefix("stub-token:")).get("pages") != "write":
                return 1, "HTTP 403: deploy-pages needs pages: write", {}, False
            shutil.copytree(self.artifacts / "github-pages", self.folder / "pages-deployed")
            outputs = {"page_url": "https://stad-kortrijk.github.io/werken-bij/"}
        else:
            raise AssertionError(f"the harness has no stand-in for {step['uses']}")
        return 0, "", outputs, False


def _needs(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _permissions(given) -> dict:
    if given is None:
        return {"*": "write-all"}
    if isinstance(given, str):
        return {"*": given}
    return dict(given)


def _read_outputs(text: str) -> dict:
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        if "<<" in line and "=" not in line.split("<<")[0]:
            key, marker = line.split("<<", 1)
            value = []
            for inner in lines:
                if inner == marker:
                    break
                value.append(inner)
            outputs[key] = "\n".join(value)
        elif "=" in line:
            key, value = line.split("=", 1)
            outputs[key] = value
    return outputs


TEAM_MEMBER = ("Redacteur", "redacteur@example.org")


def project(folder: Path, content: Path, code: Path) -> tuple[GitHub, Path]:
    """GitHub's copy of a project (this code, the site of `content`), one commit on main by a
    team member, pushed to a new bare repository; and the work tree it was made in, to commit
    further changes from."""
    work = folder / "work"
    shutil.copytree(content, work)
    for name in ("build.py", "requirements.txt", "werkenbij", "templates", ".ci", ".github"):
        source = code / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, work / name)
    git(work, "init", "-q")
    commit_as(work, "Eerste versie", *TEAM_MEMBER)
    github = GitHub(folder)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(github.remote)], check=True)
    github.push_from(work, "HEAD:refs/heads/main")
    return github, work
