# Two commands for a fresh machine: `make site` builds the demo into site/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve check clean

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

clean:
	rm -rf site $(VENV) .pytest_cache test-artifacts .cache
