"""The first minute of a job seeker on a 360×800 phone, measured on the realistic site
(tests/realistic.py: the eight real postings open, two closed) in Debian's chromium.

    .venv/bin/python bench/phone.py                 (prints the figures as a Markdown table)
    .venv/bin/python bench/phone.py --screenshots   (also writes docs/schermafbeeldingen/*.png)

Positions are page coordinates in CSS px, from the text a reader sees (tests/geometry.py).
A measurement, not a test: tests/test_browser_layout.py holds the limits.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from geometry import fact_tops, key_fact_texts, list_geometry  # noqa: E402
from realistic import BUILD_DAY, build_realistic  # noqa: E402

from helpers import BROWSER_NOW, CHROMIUM, CHROMIUM_FLAGS, read_site, serve  # noqa: E402

PHONE = {"width": 360, "height": 800}
SHOTS = ROOT / "docs/schermafbeeldingen"
FACTS = ("closing date", "place", "hours", "pay", "apply", "apply box")


def measure(screenshots: bool) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        output = build_realistic(Path(work))
        content = read_site(BUILD_DAY, root=output.parent)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport=PHONE, device_scale_factor=1)
        context.clock.install(time=BROWSER_NOW)
        page = context.new_page()
        with serve(output) as base:
            page.goto(base)
            home = list_geometry(page)
            print("| home page at 360×800 | |\n| --- | --- |")
            print(f"| top of the page heading | {home.heading_top:.0f} px |")
            print(f"| first vacancy title | {home.first_title_top:.0f} px |")
            print(f"| results | {home.count} |")
            print(f"| height per result (average) | {home.average_height:.0f} px |")
            print(f"| list height | {home.total_height:.0f} px, {home.screens:.1f} screens |")
            if screenshots:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / "home-360.png"))
            rows = []
            for vacancy in content.vacancies:
                page.goto(base + vacancy.path.lstrip("/"))
                texts = key_fact_texts(vacancy, 38, BUILD_DAY)
                tops = fact_tops(page, texts)
                height = page.evaluate("document.documentElement.scrollHeight")
                rows.append((vacancy.slug, tops, height))
            print("\n| vacancy page at 360×800 | " + " | ".join(FACTS) + " | page height |")
            print("| --- " * (len(FACTS) + 2) + "|")
            for slug, tops, height in rows:
                cells = [f"{tops[f]:.0f}" if tops.get(f) is not None else "–" for f in FACTS]
                print(f"| {slug} | " + " | ".join(cells) + f" | {height} |")
            for fact in FACTS:
                values = [tops[fact] for _, tops, _ in rows if tops.get(fact) is not None]
                if values:
                    print(f"- {fact}: median {statistics.median(values):.0f} px, "
                          f"largest {max(values):.0f} px, in {len(values)} of {len(rows)} pages")
            if screenshots:
                for name, slug in (("vacature-360", "08-middelkerke-ibo-begeleider"),
                                   ("afgesloten-360", "communicatiemedewerker")):
                    page.goto(base + f"vacatures/{slug}/")
                    page.screenshot(path=str(SHOTS / f"{name}.png"))
        browser.close()


if __name__ == "__main__":
    measure("--screenshots" in sys.argv[1:])
