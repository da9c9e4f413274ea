"""Time builds of N generated vacancies: cold, warm, after editing one; per phase; peak memory.

    .venv/bin/python bench/phases.py 100 1000 5000          (make bench)

For each N, in a fresh process: generate the corpus (bench/generate.py) in a folder under
.bench/ (beside the project, on the disk a real project lives on), then build it the way
`build.py` does (all checks, worker processes, the build cache in the site's .cache/):

- cold: the first build, no cache yet;
- warm: the same build again, nothing changed;
- warm again: a third time, now starting from the spare tree (the output the second build
  replaced, kept in .cache/): how every later build starts, in `serve` too;
- edit one: one vacancy file changed, then built (what `build.py serve` does on a save).

The phases are seconds of work summed over all processes (load = read, validate and convert
the Markdown; render; write; check), so with two workers they add up to more than the wall
time. Peak memory is the resident size (RSS) of the main process and of the largest worker,
and the largest sum of all of them together as PSS, sampled during all three builds.
Prints one Markdown table row per N. A measurement, not a test.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import BUILD_DATE, WORK, generate  # noqa: E402

from werkenbij.build.pipeline import BuildOptions, BuildResult, build  # noqa: E402


class MemorySampler(threading.Thread):
    """The largest total memory of this process and its workers, sampled every 20 ms as PSS
    (proportional set size: a page that forked workers share with the main process is
    counted once, split between them, instead of once per process as RSS counts it)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.02):
            self.peak = max(self.peak, sum(map(_pss, _tree(os.getpid()))))

    def stop(self) -> float:
        self.stopped.set()
        self.join()
        return self.peak / 1024  # MiB


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            pids += _tree(int(child))
    return pids


def _pss(pid: int) -> int:
    """PSS in KiB, 0 for a process that has just ended."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def timed(site: Path) -> tuple[float, BuildResult]:
    started = time.perf_counter()
    result = build(BuildOptions(root=site, output=site / "output", today=BUILD_DATE,
                                templates=ROOT / "templates"))
    return time.perf_counter() - started, result


def one(count: int) -> None:
    """One row, measured in a fresh process so the peak memory is this size's own."""
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        site = generate(count, Path(temp) / "site")
        sampler = MemorySampler()
        sampler.start()
        cold, result = timed(site)
        warm, again = timed(site)
        steady, _ = timed(site)
        edited = site / "content/vacatures/vacature-00001.md"
        edited.write_text(edited.read_text("utf-8") + "\nEen zin die er nieuw bij kwam.\n", "utf-8")
        edit, changed = timed(site)
    assert again.stats.units_reused == count and changed.stats.units_built == 1
    total_peak = sampler.stop()
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    phases = [f"{result.stats.seconds[k]:.2f} s" for k in ("load", "render", "write", "check")]
    print(f"| {count} | {result.pages} | {cold:.2f} s | {warm:.2f} s | {steady:.2f} s | {edit:.2f} s | "
          + " | ".join(phases) + f" | {cold / count * 1000:.2f} ms | {main_peak:.0f} MB | "
          f"{worker_peak:.0f} MB | {total_peak:.0f} MB |", flush=True)


def disk_probe() -> float:
    """Seconds to write 1,000 folders with a 30 KB file each: this machine's disk speed varies
    by more than ten times from hour to hour, and the write phase with it."""
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        started = time.perf_counter()
        for number in range(1000):
            folder = Path(temp) / str(number)
            folder.mkdir()
            (folder / "index.html").write_bytes(b"x" * 30_000)
        return time.perf_counter() - started


def main(counts: list[int]) -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"disk: 1,000 folders with a 30 KB file in {disk_probe():.2f} s\n")
    print("| vacatures | pagina's | koud | warm | warm, daarna | na 1 wijziging | laden | renderen "
          "| schrijven | controleren | per vacature (koud) | piek hoofdproces | piek werker "
          "| piek samen (PSS) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
          "| ---: |",
          flush=True)
    for count in counts:
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(int(sys.argv[2]))
    else:
        main([int(n) for n in sys.argv[1:]] or [100, 1000])
