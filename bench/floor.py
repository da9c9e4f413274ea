"""The least time a cold build can take on this machine, whatever the rest of our code does.

    .venv/bin/python bench/floor.py 1000          (bench/peers.py prints it beside Pelican)

Two parts of a cold build cannot be made faster by our code: Python-Markdown converting the
texts, and the kernel making the output's folders and files. This builds the generated corpus
once in one process without a cache, timing Python-Markdown's `convert` inside that real
build, then makes the same folders and files with the same bytes in an empty folder. With
the interpreter's start-up added, spread over the cores:

    floor = start-up + (Markdown + folders and files) / cores

Everything else (YAML, the content rules, the templates, the calendar files, all checks)
comes on top of this floor: "the rest", the whole build's CPU time in one process less the
time in Python-Markdown and less the build's own write phase. A measurement, not a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus import BUILD_DATE, WORK, generate  # noqa: E402
from werkenbij.pipeline import BuildOptions, build  # noqa: E402
from werkenbij.pipeline.workers import default_jobs  # noqa: E402


@dataclass(frozen=True)
class Floor:
    startup: float     # seconds: `build.py --help`, the interpreter and our imports
    markdown: float    # CPU seconds in Python-Markdown's convert during the build
    texts: int
    files: float       # seconds to make the output's folders and files
    folders: int
    written: int
    cores: int
    build: float       # CPU seconds of the whole build in one process, all checks included

    @property
    def rest(self) -> float:
        """What the rest of the build takes (writing included): what our code could speed up."""
        return self.build - self.markdown

    @property
    def seconds(self) -> float:
        return self.startup + (self.markdown + self.files) / self.cores


def measure(site: Path) -> Floor:
    real = markdown.Markdown.convert
    spent = [0.0, 0]

    def convert(md, text):
        started = time.process_time()
        try:
            return real(md, text)
        finally:
            spent[0] += time.process_time() - started
            spent[1] += 1

    markdown.Markdown.convert = convert
    output = site / "floor-output"
    started = time.process_time()
    try:
        build(BuildOptions(root=site, output=output, today=BUILD_DATE, templates=ROOT / "templates",
                           jobs=1))
    finally:
        markdown.Markdown.convert = real
    whole = time.process_time() - started
    files = [(p.relative_to(output), p.read_bytes()) for p in sorted(output.rglob("*")) if p.is_file()]
    folders = sorted({parent for p, _ in files for parent in p.parents} - {Path(".")},
                     key=lambda p: len(p.parts))
    with tempfile.TemporaryDirectory(dir=site.parent) as empty:
        started = time.perf_counter()
        for folder in folders:
            (Path(empty) / folder).mkdir()
        for path, data in files:
            (Path(empty) / path).write_bytes(data)
        made = time.perf_counter() - started
    startup = min(timed([sys.executable, str(ROOT / "build.py"), "--help"]) for _ in range(3))
    return Floor(startup, spent[0], spent[1], made, len(folders), len(files), default_jobs(), whole)


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def main(count: int) -> None:
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        floor = measure(generate(count, Path(temp) / "site"))
    print(f"{count} vacancies on {os.cpu_count()} cores: start-up {floor.startup:.2f} s, "
          f"Python-Markdown {floor.markdown:.2f} s for {floor.texts} texts, {floor.folders} folders "
          f"and {floor.written} files {floor.files:.2f} s; floor {floor.seconds:.2f} s; the whole "
          f"build in one process {floor.build:.2f} s, of which the rest {floor.rest:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if sys.argv[1:] else 1000)
