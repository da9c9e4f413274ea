"""How to apply, and the recruitment reserve kept after the selection."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Apply:
    """How to apply, every way the posting names. `url`: an online form; `note` covers what
    has no field (a form without a link, an interview on appointment)."""

    url: str = ""
    email: str = ""
    post: str = ""
    in_person: str = ""
    in_person_hours: str = ""
    documents: tuple[str, ...] = ()
    help: str = ""
    note: str = ""

    @property
    def ways(self) -> bool:
        return bool(self.url or self.email or self.post or self.in_person or self.note)


@dataclass(frozen=True, kw_only=True)
class Reserve:
    """The recruitment reserve: the pass list kept for later openings. `years` it stays valid."""

    years: int | None = None
    note: str = ""
