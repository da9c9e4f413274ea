"""A content file, split and parsed from its bytes (a pure step: the caller reads the file),
and the rule that turns file names into web addresses."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from slugify import slugify

from ..inputs import MAX_CONTENT_BYTES, refusal
from ..markdown_html import MarkdownConverter
from ..policy import PLACEHOLDER
from ..problems import Problem, Severity
from ..vacancy import Source
from .fields import Fields
from .frontmatter import SplitFile, decode_content, split_front_matter
from .markdown_rules import check_markdown
from .yamltext import YamlDocument, parse_yaml

_BLOCK_SCALAR = re.compile(r":\s*[|>][+-]?[0-9]?\s*(#.*)?$")


class ContentFile:
    """One content file, split and parsed; `fields` is None when its data could not be read.
    Every mistake found goes into `problems`."""

    def __init__(self, rel: str, data: bytes, problems: list[Problem], markdown: MarkdownConverter):
        self.rel, self.problems, self.markdown = rel, problems, markdown
        self.split: SplitFile | None = None
        self.fields: Fields | None = None
        self.digest = hashlib.blake2b(data, digest_size=20).hexdigest()
        text, mistake = decode_content(data)
        self.text = text or ""
        if text is not None:
            self.split, mistake = split_front_matter(text)
        if mistake is not None:
            problems.append(Problem(self.rel, mistake.line, 0, mistake.message, mistake.fix))
            return
        self._parse_front_matter()

    def _parse_front_matter(self) -> None:
        assert self.split is not None
        doc, mistakes = parse_yaml(self.split.front_matter, self.split.front_matter_line)
        for m in mistakes:
            self.problems.append(Problem(self.rel, m.line, m.column, m.message, m.fix))
        if doc is None:
            return
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(self.rel, self.split.front_matter_line, 1,
                                         "De gegevens bovenaan moeten regels 'sleutel: waarde' zijn.",
                                         "Kopieer de gegevens van een bestaand bestand."))
            doc = YamlDocument({}, {})
        self.fields = Fields(doc, (), self.rel, self.problems)

    @property
    def source(self) -> Source:
        assert self.split is not None
        return Source(self.rel, self.split.body_line, self.digest)

    def text_line(self, key: tuple) -> int:
        """The file line where the text at `key` starts (the line after `key: |` for a block)."""
        assert self.split is not None and self.fields is not None
        line, _ = self.fields.doc.where(key)
        lines = self.split.front_matter.split("\n")
        index = line - self.split.front_matter_line
        written = lines[index] if 0 <= index < len(lines) else ""
        return line + 1 if _BLOCK_SCALAR.search(written) else line

    def check_text(self, text: str, first_line: int, top_level: int) -> None:
        """Apply the Markdown rules to a text field that starts on `first_line`."""
        self.problems.extend(check_markdown(text, first_line, self.rel, self.markdown, top_level))

    def check_early_close(self, keys: set[str]) -> None:
        """A second '---' in the middle of the data ends it early: the rest becomes text."""
        assert self.split is not None
        first = next((line for line in self.split.body.split("\n") if line.strip()), "")
        key = first.split(":", 1)[0].strip()
        if ":" in first and key in keys:
            self.problems.append(Problem(
                self.rel, self.split.body_line - 1, 1,
                f"Deze regel '---' sluit de gegevens te vroeg af: '{key}' en wat volgt wordt tekst.",
                "Verwijder deze regel; alleen na de laatste gegevens staat '---'."))

    def check_placeholders(self) -> None:
        """A vacancy started with `build.py new` may only go live once every "VUL IN" is gone."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            column = line.find(PLACEHOLDER)
            if column >= 0 and not line.lstrip().startswith("#"):
                self.problems.append(Problem(
                    self.rel, number, column + 1, f"Hier staat nog '{PLACEHOLDER}'.",
                    "Vul dit in, of zet 'draft: true' terug zolang de vacature niet klaar is."))

    def read_body(self, top_level: int = 2) -> str:
        """The Markdown body, after applying the Markdown rules to it."""
        assert self.split is not None
        self.problems.extend(check_markdown(self.split.body, self.split.body_line, self.rel,
                                            self.markdown, top_level))
        return self.split.body


def content_paths(folder: Path, root: Path, problems: list[Problem],
                  reserved: frozenset[str] = frozenset()) -> list[Path]:
    """The .md files of a folder, refusing two files that would get the same slug, and slugs
    that the site itself uses (a vacancy called archief.md would replace the archive)."""
    by_slug: dict[str, list[Path]] = defaultdict(list)
    entries = sorted(os.scandir(folder), key=lambda e: e.name) if folder.is_dir() else []
    names = [entry.name for entry in entries]
    problems += _near_misses(folder, root, names)
    # A folder inside the project (itself no link out): its plain regular files need no
    # further look (the directory entry says what they are; read_input bounds their size);
    # links and anything else get refusal's full one.
    inside = bool(names) and folder.resolve().is_relative_to(root.resolve())
    # Names starting with "." are editor lock files and macOS metadata, never content.
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name.startswith("."):
            continue
        path = folder / entry.name
        if not (inside and entry.is_file(follow_symlinks=False)):  # a link, FIFO, folder …
            refused = refusal(path, root, MAX_CONTENT_BYTES)
            if refused is not None:
                problems.append(refused)
                continue
        by_slug[slug_for(path)].append(path)
    files = []
    for slug, paths in sorted(by_slug.items()):
        if slug in reserved:
            problems += [Problem(p.relative_to(root).as_posix(), 0, 0,
                                 f"Het webadres '{slug}' is al in gebruik door de site zelf.",
                                 "Geef het bestand een andere naam.") for p in paths]
            continue
        if len(paths) > 1 or not slug:
            names = ", ".join(p.relative_to(root).as_posix() for p in paths)
            for path in paths:
                message, fix = (f"Deze bestandsnaam geeft het webadres '{slug}', net als: {names}."
                                if slug else "Deze bestandsnaam geeft geen bruikbaar webadres.",
                                "Geef elk bestand een eigen naam met kleine letters, cijfers en "
                                "koppeltekens.")
                twins = [p for p in paths if p != path and _nfc(p.name) == _nfc(path.name)]
                if twins and path.name != _nfc(path.name):
                    message += (" Deze naam ziet er hetzelfde uit als een andere, maar is geschreven "
                                "met losse accenttekens (zoals e + ´ in plaats van é).")
                    fix = "Hernoem dit bestand: typ de naam opnieuw, zonder accenten, of wis het."
                elif twins:
                    message += (" Een ander bestand heeft dezelfde naam, geschreven met losse "
                                "accenttekens (zoals e + ´ in plaats van é).")
                    fix = "Hernoem of wis dat andere bestand (zie de melding erbij)."
                problems.append(Problem(path.relative_to(root).as_posix(), 0, 0, message, fix))
            continue
        files.append(paths[0])
    return files


_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def _near_misses(folder: Path, root: Path, names: list[str]) -> list[Problem]:
    """Files that look like content but are not read: Notulen.MD, tekst.markdown, a Windows
    export vacature.md.txt, a hidden .vacature.md. Said once, as a warning, not skipped silently."""
    found = []
    for written in names:
        if written.endswith(".md") and not written.startswith("."):
            continue  # read as content
        name = written.lower()
        if not (name.endswith(_MARKDOWN_SUFFIXES) or name.endswith(".md.txt")):
            continue
        path = folder / written
        stem = path.name.lstrip(".")
        for suffix in (".md.txt", *_MARKDOWN_SUFFIXES):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        found.append(Problem(path.relative_to(root).as_posix(), 0, 0,
                             "Dit bestand wordt niet gelezen: alleen namen die op .md eindigen (in "
                             "kleine letters, zonder punt vooraan) horen bij de site.",
                             f"Hernoem het naar {stem}.md als het op de site hoort; anders wis het.",
                             severity=Severity.WARNING))
    return found


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def slug_for(path: Path) -> str:
    """The URL slug of a content file: its name in lower-case ASCII (NFC and NFD give the same)."""
    return slugify(unicodedata.normalize("NFC", path.stem))
