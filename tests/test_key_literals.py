"""Each vacancy key is spelled in few modules: the key table (werkenbij/vacancy/keys.py) names
it, and code names it by `Top`. A key written out in module after module is how the content
model lost its home before (a change to hours touched eight modules); this test keeps a new
feature from starting that again. The feed's JSON field names (render/feeds.py) are a published
format of their own and count like any module."""

from __future__ import annotations

import ast
import statistics
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "werkenbij"
COMMON = ("hours_per_week", "salary", "contract", "positions", "reference", "closes", "published",
          "locations", "requirements", "apply", "grade", "procedure", "contact", "employer", "reserve")
MEDIAN, MOST = 2, 4


def spelled_in(package: Path) -> dict[str, list[str]]:
    """For each common key, the modules of `package` that hold it as a string constant."""
    constants = {path.relative_to(package).as_posix():
                 {node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)}
                 for path in sorted(package.rglob("*.py"))}
    return {key: [module for module, found in constants.items() if key in found] for key in COMMON}


def test_each_common_key_is_spelled_in_few_modules():
    spelled = spelled_in(PACKAGE)
    counts = {key: len(modules) for key, modules in spelled.items()}
    assert statistics.median(counts.values()) <= MEDIAN, counts
    assert {key: spelled[key] for key, count in counts.items() if count > MOST} == {}


def test_the_count_sees_a_key_spelled_again(tmp_path):
    """The measure itself can fail: a key written out in five modules is found in each."""
    for number in range(5):
        (tmp_path / f"m{number}.py").write_text(f'def read(f):\n    return f.text("salary")  # {number}\n',
                                                "utf-8")
    (tmp_path / "other.py").write_text('WORD = f"salary {1}"\n', "utf-8")  # part of a text: no key
    assert spelled_in(tmp_path)["salary"] == [f"m{number}.py" for number in range(5)]
