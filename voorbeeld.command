#!/bin/bash
# macOS: double-click in Finder. The first time it makes the project's Python environment
# (.venv) with the Python from python.org and installs requirements.txt into it (again when
# that file changed); then `build.py serve --drafts --open` shows the site in the browser and
# rebuilds it on every save. No admin rights, no terminal commands. Close the window to stop.
cd "$(dirname "$0")" || exit 1

stop() {
  echo
  echo "$1"
  read -r -p "Druk op Enter om dit venster te sluiten. " _
  exit 1
}

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  stop "Python 3.11 of nieuwer ontbreekt. Installeer Python van python.org en dubbelklik dan opnieuw op voorbeeld.command."
fi
if [ ! -x .venv/bin/python ]; then
  echo "De eerste keer: het programma maakt de map .venv. Dat duurt enkele minuten."
  "$python" -m venv .venv || stop "De map .venv kon niet gemaakt worden. Lees de melding hierboven."
fi
if [ ! -f .venv/.runtime ] || [ requirements.txt -nt .venv/.runtime ]; then
  echo "Het programma haalt de pakketten van het project op."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt ||
    stop "De pakketten konden niet opgehaald worden. Heb je internet? Probeer het opnieuw."
  touch .venv/.runtime
fi
echo "Je browser toont zo de site. Stoppen: sluit dit venster."
.venv/bin/python build.py serve --drafts --open ||
  stop "De site kon niet getoond worden. Lees de melding hierboven."
