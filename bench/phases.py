"""Time builds of N generated vacancies, per stage, with peak memory.

    .venv/bin/python bench/phases.py 100 1000 5000          (make bench)

For each N, in a fresh process: generate the corpus (tests/corpus.py) in a folder under
.bench/ (beside the project, on the disk a real project lives on), then build it once, the
way `build.py` does (all checks, worker processes, one build per process). Every build is a
whole one; only `serve` keeps anything between builds (bench/serve.py).

The stages are wall seconds (read = the templates and all content, read and validated;
render and write = render into the staging folder; check; swap). Peak memory is the resident
size (RSS) of the main process and of the largest worker, and the largest sum of all of them
together as PSS, sampled during the build. Prints one Markdown table row per N. A
measurement, not a test.
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus import BUILD_DATE, WORK, generate  # noqa: E402
from werkenbij.pipeline import BuildOptions, BuildResult, build  # noqa: E402


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


STAGES = ("read", "render and write", "check", "swap")


def one(count: int) -> None:
    """One row, measured in a fresh process so the peak memory is this size's own."""
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        site = generate(count, Path(temp) / "site")
        sampler = MemorySampler()
        sampler.start()
        seconds, result = timed(site)
    total_peak = sampler.stop()
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stages = [f"{result.seconds[name]:.2f} s" for name in STAGES]
    print(f"| {count} | {result.pages} | {seconds:.2f} s | " + " | ".join(stages)
          + f" | {seconds / count * 1000:.2f} ms | {main_peak:.0f} MB | {worker_peak:.0f} MB | "
          f"{total_peak:.0f} MB |", flush=True)


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
    print("| vacatures | pagina's | build | lezen | renderen en schrijven | controleren | wisselen "
          "| per vacature | piek hoofdproces | piek werker | piek samen (PSS) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for count in counts:
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(int(sys.argv[2]))
    else:
        main([int(n) for n in sys.argv[1:]] or [100, 1000])
