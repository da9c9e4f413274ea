"""`serve` redoes only what a save can change, and its output/ is then byte for byte the output
of a cold build of the same files: for every kind of change an editor or developer makes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import BUILD_DATE, generate
from helpers import ROOT, build_site, tree_digest
from werkenbij.build import BuildOptions
from werkenbij.dev.workspace import Workspace
from werkenbij.problems import ContentError

COUNT = 30  # enough for worker processes (jobs=2) to start on a cold build
EDITED = "content/vacatures/vacature-00007.md"


@pytest.fixture
def project(tmp_path) -> Path:
    site = generate(COUNT, tmp_path / "site")
    shutil.copytree(ROOT / "templates", site / "templates")
    return site


def workspace(site: Path) -> Workspace:
    return Workspace(BuildOptions(root=site, output=site / "output", today=BUILD_DATE,
                                  templates=site / "templates", jobs=2))


def remembered(memo: dict) -> set:
    """Every (task, item) a memo holds."""
    return {(task, item) for task, items in memo.items() for item in items}


def same_as_cold(site: Path) -> None:
    cold = build_site(site.parent / "cold", BUILD_DATE, root=site, templates=site / "templates")
    assert tree_digest(site / "output") == tree_digest(cold)
    shutil.rmtree(cold)


def replace_in(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def text_of_a_vacancy(site):
    replace_in(site, EDITED, "## ", "## Nieuw: ")


def title_of_a_vacancy(site):
    replace_in(site, EDITED, "title: ", "title: Nieuwe titel ")


def a_new_vacancy(site):
    shutil.copy(site / EDITED, site / "content/vacatures/een-nieuwe.md")
    replace_in(site, "content/vacatures/een-nieuwe.md", "title: ", "title: Een nieuwe ")


def a_removed_vacancy(site):
    (site / EDITED).unlink()


def a_block(site):
    replace_in(site, "content/blocks/voordelen.md", "\n\n", "\n\nEen nieuwe zin in het blok.\n\n")


def a_page(site):
    replace_in(site, "content/pages/over-wsw.md", "\n\n", "\n\nEen nieuwe zin op de pagina.\n\n")


def a_template(site):
    replace_in(site, "templates/vacancy.html", "In het kort", "Kort gezegd")


def a_static_file(site):
    with (site / "templates/static/style.css").open("a", encoding="utf-8") as css:
        css.write("\n/* nieuw */\n")


def the_site_config(site):
    replace_in(site, "site_config.yaml", "title: Werken bij", "title: Nu werken bij")


CHANGES: dict[str, Callable[[Path], None]] = {
    "text of a vacancy": text_of_a_vacancy, "title of a vacancy": title_of_a_vacancy,
    "a new vacancy": a_new_vacancy, "a removed vacancy": a_removed_vacancy, "a block": a_block,
    "a page": a_page, "a template": a_template, "a static file": a_static_file,
    "site_config.yaml": the_site_config,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_after_a_save_output_equals_a_cold_build(project, change):
    space = workspace(project)
    space.rebuild()
    same_as_cold(project)
    change(project)
    space.rebuild()
    same_as_cold(project)


def test_saving_one_vacancy_reads_and_renders_only_that_one(project):
    space = workspace(project)
    space.rebuild()
    reads, renders, converted = remembered(space.memo.reads), remembered(space.memo.renders), \
        space.markdown.converted
    text_of_a_vacancy(project)
    space.rebuild()
    assert len(remembered(space.memo.reads) - reads) == 1
    assert len(remembered(space.memo.renders) - renders) == 1
    assert space.markdown.converted == converted + 1  # its body; its steps did not change


def test_the_memos_hold_one_site_however_often_an_editor_saves(project):
    space = workspace(project)
    for number in range(5):
        replace_in(project, EDITED, "title: ", f"title: {number} ")
        space.rebuild()
    pages = sum(1 for path in (project / "output").rglob("*.html"))
    assert len(remembered(space.memo.reads)) == len(remembered(space.memo.renders)) == COUNT
    assert len(space.memo.reports) == pages


def test_saving_a_block_renders_only_the_vacancies_that_show_it(project):
    first = project / "content/vacatures/vacature-00001.md"
    first.write_text(first.read_text("utf-8").replace(
        "blocks:\n  - voordelen\n  - kortrijk-als-werkgever\n", ""), "utf-8")
    space = workspace(project)
    space.rebuild()
    renders = remembered(space.memo.renders)
    a_block(project)
    space.rebuild()
    assert len(remembered(space.memo.renders) - renders) == COUNT - 1
    same_as_cold(project)


def test_saving_a_template_starts_over(project):
    space = workspace(project)
    space.rebuild()
    a_template(project)
    space.rebuild()
    assert len(remembered(space.memo.renders)) == COUNT and len(remembered(space.memo.reads)) == COUNT


def test_a_mistake_leaves_output_alone_and_the_fix_brings_it_back(project):
    space = workspace(project)
    space.rebuild()
    before = tree_digest(project / "output")
    replace_in(project, EDITED, "closes: ", "closes: 2025-02-30\nx: ")
    with pytest.raises(ContentError):
        space.rebuild()
    assert tree_digest(project / "output") == before
    replace_in(project, EDITED, "closes: 2025-02-30\nx: ", "closes: ")
    text_of_a_vacancy(project)
    space.rebuild()
    same_as_cold(project)


def test_output_removed_while_serving_is_written_whole_again(project):
    space = workspace(project)
    space.rebuild()
    shutil.rmtree(project / "output")
    text_of_a_vacancy(project)
    space.rebuild()
    same_as_cold(project)


def test_a_write_that_fails_halfway_leaves_output_as_it_was(project, monkeypatch):
    """The first changed file is written, the second fails (a full disk): output/ keeps every
    byte it had, no temporary file stays behind, and the next save brings the site back."""
    space = workspace(project)
    space.rebuild()
    before = tree_digest(project / "output")
    title_of_a_vacancy(project)  # changes the vacancy page, the lists and the feeds
    real, calls = Path.write_bytes, []

    def full_disk(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        space.rebuild()
    monkeypatch.setattr(Path, "write_bytes", real)
    assert tree_digest(project / "output") == before
    space.rebuild()
    same_as_cold(project)


def test_another_build_into_the_same_output_is_noticed(project):
    """`build.py --drafts` (here: another build date) into serve's output/: the next save
    writes the whole site again instead of only what changed since serve's own last write."""
    space = workspace(project)
    space.rebuild()
    build_site(project / "output", BUILD_DATE.replace(year=BUILD_DATE.year + 1), root=project,
               templates=project / "templates")
    text_of_a_vacancy(project)
    space.rebuild()
    same_as_cold(project)


def test_a_partial_behind_a_symbolic_link_is_followed(project, tmp_path):
    elsewhere = project / "gedeeld"  # a link inside the project; one leading out is refused
    shutil.move(project / "templates/partials", elsewhere)
    (project / "templates/partials").symlink_to(elsewhere, target_is_directory=True)
    space = workspace(project)
    space.rebuild()
    facts = elsewhere / "facts.html"
    marked = facts.read_text("utf-8").replace("<dd>{{ v.team }}", "<dd class=\"feit\">{{ v.team }}", 1)
    facts.write_text(marked, "utf-8")
    space.rebuild()
    same_as_cold(project)
    assert 'class="feit"' in (project / "output/index.html").read_text("utf-8")
