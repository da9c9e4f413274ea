"""The lock file that lets one build at a time swap its site in (see swap.py), with what the
platform offers, and whether a process still runs (to tell leftovers of dead builds).

Linux and macOS: `flock` on the file, which the system lets go when the holder dies. Windows
has no flock: there the file is made with exclusive creation and holds its maker's PID. Windows
cannot remove a file that a running process holds open, so a live holder's lock stays; the lock
of a build that died (its PID no longer runs) is removed by the next build.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

try:
    import fcntl
except ModuleNotFoundError:  # Windows
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.02
UNWRITTEN_SECONDS = 10.0  # a lock without a PID this old: its maker died before writing it

_held: set[Path] = set()  # the locks this process holds (its threads share its PID)


def take(lock: Path, deadline: float) -> int | None:
    """The open lock file, held; None when another holder keeps it past `deadline`
    (time.monotonic())."""
    return _flock(lock, deadline) if fcntl is not None else _create(lock, deadline)


def release(lock: Path, handle: int) -> None:
    """Let go of a lock from `take` and remove its file, so that nothing stays beside output/."""
    _held.discard(lock)
    if fcntl is not None:
        lock.unlink(missing_ok=True)  # before the release: no one can take this file any more
        os.close(handle)
        return
    os.close(handle)  # Windows removes no file that is open, not even for its own holder
    for _ in range(50):  # a build reading the PID in it has it open for a moment
        try:
            lock.unlink(missing_ok=True)
            return
        except PermissionError:
            time.sleep(POLL_SECONDS)


def _flock(lock: Path, deadline: float) -> int | None:
    """A build that waited on a file removed meanwhile holds a lock nobody else sees, so it
    takes the new file."""
    while True:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            held = _wait_for_flock(handle, deadline)
            if held and _same_file(handle, lock):
                return handle
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)
        if not held:
            return None


def _wait_for_flock(handle: int, deadline: float) -> bool:
    assert fcntl is not None
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL_SECONDS)


def _same_file(handle: int, path: Path) -> bool:
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(handle)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def _create(lock: Path, deadline: float) -> int | None:
    while True:
        try:
            handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if _remove_if_abandoned(lock):
                continue
            if time.monotonic() > deadline:
                return None
            time.sleep(POLL_SECONDS)
            continue
        _held.add(lock)
        os.write(handle, str(os.getpid()).encode("ascii"))
        return handle


def _remove_if_abandoned(lock: Path) -> bool:
    """Removes the lock when its holder no longer runs; True when it is gone. On Windows the
    removal fails while a live build holds the file open, so two builds that both find a dead
    one's lock cannot remove each other's new one."""
    try:
        written, age = lock.read_bytes(), time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return True
    except PermissionError:  # Windows: being removed, or just made
        return False
    pid = int(written) if written.isdigit() else None
    if pid is None:
        abandoned = age > UNWRITTEN_SECONDS
    elif pid == os.getpid():  # a PID comes back (a container's build has the same one each time)
        abandoned = lock not in _held
    else:
        abandoned = not running(pid)
    if abandoned:
        with contextlib.suppress(FileNotFoundError, PermissionError):
            lock.unlink()
    return abandoned and not lock.exists()


def running(pid: int) -> bool:
    """Whether a process with this PID runs, of any user."""
    if os.name == "nt":  # there os.kill(pid, 0) sends Ctrl-C to a process group, or kills
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OverflowError:  # not a PID at all
        return False
    return True


PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
ERROR_ACCESS_DENIED = 5
STILL_ACTIVE = 259


def _running_on_windows(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    if not 0 < pid <= 0xFFFFFFFF:
        return False
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:  # no such process, or one this user may not look at (which runs)
        return ctypes.get_last_error() == ERROR_ACCESS_DENIED  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
