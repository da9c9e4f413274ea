"""Whom a job seeker can ask, and the labelled links a vacancy (or the site) lists."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A labelled link, e.g. an FAQ entry or a navigation item."""

    label: str
    url: str


@dataclass(frozen=True)
class Contact:
    """Whom a job seeker can ask. `name` and `role` may be empty for a shared mailbox."""

    email: str
    phone: str = ""
    name: str = ""
    role: str = ""

    @property
    def tel_uri(self) -> str:
        """The phone number as a `tel:` URI in international form (Belgian numbers get +32)."""
        return "tel:" + international_phone(self.phone) if self.phone else ""


def international_phone(phone: str) -> str:
    """'056 27 85 03' -> '+3256278503'; numbers already in +/00 form keep their country code."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return "+32" + digits.removeprefix("0")
