"""The editors' guide (content/LEESMIJ.md) says what the project does: every command it shows
runs, every file it names exists, every link inside it lands on a heading, and what it says
about taking a vacancy offline and about the publish workflow is what the code does."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from helpers import ROOT, build_site, copy_of, parse, text_of
from werkenbij.cli import _parser
from werkenbij.dev.scaffold import _SLOT

GUIDE = (ROOT / "content/LEESMIJ.md").read_text("utf-8")
# Names the guide uses as examples of what an editor makes; they are not in the repository.
EXAMPLES = {"content/vacatures/maatschappelijk-werker.md"}
# Made by `make site` on the editor's machine, never part of a fresh clone.
MADE_BY_THE_BUILD = (".venv/", "output/")


def _code() -> list[str]:
    """What the guide shows as code: each line of a fenced block and each `span` elsewhere."""
    pieces, fenced = [], False
    for line in GUIDE.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced:
            pieces.append(line.strip())
        else:
            pieces += re.findall(r"`([^`\n]+)`", line)
    return pieces


def _headings() -> list[str]:
    fenced, found = False, []
    for line in GUIDE.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"#{1,6} (.+)", line)):
            found.append(match[1])
    return found


def _anchor(heading: str) -> str:
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces become hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_every_make_target_the_guide_names_is_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    named = {m[1] for piece in _code() if (m := re.match(r"make ([a-z][\w-]*)", piece))}
    assert named, "the guide names no make target"
    assert sorted(named - targets) == []
    if "ARGS=" in GUIDE:  # `make serve ARGS=--drafts` only works when serve passes them on
        assert re.search(r"^serve:.*\n\t.*build\.py serve \$\(ARGS\)", makefile, re.M)


def _commands() -> list[list[str]]:
    """Every build.py command line of the guide, as arguments; `make serve ARGS=…` included."""
    commands = []
    for piece in _code():
        if (match := re.search(r"build\.py(.*)", piece)):
            commands.append(shlex.split(match[1]))
        if (match := re.match(r"make serve ARGS=(.+)", piece)):
            # the shell takes the quotes off ARGS="…", then make puts the words after serve
            commands.append(["serve", *shlex.split(shlex.split(match[1])[0])])
    return commands


def test_every_build_py_command_the_guide_shows_is_accepted_by_the_command_line(capsys):
    commands = _commands()
    assert ["new", "Maatschappelijk werker"] in commands
    assert ["serve", "--drafts"] in commands
    for arguments in commands:
        try:
            _parser().parse_args(arguments)
        except SystemExit:
            pytest.fail(f"build.py {shlex.join(arguments)}: {capsys.readouterr().err}")


def test_every_project_file_the_guide_names_exists():
    named = {piece.rstrip("/") for piece in _code()
             if re.fullmatch(r"\.?[\w-]+(/[\w.-]+)+/?|[\w-]+\.(yaml|txt|py|cmd|command)|Makefile", piece)}
    named = {path for path in named if not path.startswith(MADE_BY_THE_BUILD)}
    assert {"templates/nieuwe-vacature.md", ".github/workflows/publish.yml", "voorbeeld.cmd",
            "voorbeeld.command"} <= named
    missing = sorted(path for path in named - EXAMPLES
                     if not (ROOT / path).exists())
    assert missing == []


def test_the_example_vacancy_is_the_file_build_py_new_makes(tmp_path):
    """The guide's example path is what `build.py new "Maatschappelijk werker"` writes."""
    from werkenbij.dev.scaffold import new_vacancy
    from werkenbij.read.config import load_config

    root = copy_of("complete", tmp_path)
    (root / "content/vacatures/maatschappelijk-werker.md").unlink()
    made = new_vacancy(root, ROOT / "templates", load_config(root), "Maatschappelijk werker",
                       date(2025, 10, 1))
    assert {made.relative_to(root).as_posix()} == EXAMPLES


def test_the_guide_names_every_slot_of_the_template_an_editor_copies_by_hand():
    """In the browser an editor copies templates/nieuwe-vacature.md; each {slot} left in it
    is either a mistake or printed as is, so the guide lists all of them."""
    template = (ROOT / "templates/nieuwe-vacature.md").read_text("utf-8")
    slots = {f"{{{name}}}" for name in _SLOT.findall(template)}
    assert slots == {"{title}", "{team}", "{published}"}
    section = GUIDE.split("### Een nieuwe vacature maken", 1)[1].split("\n### ", 1)[0]
    assert sorted(slot for slot in slots if f"`{slot}`" not in section) == []


def test_the_guide_names_no_path_of_one_machine():
    assert re.findall(r"(?<![\w.~])/(?:work|home|Users|tmp|mnt|var|opt|root)/|\b[A-Za-z]:\\", GUIDE) == []


def test_every_link_inside_the_guide_lands_on_a_heading():
    anchors = {_anchor(heading) for heading in _headings()}
    links = re.findall(r"\]\(#([^)]+)\)", GUIDE)
    assert links
    assert sorted(set(links) - anchors) == []


def test_what_the_guide_says_about_publishing_is_in_the_workflow():
    workflow = (ROOT / ".github/workflows/publish.yml").read_text("utf-8")
    fallback = (ROOT / ".ci/publish.py").read_text("utf-8")
    assert re.search(r"^name: Publiceren$", workflow, re.M)
    assert '- cron: "30 4 * * *"' in workflow and "om 4.30 uur UTC" in GUIDE
    assert "workflow_dispatch:" in workflow and "**Run workflow**" in GUIDE
    assert "environment:\n      name: github-pages" in workflow  # the address on the deploy job
    red = GUIDE.split("### Een rode run", 1)[1].split("\n## ", 1)[0]
    titles = re.findall(r"^\| ([A-Z][^|]+?) \|", red, re.M)
    assert titles == ["Oude versie online", "Niet gepubliceerd", "Nachtelijke publicatie in gevaar"]
    for title in titles:
        assert f"title={title}::" in workflow + fallback


@pytest.fixture
def closing(tmp_path) -> Path:
    """A vacancy open on 15 October 2025 (it closes on the 31st), with an old name."""
    root = copy_of("complete", tmp_path)
    path = root / "content/vacatures/maatschappelijk-werker.md"
    text = path.read_text("utf-8")
    assert "\ncloses: 2025-10-31\n" in text and "aliases:" not in text
    path.write_text(text.replace("\ncloses: 2025-10-31\n", "\ncloses: 2025-10-31\naliases:\n  - oude-naam\n"),
                    "utf-8")
    return root


TODAY = date(2025, 10, 15)


def _offline(root: Path, old: str, new: str) -> Path:
    path = root / "content/vacatures/maatschappelijk-werker.md"
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    return build_site(root / "out", TODAY, root=root)


def test_closes_set_to_yesterday_moves_the_vacancy_to_the_archive_and_keeps_its_links(closing):
    """What the guide recommends to take a vacancy offline early."""
    section = GUIDE.split("## Een vacature vroeger offline halen", 1)[1].split("\n## ", 1)[0]
    assert "Zet dan de sluitdatum op gisteren." in section
    site = _offline(closing, "closes: 2025-10-31", "closes: 2025-10-14")
    link = 'href="/vacatures/maatschappelijk-werker/"'
    assert link not in (site / "index.html").read_text("utf-8")
    assert link in (site / "vacatures/archief/index.html").read_text("utf-8")
    page = text_of(parse(site / "vacatures/maatschappelijk-werker/index.html"))
    assert "afgesloten op dinsdag 14 oktober 2025" in page
    assert "solliciteer" not in page.lower()
    assert (site / "vacatures/oude-naam/index.html").is_file()


def test_closes_today_keeps_the_vacancy_open_until_the_end_of_the_day(closing):
    site = _offline(closing, "closes: 2025-10-31", "closes: 2025-10-15")
    assert 'href="/vacatures/maatschappelijk-werker/"' in (site / "index.html").read_text("utf-8")


def test_a_draft_takes_the_page_and_its_old_names_off_the_site(closing):
    """Why the guide advises against draft: true for a vacancy that was online."""
    site = _offline(closing, "closes: 2025-10-31", "closes: 2025-10-31\ndraft: true")
    assert not (site / "vacatures/maatschappelijk-werker").exists()
    assert not (site / "vacatures/oude-naam").exists()
    assert "maatschappelijk-werker" not in (site / "vacatures/archief/index.html").read_text("utf-8")


def _section(heading: str) -> str:
    return GUIDE.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_the_guide_names_the_platforms_and_sends_no_one_to_wsl():
    own = _section("## Werken op je eigen computer")
    assert "Dat werkt op Windows 10 en 11, op macOS en op Linux." in own
    assert "Op Windows heb je geen beheerdersrechten nodig." in own
    assert "WSL" not in GUIDE and "Ubuntu" not in GUIDE and "(Admin)" not in GUIDE


def test_what_the_guide_quotes_from_the_double_click_is_what_both_launchers_say():
    """The window's first-time line and the missing-Python line, word for word; the address
    the browser opens is the one serve prints."""
    shown = _section("### De site bekijken met een dubbelklik")
    quoted = re.findall(r'"([^"]+)"', shown)
    assert "Python 3.11 of nieuwer ontbreekt" in quoted
    assert "De eerste keer: het programma maakt de map .venv. Dat duurt enkele minuten." in quoted
    launchers = [(ROOT / name).read_text("utf-8") for name in ("voorbeeld.cmd", "voorbeeld.command")]
    for line in quoted:
        if not line.startswith("Kladversie"):
            assert all(line in launcher for launcher in launchers), line
    assert "`http://127.0.0.1:8000`" in shown
    assert all("build.py serve --drafts --open" in launcher for launcher in launchers)


def test_the_windows_commands_of_the_guide_use_the_pythons_of_a_windows_venv():
    """A Windows .venv has Scripts\\python.exe, not bin/python; each Windows command is also
    accepted by the command line (see the test of every build.py command above)."""
    windows = [piece for piece in _code() if piece.startswith(".venv\\")]
    assert windows and all(piece.startswith(".venv\\Scripts\\python build.py") for piece in windows)
