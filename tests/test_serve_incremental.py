"""`serve` redoes only what a save can change, and what it then answers is byte for byte what a
cold build of the same files writes: for every kind of change an editor or developer makes."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import BUILD_DATE, generate
from helpers import ROOT, build_site, tree_digest
from werkenbij.dev.serve import DevServer, without_csp
from werkenbij.pipeline import BuildOptions
from werkenbij.problems import ContentError

COUNT = 30  # enough for worker processes (jobs=2) to start on a cold build
EDITED = "content/vacatures/vacature-00007.md"


@pytest.fixture
def project(tmp_path) -> Path:
    site = generate(COUNT, tmp_path / "site")
    shutil.copytree(ROOT / "templates", site / "templates")
    return site


def serving(site: Path) -> DevServer:
    """`serve` without its socket: `.workspace.rebuild()` is a save (it raises what the build
    raises, where the server would show it in the browser), `.app` answers requests."""
    return DevServer(BuildOptions(root=site, output=site / "output", today=BUILD_DATE,
                                  templates=site / "templates", jobs=2), "/", log=lambda line: None)


def answer(server: DevServer, path: str) -> bytes:
    statuses: list[str] = []
    body = b"".join(server.app({"PATH_INFO": "/" + path, "REQUEST_METHOD": "GET",
                                "HTTP_HOST": "127.0.0.1"}, lambda status, headers: statuses.append(status)))
    assert statuses == ["200 OK"], (path, statuses)
    return body


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remembered(memo: dict) -> set:
    """Every (task, item) a memo holds."""
    return {(task, item) for task, items in memo.items() for item in items}


def same_as_cold(site: Path, server: DevServer) -> None:
    """Every file of a cold build is answered with its bytes (a page without its
    Content-Security-Policy: see serve.without_csp), and serve holds no other file."""
    cold = build_site(site.parent / "cold", BUILD_DATE, root=site, templates=site / "templates")
    built = {path: (cold / path).read_bytes() for path in tree_digest(cold)}
    del built[".werkenbij-manifest"]  # the build's list of what it wrote, not part of the site
    assert {path: digest(answer(server, path)) for path in built} == \
        {path: digest(without_csp(data) if path.endswith(".html") else data) for path, data in built.items()}
    assert server.workspace.files.keys() == built.keys()
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
def test_after_a_save_serve_answers_what_a_cold_build_writes(project, change):
    server = serving(project)
    server.workspace.rebuild()
    same_as_cold(project, server)
    change(project)
    server.workspace.rebuild()
    same_as_cold(project, server)


def test_saving_one_vacancy_reads_and_renders_only_that_one(project):
    space = serving(project).workspace
    space.rebuild()
    reads, renders, converted = remembered(space.memo.reads), remembered(space.memo.renders), \
        space.memo.markdown.converted
    text_of_a_vacancy(project)
    space.rebuild()
    assert len(remembered(space.memo.reads) - reads) == 1
    assert len(remembered(space.memo.renders) - renders) == 1
    assert space.memo.markdown.converted == converted + 1  # its body; its steps did not change


def test_the_memos_hold_one_site_however_often_an_editor_saves(project):
    space = serving(project).workspace
    for number in range(5):
        replace_in(project, EDITED, "title: ", f"title: {number} ")
        space.rebuild()
    pages = sum(1 for path in space.files if path.endswith(".html"))
    assert len(remembered(space.memo.reads)) == len(remembered(space.memo.renders)) == COUNT
    assert len(space.memo.reports) == pages


def test_saving_a_block_renders_only_the_vacancies_that_show_it(project):
    first = project / "content/vacatures/vacature-00001.md"
    first.write_text(first.read_text("utf-8").replace(
        "blocks:\n  - voordelen\n  - kortrijk-als-werkgever\n", ""), "utf-8")
    server = serving(project)
    server.workspace.rebuild()
    renders = remembered(server.workspace.memo.renders)
    a_block(project)
    server.workspace.rebuild()
    assert len(remembered(server.workspace.memo.renders) - renders) == COUNT - 1
    same_as_cold(project, server)


def test_saving_a_template_starts_over(project):
    space = serving(project).workspace
    space.rebuild()
    a_template(project)
    space.rebuild()
    assert len(remembered(space.memo.renders)) == COUNT and len(remembered(space.memo.reads)) == COUNT


def test_a_mistake_keeps_the_last_good_site_and_the_fix_brings_it_back(project):
    server = serving(project)
    server.workspace.rebuild()
    before = {path: digest(answer(server, path)) for path in server.workspace.files}
    replace_in(project, EDITED, "closes: ", "closes: 2025-02-30\nx: ")
    with pytest.raises(ContentError):
        server.workspace.rebuild()
    assert {path: digest(answer(server, path)) for path in server.workspace.files} == before
    replace_in(project, EDITED, "closes: 2025-02-30\nx: ", "closes: ")
    text_of_a_vacancy(project)
    server.workspace.rebuild()
    same_as_cold(project, server)


def test_serve_writes_nothing_to_output_and_a_build_beside_it_changes_nothing_it_answers(project):
    """output/ has one writer, the build: one run beside serve (here on another day) leaves
    serve's site alone, and serve's saves leave the build's output/ alone."""
    server = serving(project)
    server.workspace.rebuild()
    assert not (project / "output").exists()
    later = BUILD_DATE.replace(year=BUILD_DATE.year + 1)
    built = tree_digest(build_site(project / "output", later, root=project, templates=project / "templates"))
    text_of_a_vacancy(project)
    server.workspace.rebuild()
    same_as_cold(project, server)
    assert tree_digest(project / "output") == built


@pytest.mark.posix
def test_a_partial_behind_a_symbolic_link_is_followed(project, tmp_path):
    elsewhere = project / "gedeeld"  # a link inside the project; one leading out is refused
    shutil.move(project / "templates/partials", elsewhere)
    (project / "templates/partials").symlink_to(elsewhere, target_is_directory=True)
    server = serving(project)
    server.workspace.rebuild()
    facts = elsewhere / "short_facts.html"
    marked = facts.read_text("utf-8").replace("<dd>{% if places %}", "<dd class=\"feit\">{% if places %}", 1)
    facts.write_text(marked, "utf-8")
    server.workspace.rebuild()
    same_as_cold(project, server)
    assert b'class="feit"' in answer(server, "index.html")
