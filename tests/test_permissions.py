"""Who may do what: curators curate, other staff and visitors cannot, the public sees published work."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import make_event, make_source
from timeline.models import DateMention, Event, Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def plain_staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", password="pw", is_staff=True))
    return client


@pytest.fixture
def mention():
    source = make_source(text="Shells crossed on 18 Nov 2022 by rail.")
    row = DateMention(source=source, start=18, end=29, text="18 Nov 2022", sentence_start=0, sentence_end=38)
    row.date_start = row.date_end = make_event("Shells by rail").date_start
    row.save()
    return row


def test_curator_group_is_created_by_the_migration():
    group = Group.objects.get(name="curator")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    for model in ["event", "statement", "citation", "source", "actor", "thread", "outlet", "datemention"]:
        for action in ["add", "change", "delete", "view"]:
            assert ("timeline", f"{action}_{model}") in codenames
    assert ("timeline", "view_historicalevent") in codenames
    assert ("timeline", "change_historicalevent") not in codenames
    assert not any(app == "auth" for app, _ in codenames)
    assert {app for app, _ in codenames} == {"timeline"}
    assert Permission.objects.filter(group=group, codename__endswith="_user").count() == 0


ADMIN_PAGES = [
    "admin:index",
    "admin:timeline_event_changelist",
    "admin:timeline_event_add",
    "admin:timeline_datemention_changelist",
    "admin:timeline_statement_changelist",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_curator_can_open_the_curation_pages(curator_client, name):
    assert curator_client.get(reverse(name)).status_code == 200


def test_curator_runs_the_workflow(curator_client, curator, mention):
    review = reverse("admin:timeline_datemention_review", args=[mention.pk])
    assert curator_client.get(review).status_code == 200
    assert curator_client.post(review, {"_create": "1", "title": "Shells crossed"}).status_code == 302
    event = Event.objects.get(title="Shells crossed")
    assert event.history.first().history_user == curator
    url = reverse("admin:timeline_event_changelist")
    curator_client.post(url, {"action": "publish", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    history = reverse("admin:timeline_event_history", args=[event.pk])
    assert curator_client.get(history).status_code == 200


@pytest.mark.parametrize(
    "name", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]
)
def test_curator_cannot_manage_users_or_groups(curator_client, name):
    assert curator_client.get(reverse(name)).status_code == 403


def test_staff_without_the_group_cannot_curate(plain_staff_client, mention):
    for name in ADMIN_PAGES[1:]:
        assert plain_staff_client.get(reverse(name)).status_code == 403
    review = reverse("admin:timeline_datemention_review", args=[mention.pk])
    assert plain_staff_client.get(review).status_code == 403
    assert plain_staff_client.post(review, {"_dismiss": "1"}).status_code == 403
    mention.refresh_from_db()
    assert mention.review == Review.PENDING
    event = Event.objects.get()
    response = plain_staff_client.post(
        reverse("admin:timeline_event_changelist"), {"action": "unpublish", "_selected_action": [event.pk]}
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_anonymous_visitors_are_sent_to_login(client, mention):
    for url in [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_datemention_review", args=[mention.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(reverse("admin:timeline_datemention_review", args=[mention.pk]), {"_dismiss": "1"})
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.review == Review.PENDING


def test_anonymous_visitors_only_read_published_content(client):
    published = make_event("Published one")
    draft = make_event("Draft one", status=Event.Status.DRAFT)
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Draft one" not in client.get("/").content.decode()
    assert client.post("/").status_code == 405


def test_curator_can_search_events_from_the_review_page(curator_client, mention):
    review = curator_client.get(
        reverse("admin:timeline_datemention_review", args=[mention.pk])
    ).content.decode()
    assert 'data-model-name="datemention"' in review and 'data-field-name="event"' in review
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "timeline", "model_name": "datemention", "field_name": "event", "term": "shells"},
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Shells by rail"]


@pytest.mark.parametrize("object_id", ["abc", "1.5", "%00"])
def test_review_page_answers_404_for_an_id_that_is_no_id(admin_client, object_id):
    url = reverse("admin:timeline_datemention_review", args=["0"]).replace("/0/", f"/{object_id}/")
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, {"_dismiss": "1"}).status_code == 404


@pytest.mark.parametrize("object_id", ["abc", "999999"])
def test_review_page_checks_permission_before_looking_the_id_up(plain_staff_client, object_id):
    url = reverse("admin:timeline_datemention_review", args=["0"]).replace("/0/", f"/{object_id}/")
    assert plain_staff_client.get(url).status_code == 403


def test_attaching_to_an_id_that_is_no_event_is_a_form_error(curator_client, mention):
    review = reverse("admin:timeline_datemention_review", args=[mention.pk])
    for value in ["abc", "999999"]:
        response = curator_client.post(review, {"_attach": value})
        assert response.status_code == 200
        assert f"There is no event “{value}” to attach it to." in response.content.decode()
    mention.refresh_from_db()
    assert mention.review == Review.PENDING and not mention.citations.exists()
