"""One escaper for untrusted text in GitHub Markdown, in the comment on an issue and in the job
summary alike: no link, mention, issue reference, HTML or formatting of its own, and the text
shown exactly as written.

cmark-gfm (GitHub's parser) renders the Markdown. GitHub links mentions, issue references and
bare addresses after that, in the rendered text, where a backslash no longer counts; FILTERS
find what those filters would link."""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_summary import github_html

from werkenbij.github.forms.check import Outcome, comment_markdown
from werkenbij.github.forms.parse import FormProblem
from werkenbij.github.forms.spec import questions
from werkenbij.github.markdown import WORD_JOINER, literal
from werkenbij.github.summary.markdown import overview_markdown
from werkenbij.github.summary.rows import Overview
from werkenbij.problems import Problem

HOSTILE = ("Mail jan@example.org of @wsw-team, zie #123 en https://evil.example/x, http://evil.example, "
           "www.evil.example, WWW.EVIL.EXAMPLE <img src=x onerror=alert(1)> <!-- c --> [a](javascript:x) "
           "![b](x.png) **vet** _schuin_ ~~weg~~ `code` | cel & &amp; $x$ \\ 'enkel' \"dubbel\"")
# What GitHub links in the rendered text: a mention, an issue, an address, an e-mail address.
FILTERS = {"mention": re.compile(r"(?<!\w)@[A-Za-z0-9]"), "issue": re.compile(r"(?<![\w/])#[0-9]"),
           "address": re.compile(r"https?://|www\.", re.IGNORECASE),
           "e-mail": re.compile(r"[\w.+-]@[A-Za-z0-9-]+\.")}
FORMATTING = ["a", "img", "script", "em", "del", "math", "table"]


def linked_by_github(text: str) -> list[str]:
    return [name for name, pattern in FILTERS.items() if pattern.search(text)]


def test_the_filters_find_what_github_links():
    """Without the escaper, each kind of link is there to be found."""
    assert linked_by_github(HOSTILE) == list(FILTERS)


@pytest.mark.parametrize("text, markdown", [
    ("@wsw-team", "\\@\u2060wsw\\-team"),
    ("#123", "\\#\u2060123"),
    ("jan@example.org", "jan\\@\u2060example\\.org"),
    ("https://evil.example", "https\\:\u2060\\/\\/evil\\.example"),
    ("www.evil.example", "www\u2060\\.evil\\.example"),
    ("<b>'a'</b> | [c](d)", "\\<b\\>'a'\\<\\/b\\> \\| \\[c\\]\\(d\\)"),
    ("twee\nregels\u202e", "twee regels\\\\u202e"),
])
def test_literal_escapes_markdown_and_breaks_what_github_would_link(text, markdown):
    assert literal(text) == markdown


def test_the_comment_on_an_issue_shows_hostile_answers_as_plain_text():
    outcome = Outcome(problems=[FormProblem("closes", f"'{HOSTILE}' is geen geldige datum.", HOSTILE)],
                      others=[Problem(f"content/vacatures/{HOSTILE}.md", 3, 1, HOSTILE, HOSTILE)])
    page = github_html(comment_markdown(outcome, questions({}), "de vacature"))
    assert page.find_all(FORMATTING) == [] and "<!--" not in str(page.body)
    bold = [strong.get_text()[:8] for strong in page.find_all("strong")]
    assert bold == ["Fout in ", "Fout in ", "Edit", "Update c"]  # the comment's own
    text = page.get_text()
    assert linked_by_github(text) == []
    shown = text.replace(WORD_JOINER, "")
    assert f"'{HOSTILE}' is geen geldige datum." in shown and shown.count(HOSTILE) == 5


def test_the_job_summary_shows_hostile_text_as_plain_text():
    hostile = Problem(f"content/pages/{HOSTILE}.md", 2, 1, HOSTILE, HOSTILE)
    overview = Overview(date(2025, 10, 1), (), (hostile,))
    page = github_html(overview_markdown(overview))
    assert page.find_all(FORMATTING) == [] and "<!--" not in str(page.body)
    assert [code.get_text().replace(WORD_JOINER, "") for code in page.find_all("code")] == \
        [f"content/pages/{HOSTILE}.md"]  # the file name, in the summary's own <code>
    text = page.get_text()
    assert linked_by_github(text) == []
    assert text.replace(WORD_JOINER, "").count(HOSTILE) == 3
