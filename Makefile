# The two commands: `make site` and `make test`. Everything installs into .venv from pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ROOT ?= .

.PHONY: site test check coverage generate schema clean

# One stamp per set of pins: reinstall only when the pins change.
$(VENV)/.site-installed: requirements/site.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "error: could not create $(VENV); on Debian: apt-get install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	@touch $@

site: $(VENV)/.site-installed
	$(BIN)/briefing build --root $(ROOT)

check: $(VENV)/.site-installed
	$(BIN)/briefing check --root $(ROOT)

coverage: $(VENV)/.site-installed
	$(BIN)/briefing coverage --root $(ROOT)

generate: $(VENV)/.site-installed
	$(BIN)/briefing generate --root $(ROOT)

schema: $(VENV)/.site-installed
	$(BIN)/briefing schema --root $(ROOT)

test: $(VENV)/.test-installed
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/python -m pytest

clean:
	rm -rf site site.partial site.previous build .pytest_cache .ruff_cache
