# Quick start: `make serve` (set up, build, preview) and `make test` (set up, run every test).
# The flow: content/ → validate → generate (build/docs) → mkdocs build --strict → site/

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
QA := $(BIN)/qa
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: setup site serve test validate generate urls bench lint lock clean fonts browser

# Create the virtual environment and install the locked dependencies (hash-checked).
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Pyodide (copied into the site for the coding problems), axe-core and Lighthouse (the browser
# tests), locked with integrity hashes in package-lock.json.
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

# Debian packages (installed when missing and we may): CJK fonts for preview cards and
# PDFs, Chromium to print the PDFs and for the browser tests.
fonts:
	@bash scripts/system-packages.sh fonts-noto-cjk

browser:
	@bash scripts/system-packages.sh chromium fonts-noto-cjk

validate: $(STAMP)
	$(QA) validate

generate: $(STAMP) fonts
	$(QA) generate

site: $(STAMP) $(NODE_STAMP) browser
	$(QA) build

serve: $(STAMP) $(NODE_STAMP) browser
	$(QA) serve

# Record newly published URLs in content/published-urls.txt (commit the change).
urls: $(STAMP)
	$(QA) urls --update

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

# Time the pipeline at 30, 300 and 1,000 questions per language against a plain build;
# records content/benchmark.json, which the Performance page shows (takes a few minutes).
bench: $(STAMP) fonts
	$(QA) bench --record

lint: $(STAMP)
	$(BIN)/ruff check qa tests
	$(BIN)/ruff format --check qa tests

# Re-resolve requirements.in into requirements.txt with hashes (needs the registry).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11.7 -o requirements.txt

clean:
	rm -rf build site
