"""Where the job is, and who hires when it is not the site's own organisation."""

from __future__ import annotations

from dataclasses import dataclass

TELEWORK = ("deels", "volledig")


@dataclass(frozen=True, kw_only=True)
class Place:
    """A workplace, or an employer's address. Every part is optional, but a place has at least
    a name, a municipality or a region ("Vlaanderen en Brussel"). `note` says more about it."""

    name: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    note: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        """'Sociaal Huis', 'Budastraat 35', '8500 Kortrijk': the written parts, in reading order."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return tuple(p for p in (self.name, self.street, town, self.region) if p)


@dataclass(frozen=True, kw_only=True)
class Employer:
    """Who hires, when it is not the site's own organisation (another city, an OCMW, an agency)."""

    name: str
    url: str = ""
    address: Place | None = None


def place_label(place: Place) -> str:
    return ", ".join(place.parts)


def towns(places: tuple[Place, ...]) -> tuple[str, ...]:
    """Where the job is, as a job seeker filters on it: each workplace's municipality, or its
    region when it names none, once each, in the order written. The list's place filter and
    the feeds per place use this one answer."""
    found: dict[str, None] = {}
    for place in places:
        if place.city or place.region:
            found.setdefault(place.city or place.region, None)
    return tuple(found)
