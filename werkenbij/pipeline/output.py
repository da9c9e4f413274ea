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
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from ..models import OutputFile
from ..problems import UsageError
from ..report import printable
from .swap import MANIFEST, beside, recover, remove_tree, replace_folder, swap_lock


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
        if root / inputs in output.parents:  # serve, which watches them, would rebuild on every build
            raise UsageError(f"De uitvoermap {output} ligt in {inputs}/ van het project. Kies een "
                             "map buiten content/ en templates/, zoals output/.")
    refuse_foreign(output)


def refuse_foreign(output: Path) -> None:
    """Refuse an output folder holding anything the build did not write (see `_foreign`)."""
    foreign = sorted(_foreign(output)) if output.is_dir() else []
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
        remove_tree(self.folder)  # after `swap_in` it is output/, and nothing is left here

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

    def read(self, path: str) -> bytes:
        return (self.folder / path).read_bytes()

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
