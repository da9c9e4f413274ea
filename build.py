#!/usr/bin/env python3
"""Werken bij WSW: build, check the careers site. Run `python build.py --help`."""

import sys

# Only syntax that any Python 3.6+ reads: a Python that cannot run the project still gets this
# far, and says in Dutch what to do instead of a traceback.
NEEDED = (3, 11)
FIX = ("Gebruik de Python van het project: .venv/bin/python build.py (op Windows: "
       ".venv\\Scripts\\python build.py). Die maak je met: make site, of met een dubbelklik op "
       "voorbeeld.cmd (Windows) of voorbeeld.command (macOS).")

if __name__ == "__main__":
    if sys.version_info < NEEDED:
        version = ".".join(map(str, sys.version_info[:2]))
        sys.stderr.write(f"build.py: deze Python is te oud ({version}); het project heeft Python "
                         f"{NEEDED[0]}.{NEEDED[1]} of nieuwer nodig. {FIX}\n")
        sys.exit(2)
    try:
        from werkenbij.cli import main
    except ModuleNotFoundError as error:
        if (error.name or "").startswith("werkenbij"):
            raise  # our own mistake, not the machine's
        if error.name in getattr(sys, "stdlib_module_names", ()):  # Python's own, not a package
            sys.stderr.write(f"build.py: deze Python mist de module '{error.name}', die bij Python "
                             "zelf hoort. Dat is een fout van build.py op dit systeem: meld dit aan "
                             "de ontwikkelaars, met de versie van Python en het systeem.\n")
            sys.exit(4)
        sys.stderr.write(f"build.py: deze Python mist de pakketten van het project (geen module "
                         f"'{error.name}'). {FIX} Of installeer ze: python -m pip install -r "
                         "requirements.txt\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
