"""The size of the code and how much of it the build orchestration reaches, for any checkout.

    .venv/bin/python bench/code_size.py                  (this checkout)
    .venv/bin/python bench/code_size.py /tmp/before      (an older one, side by side)

Lines are all lines of werkenbij/**/*.py. "Imported by build()" counts the package's own
modules that the module defining `build()` imports itself: what a newcomer reads to follow a
build, and what a change to the build is likely to touch. A measurement, not a test.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def internal_imports(package: Path, path: Path) -> set[str]:
    parts = path.relative_to(package).with_suffix("").parts
    here = parts[:-1]  # the package a relative import starts from (also for __init__.py)
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[:len(here) - node.level + 1]
            names = [node.module] if node.module else [alias.name for alias in node.names]
            found |= {".".join((*base, name)) for name in names}
    return found


def measure(checkout: Path) -> str:
    package = checkout / "werkenbij"
    modules = sorted(package.rglob("*.py"))
    lines = sum(len(path.read_text("utf-8").splitlines()) for path in modules)
    defining = next(path for path in modules if "\ndef build(" in path.read_text("utf-8"))
    direct = internal_imports(package, defining)
    biggest = max(modules, key=lambda path: len(path.read_text("utf-8").splitlines()))
    return (f"| {checkout.name} | {len(modules)} | {lines:,} | "
            f"{len(biggest.read_text('utf-8').splitlines())} ({biggest.relative_to(package)}) | "
            f"{defining.relative_to(package)}: {len(direct)} |")


if __name__ == "__main__":
    print("| checkout | modules | lines | largest module | modules imported by build() |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for folder in [Path(a) for a in sys.argv[1:]] or [ROOT]:
        print(measure(folder.resolve()))
