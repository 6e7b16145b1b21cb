"""The settings modules: production passes the deployment checklist and refuses to start without a
secret key (in one line); development works on a fresh checkout with no environment at all."""

import io
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import path

from timeline.settings.base import cache_from_url

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


PRODUCTION = "timeline.settings.production"
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-real-secret-key-with-plenty-of-entropy-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="timeline.example.org",
        DJANGO_SETTINGS_MODULE=PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key_in_one_line():
    result = run_manage("check", DJANGO_SETTINGS_MODULE=PRODUCTION)
    assert result.returncode != 0
    assert result.stderr.startswith("DJANGO_SECRET_KEY must be set")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # no traceback


def test_gunicorn_stops_with_one_line_without_a_secret_key():
    """The server's master process reads the settings first (gunicorn.conf.py), so it stops at
    once with the reason instead of restarting workers that fail."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [gunicorn, "timeline.wsgi", "-w", "2", "-b", "127.0.0.1:0"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("[")]  # gunicorn's log
    assert len(lines) == 1 and lines[0].startswith("DJANGO_SECRET_KEY must be set"), result.stderr
    assert "Traceback" not in result.stderr and "Booting worker" not in result.stderr


def test_the_wsgi_entry_point_alone_exits_with_the_status_that_stops_a_server():
    """Started without gunicorn.conf.py, each worker imports timeline.wsgi: it exits with status 4,
    on which gunicorn stops instead of restarting the worker."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "import timeline.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 4
    assert result.stderr.startswith("DJANGO_SECRET_KEY must be set")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_the_cache_is_each_processs_memory_unless_cache_url_names_a_redis():
    assert cache_from_url("")["BACKEND"] == cache_from_url("locmem://")["BACKEND"] == LOCMEM
    shared = cache_from_url("redis://:secret@cache.internal:6379/1")
    assert (shared["BACKEND"], shared["LOCATION"]) == (
        "django.core.cache.backends.redis.RedisCache",
        "redis://:secret@cache.internal:6379/1",
    )
    for url in (
        "rediss://cache.internal:6380",
        "unix:///run/redis.sock?db=2",
        "redis://a:6379/0,redis://b/0",
    ):
        assert cache_from_url(url)["LOCATION"] == url


@pytest.mark.parametrize(
    "url, line",
    [
        ("memcached://user:s3cret@cache.internal:11211", "CACHE_URL must start with redis://"),
        ("127.0.0.1:6379", "CACHE_URL must start with redis://"),
        ("redis://:s3cret@127.0.0.1:6379/results", "CACHE_URL's path must be a Redis database number"),
        ("redis://127.0.0.1:6379/1,memcached://127.0.0.1", "CACHE_URL must start with redis://"),
        ("redis://[::1:6379/1", "CACHE_URL is not a URL"),
    ],
)
def test_a_cache_url_the_settings_cannot_use_stops_with_one_line(url, line):
    result = run_manage("check", CACHE_URL=url)
    assert result.returncode != 0
    assert result.stderr.startswith(line)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # no traceback
    assert "s3cret" not in result.stderr


def test_a_fresh_checkout_runs_management_commands_with_no_environment(tmp_path):
    """Development is manage.py's default: no secret key, no DJANGO_DEBUG needed."""
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    migrated = run_manage("migrate", "--noinput", "-v0", DATABASE_URL=database)
    assert (migrated.returncode, migrated.stderr) == (0, "")
    created = run_manage(
        "createsuperuser",
        "--noinput",
        "--username=curator",
        "--email=curator@example.org",
        DATABASE_URL=database,
        DJANGO_SUPERUSER_PASSWORD="a-long-enough-password-1",
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == "Superuser created successfully."
    # Commands written for the old settings, with DJANGO_DEBUG=1, work as before.
    checked = run_manage("check", DATABASE_URL=database, DJANGO_DEBUG="1")
    assert (checked.returncode, checked.stderr) == (0, "")


def test_postgresql_runs_queries_without_parallel_workers_and_keeps_the_urls_options():
    printed = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS']['options'])"
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        printed,
        DATABASE_URL="postgres://timeline@127.0.0.1:5432/timeline?options=-c%20statement_timeout%3D5000",
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0"


def test_create_database_makes_a_missing_postgres_database_once():
    """``create_database`` (make bench-data) creates a missing PostgreSQL database and leaves an
    existing one alone; with SQLite, which creates its own file, it does nothing."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith("postgres"):
        missing = Path("/tmp/never-created.sqlite3")
        result = run_manage("create_database", DATABASE_URL=f"sqlite:///{missing}", DJANGO_SECRET_KEY="x")
        assert (result.returncode, result.stdout, missing.exists()) == (0, "", False)
        return
    import dj_database_url
    import psycopg

    name = f"timeline_create_{uuid.uuid4().hex[:12]}"
    url = configured.rsplit("/", 1)[0] + f"/{name}"
    first, second = (run_manage("create_database", DATABASE_URL=url, DJANGO_SECRET_KEY="x") for _ in range(2))
    db = dj_database_url.parse(url)
    server = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    assert exists
    assert (first.returncode, first.stdout.strip()) == (0, f"Created database {name}.")
    assert (second.returncode, second.stdout) == (0, "")


def fail(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("fails/", fail)]


def server_log_handlers() -> list[logging.StreamHandler]:
    """The stream handlers a ``django.request`` record reaches, as the settings configure them
    (the test runner's own capture handlers aside)."""
    handlers, logger = [], logging.getLogger("django.request")
    while logger:
        handlers += [
            handler
            for handler in logger.handlers
            if isinstance(handler, logging.StreamHandler)
            and not type(handler).__module__.startswith("_pytest")
        ]
        logger = logger.parent if logger.propagate else None
    return handlers


@pytest.fixture
def server_log():
    """What the configured handlers of ``django.request`` write during the test."""
    written = io.StringIO()
    handlers = server_log_handlers()
    streams = [handler.setStream(written) for handler in handlers]
    yield written
    for handler, stream in zip(handlers, streams, strict=True):
        handler.setStream(stream)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_is_logged_with_its_traceback_when_debug_is_off(server_log):
    response = Client(raise_request_exception=False).get("/fails/")
    assert response.status_code == 500
    log = server_log.getvalue()
    assert "Internal Server Error: /fails/" in log
    assert "RuntimeError: a bug in a view" in log  # with the traceback


@pytest.mark.django_db
def test_a_missing_page_is_not_logged_as_an_error(client, server_log):
    assert client.get("/no/such/page/").status_code == 404
    assert server_log.getvalue() == ""
