"""The test suite (pytest's ``DJANGO_SETTINGS_MODULE``): production's settings with a throwaway
secret key, no HTTPS redirect (the test client speaks plain HTTP; the tests that check the redirect
turn it on), and static files served without collectstatic."""

from timeline.settings.base import *  # noqa: F403
from timeline.settings.base import SECRET_KEY, STORAGES

SECRET_KEY = SECRET_KEY or "django-insecure-test-only"
SECURE_SSL_REDIRECT = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# A queued task runs at once, in the process that queued it: no worker to start (the tests of the
# database queue switch to it and run the worker in-process).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
