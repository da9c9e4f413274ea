"""The documents an editor reads follow the vacancy's key table (werkenbij/vacancy/keys.py):
the field table of content/LEESMIJ.md lists exactly its keys, and the skeleton of `build.py
new` (templates/nieuwe-vacature.md) says each key with the table's comment. Every other list
of keys (the reader's, the messages', the form's, the writer's) is derived from the table.

A key the issue form asks is said by the words of the form's label everywhere an editor meets
it: in a message, in a written file's comment, in the skeleton and in the guide."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

import pytest

from helpers import ROOT
from werkenbij.github.forms.spec import NOT_IN_FORM, questions
from werkenbij.vacancy.keys import KEY, KEYS, Key

GUIDE = ROOT / "content/LEESMIJ.md"
SKELETON = ROOT / "templates/nieuwe-vacature.md"


def _field_table(guide: str) -> str:
    return guide.split("## Alle velden van een vacature", 1)[1].split("\n## ", 1)[0]


def guide_fields() -> list[str]:
    return re.findall(r"^\| `([a-z_.]+)` \|", _field_table(GUIDE.read_text("utf-8")), re.M)


def guide_meanings(guide: str) -> dict[str, str]:
    """The column "betekenis" of the guide's field table, by field."""
    rows = re.findall(r"^\| `([a-z_.]+)` \| .*? \| (.*?) \| .* \|$", _field_table(guide), re.M)
    return dict(rows)


_SKELETON_LINE = re.compile(r"^( *)(?:# ?)?( *)(- )?([a-z_]+):(.*)$")


def skeleton_comments(skeleton: str) -> dict[str, list[str]]:
    """The comments after each key's line in the skeleton's front matter, by key (`salary.min`);
    a key commented out (`# start_date: …`) counts as well."""
    found: dict[str, list[str]] = {}
    open_keys: list[tuple[int, str]] = []  # the keys the next one may be inside, with their indent
    for line in skeleton.split("---\n")[1].splitlines():
        match = _SKELETON_LINE.match(line)
        if not match:
            continue
        indent = len(match[1]) + len(match[2]) + (2 if match[3] else 0)
        while open_keys and open_keys[-1][0] >= indent:
            open_keys.pop()
        name = ".".join([key for _, key in open_keys] + [match[4]])
        open_keys.append((indent, match[4]))
        comment = re.search(r"\s#\s(.*)$", match[5])
        if comment:
            found.setdefault(name, []).append(comment[1])
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


def says(text: str, label: str) -> bool:
    """Whether `text` has the label's words in a row (case and punctuation aside)."""
    words, wanted = _words(text), _words(label)
    return any(words[at:at + len(wanted)] == wanted for at in range(len(words) - len(wanted) + 1))


def asked_labels() -> dict[str, str]:
    """The label of every question that fills in a key, by key (`location.city`)."""
    return {q.id.replace("-", "."): q.label for q in questions({"x": "X"}) if not q.id.startswith("body-")}


def unsaid(labels: Mapping[str, str], keys: Mapping[str, Key], skeleton: str, guide: str) -> list[str]:
    """Where an asked key is said without its label's words: "hours_note: the guide"."""
    comments, meanings = skeleton_comments(skeleton), guide_meanings(guide)
    wrong = []
    for name, label in labels.items():
        key = keys[name]
        said_in = {"the message meaning": [key.meaning],  # a meaning and a guide row it must have
                   "the writer comment": [text for text in (key.comment, key.lead) if text],
                   "the skeleton": comments.get(name, []), "the guide": [meanings.get(name, "")]}
        wrong += [f"{name}: {place}" for place, texts in said_in.items()
                  if not all(says(text, label) for text in texts)]
    return wrong


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


def test_an_asked_key_is_said_by_the_labels_words_everywhere():
    assert unsaid(asked_labels(), KEY, SKELETON.read_text("utf-8"), GUIDE.read_text("utf-8")) == []


def test_the_skeleton_and_the_guide_are_read_key_by_key():
    """The check above sees each place it checks; else it would pass by finding nothing."""
    comments = skeleton_comments(SKELETON.read_text("utf-8"))
    meanings = guide_meanings(GUIDE.read_text("utf-8"))
    assert comments["location.city"] == ["de gemeente van de werkplek"]
    assert comments["procedure.date"] == ["de dag van de stap (JJJJ-MM-DD)"]
    assert meanings["hours_note"] == "de uitleg bij de uren: wat de uren niet zeggen"
    assert set(asked_labels()) <= set(meanings)


@pytest.mark.parametrize("place, change", [
    ("the message meaning", lambda keys, skeleton, guide: (
        {**keys, "apply.url": dataclasses.replace(keys["apply.url"], meaning="de link om te solliciteren")},
        skeleton, guide)),
    ("the writer comment", lambda keys, skeleton, guide: (
        {**keys, "hours_note": dataclasses.replace(keys["hours_note"], comment="wat de uren niet zeggen")},
        skeleton, guide)),
    ("the skeleton", lambda keys, skeleton, guide: (
        keys, skeleton.replace("# de uitleg bij de uren: wat", "# wat"), guide)),
    ("the guide", lambda keys, skeleton, guide: (
        keys, skeleton, guide.replace("| nee | de uitleg bij de uren: wat de uren niet zeggen |",
                                      "| nee | wat de uren niet zeggen |"))),
])
def test_a_key_said_in_other_words_is_caught(place, change):
    keys, skeleton, guide = change(KEY, SKELETON.read_text("utf-8"), GUIDE.read_text("utf-8"))
    key = "apply.url" if place == "the message meaning" else "hours_note"
    assert unsaid(asked_labels(), keys, skeleton, guide) == [f"{key}: {place}"]
