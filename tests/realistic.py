"""A realistic site, as a job seeker meets it: the project's own settings and pages, the eight
real postings of tests/fixtures/real moved in time so that all eight are open on the build
day, and two closed vacancies (the project's own, a year earlier, and an earlier round of the
Justitieassistent). Used by the browser tests of the list and vacancy layout and by
bench/phone.py."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from helpers import FIXTURES, ROOT, build_site

# The browser tests' clock (helpers.BROWSER_NOW) is on this day, so no page closes itself.
BUILD_DAY = date(2025, 10, 1)

# Days before the build day on which each posting is published. Every posting keeps its own
# rhythm (all its dates move together), so its last day follows from this: some close within
# the week ("nog 2 dagen"), others weeks later.
PUBLISHED_DAYS_AGO = {
    "01-meerhout-maatschappelijk-werker": 3,    # first step in 7 days
    "03-justitie-justitieassistent": 20,        # closes in 8 days
    "05-kaprijke-maatschappelijk-werker": 2,    # closes in 19 days
    "07-hulshout-afdelingscoordinator": 10,     # closes in 12 days
    "08-middelkerke-ibo-begeleider": 20,        # closes tomorrow
    "10-meerhout-jobstudent-bko": 6,            # the work starts in 41 days
    "12-30cc-projectcoordinator": 15,           # closes in 2 days
    "15-sint-niklaas-vlinder-kindbegeleider": 4,  # closes in 24 days
}
OPEN_COUNT = len(PUBLISHED_DAYS_AGO)

_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def moved(text: str, days: int) -> str:
    """A vacancy file with every date of its front matter `days` later (earlier when negative);
    the body text is left as written."""
    _, front, body = text.split("---\n", 2)
    front = _ISO_DAY.sub(lambda m: (date(*map(int, m.groups())) + timedelta(days=days)).isoformat(),
                         front)
    return f"---\n{front}---\n{body}"


def _published(text: str) -> date:
    found = re.search(r"^published: (\d{4}-\d{2}-\d{2})", text, re.M)
    assert found, "a real posting without a published date"
    return date.fromisoformat(found.group(1))


def realistic_root(folder: Path, today: date = BUILD_DAY) -> Path:
    """A project folder with the realistic content; returns it."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yaml", folder)
    content = folder / "content"
    for part in ("pages", "blocks"):
        shutil.copytree(ROOT / "content" / part, content / part)
    vacancies = content / "vacatures"
    vacancies.mkdir()
    for name, days_ago in PUBLISHED_DAYS_AGO.items():
        text = (FIXTURES / "real/content/vacatures" / f"{name}.md").read_text("utf-8")
        shift = (today - timedelta(days=days_ago) - _published(text)).days
        (vacancies / f"{name}.md").write_text(moved(text, shift), "utf-8")
    # Closed: the project's own vacancy a year earlier, and the Justitieassistent as posted.
    own = (ROOT / "content/vacatures/communicatiemedewerker.md").read_text("utf-8")
    (vacancies / "communicatiemedewerker.md").write_text(moved(own, -365), "utf-8")
    shutil.copy(FIXTURES / "real/content/vacatures/03-justitie-justitieassistent.md",
                vacancies / "justitieassistent-2022.md")
    return folder


def build_realistic(folder: Path, today: date = BUILD_DAY) -> Path:
    """Build the realistic site on `today` into folder/output; returns the output folder."""
    root = realistic_root(folder / "site", today)
    return build_site(root / "output", today, root=root)
