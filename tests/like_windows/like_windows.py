"""The tests' Windows mode: this Python lacks what Python on Windows lacks, and which the build
would otherwise use: the module fcntl, the flags os.O_NOFOLLOW, os.O_NONBLOCK and os.O_CLOEXEC,
and the start methods fork and forkserver. `install()` takes them away before the project is
imported; the code must then take what Windows has (spawned workers, a lock file by exclusive
creation, reading without O_NOFOLLOW).

Run: WERKENBIJ_LIKE_WINDOWS=1 python -m pytest tests/test_output_swap.py … (`make test` does).
tests/conftest.py installs it in the test process, and puts this folder on PYTHONPATH, so that
every Python the tests start (a build as a subprocess, a spawned worker) imports
sitecustomize.py from here at its start, which installs it there too.
"""

from __future__ import annotations

import importlib.abc
import os
import sys

ENVIRONMENT = "WERKENBIJ_LIKE_WINDOWS"
MODULES = ("fcntl",)
FLAGS = ("O_NOFOLLOW", "O_NONBLOCK", "O_CLOEXEC")
START_METHODS = ("fork", "forkserver")


class _Refused(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in MODULES:
            raise ModuleNotFoundError(f"No module named '{name}' (the tests' Windows mode)", name=name)
        return None


def install() -> None:
    """Idempotent: take away what Windows lacks, in this process."""
    if any(isinstance(finder, _Refused) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _Refused())
    for name in MODULES:
        sys.modules.pop(name, None)
    for flag in FLAGS:
        if hasattr(os, flag):
            delattr(os, flag)
    _only_spawn()


def installed() -> bool:
    return any(isinstance(finder, _Refused) for finder in sys.meta_path)


def _only_spawn() -> None:
    import multiprocessing
    from multiprocessing import context

    for method in START_METHODS:
        context._concrete_contexts.pop(method, None)  # get_context(method) raises ValueError
    spawn = context._concrete_contexts["spawn"]
    context._default_context._default_context = spawn
    original = multiprocessing.set_start_method

    def set_start_method(method, force=False):
        if method in START_METHODS:
            raise ValueError(f"cannot find context for {method!r} (the tests' Windows mode)")
        original(method, force)

    multiprocessing.get_all_start_methods = lambda: ["spawn"]
    multiprocessing.get_context = context._default_context.get_context
    multiprocessing.set_start_method = set_start_method
