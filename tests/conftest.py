import functools
import os

import pytest
import redis
from django.core.cache import cache
from django.core.management import call_command
from django.test.signals import template_rendered
from hypothesis import settings as hypothesis_settings
from template_partials.templatetags.partials import TemplateProxy

from timeline.settings.base import cache_from_url

# Hypothesis' deadline per example is a timing assertion: under coverage (make test) on a busy
# machine it fails on load, not on a fault. Speed is measured by the benchmarks instead.
hypothesis_settings.register_profile("timeline", deadline=None)
hypothesis_settings.load_profile("timeline")


@pytest.fixture
def seeded(db):
    """The curated seed timeline, loaded from fixtures/."""
    call_command("loaddata", "seed_timeline", verbosity=0)


@pytest.fixture
def htmx_get(client):
    """GET a URL as HTMX does when it swaps part of a page."""

    def get(url, target="results", **params):
        return client.get(url, params, headers={"HX-Request": "true", "HX-Target": target})

    return get


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached results, whatever ran before it."""
    cache.clear()


# The Redis the cache tests run on: a database of its own, which they empty before each test.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@functools.cache
def redis_unreachable() -> str | None:
    """Why the test Redis cannot be used, or None when it answers."""
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis at {TEST_REDIS_URL} does not answer ({error}); start it with redis-server"
    return None


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """Runs a test on each cache the settings offer: each process's memory (the default) and a
    shared Redis (CACHE_URL), as several app servers use it. Without Redis the Redis case fails
    in CI (CI=true) and is skipped, saying why, elsewhere."""
    if request.param == "redis":
        reason = redis_unreachable()
        if reason and os.environ.get("CI"):
            pytest.fail(reason)
        if reason:
            pytest.skip(reason)
        settings.CACHES = {"default": cache_from_url(TEST_REDIS_URL)}
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def partials_record_their_context():
    """A partial rendered on its own reports its context to the test client, as Django's test setup
    makes every template do (``response.context``), also when it includes no other template."""
    render = TemplateProxy._render

    def instrumented(self, context):
        template_rendered.send(sender=self, template=self, context=context)
        return render(self, context)

    TemplateProxy._render = instrumented
    yield
    TemplateProxy._render = render


@pytest.fixture
def curator(django_user_model):
    """A staff user in the curator group (its permissions from the data migration)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("curator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
