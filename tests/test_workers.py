"""Worker processes, started the way the platform can: forked on Linux, spawned on Windows and
macOS. Either way a build and `serve` give byte for byte what one process gives. In the tests'
Windows mode (tests/like_windows/) only spawn is there, and the build must pick it."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from pathlib import Path

import pytest

from corpus import BUILD_DATE, generate
from helpers import ROOT, build_site, tree_digest
from werkenbij.dev.serve import DevServer
from werkenbij.pipeline import BuildOptions, build, workers
from werkenbij.pipeline.swap import MANIFEST

COUNT = 10
METHODS = ["spawn", *(["fork"] if "fork" in multiprocessing.get_all_start_methods() else [])]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    site = generate(COUNT, tmp_path_factory.mktemp("workers") / "site")
    shutil.copytree(ROOT / "templates", site / "templates")
    return site


@pytest.fixture(scope="module")
def in_one_process(project) -> dict[str, str]:
    return tree_digest(build_site(project.parent / "one", BUILD_DATE, root=project,
                                  templates=project / "templates"))


@pytest.fixture
def started(monkeypatch) -> list[str]:
    """Workers start for a few items already; lists the start method of each pool."""
    monkeypatch.setattr(workers, "IN_PROCESS_BELOW", {"fork": 2, "spawn": 2})
    pools: list[str] = []
    get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: (
        pools.append(method), get_context(method))[1])
    return pools


@pytest.mark.parametrize("method", METHODS)
def test_a_build_in_workers_writes_what_one_process_writes(project, in_one_process, started,
                                                           monkeypatch, tmp_path, method):
    monkeypatch.setattr(workers, "start_method", lambda: method)
    output = tmp_path / "output"
    build(BuildOptions(root=project, output=output, today=BUILD_DATE, templates=project / "templates",
                       jobs=2))
    assert tree_digest(output) == in_one_process
    assert started == [method] * 3  # reading, rendering and checking the vacancy pages


@pytest.mark.parametrize("method", METHODS)
def test_serve_in_workers_answers_what_one_process_builds(project, started, monkeypatch, tmp_path, method):
    """`serve` hands its tasks over with what it remembers (the Markdown converted so far,
    the renderer); a spawned worker gets them pickled, and makes the same pages."""
    monkeypatch.setattr(workers, "start_method", lambda: method)
    site = tmp_path / "site"
    shutil.copytree(project, site)
    server = DevServer(BuildOptions(root=site, output=site / "output", today=BUILD_DATE,
                                    templates=site / "templates", jobs=2), "/", log=lambda line: None)
    server.workspace.rebuild()
    edited = site / "content/vacatures/vacature-00003.md"
    edited.write_text(edited.read_text("utf-8").replace("## ", "## Nieuw: ", 1), "utf-8")
    server.workspace.rebuild()
    cold = build_site(tmp_path / "cold", BUILD_DATE, root=site, templates=site / "templates")
    built = {path: (cold / path).read_bytes() for path in tree_digest(cold) if path != MANIFEST}
    assert server.workspace.files == built
    assert b"Nieuw: " in built["vacatures/vacature-00003/index.html"]
    assert set(started) == {method}


def test_the_platform_decides_how_workers_start(monkeypatch):
    expected = "spawn" if sys.platform in ("win32", "darwin") or "fork" not in METHODS else "fork"
    assert workers.start_method() == expected
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # Windows
    assert workers.start_method() == "spawn"
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn", "fork", "forkserver"])
    monkeypatch.setattr(sys, "platform", "darwin")  # fork is there, but unsafe with macOS's libraries
    assert workers.start_method() == "spawn"
