"""A mistake in content gives a clear message and leaves the previous output/ exactly as it was."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from helpers import FIXTURES, build_site, left_over, tree_digest
from werkenbij.problems import ContentError, UsageError

VACANCY = "content/vacatures/maatschappelijk-werker.md"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def break_file(root, old: str, new: str) -> None:
    path = root / VACANCY
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def messages(error: ContentError) -> list[str]:
    return [f"{p.location}: {p.message}" for p in error.problems]


def test_bad_content_leaves_output_untouched_and_no_staging(site):
    output = build_site(site / "output", date(2025, 10, 1), root=site)
    before = tree_digest(output)
    break_file(site, "closes: 2025-10-31", "closes: 2025-02-30")
    with pytest.raises(ContentError) as caught:
        build_site(output, date(2025, 10, 1), root=site)
    assert messages(caught.value) == [
        f"{VACANCY}:15:9: 'closes' (de laatste dag om te solliciteren) is geen geldige datum (2025-02-30)."]
    assert tree_digest(output) == before
    assert left_over(site) == ["content", "output", "site_config.yaml"]


def test_all_mistakes_are_reported_at_once(site):
    break_file(site, "title: Maatschappelijk werker\n", "")
    break_file(site, "hours_per_week: 19", "hours_per_week: negentien")
    break_file(site, "email: test@example.org", "email: test-at-example")
    with pytest.raises(ContentError) as caught:
        build_site(site / "output", date(2025, 10, 1), root=site)
    assert messages(caught.value) == [
        f"{VACANCY}:2:1: 'title' (de functietitel) ontbreekt.",
        f"{VACANCY}:6:17: 'hours_per_week' (de uren per week) is geen aantal uren dat de site kent "
        "(negentien).",
        f"{VACANCY}:33:10: 'contact': 'email' (het e-mailadres van de contactpersoon) is geen geldig "
        "e-mailadres (test-at-example).",
    ]


def test_unknown_key_gets_a_suggestion(site):
    break_file(site, "closes:", "closing:")
    with pytest.raises(ContentError) as caught:
        build_site(site / "output", date(2025, 10, 1), root=site)
    [problem] = caught.value.problems
    assert (problem.message, problem.fix) == ("'closing' is een onbekende sleutel.",
                                              "Bedoel je 'closes' (de laatste dag om te solliciteren)?")


def test_output_folder_that_holds_the_project_is_refused(site):
    with pytest.raises(UsageError, match="is het project zelf"):
        build_site(site, date(2025, 10, 1), root=site)
    with pytest.raises(UsageError, match="is het project zelf"):
        build_site(site / "..", date(2025, 10, 1), root=site)
    other_project = site.parent / "other"
    (other_project / "content").mkdir(parents=True)
    with pytest.raises(UsageError, match="bevat content/"):
        build_site(other_project, date(2025, 10, 1), root=site)


@pytest.mark.parametrize("inside", ["content", "content/vacatures", "templates"])
def test_an_output_folder_inside_an_input_folder_is_refused(site, inside):
    """serve would rebuild on every build: each one changes what it watches."""
    (site / "templates").mkdir(exist_ok=True)
    with pytest.raises(UsageError, match=f"ligt in {inside.split('/')[0]}/ van het project"):
        build_site(site / inside / "output", date(2025, 10, 1), root=site)
    assert not (site / inside / "output").exists()


def test_folder_with_files_the_build_did_not_write_is_never_replaced(site):
    output = site / "output"
    output.mkdir()
    (output / "eigen-bestand.txt").write_text("van iemand anders", "utf-8")
    with pytest.raises(UsageError, match="eigen-bestand.txt"):
        build_site(output, date(2025, 10, 1), root=site)
    assert (output / "eigen-bestand.txt").read_text("utf-8") == "van iemand anders"


def test_an_output_path_that_is_a_file_is_refused_and_kept(site):
    notes = site / "notities.txt"
    notes.write_text("van iemand anders", "utf-8")
    with pytest.raises(UsageError, match="is een bestand"):
        build_site(notes, date(2025, 10, 1), root=site)
    assert notes.read_text("utf-8") == "van iemand anders"
    assert left_over(site) == ["content", "notities.txt", "site_config.yaml"]


def test_a_mistake_in_the_last_vacancy_is_reported_before_anything_is_rendered(tmp_path, monkeypatch):
    """All content is read and validated first: with 30 vacancies read in worker processes and
    the last one broken, not one page is rendered and no staging folder is made."""
    from corpus import BUILD_DATE, generate
    from werkenbij.pipeline import stages
    from werkenbij.pipeline.output import Staging

    site = generate(30, tmp_path / "site")
    last = site / "content/vacatures/vacature-00030.md"
    last.write_text(last.read_text("utf-8").replace("closes: ", "closes: 2025-02-30\nx: ", 1), "utf-8")
    rendered, staged = [], []
    monkeypatch.setattr(stages.VacancyPages, "__call__", lambda self, *item: rendered.append(item))
    monkeypatch.setattr(Staging, "__enter__", lambda self: staged.append(self))
    with pytest.raises(ContentError) as caught:
        build_site(site / "output", BUILD_DATE, root=site)
    assert {p.path for p in caught.value.problems} == {"content/vacatures/vacature-00030.md"}
    assert rendered == [] and staged == []
    assert not (site / "output").exists()
