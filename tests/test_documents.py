"""The documents an editor reads follow the vacancy's key table (werkenbij/vacancy/keys.py):
the field table of content/LEESMIJ.md lists exactly its keys, and the skeleton of `build.py
new` (templates/nieuwe-vacature.md) says each key with the table's comment. Every other list
of keys (the reader's, the messages', the form's, the writer's) is derived from the table."""

from __future__ import annotations

import re

from helpers import ROOT
from werkenbij.github.forms.spec import NOT_IN_FORM, questions
from werkenbij.vacancy.keys import KEYS

GUIDE = ROOT / "content/LEESMIJ.md"
SKELETON = ROOT / "templates/nieuwe-vacature.md"


def guide_fields() -> list[str]:
    guide = GUIDE.read_text("utf-8")
    section = guide.split("## Alle velden van een vacature", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_.]+)` \|", section, re.M)


def test_the_guide_lists_exactly_the_keys_of_the_table():
    listed = guide_fields()
    assert len(listed) == len(set(listed)), "a field is listed twice"
    names = {key.name for key in KEYS}
    assert sorted(names - set(listed)) == [], "in the table but not in the guide"
    assert sorted(set(listed) - names) == [], "in the guide but not in the table"


def test_the_skeleton_says_each_key_with_the_tables_comment():
    skeleton = SKELETON.read_text("utf-8")
    assert [key.name for key in KEYS if key.comment and key.comment not in skeleton] == []
    assert [key.name for key in KEYS if key.lead and key.lead not in skeleton] == []


def test_every_key_is_asked_by_the_form_or_left_out_with_a_reason():
    """A key is asked by its own question, by the question of the list it is in (a step's date
    by `procedure`), or, for a block (`salary`), by the questions of its keys (`salary-min` …)."""
    asked = {q.id.replace("-", ".") for q in questions({"x": "X"}) if not q.id.startswith("body-")}

    def covered(name: str) -> bool:
        return name in asked or name.split(".")[0] in asked or name.split(".")[0] in NOT_IN_FORM \
            or any(other.startswith(name + ".") for other in asked)
    assert [key.name for key in KEYS if not covered(key.name)] == []
    assert [name for name in NOT_IN_FORM if name in asked] == []
    assert asked <= {key.name for key in KEYS}
