"""The OpenAPI document at /api/openapi.json: real responses of the seeded timeline validate against
it, and schemathesis fuzzes every operation it describes (no 5xx, every response as documented)."""

import jsonschema_rs
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import make_citation, make_source, make_statement
from timeline import openapi
from timeline.models import Event, Stance

pytestmark = pytest.mark.django_db

OPENAPI = reverse("openapi_json")
TEXT = "Officials said on Friday that rail cars carried shells across the border. Pyongyang denied it."


@pytest.fixture
def api_data(seeded):
    """The seed timeline, plus a source whose text is stored with a citation and a statement in it."""
    event = Event.objects.published().first()
    source = make_source("Rail report", url="https://example.org/rail", text=TEXT, published="2022-11-19")
    start = TEXT.index("rail cars")
    make_citation(event, source, TEXT[start : start + 41], start=start, end=start + 41)
    denial = TEXT.index("Pyongyang denied it.")
    make_statement(
        event, stance=Stance.DENIAL, quote="Pyongyang denied it.", source=source, start=denial, end=len(TEXT)
    )


@pytest.fixture
def document(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def response_validator(document, path, status, media="application/json"):
    operation = document["paths"][path]["get"]
    schema = operation["responses"][str(status)]["content"][media]["schema"]
    return jsonschema_rs.Draft202012Validator({**schema, "components": document["components"]})


# Every operation, with parameters that exercise each part of its answer, and invalid ones.
REQUESTS = [
    ("/api/events.json", {}, 200),
    ("/api/events.json", {"page_size": 3, "page": 2}, 200),
    ("/api/events.json", {"page": 1000}, 200),
    ("/api/events.json", {"stance": "denial", "min_sources": 2}, 200),
    ("/api/events.json", {"q": "rail", "date_from": "2022-11-01", "date_to": "2022-12-31"}, 200),
    ("/api/events.json", {"thread": "no-such-thread"}, 400),
    ("/api/events.json", {"date_from": "yesterday", "page_size": 0}, 400),
    ("/api/statements.json", {}, 200),
    ("/api/statements.json", {"side": "DPRK", "stance": "denial"}, 200),
    ("/api/statements.json", {"speaker": "nobody"}, 400),
    ("/timelinejs.json", {}, 200),
    ("/timelinejs.json", {"single_source": "1"}, 200),
    ("/timelinejs.json", {"disputed": "1"}, 200),
    ("/timelinejs.json", {"stance": "shrug"}, 400),
    ("/events.csv", {"min_sources": "x"}, 400),
]


@pytest.mark.parametrize(("path", "params", "status"), REQUESTS)
def test_real_responses_match_the_document(client, api_data, document, path, params, status):
    response = client.get(path, params)
    assert response.status_code == status
    errors = [str(error) for error in response_validator(document, path, status).iter_errors(response.json())]
    assert errors == []


def test_every_operation_is_exercised_and_every_filter_documented(document):
    assert {path for path, _, _ in REQUESTS} == set(document["paths"])
    names = {p["name"] for p in document["paths"]["/api/events.json"]["get"]["parameters"]}
    assert names == {
        "q", "date_from", "date_to", "thread", "actor", "stance", "outlet", "min_sources", "single_source",
        "disputed", "page", "page_size",
    }  # fmt: skip
    page_size = next(
        p for p in document["paths"]["/api/events.json"]["get"]["parameters"] if p["name"] == "page_size"
    )
    assert page_size["schema"] == {"type": "integer", "minimum": 1, "maximum": 500}


def test_the_document_notices_a_response_that_drifts(client, api_data, document):
    """The schemas are closed: a field the document does not describe is an error, so it cannot
    silently fall behind the serialisers."""
    data = client.get("/api/events.json").json()
    data["results"][0]["unexpected"] = 1
    assert not response_validator(document, "/api/events.json", 200).is_valid(data)


def test_the_document_is_built_once_per_process(client, monkeypatch, request):
    """It depends only on the code: later requests serve the document built for the first one."""
    openapi.document.cache_clear()
    request.addfinalizer(openapi.document.cache_clear)
    built = []
    monkeypatch.setattr(openapi, "operation", lambda *args, **kw: built.append(args) or {})
    first = client.get(OPENAPI).json()
    calls = len(built)
    assert calls > 0
    assert client.get(OPENAPI).json() == first
    assert len(built) == calls


# The document as the view serves it, and the site as its WSGI application answers (in the test's
# database, which the fixture fills).
fuzzed = schemathesis.openapi.from_dict(openapi.document())
fuzzed.app = get_wsgi_application()


@pytest.fixture
def connection_kept_across_requests():
    """Requests through the WSGI application share the test's transaction, as they do through
    Django's test client: the connection is not closed when a request finishes."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@fuzzed.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_server_error_and_no_undocumented_response(
    case, api_data, connection_kept_across_requests
):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
