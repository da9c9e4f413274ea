#!/usr/bin/env python3
"""Werken bij WSW: build, check the careers site. Run `python build.py --help`."""

import sys

from werkenbij.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
