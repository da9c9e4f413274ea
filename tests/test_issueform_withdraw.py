"""The form "Vacature offline halen": the vacancy by its address or file name, an earlier last
day, and only the `closes:` line of its file changed."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import ROOT, build_site, copy_of
from issueform_helpers import issue_body
from werkenbij.cli import main
from werkenbij.github.forms.form import WITHDRAW_QUESTIONS
from werkenbij.github.forms.withdraw import propose_withdrawal

TODAY = date(2025, 10, 1)  # maatschappelijk-werker of the complete fixture closes on 2025-10-31
FILE = "content/vacatures/maatschappelijk-werker.md"


@pytest.fixture
def root(tmp_path):
    return copy_of("complete", tmp_path)


def withdraw(root, vacancy: str, closes: str, today: date = TODAY):
    body = issue_body({"vacancy": vacancy, "closes": closes}, WITHDRAW_QUESTIONS)
    return propose_withdrawal(root, ROOT / "templates", body, today, issue=9)


def told(outcome) -> list[tuple[str, str, str]]:
    return [(p.field, p.message, p.fix) for p in outcome.problems if p.severity == "error"]


@pytest.mark.parametrize("named", [
    "maatschappelijk-werker", "maatschappelijk-werker.md", FILE, "/vacatures/maatschappelijk-werker/",
    "https://vacatures.example/werken-bij/vacatures/maatschappelijk-werker/", " Maatschappelijk-Werker ",
])
def test_the_vacancy_is_found_by_its_address_or_file_name(root, named):
    assert withdraw(root, named, "2025-10-15").path == FILE


def test_only_the_closes_line_changes(root):
    before = (root / FILE).read_text("utf-8").split("\n")
    outcome = withdraw(root, "maatschappelijk-werker", "2025-10-15")
    assert outcome.ok and told(outcome) == []
    after = (root / FILE).read_text("utf-8").split("\n")
    changed = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert [before[i] for i in changed] == ["closes: 2025-10-31"]
    assert [after[i] for i in changed] == ["closes: 2025-10-15                  # vervroegd met het "
                                           "formulier 'Vacature offline halen', issue #9"]


def test_yesterday_takes_it_offline_today(root, tmp_path):
    assert withdraw(root, "maatschappelijk-werker", "2025-09-30").ok
    site = build_site(tmp_path / "out", TODAY, root=root)
    assert "maatschappelijk-werker" in (site / "vacatures/archief/index.html").read_text("utf-8")
    assert "maatschappelijk-werker" not in (site / "index.html").read_text("utf-8")


def test_a_file_without_closes_gets_one_after_published_and_keeps_its_bytes(root):
    path = root / "content/vacatures/bom-en-crlf.md"
    before = path.read_bytes()
    assert b"closes" not in before and b"\r\n" in before and before.startswith(b"\xef\xbb\xbf")
    assert withdraw(root, "bom-en-crlf", "2025-10-10").ok
    after = path.read_bytes()
    published = next(line for line in before.split(b"\r\n") if line.startswith(b"published:"))
    added = published + b"\r\ncloses: 2025-10-10                  # vervroegd met het formulier " \
        b"'Vacature offline halen', issue #9"
    assert after == before.replace(published, added)


def test_an_unknown_vacancy_gets_the_nearest_names(root):
    assert told(withdraw(root, "maatschapelijk-werkr", "2025-10-15")) == [
        ("vacancy", "Ik vind geen vacature 'maatschapelijk-werkr'.",
         "Bedoel je: maatschappelijk-werker? Schrijf de bestandsnaam uit content/vacatures/ of het "
         "webadres van de vacature.")]


@pytest.mark.parametrize("closes, expected", [
    ("15/10/2025", ("closes", "'15/10/2025' is geen geldige datum.",
                    "Schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-31. Gisteren haalt de vacature meteen "
                    "offline.")),
    ("2025-09-29", ("closes", "2025-09-29 ligt in het verleden.",
                    "Kies gisteren (dan is de vacature meteen offline), vandaag of een latere dag.")),
    ("2025-10-31", ("closes", "De vacature sluit al op 2025-10-31; 2025-10-31 is niet vroeger.",
                    "Kies een dag vóór 2025-10-31, of gisteren om ze meteen offline te halen.")),
])
def test_a_wrong_day_is_refused_and_the_file_stays_as_it_was(root, closes, expected):
    before = (root / FILE).read_bytes()
    outcome = withdraw(root, "maatschappelijk-werker", closes)
    assert told(outcome) == [expected] and not outcome.ok
    assert (root / FILE).read_bytes() == before


def test_a_closed_vacancy_or_a_draft_cannot_be_withdrawn(root):
    assert told(withdraw(root, "maatschappelijk-werker", "2025-11-05", today=date(2025, 11, 5))) == [
        ("vacancy", f"{FILE} is al gesloten (laatste dag: 2025-10-31).",
         "Er is niets offline te halen: de vacature staat al in het archief.")]
    assert told(withdraw(root, "kladversie", "2025-10-15"))[0][1] == \
        "content/vacatures/kladversie.md is een kladversie (draft: true) en staat niet online."


def test_a_day_the_model_refuses_is_told_by_the_question_and_undone(root):
    """Before its publication day: the reader's own rule, told as the form's question."""
    path = root / FILE
    text = path.read_text("utf-8")
    path.write_text(text.replace("published: 2025-09-01", "published: 2025-10-05"), "utf-8")
    before = path.read_bytes()
    outcome = withdraw(root, "maatschappelijk-werker", "2025-10-04", today=date(2025, 10, 3))
    assert told(outcome) == [
        ("closes", "'Laatste dag om te solliciteren' (2025-10-04) ligt vóór 'published' (de dag van "
                   "publicatie: 2025-10-05).",
         "Een vacature sluit na de dag waarop ze gepubliceerd wordt.")]
    assert path.read_bytes() == before


def test_the_command_writes_the_comment_and_the_pull_request(root, tmp_path, capsys):
    body = tmp_path / "issue.md"
    body.write_text(issue_body({"vacancy": "maatschappelijk-werker", "closes": "2025-10-15"},
                               WITHDRAW_QUESTIONS), "utf-8")
    out = tmp_path / "out"
    code = main(["form", "withdraw", str(body), "--issue", "9", "--out", str(out), "--date", "2025-10-01",
                 "--root", str(root)])
    assert code == 0 and capsys.readouterr().out == f"{FILE}\n"
    assert (out / "title.txt").read_text("utf-8") == "Vacature offline halen: maatschappelijk-werker\n"
    assert "Closes #9" in (out / "pull-request.md").read_text("utf-8")
    assert "✅ In orde" in (out / "comment.md").read_text("utf-8")
    body.write_text(issue_body({"vacancy": "niets", "closes": "2025-10-15"}, WITHDRAW_QUESTIONS), "utf-8")
    assert main(["form", "withdraw", str(body), "--out", str(out), "--root", str(root)]) == 1
    assert "Ik vind geen vacature 'niets'" in (out / "comment.md").read_text("utf-8")
