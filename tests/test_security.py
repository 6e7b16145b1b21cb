"""Security headers and request hygiene on the public pages."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_content_security_policy_allows_no_inline_script(client):
    make_event("Purchase reports", "early Sep 2022")
    response = client.get(reverse("timeline"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    html = response.content.decode()
    # htmx is told not to inject a <style> element nor to eval anything.
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html
    assert "<script>" not in html  # every script comes from a static file


def test_security_headers(client):
    response = client.get(reverse("timeline"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=True)
def test_https_only_in_production(client):
    assert client.get(reverse("timeline")).status_code == 301  # plain HTTP is redirected
    response = client.get(reverse("timeline"), secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_unknown_host_is_refused(client):
    assert client.get(reverse("timeline"), headers={"Host": "evil.example"}).status_code == 400


def test_admin_login_enforces_csrf():
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
