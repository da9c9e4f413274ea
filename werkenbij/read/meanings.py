"""The Dutch meaning of every key an editor writes, shown beside the key in a message:
"'grade' (het niveau) ontbreekt". The keys stay English (they are the file's words); the
meaning says in the editor's words which fact is meant.

Keys are written as in the field table of content/LEESMIJ.md: a nested key with its block
before a dot (`location.city`); the items of a list share the meanings of its block.
"""

from __future__ import annotations

from collections.abc import Mapping

from .yamltext import Key

_PLACE = {"name": "de naam van het gebouw", "street": "de straat en het huisnummer",
          "postal_code": "de postcode", "city": "de gemeente", "region": "de streek",
          "note": "de uitleg bij de werkplek"}
_CONTACT = {"name": "de naam van de contactpersoon", "role": "de rol van de contactpersoon",
            "email": "het e-mailadres", "phone": "het telefoonnummer"}
_LINK = {"label": "de tekst van de link", "url": "het adres van de link"}


def _block(name: str, meanings: Mapping[str, str]) -> dict[str, str]:
    return {f"{name}.{key}": meaning for key, meaning in meanings.items()}


VACANCY: dict[str, str] = {
    "title": "de functietitel", "team": "het team", "unit": "de dienst",
    "summary": "de korte samenvatting", "grade": "het niveau",
    "hours_per_week": "de uren per week", "hours_note": "de uitleg bij de uren",
    "contract": "het contract", "location": "de werkplek", "locations": "de werkplekken",
    "telework": "het thuiswerk", "employer": "de werkgever", "positions": "het aantal plaatsen",
    "reference": "het vacaturenummer", "start_date": "de eerste werkdag",
    "end_date": "de laatste werkdag", "requirements": "de voorwaarden",
    "apply": "hoe je solliciteert", "apply_url": "de link om te solliciteren",
    "reserve": "de wervingsreserve", "published": "de dag waarop de vacature online komt",
    "closes": "de laatste dag om te solliciteren", "salary": "het loon",
    "procedure": "de stappen van de selectie", "pass_mark": "het resultaat om te slagen",
    "competencies": "de competenties", "contact": "de contactpersoon",
    "faq": "de links naar veelgestelde vragen", "blocks": "de blokken onder de tekst",
    "draft": "kladversie", "aliases": "de oude namen",
    **_block("location", _PLACE),
    **_block("employer", {"name": "de naam van de werkgever", "url": "de website van de werkgever",
                          "street": _PLACE["street"], "postal_code": _PLACE["postal_code"],
                          "city": _PLACE["city"]}),
    **_block("contract", {"status": "het soort contract", "duration": "de duur van het contract",
                          "months": "het aantal maanden", "note": "de uitleg bij het contract"}),
    **_block("salary", {"scale": "de loonschaal", "url": "de link naar de loonschalen",
                        "min": "het laagste loon", "max": "het hoogste loon",
                        "for_hours": "loon voor de uren van deze job",
                        "note": "de uitleg bij het loon"}),
    **_block("requirements", {"diploma": "het diploma", "diploma_level": "het niveau van het diploma",
                              "experience_months": "de maanden ervaring",
                              "experience": "de ervaring", "driving_licence": "het rijbewijs",
                              "driving_licence_required": "rijbewijs verplicht",
                              "final_year_students": "laatstejaarsstudenten welkom",
                              "other": "de andere voorwaarden"}),
    **_block("apply", {"url": "de link om online te solliciteren",
                       "email": "het e-mailadres voor je kandidatuur",
                       "post": "het adres voor je kandidatuur met de post",
                       "in_person": "waar je je kandidatuur afgeeft",
                       "in_person_hours": "wanneer je je kandidatuur afgeeft",
                       "documents": "wat je meestuurt", "help": "wie helpt bij het solliciteren",
                       "note": "de uitleg bij het solliciteren"}),
    **_block("reserve", {"years": "hoe lang de reserve geldt", "note": "de uitleg bij de reserve"}),
    **_block("procedure", {"title": "de naam van de stap", "date": "de datum van de stap",
                           "time": "het uur van de stap", "place": "waar de stap doorgaat",
                           "date_note": "de uitleg bij de datum", "tentative": "onder voorbehoud",
                           "eliminating": "eliminerend", "mode": "hoe de stap verloopt",
                           "duration": "hoe lang de stap duurt",
                           "pass_mark": "het resultaat om te slagen voor de stap",
                           "text": "de uitleg bij de stap"}),
    **_block("competencies", {"name": "de naam van de competentie",
                              "description": "wat de competentie inhoudt"}),
    **_block("contact", _CONTACT),
    **_block("faq", _LINK),
}

CONFIG: dict[str, str] = {
    "title": "de naam van de site", "description": "de beschrijving van de site",
    "intro": "de tekst bovenaan de startpagina", "base_url": "het adres van de site",
    "language": "de taal", "organisation": "de organisatie", "contact": "het algemene contact",
    "faq": "de links naar veelgestelde vragen", "navigation": "de links in het menu",
    "footer_links": "de links onderaan", "full_time_hours": "de uren van een voltijdse job",
    "checks": "de controles",
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
_SAME_AS = {"locations": "location"}  # each item of `locations` is a `location`


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
        names[-2] = _SAME_AS.get(names[-2], names[-2])
    return words.get(".".join(names[-2:]) if len(names) > 1 else names[0], "")


def said(key: str | Key, value: object = None, words: Mapping[str, str] = VACANCY) -> str:
    """A key named in a rule's message, with its value when given:
    'closes' (de laatste dag om te solliciteren: 2025-10-01)."""
    path = tuple(key.split(".")) if isinstance(key, str) else key
    inside = ": ".join(str(part) for part in (meaning(words, path), value) if part not in ("", None))
    return f"'{path[-1]}' ({inside})" if inside else f"'{path[-1]}'"
