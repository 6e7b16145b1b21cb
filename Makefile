# Everything a newcomer needs: `make run` serves the seeded timeline, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=1
TBAQ ?= ../shared/corpora/tbaq
EST ?= ../shared/corpora/est
SEEDS ?= ../shared/seeds

.PHONY: install browser-deps run test test-postgres lint format eval bench-data bench loadtest

$(INSTALLED): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(INSTALLED)

install: $(INSTALLED)

# axe-core for the accessibility checks in the browser tests (skipped there when npm is absent).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

browser-deps:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(AXE); fi

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_timeline
	@# The seed articles' text, for the source pages and the review queue (unchanged on later runs).
	@if [ -d $(SEEDS) ]; then $(DEV_ENV) $(BIN)/python manage.py load_articles $(SEEDS); fi
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install browser-deps
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (DATABASE_URL defaults to the local server).
test-postgres: install browser-deps
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/timeline} $(BIN)/python -m pytest -p no:randomly

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/python -m timeline.ingest.evaluate $(TBAQ) --floor timeline/ingest/eval_floor.json
	$(BIN)/python -m timeline.ingest.evaluate $(EST) --language et --floor timeline/ingest/eval_floor.json
	$(BIN)/python -m timeline.ingest.evaluate --articles tests/extraction_corpus --floor timeline/ingest/eval_floor.json

# Benchmarks on a generated dataset kept in var/ between runs (set BENCH_DATABASE_URL for PostgreSQL).
BENCH_ENV := DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver \
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3}
bench-data: install
	mkdir -p var
	$(BENCH_ENV) $(BIN)/python manage.py create_database
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py generate_dataset --if-empty

bench: bench-data
	$(BENCH_ENV) $(BIN)/python manage.py bench_pages --repeat 20
	$(BIN)/python -m timeline.ingest.bench

# gunicorn + wrk on the benchmark dataset while load_articles writes (set BENCH_DATABASE_URL for PostgreSQL).
loadtest: bench-data
	tests/load/run.sh
