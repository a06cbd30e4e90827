# Two commands for everyone: `make serve` to preview, `make test` to check.
# Both create the virtual environment in .venv from the hashed lock file
# when it is missing or older than the lock file.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
# Silences the MkDocs 2.0 notice that Material prints on every run.
export NO_MKDOCS_2_WARNING := 1
# Dates in the sitemap come from the last commit, not the clock, so two
# builds of the same commit are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: serve build test check check-claims explain-claims bench lock clean help

help:
	@echo "make serve         preview the site at http://127.0.0.1:8000 (live reload; next free port if taken)"
	@echo "make check         the checks an edit can fail, in about 25 seconds (no browser)"
	@echo "make test          strict build and every test, the browser suite included (about 5 minutes)"
	@echo "make check-claims  list uncited claims in docs/ (ARGS=--explain also lists exempt sentences)"
	@echo "make explain-claims PAGE=docs/x.md  list why each sentence of a page (default: docs/) is not a claim"
	@echo "make bench         measure build, checker and page speed; writes bench/results.md"
	@echo "make lock          re-pin dependencies after editing requirements*.in"
	@echo "make clean         remove the built site and the virtual environment"

# The stamp is newer than the lock file only after a complete install, so a
# failed or interrupted install is retried on the next run. A changed lock
# file gets a new environment, so packages dropped from it do not linger.
$(STAMP): requirements-dev.lock
	@echo "Installing the tools the site needs into .venv. This takes about a minute, and happens"
	@echo "only the first time, or after the list of tools (requirements-dev.lock) changes ..."
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		--require-hashes --no-deps -r requirements-dev.lock
	@touch $@
	@echo "Installed."

# tools/serve.py picks the next free port when 8000 is taken, and says so.
serve: $(STAMP)
	@$(BIN)/python tools/serve.py

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: build
	$(BIN)/python -m pytest

# For editors: a problem found ends with one plain sentence, not make's
# "Error 1" line, so these two always succeed. Scripts that need the exit
# status run the commands themselves (tools/check.py, hooks/claims.py).
check: $(STAMP)
	@$(BIN)/python tools/check.py || true

check-claims: $(STAMP)
	@$(BIN)/python hooks/claims.py $(ARGS) docs || echo "Fix the problems above; CONTRIBUTING.md, \"What the checks mean\", explains each code."

# Every sentence the rules did not treat as a claim, with its place and the
# kind of reason, for a reviewer to audit. PAGE is a file or folder.
PAGE ?= docs
explain-claims: $(STAMP)
	$(BIN)/python hooks/claims.py --explain $(PAGE)

# Benchmarks, not tests: several minutes. Lighthouse is installed locally
# from the pinned package-lock.json, never globally.
bench: $(STAMP)
	bash tools/install-browser.sh
	cd bench/lighthouse && npm ci --no-audit --no-fund
	$(BIN)/python bench/run.py

# Needs network access to PyPI; uses uv only because pip has no lock command.
lock:
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
	$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes requirements-dev.in -o requirements-dev.lock

clean:
	rm -rf site $(VENV)
