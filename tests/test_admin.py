"""The curators' admin: every page loads, and the date field takes what a curator types."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import make_actor, make_citation, make_event, make_source, make_statement, make_thread
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(db):
    event = make_event("Rail cars cross", "18-19 Nov 2022", thread=make_thread(), actors=[make_actor()])
    make_citation(event)
    make_statement(event, date="22 Dec 2022")


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.model_name)
def test_every_admin_page_loads(admin_client, one_of_each, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "rail"}).status_code == 200
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert admin_client.get(change).status_code == 200


def test_admin_requires_login(client):
    response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def event_form(**overrides):
    data = {
        "title": "Cargo unloaded at Tumangang",
        "slug": "cargo-unloaded",
        "date": "late November 2022",
        "summary": "",
        "status": "published",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


def test_event_date_is_typed_as_a_person_writes_it(admin_client):
    response = admin_client.post(reverse("admin:timeline_event_add"), event_form())
    assert response.status_code == 302
    event = Event.objects.get(slug="cargo-unloaded")
    assert str(event.date) == "late Nov 2022"
    assert (event.date_precision, event.date_modifier) == ("month", "late")


def test_an_unreadable_date_gets_a_clear_message_and_nothing_is_saved(admin_client):
    response = admin_client.post(reverse("admin:timeline_event_add"), event_form(date="sometime soon"))
    assert response.status_code == 200
    assert "is not a date this timeline understands" in response.content.decode()
    assert not Event.objects.exists()


def test_publish_and_unpublish_actions(admin_client):
    draft = make_event("Draft", status=Event.Status.DRAFT)
    url = reverse("admin:timeline_event_changelist")
    admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Event.Status.PUBLISHED and draft.published_at is not None
    admin_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Event.Status.DRAFT


def test_source_list_shows_duplicates(admin_client):
    original = make_source("Original")
    make_source("Copy", duplicate_of=original)
    html = admin_client.get(reverse("admin:timeline_source_changelist")).content.decode()
    assert "Copy" in html and "Original" in html


@pytest.mark.parametrize(
    "params",
    [
        {"status__exact": "\x00"},
        {"thread__id__exact": "\x00"},
        {"q": "rail\x00"},
        {"date_start__year": "\x00"},
        {"\x00": "1"},
    ],
    ids=["choice-filter", "related-filter", "search", "date-hierarchy", "name"],
)
def test_a_nul_character_in_a_list_query_is_an_unusable_lookup(admin_client, one_of_each, params):
    for model in admin.site._registry:
        opts = model._meta
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), params)
        assert response.status_code in (200, 302), opts.label
        if response.status_code == 302:
            assert admin_client.get(response["Location"]).status_code == 200


def test_autocomplete_finds_nothing_for_a_nul_character(admin_client, one_of_each):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "timeline", "model_name": "event", "field_name": "merged_into", "term": "rail\x00"},
    )
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("path", ["{pk}/history/abc/", "abc/history/", "abc/history/1/", "{pk}/history/1.5/"])
def test_history_pages_answer_404_for_ids_that_are_no_ids(admin_client, one_of_each, path):
    event = Event.objects.get()
    base = reverse("admin:timeline_event_changelist")
    assert admin_client.get(base + path.format(pk=event.pk)).status_code == 404
    version = event.history.first().history_id
    assert admin_client.get(base + f"{event.pk}/history/{version}/").status_code == 200


def test_event_date_can_be_typed_in_edtf(admin_client):
    response = admin_client.post(
        reverse("admin:timeline_event_add"), event_form(date="2022-11-18/2022-11-19")
    )
    assert response.status_code == 302
    event = Event.objects.get(slug="cargo-unloaded")
    assert (str(event.date), event.date_precision, event.date.edtf) == (
        "18–19 Nov 2022",
        "day",
        "2022-11-18/2022-11-19",
    )
