"""Run our checks and an established checker (html-proofer) on the same broken fixtures.

    .venv/bin/python bench/compare_checkers.py        (needs `apt-get install ruby-html-proofer`)

Each fixture is the clean two-page site of tests/test_checks.py with one mistake in it. The
table says, per mistake, whether each tool reported the home page. It is a measurement for
people, not a test: html-proofer is not needed to build or test the site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_checks import BROKEN_DOCUMENTS, BROKEN_EXTRAS, make_document_site, make_site  # noqa: E402

from werkenbij.checks import CheckSettings, run_checks  # noqa: E402

# Cases outside our test table, to see where the two tools differ.
EXTRA_CASES = [
    '<a href="/b">pagina B zonder slash</a>',
    '<link rel="stylesheet" href="/ontbreekt.css">',
    '<p>Een &lt;p&gt; die <b>niet sluit</p>',
]


def html_proofer(folder: Path) -> str:
    result = subprocess.run(["htmlproofer", str(folder), "--disable-external", "--check-html"],
                            capture_output=True, text=True)
    output = result.stdout + result.stderr  # it reports failures on standard error
    lines = [line.strip(" *") for line in output.splitlines() if line.startswith("  *")]
    return "; ".join(lines)[:90] or "—"


def ours(folder: Path) -> str:
    found = [p.message for p in run_checks(folder, CheckSettings(shown_as="site"))]
    return "; ".join(found)[:90] or "—"


def main() -> None:
    if shutil.which("htmlproofer") is None:
        sys.exit("htmlproofer ontbreekt: apt-get install ruby-html-proofer")
    print("| fout in de pagina | werkenbij | html-proofer |\n| --- | --- | --- |")
    cases = [(extra, lambda d, e=extra: make_site(d, extra=e)) for extra, _ in BROKEN_EXTRAS]
    cases += [(f"{old} → {new or '(weg)'}", lambda d, o=old, n=new: make_document_site(d, o, n))
              for old, new, _ in BROKEN_DOCUMENTS]
    cases += [(extra, lambda d, e=extra: make_site(d, extra=e)) for extra in EXTRA_CASES]
    cases.append(("(schone site)", lambda d: make_site(d)))
    for label, make in cases:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp)
            make(folder)
            row = [label.replace("|", "\\|"), ours(folder), html_proofer(folder)]
            print("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |")


if __name__ == "__main__":
    main()
