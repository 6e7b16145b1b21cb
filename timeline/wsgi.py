"""WSGI entry point (``gunicorn timeline.wsgi``), on the production settings by default."""

import gc
import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings.production")

try:
    application = get_wsgi_application()
except SystemExit as stop:
    # The settings stop the process with a one-line reason (a missing secret key). gunicorn
    # restarts a worker that exits, at once and forever, unless its status is 4 ("the application
    # could not be loaded"), on which the whole server stops.
    if isinstance(stop.code, str):
        print(stop.code, file=sys.stderr)
    raise SystemExit(4) from None

# The objects loaded so far live as long as the process: keeping them out of the garbage
# collector's full passes removes pauses of tens of milliseconds from requests that happen to
# trigger one (and keeps the pages forked workers share unwritten).
gc.collect()
gc.freeze()
