"""The package's folders are the stages of the pipeline, and imports only flow forward:
read -> render -> pipeline, with checks beside them, and dev (serve, new) and github (the issue
forms, the summary, their Markdown escaper) on top. The summary reads content and never
builds: it may not import pipeline or checks. The vacancy package
(what a vacancy is) lies under every stage, beside the shared modules: any stage may import it,
and it imports none."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "werkenbij"
STAGES = ("read", "render", "pipeline", "checks", "dev", "github", "github.summary")
# What each stage may not import. The modules at the top (models, problems, policy, schedule,
# markdown_html, report) belong to no stage and may import none of them; cli may import all.
FORBIDDEN = {
    "read": {"render", "pipeline", "checks", "dev", "github", "github.summary", "cli"},
    "render": {"pipeline", "checks", "dev", "github", "github.summary", "cli"},
    "checks": {"read", "render", "pipeline", "dev", "github", "github.summary", "cli"},
    "pipeline": {"dev", "github", "github.summary", "cli"},
    "dev": {"github", "github.summary", "cli"},
    "github": {"cli"},
    "github.summary": {"pipeline", "checks", "dev", "cli"},
    "top": {*STAGES, "cli"},
    "vacancy": {*STAGES, "cli"},
}
# A new vacancy's file name is the same whether `build.py new` or the form makes it.
SHARED_FROM_DEV = {"dev.scaffold"}


def internal_imports(path: Path) -> set[str]:
    """The werkenbij modules a file imports, as dotted names below werkenbij."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    package = module if path.name == "__init__.py" else module[:-1]
    package = tuple(part for part in package if part != "__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):  # inside functions too
        if isinstance(node, ast.Import):
            found |= {alias.name.removeprefix("werkenbij.") for alias in node.names
                      if alias.name.startswith("werkenbij.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1])
            elif node.module == "werkenbij" or (node.module or "").startswith("werkenbij."):
                base = ""
            else:
                continue  # another package
            module = (node.module or "").removeprefix("werkenbij").lstrip(".") if not node.level \
                else node.module or ""
            parent = ".".join(part for part in (base, module) if part)
            # `from . import x` and `from werkenbij import x` name modules; else the module counts
            found |= {".".join(p for p in (parent, alias.name) if p) for alias in node.names} \
                if not module else {parent}
    return found


def stage_of(module: str) -> str:
    if module == "github.summary" or module.startswith("github.summary."):
        return "github.summary"
    first = module.split(".")[0]
    return first if first in (*STAGES, "cli", "vacancy") else "top"


def test_imports_flow_forward_between_stages():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for imported in sorted(internal_imports(path)):
            if stage_of(imported) in FORBIDDEN.get(here, set()) - {here}:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_nothing_but_the_command_line_imports_dev():
    """dev is what an editor runs on their own computer; only its scaffold is shared."""
    users = [path.relative_to(ROOT).as_posix() for path in sorted(PACKAGE.rglob("*.py"))
             if stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts)) not in ("dev", "cli")
             and any(stage_of(m) == "dev" and m not in SHARED_FROM_DEV for m in internal_imports(path))]
    assert users == []


@pytest.mark.parametrize("module, line, imported", [
    ("read/bad.py", "from ..render.site import SiteRenderer", "render.site"),
    ("read/bad.py", "from .. import render", "render"),
    ("read/bad.py", "import werkenbij.render.site", "render.site"),
    ("read/bad.py", "from werkenbij import render", "render"),
    ("read/bad.py", "from werkenbij.pipeline import build", "pipeline"),
    ("read/bad.py", "def later():\n    from ..checks import check_site", "checks"),
    ("read/bad.py", "from .. import cli", "cli"),
    # What a vacancy is knows no YAML and no page.
    ("vacancy/hours.py", "from ..read.fields import Fields", "read.fields"),
    ("vacancy/hours.py", "from ..render import site", "render"),
])
def test_the_layer_rule_sees_every_form_of_a_wrong_import(tmp_path, monkeypatch, module, line, imported):
    """The rule itself must be able to fail: a module that imports a later stage is caught."""
    fake = tmp_path / "werkenbij"
    (fake / module).parent.mkdir(parents=True)
    (fake / module).write_text(line + "\n", "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    with pytest.raises(AssertionError) as caught:
        test_imports_flow_forward_between_stages()
    assert f"werkenbij/{module} imports {imported}" in str(caught.value)


def test_the_package_has_no_flat_leftovers():
    """Every module lives in a stage folder, or is one of the few shared at the top."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "cli.py", "inputs.py", "markdown_html.py",
                   "models.py", "policy.py", "problems.py", "report.py", "schedule.py"]
