"""The templates folder, read once as bytes: the renderer uses exactly what was read, so a
file saved halfway through a build cannot mix two versions into one site, and `serve` can
tell by the bytes alone whether a template or a static file changed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..inputs import MAX_TEMPLATE_BYTES, InputRefused, read_input
from ..problems import TemplateFailure
from .assets import STATIC_DIR

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")  # compiled before the build starts


@dataclass(frozen=True)
class TemplateFiles:
    folder: Path
    files: tuple[tuple[str, bytes], ...]  # (path below the folder, with '/'; its bytes), sorted

    @classmethod
    def read(cls, folder: Path) -> TemplateFiles:
        """Every file below `folder`, following symbolic links as Jinja's own loader does, but
        only to files inside the project (the folder above templates/): raises
        TemplateFailure naming every link that leads out, and every file that is no file."""
        project = folder.parent
        found, problems, seen = [], [], set()
        for top, dirs, names in os.walk(folder, followlinks=True):
            real = os.path.realpath(top)
            if real in seen:  # a link to a folder above itself: walked once
                dirs.clear()
                continue
            seen.add(real)
            prefix = Path(top).relative_to(folder).as_posix()
            for name in names:
                try:
                    data = read_input(Path(top) / name, project, MAX_TEMPLATE_BYTES)
                except InputRefused as refused:
                    problems.append(refused.problem)
                    continue
                found.append((name if prefix == "." else f"{prefix}/{name}", data))
        if problems:
            raise TemplateFailure(problems)
        return cls(folder, tuple(sorted(found)))

    def static(self) -> list[tuple[str, bytes]]:
        """The files of static/, as (path below static/, bytes)."""
        return [(name.removeprefix(f"{STATIC_DIR}/"), data) for name, data in self.files
                if name.startswith(f"{STATIC_DIR}/")]

    def loader(self) -> jinja2.BaseLoader:
        return _Loader(self.folder, {name: data for name, data in self.files
                                     if not name.startswith(f"{STATIC_DIR}/")})


class _Loader(jinja2.BaseLoader):
    """Jinja's loader over the bytes read; file names as on disk, so errors name their file."""

    def __init__(self, folder: Path, sources: dict[str, bytes]):
        self.folder, self.sources = folder, sources

    def get_source(self, environment: jinja2.Environment, template: str):
        if template not in self.sources:
            raise jinja2.TemplateNotFound(template)
        return self.sources[template].decode("utf-8"), str(self.folder / template), lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.sources)
