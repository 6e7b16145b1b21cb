"""Production: what ``base`` sets, and a secret key from ``DJANGO_SECRET_KEY`` without which the
process stops with one line saying so (not a traceback)."""

import sys

from timeline.settings.base import *  # noqa: F403
from timeline.settings.base import SECRET_KEY

if not SECRET_KEY:
    sys.exit(
        "DJANGO_SECRET_KEY must be set for the production settings (timeline.settings.production); "
        "for local work use timeline.settings.development, manage.py's default."
    )
