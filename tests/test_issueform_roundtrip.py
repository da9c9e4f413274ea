"""Round trip: issue bodies (written as GitHub renders the form) for three real postings become
vacancy files that build and show the same facts as the hand-written fixtures of
tests/fixtures/real/. The bodies answer the form as generated for that fixture site, which has
no blocks (so no block checkboxes). GitHub's own parser reads the same answers from them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_real_postings import JUSTITIE, KAPRIJKE, OPEN_ON, SINT_NIKLAAS, job_postings, key_facts, shown

from helpers import FIXTURES, ROOT, build_site, parse
from werkenbij.github.forms.form import block_titles, vacancy_form
from werkenbij.github.forms.parse import _CHECKBOX, answers_of
from werkenbij.github.forms.propose import propose_vacancy
from werkenbij.github.forms.spec import questions

BODIES = FIXTURES / "issueform"
POSTINGS = [JUSTITIE, KAPRIJKE, SINT_NIKLAAS]
ISSUE_PARSER = ROOT / ".tools/node_modules"


@pytest.fixture(scope="module")
def from_the_form(tmp_path_factory):
    """The real fixture site with the three postings made from their issue bodies instead."""
    root = tmp_path_factory.mktemp("form") / "site"
    shutil.copytree(FIXTURES / "real", root)
    for slug in POSTINGS:
        (root / "content/vacatures" / f"{slug}.md").unlink()
    made = {}
    for number, slug in enumerate(POSTINGS, start=1):
        outcome = propose_vacancy(root, ROOT / "templates", (BODIES / f"{slug}.md").read_text("utf-8"),
                                  OPEN_ON[slug], issue=number)
        assert outcome.ok and all(p.severity == "warning" for p in outcome.problems)
        made[slug] = Path(outcome.path).stem
    return root, made


@pytest.fixture(scope="module")
def pages(from_the_form, tmp_path_factory):
    """(hand-written page, page from the form) of each posting, on a day it is open."""
    root, made = from_the_form
    found = {}
    for slug in POSTINGS:
        folder = tmp_path_factory.mktemp(slug)
        by_hand = build_site(folder / "by-hand", OPEN_ON[slug], root=FIXTURES / "real")
        by_form = build_site(folder / "by-form", OPEN_ON[slug], root=root)
        found[slug] = (parse(by_hand / f"vacatures/{slug}/index.html"),
                       parse(by_form / f"vacatures/{made[slug]}/index.html"))
    return found


def without_address(postings: list[dict], slug: str) -> list[dict]:
    """A JobPosting without what follows from the file name: its URL, and the identifier that
    falls back to the slug when the vacancy has no number."""
    kept = []
    for posting in postings:
        posting = {key: value for key, value in posting.items() if key != "url"}
        if posting.get("identifier", {}).get("value") == slug:
            posting.pop("identifier")
        kept.append(posting)
    return kept


def test_the_form_writes_the_files_an_editor_would_name(from_the_form):
    _, made = from_the_form
    assert made == {JUSTITIE: "justitieassistent", KAPRIJKE: "maatschappelijk-werk-st-er",
                    SINT_NIKLAAS: "kindbegeleider-vlinderfunctie-buitenschoolse-opvang"}


@pytest.mark.parametrize("slug", POSTINGS)
def test_the_key_facts_are_the_same(pages, slug):
    by_hand, by_form = pages[slug]
    assert key_facts(by_form) == key_facts(by_hand)


@pytest.mark.parametrize("slug", POSTINGS)
def test_the_structured_data_is_the_same(pages, from_the_form, slug):
    by_hand, by_form = pages[slug]
    assert without_address(job_postings(by_form), from_the_form[1][slug]) == \
        without_address(job_postings(by_hand), slug)


@pytest.mark.parametrize("slug", POSTINGS)
def test_the_text_the_procedure_and_the_apply_box_are_the_same(pages, from_the_form, slug):
    """The whole main content, read as a visitor reads it (only the page's own address differs)."""
    by_hand, by_form = pages[slug]
    address = f"vacatures/{from_the_form[1][slug]}/"
    assert shown(by_form.main).replace(address, f"vacatures/{slug}/") == shown(by_hand.main)


@pytest.mark.tools
def test_githubs_own_parser_reads_the_same_answers(tmp_path):
    """`make test` installs the parser into .tools/ (see the Makefile)."""
    root = FIXTURES / "real"
    form = tmp_path / "form.yml"
    form.write_text(vacancy_form(root), "utf-8")
    bodies = [BODIES / f"{slug}.md" for slug in POSTINGS]
    result = subprocess.run(["node", str(ROOT / "tests/issue_parser.mjs"), str(ISSUE_PARSER), str(form),
                             *map(str, bodies)], capture_output=True, text=True, timeout=120, check=True)
    asked = questions(block_titles(root))
    for body, theirs in zip(bodies, json.loads(result.stdout), strict=True):
        ours = answers_of(body.read_text("utf-8"), asked)
        for q in asked:
            mine = ours.get(q.id, "")
            if q.kind == "checkboxes":
                boxes = [_CHECKBOX.match(line) for line in mine.split("\n")]
                ticked = [box[2] for box in boxes if box and box[1] != " "]
                assert theirs[q.id]["selected"] == ticked, q.id
            elif q.kind == "dropdown":
                assert theirs.get(q.id, []) == ([mine] if mine else []), q.id
            else:
                assert theirs.get(q.id, "") == mine, q.id
