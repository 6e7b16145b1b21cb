# Everything a newcomer needs: `make run` serves the seeded timeline, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TBAQ ?= ../shared/corpora/tbaq
EST ?= ../shared/corpora/est
SEEDS ?= ../shared/seeds
RUN_ADDRESS ?= 127.0.0.1:8000

.PHONY: install browser-deps run test test-postgres lint check-migrations format eval bench-data bench bench-large loadtest lock

# The development environment: production's pins (requirements.lock, all a server installs) and the
# test and lint tools over them (requirements-dev.lock).
$(INSTALLED): requirements.lock requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
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
	@# The worker runs the loads queued from the admin and by `load_articles --queue`, beside the
	@# server; it stops with it (Ctrl-C).
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(RUN_ADDRESS)

# The suite with the coverage of timeline/: a report of the files not fully covered (configured in
# pyproject.toml), and a floor a little below what the suite reaches.
COVERAGE := --cov --cov-report=term --cov-fail-under=91
test: install browser-deps
	$(BIN)/python -m pytest $(COVERAGE)

# The same suite against PostgreSQL (DATABASE_URL defaults to the local server).
test-postgres: install browser-deps
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/timeline} $(BIN)/python -m pytest -p no:randomly

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Every model change has its migration.
check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/python -m timeline.ingest.evaluate $(TBAQ) --floor timeline/ingest/eval_floor.json
	$(BIN)/python -m timeline.ingest.evaluate $(EST) --language et --floor timeline/ingest/eval_floor.json
	$(BIN)/python -m timeline.ingest.evaluate --articles tests/extraction_corpus --floor timeline/ingest/eval_floor.json

# Benchmarks on a generated dataset kept in var/ between runs (set BENCH_DATABASE_URL for PostgreSQL,
# BENCH_EVENTS for another size than 100,000 events), with the production settings the server runs on.
BENCH_EVENTS ?= 100000
BENCH_ENV := DJANGO_SETTINGS_MODULE=timeline.settings.production \
	DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=testserver \
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3}
bench-data: install
	mkdir -p var
	$(BENCH_ENV) $(BIN)/python manage.py create_database
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py generate_dataset --if-empty --events $(BENCH_EVENTS)

bench: bench-data
	$(BENCH_ENV) $(BIN)/python manage.py bench_pages --repeat 20
	$(BENCH_ENV) $(BIN)/python manage.py bench_large_source
	$(BENCH_ENV) $(BIN)/python -m timeline.ingest.bench
	@# The browser part: headless Chromium against gunicorn on the same dataset.
	$(BENCH_ENV) $(BIN)/python tests/load/bench_browser.py --repeat 10

# The same benchmarks at the larger scale point: 1,000,000 events on PostgreSQL, in a database of their own.
BENCH_LARGE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/timeline_bench_large
bench-large:
	$(MAKE) bench BENCH_EVENTS=1000000 BENCH_DATABASE_URL=$(BENCH_LARGE_DATABASE_URL)

# gunicorn + wrk on the benchmark dataset while load_articles writes (set BENCH_DATABASE_URL for PostgreSQL).
loadtest: bench-data
	tests/load/run.sh

# Both lock files anew from pyproject.toml, at the newest versions it allows, in a throwaway
# virtualenv: the production dependencies first, then the dev extra constrained to those pins.
LOCK_VENV := var/lock-venv
DEPENDENCIES := $(PYTHON) -c 'import sys, tomllib; project = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	print("\n".join(project["dependencies"] if sys.argv[1] == "production" else project["optional-dependencies"]["dev"]))'
PIP_INSTALL := $(LOCK_VENV)/bin/pip install --quiet --disable-pip-version-check
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(DEPENDENCIES) production > $(LOCK_VENV)/production.in
	$(DEPENDENCIES) dev > $(LOCK_VENV)/dev.in
	$(PIP_INSTALL) -r $(LOCK_VENV)/production.in
	{ sed -n '/^#/p' requirements.lock; $(LOCK_VENV)/bin/pip freeze; } > $(LOCK_VENV)/production.lock
	$(PIP_INSTALL) -c $(LOCK_VENV)/production.lock -r $(LOCK_VENV)/dev.in
	{ sed -n '/^[#-]/p' requirements-dev.lock; \
		$(LOCK_VENV)/bin/pip freeze | grep -vxiF -f $(LOCK_VENV)/production.lock; } > $(LOCK_VENV)/dev.lock
	mv $(LOCK_VENV)/production.lock requirements.lock
	mv $(LOCK_VENV)/dev.lock requirements-dev.lock
	rm -rf $(LOCK_VENV)
