"""YAML for front matter and settings that keeps exactly what the editor wrote.

PyYAML implements YAML 1.1, where `no` becomes False, `0471234567` an octal number and
`14:30` the number 870. We therefore compose the document into nodes and keep every scalar as
the text that was typed; the model decides per field whether it wants text, a number, a date
or a yes/no value. Anchors and aliases are refused before they are expanded, so an alias bomb
fails at once instead of eating memory. Every value keeps its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Key = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
_KEY_MARK = "\x00key"  # marks the position of a key (not its value) while composing


@dataclass(frozen=True)
class YamlMistake:
    """A mistake found while reading YAML, with a 1-based position inside the YAML text."""

    line: int
    column: int
    message: str
    fix: str


@dataclass(frozen=True)
class YamlDocument:
    """Plain data (dict / list / str / None) plus the position of every value in it."""

    data: Any
    positions: dict[Key, tuple[int, int]]
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def where(self, key: Key) -> tuple[int, int]:
        """Position of the value at `key`, or of its nearest parent that has one."""
        while key not in self.positions and key:
            key = key[:-1]
        return self.positions.get(key, (1, 1))

    def where_key(self, key: Key) -> tuple[int, int]:
        """Position of the key itself (for a key that should not be there)."""
        return self.key_positions.get(key) or self.where(key)


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str, fix: str):
        super().__init__(message)
        self.mistake = YamlMistake(mark.line + 1, mark.column + 1, message, fix)


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            _refuse(event.start_mark)
        return super().compose_node(parent, index)


_FAST = getattr(yaml, "CSafeLoader", None)  # libyaml, when the wheel has it


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml (fast), refusing anchors and aliases from the event stream first,
    before anything could be expanded. On any syntax error, parse again with the pure-Python
    loader: its messages are the ones `_ADVICE` knows how to explain."""
    _scan(text)
    if _FAST is not None:
        try:
            return yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            pass
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


MAX_DEPTH = 12  # a vacancy nests 4 deep (procedure, step, ...); composing is recursive


def _scan(text: str) -> None:
    """Read the event stream (a loop, not a recursion) before composing: anchors and aliases
    are refused before anything could be expanded, and nesting deeper than MAX_DEPTH before
    the composer recurses into it. A syntax error is left for the loader that explains it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST or yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                _refuse(event.start_mark)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(event.start_mark, "De gegevens zijn te diep genest (meer dan "
                                   f"{MAX_DEPTH} niveaus blokken of lijsten in elkaar).",
                                   "Vergelijk met een bestaand bestand; een [ of { hoort tussen "
                                   "aanhalingstekens als het bij de tekst hoort.")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass


def _refuse(mark: yaml.Mark) -> None:
    raise _Refused(mark, "Ankers en verwijzingen (& en *) worden niet ondersteund.",
                   "Schrijf de waarde voluit, of zet ze tussen aanhalingstekens als & of * "
                   "bij de tekst hoort.")


def parse_yaml(text: str, first_line: int = 1) -> tuple[YamlDocument | None, list[YamlMistake]]:
    """Parse one YAML document whose first line is line `first_line` of its file.

    Returns the document (None if unreadable) and all mistakes, with file line numbers.
    """
    for number, line in enumerate(text.split("\n"), start=first_line):
        indent = re.match(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*", line).group()
        if indent.strip(" \t"):
            return None, [YamlMistake(number, 1, "Er staat een onzichtbare harde spatie in de "
                                      "inspringing (vaak na kopiëren uit Word).",
                                      "Wis de spaties vooraan de regel en typ gewone spaties.")]
    # Blank lines in front keep PyYAML's marks equal to the file's line numbers.
    padded = "\n" * (first_line - 1) + text
    try:
        node = _compose(padded)
    except _Refused as refused:
        return None, [refused.mistake]
    except yaml.MarkedYAMLError as error:
        return None, [_curly_line(padded, error) or _unclosed_quote(padded, error) or _explain(error)]
    mistakes: list[YamlMistake] = []
    positions: dict[Key, tuple[int, int]] = {}
    data = _to_data(node, (), positions, mistakes) if node is not None else None
    keys = {k[:-1]: v for k, v in positions.items() if k and k[-1] == _KEY_MARK}
    return YamlDocument(data, {k: v for k, v in positions.items() if not k or k[-1] != _KEY_MARK},
                        keys), mistakes


def _to_data(node: yaml.Node, key: Key, positions: dict, mistakes: list[YamlMistake]) -> Any:
    positions[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, key, positions, mistakes)
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, key + (i,), positions, mistakes) for i, item in enumerate(node.value)]
    if not node.style and node.value in _NULLS:  # plain style: None (Python) or "" (libyaml)
        return None
    if not node.style and curly_quoted(node.value):
        mistakes.append(_curly_mistake(node.start_mark.line + 1, node.start_mark.column + 1))
    return node.value


# Word turns " and ' into these while you type; YAML does not read them as quotes, so the
# value would keep them (and a ': ' inside would break the line).
CURLY_OPEN, CURLY_CLOSE = "“‘„‚«", "”’“‘»"


def curly_quoted(value: str) -> bool:
    return len(value) >= 2 and value[0] in CURLY_OPEN and value[-1] in CURLY_CLOSE


def _curly_mistake(line: int, column: int) -> YamlMistake:
    return YamlMistake(line, column, "Deze waarde staat tussen gekrulde aanhalingstekens (“…” of "
                       "‘…’), zoals Word ze maakt. De site leest die als tekst.",
                       'Vervang ze door gewone aanhalingstekens: "…". Typ ze in je teksteditor, '
                       "niet in Word.")


def _mapping(node: yaml.MappingNode, key: Key, positions: dict, mistakes: list) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        mark = key_node.start_mark
        if not isinstance(key_node, yaml.ScalarNode):
            mistakes.append(YamlMistake(mark.line + 1, mark.column + 1,
                                        "Een sleutel moet gewone tekst zijn.",
                                        "Schrijf de sleutel als één woord gevolgd door ': '."))
            continue
        name = key_node.value
        if name in result:
            first_line = positions[key + (name,)][0]
            mistakes.append(YamlMistake(
                mark.line + 1, mark.column + 1,
                f"'{name}' staat twee keer in dit blok (ook op regel {first_line}).",
                "Houd één van de twee over; anders telt alleen de laatste.",
            ))
            continue
        positions[key + (name, _KEY_MARK)] = (mark.line + 1, mark.column + 1)
        result[name] = _to_data(value_node, key + (name,), positions, mistakes)
    return result


# PyYAML's own problem texts, turned into advice an editor can act on.
_ADVICE = [
    ("found character '\\t'", "Er staat een tab in de inspringing.",
     "Spring in met spaties, niet met tabs."),
    ("mapping values are not allowed here", "Er staat een ': ' in een waarde zonder aanhalingstekens.",
     "Zet de waarde tussen aanhalingstekens, bijvoorbeeld: title: \"Deel 1: speedinterview\"."),
    ("could not find expected ':'", "Deze regel is geen 'sleutel: waarde'.",
     "Controleer de inspringing en zet tekst met een dubbele punt tussen aanhalingstekens."),
    ("while scanning a quoted scalar", "Een aanhalingsteken wordt niet gesloten.",
     "Sluit elke waarde af met hetzelfde aanhalingsteken als waarmee ze begint."),
    ("found unexpected end of stream", "Een aanhalingsteken wordt niet gesloten.",
     "Sluit elke waarde af met hetzelfde aanhalingsteken als waarmee ze begint."),
    ("expected <block end>", "De inspringing klopt niet: deze regel staat verder of minder ver "
     "in dan de regels van hetzelfde blok.",
     "Laat elke '- ' van een lijst en elke sleutel van een blok op dezelfde kolom beginnen."),
    ("expected a single document", "Er staat een extra regel '---' in de gegevens.",
     "Houd alleen de '---' boven en onder de gegevens over."),
    ("but found another document", "Er staat een extra regel '---' in de gegevens.",
     "Houd alleen de '---' boven en onder de gegevens over."),
    ("cannot start any token", "Deze regel begint met een teken dat YAML niet verwacht.",
     "Zet de waarde tussen aanhalingstekens."),
    ("did not find expected key", "De inspringing klopt niet, of een waarde met een teken zoals "
     "' of \" is niet goed afgesloten.",
     "Vergelijk de inspringing met de regels erboven en sluit aanhalingstekens."),
    ("did not find expected '-' indicator", "De inspringing van deze lijst klopt niet.",
     "Laat elke '- ' van de lijst op dezelfde kolom beginnen."),
    ("could not find expected", "Deze regel is geen 'sleutel: waarde'.",
     "Controleer de inspringing en zet tekst met een dubbele punt tussen aanhalingstekens."),
]


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError) -> YamlMistake | None:
    """A value with an opening quote but no closing one swallows the next lines, and PyYAML
    then complains far below it. Point at the first line (up to the error) whose double
    quotes do not pair up."""
    last = error.problem_mark.line if error.problem_mark else len(text)
    for index, line in enumerate(text.split("\n")[: last + 1]):
        value = line.split(": ", 1)[1] if ": " in line else ""
        if re.sub(r'\\.', "", value).count('"') % 2 and not line.lstrip().startswith("#"):
            return YamlMistake(index + 1, line.find('"') + 1, "Een aanhalingsteken wordt niet "
                               "gesloten.", "Sluit elke waarde af met hetzelfde aanhalingsteken "
                               "als waarmee ze begint.")
    return None


def _curly_line(text: str, error: yaml.MarkedYAMLError) -> YamlMistake | None:
    """A value in curly quotes with ': ' inside breaks the line, and PyYAML then says quotes
    are missing although the editor typed them: name the curly quotes instead."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    line = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
    value = line.split(": ", 1)[1].strip() if ": " in line else line.strip().removeprefix("- ")
    if value and value[0] in CURLY_OPEN:  # "" is in every string
        return _curly_mistake(mark.line + 1, line.find(value[0]) + 1)
    return None


def _explain(error: yaml.MarkedYAMLError) -> YamlMistake:
    mark = error.problem_mark or error.context_mark
    if "quoted scalar" in (error.context or "") and error.context_mark:
        mark = error.context_mark  # where the unclosed quote opens, not where the file ends
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = f"{error.problem or ''} {error.context or ''}"
    for needle, message, fix in _ADVICE:
        if needle in problem:
            return YamlMistake(line, column, message, fix)
    return YamlMistake(line, column, f"De YAML is niet leesbaar ({error.problem}).",
                       "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel.")
