"""Build the same generated corpus with Pelican and with build.py, side by side, in one run.

    .venv/bin/python bench/peers.py 1000                         (make bench-peers)
    .venv/bin/python bench/peers.py 1000 --before /tmp/before    (also an older checkout)

Pelican is installed into a temporary virtual environment (never into the project's). It gets
the same vacancies as Markdown with Pelican's metadata header and its built-in "simple" theme,
with tag, category, author and feed pages switched off: about the scope of our site. Pelican
does no checks; our time includes all of them. Each build is timed as a command, three times
in turn with Pelican (and with an older checkout of this project, given with --before, whose
.cache/ is removed first so that it builds cold). All run in a folder under .bench/, on the
disk a real project lives on. Last comes the floor that no code of ours can go below
(bench/floor.py). A measurement, not a test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from floor import measure, timed  # noqa: E402

from corpus import BUILD_DATE, WORK, generate  # noqa: E402
from werkenbij.markdown_html import MarkdownConverter  # noqa: E402
from werkenbij.pipeline.stages import read_content  # noqa: E402
from werkenbij.read.config import load_config  # noqa: E402

PELICAN = "pelican==4.12.0"
MARKDOWN = "markdown==3.11.3"
ROUNDS = 3
PELICAN_CONF = """
AUTHOR = "WSW"
SITENAME = "Werken bij WSW"
PATH = "content"
TIMEZONE = "Europe/Brussels"
DEFAULT_LANG = "nl"
THEME = "simple"
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARTICLE_URL = "vacatures/{slug}/"
ARTICLE_SAVE_AS = "vacatures/{slug}/index.html"
"""


def pelican_corpus(site: Path, target: Path) -> None:
    """The generated vacancies in Pelican's own Markdown format."""
    content = read_content(site, load_config(site), BUILD_DATE, False, MarkdownConverter())
    (target / "content").mkdir(parents=True)
    (target / "pelicanconf.py").write_text(PELICAN_CONF, "utf-8")
    for v in content.vacancies:
        header = (f"Title: {v.title}\nDate: {v.published}\nSlug: {v.slug}\n"
                  f"Summary: {v.summary}\n\n")
        (target / "content" / f"{v.slug}.md").write_text(header + v.body, "utf-8")


def main(count: int, before: Path | None) -> None:
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        temp = Path(temp)
        venv = temp / "pelican-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([venv / "bin/pip", "install", "--quiet", "--disable-pip-version-check",
                        PELICAN, MARKDOWN], check=True)
        site = generate(count, temp / "site")
        pelican_corpus(site, temp / "pelican")

        def ours(code: Path) -> float:
            for folder in (temp / "ours", site / ".cache"):
                shutil.rmtree(folder, ignore_errors=True)
            return timed([sys.executable, str(code / "build.py"), "--root", str(site), "--output",
                          str(temp / "ours"), "--date", BUILD_DATE.isoformat()],
                         stderr=subprocess.DEVNULL)

        for _ in range(ROUNDS):  # taken in turns: the disk's speed drifts within minutes
            shutil.rmtree(temp / "pelican/out", ignore_errors=True)
            pelican = timed([venv / "bin/pelican", "content", "-o", "out", "-s", "pelicanconf.py",
                             "-q"], cwd=temp / "pelican", env={**os.environ, "PYTHONHASHSEED": "0"})
            old = ours(before) if before else None
            older = f" {old:.2f} s ({old / pelican:.2f}) |" if old is not None else ""
            now = ours(ROOT)
            theirs = len(list((temp / "pelican/out").rglob("*.html")))
            built = len(list((temp / "ours").rglob("*.html")))
            print(f"| {count} | {pelican:.2f} s ({theirs} pagina's) |{older} {now:.2f} s ({built} "
                  f"pagina's) | {now / pelican:.2f} |", flush=True)
        floor = measure(site)
    print(f"\nFloor (bench/floor.py): start-up {floor.startup:.2f} s + (Python-Markdown "
          f"{floor.markdown:.2f} s + {floor.folders} folders and {floor.written} files "
          f"{floor.files:.2f} s) / {floor.cores} cores = {floor.seconds:.2f} s, "
          f"{floor.seconds / pelican:.2f} × Pelican's last round. The rest of the build takes "
          f"{floor.rest:.2f} s in one process.")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    before = Path(arguments.pop(arguments.index("--before") + 1)) if "--before" in arguments else None
    counts = [int(a) for a in arguments if a != "--before"] or [1000]
    older = " eerder (koud) | " if before else ""
    print(f"| vacatures | Pelican 4.12 (zonder controles) |{older} build.py (met alle controles) "
          "| verhouding |")
    print("| ---: | ---: |" + (" ---: |" if before else "") + " ---: | ---: |")
    for n in counts:
        main(n, before)
