"""``/healthz``: 200 with every check passing, 503 naming the one that fails; answered before the
host check, the HTTPS redirect and the session."""

import pytest
from django.db import OperationalError
from django.test import override_settings

from timeline import health

pytestmark = pytest.mark.django_db


def test_everything_reachable_is_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response and "Content-Security-Policy" not in response


@pytest.mark.parametrize("name", list(health.CHECKS))
def test_a_failing_check_is_503_and_named(client, monkeypatch, name):
    def down():
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, name, down)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"][name] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"][name]["ms"],
    }
    assert all(check["ok"] for other, check in body["checks"].items() if other != name)


def test_a_cache_that_loses_what_it_stores_fails(client, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda key: None)
    assert client.get("/healthz").json()["checks"]["cache"]["ok"] is False


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
def test_the_database_queue_reports_what_waits(client):
    from timeline.tasks import load_run

    load_run.enqueue(0)
    task_queue = client.get("/healthz").json()["checks"]["task_queue"]
    assert (task_queue["backend"], task_queue["queued"]) == ("DatabaseBackend", 1)
    assert task_queue["oldest_queued_s"] >= 0


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["timeline.example"])
def test_a_load_balancer_asking_by_address_over_http_is_answered(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400  # the site itself still checks


def test_other_methods_are_not_the_health_check(client):
    assert client.post("/healthz").status_code == 404
