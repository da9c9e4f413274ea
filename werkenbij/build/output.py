"""Write the site into a fresh staging folder and swap it in only when everything succeeded.

A failed build (content error, failed check, full disk, Ctrl-C) must leave the previous
`output/` byte-identical, so nothing is ever written into `output/` itself. The build also
refuses an output folder that could hold the project (its root, a parent, or one with
`content/` in it), and never replaces a folder holding anything it did not write itself:
the files it wrote are listed in `MANIFEST`, the folders are those holding them, and it
writes no symbolic links.

The swap itself, its lock and the clean-up after killed builds are in `swap.py`.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..models import OutputFile
from ..problems import UsageError
from ..report import printable
from .swap import MANIFEST, beside, recover, recover_output, remove_tree, replace_folder, swap_lock


def guard_output_dir(output: Path, root: Path) -> None:
    """Refuse an output folder whose replacement could destroy the project or other files."""
    output, root = output.resolve(), root.resolve()
    if output.exists() and not output.is_dir():
        raise UsageError(f"De uitvoermap {output} is een bestand. Kies een map, zoals output/.")
    if output == root or output in root.parents:
        raise UsageError(f"De uitvoermap {output} is het project zelf of een map erboven. "
                         "Kies een eigen map, zoals output/.")
    if (output / "content").exists() or (output / ".git").exists():
        raise UsageError(f"De uitvoermap {output} bevat content/ of .git. Kies een lege map.")
    for inputs in ("content", "templates", ".git"):
        if root / inputs in output.parents:  # serve would rebuild for ever on its own output
            raise UsageError(f"De uitvoermap {output} ligt in {inputs}/ van het project. Kies een "
                             "map buiten content/ en templates/, zoals output/.")
    refuse_foreign(output)


def refuse_foreign(output: Path) -> None:
    """Refuse an output folder holding anything the build did not write (see `_foreign`)."""
    _refuse(output, _foreign(output) if output.is_dir() else [])


def _refuse(output: Path, found: Iterable[str]) -> None:
    foreign = sorted(found)
    if foreign:
        shown = ", ".join(printable(name) for name in foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise UsageError(f"De uitvoermap {output} bevat bestanden of mappen die de build niet schreef "
                         f"({shown}). Verplaats ze of kies een andere map.")


def _foreign(output: Path) -> Iterator[str]:
    """What in `output` a build did not write: a file its manifest does not list, a folder
    holding none of those (named once, with a '/', even when empty), and every symbolic link,
    also one to a folder or to nothing. Old manifests list files only, like new ones."""
    written = _manifest(output) | {MANIFEST}
    folders = _folders_of(written)
    pending = [""]
    while pending:
        prefix = pending.pop()
        with os.scandir(output / prefix) as entries:
            for entry in entries:
                path = prefix + entry.name
                if not entry.is_dir(follow_symlinks=False):  # a link is never a folder here
                    if not (entry.is_file(follow_symlinks=False) and path in written):
                        yield path
                elif f"{path}/" in folders:
                    pending.append(f"{path}/")
                else:
                    yield f"{path}/"


def _folders_of(paths: Iterable[str]) -> set[str]:
    folders: set[str] = set()
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and f"{folder}/" not in folders:
            folders.add(f"{folder}/")
            folder = folder.rpartition("/")[0]
    return folders


def _manifest(output: Path) -> set[str]:
    manifest = output / MANIFEST
    if manifest.is_symlink() or not manifest.is_file():  # then it is foreign itself
        return set()
    return set(manifest.read_text("utf-8").splitlines())


class Staging:
    """A new folder beside `output` (`.output.staging-PID`) that the build writes into. It
    replaces `output` by `swap_in`; leaving the `with` block without that removes it."""

    def __init__(self, output: Path):
        self.output = output
        self.folder = beside(output, "staging", os.getpid())
        self.written: dict[str, str] = {}  # output path -> the content file it came from, if any
        self._folders: set[Path] = set()

    def __enter__(self) -> Staging:
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        remove_tree(self.folder)  # after an exchange it holds the old site; after two renames it is gone

    def write_all(self, files: Iterable[OutputFile]) -> dict[str, str]:
        """Write each file as it comes (so the site is never held in memory whole)."""
        for file in files:
            self.write(file)
        return self.written

    def write(self, file: OutputFile) -> None:
        if file.path in self.written:  # the content rules should make this impossible
            raise RuntimeError(f"two files for one path: {file.path}")
        target = self.folder / file.path
        if target.parent not in self._folders:  # a vacancy writes two or three files into one
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        target.write_bytes(file.data)
        self.written[file.path] = file.source

    def swap_in(self) -> None:
        """Replace `output`, holding the lock: first put right what killed builds left, then
        look again for foreign files (one may have come since the build began), then swap."""
        listing = "".join(f"{path}\n" for path in sorted(self.written))
        (self.folder / MANIFEST).write_bytes(listing.encode("utf-8"))
        with swap_lock(self.output):
            recover(self.output, keep=self.folder)
            refuse_foreign(self.output)
            old = replace_folder(self.folder, self.output)
        remove_tree(old)  # ours alone (its name holds our PID), so no longer under the lock


@dataclass(frozen=True)
class Published:
    """What `sync_folder` last put in an output folder."""

    files: dict[str, bytes]
    manifest: tuple[int, int, int] | None  # its manifest's device, inode and change time


def sync_folder(output: Path, root: Path, files: dict[str, bytes],
                previous: Published | None) -> Published:
    """Make `output` hold `files` (for `serve`, after every save). When `output` is still as
    `previous` left it (the same manifest file: any other build replaces it), only the changes
    are written: every changed file first under a temporary name, then each renamed into
    place, so that a failure leaves `output` as it was and a browser never reads half a page.
    Otherwise (the first time, or after another build) the whole folder is replaced."""
    recover_output(output)
    if previous is not None and previous.manifest is not None and _stamp(output) == previous.manifest:
        with swap_lock(output):
            if _stamp(output) == previous.manifest:  # no build swapped in while we waited
                return _write_changes(output, files, previous)
    guard_output_dir(output, root)
    with Staging(output) as staging:
        staging.write_all(OutputFile(path, data) for path, data in files.items())
        staging.swap_in()
    return Published(files, _stamp(output))


def _write_changes(output: Path, files: dict[str, bytes], previous: Published) -> Published:
    changed = [path for path, data in files.items() if previous.files.get(path) != data]
    removed = sorted(set(previous.files) - set(files))
    _refuse(output, _in_the_way(output, [*changed, *removed]))
    ready: dict[Path, Path] = {}
    try:
        for path in changed:
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            ready[target] = target.with_name(f".{target.name}.new-{os.getpid()}")
            ready[target].write_bytes(files[path])
    except BaseException:
        for temporary in ready.values():
            temporary.unlink(missing_ok=True)
        raise
    for target, temporary in ready.items():
        os.replace(temporary, target)
    for path in removed:
        (output / path).unlink(missing_ok=True)
        for folder in (output / path).parents:
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()
    if set(previous.files) != set(files):
        (output / MANIFEST).write_bytes("".join(f"{path}\n" for path in sorted(files)).encode("utf-8"))
    return Published(files, _stamp(output))


def _in_the_way(output: Path, paths: Iterable[str]) -> set[str]:
    """Of what serve is about to write or remove, what a build did not write: a link (which
    would take the write elsewhere), a folder where a page was, a file where a folder was.
    Only these paths are looked at, not all of output/: a save must stay quick, and serve
    changes nothing else. Anything foreign elsewhere stops the next whole build."""
    found: set[str] = set()
    for path in paths:
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            name = "/".join(parts[:depth])
            try:
                mode = (output / name).lstat().st_mode
            except FileNotFoundError:
                break
            if stat.S_ISDIR(mode) if depth < len(parts) else stat.S_ISREG(mode):
                continue
            found.add(f"{name}/" if stat.S_ISDIR(mode) else name)
            break
    return found


def _stamp(output: Path) -> tuple[int, int, int] | None:
    try:
        found = (output / MANIFEST).stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_ctime_ns
