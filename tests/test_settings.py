"""Production settings: the deployment checklist passes and nothing insecure is a default."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-real-secret-key-with-plenty-of-entropy-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="timeline.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


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
