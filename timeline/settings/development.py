"""Development: debug on, a fixed local secret key, plain HTTP. Works with no environment at all
(``DJANGO_DEBUG=0`` turns debug off, to see the error pages readers get)."""

from timeline.settings.base import *  # noqa: F403
from timeline.settings.base import SECRET_KEY, STORAGES, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# runserver speaks plain HTTP, and serves static files from their directories.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
