"""Write the site into a staging folder and swap it in only when everything succeeded.

A failed build (content error, failed check, full disk, Ctrl-C) must leave the previous
`output/` byte-identical, so nothing is ever written into `output/` itself. The build also
refuses an output folder that could hold the project (its root, a parent, or one with
`content/` in it), and never replaces a folder holding files it did not write itself:
those are listed in `MANIFEST`.

With the build cache on, the output that a build replaces is kept as the spare tree
(`.cache/spare-output`), and the next build starts its staging from it: its folders exist
already, and a file that is a hard link to the same file in output/ stays. So a rebuild after
one edit makes no folders and touches only what changed. Nothing is ever written into a file
after it was first written (a file is removed first), so a spare tree can never change
output/ through a hard link, and symbolic links in it are removed before the build starts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no spare tree, every build starts empty
    fcntl = None  # type: ignore[assignment]

from ..problems import UsageError

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


@contextlib.contextmanager
def spare_tree(spare: Path | None, output: Path) -> Iterator[Path | None]:
    """The spare tree's place for this build, locked so that two builds at once (`serve` and
    a build in a terminal) never share it. None (start empty, remove the replaced output)
    without a cache, when another build holds the lock, when the spare tree and the output
    overlap, or where there are no file locks."""
    lock = _lock(spare, output) if spare is not None else None
    if lock is None:
        yield None
        return
    try:
        yield spare
    finally:
        lock.close()  # releases the lock


def _lock(spare: Path, output: Path) -> IO | None:
    spare, output = spare.resolve(), output.resolve()
    if fcntl is None or spare == output or spare in output.parents or output in spare.parents:
        return None
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        lock = open(spare.with_name(spare.name + ".lock"), "ab")  # noqa: SIM115 (held until closed)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        return None
    return lock


def new_staging(staging: Path, spare: Path | None = None) -> None:
    """An empty staging folder, or the spare tree moved into its place (see the top)."""
    if staging.exists():
        shutil.rmtree(staging)
    _made.clear()
    if spare is not None and spare.is_dir() and not spare.is_symlink():
        try:
            spare.rename(staging)
        except OSError:
            pass  # on another file system, say: start empty
        else:
            _adopt(staging, _folder_mode())
            return
    staging.mkdir(parents=True)


def _folder_mode() -> int:
    """The mode a new folder gets (os.umask can only be read by setting it)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


def _adopt(folder: Path, mode: int) -> None:
    """Make the spare tree fit to build in: only real folders and files, the folders with the
    mode a new one would get. A symbolic link could lead a write outside the staging folder."""
    with contextlib.suppress(OSError):  # not ours to change: the write fails, the build says so
        if stat.S_IMODE(folder.lstat().st_mode) != mode:
            folder.chmod(mode)
    with os.scandir(folder) as entries:
        for entry in list(entries):
            if entry.is_dir(follow_symlinks=False):
                _adopt(Path(entry.path), mode)
            elif not entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)  # a symbolic link, to a file or a folder, or stranger


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
        there, wanted = target.lstat(), source.stat()
        if (there.st_ino, there.st_dev) == (wanted.st_ino, wanted.st_dev):
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
        # The spare tree has a file where this build needs a folder (and another worker may be
        # removing it at the same time).
        relative = folder.relative_to(staging)
        for part in [*reversed(relative.parents), relative][1:]:
            here = staging / part
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                if not stat.S_ISDIR(here.lstat().st_mode):
                    here.unlink()
        folder.mkdir(parents=True, exist_ok=True)
    _made.add(folder)


def _remove(target: Path) -> None:
    """Make room for a new file: the spare tree may hold an old one, or a folder."""
    try:
        target.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        if not stat.S_ISDIR(target.lstat().st_mode):
            raise
        shutil.rmtree(target)  # a folder from the spare tree: this build made nothing in it


def prune(staging: Path, keep: Iterable[str]) -> None:
    """Remove what the spare tree held that this build did not write, files and folders, and
    make sure that every file it did write is there (else the build stops)."""
    keep, needed, found = set(keep), set(), set()
    for path in keep:
        while "/" in path and (path := path.rsplit("/", 1)[0]) not in needed:
            needed.add(path)

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in list(entries):
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, name + "/")
                    if name not in needed:
                        os.rmdir(entry.path)  # empty by now
                elif name in keep and entry.is_file(follow_symlinks=False):
                    found.add(name)
                else:
                    os.unlink(entry.path)

    walk(str(staging), "")
    if found != keep:
        raise RuntimeError(f"files missing in {staging}: {sorted(keep - found)[:5]}")


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
        _keep_or_remove(old, spare)


def discard(staging: Path, spare: Path | None = None) -> None:
    """Remove the staging folder of a failed build, or keep it as the spare tree (after a
    content or check error: it is as good as any, and `serve` meets many of those)."""
    if staging.exists():
        _keep_or_remove(staging, spare)


def _keep_or_remove(tree: Path, spare: Path | None) -> None:
    if spare is not None:
        with contextlib.suppress(OSError):
            if spare.exists():
                shutil.rmtree(spare)
            spare.parent.mkdir(parents=True, exist_ok=True)
            tree.rename(spare)
            return
    shutil.rmtree(tree, ignore_errors=True)
