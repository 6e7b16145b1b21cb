"""``/healthz`` for load balancers: the database, the cache and the task queue each answer.

It is answered by the first middleware, before anything that would make it cost more or fail for
reasons of its own: no host check (a balancer asks by address), no HTTPS redirect (it asks over
plain HTTP inside the network), no session, CSRF, CSP or history work, nothing cached. The reply is
JSON, 200 when every check passes and 503 otherwise, naming each check and, for a failure, the
error's type only (the endpoint is public).

Each check is a function in ``CHECKS``, named beside what it reaches.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend

PATH = "/healthz"


def database() -> dict:
    """The default database answers a query."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def cache_backend() -> dict:
    """The cache stores a value and gives it back."""
    key, token = "healthz", uuid.uuid4().hex
    cache.set(key, token, 10)
    if cache.get(key) != token:
        raise RuntimeError("the cache did not return what was stored")
    return {}


def task_queue() -> dict:
    """The task backend is configured; with the database backend its table answers, and the reply
    says how many tasks wait and how long the oldest has waited (a worker that is not running)."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    found: dict = {"backend": type(backend).__name__}
    if isinstance(backend, DatabaseBackend):
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.ready().filter(backend_name=backend.alias)
        found["queued"] = waiting.count()
        oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        found["oldest_queued_s"] = round((timezone.now() - oldest).total_seconds()) if oldest else None
    return found


CHECKS: dict[str, Callable[[], dict]] = {
    "database": database,
    "cache": cache_backend,
    "task_queue": task_queue,
}


def check_all() -> tuple[bool, dict]:
    """(all passed, one entry per check: ``ok``, ``ms`` and what it found, or its ``error``)."""
    results, healthy = {}, True
    for name, check in CHECKS.items():
        start = time.perf_counter()
        try:
            entry = {"ok": True, **check()}
        except Exception as error:
            entry, healthy = {"ok": False, "error": type(error).__name__}, False
        entry["ms"] = round((time.perf_counter() - start) * 1000, 1)
        results[name] = entry
    return healthy, results


class HealthCheckMiddleware:
    """Answers GET and HEAD ``/healthz`` itself; every other request passes on untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        healthy, checks = check_all()
        response = JsonResponse({"status": "ok" if healthy else "unavailable", "checks": checks})
        response.status_code = 200 if healthy else 503
        response["Cache-Control"] = "no-store"
        return response
