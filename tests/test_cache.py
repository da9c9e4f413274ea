"""The build cache never serves a wrong page.

Every test builds a generated site of 30 vacancies (enough for the worker processes to start)
with the cache, changes one input, builds again, and compares the output byte for byte with
a build of the same input without any cache. The counts say what was done again.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from test_site import tree_digest
from werkenbij import markdown_html
from werkenbij.build.pipeline import BuildOptions, BuildResult, build
from werkenbij.problems import CheckFailure, ContentError

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

COUNT = 30
DAY = date(2025, 11, 15)


@pytest.fixture
def project(tmp_path) -> Path:
    site = generate(COUNT, tmp_path / "site")
    shutil.copytree(ROOT / "templates", site / "templates")
    # One vacancy without blocks: a block change must leave it alone.
    first = site / "content/vacatures/vacature-00001.md"
    first.write_text(first.read_text("utf-8").replace(
        "blocks:\n  - voordelen\n  - kortrijk-als-werkgever\n", ""), "utf-8")
    return site


def run(site: Path, output: str = "output", today: date = DAY, cache: bool = True,
        jobs: int | None = 2) -> BuildResult:
    return build(BuildOptions(root=site, output=site / output, today=today, jobs=jobs,
                              use_cache=cache))


def same_as_cold(site: Path, today: date = DAY) -> None:
    """The output equals that of a build of the same input without a cache."""
    run(site, "cold", today, cache=False)
    assert tree_digest(site / "output") == tree_digest(site / "cold")
    shutil.rmtree(site / "cold")


def test_warm_build_reuses_everything_and_writes_the_same_bytes(project):
    cold = run(project)
    first = tree_digest(project / "output")
    assert cold.stats.units_built == COUNT and cold.stats.units_reused == 0
    warm = run(project)
    assert warm.stats.units_reused == COUNT and warm.stats.units_built == 0
    assert warm.stats.texts_converted == 0 and warm.stats.pages_checked == 0
    assert warm.stats.lists_reused
    assert tree_digest(project / "output") == first
    assert warm.pages == cold.pages and warm.warnings == cold.warnings
    same_as_cold(project)


def test_one_worker_or_two_give_the_same_bytes(project):
    run(project, "one", jobs=1, cache=False)
    run(project, "two", jobs=2, cache=False)
    assert tree_digest(project / "one") == tree_digest(project / "two")


def test_editing_one_vacancy_rebuilds_only_that_one(project):
    run(project)
    edited = project / "content/vacatures/vacature-00007.md"
    edited.write_text(edited.read_text("utf-8").replace("## ", "## Nieuw: ", 1), "utf-8")
    result = run(project)
    assert (result.stats.units_built, result.stats.units_reused) == (1, COUNT - 1)
    assert result.stats.lists_reused  # the home page does not show the text
    assert "Nieuw: " in (project / "output/vacatures/vacature-00007/index.html").read_text("utf-8")
    same_as_cold(project)


def test_a_new_title_rebuilds_the_lists_that_show_it(project):
    run(project)
    edited = project / "content/vacatures/vacature-00008.md"
    text = edited.read_text("utf-8")
    title = text.split('title: "', 1)[1].split('"', 1)[0]
    edited.write_text(text.replace(f'title: "{title}"', 'title: "Straathoekwerker 8"', 1), "utf-8")
    result = run(project)
    assert result.stats.units_built == 1 and not result.stats.lists_reused
    lists = (project / "output/index.html").read_text("utf-8") + \
        (project / "output/vacatures/archief/index.html").read_text("utf-8")
    assert "Straathoekwerker 8" in lists and title not in lists
    same_as_cold(project)


def test_a_template_change_rebuilds_every_vacancy(project):
    run(project)
    template = project / "templates/partials/facts.html"
    template.write_text(template.read_text("utf-8").replace("<dt>Contract</dt>",
                                                            "<dt>Soort contract</dt>"), "utf-8")
    result = run(project)
    assert result.stats.units_built == COUNT
    assert result.stats.texts_converted == 0  # the Markdown did not change
    assert "Soort contract" in (project / "output/vacatures/vacature-00003/index.html").read_text("utf-8")
    same_as_cold(project)


def test_a_block_change_rebuilds_the_vacancies_that_show_it(project):
    run(project)
    block = project / "content/blocks/voordelen.md"
    block.write_text(block.read_text("utf-8") + "\nEen nieuwe zin over de voordelen.\n", "utf-8")
    result = run(project)
    assert (result.stats.units_built, result.stats.units_reused) == (COUNT - 1, 1)
    page = (project / "output/vacatures/vacature-00002/index.html").read_text("utf-8")
    assert "Een nieuwe zin over de voordelen." in page
    same_as_cold(project)


def test_a_site_config_change_rebuilds_every_vacancy(project):
    run(project)
    config = project / "site_config.yaml"
    text = config.read_text("utf-8")
    old = "title: Werken bij Wijkgericht Sociaal Werk\n"
    assert old in text
    config.write_text(text.replace(old, "title: Werken bij ons team\n"), "utf-8")
    result = run(project)
    assert result.stats.units_built == COUNT
    page = project / "output/vacatures/vacature-00004/index.html"
    assert "Werken bij ons team" in page.read_text("utf-8")
    same_as_cold(project)


def test_a_new_build_date_rebuilds_pages_but_reuses_markdown(project):
    run(project)
    later = date(2025, 12, 20)
    result = run(project, today=later)
    assert result.stats.units_built == COUNT and result.stats.texts_converted == 0
    same_as_cold(project, later)


def test_a_markdown_setting_change_converts_every_text_again(project, monkeypatch):
    run(project)
    before = (project / "output/vacatures/vacature-00005/index.html").read_text("utf-8")
    monkeypatch.setattr(markdown_html, "EXTENSIONS", (*markdown_html.EXTENSIONS, "smarty"))
    result = run(project)
    assert result.stats.units_built == COUNT
    assert result.stats.texts_converted >= 4 * COUNT  # body and three step texts each
    after = (project / "output/vacatures/vacature-00005/index.html").read_text("utf-8")
    assert "collega's" in before and "collega’s" in after  # smarty's curly apostrophe
    same_as_cold(project)


def test_deleting_or_damaging_the_cache_is_safe(project):
    run(project)
    expected = tree_digest(project / "output")
    shutil.rmtree(project / ".cache")
    assert run(project).stats.units_built == COUNT
    assert tree_digest(project / "output") == expected
    (project / ".cache/build.sqlite3").write_bytes(b"geen database" * 100)
    for leftover in (project / ".cache").glob("build.sqlite3-*"):
        leftover.unlink()
    assert run(project).stats.units_built == COUNT
    assert tree_digest(project / "output") == expected


def test_a_changed_output_file_is_rebuilt_not_kept(project):
    run(project)
    expected = tree_digest(project / "output")
    page = project / "output/vacatures/vacature-00009/index.html"
    page.write_text(page.read_text("utf-8").replace("Solliciteren", "Gewijzigd"), "utf-8")
    result = run(project)
    assert (result.stats.units_built, result.stats.units_reused) == (1, COUNT - 1)
    assert tree_digest(project / "output") == expected


def test_a_removed_block_is_an_error_even_when_the_vacancy_did_not_change(project):
    run(project)
    (project / "content/blocks/voordelen.md").unlink()
    with pytest.raises(ContentError) as caught:
        run(project)
    assert "voordelen" in str([p.message for p in caught.value.problems])


def test_a_failed_build_leaves_reused_pages_in_output_alone(project):
    """Reused pages are hard links into output/: a failing build must never write into them."""
    run(project)
    before = tree_digest(project / "output")
    clash = project / "content/vacatures/vacature-00003.md"
    clash.write_text(clash.read_text("utf-8").replace("draft", "draft", 1).replace(
        "blocks:\n", "aliases:\n  - vacature-00004\nblocks:\n", 1), "utf-8")
    with pytest.raises(ContentError):
        run(project)
    assert tree_digest(project / "output") == before


def test_a_block_whose_file_name_is_not_its_slug_is_still_followed(project):
    (project / "content/blocks/voordelen.md").rename(project / "content/blocks/Voordelen.md")
    run(project)
    block = project / "content/blocks/Voordelen.md"
    block.write_text(block.read_text("utf-8") + "\nEen nieuwe zin over de voordelen.\n", "utf-8")
    assert run(project).stats.units_built == COUNT - 1
    same_as_cold(project)


def test_a_page_edit_that_moves_a_problem_moves_its_line(project):
    config = project / "site_config.yaml"
    config.write_text(config.read_text("utf-8") + "\nchecks:\n  links: warning\n", "utf-8")
    page = project / "content/pages/over-wsw.md"
    page.write_text(page.read_text("utf-8") + "\nZie [het anker](#bestaat-niet).\n", "utf-8")

    def lines(result: BuildResult) -> list[tuple[str, str, int]]:
        return [(p.message, p.origin, p.origin_line) for p in result.warnings if p.check == "links"]

    first = lines(run(project))
    # Same lines, but the anchor is now also named in a comment on line 2, which comes first.
    text = page.read_text("utf-8")
    title = text.split("\n")[1]
    page.write_text(text.replace(title, f"{title}  # zie #bestaat-niet", 1), "utf-8")
    moved = lines(run(project))
    assert [line for *_, line in moved] == [2] and [line for *_, line in first] != [2]
    assert moved == lines(run(project, "cold", cache=False))


def test_templates_behind_a_symbolic_link_are_followed(project, tmp_path):
    shutil.move(project / "templates/partials", tmp_path / "partials")
    (project / "templates/partials").symlink_to(tmp_path / "partials")
    run(project)
    facts = tmp_path / "partials/facts.html"
    facts.write_text(facts.read_text("utf-8").replace("<dt>Contract</dt>", "<dt>Soort contract</dt>"),
                     "utf-8")
    assert run(project).stats.units_built == COUNT
    same_as_cold(project)


def test_a_block_saved_during_a_build_is_not_taken_for_the_one_read(project, monkeypatch):
    """The cache key holds the bytes that were parsed, not the file as it is a moment later."""
    from werkenbij.build import units

    run(project)
    block = project / "content/blocks/voordelen.md"
    real, saved = units.read_vacancy, []

    def save_during_build(*args):
        if not saved:
            block.write_text(block.read_text("utf-8") + "\nOpgeslagen tijdens de build.\n", "utf-8")
            saved.append(True)
        return real(*args)

    edited = project / "content/vacatures/vacature-00002.md"
    edited.write_text(edited.read_text("utf-8") + "\nEen nieuwe zin.\n", "utf-8")
    monkeypatch.setattr(units, "read_vacancy", save_during_build)
    run(project, jobs=1)
    monkeypatch.undo()
    run(project)
    page = project / "output/vacatures/vacature-00005/index.html"
    assert "Opgeslagen tijdens de build." in page.read_text("utf-8")
    same_as_cold(project)


# The spare tree: the output a build replaced, where the next build starts its staging.

SPARE = ".cache/spare-output"


def folders(tree: Path) -> set[str]:
    return {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_dir()}


def same_tree_as_cold(site: Path) -> None:
    """`same_as_cold`, with not one folder or link more or less."""
    run(site, "cold", cache=False)
    assert tree_digest(site / "output") == tree_digest(site / "cold")
    assert folders(site / "output") == folders(site / "cold")
    assert not [p for p in (site / "output").rglob("*") if p.is_symlink()]
    shutil.rmtree(site / "cold")


def test_a_rebuild_starts_from_the_replaced_output_and_never_changes_it(project):
    run(project)
    run(project)  # the first output is now the spare tree
    spare = project / SPARE
    kept = (spare / "vacatures/vacature-00010").stat().st_ino
    second = tree_digest(project / "output")
    edited = project / "content/vacatures/vacature-00007.md"
    edited.write_text(edited.read_text("utf-8").replace("## ", "## Nieuw: ", 1), "utf-8")
    result = run(project)
    assert (result.stats.units_built, result.stats.units_reused) == (1, COUNT - 1)
    # The unchanged vacancy's folder was not made again: it is the spare tree's own.
    assert (project / "output/vacatures/vacature-00010").stat().st_ino == kept
    # The replaced output, now the spare tree, is exactly what it was: nothing was written
    # into a file that the new output shares with it.
    assert tree_digest(spare) == second
    assert b"Nieuw: " in (project / "output/vacatures/vacature-00007/index.html").read_bytes()
    same_tree_as_cold(project)


def test_what_only_the_spare_tree_holds_is_removed(project):
    run(project)
    run(project)
    (project / "content/vacatures/vacature-00020.md").unlink()
    spare = project / SPARE
    (spare / "oud.html").write_text("oud", "utf-8")
    shutil.rmtree(spare / "vacatures/vacature-00012")
    (spare / "vacatures/vacature-00012").write_text("een bestand waar een map hoort", "utf-8")
    (spare / "vacatures/vacature-00013/index.html").unlink()
    (spare / "vacatures/vacature-00013/index.html").mkdir()
    (spare / "vacatures/vacature-00013/index.html/vreemd.txt").write_text("x", "utf-8")
    (spare / "vacatures/link").symlink_to(project / "content")
    # A link on a path the build writes, to the very file it would keep.
    (spare / "robots.txt").unlink()
    (spare / "robots.txt").symlink_to(project / "output/robots.txt")
    run(project)
    assert not (project / "output/vacatures/vacature-00020").exists()
    assert not (project / "output/oud.html").exists()
    assert not (project / "output/vacatures/link").is_symlink()
    assert (project / "content/vacatures/vacature-00001.md").exists()  # not followed
    assert (project / "output/robots.txt").read_text("utf-8").startswith("User-agent")
    same_tree_as_cold(project)


def test_a_linked_folder_in_output_never_leads_the_build_outside(project, tmp_path):
    run(project)
    elsewhere = tmp_path / "elders"
    (elsewhere / "index.html").mkdir(parents=True)
    (elsewhere / "index.html/bewaren.txt").write_text("niet wissen", "utf-8")
    folder = project / "output/vacatures/vacature-00010"
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere)
    run(project)  # this output, with the link, becomes the spare tree of the next build
    edited = project / "content/vacatures/vacature-00010.md"
    edited.write_text(edited.read_text("utf-8").replace("## ", "## Nieuw: ", 1), "utf-8")
    run(project)
    run(project)
    assert sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*")) == \
        ["index.html", "index.html/bewaren.txt"]
    same_tree_as_cold(project)


@pytest.mark.parametrize("inside", [SPARE, f"{SPARE}/site"])
def test_an_output_folder_where_the_spare_tree_goes_gets_none(project, inside):
    run(project, inside)
    run(project, inside)
    before = tree_digest(project / inside)
    broken = project / "content/vacatures/vacature-00005.md"
    broken.write_text(broken.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    with pytest.raises(ContentError):
        run(project, inside)
    assert tree_digest(project / inside) == before


def test_a_build_while_another_holds_the_spare_tree_leaves_it_alone(project):
    from werkenbij.build.output import spare_tree

    run(project)
    run(project)
    spare = project / SPARE
    kept = spare.stat().st_ino
    with spare_tree(spare, project / "output") as held:
        assert held == spare
        with spare_tree(spare, project / "output") as second:
            assert second is None  # a second build at the same time goes without
        run(project)  # so does a whole build
        assert spare.stat().st_ino == kept
    same_tree_as_cold(project)


def test_a_failed_check_after_rewriting_every_page_leaves_output_alone(project):
    """Every page is rewritten in the staging folder made from the spare tree, then the
    checks fail: output/ and the spare tree it shares files with stay as they were."""
    run(project)
    run(project)
    before = tree_digest(project / "output")
    template = project / "templates/partials/facts.html"
    good = template.read_text("utf-8")
    template.write_text(good.replace("<dt>Contract</dt>", '<dt><a href="#nergens">Contract</a></dt>'),
                        "utf-8")
    with pytest.raises(CheckFailure):
        run(project)
    assert tree_digest(project / "output") == before
    assert (project / SPARE).is_dir()  # the failed build's staging, kept to start from
    template.write_text(good, "utf-8")
    edited = project / "content/vacatures/vacature-00005.md"
    edited.write_text(edited.read_text("utf-8").replace("## ", "## Hersteld: ", 1), "utf-8")
    run(project)
    assert b"Hersteld: " in (project / "output/vacatures/vacature-00005/index.html").read_bytes()
    assert tree_digest(project / SPARE) == before  # the output this build replaced
    same_tree_as_cold(project)


def test_folders_get_the_mode_of_a_new_folder(project):
    run(project)
    run(project)
    (project / SPARE / "vacatures/vacature-00010").chmod(0o700)
    run(project)
    run(project, "cold", cache=False)
    expected = (project / "cold/vacatures/vacature-00010").stat().st_mode
    assert (project / "output/vacatures/vacature-00010").stat().st_mode == expected != 0o40700


def test_without_the_cache_no_spare_tree_is_used_or_kept(project):
    run(project, cache=False)
    run(project, cache=False)
    assert not (project / SPARE).exists()
    assert sorted(p.name for p in project.iterdir()) == ["content", "output", "site_config.yaml",
                                                         "templates"]
    run(project)
    run(project)
    kept = tree_digest(project / SPARE), (project / SPARE).stat().st_ino
    run(project, cache=False)
    assert (tree_digest(project / SPARE), (project / SPARE).stat().st_ino) == kept
