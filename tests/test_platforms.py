"""What differs on Windows and macOS: files saved with CRLF and a BOM, the swap's lock without
fcntl, reading without O_NOFOLLOW, and the tests' Windows mode itself (tests/like_windows/)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, build_site, left_over, tree_digest
from werkenbij import inputs
from werkenbij.cli import main
from werkenbij.pipeline import lock, swap

DAY = date(2025, 10, 1)
LIKE_WINDOWS = Path(__file__).resolve().parent / "like_windows"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def test_the_windows_mode_reaches_every_python_the_tests_start():
    probe = ("import multiprocessing, os, sys\n"
             "try:\n    import fcntl\nexcept ModuleNotFoundError:\n    fcntl = None\n"
             "from werkenbij.pipeline import workers\n"
             "print(fcntl, hasattr(os, 'O_NOFOLLOW'), multiprocessing.get_all_start_methods(), "
             "workers.start_method())\n")
    environment = {**os.environ, "WERKENBIJ_LIKE_WINDOWS": "1", "PYTHONPATH": str(LIKE_WINDOWS)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout == "None False ['spawn'] spawn\n", result.stderr


def to_windows_text(path: Path) -> None:
    """As Notepad on Windows saves a file: a BOM, and CRLF at the end of each line."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def test_content_and_settings_saved_with_crlf_and_a_bom_build_the_same_site(site, tmp_path):
    before = tree_digest(build_site(tmp_path / "lf", DAY, root=site))
    for path in [site / "site_config.yaml", *sorted((site / "content").rglob("*.md"))]:
        to_windows_text(path)
    assert tree_digest(build_site(site / "output", DAY, root=site)) == before


def test_a_mistake_in_a_crlf_file_names_its_line_and_column(site, capsys):
    vacancy = site / "content/vacatures/maatschappelijk-werker.md"
    text = vacancy.read_text("utf-8")
    vacancy.write_text(text.replace("closes: 2025-10-31", "closes: 2025-02-30"), "utf-8")
    line = vacancy.read_text("utf-8").splitlines().index("closes: 2025-02-30") + 1
    to_windows_text(vacancy)
    assert main(["--root", str(site), "--output", str(site / "output"), "--date", "2025-10-01"]) == 1
    assert f"maatschappelijk-werker.md:{line}:9: fout: 'closes'" in capsys.readouterr().err


# -- the swap's lock where there is no fcntl (Windows) ----------------------------------------------

@pytest.fixture
def without_fcntl(monkeypatch):
    monkeypatch.setattr(lock, "fcntl", None)


def test_without_fcntl_a_dead_builds_lock_is_taken_over(site, without_fcntl):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (site / ".output.lock").write_text(str(gone.pid), "ascii")
    build_site(site / "output", DAY, root=site)
    assert left_over(site) == ["content", "output", "site_config.yaml"]


def test_without_fcntl_a_running_builds_lock_is_waited_for(site, without_fcntl, monkeypatch, capsys):
    output = build_site(site / "output", DAY, root=site)
    monkeypatch.setattr(swap, "LOCK_WAIT_SECONDS", 0.5)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as running:
        try:
            (site / ".output.lock").write_text(str(running.pid), "ascii")
            assert main(["--root", str(site), "--output", str(output), "--date", "2025-10-01"]) == 2
        finally:
            running.kill()
    assert "Een andere build zet nu een site in" in capsys.readouterr().err
    assert (site / ".output.lock").read_text("ascii") == str(running.pid)


def test_without_fcntl_a_lock_its_maker_never_wrote_is_taken_over_after_a_while(site, without_fcntl):
    (site / ".output.lock").touch()
    assert lock.take(site / ".output.lock", time.monotonic() + 0.2) is None  # it may be writing now
    made = time.time() - lock.UNWRITTEN_SECONDS - 1
    os.utime(site / ".output.lock", (made, made))
    held = lock.take(site / ".output.lock", time.monotonic() + 0.2)
    assert held is not None
    assert (site / ".output.lock").read_text("ascii") == str(os.getpid())
    lock.release(site / ".output.lock", held)
    assert not (site / ".output.lock").exists()


def test_a_process_is_running_until_it_ended():
    assert lock.running(os.getpid())
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as process:
        assert lock.running(process.pid)
        process.kill()
    assert not lock.running(process.pid)


# -- reading without O_NOFOLLOW (Windows) ---------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="links need admin rights")
def test_without_o_nofollow_a_file_swapped_for_a_link_while_opened_is_not_read(site, monkeypatch):
    monkeypatch.setattr(inputs, "_NOFOLLOW", 0)
    vacancy = site / "content/vacatures/maatschappelijk-werker.md"
    secret = site.parent / "geheim.txt"
    secret.write_text("geheim", "utf-8")
    real_open = os.open

    def swapped_first(path, flags, *args):  # between the look and the opening
        if Path(path) == vacancy:
            vacancy.unlink()
            vacancy.symlink_to(secret)
        return real_open(path, flags, *args)

    monkeypatch.setattr(inputs.os, "open", swapped_first)
    with pytest.raises(OSError) as raised:
        inputs.read_input(vacancy, site, looked=True)
    assert raised.value.errno == errno.ELOOP


def test_without_o_nofollow_a_plain_file_is_read(site, monkeypatch):
    monkeypatch.setattr(inputs, "_NOFOLLOW", 0)
    vacancy = site / "content/vacatures/maatschappelijk-werker.md"
    assert inputs.read_input(vacancy, site) == vacancy.read_bytes()
