"""The command line: parse arguments, run a stage, map each outcome to one exit code."""

from __future__ import annotations

import argparse
import errno
import signal
import sys
import time
import traceback
from pathlib import Path

from .github.forms import cli as issue_forms
from .github.summary.command import HELP as SUMMARY_HELP
from .github.summary.command import add_summary_arguments, print_summary
from .pipeline import BuildOptions, build, check_folder
from .pipeline.pipeline import external_options
from .problems import (
    EXIT_CHECK,
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    BuildError,
    CheckFailure,
    ConfigError,
    TemplateFailure,
    UsageError,
)
from .read.config import load_config
from .report import FORMATS, count_line, print_problems
from .schedule import resolve_build_date

ROOT = Path(__file__).resolve().parent.parent


class _DutchHelp(argparse.HelpFormatter):
    """argparse's own words in Dutch: the help is read by editors, not only developers."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix or "gebruik: ")

    def start_section(self, heading):
        super().start_section({"options": "opties", "positional arguments": "argumenten"}
                              .get(heading or "", heading))


def _dutch(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.formatter_class = _DutchHelp
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", add_help=False,
        description="Bouwt de vacaturesite uit content/ naar output/ en controleert ze.",
        epilog="Exitcodes: 0 gelukt, 1 fout in de inhoud of instellingen, 2 verkeerd gebruik, "
               "3 controle van de gebouwde site mislukt, 4 interne fout.")
    _dutch(parser)
    commands = parser.add_subparsers(dest="command", metavar="opdracht", title="opdrachten")
    build_cmd = _dutch(commands.add_parser("build", add_help=False, prog="build.py build",
                                           help="bouw en controleer de site (standaard)"))
    _add_build_options(build_cmd, argparse.SUPPRESS)
    check_cmd = _dutch(commands.add_parser("check", add_help=False, prog="build.py check",
                                           help="controleer een gebouwde map"))
    check_cmd.add_argument("folder", nargs="?", default="output", help="de map (standaard output)")
    check_cmd.add_argument("--base-url", help="basispad van de site (standaard uit site_config.yaml)")
    check_cmd.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    check_cmd.add_argument("--external", action="store_true",
                           help="controleer ook externe links over het netwerk (met cache)")
    check_cmd.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    check_cmd.add_argument("--format", choices=FORMATS, default="human",
                           help="hoe fouten getoond worden: human, json of github (annotaties)")
    serve_cmd = _dutch(commands.add_parser(
        "serve", add_help=False, prog="build.py serve",
        help="bouw, toon de site op http://127.0.0.1:8000 en bouw opnieuw bij elke wijziging"))
    _add_build_options(serve_cmd, argparse.SUPPRESS)
    serve_cmd.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    serve_cmd.add_argument("--open", action="store_true", help="open de site in je browser")
    new_cmd = _dutch(commands.add_parser("new", add_help=False, prog="build.py new",
                                         help="begin een nieuwe vacature (als kladversie)"))
    new_cmd.add_argument("title", help='de functietitel, bv. "Maatschappelijk werker"')
    new_cmd.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    add_summary_arguments(_dutch(commands.add_parser("summary", add_help=False, prog="build.py summary",
                                                     help=SUMMARY_HELP)))
    issue_forms.add_commands(commands, _dutch, ROOT)
    _add_build_options(parser)
    return parser


def _add_build_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """The build options, on the main parser and on `build`. On `build` they default to
    SUPPRESS, so `build.py --date X build` keeps the date given before the word `build`."""
    def option(*names: str, value: object = None, **kwargs: object) -> None:
        parser.add_argument(*names, default=value if default is None else default, **kwargs)

    option("--date", help="bouw de site zoals op deze dag (JJJJ-MM-DD)")
    option("--base-url", help="waar de site staat, bv. /werken-bij/ of https://…/")
    option("--output", value="output", help="uitvoermap (standaard output)")
    option("--root", type=Path, value=ROOT,
           help="projectmap met content/ en site_config.yaml (standaard die van build.py)")
    option("--drafts", value=False, action="store_true", help="neem ook kladversies op")
    option("--external", value=False, action="store_true",
           help="controleer ook externe links over het netwerk (met cache)")
    option("--strict", value=False, action="store_true", help="waarschuwingen tellen als fouten")
    option("--format", value="human", choices=FORMATS,
           help="hoe fouten getoond worden: human, json of github (annotaties)")
    option("--jobs", value=None, type=_positive, metavar="N",
           help="bouw met N processen tegelijk (standaard één per processorkern)")
    # There is no build cache any more; the option stays so that older scripts keep working.
    option("--no-cache", value=False, action="store_true", help=argparse.SUPPRESS)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    untouched = f"{getattr(args, 'output', 'output')}/ is niet aangepast."
    signal.signal(signal.SIGTERM, _stop)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "new":
            return _new(args)
        if args.command == "summary":
            return print_summary(args)
        if args.command == "form":
            return issue_forms.run(args, ROOT / "templates")
        return _build(args)
    except UsageError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as error:
        print_problems(error.problems, format=args.format, root=_root(args))
        print(f"{_headline(error)} {untouched}", file=sys.stderr)
        return _exit_code(error)
    except KeyboardInterrupt:
        print(f"Onderbroken. {untouched}", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as error:
        if isinstance(error, OSError) and error.errno in _DISK_ERRORS:  # the machine, not us
            print(f"build.py: {_disk_message(error)} {untouched}", file=sys.stderr)
            return EXIT_USAGE
        traceback.print_exc()  # a bug of ours, not the editor's: shown for the developers
        print("Interne fout in build.py (geen fout in de inhoud). Meld dit aan de ontwikkelaars.",
              file=sys.stderr)
        return EXIT_INTERNAL


# The machine, not the content: a full disk, a folder that may not be written.
_DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def _disk_message(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"De schijf is vol{where}. Maak ruimte vrij en bouw opnieuw."
    return (f"Deze map of dit bestand kan niet beschreven worden{where}: alleen-lezen, of geen "
            "rechten. Kies met --output een map waarin je mag schrijven.")


def _options(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(root=args.root.resolve(), templates=ROOT / "templates",
                        output=Path(args.output).resolve(), today=resolve_build_date(args.date),
                        base_url=args.base_url, drafts=args.drafts, strict=args.strict,
                        external=args.external, jobs=args.jobs)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"geen positief geheel getal: {text}")
    return int(text)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    options = _options(args)
    result = build(options)
    print_problems(result.warnings, format=args.format, root=options.root)
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"{result.pages} pagina's gebouwd op {options.today.isoformat()}, "
          f"{count_line(result.warnings)} ({seconds} s)", file=_summary_stream(args))
    return EXIT_OK


def _headline(error: BuildError) -> str:
    if isinstance(error, TemplateFailure):
        return "Interne fout in een sjabloon (geen fout in de inhoud)."
    if isinstance(error, CheckFailure):
        return f"De gebouwde site is niet in orde: {count_line(error.problems)}."
    return f"Niet gebouwd: {count_line(error.problems)}."


def _exit_code(error: BuildError) -> int:
    """The one mapping from a failed build to an exit code (see README.md, "Exitcodes")."""
    if isinstance(error, TemplateFailure):
        return EXIT_INTERNAL
    if isinstance(error, CheckFailure):
        return EXIT_CHECK
    return EXIT_CONTENT


def _serve(args: argparse.Namespace) -> int:
    from .dev.serve import DevServer

    options = _options(args)
    try:
        base_path = load_config(options.root, options.base_url).base_path
    except ConfigError:
        base_path = "/"  # the server starts anyway and shows the mistake in the browser
    DevServer(options, base_path).serve(args.port, open_browser=args.open)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from .dev.scaffold import new_vacancy

    root = args.root.resolve()
    path = new_vacancy(root, ROOT / "templates", load_config(root), args.title,
                       resolve_build_date(args.date))
    print(f"Nieuwe vacature: {path.relative_to(root)} (kladversie: draft: true).\n"
          f"Vul elke 'VUL IN' in en bekijk ze met: python build.py serve --drafts")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"De map {folder} bestaat niet. Bouw eerst de site.")
    config = load_config(args.root.resolve(), args.base_url)
    external = external_options(args.root.resolve()) if args.external else None
    problems = check_folder(folder, config, args.strict, external)
    print_problems(problems, format=args.format, root=_root(args))
    print(f"{folder} gecontroleerd: {count_line(problems)}", file=_summary_stream(args))
    return EXIT_OK


def _root(args: argparse.Namespace) -> Path:
    """The project whose files the messages quote."""
    return getattr(args, "root", ROOT).resolve()


def _summary_stream(args: argparse.Namespace):
    """JSON owns standard output; the one-line summary then goes to standard error."""
    return sys.stderr if args.format == "json" else sys.stdout


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
