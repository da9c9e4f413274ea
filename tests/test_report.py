"""The maker: numbered human text, JSON for tools, GitHub annotations for CI."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import PureWindowsPath

import pytest

from helpers import FIXTURES, ROOT
from werkenbij import report
from werkenbij.problems import Problem, Severity
from werkenbij.report import count_line, native, print_problems

BROKEN_LINK = Problem("output/over-wsw/index.html", 0, 0,
                      "Deze link wijst naar een pagina die niet bestaat (/weg/).",
                      "Verbeter het adres of maak de pagina aan.", severity=Severity.ERROR, check="links",
                      element='<a href="/weg/">de pagina die er niet is</a>',
                      origin="content/pages/over-wsw.md", origin_line=12)
LONG = Problem("content/pages/x.md", 4, 0, "Deze zin telt 30 woorden: \"a, b…\".",
               "Splits de zin.", severity=Severity.WARNING)


@pytest.fixture(autouse=True)
def posix_paths(monkeypatch):
    """The expected texts below write paths with '/'; the one test of Windows sets '\\'."""
    monkeypatch.setattr(report, "SEPARATOR", "/")


def render(problems, format: str) -> str:
    stream = io.StringIO()
    print_problems(problems, stream, format)
    return stream.getvalue()


def test_human_report_numbers_errors_first_with_element_origin_and_fix():
    assert render([LONG, BROKEN_LINK], "human") == (
        "1. output/over-wsw/index.html: fout: Deze link wijst naar een pagina die niet bestaat (/weg/).\n"
        "   element: <a href=\"/weg/\">de pagina die er niet is</a>\n"
        "   gemaakt uit: content/pages/over-wsw.md:12\n"
        "   oplossing: Verbeter het adres of maak de pagina aan.\n"
        "2. content/pages/x.md:4: waarschuwing: Deze zin telt 30 woorden: \"a, b…\".\n"
        "   oplossing: Splits de zin.\n")
    assert count_line([LONG, BROKEN_LINK]) == "1 fout, 1 waarschuwing"


def test_on_windows_the_terminal_shows_paths_with_backslashes_and_github_and_json_keep_slashes(monkeypatch):
    monkeypatch.setattr(report, "SEPARATOR", "\\")
    human = render([BROKEN_LINK], "human").splitlines()
    assert human[0].startswith(f"1. {PureWindowsPath('output/over-wsw/index.html')}: fout: ")
    assert human[2] == f"   gemaakt uit: {PureWindowsPath('content/pages/over-wsw.md')}:12"
    assert "(/weg/)" in human[0]  # an address in the site is no path on this machine
    assert render([BROKEN_LINK], "github").startswith(
        "::error file=content/pages/over-wsw.md,line=12,title=links::output/over-wsw/index.html: ")
    assert json.loads(render([BROKEN_LINK], "json"))[0]["origin"] == "content/pages/over-wsw.md"


def test_json_report_holds_every_field():
    [first, second] = json.loads(render([LONG, BROKEN_LINK], "json"))
    assert first == {"path": "output/over-wsw/index.html", "line": 0, "column": 0,
                     "message": BROKEN_LINK.message, "fix": BROKEN_LINK.fix, "severity": "error",
                     "check": "links", "element": BROKEN_LINK.element,
                     "origin": "content/pages/over-wsw.md", "origin_line": 12, "key": []}
    assert second["severity"] == "warning"


def test_json_report_names_the_key_a_problem_is_about():
    problem = Problem("content/vacatures/x.md", 7, 3, "…", "…", key=("salary", 0, "min"))
    assert json.loads(render([problem], "json"))[0]["key"] == ["salary", 0, "min"]


def test_github_annotations_point_at_the_content_file_and_escape_properties():
    assert render([BROKEN_LINK, LONG], "github").splitlines() == [
        "::error file=content/pages/over-wsw.md,line=12,title=links::output/over-wsw/index.html: "
        "Deze link wijst naar een pagina die niet bestaat (/weg/). Oplossing: Verbeter het adres of "
        "maak de pagina aan.",
        "::warning file=content/pages/x.md,line=4,title=inhoud::Deze zin telt 30 woorden: \"a, b…\". "
        "Oplossing: Splits de zin.",
    ]
    odd = Problem("a,b:c.md", 1, 2, "100% kapot\nregel twee")
    assert render([odd], "github") == "::error file=a%2Cb%3Ac.md,line=1,col=2,title=inhoud::100%25 " \
                                      "kapot%0Aregel twee\n"


def test_failed_check_is_traced_to_the_content_line(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", site)
    page = site / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + "\nZie [de pagina die er niet is](/weg/).\n", "utf-8")
    line = page.read_text("utf-8").splitlines().index("Zie [de pagina die er niet is](/weg/).") + 1
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(site), "--output",
               str(site / "output"), "--format"]
    human = subprocess.run(command + ["human"], capture_output=True, text=True, timeout=60)
    assert human.returncode == 3
    assert f"   gemaakt uit: {native('content/pages/over-wsw.md')}:{line}\n" in human.stderr
    github = subprocess.run(command + ["github"], capture_output=True, text=True, timeout=60)
    assert f"::error file=content/pages/over-wsw.md,line={line},title=links::" in github.stderr
    as_json = subprocess.run(command + ["json"], capture_output=True, text=True, timeout=60)
    errors = [p for p in json.loads(as_json.stdout) if p["severity"] == "error"]
    assert [p["origin_line"] for p in errors] == [line]


HOSTILE = Problem("content/vacatures/kapot\x1b[2J.md", 3, 1,
                  "'titel\u202e' is een onbekende sleutel.\r0 fouten, Build geslaagd",
                  "Bedoel je 'title'?\n1. niets aan de hand", element="<a>\x07hier\u200b</a>")


@pytest.mark.parametrize("format", ["human", "github", "json"])
def test_control_and_invisible_characters_are_shown_never_executed(format):
    """A file name or a value can never clear the screen, ring a bell or fake a line."""
    text = render([HOSTILE], format)
    for raw in ("\x1b", "\x07", "\u202e", "\u200b") + (("\r",) if format != "json" else ()):
        assert raw not in text
    escaped = json.loads(text)[0] if format == "json" else None
    shown = escaped["path"] if escaped else text
    assert "kapot\\u001b[2J.md" in shown
    if format == "human":
        assert "\\u202e' is een onbekende sleutel.\\u000d0 fouten" in text
        assert text.count("\n") == len(text.rstrip("\n").split("\n"))  # no line of its own
        assert "\n1. niets" not in text


def test_a_message_quotes_its_line_with_a_marker_that_lines_up(tmp_path):
    """Wide letters take two columns, a tab is shown as \\u0009, a long line is cut around the
    column, and nothing outside the project, past the end of the file, or blank is quoted."""
    from pathlib import Path

    (tmp_path / "content").mkdir()
    (tmp_path / "content/x.md").write_text(
        "---\n\tcloses: 1906-12-31\n漢字 title: x\n" + "a" * 300 + "X" + "b" * 300 + "\n\n", "utf-8")
    problems = [Problem("content/x.md", 2, 10, "jaartal"), Problem("content/x.md", 3, 4, "breed"),
                Problem("content/x.md", 4, 301, "lang"), Problem("content/x.md", 2, 0, "hele regel"),
                Problem("content/x.md", 5, 1, "leeg"), Problem("content/x.md", 99, 1, "voorbij"),
                Problem("../x.md", 1, 1, "buiten"), Problem("output/a.html", 7, 0, "pagina",
                                                             origin="content/x.md", origin_line=3)]
    stream = io.StringIO()
    print_problems(problems, stream, root=Path(tmp_path))
    assert stream.getvalue() == (
        "1. ../x.md:1:1: fout: buiten\n"
        "2. content/x.md:2: fout: hele regel\n"
        "   2 | \\u0009closes: 1906-12-31\n"
        "     |       ^~~~~~~~~~~~~~~~~~\n"
        "3. content/x.md:2:10: fout: jaartal\n"
        "   2 | \\u0009closes: 1906-12-31\n"
        "     |               ^~~~~~~~~~\n"
        "4. content/x.md:3:4: fout: breed\n"
        "   3 | 漢字 title: x\n"
        "     |      ^~~~~~\n"
        "5. content/x.md:4:301: fout: lang\n"
        f"   4 | …{'a' * 50}X{'b' * 49}…\n"
        f"     | {' ' * 51}^{'~' * 49}\n"
        "6. content/x.md:5:1: fout: leeg\n"
        "7. content/x.md:99:1: fout: voorbij\n"
        "8. output/a.html:7: fout: pagina\n"
        "   gemaakt uit: content/x.md:3\n"
        "   3 | 漢字 title: x\n"
        "     | ^~~~~~~~~~~~~\n")
