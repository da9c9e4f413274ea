@echo off
rem Windows: double-click in Explorer. The first time it makes the project's Python environment
rem (.venv) with the Python from python.org (installed for this user only: no admin rights) and
rem installs requirements.txt into it (again when that file changed); then
rem `build.py serve --drafts --open` shows the site in the browser and rebuilds it on every
rem save. Close the window to stop. Only ASCII in the messages: cmd.exe shows no other letters.
setlocal
cd /d "%~dp0"

set "PYTHON=py -3"
where py >nul 2>nul || set "PYTHON=python"
%PYTHON% -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>nul
if errorlevel 1 goto no_python

if exist ".venv\Scripts\python.exe" goto packages
echo De eerste keer: het programma maakt de map .venv. Dat duurt enkele minuten.
%PYTHON% -m venv .venv
if errorlevel 1 goto no_venv

:packages
rem The packages again when requirements.txt is newer than the stamp (as in the Makefile).
".venv\Scripts\python.exe" -c "import os, sys; s = '.venv/.runtime'; sys.exit(not os.path.exists(s) or os.path.getmtime('requirements.txt') > os.path.getmtime(s))"
if not errorlevel 1 goto preview
echo Het programma haalt de pakketten van het project op.
".venv\Scripts\python.exe" -m pip install --quiet --disable-pip-version-check -r requirements.txt
if errorlevel 1 goto no_packages
type nul > ".venv\.runtime"

:preview
echo Je browser toont zo de site. Stoppen: sluit dit venster.
".venv\Scripts\python.exe" build.py serve --drafts --open
if errorlevel 1 goto no_preview
exit /b 0

:no_python
echo Python 3.11 of nieuwer ontbreekt. Installeer Python van python.org en dubbelklik dan opnieuw op voorbeeld.cmd.
goto stop
:no_venv
echo De map .venv kon niet gemaakt worden. Lees de melding hierboven.
goto stop
:no_packages
echo De pakketten konden niet opgehaald worden. Heb je internet? Probeer het opnieuw.
goto stop
:no_preview
echo De site kon niet getoond worden. Lees de melding hierboven.
:stop
pause
exit /b 1
