"""Warnings for editors: not mistakes, but things that make a vacancy harder to use.

Shown and counted on every build; with `--strict` they fail the build like errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..problems import Problem, Severity
from ..schedule import vacancy_state
from ..vacancy import Block, Page, Vacancy
from .markdown_rules import FENCE as _FENCE

MAX_WORDS = 25  # plain language at B1 level: most sentences well under 20 words
_BLOCK_START = re.compile(r"^\s*([-*+]|\d+[.)]|#{1,6})\s")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9'‘“(])")
_WORD = re.compile(r"[\w€]+(?:[-'’.,/][\w]+)*")


def vacancy_warnings(vacancy: Vacancy, today: date) -> list[Problem]:
    warnings = list(_completeness(vacancy, today))
    path = vacancy.source.path
    warnings += long_sentences(vacancy.summary, vacancy.summary_line, path)
    warnings += long_sentences(vacancy.body, vacancy.source.body_line, path)
    for step in vacancy.procedure:
        warnings += long_sentences(step.text, step.text_line, path)
    return warnings


def shared_warnings(pages: tuple[Page, ...], blocks: tuple[Block, ...]) -> list[Problem]:
    return [w for item in (*pages, *blocks)
            for w in long_sentences(item.body, item.source.body_line, item.source.path)]


def _completeness(vacancy: Vacancy, today: date) -> Iterator[Problem]:
    """An open vacancy that closes without a last day to apply (the day before its first dated
    step, or before its work begins): candidates read no deadline. Open-ended is a choice."""
    if vacancy.closes is None and not vacancy.open_ended and vacancy_state(vacancy, today).is_open:
        yield Problem(vacancy.source.path, 1, 0, "De vacature is open maar heeft geen 'closes'-datum; "
                      "kandidaten zien niet tot wanneer ze kunnen solliciteren.",
                      "Voeg 'closes: JJJJ-MM-DD' toe met de laatste dag om te solliciteren.",
                      severity=Severity.WARNING)
    is_open = vacancy_state(vacancy, today).is_open
    if vacancy.published_unknown and is_open:
        yield Problem(vacancy.source.path, 1, 0, "De vacature is open met 'published: onbekend', dus "
                      "zoekmachines krijgen geen gestructureerde vacaturegegevens (JobPosting) en ze "
                      "staat niet in de nieuwsfeed.", "Weet je de dag waarop ze online kwam? Schrijf "
                      "die dan bij 'published' (JJJJ-MM-DD).", severity=Severity.WARNING)
    if not vacancy.locations and is_open:
        yield Problem(vacancy.source.path, 1, 0, "De vacature noemt geen werkplek, dus zoekmachines "
                      "krijgen geen gestructureerde vacaturegegevens (JobPosting): Google vraagt waar "
                      "je werkt.", "Voeg 'location:' toe met minstens de gemeente ('city') of de "
                      "regio ('region').", severity=Severity.WARNING)


def long_sentences(text: str, first_line: int, path: str) -> list[Problem]:
    """A warning for each sentence of more than MAX_WORDS words, at the line where it starts."""
    warnings = []
    for line, chunk in _chunks(text, first_line):
        plain = _LINK.sub(r"\1", chunk)
        offset = 0
        for sentence in _SENTENCE_END.split(plain):
            count = len(_WORD.findall(sentence))
            if count > MAX_WORDS:
                start = line + plain[:plain.find(sentence, offset)].count("\n")
                warnings.append(Problem(
                    path, start, 0, f"Deze zin telt {count} woorden: \"{_opening(sentence)}…\". "
                    f"Zinnen van meer dan {MAX_WORDS} woorden zijn moeilijk te lezen (taalniveau B1).",
                    "Splits de zin in twee of drie korte zinnen.", severity=Severity.WARNING))
            offset += len(sentence)
    return warnings


def _chunks(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Paragraphs and list items with the line each starts on; code and headings left out."""
    current: list[str] = []
    start = first_line
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
        new_block = in_fence or not line.strip() or _BLOCK_START.match(line) or _FENCE.match(line)
        if new_block and current:
            yield start, "\n".join(current)
            current = []
        if in_fence or _FENCE.match(line) or not line.strip() or line.lstrip().startswith("#"):
            continue
        if not current:
            start = number
        current.append(_BLOCK_START.sub("", line) if _BLOCK_START.match(line) else line)
    if current:
        yield start, "\n".join(current)


def _opening(sentence: str) -> str:
    return " ".join(sentence.split()[:6])
