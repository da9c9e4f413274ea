"""Write the site into a fresh staging folder and swap it in only when everything succeeded.

A failed build (content error, failed check, full disk, Ctrl-C) must leave the previous
`output/` byte-identical, so nothing is ever written into `output/` itself. The build also
refuses an output folder that could hold the project (its root, a parent, or one with
`content/` in it), and never replaces a folder holding files it did not write itself:
those are listed in `MANIFEST`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..checks.site import files_under
from ..models import OutputFile
from ..problems import UsageError

MANIFEST = ".werkenbij-manifest"


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


class Staging:
    """A new folder beside `output` (`.output.staging-PID`) that the build writes into. It
    replaces `output` by `swap_in`; leaving the `with` block without that removes it."""

    def __init__(self, output: Path):
        self.output = output
        self.folder = output.parent / f".{output.name}.staging-{os.getpid()}"
        self.written: dict[str, str] = {}  # output path -> the content file it came from, if any
        self._folders: set[Path] = set()

    def __enter__(self) -> Staging:
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)  # gone already after a swap

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
        """Replace `output` with two renames, so there is no half-written state in between."""
        listing = "".join(f"{path}\n" for path in sorted(self.written))
        (self.folder / MANIFEST).write_bytes(listing.encode("utf-8"))
        _replace_folder(self.folder, self.output)


def _replace_folder(new: Path, output: Path) -> None:
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        output.rename(old)
    try:
        new.rename(output)
    except BaseException:
        if old.exists():
            old.rename(output)
        raise
    shutil.rmtree(old, ignore_errors=True)


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
    if previous is None or previous.manifest is None or _stamp(output) != previous.manifest:
        guard_output_dir(output, root)
        with Staging(output) as staging:
            staging.write_all(OutputFile(path, data) for path, data in files.items())
            staging.swap_in()
        return Published(files, _stamp(output))
    ready: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            if previous.files.get(path) != data:
                target = output / path
                target.parent.mkdir(parents=True, exist_ok=True)
                ready[target] = target.with_name(f".{target.name}.new-{os.getpid()}")
                ready[target].write_bytes(data)
    except BaseException:
        for temporary in ready.values():
            temporary.unlink(missing_ok=True)
        raise
    for target, temporary in ready.items():
        os.replace(temporary, target)
    for path in sorted(set(previous.files) - set(files)):
        (output / path).unlink(missing_ok=True)
        for folder in (output / path).parents:
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()
    if set(previous.files) != set(files):
        (output / MANIFEST).write_bytes("".join(f"{path}\n" for path in sorted(files)).encode("utf-8"))
    return Published(files, _stamp(output))


def _stamp(output: Path) -> tuple[int, int, int] | None:
    try:
        found = (output / MANIFEST).stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_ctime_ns
