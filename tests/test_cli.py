"""The command line as CI and editors use it: exit codes, summary line, README commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from helpers import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_build_prints_one_summary_line_and_exits_zero(tmp_path):
    result = run("--date", "2025-10-20", "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"7 pagina's gebouwd op 2025-10-20, 0 fouten, \d+ waarschuwingen "
                        r"\(\d+,\d s\)\n", result.stdout)


def test_bad_date_is_a_usage_error(tmp_path):
    result = run("--date", "20-10-2025", "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "--date '20-10-2025' is geen geldige datum. Gebruik JJJJ-MM-DD." in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_command_checks_a_built_folder(tmp_path):
    assert run("--output", str(tmp_path / "out")).returncode == 0
    result = run("check", str(tmp_path / "out"))
    assert result.returncode == 0
    assert result.stdout.endswith("gecontroleerd: 0 fouten, 1 waarschuwing\n")  # the sitemap one


def test_readme_starts_with_the_two_commands_ci_runs():
    lines = (ROOT / "README.md").read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("```"))
    end = lines.index("```", start + 1)
    assert start < 10, "the commands come first"
    assert lines[start + 1:end] == ["make site", "make test"]
    ci = (ROOT / ".ci/run").read_text("utf-8")
    assert [line for line in ci.splitlines() if line.startswith("make")] == ["make test"]


def test_generated_files_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    assert "/output/" in ignored and "/.venv/" in ignored


def test_build_options_work_before_and_after_the_build_word(tmp_path):
    for args in (["--date", "2025-10-20", "build"], ["build", "--date", "2025-10-20"]):
        result = run(*args, "--output", str(tmp_path / "out"))
        assert result.returncode == 0, result.stderr
        assert "gebouwd op 2025-10-20" in result.stdout


def test_check_with_external_reports_a_broken_link_from_a_local_server(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Gone(BaseHTTPRequestHandler):
        def do_HEAD(self):  # noqa: N802 (the name http.server asks for)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    assert run("--output", str(tmp_path / "out")).returncode == 0
    with ThreadingHTTPServer(("127.0.0.1", 0), Gone) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}/weg"
        page = tmp_path / "out/over-wsw/index.html"
        page.write_text(page.read_text("utf-8").replace("</main>", f'<a href="{url}">weg</a></main>'),
                        "utf-8")
        result = run("check", str(tmp_path / "out"), "--external", "--format", "json")
        server.shutdown()
        thread.join()
    assert result.returncode == 3
    messages = {p["message"] for p in json.loads(result.stdout)}
    assert f"De externe link {url} geeft 404 (niet gevonden)." in messages


def test_the_old_no_cache_option_is_still_accepted(tmp_path):
    """There is no build cache any more, but scripts that still pass --no-cache keep working."""
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--no-cache", "--output",
                             str(tmp_path / "output"), "--date", "2025-10-20"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_module_of_python_itself_that_is_missing_is_not_called_a_missing_package(tmp_path):
    """As Windows lacks fcntl: not the editor's installation, but code of ours that assumed it."""
    hide = ("import runpy, sys; sys.modules['zoneinfo'] = None; sys.argv = ['build.py', '--help']; "
            f"sys.path.insert(0, {str(ROOT)!r}); "
            f"runpy.run_path({str(ROOT / 'build.py')!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert (result.returncode, result.stderr) == (4, (
        "build.py: deze Python mist de module 'zoneinfo', die bij Python zelf hoort. Dat is een fout "
        "van build.py op dit systeem: meld dit aan de ontwikkelaars, met de versie van Python en het "
        "systeem.\n"))


def test_a_python_without_the_packages_gets_a_dutch_sentence_not_a_traceback(tmp_path):
    """-S leaves out site-packages: the project's packages are missing, as with a system Python."""
    result = subprocess.run([sys.executable, "-S", str(ROOT / "build.py"), "--help"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("build.py: deze Python mist de pakketten van het project (geen module '")
    assert ".venv/bin/python build.py" in result.stderr and "make site" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.posix
def test_make_serve_runs_serve_with_the_projects_python():
    result = subprocess.run(["make", "-n", "--no-print-directory", "serve", "ARGS=--drafts"],
                            capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == ".venv/bin/python build.py serve --drafts"
