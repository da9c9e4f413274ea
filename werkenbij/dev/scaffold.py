"""`build.py new "Titel"`: start a vacancy from the commented template, as a draft."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from slugify import slugify

from ..models import SiteConfig
from ..policy import RESERVED_VACANCY_SLUGS
from ..problems import UsageError
from ..vacancy.keys import Top

SKELETON = "nieuwe-vacature.md"
_SLOT = re.compile(r"\{(title|team|published)\}")


def new_vacancy(root: Path, templates: Path, config: SiteConfig, title: str, today: date) -> Path:
    """Write content/vacatures/<slug>.md and return its path; never overwrites a file.

    `published` is `today` (the build date): an open vacancy needs its posting day, and the
    editor only has to change it when the vacancy goes online on a later day."""
    target = vacancy_target(root, title)
    values = {"title": _quoted(title), "team": _quoted(config.organisation.team),
              Top.PUBLISHED: today.isoformat()}
    # One pass, so that a title which itself contains "{team}" stays as typed.
    text = _SLOT.sub(lambda slot: values[slot[1]], (templates / SKELETON).read_text("utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as file:  # "x": never overwrite
        file.write(text)
    return target


def vacancy_target(root: Path, title: str) -> Path:
    """content/vacatures/<slug>.md for a new vacancy with this title (also the issue form's);
    UsageError when the title gives no address, a reserved one, or the file exists."""
    slug = slugify(title, max_length=80, word_boundary=True)  # file names have a length limit
    if not title.strip() or not slug:
        raise UsageError("Geef een titel, bijvoorbeeld: build.py new \"Maatschappelijk werker\".")
    if slug in RESERVED_VACANCY_SLUGS:
        raise UsageError(f"Het webadres '{slug}' is al in gebruik door de site zelf. Kies een "
                         "andere titel.")
    target = root / "content" / "vacatures" / f"{slug}.md"
    if target.exists():
        raise UsageError(f"{target.relative_to(root)} bestaat al. Kies een andere titel of pas dat "
                         "bestand aan.")
    return target


def _quoted(text: str) -> str:
    """Text for inside double quotes in YAML."""
    return text.strip().replace("\\", "\\\\").replace('"', '\\"')
