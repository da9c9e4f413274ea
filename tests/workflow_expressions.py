"""GitHub Actions expressions (`${{ … }}` and `if:`), as far as this project's workflows use
them: literals, contexts with `.name`, `['name']` and `.*.name`, `!`, `==`, `!=`, `&&`, `||`,
parentheses, and the functions contains, startsWith, endsWith, format, fromJSON, toJSON and
the status functions. Comparisons follow GitHub's rules: strings compare case-insensitively,
and `&&` / `||` give one of their operands, not a boolean. Anything else raises, so that a
workflow that uses more than this harness understands fails its test instead of passing it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

_TOKEN = re.compile(r"""\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)
    |(?P<op>==|!=|&&|\|\||[!().,\[\]*])|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))""", re.X)
_STATUS = ("success", "failure", "always", "cancelled")


class ExpressionError(ValueError):
    pass


def tokens(text: str) -> list[tuple[str, str]]:
    found, at = [], 0
    while at < len(text.rstrip()):
        match = _TOKEN.match(text, at)
        if not match:
            raise ExpressionError(f"cannot read {text[at:]!r} in {text!r}")
        kind = match.lastgroup
        found.append((kind, match.group(kind)))
        at = match.end()
    return found


def uses_status(text: str) -> bool:
    return any(kind == "name" and value in _STATUS for kind, value in tokens(text))


def evaluate(text: str, contexts: dict, status: Callable[[str], bool]):
    parser = _Parser(tokens(text), contexts, status)
    value = parser.disjunction()
    if parser.at < len(parser.tokens):
        raise ExpressionError(f"unexpected {parser.tokens[parser.at][1]!r} in {text!r}")
    return value


def truthy(value) -> bool:
    return value not in (None, False, 0, "") and value == value


def as_text(value) -> str:
    """How GitHub writes a value into a string (`${{ … }}` in env, with, run)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2)
    return str(value)


def interpolate(text: str, contexts: dict, status: Callable[[str], bool]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: as_text(evaluate(m.group(1), contexts, status)), text)


def _equal(left, right) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    if type(left) is not type(right) and not (_number(left) is None or _number(right) is None):
        return _number(left) == _number(right)
    return left == right


def _number(value):
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if value is None:
        return 0.0
    if isinstance(value, str):
        try:
            return float(value) if value.strip() else 0.0
        except ValueError:
            return None
    return None


def _contains(haystack, needle) -> bool:
    if isinstance(haystack, list):
        return any(_equal(item, needle) for item in haystack)
    return as_text(needle).casefold() in as_text(haystack).casefold()


_FUNCTIONS = {
    "contains": _contains,
    "startswith": lambda a, b: as_text(a).casefold().startswith(as_text(b).casefold()),
    "endswith": lambda a, b: as_text(a).casefold().endswith(as_text(b).casefold()),
    "fromjson": lambda text: json.loads(text),
    "tojson": lambda value: json.dumps(value, indent=2),
    "format": lambda text, *values: re.sub(r"\{(\d+)\}", lambda m: as_text(values[int(m.group(1))]), text),
}


class _Parser:
    def __init__(self, found, contexts, status):
        self.tokens, self.at, self.contexts, self.status = found, 0, contexts, status

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise ExpressionError("unexpected end of expression")
        token = self.tokens[self.at]
        if expected is not None and token[1] != expected:
            raise ExpressionError(f"expected {expected!r}, found {token[1]!r}")
        self.at += 1
        return token

    def disjunction(self):
        value = self.conjunction()
        while self.peek() == "||":
            self.take()
            other = self.conjunction()
            value = value if truthy(value) else other
        return value

    def conjunction(self):
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            other = self.comparison()
            value = other if truthy(value) else value
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in ("==", "!="):
            operator = self.take()[1]
            equal = _equal(value, self.unary())
            value = equal if operator == "==" else not equal
        return value

    def unary(self):
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.postfix(self.primary())

    def primary(self):
        kind, value = self.take()
        if kind == "string":
            return value[1:-1].replace("''", "'")
        if kind == "number":
            return float(value)
        if value == "(":
            inner = self.disjunction()
            self.take(")")
            return inner
        if kind != "name":
            raise ExpressionError(f"unexpected {value!r}")
        if value in ("true", "false"):
            return value == "true"
        if value == "null":
            return None
        if self.peek() == "(":
            return self.call(value)
        if value not in self.contexts:
            raise ExpressionError(f"unknown context {value!r}")
        return self.contexts[value]

    def call(self, name: str):
        self.take("(")
        arguments = []
        while self.peek() != ")":
            arguments.append(self.disjunction())
            if self.peek() == ",":
                self.take()
        self.take(")")
        if name in _STATUS:
            return self.status(name)
        function = _FUNCTIONS.get(name.lower())
        if function is None:
            raise ExpressionError(f"function {name!r} is not known to the harness")
        return function(*arguments)

    def postfix(self, value):
        while self.peek() in (".", "["):
            if self.take()[1] == ".":
                name = self.take()[1]
                if name == "*":  # each element; a following .name is taken of each
                    value = list(value.values()) if isinstance(value, dict) else list(value or [])
                else:
                    value = _property(value, name)
            else:
                key = self.disjunction()
                self.take("]")
                value = _property(value, as_text(key)) if not isinstance(value, list) else (
                    value[int(key)] if int(key) < len(value) else None)
        return value


def _property(value, name: str):
    if isinstance(value, list):
        return [_property(item, name) for item in value]
    if isinstance(value, dict):
        for key, item in value.items():
            if key.casefold() == name.casefold():
                return item
    return None
