"""Cached timeline results: keyed on a data version that every write changes, so the count, the
axis and the pages always follow the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    make_actor,
    make_citation,
    make_event,
    make_outlet,
    make_source,
    make_statement,
    make_thread,
)
from timeline.caching import data_version
from timeline.models import Actor, Citation, DataVersion, Event, Outlet, Source, Stance, Statement, Thread

# Each test runs on each process's memory and on a shared Redis (see the cache_backend fixture).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_backend")]
TIMELINE = reverse("timeline")


def summary(response) -> tuple[int, list[str], list[str]]:
    """The count, the titles of the axis's marks, the titles of the cards."""
    axis = response.context["axis"]
    marks = [mark.event.title for lane in axis.lanes for mark in lane.marks] if axis else []
    return (
        response.context["page"].paginator.count,
        marks,
        [card.event.title for card in response.context["page"].object_list],
    )


def queries(client, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        client.get(TIMELINE, params or {})
    return [query["sql"] for query in captured.captured_queries]


def grouped_queries(client, params=None) -> int:
    """How many queries reading the events' counts per thread and month (grouped or kept) a request runs."""
    return sum('AS "month"' in sql for sql in queries(client, params))


def text_queries(client, params) -> int:
    """How many queries matching words against the full-text index a request runs."""
    return sum("MATCH" in sql or "to_tsquery" in sql for sql in queries(client, params))


def test_a_newly_published_event_changes_the_count_and_the_axis(client):
    make_event("December", "31 Dec 2022")
    make_event("January", "1 Jan 2023")
    client.get(TIMELINE)  # cached now
    assert summary(client.get(TIMELINE)) == (
        2,
        ["December", "January"],
        ["December", "January"],
    )
    later = make_event("Later in January", "15 Jan 2023", status=Event.Status.DRAFT)
    assert summary(client.get(TIMELINE))[0] == 2
    later.status = Event.Status.PUBLISHED
    later.save()
    response = client.get(TIMELINE)
    assert summary(response) == (
        3,
        ["December", "January", "Later in January"],
        ["December", "January", "Later in January"],
    )
    assert "3 matching events" in response.content.decode()


def test_bulk_writes_that_send_no_signals_still_change_the_results(client):
    event = make_event("Rail cars cross", "18 Nov 2022")
    statement = make_statement(event, stance=Stance.ALLEGATION)
    assert summary(client.get(TIMELINE, {"stance": "denial"}))[0] == 0
    Statement.objects.filter(pk=statement.pk).update(stance=Stance.DENIAL)
    assert summary(client.get(TIMELINE, {"stance": "denial"}))[2] == ["Rail cars cross"]
    Event.objects.filter(pk=event.pk).update(status=Event.Status.DRAFT)
    assert summary(client.get(TIMELINE, {"stance": "denial"}))[0] == 0


def test_search_results_follow_edits(client):
    assert summary(client.get(TIMELINE, {"q": "tumangang"}))[0] == 0
    event = make_event("Cargo at Tumangang", "12 Dec 2022")
    assert summary(client.get(TIMELINE, {"q": "tumangang"}))[2] == ["Cargo at Tumangang"]
    event.title = "Cargo at the rail yard"
    event.save()
    assert summary(client.get(TIMELINE, {"q": "tumangang"}))[0] == 0


def test_a_repeated_view_is_served_from_the_cache(client):
    make_event("Rail cars cross", "18 Nov 2022", thread=make_thread(slug="rail"))
    make_thread(slug="photo")
    assert grouped_queries(client, {"thread": "rail"}) == 1
    assert grouped_queries(client, {"thread": "rail"}) == 0
    assert grouped_queries(client, {"thread": "photo", "page": "1"}) == 1  # another filter
    assert grouped_queries(client, {"page": "2", "thread": "rail", "page_size": "10"}) == 0  # same events


def test_a_narrowed_search_matches_the_text_once_per_view(client):
    for day in range(1, 8):
        make_event(f"Rail cars cross, day {day}", f"{day} Nov 2022")
    narrowed = {"q": "rail", "date_from": "2022-11-01", "page_size": "3"}
    assert text_queries(client, narrowed) == 1  # counts and page cut from one pass
    assert text_queries(client, narrowed) == 0
    response = client.get(TIMELINE, {**narrowed, "page": "2"})
    assert summary(response)[0] == 7
    assert summary(response)[2] == [f"Rail cars cross, day {day}" for day in (4, 5, 6)]
    # Alone: counted, paged, and (few enough to draw) read once more for the axis's marks.
    assert text_queries(client, {"q": "rail", "page_size": "3"}) == 3
    response = client.get(TIMELINE, {"q": "rail", "page_size": "3", "page": "3"})
    assert summary(response)[2] == ["Rail cars cross, day 7"]


def test_every_write_the_timeline_reads_changes_the_data_version():
    versions = [data_version()]

    def changed():
        versions.append(data_version())
        return versions[-1] != versions[-2]

    event = make_event("Rail cars cross")
    assert changed()
    actor = make_actor()
    assert changed()
    event.actors.add(actor)
    assert changed()
    citation = make_citation(event)
    assert changed()
    Citation.objects.filter(pk=citation.pk).delete()
    assert changed()
    Source.objects.update(title="Renamed")
    assert changed()
    Statement.objects.bulk_create([Statement(event=event, source=make_source(), quote="Q", stance="denial")])
    assert changed()
    Actor.objects.filter(pk=actor.pk).update(slug="renamed")
    assert changed()
    Thread.objects.create(name="Thread", slug="thread")
    assert changed()
    make_outlet()
    Outlet.objects.update(name="Outlet")
    assert changed()


def test_without_a_data_version_nothing_is_cached(client):
    make_event("Rail cars cross", "18 Nov 2022")
    DataVersion.objects.all().delete()
    assert data_version() is None
    assert grouped_queries(client) == 1
    assert grouped_queries(client) == 1
    make_event("Photo released", "20 Jan 2023")  # a write brings the version back
    assert data_version() is not None
    assert summary(client.get(TIMELINE))[0] == 2


def test_a_cards_markup_follows_edits_to_its_event_actors_and_statements(client):
    actor = make_actor("John Kirby")
    event = make_event("Rail cars cross", "18 Nov 2022", actors=[actor])
    assert "John Kirby" in client.get(TIMELINE).content.decode()
    Actor.objects.filter(pk=actor.pk).update(name="J. Kirby")
    html = client.get(TIMELINE).content.decode()
    assert "J. Kirby" in html and "John Kirby" not in html
    assert "badge--denial" not in html
    make_statement(event, stance=Stance.DENIAL)
    assert "badge--denial" in client.get(TIMELINE).content.decode()
    DataVersion.objects.all().delete()  # without a version, cards are rendered afresh
    Event.objects.filter(pk=event.pk).update(title="Rail cars seen")
    DataVersion.objects.all().delete()
    assert "Rail cars seen" in client.get(TIMELINE).content.decode()
