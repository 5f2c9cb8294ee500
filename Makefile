# datashare: `make run` serves, `make test` runs every check. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install migrate run worker test lint typecheck test-sqlite test-postgres migrations schema bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python main.py migrate

run: migrate
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

test: lint typecheck test-sqlite test-postgres

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
	$(BIN)/python -m bench.load
