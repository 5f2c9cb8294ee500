# datashare: `make run` serves, `make test` runs every check. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The web app (webapp/): Node.js 20+ and npm build it into webapp/dist, which the server serves.
NODE_MAJOR := 20
WEBAPP := webapp
NODE_MODULES := $(WEBAPP)/node_modules/.installed
WEBAPP_BUILT := $(WEBAPP)/dist/index.html
WEBAPP_SOURCES := $(shell find $(WEBAPP)/src $(WEBAPP)/public 2>/dev/null) \
	$(wildcard $(addprefix $(WEBAPP)/,index.html graphiql.html package.json package-lock.json \
	vite.config.* tsconfig*.json))
# The browser of the end-to-end tests (Debian's `chromium`); Playwright never downloads one.
CHROMIUM ?= /usr/bin/chromium
# The checks of `make test` run side by side, each one's output printed whole when it ends;
# one failing does not stop the others.
TEST_JOBS ?= 3
CHECKS := lint typecheck webapp-codegen-check webapp-unit test-sqlite test-postgres test-e2e

.PHONY: install migrate run worker test $(CHECKS) migrations schema bench node webapp

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python main.py migrate

run: migrate $(WEBAPP_BUILT)
	$(BIN)/python main.py serve

worker: install
	$(BIN)/python main.py worker

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy .

test-sqlite: install
	TEST_DATABASE=sqlite $(BIN)/python -m pytest

test-postgres: install
	TEST_DATABASE=postgres $(BIN)/python -m pytest

# Everything is installed and built first, so the checks that follow share nothing to make.
test: install $(WEBAPP_BUILT)
	@$(MAKE) --no-print-directory --keep-going -j$(TEST_JOBS) --output-sync=target $(CHECKS)

node:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo "The web app needs Node.js $(NODE_MAJOR)+ with npm, and there is no node here:" \
	       "install it (https://nodejs.org), then run make again." >&2; exit 1; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= $(NODE_MAJOR) ? 0 : 1)' || { \
	  echo "The web app needs Node.js $(NODE_MAJOR)+; this is Node.js $$(node --version)." >&2; \
	  exit 1; }

# npm ci empties node_modules first, taking the old mark with it.
$(NODE_MODULES): $(WEBAPP)/package-lock.json $(WEBAPP)/package.json | node
	cd $(WEBAPP) && npm ci --no-audit --no-fund
	mkdir -p $(@D) && touch $@

# Built when missing or older than any of its sources (or than its installed packages); the
# folders count too, so a deleted source file also rebuilds.
$(WEBAPP_BUILT): $(NODE_MODULES) $(WEBAPP_SOURCES)
	cd $(WEBAPP) && npm run build
	touch $@

webapp: $(WEBAPP_BUILT)

webapp-codegen-check: $(NODE_MODULES)
	cd $(WEBAPP) && npm run codegen:check

webapp-unit: $(NODE_MODULES)
	cd $(WEBAPP) && npm test

# Chromium drives the web app against the real server (tests/e2e/harness.py). Without it the
# tests are skipped with a note, except under CI=true, where that is a failure.
test-e2e: install $(WEBAPP_BUILT)
	@if [ -x "$(CHROMIUM)" ]; then \
	  echo "cd $(WEBAPP) && npm run e2e"; cd $(WEBAPP) && CHROMIUM_PATH="$(CHROMIUM)" npm run e2e; \
	elif [ "$$CI" = true ]; then \
	  echo "No Chromium at $(CHROMIUM): the end-to-end tests cannot run (apt-get install chromium)." >&2; \
	  exit 1; \
	else \
	  echo "End-to-end tests SKIPPED: no Chromium at $(CHROMIUM) (apt-get install chromium)."; \
	fi

# After changing models/: write the next migration.
migrations: install
	$(BIN)/tortoise -c services.database.TORTOISE_ORM makemigrations

# After changing the schema: refresh the checked-in SDL.
schema: install
	$(BIN)/python -m schema.export > schema.graphql

# Benchmarks print their figure as a ratio against a baseline measured in the same run.
bench: install
	$(BIN)/python -m bench.listing
	$(BIN)/python -m bench.listing --sqlite
	$(BIN)/python -m bench.listing --scale
	$(BIN)/python -m bench.listing --processes
	$(BIN)/python -m bench.sharing
	$(BIN)/python -m bench.sharing --sqlite
	$(BIN)/python -m bench.transfer
	$(BIN)/python -m bench.live
	$(BIN)/python -m bench.live --sqlite
	$(BIN)/python -m bench.load
