# Two commands on a fresh machine: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: site test lint bench clean

site: $(VENV)/.runtime
	$(PY) build.py

test: $(VENV)/.dev
	$(PY) -m ruff check werkenbij tests bench build.py
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(PY) -m ruff check werkenbij tests bench build.py

bench: $(VENV)/.runtime
	$(PY) bench/phases.py 100 1000

# The stamps depend on the requirement files, so a changed pin reinstalls.
$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf output .venv .pytest_cache
