"""The package's folders are the stages of the pipeline, and imports only flow forward:
read -> render -> build, with checks beside them and dev (serve, new) on top."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "werkenbij"
STAGES = ("read", "render", "build", "checks", "dev")
# What each stage may not import. The modules at the top (models, problems, policy, schedule,
# markdown_html, report) belong to no stage and may import none of them; cli may import all.
FORBIDDEN = {
    "read": {"render", "build", "checks", "dev"},
    "render": {"build", "checks", "dev"},
    "checks": {"read", "render", "build", "dev"},
    "build": {"dev"},
    "dev": set(),
    "top": set(STAGES),
}


def internal_imports(path: Path) -> set[str]:
    """The werkenbij modules a file imports, as dotted names below werkenbij."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    package = module if path.name == "__init__.py" else module[:-1]
    package = tuple(part for part in package if part != "__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1]
            names = [node.module] if node.module else [alias.name for alias in node.names]
            found |= {".".join((*base, name)) for name in names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("werkenbij."):
            found.add(node.module.removeprefix("werkenbij."))
    return found


def stage_of(module: str) -> str:
    first = module.split(".")[0]
    return first if first in STAGES else "cli" if first == "cli" else "top"


def test_imports_flow_forward_between_stages():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for imported in sorted(internal_imports(path)):
            if stage_of(imported) in FORBIDDEN.get(here, set()) - {here}:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_nothing_but_the_command_line_imports_dev():
    users = [path.relative_to(ROOT).as_posix() for path in sorted(PACKAGE.rglob("*.py"))
             if stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts)) not in ("dev", "cli")
             and any(stage_of(m) == "dev" for m in internal_imports(path))]
    assert users == []


def test_the_layer_rule_sees_a_wrong_import(tmp_path, monkeypatch):
    """The rule itself must be able to fail: a read module that imports render is caught."""
    fake = tmp_path / "werkenbij"
    (fake / "read").mkdir(parents=True)
    (fake / "read" / "bad.py").write_text("from ..render.site import SiteRenderer\n", "utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    try:
        test_imports_flow_forward_between_stages()
    except AssertionError as error:
        assert "werkenbij/read/bad.py imports render.site" in str(error)
    else:
        raise AssertionError("the layer rule let read import render")


def test_the_package_has_no_flat_leftovers():
    """Every module lives in a stage folder, or is one of the few shared at the top."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "markdown_html.py", "models.py", "policy.py",
                   "problems.py", "report.py", "schedule.py"]
