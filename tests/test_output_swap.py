"""The output folder under hostile conditions (points 16-18 of the hostile-input issue): what
the build did not write in it, a build killed in the middle of its swap, two builds at once."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, build_site, left_over, tree_digest
from werkenbij.cli import main
from werkenbij.dev.workspace import Workspace
from werkenbij.pipeline import BuildOptions, swap
from werkenbij.pipeline.output import Staging
from werkenbij.problems import ContentError, UsageError

DAY, LATER = date(2025, 10, 1), date(2025, 10, 15)  # two days on which the site differs
CLEAN = ["content", "output", "site_config.yaml"]   # what a project holds after a build
VACANCY = "content/vacatures/maatschappelijk-werker.md"
PAGES = "vacatures/maatschappelijk-werker"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def fresh(site: Path, day: date = DAY) -> dict[str, str]:
    """What a build on `day` writes into a folder of its own."""
    return tree_digest(build_site(site.parent / f"fresh-{day}", day, root=site))


def refused(output: Path, *names: str) -> str:
    return (f"De uitvoermap {output.resolve()} bevat bestanden of mappen die de build niet "
            f"schreef ({', '.join(names)}). Verplaats ze of kies een andere map.")


# -- 16: a folder or a link the build did not write is never removed -------------------------------

def an_empty_folder(output: Path, elsewhere: Path) -> str:
    (output / "leeg").mkdir()
    return "leeg/"


def an_empty_folder_among_the_pages(output: Path, elsewhere: Path) -> str:
    (output / "vacatures/leeg").mkdir()
    return "vacatures/leeg/"


def a_folder_with_files(output: Path, elsewhere: Path) -> str:
    (output / "eigen/foto's").mkdir(parents=True)
    (output / "eigen/foto's/team.jpg").write_bytes(b"jpeg")
    (output / "eigen/lijst.txt").write_text("van iemand anders", "utf-8")
    return "eigen/"  # once, not file by file


def a_link_to_a_folder(output: Path, elsewhere: Path) -> str:
    (output / "gedeeld").symlink_to(elsewhere, target_is_directory=True)
    return "gedeeld"


def a_link_to_nothing(output: Path, elsewhere: Path) -> str:
    (output / "weg").symlink_to(elsewhere / "bestaat-niet")
    return "weg"


def a_link_in_place_of_a_page(output: Path, elsewhere: Path) -> str:
    (output / "index.html").unlink()
    (output / "index.html").symlink_to(elsewhere / "notities.txt")
    return "index.html"


def a_link_in_place_of_a_folder_of_pages(output: Path, elsewhere: Path) -> str:
    shutil.rmtree(output / PAGES)
    (output / PAGES).symlink_to(elsewhere, target_is_directory=True)
    return PAGES


FOREIGN: dict[str, Callable[[Path, Path], str]] = {
    "an empty folder": an_empty_folder, "an empty folder among the pages": an_empty_folder_among_the_pages,
    "a folder with files": a_folder_with_files, "a link to a folder": a_link_to_a_folder,
    "a link to nothing": a_link_to_nothing, "a link in place of a page": a_link_in_place_of_a_page,
    "a link in place of a folder of pages": a_link_in_place_of_a_folder_of_pages,
}


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A folder of the user's outside the project, that a link in output/ points to."""
    folder = tmp_path / "elders"
    folder.mkdir()
    (folder / "notities.txt").write_text("van iemand anders", "utf-8")
    return folder


def snapshot(output: Path) -> list[tuple[str, str]]:
    """Every entry in `output` as what it is, without following links."""
    return sorted((p.relative_to(output).as_posix(), "link " + os.readlink(p) if p.is_symlink()
                   else "folder" if p.is_dir() else p.read_bytes().hex())
                  for p in output.rglob("*"))


@pytest.mark.posix
@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_a_folder_or_link_the_build_did_not_write_is_refused_named_and_kept(site, elsewhere, make):
    output = build_site(site / "output", DAY, root=site)
    shown = make(output, elsewhere)
    before, theirs = snapshot(output), tree_digest(elsewhere)
    with pytest.raises(UsageError) as caught:
        build_site(output, LATER, root=site)
    assert str(caught.value) == refused(output, shown)
    assert snapshot(output) == before
    assert tree_digest(elsewhere) == theirs
    assert left_over(site) == CLEAN


@pytest.mark.posix
def test_the_command_line_refuses_a_link_with_exit_code_2_and_no_traceback(site, elsewhere, capsys):
    output = build_site(site / "output", DAY, root=site)
    a_link_to_a_folder(output, elsewhere)
    assert main(["--root", str(site), "--output", str(output), "--date", "2025-10-15"]) == 2
    assert capsys.readouterr().err == f"build.py: {refused(output, 'gedeeld')}\n"
    assert (output / "gedeeld").is_symlink()


def test_a_folder_made_while_the_build_runs_is_kept_too(site, monkeypatch):
    """The build looks again just before the swap: what came in since its start stays."""
    output = build_site(site / "output", DAY, root=site)
    before = tree_digest(output)
    write_all = Staging.write_all

    def meanwhile(staging, files):
        (output / "leeg").mkdir()
        return write_all(staging, files)

    monkeypatch.setattr(Staging, "write_all", meanwhile)
    with pytest.raises(UsageError) as caught:
        build_site(output, LATER, root=site)
    assert str(caught.value) == refused(output, "leeg/")
    assert (output / "leeg").is_dir() and tree_digest(output) == before
    assert left_over(site) == CLEAN


def replace_in(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def serving(site: Path) -> Workspace:
    return Workspace(BuildOptions(root=site, output=site / "output", today=DAY,
                                  templates=ROOT / "templates", jobs=1))


@pytest.mark.posix
@pytest.mark.parametrize("save", ["edited", "removed"])
def test_serve_never_writes_or_removes_anything_in_output(site, elsewhere, save):
    """A vacancy's folder in output/ became a link to the user's folder, and an empty folder
    came: serve's saves change nothing there (it answers from memory); the next build refuses."""
    output = build_site(site / "output", DAY, root=site)
    space = serving(site)
    space.rebuild()
    shutil.copytree(output / PAGES, elsewhere, dirs_exist_ok=True)
    a_link_in_place_of_a_folder_of_pages(output, elsewhere)
    (output / "leeg").mkdir()
    before, theirs = snapshot(output), tree_digest(elsewhere)
    if save == "edited":
        replace_in(site, VACANCY, "## ", "## Nieuw: ")
    else:
        (site / VACANCY).unlink()
    space.rebuild()
    assert snapshot(output) == before and tree_digest(elsewhere) == theirs
    with pytest.raises(UsageError) as caught:
        build_site(output, DAY, root=site)
    assert str(caught.value) == refused(output, "leeg/", PAGES)
    assert snapshot(output) == before


# -- 17: a build killed in the middle of its swap ------------------------------------------------

KILLED = """
import os, signal, sys
from datetime import date
from pathlib import Path
from werkenbij.pipeline import BuildOptions, build

root, where = Path(sys.argv[1]), sys.argv[2]
print(os.getpid(), flush=True)
rename = os.rename
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # on Windows both end the process at once

def dying_rename(source, target):  # the swap's second rename puts the new site in place
    second = Path(target) == root / "output"
    if second and where == "between the renames":
        os.kill(os.getpid(), KILL)
    rename(source, target)
    if second and where == "after the renames":
        os.kill(os.getpid(), KILL)

os.rename = dying_rename
build(BuildOptions(root=root, output=root / "output", today=date(2025, 10, 15),
                   templates=Path("templates").resolve(), jobs=1))
"""


def killed_build(site: Path, where: str) -> int:
    """A build on LATER, killed (SIGKILL) at `where` in its swap; returns its PID."""
    process = subprocess.run([sys.executable, "-c", KILLED, str(site), where], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == (-9 if os.name != "nt" else signal.SIGTERM), process.stderr
    return int(process.stdout)


def test_a_build_killed_between_the_renames_is_put_right_by_the_next(site):
    build_site(site / "output", DAY, root=site)
    pid = killed_build(site, "between the renames")
    assert left_over(site) == sorted([".output.lock", f".output.old-{pid}", f".output.staging-{pid}",
                                      "content", "site_config.yaml"])
    build_site(site / "output", LATER, root=site)
    assert tree_digest(site / "output") == fresh(site, LATER)
    assert left_over(site) == CLEAN


def test_a_failed_build_after_such_a_kill_brings_the_old_site_back(site):
    before = tree_digest(build_site(site / "output", DAY, root=site))
    killed_build(site, "between the renames")
    replace_in(site, VACANCY, "closes: 2025-10-31", "closes: 2025-02-30")
    with pytest.raises(ContentError):
        build_site(site / "output", DAY, root=site)
    assert tree_digest(site / "output") == before
    assert left_over(site) == CLEAN


def test_a_build_killed_right_after_the_renames_leaves_the_new_site_whole(site):
    build_site(site / "output", DAY, root=site)
    pid = killed_build(site, "after the renames")
    assert tree_digest(site / "output") == fresh(site, LATER)
    assert left_over(site) == sorted([".output.lock", f".output.old-{pid}", *CLEAN])
    build_site(site / "output", DAY, root=site)
    assert tree_digest(site / "output") == fresh(site, DAY)
    assert left_over(site) == CLEAN


def test_leftovers_of_running_builds_are_kept_and_nothing_else_is_touched(site):
    build_site(site / "output", DAY, root=site)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # a build that ended: its PID runs nothing
    gone.wait()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as running:
        try:
            theirs = [f".output.staging-{running.pid}", f".output.old-{running.pid}",
                      ".output.old", ".output.old-kopie", ".output.staging-12a", ".outputs.old-1"]
            for name in [f".output.staging-{gone.pid}", f".output.old-{gone.pid}", *theirs]:
                (site / name).mkdir()
                (site / name / "index.html").write_text(name, "utf-8")
            (site / f".output.old-{gone.pid}0").write_text("een bestand, geen map", "utf-8")
            build_site(site / "output", LATER, root=site)
            assert left_over(site) == sorted([*theirs, f".output.old-{gone.pid}0", *CLEAN])
            assert all((site / name / "index.html").read_text("utf-8") == name for name in theirs)
        finally:
            running.kill()
    assert tree_digest(site / "output") == fresh(site, LATER)


# -- 18: two builds at once ------------------------------------------------------------------------

TOGETHER = """
import os, sys, time
from pathlib import Path
from werkenbij.pipeline import output
from werkenbij.cli import main

meeting, arguments = Path(sys.argv[1]), sys.argv[2:]
site = Path(arguments[arguments.index("--output") + 1])

def meet(where, seconds):  # wait till the other build is here too, or `seconds` have passed
    (meeting / f"{where}-{os.getpid()}").touch()
    deadline = time.monotonic() + seconds
    while len(list(meeting.glob(f"{where}-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.001)

def step(where, seconds, function):
    return lambda *args: (meet(where, seconds), function(*args))[1]

# Both builds start their swap together; then both try to put their site in place at once,
# by the rename after the old site was moved away: a build that waits for its turn meanwhile
# lets the other go on after 2 s.
output.Staging.swap_in = step("swap", 30, output.Staging.swap_in)
rename = os.rename
os.rename = lambda source, target: (step("rename", 2, rename) if Path(target) == site else rename)(
    source, target)
sys.exit(main(arguments))
"""


def two_builds(site: Path, command: list[str]) -> list[tuple[int, str]]:
    arguments = ["--root", str(site), "--output", str(site / "output"), "--date", "2025-10-01"]
    builds = [subprocess.Popen([*command, *arguments], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [process.communicate(timeout=120)[1] for process in builds]
    return [(process.returncode, err) for process, err in zip(builds, errors, strict=True)]


def test_two_builds_that_swap_at_the_same_moment_both_succeed(site, tmp_path):
    build_site(site / "output", LATER, root=site)
    (tmp_path / "meeting").mkdir()
    finished = two_builds(site, [sys.executable, "-c", TOGETHER, str(tmp_path / "meeting")])
    assert [code for code, _ in finished] == [0, 0], finished
    assert not any("Traceback" in err for _, err in finished)
    assert tree_digest(site / "output") == fresh(site, DAY)
    assert left_over(site) == CLEAN


def test_two_builds_started_at_once_both_succeed(site):
    finished = two_builds(site, [sys.executable, str(ROOT / "build.py")])
    assert [code for code, _ in finished] == [0, 0], finished
    assert tree_digest(site / "output") == fresh(site, DAY)
    assert left_over(site) == CLEAN


def test_a_build_waits_for_the_swap_of_another(site):
    output = build_site(site / "output", LATER, root=site)
    holding = threading.Event()

    def another_build():
        with swap.swap_lock(output):
            holding.set()
            time.sleep(0.5)

    other = threading.Thread(target=another_build)
    other.start()
    assert holding.wait(timeout=10)
    build_site(output, DAY, root=site)
    other.join()
    assert tree_digest(output) == fresh(site, DAY)
    assert left_over(site) == CLEAN


def test_a_build_that_cannot_get_its_turn_says_so_in_dutch(site, monkeypatch, capsys):
    output = build_site(site / "output", LATER, root=site)
    before = tree_digest(output)
    monkeypatch.setattr(swap, "LOCK_WAIT_SECONDS", 1)
    with swap.swap_lock(output):  # another build, stuck in its swap
        assert main(["--root", str(site), "--output", str(output), "--date", "2025-10-01"]) == 2
        assert left_over(site) == sorted([".output.lock", *CLEAN])
    assert capsys.readouterr().err == (
        f"build.py: Een andere build zet nu een site in {output} en is na 1 s nog niet klaar; deze "
        "build heeft niets aangepast. Wacht tot de andere gedaan is en bouw dan opnieuw.\n")
    assert tree_digest(output) == before
