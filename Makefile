# klantreis: `make serve` runs the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test lint format demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

# Creates $$KLANTREIS_HOME (default ./.klantreis), migrates, loads the demo workspace on first run,
# prints the administrator's password once, then serves with gunicorn.
serve: $(STAMP)
	$(BIN)/klantreis serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

PG_URL ?= $(or $(KLANTREIS_TEST_POSTGRES_URL),postgresql://postgres@127.0.0.1:5432/test)

# The whole suite on SQLite, then the web tests again on PostgreSQL when it is reachable
# (mandatory when KLANTREIS_REQUIRE_SERVICES=1, as in CI).
test: lint
	$(BIN)/pytest -n auto
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== web tests on PostgreSQL"; \
	  DATABASE_URL='$(PG_URL)' $(BIN)/pytest tests/web -n auto -m "not browser"; \
	elif [ "$$KLANTREIS_REQUIRE_SERVICES" = "1" ]; then \
	  echo "PostgreSQL is required but $(PG_URL) is unreachable"; exit 1; \
	else \
	  echo "PostgreSQL unreachable at $(PG_URL): web tests on PostgreSQL skipped"; \
	fi

demo: $(STAMP)
	mkdir -p build/demo
	for f in examples/*.yaml; do \
	  name=$$(basename $$f .yaml); \
	  $(BIN)/klantreis validate $$f && \
	  $(BIN)/klantreis render $$f -o build/demo/$$name.html || exit 1; \
	done
	@echo "Rendered maps are in build/demo/"

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
