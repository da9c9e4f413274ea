"""A seeded generator of realistic vacancies in our content format, for tests and benchmarks.

    .venv/bin/python tests/corpus.py 1000 /tmp/bench-site

writes a complete project folder (site_config.yaml, content/ with N vacancies, the real pages
and blocks) that `build.py --root` can build. The same N and seed give the same files.
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"  # where the benchmarks build: on the disk a real project lives on
BUILD_DATE = date(2025, 11, 15)  # after every generated `published`: every vacancy is shown

WORDS = ("je werkt samen met collega's in de wijk en ondersteunt bewoners bij vragen over "
         "wonen werk inkomen zorg en welzijn we bouwen aan een warme stad waar iedereen meetelt "
         "jouw taken zijn afwisselend je luistert je zoekt oplossingen en je volgt dossiers op "
         "het team is klein en hecht we leren van elkaar en delen kennis over leefloon "
         "schuldhulpverlening ontmoeting en outreachend werken").split()
TITLES = ["Maatschappelijk werker", "Wijkwerker", "Administratief medewerker", "Teamcoach",
          "Beleidsmedewerker", "Onthaalmedewerker", "Schuldhulpverlener", "Buurtwerker"]
SECTIONS = ["Wat ga je doen?", "Wie ben jij?", "In welk team kom je terecht?", "Wat bieden we?",
            "Aan welke voorwaarden moet je voldoen?", "Hoe ziet een dag eruit?",
            "Met wie werk je samen?", "Wat leer je bij ons?"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def section(rng: random.Random, title: str) -> str:
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(2)]
    items = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 6)))
    link = "Lees [de veelgestelde vragen over werken bij Kortrijk]" \
           "(https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk)."
    return f"## {title}\n\n{paragraphs[0]}\n\n{items}\n\n{paragraphs[1]} {link}\n"


def vacancy(rng: random.Random, number: int) -> str:
    published = date(2025, 9, 1) + timedelta(days=rng.randint(0, 60))
    closes = published + timedelta(days=rng.randint(14, 40))
    first = closes + timedelta(days=rng.randint(5, 15))
    body = "\n".join(section(rng, title) for title in rng.sample(SECTIONS, rng.randint(6, 8)))
    return f"""---
title: "{rng.choice(TITLES)} {number}"
team: Wijkgericht Sociaal Werk
unit: Wijkteam {rng.randint(1, 7)}
grade: B1-B3
summary: "{sentence(rng)}"
hours_per_week: {rng.choice([19, 30, 38])}
contract: onbepaalde duur
location:
  name: Sociaal Huis
  street: Budastraat 35
  postal_code: "8500"
  city: Kortrijk
published: {published}
closes: {closes}
salary:
  scale: B1-B3
  url: https://www.kortrijk.be/media/86804/download
apply_url: https://www.kortrijk.be/vacatures
procedure:
  - title: Screening cv
    text: "{sentence(rng)}"
  - title: "Deel 1: interview"
    date: {first}
    tentative: true
    eliminating: true
    mode: digitaal via Microsoft Teams
    duration: een kwartier
    text: "{sentence(rng)}"
  - title: "Deel 2: proef"
    date: {first + timedelta(days=7)}
    eliminating: true
    pass_mark: 60/100
    text: "{sentence(rng)}"
competencies:
  - name: Samenwerken
    description: "{sentence(rng)}"
  - name: Communiceren
    description: "{sentence(rng)}"
contact:
  name: Selectieteam
  role: selectieverantwoordelijke
  email: vacatures@kortrijk.be
  phone: "056 27 85 03"
blocks:
  - voordelen
  - kortrijk-als-werkgever
---

{body}"""


def generate(count: int, target: Path, seed: int = 2025) -> Path:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "content/vacatures").mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yaml", target)
    for folder in ("pages", "blocks"):
        shutil.copytree(ROOT / "content" / folder, target / "content" / folder)
    for number in range(1, count + 1):
        (target / f"content/vacatures/vacature-{number:05d}.md").write_text(
            vacancy(rng, number), "utf-8")
    return target


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
