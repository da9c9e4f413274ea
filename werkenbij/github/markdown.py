"""Untrusted text as plain text in GitHub Markdown: the one escaper of the job summary
(summary/markdown.py) and of the comment on an issue (forms/check.py).

Untrusted is everything an editor wrote or a message quotes from it: a title, a file name, an
answer of a form. Shown with `literal`, no such text can end a table cell, open a link, an
image or an HTML tag, mention someone, link an issue or turn into an automatic link.
"""

from __future__ import annotations

import re

from ..report import printable

_BLANKS = re.compile(r"[ \t\r\n]+")
# Every ASCII punctuation character but the quotes: those mean something only inside a link's
# title or an HTML attribute, and neither can open. Left as typed, the quotes around the names in
# a message stay easy to read where the comment is shown raw (in the e-mail GitHub sends).
_PUNCTUATION = re.compile(r"([!#-&(-/:-@\[-`{-~])")
# GitHub links some text after the Markdown is rendered, where a backslash no longer counts: an
# address (https://…, www.…, jan@example.org), a mention (@team) and an issue (#12). An invisible
# word joiner after the character that starts each one keeps it text: a mention or an issue
# needs a letter or digit right after its @ or #, an address its // or its dot.
_LINKED_AFTER = re.compile(r"(?<=[@#])|(?<=:)(?=//)|(?<=www)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def literal(text: str) -> str:
    """`text` as Markdown that shows exactly it, on one line: CommonMark lets a backslash escape
    any ASCII punctuation character, and GitHub's tables take `\\|` as a pipe inside a cell.
    Invisible and control characters become visible (report.printable), line breaks a space."""
    shown = printable(_BLANKS.sub(" ", text).strip())
    return _PUNCTUATION.sub(r"\\\1", _LINKED_AFTER.sub(WORD_JOINER, shown))
