"""Swapping a new site in for `output/`, and putting right what killed builds left.

Beside `output/` a build keeps `.output.staging-PID` (the new site) and, between the two
renames of its swap, `.output.old-PID` (the old one). The swap holds `.output.lock`, so two
builds swap one after the other; and it first puts right what killed builds left: a missing
`output/` comes back from their `.output.old-PID`, the rest goes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from ..problems import UsageError
from . import lock

MANIFEST = ".werkenbij-manifest"  # what a build wrote into output/ (see output.py)
LOCK_WAIT_SECONDS = 60.0  # a swap takes well under a second: a build waiting longer is stuck


def beside(output: Path, kind: str, pid: int) -> Path:
    return output.parent / f".{output.name}.{kind}-{pid}"


def replace_folder(new: Path, output: Path) -> Path:
    """Put `new` in the place of `output` by two renames; returns where the old site now is,
    to be removed. A build killed between them leaves no `output` but a `.output.old-PID`,
    which `recover` puts back: no reader needs more, for serve answers from memory and
    publishing uploads a copy."""
    old = beside(output, "old", os.getpid())
    if output.exists() or output.is_symlink():
        os.rename(output, old)
    try:
        os.rename(new, output)
    except BaseException:
        if old.exists() or old.is_symlink():
            os.rename(old, output)
        raise
    return old


@contextlib.contextmanager
def swap_lock(output: Path) -> Iterator[None]:
    """Hold `.output.lock` beside `output` (see lock.py), so that one build at a time replaces
    it or cleans up beside it. Only around that, never a whole build. The file is removed on
    release, so that nothing stays beside output/."""
    path = output.parent / f".{output.name}.lock"
    handle = lock.take(path, time.monotonic() + LOCK_WAIT_SECONDS)
    if handle is None:
        raise UsageError(f"Een andere build zet nu een site in {output} en is na "
                         f"{LOCK_WAIT_SECONDS:g} s nog niet klaar; deze build heeft niets "
                         "aangepast. Wacht tot de andere gedaan is en bouw dan opnieuw.")
    try:
        yield
    finally:
        lock.release(path, handle)


def recover_output(output: Path) -> None:
    """At the start of a build: put right what killed builds left beside `output` (see
    `recover`). Without such leftovers, as nearly always, the lock is not even taken."""
    if _leftovers(output):
        with swap_lock(output):
            recover(output)


def recover(output: Path, keep: Path | None = None) -> None:
    """Remove the `.output.staging-PID` and `.output.old-PID` of builds no longer running,
    after putting the newest old site back if a build died between its two renames."""
    found = [path for path in _leftovers(output) if path != keep]
    old = [path for path in found if path.name.startswith(f".{output.name}.old-")]
    if old and not (output.exists() or output.is_symlink()):
        newest = max(old, key=_built_at)
        os.rename(newest, output)
        found.remove(newest)
    for path in found:
        remove_tree(path)


def _leftovers(output: Path) -> list[Path]:
    """Folders beside `output` with a name only a build gives, of a build no longer running.
    Our own PID counts as gone: this process swaps one site at a time, and a PID can come
    back (a container's build has the same one every time)."""
    ours = re.compile(rf"\.{re.escape(output.name)}\.(staging|old)-([0-9]+)")
    try:
        entries = list(os.scandir(output.parent))
    except FileNotFoundError:
        return []
    return [Path(entry.path) for entry in entries
            if (match := ours.fullmatch(entry.name)) and not entry.is_file(follow_symlinks=False)
            and (int(match[2]) == os.getpid() or not lock.running(int(match[2])))]


def _built_at(site: Path) -> int:
    try:
        return (site / MANIFEST).lstat().st_mtime_ns
    except OSError:
        return 0


def remove_tree(path: Path) -> None:
    if path.is_symlink():  # an `output` that was a link: the link goes, never what it points to
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)
