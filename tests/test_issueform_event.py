"""`build.py form vacancy|withdraw --event FILE`: the issue text from GitHub's event payload
instead of a file of its own. An environment variable holds no more than 128 KiB, so a long
issue of three-byte characters could not reach the command; the event file can hold anything
GitHub keeps, and a text longer than that is told on the issue, never a crash."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers import copy_of
from issueform_helpers import MINIMAL, issue_body
from werkenbij.cli import main
from werkenbij.github.forms.cli import issue_body as read_issue_body
from werkenbij.github.forms.form import WITHDRAW_QUESTIONS, block_titles
from werkenbij.github.forms.spec import questions
from werkenbij.github.markdown import literal

AWKWARD = {"title": "Coach \"$(rm -rf ~)\" `id` 'x' ${HOME} \\n", "unit": "Kennis & cel; echo $?",
           "summary": "Eerste regel met `code` en $(date).\r\nTweede regel: \"quotes\" en 'quotes'.",
           "body-work": "- Je coacht.\r\n- Je test `rm -rf /` niet.\n\n\\$x en 100%"}
THREE_BYTES = "€"  # U+20AC: three bytes in UTF-8


@pytest.fixture
def root(tmp_path):
    return copy_of("complete", tmp_path)


def event_file(folder: Path, body: str | None) -> Path:
    """The event payload as GitHub writes it for the workflow ($GITHUB_EVENT_PATH)."""
    path = folder / "event.json"
    path.write_text(json.dumps({"action": "edited", "issue": {"number": 7, "body": body}}), "utf-8")
    return path


def body_file(folder: Path, body: str) -> Path:
    path = folder / "issue.md"
    path.write_bytes(body.encode("utf-8"))
    return path


def given_as(entry: str, folder: Path, body: str) -> list[str]:
    """The arguments that give the body: in the event payload, or in a file of its own."""
    return ["--event", str(event_file(folder, body))] if entry == "event" else [str(body_file(folder, body))]


def form(root: Path, command: str, *given: str) -> tuple[int, str]:
    """Run `build.py form <command>` on the complete site; the exit code and comment.md."""
    out = root.parent / "out"
    code = main(["form", command, *given, "--issue", "7", "--out", str(out), "--date", "2025-10-01",
                 "--root", str(root)])
    return code, (out / "comment.md").read_text("utf-8") if (out / "comment.md").exists() else ""


def long_body(root: Path, length: int) -> str:
    """A form whose text of the job is so long that the issue is `length` characters long,
    nearly all of three bytes."""
    asked = questions(block_titles(root))
    short = issue_body({**MINIMAL, "body-work": "- "}, asked)
    body = issue_body({**MINIMAL, "body-work": "- " + THREE_BYTES * (length - len(short))}, asked)
    assert len(body) == length
    return body


def test_the_event_file_gives_the_body_byte_for_byte_as_the_file_would(tmp_path, root):
    body = issue_body({**MINIMAL, **AWKWARD}, questions(block_titles(root))).replace("\n", "\r\n", 3)
    assert "\r\n" in body and "$(" in body and "`" in body
    from_event = read_issue_body(None, event_file(tmp_path, body))
    assert from_event == read_issue_body(body_file(tmp_path, body), None) == body


def test_the_event_and_the_file_write_the_same_vacancy(tmp_path, root):
    body = issue_body({**MINIMAL, **AWKWARD}, questions(block_titles(root)))
    written = []
    for given in (["--event", str(event_file(tmp_path, body))], [str(body_file(tmp_path, body))]):
        code, comment = form(root, "vacancy", *given)
        assert code == 0, comment
        [path] = (root / "content/vacatures").glob("coach-*.md")
        written.append(path.read_bytes())
        path.unlink()
    assert written[0] == written[1] and b"$(rm -rf ~)" in written[0]


@pytest.mark.parametrize("entry", ["event", "file"])
def test_a_long_issue_of_three_byte_characters_is_read_by_the_normal_rules(tmp_path, root, entry):
    body = long_body(root, 60_000)
    assert len(body.encode("utf-8")) > 128 * 1024  # more than one environment variable holds
    given = given_as(entry, tmp_path, body)
    started = time.perf_counter()
    code, comment = form(root, "vacancy", *given)
    assert time.perf_counter() - started < 5
    assert code == 0 and "✅ In orde" in comment
    assert THREE_BYTES * 1000 in (root / "content/vacatures/teamcoach.md").read_text("utf-8")


@pytest.mark.parametrize("entry", ["event", "file"])
@pytest.mark.parametrize("command", ["vacancy", "withdraw"])
def test_an_issue_longer_than_github_keeps_is_told_on_the_issue(tmp_path, root, entry, command):
    body = long_body(root, 65_537)
    given = given_as(entry, tmp_path, body)
    code, comment = form(root, command, *given)
    assert code == 1 and not (root / "content/vacatures/teamcoach.md").exists()
    assert "1. **Fout in het issue**: De tekst van het issue is te lang\\: 65\\.537 tekens\\. GitHub " \
           "bewaart er hoogstens 65\\.536\\.  \n   Oplossing: Maak je langste antwoorden korter en " \
           "bewaar het issue opnieuw\\." in comment


def test_an_issue_of_exactly_githubs_length_is_read(tmp_path, root):
    code, comment = form(root, "vacancy", "--event", str(event_file(tmp_path, long_body(root, 65_536))))
    assert code == 0 and "✅ In orde" in comment


@pytest.mark.parametrize("command, message", [
    ("vacancy", "Dit issue is niet met het formulier gemaakt: ik vind geen enkele vraag van het formulier."),
    ("withdraw", "Dit issue is niet met het formulier gemaakt."),
])
def test_an_issue_without_text_gets_the_message_of_an_empty_form(tmp_path, root, command, message):
    code, comment = form(root, command, "--event", str(event_file(tmp_path, None)))
    assert code == 1 and f"**Fout in het issue**: {literal(message)}" in comment


def test_the_withdraw_form_reads_the_event_too(tmp_path, root):
    answers = {"vacancy": "maatschappelijk-werker", "closes": "2025-10-15"}
    body = issue_body(answers, WITHDRAW_QUESTIONS)
    code, comment = form(root, "withdraw", "--event", str(event_file(tmp_path, body)))
    assert code == 0, comment
    assert "closes: 2025-10-15" in (root / "content/vacatures/maatschappelijk-werker.md").read_text("utf-8")


@pytest.mark.parametrize("given, message", [
    ((), "Geef de tekst van het issue: een bestand, of het event-bestand van GitHub met --event "
         "(niet allebei)."),
    (("issue.md", "--event", "event.json"), "Geef de tekst van het issue: een bestand, of het "
                                            "event-bestand van GitHub met --event (niet allebei)."),
    (("--event", "issue.md"), "issue.md is geen event van een issue: ik vind er geen issue.body in."),
    (("--event", "list.json"), "list.json is geen event van een issue: ik vind er geen issue.body in."),
    (("--event", "surrogate.json"), "Ik kan surrogate.json niet lezen"),
    (("--event", "nope.json"), "Ik kan nope.json niet lezen"),
])
def test_wrong_use_of_the_event_option_exits_two_with_a_dutch_message(tmp_path, root, monkeypatch, capsys,
                                                                     given, message):
    monkeypatch.chdir(tmp_path)
    body_file(tmp_path, "### Functietitel\n\nCoach\n")
    (tmp_path / "list.json").write_text('[{"issue": {"body": "x"}}]', "utf-8")
    (tmp_path / "surrogate.json").write_text('{"issue": {"body": "a\\ud800b"}}', "utf-8")
    event_file(tmp_path, "x")
    code, _ = form(root, "vacancy", *given)
    assert code == 2 and capsys.readouterr().err.startswith(f"build.py: {message}")
