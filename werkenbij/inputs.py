"""Reading the project's own files, and nothing else: content, settings, templates and static
files are read only when they are regular files inside the project, and never more than a
limit. A symbolic link to /proc/self/environ would otherwise publish the build machine's
secrets; a link to /dev/zero or a FIFO named *.md would never finish reading.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path

from .problems import Problem

MAX_CONTENT_BYTES = 512 * 1024  # the longest real vacancy is ~15 KB; a whole book is ~1 MB
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024  # a static file (a logo, a font) may be bigger


class InputRefused(Exception):
    """A file the build will not read; `problem` says why and what to do, in Dutch."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def refusal(path: Path, project: Path, limit: int) -> Problem | None:
    """Why `path` may not be read as one of the project's files, or None when it may."""
    shown = _shown(path, project)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, a loop, or no permission
        return Problem(shown, 0, 0, "Deze link wijst naar een bestand dat niet bestaat (of naar "
                       "zichzelf).", "Wis de link of laat ze naar een bestand in het project wijzen.")
    if not target.is_relative_to(_real(project)):
        return Problem(shown, 0, 0, f"Deze link wijst naar een bestand buiten het project ({target}).",
                       "Kopieer het bestand in het project in plaats van ernaar te linken.")
    info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        return Problem(shown, 0, 0, "Dit is geen gewoon bestand (maar een map, een pipe of een "
                       "apparaat).", "Geef het een naam die niet op .md eindigt, of wis het.")
    if info.st_size > limit:
        return Problem(shown, 0, 0, f"Dit bestand is te groot ({info.st_size // 1024} KB; de "
                       f"grens is {limit // 1024} KB).", "Maak de tekst korter of verdeel ze over "
                       "meer bestanden.")
    return None


def read_input(path: Path, project: Path, limit: int = MAX_CONTENT_BYTES, looked: bool = False) -> bytes:
    """The bytes of one of the project's files; raises InputRefused otherwise. `looked`: the
    caller has just had `refusal` look at it (content_paths), so only the reading itself
    checks again: no link swapped in, a regular file, the size bounded while reading."""
    problem = None if looked else refusal(path, project, limit)
    if problem is not None:
        raise InputRefused(problem)
    with os.fdopen(_open(path), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped for something else since
            raise InputRefused(refusal(path, project, limit) or Problem(
                _shown(path, project), 0, 0, "Dit is geen gewoon bestand.", "Wis het."))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise InputRefused(Problem(_shown(path, project), 0, 0, f"Dit bestand is te groot (meer dan "
                                   f"{limit // 1024} KB).", "Maak de tekst korter."))
    return data


# Non-blocking: should a FIFO take the file's place after the look above, opening it does not
# wait for a writer, and fstat refuses it. A file that was no link is opened as no link
# (O_NOFOLLOW): swapped for one since, it fails instead of being followed. Windows has neither
# flag (nor FIFOs among files): there `_swapped_for_a_link` notices such a swap after opening.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _open(path: Path) -> int:
    if path.is_symlink():  # `refusal` found it leads to a file inside the project
        return os.open(path.resolve(), os.O_RDONLY | _NONBLOCK)
    opened = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
    if not _NOFOLLOW and _swapped_for_a_link(path, opened):
        os.close(opened)
        raise OSError(errno.ELOOP, "swapped for a symbolic link while it was opened", str(path))
    return opened


def _swapped_for_a_link(path: Path, opened: int) -> bool:
    """Whether `path`, no link a moment ago, is one now or is no longer the file that was
    opened (a link put there, and taken away again)."""
    try:
        now = path.lstat()
    except OSError:
        return True
    return stat.S_ISLNK(now.st_mode) or not os.path.samestat(now, os.fstat(opened))


@functools.lru_cache(maxsize=8)
def _real(project: Path) -> Path:
    """The project folder with its links resolved: the same for every file of a build."""
    return project.resolve()


def _shown(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()
