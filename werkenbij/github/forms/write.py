"""A vacancy file as an editor would write it: the keys in the order of the template of
`build.py new`, its explanations as comments, and quotes only where YAML needs them.

The writer also remembers which form question each line came from, so that a mistake the
content reader reports at a line can be told by the question instead (check.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ...read.yamltext import CURLY_OPEN
from ...vacancy.keys import KEYS, Top, keys_in_order


def _groups() -> list[list[str]]:
    groups: list[list[str]] = []
    for key in (key for key in KEYS if len(key.path) == 1):
        if key.new_group or not groups:
            groups.append([])
        groups[-1].append(key.name)
    return groups


# The order, comments and groups of templates/nieuwe-vacature.md, from the key table (a test
# holds the template to the table).
ORDER = keys_in_order("")
STEP_ORDER = keys_in_order(Top.PROCEDURE)
COMMENTS = {key.name: key.comment for key in KEYS if key.comment}
GROUP_COMMENTS = {key.name: key.lead for key in KEYS if key.lead}
# Keys that the template keeps together; a blank line comes before each group, as there.
GROUPS = tuple(tuple(group) for group in _groups())
COMMENT_COLUMN = 36  # where the template's comments start

# Values that may stay plain although YAML would read them as a date, number or yes/no: what
# the template itself writes plain, and what the content reader reads as text anyway.
_PLAIN = {key.name: key.plain for key in KEYS if key.plain}
_FLAGS = {key.name for key in KEYS if key.flag}
_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`") | set(CURLY_OPEN)
_NUMBER_LIKE = re.compile(r"[-+.0-9][-+.0-9 /()eE]*")  # a phone number, a postal code, 1e3
_YES_NO = {"ja", "nee", "yes", "no", "y", "n", "true", "false", "on", "off", "null", "~"}
# A line of a block (`|`) that starts with a hard space or another wide space: the content
# reader takes it for one pasted into the indentation, so such a text is written quoted.
_SPACE_FIRST = re.compile(r"^[ \t]*[^\S \t\n]", re.M)


@dataclass(frozen=True)
class WrittenFile:
    """The file's text, and for each line (1-based) the form question it came from."""

    text: str
    lines: dict[int, str]


def vacancy_text(data: dict[str, Any], sections: list[tuple[str, str]], headings: dict[str, str],
                 issue: int | None = None) -> WrittenFile:
    """The whole file: front matter in ORDER, then the body sections (`headings`: the default
    heading of each section question, used unless the text starts with its own `## `)."""
    writer = _Writer()
    writer.line("---")
    made = f" (issue #{issue})" if issue else ""
    writer.line(f"# Gemaakt met het formulier \"Nieuwe vacature\"{made}.")
    writer.line("# Meer uitleg over elk veld: content/LEESMIJ.md.")
    group = None
    for key in (k for k in ORDER if k in data):
        this = next(g for g in GROUPS if key in g)
        if this != group:
            writer.line("")
            if key in GROUP_COMMENTS:
                writer.line(GROUP_COMMENTS[key])
        group = this
        writer.value(key, data[key], (key,), 0)
    writer.line("---")
    for id, text in sections:
        writer.line("")
        if not text.lstrip().startswith("## ") and headings.get(id):
            writer.line(f"## {headings[id]}", id)
            writer.line("")
        for line in text.split("\n"):
            writer.line(line.rstrip(), id)
    return WrittenFile("\n".join(writer.out) + "\n", writer.lines)


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.lines: dict[int, str] = {}

    def line(self, text: str, question: str = "") -> None:
        self.out.append(text)
        if question:
            self.lines[len(self.out)] = question

    def value(self, name: str, value: Any, key: tuple[str, ...], indent: int, lead: str = "") -> None:
        """`name: value` at `indent`; `lead` replaces the indent's last two spaces ('- ')."""
        start = " " * indent if not lead else " " * (indent - 2) + lead
        question, comment = _question(key), COMMENTS.get(".".join(k for k in key if k != "*"), "")
        if isinstance(value, dict):
            self.line(_commented(f"{start}{name}:", comment), question)
            first = len(self.out)
            for child in value:
                self.value(child, value[child], key + (child,), indent + 2)
            self.lines[first] = self.lines.get(first + 1, question)  # the block's line: its first answer
        elif isinstance(value, list):
            self.line(_commented(f"{start}{name}:", comment), question)
            for item in value:
                if isinstance(item, dict):
                    keys = STEP_ORDER if key == (Top.PROCEDURE,) else tuple(item)
                    for index, child in enumerate(k for k in keys if k in item):
                        self.value(child, item[child], key + ("*", child), indent + 4,
                                   "- " if index == 0 else "")
                else:
                    self.line(f"{' ' * (indent + 2)}- {scalar(item, key)}", question)
        elif "\n" in value and not _SPACE_FIRST.search(value):
            self.line(f"{start}{name}: |", question)
            for text in value.split("\n"):
                self.line(f"{' ' * (indent + 2)}{text.rstrip()}" if text.strip() else "", question)
        else:
            self.line(_commented(f"{start}{name}: {scalar(value, key)}", comment), question)


def _question(key: tuple[str, ...]) -> str:
    """The form question of a key: a step's or list item's parts belong to the list's question."""
    if "*" in key:
        return "-".join(key[:key.index("*")])
    return "-".join(key)


def _commented(line: str, comment: str) -> str:
    return f"{line.ljust(COMMENT_COLUMN - 2)}  # {comment}" if comment else line


def scalar(text: str, key: tuple[str, ...] = ()) -> str:
    """One line of text as YAML: plain when it reads back as exactly this text, else quoted."""
    dotted = ".".join(k for k in key if k != "*")
    if dotted in _PLAIN and re.fullmatch(_PLAIN[dotted], text):
        return text
    if dotted in _FLAGS and text in ("true", "false"):
        return text
    return text if _plain_is_safe(text) else quoted(text)


def quoted(text: str) -> str:
    """Double quotes, with JSON's escapes (which YAML shares) and every invisible character
    written as \\uXXXX, or \\UXXXXXXXX past U+FFFF (a tag character of a flag)."""
    inner = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                   for c in inner)


def _plain_is_safe(text: str) -> bool:
    if not text or text != text.strip() or not text.isprintable():
        return False
    if text[0] in _SPECIAL_START or text.lower() in _YES_NO or text.endswith(":") or \
            _NUMBER_LIKE.fullmatch(text):
        return False
    if ": " in text or " #" in text or "\t" in text:
        return False
    try:  # a number, a date, 12:30 (a YAML 1.1 number) …: another tool would read something else
        return yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        return False
