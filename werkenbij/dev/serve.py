"""`build.py serve`: build in memory, serve that on 127.0.0.1, rebuild and reload on change.

A build error never stops the server: the browser shows a page with every problem (file,
line, message, fix) until the file is fixed, then the site comes back by itself. The last
good site stays in memory until then. Each save redoes only what it can change (see
workspace.py). Like the dev servers of MkDocs and Zola, serve writes nothing to output/: that
folder has one writer, `build()`.
"""

from __future__ import annotations

import mimetypes
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..pipeline import BuildOptions
from ..problems import BuildError, Problem, Severity, UsageError
from ..report import Sources, count_line, print_problems
from .workspace import Workspace

_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')
HOST = "127.0.0.1"  # never reachable from other machines
POLL_MS = 50        # livereload polls every 800 ms; editors feel every millisecond
OPEN_DELAY_SECONDS = 0.5  # with --open: the browser asks once the server listens


class DevServer:
    """Holds the last build outcome and answers HTTP requests from it."""

    def __init__(self, options: BuildOptions, base_path: str, log: Callable[[str], None] = print):
        self.options, self.base_path, self.log = options, base_path, log
        self.workspace = Workspace(options)
        self.error_page: bytes | None = None
        self.warned: set[Problem] = set()  # the warnings this run has printed
        errors = Environment(loader=FileSystemLoader(options.templates_dir),
                             autoescape=select_autoescape(default_for_string=True))
        self.error_template = errors.get_template("dev-error.html")

    @property
    def watched(self) -> list[Path]:
        root = self.options.root
        return [root / "content", self.options.templates_dir, root / "site_config.yaml"]

    def rebuild(self, *changed: object) -> None:
        started = time.perf_counter()
        try:
            result = self.workspace.rebuild()
        except BuildError as error:
            self._failed(error.problems)
        except UsageError as error:
            self._failed([Problem("build.py", 0, 0, str(error))])
        except Exception:  # a bug of ours: show it, keep serving
            self._failed([Problem("build.py", 0, 0, "Interne fout in build.py (geen fout in de "
                                  "inhoud).", traceback.format_exc(limit=3))])
        else:
            self.error_page = None
            # Each warning is printed once per serve run; a save that brings nothing new stays
            # short (the warnings of files the editor did not touch were shown already).
            new = [w for w in result.warnings if w not in self.warned]
            self.warned |= set(result.warnings)
            print_problems(new, sys.stderr, root=self.options.root)
            known = len(result.warnings) - len(new)
            self.log(f"{result.pages} pagina's gebouwd, {count_line(result.warnings)}"
                     + (f", waarvan {known} al eerder getoond" if known else "")
                     + f" ({time.perf_counter() - started:.2f} s)".replace(".", ","))

    def _failed(self, problems: list[Problem]) -> None:
        print_problems(problems, sys.stderr, root=self.options.root)
        errors = [p for p in problems if p.severity == Severity.ERROR] or problems
        sources = Sources(self.options.root)
        self.error_page = self.error_template.render(
            problems=[(p, sources.quote(p)) for p in errors]).encode("utf-8")
        self.log(f"Niet gebouwd: {count_line(problems)}. De laatste goede versie blijft staan.")

    def app(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """A small WSGI app: the error page while the build is broken, else the last good site."""
        path = environ.get("PATH_INFO", "/")
        if environ.get("REQUEST_METHOD") == "HEAD":
            start_response = _headers_only(start_response)
        if not _local_host(environ.get("HTTP_HOST", "")):
            # A web page elsewhere could point its own name at 127.0.0.1 (DNS rebinding) and read
            # drafts from this server: only the names of this machine get an answer.
            return _respond(start_response, "421 Misdirected Request", "text/plain",
                            b"Alleen voor 127.0.0.1, localhost en [::1].")
        if self.error_page is not None and (path.endswith("/") or path.endswith(".html")):
            return _respond(start_response, "500 Internal Server Error", "text/html", self.error_page)
        if not path.startswith(self.base_path):
            return _respond(start_response, "302 Found", "text/plain", b"", self.base_path)
        files = self.workspace.files
        found = _file_for(path[len(self.base_path):], files)
        if found is None:
            return _respond(start_response, "404 Not Found", "text/html",
                            files.get("404.html", b"Niet gevonden"))
        kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
        body = without_csp(files[found]) if kind == "text/html" else files[found]
        return _respond(start_response, "200 OK", kind, body)

    def serve(self, port: int, open_browser: bool = False) -> None:
        """Serve on 127.0.0.1 until Ctrl+C; `open_browser`: also open the site in the browser,
        once the first build is done (what voorbeeld.cmd and voorbeeld.command ask)."""
        from livereload import Server
        from livereload.handlers import LiveReloadHandler
        from tornado import ioloop

        self.rebuild()
        server = Server(app=self.app, watcher=_new_files_count())
        for path in self.watched:
            server.watch(str(path), self.rebuild)
        # A first look records every file's time. livereload reports its first scan as a change
        # (it names the last file it saw), which would reload the browser for nothing.
        server.watcher.examine()
        # livereload skips a reload within 3 s of the previous one; a quick fix must still show.
        LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
        ioloop.PeriodicCallback(LiveReloadHandler.poll_tasks, POLL_MS).start()
        self.log(f"Bekijk de site op http://{HOST}:{port}{self.base_path} (stoppen: Ctrl+C)")
        # restart_delay "forever": no reload signal at start-up, only when a file changes
        try:
            server.serve(port=port, host=HOST, debug=False, restart_delay="forever",
                         open_url_delay=OPEN_DELAY_SECONDS if open_browser else None)
        except OSError as error:
            raise UsageError(f"Poort {port} is al in gebruik of niet beschikbaar ({error.strerror}). "
                             "Kies een andere met --port, bijvoorbeeld --port 8001.") from None


def _new_files_count():
    """livereload counts a file it has not seen before as changed only when its time is newer
    than the server's start. A vacancy copied in Explorer or Finder keeps its old time, and a
    file moved back keeps its own: after the first look, every new path is a change."""
    from livereload.watcher import get_watcher_class

    class Watcher(get_watcher_class()):
        primed = False

        def examine(self):
            result = super().examine()
            self.primed = True
            return result

        def is_file_changed(self, path, ignore=None):
            is_new = self.primed and path not in self._task_mtimes
            return super().is_file_changed(path, ignore) or (is_new and self.filepath == path)

    return Watcher()


def _file_for(relative: str, files: dict[str, bytes]) -> str | None:
    """The file a request names: that file, or the index.html of that folder (with or without
    the slash at the end). Nothing above the site."""
    parts = [part for part in relative.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None
    name = "/".join(parts)
    for candidate in (name, f"{name}/index.html".lstrip("/")):
        if candidate in files:
            return candidate
    return None


def without_csp(html: bytes) -> bytes:
    """The page without its Content-Security-Policy: livereload injects an inline script,
    which that policy would block."""
    return _CSP_META.sub(b"", html)


def _local_host(host: str) -> bool:
    """127.0.0.1, localhost or [::1], with or without a port."""
    name = host.lower()
    name = name[:name.find("]") + 1] if name.startswith("[") else name.split(":", 1)[0]
    return name in ("127.0.0.1", "localhost", "[::1]")


def _headers_only(start_response: Callable) -> Callable:
    """For HEAD: the same headers, and a marker so `_respond` sends no body."""
    def start(status: str, headers: list) -> None:
        start_response(status, [(k, "0" if k == "Content-Length" else v) for k, v in headers])
    start.head = True  # type: ignore[attr-defined]
    return start


def _respond(start_response: Callable, status: str, kind: str, body: bytes,
             location: str = "") -> list[bytes]:
    charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith("xml") else ""
    headers = [("Content-Type", kind + charset), ("Content-Length", str(len(body))),
               ("Cache-Control", "no-store")]
    if location:
        headers.append(("Location", location))
    start_response(status, headers)
    return [] if getattr(start_response, "head", False) else [body]
