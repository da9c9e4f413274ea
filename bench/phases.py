"""Time each phase of a build (load, render, write, check) on N generated vacancies.

    .venv/bin/python bench/phases.py 100 1000

Generates the corpus with bench/generate.py into a temporary folder, builds it the way
`build.py` does, and prints one Markdown table row per N. A measurement, not a test.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate  # noqa: E402

from werkenbij.checks import CheckSettings, run_checks  # noqa: E402
from werkenbij.config import load_config  # noqa: E402
from werkenbij.content import load_content  # noqa: E402
from werkenbij.render import render_site  # noqa: E402
from werkenbij.write import write_staging  # noqa: E402


def measure(count: int, folder: Path) -> dict[str, float]:
    site = generate(count, folder / "site")
    times, started = {}, time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        times[name] = now - started
        started = now

    config = load_config(site)
    content = load_content(site, config)
    lap("load")
    files = render_site(ROOT / "templates", config, content, date(2025, 10, 1))
    lap("render")
    write_staging(files, folder / "out")
    lap("write")
    problems = run_checks(folder / "out", CheckSettings(config.base_path))
    lap("check")
    assert not [p for p in problems if p.severity == "error"], problems[:3]
    return times


def one(count: int) -> None:
    """One row, measured in a fresh process so the peak memory is this size's own."""
    with tempfile.TemporaryDirectory() as temp:
        t = measure(count, Path(temp))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    cells = [f"{t[k]:.2f} s" for k in ("load", "render", "write", "check")]
    print(f"| {count} | " + " | ".join(cells) + f" | {sum(t.values()):.2f} s | "
          f"{sum(t.values()) / count * 1000:.1f} ms | {peak:.0f} MB |", flush=True)


def main(counts: list[int]) -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores\n")
    print("| vacatures | laden | renderen | schrijven | controleren | totaal | per vacature | piekgeheugen |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for count in counts:
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(int(sys.argv[2]))
    else:
        main([int(n) for n in sys.argv[1:]] or [100, 1000])
