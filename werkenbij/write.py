"""Write the site into a staging folder and swap it in only when everything succeeded.

A failed build (content error, failed check, full disk, Ctrl-C) must leave the previous
`output/` byte-identical, so nothing is ever written into `output/` itself. The build also
refuses an output folder that could hold the project (its root, a parent, or one with
`content/` in it), and never replaces a folder holding files it did not write itself:
those are listed in `MANIFEST`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from .problems import UsageError

MANIFEST = ".werkenbij-manifest"


def check_output_dir(output: Path, root: Path) -> None:
    """Refuse an output folder whose replacement could destroy the project or other files."""
    output, root = output.resolve(), root.resolve()
    if output.exists() and not output.is_dir():
        raise UsageError(f"De uitvoermap {output} is een bestand. Kies een map, zoals output/.")
    if output == root or output in root.parents:
        raise UsageError(f"De uitvoermap {output} is het project zelf of een map erboven. "
                         "Kies een eigen map, zoals output/.")
    if (output / "content").exists() or (output / ".git").exists():
        raise UsageError(f"De uitvoermap {output} bevat content/ of .git. Kies een lege map.")
    foreign = sorted(_foreign_files(output))
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise UsageError(f"De uitvoermap {output} bevat bestanden die de build niet schreef "
                         f"({shown}). Verplaats ze of kies een andere map.")


def _foreign_files(output: Path) -> Iterable[str]:
    if not output.is_dir():
        return []
    present = set(files_under(output))
    manifest = output / MANIFEST
    written = set(manifest.read_text("utf-8").splitlines()) if manifest.is_file() else set()
    return present - written - {MANIFEST}


def files_under(folder: Path) -> Iterator[str]:
    """Every file under `folder`, as a relative path with '/'."""
    for top, _, names in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        for name in names:
            if os.path.isfile(os.path.join(top, name)):
                yield name if prefix == "." else f"{prefix}/{name}"


def staging_dir(output: Path) -> Path:
    return output.parent / f".{output.name}.staging-{os.getpid()}"


def new_staging(staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    _made.clear()


def write_file(staging: Path, path: str, data: bytes) -> None:
    """Write a new file. A file already there may be a hard link into the previous output
    (see `copy_file`): it is removed first, never written into."""
    target = staging / path
    _folder(target.parent)
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def copy_file(staging: Path, path: str, source: Path) -> None:
    """Put an unchanged file from the previous output in place: a hard link where the file
    system allows it (nothing is ever written into a file after it was first written)."""
    target = staging / path
    _folder(target.parent)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


_made: set[Path] = set()  # folders made under the current staging folder


def _folder(folder: Path) -> None:
    """Make a folder once: a vacancy writes two or three files into the same one."""
    if folder not in _made:
        folder.mkdir(parents=True, exist_ok=True)
        _made.add(folder)


def write_manifest(staging: Path, paths: Iterable[str]) -> None:
    listing = "".join(f"{path}\n" for path in sorted(paths))
    (staging / MANIFEST).write_text(listing, "utf-8")


def swap_in(staging: Path, output: Path) -> None:
    """Replace `output` by `staging` with two renames, so there is no half-written state."""
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        output.rename(old)
    try:
        staging.rename(output)
    except BaseException:
        if old.exists():
            old.rename(output)
        raise
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
