"""Split a content file into its YAML front matter and its Markdown body (a pure function)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_FENCE = "---"
_HEADING = re.compile(r"#{2,6} \S")  # a Markdown heading, which YAML reads as a comment
# A line that belongs to the data: a key, an item of a list, or a line indented under one.
_DATA_LINE = re.compile(r"[\w\"'-][^:#]*:(\s|$)|-(\s|$)|\s+\S")


@dataclass(frozen=True)
class SplitFile:
    """The parts of a content file; line numbers are 1-based lines of the whole file."""

    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


@dataclass(frozen=True)
class SplitMistake:
    line: int
    message: str
    fix: str


def decode_content(raw: bytes) -> tuple[str | None, SplitMistake | None]:
    """Decode UTF-8 (with or without BOM) and normalise CRLF/CR line ends to LF."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, SplitMistake(
            line, "Het bestand is niet in UTF-8 opgeslagen.",
            "Bewaar het bestand opnieuw met codering UTF-8 (in de meeste editors: "
            "Opslaan als → Codering → UTF-8).")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split_front_matter(text: str) -> tuple[SplitFile | None, SplitMistake | None]:
    """Find the block between the first two `---` lines; the rest is the body."""
    if not text.strip():
        return None, SplitMistake(1, "Het bestand is leeg.",
                                  "Kopieer een bestaand bestand en pas het aan.")
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        return None, SplitMistake(1, "Het bestand begint niet met '---' (de start van de gegevens).",
                                  "Zet '---' op de eerste regel, dan de gegevens, dan weer '---'.")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            return SplitFile(
                front_matter="\n".join(lines[1:index]) + "\n",
                front_matter_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            ), None
    last = _probable_end(lines)
    return None, SplitMistake(
        min(last + 1, len(lines)),
        f"De gegevens bovenaan worden nooit afgesloten met '---': ze stoppen waarschijnlijk na "
        f"regel {last}.", f"Zet na regel {last} een regel met alleen '---', tussen de gegevens en "
        "de tekst.")


def _probable_end(lines: list[str]) -> int:
    """The 1-based line where the data of a never-closed front matter probably ends: the last
    data line before the first line YAML cannot read (the text below, mostly), not counting the
    blank lines and the Markdown headings (which YAML reads as comments) in between. A heading
    of level 2 or more after a blank line ends the data too: YAML would read on past it when the
    text below happens to look like data."""
    try:
        yaml.safe_load("\n".join(lines[1:]))
        broken = len(lines)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        broken = mark.line + 2 if mark else len(lines)  # the mark counts from the line after ---
    headings = [number for number in range(3, broken) if _HEADING.match(lines[number - 1])
                and not lines[number - 2].strip()]
    broken = min([broken, *headings])
    data = [number for number in range(2, min(broken, len(lines)) + 1)
            if _DATA_LINE.match(lines[number - 1])]
    return data[-1] if data else 1
