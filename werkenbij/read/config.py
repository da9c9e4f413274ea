"""Read `site_config.yaml` into a frozen SiteConfig, reporting every mistake at once."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..inputs import InputRefused, read_input
from ..models import Contact, Organisation, SiteConfig
from ..policy import CHECK_NAMES, CheckLevel, url_scheme
from ..problems import ConfigError, Problem, UsageError
from .fields import Fields, collect, read_contact, read_link
from .frontmatter import decode_content
from .yamltext import parse_yaml

CONFIG_FILE = "site_config.yaml"
CONFIG_KEYS = {"title", "description", "intro", "base_url", "language", "organisation",
               "contact", "faq", "navigation", "footer_links", "full_time_hours", "checks"}


def load_config(root: Path, base_url: str | None = None) -> SiteConfig:
    """Read the settings; `base_url` from the command line wins over the file."""
    if base_url is not None and not _usable_base_url(base_url):
        raise UsageError(f"--base-url '{base_url}' is geen bruikbaar adres. Gebruik een pad zoals "
                         "/werken-bij/ of een volledig adres zoals https://voorbeeld.be/werken-bij/.")
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


def _usable_base_url(url: str) -> bool:
    if any(c.isspace() for c in url) or "?" in url or "#" in url:
        return False
    if url.startswith("/"):
        return True
    try:
        return url_scheme(url) in ("http", "https") and bool(urlsplit(url).netloc)
    except ValueError:
        return False


def _read(f: Fields, base_url: str | None) -> SiteConfig:
    f.refuse_unknown(CONFIG_KEYS)
    org = f.mapping("organisation", True)
    organisation = Organisation("", "", "", "")
    if org is not None:
        org.refuse_unknown({"name", "team", "team_short", "url"})
        organisation = Organisation(org.text("name", True), org.text("team", True),
                                    org.text("team_short", True), org.url("url", True))
    contact = f.mapping("contact", True)
    return SiteConfig(
        title=f.text("title", True), description=f.text("description", True),
        intro=f.text("intro", True), base_url=base_url or _base_url(f),
        organisation=organisation,
        contact=(read_contact(contact) if contact else None) or Contact(email=""),
        faq=tuple(collect(f.items("faq", True, "link"), read_link)),
        navigation=tuple(collect(f.items("navigation", True, "link"), read_link)),
        footer_links=tuple(collect(f.items("footer_links", noun="link"), read_link)),
        full_time_hours=f.number("full_time_hours") or 38,
        language=f.text("language") or "nl-BE",
        check_severities=_severities(f),
    )


def _base_url(f: Fields) -> str:
    value = f.text("base_url") or "/"
    if not _usable_base_url(value):
        f.problem("base_url", f"'base_url' is geen bruikbaar adres ({value}).",
                  "Gebruik een pad zoals /werken-bij/ of een volledig adres met https://.")
        return "/"
    return value


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
