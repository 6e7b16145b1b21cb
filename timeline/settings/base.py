"""Settings every purpose shares, read from the environment with safe defaults.

This module is not used on its own: ``development`` (manage.py's default), ``production`` (the
WSGI entry point, ``check --deploy``) and ``test`` (pytest) each start from it. What it sets is
what production needs; the others relax it.

- ``DJANGO_SECRET_KEY``: required in production.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names (default: localhost only).
- ``DATABASE_URL``: e.g. ``postgres://user@127.0.0.1:5432/timeline``; default is ``db.sqlite3``.
- ``CACHE_URL``: e.g. ``redis://127.0.0.1:6379/1``, a cache every app server shares; default (or
  ``locmem://``) is each process's own memory.
- ``DJANGO_SECURE_SSL_REDIRECT``: set to "0" when TLS ends before the app and redirects are done there.
- ``DJANGO_HSTS_SECONDS``: the Strict-Transport-Security max-age (one year by default).
- ``TIMELINE_LOG_LEVEL``: the level of the app's own log lines (INFO by default).
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parents[2]


def env_bool(name: str, default: bool = False) -> bool:
    """An on/off variable: "1", "true", "yes" or "on" (any case) is on; unset or empty is ``default``."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated variable as a list, ``default`` when unset or empty."""
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_htmx",
    "template_partials",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "timeline",
]

MIDDLEWARE = [
    # /healthz answers before anything else runs: no host check, HTTPS redirect, session or CSP.
    "timeline.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets readers work while the loader writes; IMMEDIATE takes the write lock up front, so a
    # read-then-write transaction waits for a concurrent writer instead of failing with "locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No parallel workers within a query: the pages' queries take milliseconds, which starting and
    # gathering workers adds to, and on a server of a few cores the workers take the CPU that other
    # requests' processes need (the cold timeline pages measured faster without them).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(
        filter(None, [options.get("options"), "-c max_parallel_workers_per_gather=0"])
    )

REDIS_SCHEMES = ("redis", "rediss", "unix")


def cache_from_url(url: str) -> dict:
    """The default cache for ``CACHE_URL``: each process's memory when it is empty or ``locmem://``,
    Django's Redis backend for ``redis://``, ``rediss://`` (TLS) or ``unix://`` (a socket), with
    several servers separated by commas (the first takes the writes). Any other value stops the
    process with one line naming the variable (and not the URL, which may hold a password)."""
    if url in ("", "locmem://"):
        # One page of results takes some fifty entries, which the default limit of 300 would keep culling.
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
    servers = [server.strip() for server in url.split(",")]
    for server in servers:
        try:
            parts = urlsplit(server)
        except ValueError:  # an unclosed [ in an IPv6 address, for one
            sys.exit("CACHE_URL is not a URL, as in redis://127.0.0.1:6379/1.")
        if parts.scheme not in REDIS_SCHEMES:
            sys.exit(
                f"CACHE_URL must start with redis://, rediss://, unix:// or locmem:// "
                f"(it starts with {parts.scheme + '://' if parts.scheme else 'no scheme'})."
            )
        database = parts.path.strip("/")
        if parts.scheme != "unix" and database and not database.isdigit():
            sys.exit("CACHE_URL's path must be a Redis database number, as in redis://127.0.0.1:6379/1.")
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": ",".join(servers),
        # A Redis that stops answering fails a request in seconds instead of holding it.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }


# Timeline results and card markup (timeline.caching): in each process's memory by default, shared by
# every process and app server with CACHE_URL. The data version keys them, which the database keeps,
# so a write through any server is seen by the next request on every other.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "").strip())}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed files with hashed names, from collectstatic (development and tests use the
        # plain storage, which needs no collectstatic).
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security headers; development turns the HTTPS-only ones off so runserver works over plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie; the token goes in a header set on <body>.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Scripts only from our own origin: htmx is configured (in a meta tag) to inject no styles and
# to use no eval. The admin writes some inline style attributes, so styles allow them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Server errors (500s, with their tracebacks) go to stderr, which gunicorn and systemd keep, even with
# debug off, where Django's own console handler is silent. Django also mails them to ADMINS, which a
# deployment can set in a settings module of its own (with EMAIL_HOST) that starts from production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # With debug on, Django's console handler prints them already.
        "server_errors": {
            "class": "logging.StreamHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "loggers": {
        "timeline": {"handlers": ["console"], "level": os.environ.get("TIMELINE_LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["server_errors"]},
    },
}

# The loader refuses files larger than this before reading them whole.
TIMELINE_MAX_ARTICLE_BYTES = int(os.environ.get("TIMELINE_MAX_ARTICLE_BYTES", 5 * 1024 * 1024))
# The loader stores at most this many date mentions per article (the first ones): text dense with
# dates (tables, logs, junk) would otherwise bury the curators' review queue.
TIMELINE_MAX_MENTIONS_PER_ARTICLE = int(os.environ.get("TIMELINE_MAX_MENTIONS_PER_ARTICLE", 2000))
# And at most this many quoted statements: a text dense with quotes would bury it as well.
TIMELINE_MAX_STATEMENTS_PER_ARTICLE = int(os.environ.get("TIMELINE_MAX_STATEMENTS_PER_ARTICLE", 2000))
# Loading from the admin and `load_articles --queue`: the inputs of one run together (files, pasted
# text) may hold at most this many bytes, in at most this many files or URLs.
TIMELINE_MAX_UPLOAD_BYTES = int(os.environ.get("TIMELINE_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
TIMELINE_MAX_UPLOAD_INPUTS = int(os.environ.get("TIMELINE_MAX_UPLOAD_INPUTS", 100))
# A pasted article arrives as a form field: let one as large as the loader takes reach the form,
# which then says what is wrong with it.
DATA_UPLOAD_MAX_MEMORY_SIZE = TIMELINE_MAX_ARTICLE_BYTES + 256 * 1024
# And one file more than a load may hold, so that the form says so rather than a bare 400.
DATA_UPLOAD_MAX_NUMBER_FILES = TIMELINE_MAX_UPLOAD_INPUTS + 1
# Fetching articles by URL (timeline.ingest.fetch): seconds for the whole fetch, redirects followed,
# and whether loopback addresses are allowed (only for tests against a local server).
TIMELINE_FETCH_TIMEOUT = float(os.environ.get("TIMELINE_FETCH_TIMEOUT", 20))
TIMELINE_FETCH_MAX_REDIRECTS = int(os.environ.get("TIMELINE_FETCH_MAX_REDIRECTS", 5))
TIMELINE_FETCH_ALLOW_LOOPBACK = env_bool("TIMELINE_FETCH_ALLOW_LOOPBACK", False)

# Background work (the loads queued from the admin and `load_articles --queue`): django-tasks with
# its database backend, which needs no other service; `manage.py db_worker` runs the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A load the worker has saved no progress of for this many seconds is shown as stopped: a worker
# killed outright (kill -9, the machine lost) cannot say so, and the database queue keeps no
# heartbeat. Longer than any one article takes to load (fetching one takes TIMELINE_FETCH_TIMEOUT).
TIMELINE_LOAD_SILENT_AFTER = int(os.environ.get("TIMELINE_LOAD_SILENT_AFTER", 600))

TIMELINE_PAGE_SIZE = 50
TIMELINE_MAX_PAGE_SIZE = 500
