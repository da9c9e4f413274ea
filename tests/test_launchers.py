"""voorbeeld.command (macOS) and voorbeeld.cmd (Windows): what an editor double-clicks to see
the site without a terminal. The macOS one runs here in bash, with a stand-in python3 that
writes down what it was asked; cmd.exe is not here, so the Windows one is held to its text
(the CI runs a build on Windows, not this file: a double-click cannot be run there either)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.posix  # bash, and the workflows' Linux runner

COMMAND = ROOT / "voorbeeld.command"
CMD = ROOT / "voorbeeld.cmd"

# A python3 that writes each call to calls.log; `-m venv .venv` makes a .venv/bin/python like it.
FAKE_PYTHON = """#!/bin/bash
echo "$(basename "$0") $*" >> "$CALLS"
if [ "$1" = "-c" ]; then exit "${FAKE_VERSION_CHECK:-0}"; fi
if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
exit 0
"""


@pytest.fixture
def project(tmp_path) -> Path:
    folder = tmp_path / "met spatie"  # as in "OneDrive - Stad Kortrijk"
    folder.mkdir()
    shutil.copy(COMMAND, folder)
    shutil.copy(ROOT / "requirements.txt", folder)
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "python3").write_text(FAKE_PYTHON, "utf-8")
    (tools / "python3").chmod(0o755)
    return folder


def double_click(project: Path, **environment: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    calls = project.parent / "calls.log"
    calls.unlink(missing_ok=True)
    result = subprocess.run(["bash", str(project / "voorbeeld.command")], cwd=project.parent,
                            env={"PATH": f"{project.parent / 'bin'}:/usr/bin:/bin",
                                 "CALLS": str(calls), **environment},
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    return result, calls.read_text("utf-8").splitlines() if calls.exists() else []


def test_the_first_double_click_makes_the_environment_and_starts_the_preview(project):
    result, calls = double_click(project)
    assert result.returncode == 0, result.stderr
    assert calls == [
        "python3 -c import sys; sys.exit(sys.version_info < (3, 11))",
        "python3 -m venv .venv",
        "python -m pip install --quiet --disable-pip-version-check -r requirements.txt",
        "python build.py serve --drafts --open",
    ]
    assert (project / ".venv/.runtime").exists()


def test_a_later_double_click_installs_again_only_when_the_requirements_changed(project):
    double_click(project)
    assert double_click(project)[1][1:] == ["python build.py serve --drafts --open"]
    later = time.time() + 10
    os.utime(project / "requirements.txt", (later, later))
    assert double_click(project)[1][1:] == [
        "python -m pip install --quiet --disable-pip-version-check -r requirements.txt",
        "python build.py serve --drafts --open"]


def test_without_python_3_11_it_says_what_to_install_and_changes_nothing(project):
    result, calls = double_click(project, FAKE_VERSION_CHECK="1")
    assert result.returncode == 1
    assert "Python 3.11 of nieuwer ontbreekt. Installeer Python van python.org" in result.stdout
    assert len(calls) == 1 and not (project / ".venv").exists()


def test_the_mac_launcher_is_executable_in_git_and_on_disk():
    assert COMMAND.stat().st_mode & stat.S_IXUSR
    listed = subprocess.run(["git", "ls-files", "--stage", "voorbeeld.command"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    assert listed.startswith("100755 ")


def test_the_windows_launcher_has_crlf_ascii_and_runs_what_the_mac_one_runs():
    data = CMD.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > 20  # cmd.exe misreads LF-only lines
    text = data.decode("ascii")  # cmd.exe shows no other letters in its own code page
    lines = text.splitlines()
    assert lines[0] == "@echo off"
    assert 'set "PYTHON=py -3"' in lines  # the launcher python.org installs
    assert "%PYTHON% -m venv .venv" in lines
    assert '".venv\\Scripts\\python.exe" -m pip install --quiet --disable-pip-version-check ' \
           "-r requirements.txt" in lines
    assert '".venv\\Scripts\\python.exe" build.py serve --drafts --open' in lines
    assert "pause" in lines  # a failure stays on screen
    for asks_for_admin in ("runas", "net session", "wsl", "Set-ExecutionPolicy", "winget", "choco"):
        assert asks_for_admin.lower() not in text.lower()


def test_git_checks_out_the_windows_launcher_with_crlf():
    listed = subprocess.run(["git", "check-attr", "eol", "voorbeeld.cmd"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    assert listed == "voorbeeld.cmd: eol: crlf\n"
