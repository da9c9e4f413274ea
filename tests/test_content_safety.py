"""YAML keeps the text as written; Markdown content can never become markup or script."""

from __future__ import annotations

import re

from helpers import ROOT
from werkenbij.markdown_html import MarkdownConverter
from werkenbij.read.markdown_rules import check_markdown
from werkenbij.read.yamltext import parse_yaml
from werkenbij.render.markdown import MarkdownRenderer, PageIds


def test_yaml_1_1_surprises_stay_text():
    doc, mistakes = parse_yaml("a: no\nb: 0471234567\nc: 14:30\nd: on\n")
    assert mistakes == []
    assert doc.data == {"a": "no", "b": "0471234567", "c": "14:30", "d": "on"}


def test_duplicate_key_is_reported_with_both_lines():
    _, [mistake] = parse_yaml("title: Een\nteam: X\ntitle: Twee\n")
    assert (mistake.line, mistake.message) == (3, "'title' staat twee keer in dit blok (ook op regel 1).")


def test_alias_bomb_is_refused_before_expansion():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n" + "".join(
        f"d{i}: &d{i} [*c, *c, *c]\n" for i in range(30))
    doc, [mistake] = parse_yaml(bomb)
    assert doc is None and mistake.line == 1
    assert mistake.message == "Ankers en verwijzingen (& en *) worden niet ondersteund."


def test_tab_and_colon_mistakes_get_a_fix():
    _, [tab] = parse_yaml("location:\n\tcity: Kortrijk\n")
    assert tab.message == "Er staat een tab in de inspringing."
    _, [colon] = parse_yaml("title: Deel 1: speedinterview\n")
    assert colon.fix.startswith("Zet de waarde tussen aanhalingstekens")


def render(text: str) -> str:
    return str(MarkdownRenderer("/", MarkdownConverter()).render(text, PageIds()))


def test_raw_html_and_script_urls_do_not_survive_rendering():
    html = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n'
                  '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( java\tscript:x)\n\n'
                  '![d](data:image/png;base64,xx) [e](vbscript:x)\n\ntekst {: onclick="x()" }\n\n{{ 7*7 }}')
    assert "<script" not in html and "<img src=x" not in html
    assert "javascript" not in html.lower().replace("java\tscript", "") and "vbscript" not in html
    assert "data:" not in html and 'onclick="' not in html.replace('{: onclick="x()" }', "")
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html


def test_markdown_rules_point_at_the_line():
    problems = check_markdown("## Goed\n\n# Te hoog\n\n#### Sprong\n\n[klik hier](https://x.be)\n"
                              "<b>vet</b>\n![](foto.png)\n", 10, "x.md", MarkdownConverter())
    assert [(p.line, p.message) for p in problems] == [
        (12, "Een kop met # maakt een extra hoofdtitel; de titel van de pagina is al de enige h1."),
        (14, "Deze kop slaat een niveau over (van ## naar ####)."),
        (16, "De linktekst 'klik hier' zegt niet waar de link naartoe gaat."),
        (17, "HTML (<b…) is niet toegelaten in de tekst."),
        (18, "Deze afbeelding heeft geen alt-tekst."),
    ]


def test_content_headings_never_take_an_id_the_templates_use():
    from werkenbij.render.markdown import TEMPLATE_IDS

    html = render("## Inhoud\n\n## Procedure\n\n## Vragen\n\n## Eigen kop")
    assert 'id="inhoud-2"' in html and 'id="procedure-2"' in html and 'id="vragen-2"' in html
    assert 'id="eigen-kop"' in html
    templates = ROOT / "templates"
    used = {match for path in templates.rglob("*.html")
            for match in re.findall(r'id="([a-z-]+)"', path.read_text("utf-8"))}
    assert used == set(TEMPLATE_IDS)


def test_empty_and_null_values_read_the_same_with_either_yaml_parser():
    import werkenbij.read.yamltext as yamltext

    text = "a:\nb: ~\nc: ''\nd: \"null\"\ne: no\n"
    fast = yamltext.parse_yaml(text)[0].data
    saved, yamltext._FAST = yamltext._FAST, None  # force the pure-Python parser
    try:
        slow = yamltext.parse_yaml(text)[0].data
    finally:
        yamltext._FAST = saved
    assert fast == slow == {"a": None, "b": None, "c": "", "d": "null", "e": "no"}
