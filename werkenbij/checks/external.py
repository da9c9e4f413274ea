"""External links: ask every http(s) address once over the network, only when the build asks for it.

Servers answer link checkers badly: some refuse HEAD, some ration requests, LinkedIn answers 999 to
anything that is not a browser. So only a clear "not there" fails the build; whatever we could not
decide becomes a warning for a person to check by hand, and is asked again on the next run.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import quote, urldefrag, urlsplit

from ..problems import Problem, Severity
from .settings import ExternalOptions
from .site import BuiltSite

_sleep = time.sleep  # tests swap this in so a retry does not really wait
_DAY = 86400.0
_HEAD_REFUSED = {405, 501}  # servers that do not implement HEAD; other 4xx on HEAD are taken at their word
_RETRIED = {429, 503}
_UNKNOWN_STATUSES = {401, 403, 429, 503, 999}  # says nothing about whether the page exists
_SAFE = "/%:@!$&'()*+,;=?~"  # kept as they are when a browser would send the address


class Outcome(Enum):
    """What checking one address can conclude; the message an editor reads lives with each kind."""

    severity: Severity | None
    message: str
    fix: str

    def __new__(cls, code: str, severity: Severity | None, message: str, fix: str) -> Outcome:
        member = object.__new__(cls)
        member._value_ = code
        member.severity, member.message, member.fix = severity, message, fix
        return member

    OK = "ok", None, "", ""
    BROKEN = ("broken", Severity.ERROR, "De externe link {url} geeft {detail}.",
              "Controleer het adres of verwijder de link.")
    UNKNOWN = ("unknown", Severity.WARNING,
               "De externe link {url} kon niet gecontroleerd worden ({detail}); controleer hem met de hand.",
               "Open de link in een browser; werkt hij, dan hoef je niets te doen.")


_STATUS_NAMES = {
    400: "ongeldig verzoek", 401: "aanmelden vereist", 403: "geen toegang", 404: "niet gevonden",
    405: "methode niet toegelaten", 410: "verdwenen", 429: "te veel verzoeken", 500: "serverfout",
    502: "fout bij een tussenliggende server", 503: "tijdelijk niet beschikbaar",
    504: "time-out bij een tussenliggende server", 999: "de site weert automatische controles",
}
# Why no HTTP status came back: kind -> (what urllib gave as reason, outcome, detail for the message).
# The first type that matches wins, so the catch-all OSError comes after its subclasses.
_FAILURES: dict[str, tuple[type, Outcome, str]] = {
    "timeout": (TimeoutError, Outcome.UNKNOWN, "geen antwoord binnen {timeout} s"),
    "dns": (socket.gaierror, Outcome.BROKEN, "geen antwoord: de server bestaat niet"),
    "refused": (ConnectionRefusedError, Outcome.BROKEN, "geen antwoord: de server weigert de verbinding"),
    "ssl": (ssl.SSLError, Outcome.BROKEN, "een fout in de beveiligde verbinding (SSL)"),
    "invalid": (str, Outcome.BROKEN, "een fout: het adres is ongeldig"),  # urllib: "no host given"
    "network": (OSError, Outcome.UNKNOWN, "netwerkfout"),
}
_ELSEWHERE_ONE = " Ook gebruikt op 1 andere pagina."
_ELSEWHERE_MANY = " Ook gebruikt op {count} andere pagina's."


@dataclass(frozen=True)
class _Answer:
    """What the server said: an HTTP status after redirects, or why no status came (`failure`)."""

    status: int = 0
    failure: str = ""
    retry_after: float | None = None

    @property
    def outcome(self) -> Outcome:
        if self.failure:
            return _FAILURES[self.failure][1]
        if 200 <= self.status < 300:
            return Outcome.OK
        return Outcome.UNKNOWN if self.status in _UNKNOWN_STATUSES else Outcome.BROKEN

    def detail(self, timeout: float) -> str:
        if self.failure:
            return _FAILURES[self.failure][2].format(timeout=f"{timeout:g}".replace(".", ","))
        name = _STATUS_NAMES.get(self.status)
        return f"{self.status} ({name})" if name else str(self.status)


def check_external(site: BuiltSite, options: ExternalOptions, now: float | None = None) -> Iterator[Problem]:
    """One problem per failing address, on the first page that uses it; `now` is epoch seconds."""
    now = time.time() if now is None else now
    uses = _collect(site)
    cached = _read_cache(options.cache_file, now - options.cache_days * _DAY)
    results = {url: cached[url] for url in uses if url in cached}
    missing = sorted(set(uses) - set(results))
    with ThreadPoolExecutor(max_workers=options.concurrency) as pool:
        fetched = dict(zip(missing, pool.map(_fetch, missing, itertools.repeat(options)), strict=True))
    results |= {url: (answer, now) for url, answer in fetched.items()}
    _write_cache(options.cache_file, results)
    for url in sorted(uses, key=lambda url: (min(uses[url]), url)):  # page by page, as the other checks
        answer = results[url][0]
        if answer.outcome is not Outcome.OK:
            yield _problem(site, url, uses[url], answer, options)


def _collect(site: BuiltSite) -> dict[str, dict[str, int]]:
    """Each address without its #fragment -> the pages that use it, each with its first element."""
    uses: dict[str, dict[str, int]] = {}
    for report in site.reports.values():
        for number, url in report.web:
            if _parses(url):
                uses.setdefault(urldefrag(url.strip()).url, {}).setdefault(report.path, number)
    return uses


def _parses(url: str) -> bool:
    """Malformed addresses are the links check's to report; nothing to fetch here."""
    try:
        return bool(urlsplit(url.strip()).hostname)
    except ValueError:
        return False


def _problem(site: BuiltSite, url: str, pages: dict[str, int], answer: _Answer,
             options: ExternalOptions) -> Problem:
    first, *others = sorted(pages)
    outcome = answer.outcome
    message = outcome.message.format(url=url, detail=answer.detail(options.timeout))
    if others:
        message += _ELSEWHERE_ONE if len(others) == 1 else _ELSEWHERE_MANY.format(count=len(others))
    return site.problem("external", first, message, outcome.fix, site.element(first, pages[first]),
                        outcome.severity)


def _fetch(url: str, options: ExternalOptions) -> _Answer:
    """HEAD first, GET when the server does not do HEAD; ask again when a refusal may be temporary."""
    method, attempt = "HEAD", 0
    while True:
        answer = _request(url, method, options)
        if method == "HEAD" and answer.status in _HEAD_REFUSED:
            method = "GET"
        elif (answer.status in _RETRIED or answer.failure == "timeout") and attempt < options.retries:
            wait = 2.0 ** attempt if answer.retry_after is None else answer.retry_after
            _sleep(min(wait, options.max_backoff))
            attempt += 1
        else:
            return answer


def _request(url: str, method: str, options: ExternalOptions) -> _Answer:
    headers = {"User-Agent": options.user_agent, "Accept": "*/*"}
    try:
        request = urllib.request.Request(_as_sent(url), method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            return _Answer(response.status)
    except urllib.error.HTTPError as error:
        with error:  # an HTTPError is also the open response: close it
            return _Answer(error.code, retry_after=_seconds(error.headers.get("Retry-After")))
    except urllib.error.URLError as error:
        return _Answer(failure=_failure(error.reason))
    except (http.client.InvalidURL, ValueError):
        return _Answer(failure="invalid")
    except (OSError, http.client.HTTPException) as error:  # raised while reading the answer: not wrapped
        return _Answer(failure=_failure(error))


def _as_sent(url: str) -> str:
    """Browsers percent-encode spaces and non-ASCII in a path; http.client refuses them raw."""
    parts = urlsplit(url)
    return parts._replace(path=quote(parts.path, safe=_SAFE), query=quote(parts.query, safe=_SAFE)).geturl()


def _failure(reason: object) -> str:
    return next((kind for kind, (cause, _, _) in _FAILURES.items() if isinstance(reason, cause)), "network")


def _seconds(value: str | None) -> float | None:
    """Retry-After in seconds; its rare HTTP-date form falls back on our own back-off."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _read_cache(path: Path, fresh_after: float) -> dict[str, tuple[_Answer, float]]:
    """Fresh OK and BROKEN results; a missing or corrupt cache only means asking again."""
    try:
        entries = json.loads(path.read_text("utf-8"))
        cached = {url: (_Answer(int(entry["status"]), entry["failure"]), float(entry["checked"]))
                  for url, entry in entries.items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}
    return {url: (answer, checked) for url, (answer, checked) in cached.items() if checked > fresh_after
            and answer.failure in ("", *_FAILURES) and answer.outcome is not Outcome.UNKNOWN}


def _write_cache(path: Path, results: dict[str, tuple[_Answer, float]]) -> None:
    """Atomically, with sorted keys: an interrupted run never leaves half a file, a rerun no diff."""
    data = {url: {"outcome": answer.outcome.value, "status": answer.status, "failure": answer.failure,
                  "checked": checked}
            for url, (answer, checked) in results.items() if answer.outcome is not Outcome.UNKNOWN}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            json.dump(data, file, indent=2, sort_keys=True, ensure_ascii=False)
            file.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
