"""The Dutch meaning of every key an editor writes, shown beside the key in a message:
"'grade' (het niveau) ontbreekt". The keys stay English (they are the file's words); the
meaning says in the editor's words which fact is meant.

Keys are written as in the field table of content/LEESMIJ.md: a nested key with its block
before a dot (`location.city`); the items of a list share the meanings of its block. A
vacancy's meanings are its key table's (werkenbij/vacancy/keys.py); the site's settings,
pages and blocks have theirs here.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..vacancy.keys import MEANINGS, SAME_AS
from .yamltext import Key

_CONTACT = {"name": "de naam van de contactpersoon", "role": "de rol van de contactpersoon",
            "email": "het e-mailadres", "phone": "het telefoonnummer"}
_LINK = {"label": "de tekst van de link", "url": "het adres van de link"}


def _block(name: str, meanings: Mapping[str, str]) -> dict[str, str]:
    return {f"{name}.{key}": meaning for key, meaning in meanings.items()}


VACANCY: Mapping[str, str] = MEANINGS  # one per row of the vacancy's key table

CONFIG: dict[str, str] = {
    "title": "de naam van de site", "description": "de beschrijving van de site",
    "intro": "de tekst bovenaan de startpagina", "base_url": "het adres van de site",
    "language": "de taal", "organisation": "de organisatie", "contact": "het algemene contact",
    "faq": "de links naar veelgestelde vragen", "navigation": "de links in het menu",
    "footer_links": "de links onderaan", "full_time_hours": "de uren van een voltijdse job",
    "checks": "de controles", "after_applying": "wat er gebeurt na een sollicitatie",
    "newsletter": "de inschrijving voor e-mails over nieuwe vacatures",
    **_block("newsletter", {"action": "het adres waar het formulier naartoe gaat",
                            "email_field": "de naam van het veld voor het e-mailadres",
                            "service": "de naam van de nieuwsbriefdienst",
                            "hidden": "de extra velden van het formulier",
                            "privacy": "de zin over privacy", "privacy_url": "de link over privacy"}),
    **_block("organisation", {"name": "de naam van de organisatie", "team": "de naam van het team",
                              "team_short": "de korte naam van het team",
                              "url": "de website van de organisatie"}),
    **_block("contact", {**_CONTACT, "name": "de naam van het algemene contact"}),
    **_block("faq", _LINK), **_block("navigation", _LINK), **_block("footer_links", _LINK),
}

PAGE: dict[str, str] = {"title": "de titel van de pagina",
                        "description": "de korte beschrijving van de pagina"}
BLOCK: dict[str, str] = {"title": "de titel van het blok"}

_BY_FOLDER = (("content/vacatures/", VACANCY), ("content/pages/", PAGE), ("content/blocks/", BLOCK))


def vocabulary(path: str) -> Mapping[str, str]:
    """The meanings that hold in a file, by where it lives in the project."""
    if path.endswith("site_config.yaml"):
        return CONFIG
    return next((words for folder, words in _BY_FOLDER if path.startswith(folder)), {})


def meaning(words: Mapping[str, str], key: Key) -> str:
    """The meaning of the key at `key` (list indices skipped), or "" for a key the file does
    not know (an unknown key has no meaning to give)."""
    names = [part for part in key if isinstance(part, str)]
    if not names:
        return ""
    if len(names) > 1:
        names[-2] = SAME_AS.get(names[-2], names[-2])
    return words.get(".".join(names[-2:]) if len(names) > 1 else names[0], "")


def said(key: str | Key, value: object = None, words: Mapping[str, str] = VACANCY) -> str:
    """A key named in a rule's message, with its value when given:
    'closes' (de laatste dag om te solliciteren: 2025-10-01)."""
    path = tuple(key.split(".")) if isinstance(key, str) else key
    inside = ": ".join(str(part) for part in (meaning(words, path), value) if part not in ("", None))
    return f"'{path[-1]}' ({inside})" if inside else f"'{path[-1]}'"
