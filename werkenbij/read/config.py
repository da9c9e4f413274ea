"""Read `site_config.yaml` into a frozen SiteConfig, reporting every mistake at once."""

from __future__ import annotations

import re
from pathlib import Path

from ..inputs import InputRefused, read_input
from ..models import Newsletter, Organisation, SiteConfig
from ..policy import CHECK_NAMES, CheckLevel
from ..problems import ConfigError, Problem, UsageError
from ..report import printable
from ..vacancy.contact import Contact
from .fields import Fields, collect, read_contact, read_link
from .frontmatter import decode_content
from .yamltext import parse_yaml

CONFIG_FILE = "site_config.yaml"
CONFIG_KEYS = {"title", "description", "intro", "base_url", "language", "organisation",
               "contact", "faq", "navigation", "footer_links", "full_time_hours", "checks",
               "after_applying", "newsletter"}
NEWSLETTER_KEYS = {"action", "email_field", "service", "hidden", "privacy", "privacy_url"}
# A form field name as newsletter services use them (EMAIL, email_address, fields[email]).
_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-\[\]]{0,63}")
# Plain http only to try the sign-up against a service on one's own computer.
_LOOPBACK = re.compile(r"http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?/")


def load_config(root: Path, base_url: str | None = None) -> SiteConfig:
    """Read the settings; `base_url` from the command line wins over the file."""
    mistake = None if base_url is None else base_url_mistake(base_url)
    if mistake is not None:
        raise UsageError(f"--base-url '{printable(base_url)}' is geen bruikbaar adres: {mistake}. "
                         + BASE_URL_FIX)
    path = root / CONFIG_FILE
    problems: list[Problem] = []
    if not path.is_file():
        raise ConfigError([Problem(CONFIG_FILE, 0, 0, "Het bestand met de instellingen ontbreekt.",
                                   f"Maak {CONFIG_FILE} aan in de map van het project.")])
    try:
        data = read_input(path, root)
    except InputRefused as refused:
        raise ConfigError([refused.problem]) from None
    text, mistake = decode_content(data)
    if mistake is not None:
        raise ConfigError([Problem(CONFIG_FILE, mistake.line, 0, mistake.message, mistake.fix)])
    doc, mistakes = parse_yaml(text or "")
    problems += [Problem(CONFIG_FILE, m.line, m.column, m.message, m.fix) for m in mistakes]
    if doc is None or not isinstance(doc.data, dict):
        problems.append(Problem(CONFIG_FILE, 1, 1, "De instellingen zijn geen regels 'sleutel: waarde'.",
                                "Vergelijk met de versie in git."))
        raise ConfigError(problems)
    config = _read(Fields(doc, (), CONFIG_FILE, problems), base_url)
    if problems:
        raise ConfigError(problems)
    return config


# Where the site is published. The value ends up in every link, in the _headers file and in
# the sitemap, so it is checked once here rather than failing on every page it lands on. Only
# https: the link check refuses http:// links, and a local preview (build.py serve) needs
# no more than a path, so http://localhost is not needed either.
BASE_URL_FIX = ("Gebruik een pad zoals /werken-bij/ of een volledig adres zoals "
                "https://voorbeeld.be/werken-bij/, met in de mappen alleen a-z, 0-9 en - . _ ~."
                " Voor een voorbeeld op je eigen computer volstaat een pad.")
# RFC 3986: what a path may hold as it is (unreserved, sub-delims without the quote, ':', '@'
# and '/'). Quotes, <, >, spaces and backslashes could leave an HTML attribute or a line of
# the _headers file. %XX is refused too, although RFC 3986 allows it: the folder would have
# two spellings, encoded in the links and decoded by the web server, the checks and `serve`.
_PATH_CHARACTER = re.compile(r"[A-Za-z0-9._~!$&()*+,;=:@/-]")
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?")


def base_url_mistake(url: str) -> str | None:
    """What is wrong with a base URL (from site_config.yaml or --base-url), in Dutch; None when
    it is a path starting with '/' or an address https://host/path/."""
    if "?" in url or "#" in url:
        return "een ? of # hoort niet in het adres van de site"
    if url.startswith("//"):
        return "een pad dat met // begint, wijst naar een andere site"
    if url.startswith("/"):
        return _path_mistake(url)
    if url.lower().startswith("http://"):
        return "http:// is onbeveiligd; schrijf https://"
    if not url.lower().startswith("https://"):
        return "het begint niet met / of https://"
    host, _, path = url[len("https://"):].partition("/")
    if not host:
        return "de servernaam na https:// ontbreekt"
    if not _HOST.fullmatch(host):
        return f"de servernaam '{printable(host)}' is ongeldig"
    return _path_mistake("/" + path)


def _path_mistake(path: str) -> str | None:
    wrong = _PATH_CHARACTER.sub("", path)[:1]
    if wrong == " ":
        return "een spatie mag niet in een adres"
    if wrong == "%":
        return "een %-code mag niet in het adres; kies een map zonder spaties of accenten"
    if wrong:
        shown = wrong if wrong.isprintable() and not wrong.isspace() else f"U+{ord(wrong):04X}"
        return f"het teken {shown} mag niet in een adres"
    dots = next((segment for segment in path.split("/") if segment in (".", "..")), None)
    if dots is not None:
        return f"een map '{dots}' is niet toegelaten"
    return None


def _read(f: Fields, base_url: str | None) -> SiteConfig:
    f.refuse_unknown(CONFIG_KEYS)
    org = f.mapping("organisation", True)
    organisation = Organisation("", "", "", "")
    if org is not None:
        org.refuse_unknown({"name", "team", "team_short", "url"})
        organisation = Organisation(org.text("name", True), org.text("team", True),
                                    org.text("team_short", True), org.url("url", True))
    contact = f.mapping("contact", True)
    from_file = _base_url(f)  # checked even when --base-url wins: a mistake stays a mistake
    return SiteConfig(
        title=f.text("title", True), description=f.text("description", True),
        intro=f.text("intro", True), base_url=base_url or from_file,
        organisation=organisation,
        contact=(read_contact(contact) if contact else None) or Contact(email=""),
        faq=tuple(collect(f.items("faq", True, "link"), read_link)),
        navigation=tuple(collect(f.items("navigation", True, "link"), read_link)),
        footer_links=tuple(collect(f.items("footer_links", noun="link"), read_link)),
        full_time_hours=f.number("full_time_hours") or 38,
        language=f.text("language") or "nl-BE",
        check_severities=_severities(f),
        after_applying=f.text("after_applying"),
        newsletter=_newsletter(f),
    )


def _base_url(f: Fields) -> str:
    value = f.text("base_url") or "/"
    mistake = base_url_mistake(value)
    if mistake is not None:
        f.problem("base_url", f"{f.name('base_url')} is geen bruikbaar adres ({value}): {mistake}.",
                  BASE_URL_FIX)
        return "/"
    return value


def _newsletter(f: Fields) -> Newsletter | None:
    """`newsletter`: the e-mail sign-up; None (off) when the key is absent or empty."""
    n = f.mapping("newsletter")
    if n is None or not n.data:
        return None
    n.refuse_unknown(NEWSLETTER_KEYS)
    action = n.text("action", True)
    if action and not (_action_allowed(action)):
        n.problem("action", f"{n.name('action', action)} is geen adres waar het formulier naartoe kan.",
                  "Schrijf het volledige adres dat je nieuwsbriefdienst geeft, met https://. Alleen "
                  "om te proberen op je eigen computer mag http://127.0.0.1/ of http://localhost/.")
    email_field = n.text("email_field", True)
    names = [email_field] if email_field else []
    hidden = n.mapping("hidden")
    pairs = tuple((name, hidden.text(name)) for name in sorted(hidden.data)) if hidden else ()
    for name in names + [name for name, _ in pairs]:
        if not _FIELD_NAME.fullmatch(name):
            n.problem("email_field" if name == email_field else "hidden",
                      f"'{printable(name)}' is geen naam van een formulierveld.",
                      "Neem de naam over zoals je nieuwsbriefdienst ze geeft: letters, cijfers, _ - . [ ].")
    privacy_url = n.url("privacy_url")
    return Newsletter(action=action, email_field=email_field, service=n.text("service", True),
                      hidden=pairs, privacy=n.text("privacy"), privacy_url=privacy_url)


def _action_allowed(action: str) -> bool:
    if any(c.isspace() or c in "\"'<>\\" for c in action) or "#" in action:
        return False
    if _LOOPBACK.match(action):
        return True
    return action.startswith("https://") and base_url_mistake(action.split("?")[0].rsplit("/", 1)[0] + "/") \
        is None


def _severities(f: Fields) -> tuple[tuple[str, CheckLevel], ...]:
    """`checks: {links: warning, reachable: off}`: how each check's failures count."""
    checks = f.mapping("checks")
    if checks is None:
        return ()
    checks.refuse_unknown(set(CHECK_NAMES))
    chosen = []
    for name in sorted(set(checks.data) & set(CHECK_NAMES)):
        value = checks.text(name)
        if value not in tuple(CheckLevel):
            checks.problem(name, f"'checks': '{name}' moet error, warning of off zijn ({value}).",
                           "error laat de build mislukken, warning toont alleen, off zet de "
                           "controle uit.")
            continue
        chosen.append((name, CheckLevel(value)))
    return tuple(chosen)
