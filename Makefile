# The two commands: `make site` and `make test`. Everything installs into .venv from pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ROOT ?= .

.PHONY: site test test-fast lint check review coverage generate schema reference bench golden clean impact serve zensical draft draft-eval

# One stamp per set of pins: reinstall only when the pins change.
$(VENV)/.site-installed: requirements/site.txt pyproject.toml
	@test -x $(BIN)/python || { bash scripts/system-packages.sh python3-venv && $(PYTHON) -m venv $(VENV); } || \
		{ echo "error: could not create $(VENV); on Debian: apt-get install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	@touch $@

site: $(VENV)/.site-installed
	$(BIN)/briefing build --root "$(ROOT)"

check: $(VENV)/.site-installed
	$(BIN)/briefing check --root "$(ROOT)"

# What later articles may have overtaken; REVIEW_ARGS=--strict exits 1 on any warning.
review: $(VENV)/.site-installed
	$(BIN)/briefing review --root "$(ROOT)" $(REVIEW_ARGS)

coverage: $(VENV)/.site-installed
	$(BIN)/briefing coverage --root "$(ROOT)"

generate: $(VENV)/.site-installed
	$(BIN)/briefing generate --root "$(ROOT)"

schema: $(VENV)/.site-installed
	$(BIN)/briefing schema --root "$(ROOT)"

# Rewrite the generated parts of docs/ (each kind's fields, each command's help); review, commit.
reference: $(VENV)/.site-installed
	$(BIN)/briefing reference --root "$(ROOT)"

lint: $(VENV)/.test-installed
	$(BIN)/ruff check generator tests templates/hooks bench
	$(BIN)/ruff format --check generator tests templates/hooks bench
	$(BIN)/mypy

# The browser tests drive Debian's Chromium; the impact tests use git.
test: lint
	@bash scripts/system-packages.sh chromium git
	$(BIN)/python -m pytest

# The quick loop while working: lint, and every test but the browser ones.
test-fast: lint
	@bash scripts/system-packages.sh git
	$(BIN)/python -m pytest -m "not browser"

# Times check, generate and the MkDocs build on synthetic corpora; e.g. BENCH_ARGS="--sizes 1000".
# Timed as an installed tool runs: with its bytecode written (which PYTHONDONTWRITEBYTECODE, set
# in some environments, would otherwise make every run compile again).
bench: $(VENV)/.site-installed
	$(BIN)/python -m compileall -q generator
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Rewrite the golden pages in tests/golden/ from the current generator; review the diff, then commit.
golden: $(VENV)/.test-installed
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

clean:
	rm -rf site site.partial site.previous build .pytest_cache .ruff_cache

# What changed since a git revision does to the facts and pages; exits 1 if a quote broke.
impact: $(VENV)/.site-installed
	@test -n "$(SINCE)" || { echo "usage: make impact SINCE=REV (e.g. SINCE=HEAD~1)" >&2; exit 2; }
	$(BIN)/briefing impact --root "$(ROOT)" --since "$(SINCE)"

# Preview at http://127.0.0.1:8000, regenerated whenever content/, seeds/ or templates/ change.
serve: $(VENV)/.site-installed
	$(BIN)/briefing serve --root "$(ROOT)"

# The same pages built by Zensical (its own .venv-zensical) into build/zensical/site.
zensical: $(VENV)/.site-installed
	bash scripts/zensical-build.sh "$(ROOT)"

# Draft the facts of a new article into drafts/SOURCE/ (after `briefing new-source`); DRAFT_ARGS=--force
# replaces an earlier draft.
draft: $(VENV)/.site-installed
	@test -n "$(SOURCE)" || { echo "usage: make draft SOURCE=SOURCE-ID (e.g. SOURCE=dw-2019-02-09)" >&2; exit 2; }
	$(BIN)/briefing draft --root "$(ROOT)" "$(SOURCE)" $(DRAFT_ARGS)

# How well the drafter does on the shipped articles, each drafted as if new; ends with a RESULT line.
draft-eval: $(VENV)/.site-installed
	$(BIN)/python bench/draft_eval.py "$(ROOT)"
