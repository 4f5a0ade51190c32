# joinedup: `make demo` serves the demo, `make test` runs every test. Each target
# installs what it needs into .venv (and node_modules) first, so a fresh clone
# needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
STATIC := src/joinedup/static
PORT ?= 8000

.PHONY: demo test test-sqlite test-postgres bench eval lint assets browser postgres install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch is installed first, pinned, so nothing pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[dev,semantic]"
	touch $@

install: $(VENV)/.installed assets

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STATIC)/css/joinedup.css: frontend/joinedup.scss node_modules/.installed
	mkdir -p $(STATIC)/css $(STATIC)/js $(STATIC)/govuk
	node_modules/.bin/sass --no-source-map --load-path=node_modules --quiet-deps \
		--style=compressed frontend/joinedup.scss $@
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(STATIC)/js/
	cp node_modules/htmx.org/dist/htmx.min.js $(STATIC)/js/
	rm -rf $(STATIC)/govuk/assets && cp -r node_modules/govuk-frontend/dist/govuk/assets $(STATIC)/govuk/assets

assets: $(STATIC)/css/joinedup.css

# Debian's Chromium for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done

test: install browser postgres lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite:
	env -u DATABASE_URL $(BIN)/pytest -q

test-postgres:
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench eval

demo: install
	$(BIN)/joinedup demo --port $(PORT)

bench: install
	$(BIN)/python bench/run.py

eval: install
	HF_HUB_OFFLINE=1 $(BIN)/python eval/run_eval.py
	HF_HUB_OFFLINE=1 $(BIN)/python eval/run_unseen.py --semantic

clean:
	rm -rf $(VENV) node_modules $(STATIC)/css $(STATIC)/js $(STATIC)/govuk staticfiles
