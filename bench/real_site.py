"""Wall time of `python build.py` on the real project, as an editor or CI runs it.

    .venv/bin/python bench/real_site.py                        (this checkout, 5 times)
    .venv/bin/python bench/real_site.py --before /tmp/before   (in turns with an older one)

Each run builds into a fresh folder under .bench/ with the build date fixed, and is timed as
a whole command (interpreter start-up included). An older checkout's .cache/ is removed
before each of its runs, so it builds cold too. A measurement, not a test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
RUNS = 5


def timed(code: Path) -> float:
    output = WORK / f"real-{code.name}"
    shutil.rmtree(output, ignore_errors=True)
    if code != ROOT:  # the older build cache; ours keeps only the external-link results there
        shutil.rmtree(code / ".cache", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(code / "build.py"), "--output", str(output), "--date",
                    "2025-10-20"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(before: Path | None) -> None:
    WORK.mkdir(exist_ok=True)
    ours, theirs = [], []
    for _ in range(RUNS):
        if before:
            theirs.append(timed(before))
        ours.append(timed(ROOT))
    def shown(times: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in times) + f" s (median {sorted(times)[len(times) // 2]:.2f} s)"
    if before:
        print(f"eerder ({before.name}): {shown(theirs)}")
    print(f"nu: {shown(ours)}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(Path(arguments[arguments.index("--before") + 1]) if "--before" in arguments else None)
