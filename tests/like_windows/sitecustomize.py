"""Imported by every Python started with this folder on PYTHONPATH (see like_windows.py)."""

import os

if os.environ.get("WERKENBIJ_LIKE_WINDOWS"):
    import like_windows

    like_windows.install()
