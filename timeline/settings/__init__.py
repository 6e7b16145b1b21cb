"""Settings modules, one per purpose: ``development`` (manage.py's default), ``production`` (the WSGI
and ASGI entry points, ``check --deploy``) and ``test`` (pytest), each built on ``base``."""
