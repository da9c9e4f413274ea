"""Hostile text in a content file: invisible characters in the body, Unicode that breaks the
encoders, nesting and Markdown built to be slow, dates at the edge of the calendar. Each gets
a Dutch message with its line, or builds in bounded time; none gets a traceback."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import build_site, copy_of
from werkenbij.problems import ContentError

TODAY = date(2025, 10, 1)
VACANCY = "content/vacatures/maatschappelijk-werker.md"


@pytest.fixture
def site(tmp_path):
    return copy_of("complete", tmp_path)


def body_line(site) -> int:
    """The line number of the body's first paragraph ("Je helpt mensen.")."""
    return (site / VACANCY).read_text("utf-8").split("\n").index("Je helpt mensen.") + 1


def replace(site, old: str, new: str) -> None:
    path = site / VACANCY
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems(site) -> list[tuple[int, int, str]]:
    with pytest.raises(ContentError) as caught:
        build_site(site / "out", TODAY, root=site)
    assert all(p.fix for p in caught.value.problems)
    return [(p.line, p.column, p.message) for p in caught.value.problems]


# -- point 4: bidi controls and invisible characters in the body ---------------------------------

def test_a_right_to_left_override_in_the_body_is_refused_with_its_line(site):
    """U+202E makes a link to evil.example read as a trusted address."""
    line = body_line(site)
    replace(site, "Je helpt mensen.", "Lees [\u202eeb.kjirtrok.www//:sptth](https://evil.example/).")
    assert problems(site) == [(line, 7, "Hier staat een onzichtbaar stuurteken (U+202E).")]


def test_a_zero_width_space_does_not_hide_a_vague_link_text(site):
    line = body_line(site)
    replace(site, "Je helpt mensen.", "Lees [hi\u200ber](https://www.example.org/).")
    assert problems(site) == [
        (line, 6, "De linktekst 'hi\u200ber' zegt niet waar de link naartoe gaat."),
        (line, 9, "Hier staat een onzichtbaar stuurteken (U+200B).")]


@pytest.mark.parametrize("character", ["\u2066", "\ufeff", "\u0007", "\u0085", "\ufdd0", "\U0001fffe",
                                       "\u061c", "\u180e", "\u2028", "\u3164", "\ue000", "\U000e0067"])
def test_every_kind_of_invisible_character_in_the_body_is_named(site, character):
    line = body_line(site)
    replace(site, "Je helpt mensen.", f"Je helpt{character} mensen.")
    assert problems(site) == [(line, 9, f"Hier staat een onzichtbaar stuurteken (U+{ord(character):04X}).")]


@pytest.mark.parametrize("character", ["\u061c", "\u180e"],
                         ids=["arabic letter mark", "mongolian vowel separator"])
def test_an_invisible_mark_in_the_title_never_reaches_the_page(site, character):
    """Both passed the rule when it was a list of characters, into the page's <title>."""
    replace(site, "title: Maatschappelijk werker", f"title: Maatschappelijk{character}werker")
    assert problems(site) == [(2, 8, f"'title' (de functietitel) bevat een onzichtbaar stuurteken "
                                     f"(U+{ord(character):04X}).")]
    assert not (site / "out").exists()


def test_emoji_keep_the_joiners_and_tags_they_are_made_of(site):
    """The joiner in 👩‍💻 and the tag characters of the flag of England are format characters
    too, but part of what the reader sees: one picture."""
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    coder, firefighter = "\U0001f469\u200d\U0001f4bb", "\U0001f468\U0001f3fd\u200d\U0001f692"
    replace(site, "title: Maatschappelijk werker", f"title: Maatschappelijk werker {coder}")
    replace(site, "Je helpt mensen.", f"Je helpt mensen {england} {firefighter}.")
    page = (build_site(site / "out", TODAY, root=site) / "vacatures/maatschappelijk-werker/index.html")
    html = page.read_text("utf-8")
    assert f"<title>Maatschappelijk werker {coder}" in html and f"{england} {firefighter}" in html


def test_a_tab_in_the_body_is_ordinary(site):
    replace(site, "Je helpt mensen.", "Je helpt\tmensen.")
    assert (build_site(site / "out", TODAY, root=site) / "index.html").is_file()


# -- point 11: Unicode that breaks encoders --------------------------------------------------------

@pytest.mark.parametrize("escape, code", [("\\ud800", "D800"), ("\\uffff", "FFFF"), ("\\U0010FFFE", "10FFFE"),
                                          ("\\x85", "0085")])
def test_a_surrogate_or_noncharacter_in_a_field_is_refused(site, escape, code):
    """YAML's escapes can write what UTF-8 cannot: a lone surrogate crashed the encoder."""
    replace(site, "summary: Een testvacature die elk veld invult.",
            f'summary: "Een testvacature{escape} die elk veld invult."')
    [(line, _, message)] = problems(site)
    assert message == f"'summary' (de korte samenvatting) bevat een onzichtbaar stuurteken (U+{code})."


# -- points 9 and 10: nesting and Markdown built to be slow ------------------------------------------

def nested_front_matter(depth: int) -> str:
    return "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "b: c\n"


@pytest.mark.parametrize("front, line", [
    ("title: " + "[" * 100_000 + "\n", 2),          # killed the process (SIGSEGV) before
    (nested_front_matter(300), 14),                  # 1,000 gave a RecursionError
], ids=["flow-brackets", "nested-mappings"])
def test_deep_yaml_is_refused_before_it_is_composed(site, front, line):
    (site / "content/vacatures/diep.md").write_text("---\n" + front + "---\n\nTekst.\n", "utf-8")
    found = problems(site)
    assert [(n, m) for n, _, m in found] == [
        (line, "De gegevens zijn te diep genest (meer dan 12 niveaus blokken of lijsten in elkaar).")]


@pytest.mark.parametrize("body, message", [
    ("".join("  " * i + "- a\n" for i in range(300)), "Deze regel is te diep genest"),
    (">" * 5000 + " a\n", "Deze regel is te diep genest"),
    ("[a](" * 24_000 + "\n", "Deze alinea heeft te veel tekens '['"),
    ("*a**" * 100_000 + "\n", "Deze alinea heeft te veel tekens '*'"),
], ids=["lists", "quotes", "open-links", "emphasis"])
def test_markdown_built_to_be_slow_is_refused_at_once(site, body, message):
    replace(site, "Je helpt mensen.", "Je helpt mensen.\n\n" + body)
    [(_, _, found)] = problems(site)
    assert found.startswith(message)


def test_the_worst_body_within_the_limits_builds_in_seconds(site):
    """A content file near the size limit, every paragraph at the limits of MAX_MARKS: the
    time is measured in bench/, here only bounded, with a wide margin for a slow machine."""
    import time

    from werkenbij.inputs import MAX_CONTENT_BYTES
    from werkenbij.read.markdown_rules import MAX_MARKS

    paragraph = "Tekst [a](" * MAX_MARKS["["] + "\n\n"
    replace(site, "Je helpt mensen.", paragraph * ((MAX_CONTENT_BYTES - 4096) // len(paragraph)))
    started = time.monotonic()
    out = build_site(site / "out", TODAY, root=site)
    assert time.monotonic() - started < 60
    assert (out / "vacatures/maatschappelijk-werker/index.html").stat().st_size > 400_000


def test_forty_thousand_equal_headings_get_ids_in_one_pass():
    from werkenbij.markdown_html import MarkdownConverter
    from werkenbij.render.markdown import MarkdownRenderer, PageIds

    html = str(MarkdownRenderer("/", MarkdownConverter()).render("## a\n\n" * 40_000, PageIds()))
    assert html.count('id="a-') == 39_999 and 'id="a-40000"' in html


# -- point 12: dates at the edge -------------------------------------------------------------------

@pytest.mark.parametrize("day", ["9999-12-31", "1906-12-31", "0001-01-01"])
def test_a_date_outside_the_plausible_years_is_refused(site, day):
    replace(site, "closes: 2025-10-31", f"closes: {day}")
    [(_, _, message)] = problems(site)
    assert message == (f"'closes' (de laatste dag om te solliciteren) ligt in het jaar {int(day[:4])}: "
                       "is het jaartal juist?")


# -- point 25: raw HTML in an indented line of a list item -----------------------------------------

def test_raw_html_indented_inside_a_list_item_is_refused(site):
    """Four spaces inside a list item make a paragraph, not code: the tag showed as text."""
    line = body_line(site)
    replace(site, "Je helpt mensen.", "- Een punt\n\n    <script>alert(1)</script>\n")
    assert problems(site) == [(line + 2, 5, "HTML (<script…) is niet toegelaten in de tekst.")]


def test_raw_html_in_a_real_code_block_is_left_alone(site):
    replace(site, "Je helpt mensen.", "Je helpt mensen.\n\n    <b>voorbeeld</b>\n")
    assert (build_site(site / "out", TODAY, root=site) / "index.html").is_file()
