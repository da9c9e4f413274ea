"""Typed reading of YAML values with an editor-friendly message for every mistake.

A `Fields` wraps one YAML mapping (the whole front matter, or a nested block such as
`location`) and turns raw text into the type a model field needs. It never raises: each
mistake becomes a `Problem` with file, line and column, and the caller gets None back.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..models import parse_day
from ..policy import EMAIL, invisible_characters, is_allowed_url, refused_url_fix
from ..problems import Problem
from ..vacancy.contact import Contact, Link
from .meanings import said, vocabulary
from .yamltext import Key, YamlDocument, curly_quoted

_PHONE = re.compile(r"\+?[0-9][0-9 ./-]{7,18}[0-9]")
_TRUE = {"true", "ja"}
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the dates a vacancy can have
_FALSE = {"false", "nee"}


class Fields:
    """Reads the keys of one mapping inside a YAML document."""

    def __init__(self, doc: YamlDocument, key: Key, path: str, problems: list[Problem],
                 label: str = ""):
        value = _lookup(doc.data, key)
        self.data: dict[str, Any] = value if isinstance(value, dict) else {}
        self.doc, self.key, self.path = doc, key, path
        self.problems, self.label = problems, label

    # -- reporting ---------------------------------------------------------------------------

    def name(self, key: str, value: object = None) -> str:
        """The key as a message names it, with its Dutch meaning (and value, when given):
        'grade' (het niveau), 'salary': 'max' (het hoogste loon: 2000)."""
        return self.label + said(self.key + (key,), value, vocabulary(self.path))

    def problem(self, key: str | None, message: str, fix: str, at_key: bool = False,
                about: str | None = None) -> None:
        """A problem shown at `key` (at this mapping when None) and about `about` (by default
        `key`): a missing key is shown where its mapping is, but is about itself."""
        path = self.key + ((key,) if key is not None else ())
        line, column = self.doc.where_key(path) if at_key else self.doc.where(path)
        about = key if about is None else about
        self.problems.append(Problem(self.path, line, column, message, fix,
                                     key=self.key + ((about,) if about is not None else ())))

    def refuse_unknown(self, allowed: set[str]) -> None:
        """Unknown keys are refused with the nearest known key as suggestion."""
        for key in sorted(set(self.data) - allowed):
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f"Bedoel je {said(self.key + (close[0],), words=vocabulary(self.path))}?" if close else \
                "Gebruik alleen deze sleutels: " + ", ".join(sorted(allowed)) + "."
            self.problem(key, f"{self.label}'{key}' is een onbekende sleutel.", hint, at_key=True)

    # -- typed values ----------------------------------------------------------------------

    def text(self, key: str, required: bool = False, kind: str = "tekst") -> str:
        value = self._raw(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(key, f"{self.name(key)} moet {kind} zijn, geen lijst of blok.",
                         "Schrijf de waarde op dezelfde regel na de dubbele punt.")
            return ""
        if curly_quoted(value):  # named once by the YAML reader; judged again, it would mislead
            return ""
        hidden = next(invisible_characters(value), None)
        if hidden:
            # Bidirectional overrides and other invisible controls can make text read
            # differently from how it looks (the "Trojan Source" trick).
            self.problem(key, f"{self.name(key)} bevat een onzichtbaar stuurteken "
                         f"(U+{ord(hidden[1]):04X}).", "Typ de tekst opnieuw in plaats van ze te plakken.")
            return ""
        return value.strip()

    def number(self, key: str, required: bool = False, limit: int = 60, example: str = "2") -> int | None:
        value = self.text(key, required, kind="een geheel getal")
        if not value:
            return None
        if not re.fullmatch(r"[0-9]{1,3}", value) or not 1 <= int(value) <= limit:
            self.problem(key, f"{self.name(key)} moet een geheel getal van 1 tot {limit} zijn "
                         f"({value}).", f"Schrijf alleen het getal, bijvoorbeeld {example}.")
            return None
        return int(value)

    def date(self, key: str, required: bool = False) -> date | None:
        value = self.text(key, required, kind="een datum")
        if not value:
            return None
        day = parse_day(value)
        if day is None:
            self.problem(key, f"{self.name(key)} is geen geldige datum ({value}).",
                         "Gebruik JJJJ-MM-DD, bijvoorbeeld 2025-11-05.")
        elif not FIRST_YEAR <= day.year <= LAST_YEAR:
            # A year typed wrong; 9999-12-31 would also overflow the calendar file's end date.
            self.problem(key, f"{self.name(key)} ligt in het jaar {day.year}: is het jaartal juist?",
                         f"Gebruik een datum tussen {FIRST_YEAR} en {LAST_YEAR}.")
            return None
        return day

    def flag(self, key: str) -> bool:
        value = self.text(key, kind="true of false").lower()
        if value in _TRUE:
            return True
        if value and value not in _FALSE:
            self.problem(key, f"{self.name(key)} moet true of false zijn ({value}).",
                         "Schrijf true (ja) of false (nee).")
        return False

    def url(self, key: str, required: bool = False) -> str:
        value = self.text(key, required)
        if value and not is_allowed_url(value):
            fix = refused_url_fix(value) or "Gebruik een adres dat begint met https://, mailto: of " \
                "tel:, of een pad op deze site zoals /over-wsw/."
            self.problem(key, f"{self.name(key)} is geen toegelaten link ({value}).", fix)
            return ""
        return value

    def email(self, key: str, required: bool = False) -> str:
        value = self.text(key, required)
        if value and not EMAIL.fullmatch(value):
            self.problem(key, f"{self.name(key)} is geen geldig e-mailadres ({value}).",
                         "Schrijf het adres zoals naam@kortrijk.be, zonder 'mailto:'.")
            return ""
        return value

    def phone(self, key: str, required: bool = False) -> str:
        value = self.text(key, required)
        if value and not (_PHONE.fullmatch(value) and 9 <= len(re.sub(r"\D", "", value)) <= 13):
            self.problem(key, f"{self.name(key)} is geen geldig telefoonnummer ({value}).",
                         "Schrijf het nummer met zonenummer, bijvoorbeeld \"056 27 85 03\".")
            return ""
        return value

    # -- nesting ---------------------------------------------------------------------------

    def mapping(self, key: str, required: bool = False, label: str = "") -> Fields | None:
        value = self._raw(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, f"{self.name(key)} moet een blok met sleutels zijn.",
                         "Zet de sleutels ingesprongen op de regels eronder.")
            return None
        if all(item is None or item == "" for item in value.values()):
            self._empty(key)
            return None
        return self._child(self.key + (key,), label or f"{self.label}'{key}': ")

    def items(self, key: str, required: bool = False, noun: str = "item") -> list[Fields]:
        """Each item of a list of mappings (e.g. the steps of `procedure`)."""
        value = self._raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(key, f"{self.name(key)} moet een lijst zijn: begin elke {noun} met '- '.",
                         "Begin elk item op een nieuwe regel met '- ' en spring de sleutels in.")
            return []
        return [self._child(self.key + (key, i), f"{self.label}'{key}', {noun} {i + 1}: ")
                for i in range(len(value))]

    def strings(self, key: str, noun: str = "naam") -> list[str]:
        value = self._raw(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(key, f"{self.name(key)} moet een lijst zijn, met op elke regel een {noun}.",
                         f"Zet elke {noun} op een eigen regel, beginnend met '- '.")
            return []
        for index, item in enumerate(value):
            if not item.strip():
                line, column = self.doc.where(self.key + (key, index))
                self.problems.append(Problem(self.path, line, column, f"{self.name(key)}: item "
                                             f"{index + 1} is leeg.", "Vul het in of wis de regel.",
                                             key=self.key + (key, index)))
        return [item.strip() for item in value if item.strip()]

    def _empty(self, key: str) -> None:
        self.problem(key, f"{self.name(key)} is leeg.", "Vul het in, of wis de regel als de "
                     "vacature er niets over zegt.")

    def _child(self, key: Key, label: str) -> Fields:
        return Fields(self.doc, key, self.path, self.problems, label)

    def _raw(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value == [] or value == {}:  # written, but nothing in it: never read as absent
            self._empty(key)
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(None, f"{self.name(key)} ontbreekt.",
                             f"Voeg een regel '{key}: ...' toe; dit veld is verplicht.", about=key)
            return None
        return value


CONTACT_KEYS = {"name", "role", "email", "phone"}
LINK_KEYS = {"label", "url"}


def read_link(link: Fields) -> Link | None:
    link.refuse_unknown(LINK_KEYS)
    label, url = link.text("label", True), link.url("url", True)
    return Link(label, url) if label and url else None


def read_contact(c: Fields, require_email: bool = True) -> Contact | None:
    c.refuse_unknown(CONTACT_KEYS)
    contact = Contact(email=c.email("email", require_email), phone=c.phone("phone"),
                      name=c.text("name"), role=c.text("role"))
    return contact if contact.email else None


def _lookup(data: Any, key: Key) -> Any:
    for part in key:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def collect(readers: list[Fields], read: Callable[[Fields], Any]) -> list[Any]:
    """Read every item, dropping the ones that came back None."""
    return [value for value in map(read, readers) if value is not None]
