"""Write the site into a staging folder and swap it in only when everything succeeded.

A failed build (content error, failed check, full disk, Ctrl-C) must leave the previous
`output/` byte-identical, so nothing is ever written into `output/` itself.

With the build cache on, the output that a build replaces is kept as the spare tree
(`.cache/spare-output`), and the next build starts its staging from it: its folders exist
already, and a file that is a hard link to the same file in output/ stays. So a rebuild after
one edit makes no folders and touches only what changed. Nothing is ever written into a file
after it was first written (a file is removed first), so a spare tree can never change
output/ through a hard link. The build also
refuses an output folder that could hold the project (its root, a parent, or one with
`content/` in it), and never replaces a folder holding files it did not write itself:
those are listed in `MANIFEST`.
"""

from __future__ import annotations

import contextlib
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


def new_staging(staging: Path, spare: Path | None = None) -> None:
    """An empty staging folder, or the spare tree moved into its place (see the top)."""
    if staging.exists():
        shutil.rmtree(staging)
    _made.clear()
    if spare is not None and spare.is_dir() and not spare.is_symlink():
        with contextlib.suppress(OSError):  # on another file system: start empty
            spare.rename(staging)
            return
    staging.mkdir(parents=True)


def write_file(staging: Path, path: str, data: bytes) -> None:
    """Write a new file. A file already there may be a hard link into the previous output
    (see `copy_file`): it is removed first, never written into."""
    target = staging / path
    _folder(staging, target.parent)
    _remove(target)
    target.write_bytes(data)


def copy_file(staging: Path, path: str, source: Path) -> None:
    """Put an unchanged file from the previous output in place: a hard link where the file
    system allows it (nothing is ever written into a file after it was first written)."""
    target = staging / path
    _folder(staging, target.parent)
    with contextlib.suppress(OSError):
        if os.path.samefile(source, target):
            return  # the spare tree holds this very file already
    _remove(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


_made: set[Path] = set()  # folders made (or found) under the current staging folder


def _folder(staging: Path, folder: Path) -> None:
    """Make a folder once: a vacancy writes two or three files into the same one."""
    if folder in _made:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        # The spare tree has a file where this build needs a folder.
        for parent in (folder, *folder.parents):
            if parent == staging:
                break
            if parent.is_file() or parent.is_symlink():
                parent.unlink()
        folder.mkdir(parents=True, exist_ok=True)
    _made.add(folder)


def _remove(target: Path) -> None:
    """Make room for a new file: the spare tree may hold an old one, or a folder."""
    try:
        target.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        if not target.is_dir() or target.is_symlink():
            raise
        shutil.rmtree(target)
        _made.difference_update({f for f in _made if f == target or target in f.parents})


def prune(staging: Path, keep: Iterable[str]) -> None:
    """Remove what the spare tree held that this build did not write, files and folders."""
    keep, needed = set(keep), set()
    for path in keep:
        while "/" in path and (path := path.rsplit("/", 1)[0]) not in needed:
            needed.add(path)
    for top, folders, names in os.walk(staging, topdown=False):
        relative = os.path.relpath(top, staging).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            if prefix + name not in keep:
                os.unlink(os.path.join(top, name))
        for name in folders:
            folder = os.path.join(top, name)
            if os.path.islink(folder):
                os.unlink(folder)
            elif prefix + name not in needed:
                os.rmdir(folder)  # empty by now: walked bottom-up


def write_manifest(staging: Path, paths: Iterable[str]) -> None:
    listing = "".join(f"{path}\n" for path in sorted(paths))
    write_file(staging, MANIFEST, listing.encode("utf-8"))


def swap_in(staging: Path, output: Path, spare: Path | None = None) -> None:
    """Replace `output` by `staging` with two renames, so there is no half-written state.
    The replaced output becomes the spare tree, or is removed."""
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
        keep_or_remove(old, spare)


def discard(staging: Path, spare: Path | None = None) -> None:
    """After a failed build: its staging folder is a spare tree as good as any."""
    if staging.exists():
        keep_or_remove(staging, spare)


def keep_or_remove(tree: Path, spare: Path | None) -> None:
    if spare is not None:
        with contextlib.suppress(OSError):
            if spare.exists():
                shutil.rmtree(spare)
            spare.parent.mkdir(parents=True, exist_ok=True)
            tree.rename(spare)
            return
    shutil.rmtree(tree, ignore_errors=True)
