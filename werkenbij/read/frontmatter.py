"""Split a content file into its YAML front matter and its Markdown body (a pure function)."""

from __future__ import annotations

from dataclasses import dataclass

_FENCE = "---"


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
    return None, SplitMistake(1, "De gegevens bovenaan worden nooit afgesloten met '---'.",
                              "Zet een regel met alleen '---' tussen de gegevens en de tekst.")
