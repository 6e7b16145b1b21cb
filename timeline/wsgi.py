"""WSGI entry point (``gunicorn timeline.wsgi``)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

application = get_wsgi_application()

# The objects loaded so far live as long as the process: keeping them out of the garbage
# collector's full passes removes pauses of tens of milliseconds from requests that happen to
# trigger one (and keeps the pages forked workers share unwritten).
gc.collect()
gc.freeze()
