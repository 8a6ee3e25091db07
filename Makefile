# Two commands for a fresh machine: `make site` builds the demo into site/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve check clean gallery lighthouse

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/briefing build

serve: $(STAMP)
	$(BIN)/briefing serve

check: $(STAMP)
	$(BIN)/briefing check

AXE_VERSION := 4.10.3
AXE := .cache/axe/node_modules/axe-core/axe.min.js

$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

test: $(STAMP) $(AXE)
	bash tools/ensure-browser.sh
	$(BIN)/python -m pytest

# docs/gallery/: the demo on a phone and a desktop, light and dark (look at it before committing)
gallery: $(STAMP)
	$(BIN)/python tools/gallery.py

# Lighthouse 12 scores of the demo (a report, not a test: run it on an idle machine)
lighthouse: $(STAMP)
	$(BIN)/python tools/lighthouse.py

clean:
	rm -rf site $(VENV) .pytest_cache test-artifacts .cache
