# Everything a newcomer needs: `make run` serves the seeded timeline, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TBAQ ?= ../shared/corpora/tbaq
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
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_timeline
	@# The seed articles' text, for the source pages and the review queue (unchanged on later runs).
	@if [ -d $(SEEDS) ]; then $(BIN)/python manage.py load_articles $(SEEDS); fi
	$(BIN)/python manage.py runserver 127.0.0.1:8000

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

# Benchmarks on a generated dataset kept in var/ between runs (set BENCH_DATABASE_URL for PostgreSQL),
# with the production settings the server runs on.
BENCH_ENV := DJANGO_SETTINGS_MODULE=timeline.settings.production \
	DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver \
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3}
bench-data: install
	mkdir -p var
	$(BENCH_ENV) $(BIN)/python manage.py create_database
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py generate_dataset --if-empty

bench: bench-data
	$(BENCH_ENV) $(BIN)/python manage.py bench_pages --repeat 20
	$(BENCH_ENV) $(BIN)/python -m timeline.ingest.bench
	@# The browser part: headless Chromium against gunicorn on the same dataset.
	$(BENCH_ENV) $(BIN)/python tests/load/bench_browser.py --repeat 10

# gunicorn + wrk on the benchmark dataset while load_articles writes (set BENCH_DATABASE_URL for PostgreSQL).
loadtest: bench-data
	tests/load/run.sh
