"""Only the project's own regular files are read (hostile input, points 1 and 7): a link that
leads out of the project, a FIFO, a folder named *.md, a dangling or looping link and a file
beyond the size limit each get a Dutch message naming the file; nothing hangs, nothing from
outside is published, output/ stays as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from helpers import ROOT, build_site, copy_of, tree_digest
from werkenbij.inputs import MAX_CONTENT_BYTES
from werkenbij.problems import BuildError, ConfigError, ContentError, TemplateFailure

TODAY = date(2025, 10, 1)
VACANCIES = "content/vacatures"


@pytest.fixture
def site(tmp_path):
    """A copy of the complete fixture site with a good output/ built, and a secret outside it."""
    root = copy_of("complete", tmp_path, built_on=TODAY)
    (tmp_path / "secret.md").write_text("---\ntitle: GEHEIM-TOKEN\n---\n", "utf-8")
    return root


def refused(site, error=BuildError) -> list[str]:
    before = tree_digest(site / "output")
    with pytest.raises(error) as caught:
        build_site(site / "output", TODAY, root=site)
    assert tree_digest(site / "output") == before
    assert all(p.fix for p in caught.value.problems)
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


@pytest.mark.posix
def test_a_static_file_linking_to_the_environment_is_refused(site):
    shutil.copytree(ROOT / "templates", site / "templates")
    (site / "templates/static/env.txt").symlink_to("/proc/self/environ")
    before = tree_digest(site / "output")
    with pytest.raises(TemplateFailure) as caught:
        build_site(site / "output", TODAY, root=site, templates=site / "templates")
    [problem] = caught.value.problems
    assert problem.path == "templates/static/env.txt"
    assert problem.message.startswith("Deze link wijst naar een bestand buiten het project (/proc/")
    assert tree_digest(site / "output") == before
    assert not any("environ" in name for name in before)


@pytest.mark.posix
def test_a_vacancy_linking_to_a_file_outside_the_project_is_refused(site, tmp_path):
    (site / VACANCIES / "geheim.md").symlink_to(tmp_path / "secret.md")
    assert refused(site, ContentError) == [
        f"{VACANCIES}/geheim.md: Deze link wijst naar een bestand buiten het project "
        f"({tmp_path / 'secret.md'})."]


@pytest.mark.posix
def test_a_link_to_dev_zero_is_refused_at_once(site):
    (site / VACANCIES / "nul.md").symlink_to("/dev/zero")
    assert refused(site, ContentError) == [
        f"{VACANCIES}/nul.md: Deze link wijst naar een bestand buiten het project (/dev/zero)."]


@pytest.mark.posix
def test_a_link_inside_the_project_is_read(site):
    text = (site / VACANCIES / "maatschappelijk-werker.md").read_text("utf-8")
    (site / "bron").mkdir()
    (site / "bron/kopie.md").write_text(text.replace("title: Maatschappelijk werker", "title: Kopie")
                                        .replace("unit: Testdienst", "unit: Kopiedienst"), "utf-8")
    (site / VACANCIES / "kopie.md").symlink_to(site / "bron/kopie.md")
    out = build_site(site / "out2", TODAY, root=site)
    assert (out / "vacatures/kopie/index.html").is_file()


@pytest.mark.posix
@pytest.mark.parametrize("make, message", [
    (lambda p: os.mkfifo(p), "Dit is geen gewoon bestand (maar een map, een pipe of een apparaat)."),
    (lambda p: p.mkdir(), "Dit is geen gewoon bestand (maar een map, een pipe of een apparaat)."),
    (lambda p: p.symlink_to(p.parent / "bestaat-niet.md"),
     "Deze link wijst naar een bestand dat niet bestaat (of naar zichzelf)."),
    (lambda p: (p.symlink_to(p.parent / "lus-b.md"), (p.parent / "lus-b.md").symlink_to(p)),
     "Deze link wijst naar een bestand dat niet bestaat (of naar zichzelf)."),
], ids=["fifo", "folder", "dangling-link", "looping-link"])
def test_what_is_no_regular_file_gets_a_message_not_a_hang(site, make, message):
    make(site / VACANCIES / "lus-a.md")
    found = refused(site, ContentError)
    assert f"{VACANCIES}/lus-a.md: {message}" in found


@pytest.mark.posix
def test_a_fifo_does_not_block_the_command_line(site):
    os.mkfifo(site / VACANCIES / "pijp.md")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(site), "--date",
                             "2025-10-01", "--output", str(site / "output")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "pijp.md: fout: Dit is geen gewoon bestand" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_beyond_the_size_limit_is_refused(site):
    big = site / VACANCIES / "groot.md"
    big.write_bytes(b"---\ntitle: x\n---\n" + b"a" * MAX_CONTENT_BYTES)
    [message] = refused(site, ContentError)
    assert message.startswith(f"{VACANCIES}/groot.md: Dit bestand is te groot (")


@pytest.mark.posix
def test_settings_linking_out_are_refused(site, tmp_path):
    (site / "site_config.yaml").unlink()
    (site / "site_config.yaml").symlink_to(tmp_path / "secret.md")
    assert refused(site, ConfigError) == [
        f"site_config.yaml: Deze link wijst naar een bestand buiten het project "
        f"({tmp_path / 'secret.md'})."]


@pytest.mark.posix
def test_a_template_folder_linking_to_itself_is_walked_once(site):
    shutil.copytree(ROOT / "templates", site / "templates")
    (site / "templates/partials/lus").symlink_to(site / "templates", target_is_directory=True)
    out = build_site(site / "out3", TODAY, root=site, templates=site / "templates")
    assert (out / "index.html").is_file()


# -- point 13: a full disk or a folder that may not be written -------------------------------------

@pytest.mark.parametrize("code, message", [
    (28, "build.py: De schijf is vol ("),
    (30, "build.py: Deze map of dit bestand kan niet beschreven worden ("),
], ids=["disk-full", "read-only"])
def test_a_disk_that_refuses_to_write_gets_one_dutch_sentence(site, monkeypatch, capsys, code, message):
    import werkenbij.pipeline.output as write
    from werkenbij.cli import main

    real, calls = write.Path.write_bytes, []

    def refuse(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(code, os.strerror(code), str(path))
        return real(path, data)

    monkeypatch.setattr(write.Path, "write_bytes", refuse)
    before = tree_digest(site / "output")
    assert main(["--root", str(site), "--date", "2025-10-01", "--output", str(site / "output"),
                 "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and "Traceback" not in err and "Interne fout" not in err
    assert err.rstrip().endswith("output/ is niet aangepast.")
    assert tree_digest(site / "output") == before


# -- point 21: files that look like content but are not read ---------------------------------------

@pytest.mark.parametrize("name, fix", [
    ("Vacature.MD", "Hernoem het naar Vacature.md als het op de site hoort; anders wis het."),
    ("vacature.markdown", "Hernoem het naar vacature.md als het op de site hoort; anders wis het."),
    ("vacature.md.txt", "Hernoem het naar vacature.md als het op de site hoort; anders wis het."),
    (".vacature.md", "Hernoem het naar vacature.md als het op de site hoort; anders wis het."),
])
def test_a_file_that_is_not_read_is_named_in_a_warning(site, name, fix):
    from helpers import read_site

    (site / VACANCIES / name).write_text("---\ntitle: x\n---\n", "utf-8")
    [warning] = [w for w in read_site(TODAY, root=site).warnings if w.path.endswith(name)]
    assert warning.message.startswith("Dit bestand wordt niet gelezen")
    assert warning.fix == fix


def test_editor_lock_files_and_other_files_are_not_warned_about(site):
    from helpers import read_site

    for name in (".~lock.vacature.md#", ".DS_Store", "foto.jpg", "notities.txt"):
        (site / VACANCIES / name).write_text("x", "utf-8")
    assert not [w for w in read_site(TODAY, root=site).warnings if w.path.startswith(VACANCIES + "/.")
                or w.path.endswith((".jpg", ".txt", "Store"))]
