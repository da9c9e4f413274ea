"""Read `content/**/*.md` into frozen Vacancy / Page / Block values, reporting every mistake at once."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from slugify import slugify

from ..build.cache import digest
from ..dev.scaffold import PLACEHOLDER, RESERVED_VACANCY_SLUGS
from ..models import (
    Block,
    Competency,
    Contact,
    Content,
    Location,
    Page,
    Salary,
    SiteConfig,
    Source,
    Step,
    Vacancy,
)
from ..problems import ContentError, Problem
from .fields import Fields, collect, read_contact, read_link
from .frontmatter import SplitFile, decode_content, split_front_matter
from .markdown_rules import check_markdown
from .vacancy_rules import check_addresses, check_date_order, read_aliases, read_blocks
from .yamltext import YamlDocument, parse_yaml

VACANCY_KEYS = {"title", "team", "unit", "grade", "summary", "hours_per_week", "contract",
                "location", "published", "closes", "salary", "apply_url", "procedure",
                "competencies", "contact", "faq", "blocks", "draft", "aliases"}
STEP_KEYS = {"title", "date", "tentative", "eliminating", "mode", "duration", "pass_mark", "text"}
LOCATION_KEYS = {"name", "street", "postal_code", "city", "note"}
SALARY_KEYS = {"scale", "url"}
COMPETENCY_KEYS = {"name", "description"}
PAGE_KEYS = {"title", "description"}
_BLOCK_SCALAR = re.compile(r":\s*[|>][+-]?[0-9]?\s*(#.*)?$")
RESERVED_PAGE_SLUGS = frozenset({"vacatures", "static"})  # folders the build writes itself
BLOCK_KEYS = {"title"}


class ContentFile:
    """One content file, read and split; `fields` is None when the file could not be read."""

    def __init__(self, path: Path, root: Path, problems: list[Problem]):
        self.rel = path.relative_to(root).as_posix()
        self.problems = problems
        self.split: SplitFile | None = None
        self.fields: Fields | None = None
        data = path.read_bytes()
        self.digest = digest(data)  # of exactly the bytes parsed here
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

    def check_text(self, text: str, key: tuple, top_level: int) -> int:
        """Apply the Markdown rules to a text field; returns the line it starts on."""
        line = self.text_line(key)
        self.problems.extend(check_markdown(text, line, self.rel, top_level))
        return line

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

    def check_body(self, top_level: int = 2) -> str:
        assert self.split is not None
        self.problems.extend(check_markdown(self.split.body, self.split.body_line, self.rel,
                                            top_level))
        return self.split.body


def load_content(root: Path, config: SiteConfig, drafts: bool = False) -> Content:
    """Read every content file under `root/content`. Raises ContentError listing all mistakes."""
    shared = load_shared(root)
    problems = list(shared.problems)
    block_names = {block.name for block in shared.blocks}
    vacancies = []
    for path in vacancy_paths(root, problems):
        vacancy, found = read_vacancy(path, root, config, block_names)
        problems += found
        if vacancy is not None:
            vacancies.append(vacancy)
    problems += check_addresses(vacancies)
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    vacancies = [v for v in vacancies if drafts or not v.draft]
    return Content(vacancies=tuple(sorted(vacancies, key=lambda v: v.slug)),
                   pages=shared.pages, blocks=shared.blocks)


@dataclass(frozen=True)
class Shared:
    """The pages and blocks: few, read before the vacancies (which name the blocks)."""

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    problems: tuple[Problem, ...]


def load_shared(root: Path) -> Shared:
    problems: list[Problem] = []
    content_dir = root / "content"
    blocks = [b for path in _paths(content_dir / "blocks", root, problems)
              if (b := _read_block(ContentFile(path, root, problems))) is not None]
    pages = [p for path in _paths(content_dir / "pages", root, problems, RESERVED_PAGE_SLUGS)
             if (p := _read_page(ContentFile(path, root, problems))) is not None]
    return Shared(tuple(sorted(pages, key=lambda p: p.slug)),
                  tuple(sorted(blocks, key=lambda b: b.name)), tuple(problems))


def vacancy_paths(root: Path, problems: list[Problem]) -> list[Path]:
    return _paths(root / "content" / "vacatures", root, problems, RESERVED_VACANCY_SLUGS)


def read_vacancy(path: Path, root: Path, config: SiteConfig,
                 block_names: set[str]) -> tuple[Vacancy | None, list[Problem]]:
    """One vacancy file on its own: its value (None if it has errors) and its problems."""
    problems: list[Problem] = []
    vacancy = _read_vacancy(ContentFile(path, root, problems), config, block_names)
    return (None if any(p.severity == "error" for p in problems) else vacancy), problems


def _paths(folder: Path, root: Path, problems: list[Problem],
           reserved: frozenset[str] = frozenset()) -> list[Path]:
    """The .md files of a folder, refusing two files that would get the same slug, and slugs
    that the site itself uses (a vacancy called archief.md would replace the archive)."""
    by_slug: dict[str, list[Path]] = defaultdict(list)
    # Names starting with "." are editor lock files and macOS metadata, never content.
    for path in sorted(p for p in folder.glob("*.md") if not p.name.startswith(".")) \
            if folder.is_dir() else []:
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
                problems.append(Problem(
                    path.relative_to(root).as_posix(), 0, 0,
                    f"Deze bestandsnaam geeft het webadres '{slug}', net als: {names}."
                    if slug else "Deze bestandsnaam geeft geen bruikbaar webadres.",
                    "Geef elk bestand een eigen naam met kleine letters, cijfers en koppeltekens."))
            continue
        files.append(paths[0])
    return files


def slug_for(path: Path) -> str:
    """The URL slug of a content file: its name in lower-case ASCII (NFC and NFD give the same)."""
    return slugify(unicodedata.normalize("NFC", path.stem))


def _read_block(file: ContentFile) -> Block | None:
    if file.fields is None:
        return None
    file.fields.refuse_unknown(BLOCK_KEYS)
    title = file.fields.text("title", required=True)
    return Block(slug_for(Path(file.rel)), file.source, title, file.check_body(top_level=3))


def _read_page(file: ContentFile) -> Page | None:
    if file.fields is None:
        return None
    file.fields.refuse_unknown(PAGE_KEYS)
    return Page(slug_for(Path(file.rel)), file.source, file.fields.text("title", required=True),
                file.fields.text("description", required=True), file.check_body())


def _read_vacancy(file: ContentFile, config: SiteConfig, block_names: set[str]) -> Vacancy | None:
    if file.fields is None:
        return None
    f = file.fields
    f.refuse_unknown(VACANCY_KEYS)
    file.check_early_close(VACANCY_KEYS)
    body = file.check_body()
    values = dict(
        title=f.text("title", True), team=f.text("team", True), unit=f.text("unit"),
        grade=f.text("grade", True), summary=f.text("summary", True),
        hours_per_week=f.number("hours_per_week", True), contract=f.text("contract", True),
        location=_location(f), published=f.date("published"), closes=f.date("closes"),
        salary=_salary(f), apply_url=f.url("apply_url"),
        procedure=_procedure(file, f),
        competencies=tuple(collect(f.items("competencies", noun="competentie"), _competency)),
        contact=_contact(f, config.contact), faq=tuple(collect(f.items("faq", noun="link"), read_link)),
        blocks=read_blocks(f, block_names), draft=f.flag("draft"), aliases=read_aliases(f),
    )
    check_date_order(f, values)
    if not values["draft"]:
        file.check_placeholders()
    if any(value is None for key, value in values.items() if key not in ("published", "closes",
                                                                            "salary", "aliases")):
        return None
    return Vacancy(slug=slug_for(Path(file.rel)), source=file.source, body=body,
                   summary_line=file.text_line(("summary",)), **values)


def _procedure(file: ContentFile, f: Fields) -> tuple[Step, ...]:
    """The steps; each step's text follows the Markdown rules, under its ### step title."""
    steps = []
    for index, item in enumerate(f.items("procedure", True, "stap")):
        step = _step(item)
        if step is not None:
            line = file.check_text(step.text, ("procedure", index, "text"), top_level=4)
            steps.append(replace(step, text_line=line))
    return tuple(steps)


def _location(f: Fields) -> Location | None:
    loc = f.mapping("location", True)
    if loc is None:
        return None
    loc.refuse_unknown(LOCATION_KEYS)
    parts = [loc.text(k, True) for k in ("name", "street", "postal_code", "city")]
    return Location(*parts, note=loc.text("note")) if all(parts) else None


def _salary(f: Fields) -> Salary | None:
    salary = f.mapping("salary")
    if salary is None:
        return None
    salary.refuse_unknown(SALARY_KEYS)
    return Salary(scale=salary.text("scale"), url=salary.url("url"))


def _step(s: Fields) -> Step | None:
    s.refuse_unknown(STEP_KEYS)
    title = s.text("title", True)
    step = Step(title=title, text=s.text("text"), date=s.date("date"), tentative=s.flag("tentative"),
                eliminating=s.flag("eliminating"), mode=s.text("mode"),
                duration=s.text("duration"), pass_mark=s.text("pass_mark"))
    return step if title else None


def _competency(c: Fields) -> Competency | None:
    c.refuse_unknown(COMPETENCY_KEYS)
    name, description = c.text("name", True), c.text("description", True)
    return Competency(name, description) if name and description else None


def _contact(f: Fields, default: Contact) -> Contact:
    """The vacancy's own contact; missing parts come from the site's default contact."""
    own = f.mapping("contact")
    if own is None:
        return default
    found = read_contact(own, require_email=False) or Contact(email="")
    return Contact(email=found.email or default.email, phone=found.phone or default.phone,
                   name=found.name, role=found.role)
