"""Create the PostgreSQL database that DATABASE_URL names, when it does not exist yet (SQLite creates
its file on first use). For the benchmark and load-test datasets, which live in their own database."""

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand
from psycopg import sql


class Command(BaseCommand):
    help = "Create the configured PostgreSQL database if it is missing."
    requires_system_checks = []  # the database may not exist yet

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if db["ENGINE"] != "django.db.backends.postgresql":
            return
        params = {
            "host": db["HOST"] or None,
            "port": db["PORT"] or None,
            "user": db["USER"] or None,
            "password": db["PASSWORD"] or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
                return
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        self.stdout.write(f"Created database {db['NAME']}.")
