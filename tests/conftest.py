import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test.signals import template_rendered
from hypothesis import settings
from template_partials.templatetags.partials import TemplateProxy

# Hypothesis' deadline per example is a timing assertion: under coverage (make test) on a busy
# machine it fails on load, not on a fault. Speed is measured by the benchmarks instead.
settings.register_profile("timeline", deadline=None)
settings.load_profile("timeline")


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
