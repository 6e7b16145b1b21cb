"""gunicorn's configuration, read from the directory it is started in (``gunicorn timeline.wsgi``)."""


def on_starting(server):
    """Read the settings once in the master process, before any worker starts: a setting that stops
    the process (the production settings without ``DJANGO_SECRET_KEY``) then stops gunicorn with its
    one line, instead of every worker failing in turn."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings.production")
    from django.conf import settings

    settings.SECRET_KEY  # noqa: B018 (loads the settings module)
