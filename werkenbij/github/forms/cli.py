"""`build.py form …`: write the issue forms, and turn an issue into a checked proposal.

    python build.py form write
    python build.py form vacancy ISSUE.md --issue 12 --out MAP
    python build.py form withdraw --event "$GITHUB_EVENT_PATH" --issue 13 --out MAP

`vacancy` and `withdraw` read the issue body from a file, or from `.issue.body` of the event
payload that GitHub writes for the workflow (`--event`): no issue text ever reaches a shell
command or an environment variable, which holds no more than 128 KiB. They change
content/vacatures/ only when the whole site still builds, and write into MAP: `comment.md`
(the result of the checks, for the issue), `pull-request.md` and `title.txt` (for the pull
request). Exit code 0: a proposal is ready; 1: the issue has mistakes (all in comment.md);
2: wrong use of the command.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from ...problems import EXIT_CONTENT, EXIT_OK, UsageError


def add_commands(commands, dutch: Callable[[argparse.ArgumentParser], argparse.ArgumentParser],
                 root: Path) -> None:
    form = dutch(commands.add_parser("form", add_help=False, prog="build.py form",
                                     help="de formulieren op GitHub: maak ze, of lees een issue"))
    actions = form.add_subparsers(dest="form_command", metavar="actie", title="acties", required=True)
    write = dutch(actions.add_parser("write", add_help=False, prog="build.py form write",
                                     help="schrijf de formulieren in .github/ISSUE_TEMPLATE/"))
    write.add_argument("--root", type=Path, default=root, help=argparse.SUPPRESS)
    for name, what in (("vacancy", "maak een vacature uit een issue 'Nieuwe vacature'"),
                       ("withdraw", "vervroeg de laatste dag uit een issue 'Vacature offline halen'")):
        action = dutch(actions.add_parser(name, add_help=False, prog=f"build.py form {name}", help=what))
        action.add_argument("body", type=Path, nargs="?", help="bestand met de tekst van het issue")
        action.add_argument("--event", type=Path, help="of: het event-bestand van GitHub "
                            "($GITHUB_EVENT_PATH), met de tekst van het issue erin")
        action.add_argument("--issue", type=int, help="het nummer van het issue")
        action.add_argument("--out", type=Path, required=True,
                            help="map voor comment.md, pull-request.md en title.txt")
        action.add_argument("--date", help="doe alsof het deze dag is (JJJJ-MM-DD)")
        action.add_argument("--root", type=Path, default=root, help=argparse.SUPPRESS)


def run(args: argparse.Namespace, templates: Path) -> int:
    from ...schedule import resolve_build_date
    from .check import Outcome, comment_markdown
    from .form import WITHDRAW_QUESTIONS, block_titles, write_forms
    from .parse import body_problems
    from .propose import propose_vacancy
    from .spec import questions
    from .withdraw import propose_withdrawal

    root = args.root.resolve()
    if args.form_command == "write":
        for path in write_forms(root):
            print(f"Geschreven: {path.relative_to(root)}")
        return EXIT_OK
    body = issue_body(args.body, args.event)
    today = resolve_build_date(args.date)
    refused = body_problems(body)
    if args.form_command == "vacancy":
        outcome = Outcome(problems=refused) if refused else propose_vacancy(root, templates, body, today,
                                                                            args.issue)
        asked, what, form = questions(block_titles(root)), "de nieuwe vacature", "Nieuwe vacature"
    else:
        outcome = Outcome(problems=refused) if refused else propose_withdrawal(root, templates, body, today,
                                                                               args.issue)
        asked, what, form = (WITHDRAW_QUESTIONS, "de vacature met haar nieuwe laatste dag",
                             "Vacature offline halen")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "comment.md").write_text(comment_markdown(outcome, asked, what), "utf-8", newline="\n")
    if not outcome.ok:
        return EXIT_CONTENT
    title = (f"Vacature: {Path(outcome.path).stem}" if args.form_command == "vacancy"
             else f"Vacature offline halen: {Path(outcome.path).stem}")
    (args.out / "title.txt").write_text(title + "\n", "utf-8", newline="\n")
    pull_request = _pull_request(form, outcome.path, args.issue)
    (args.out / "pull-request.md").write_text(pull_request, "utf-8", newline="\n")
    print(outcome.path)
    return EXIT_OK


def issue_body(body: Path | None, event: Path | None) -> str:
    """The text of the issue, exactly as written (line ends included): the file `body`, or
    `.issue.body` of GitHub's event payload `event` (null when the issue has no text)."""
    if (body is None) == (event is None):
        raise UsageError("Geef de tekst van het issue: een bestand, of het event-bestand van GitHub "
                         "met --event (niet allebei).")
    path = body or event
    assert path is not None
    try:
        text = path.read_bytes().decode("utf-8")
        if event is None:
            return text
        found = json.loads(text)["issue"]["body"]
        if found is None:
            return ""
        if not isinstance(found, str):
            raise TypeError(type(found).__name__)
        found.encode("utf-8")  # JSON can escape what no file holds: a lone surrogate (\ud800)
        return found
    except (OSError, UnicodeError) as error:
        raise UsageError(f"Ik kan {path} niet lezen ({error}).") from None
    except (ValueError, LookupError, TypeError):
        raise UsageError(f"{path} is geen event van een issue: ik vind er geen issue.body in.") from None


def _pull_request(form: str, path: str, issue: int | None) -> str:
    issue_ref = f"#{issue}" if issue else "het issue"
    closes = f"\n\nCloses #{issue}" if issue else ""
    return (f"Gemaakt met het formulier \"{form}\" in {issue_ref}. Bestand: `{path}`.\n\n"
            "De controles (de hele site bouwen en controleren) zijn gelopen in de workflow van het "
            "formulier, niet in deze pull request: een pull request die een workflow maakt, start zelf "
            f"geen andere workflows. Het resultaat staat als reactie in {issue_ref}.\n\n"
            "Pas je het issue aan, dan past deze pull request zich aan. Sluit je het issue zonder "
            "samen te voegen, dan sluit ook deze pull request. Maar zet iemand zelf een commit op "
            "deze branch, dan blijft die staan: vanaf dan verandert het formulier deze pull request "
            f"niet meer, en pas je het voorstel hier aan.{closes}\n")
