"""The kept counts of published events per thread and month (``LaneMonthCount``) and the search
index's lanes (``SearchLanes``): after every kind of write they agree with the events themselves,
and the timelines that read them show what a count would."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_event, make_statement, make_thread
from timeline.axis import month_number
from timeline.caching import TimelineResults
from timeline.dates import parse_period
from timeline.filters import EventFilter
from timeline.models import Event, LaneMonthCount, Stance, Thread
from timeline.search import SearchLanes

pytestmark = pytest.mark.django_db
TIMELINE = reverse("timeline")


def kept() -> list[tuple]:
    return sorted(LaneMonthCount.objects.per_lane_month(), key=str)


def counted() -> list[tuple]:
    return sorted(Event.objects.published().per_lane_month(), key=str)


def searched(word: str) -> list[tuple]:
    return sorted(SearchLanes(word).per_lane_month(), key=str)


def in_step() -> bool:
    """The kept counts, and the search index's lanes of the events some words match, are what the
    events themselves give."""
    published = Event.objects.published()
    return kept() == counted() and all(
        searched(word) == sorted(published.search(word).per_lane_month(), key=str)
        for word in ("rail", "cars", "draft", "undated")
    )


def test_the_counts_follow_every_write_to_events():
    rail, photo = make_thread(slug="rail"), make_thread(slug="photo")
    first = make_event("Rail cars cross", "18 Nov 2022", thread=rail)
    make_event("More rail cars", "early Nov 2022", thread=rail)
    make_event("Undated thread", "Nov 2022")
    draft = make_event("Draft", "20 Nov 2022", thread=rail, status=Event.Status.DRAFT)
    november = month_number(date(2022, 11, 1))
    assert in_step()
    assert (rail.pk, november, 2, date(2022, 11, 18)) in kept()  # "early Nov" ends on the 10th
    assert (None, november, 1, date(2022, 11, 30)) in kept()

    draft.status = Event.Status.PUBLISHED
    draft.save()
    assert (rail.pk, november, 3, date(2022, 11, 20)) in kept()
    first.date = parse_period("5 Jan 2023")  # to another month
    first.thread = photo
    first.save()
    assert in_step()
    assert (photo.pk, month_number(date(2023, 1, 5)), 1, date(2023, 1, 5)) in kept()

    Event.objects.filter(thread=rail).update(status=Event.Status.DRAFT)  # bulk, no signals
    assert in_step()
    assert not [row for row in kept() if row[0] == rail.pk]
    Event.objects.update(status=Event.Status.PUBLISHED, date_end=date(2023, 2, 1))
    assert in_step()
    assert {row[3] for row in kept()} == {date(2023, 2, 1)}

    photo_id = photo.pk
    photo.delete()  # its events lose their thread, and their counts move with them
    assert in_step()
    assert not [row for row in kept() if row[0] == photo_id]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE timeline_event SET thread_id = %s WHERE title = %s", [rail.pk, "Draft"])
    assert in_step()

    Event.objects.filter(title="Draft").delete()
    first.refresh_from_db()
    first.delete()
    assert in_step() and kept() != []
    Event.objects.all().delete()
    assert kept() == [] == searched("rail")


def test_a_thread_deleted_with_events_leaves_no_counts_of_it():
    rail = make_thread(slug="rail")
    make_event("Rail cars cross", "18 Nov 2022", thread=rail)
    Thread.objects.filter(pk=rail.pk).delete()
    assert kept() == counted() == [(None, month_number(date(2022, 11, 1)), 1, date(2022, 11, 18))]


def test_the_generated_dataset_is_counted():
    call_command("generate_dataset", events=300, actors=5, stdout=io.StringIO())
    assert in_step()
    assert sum(row[2] for row in kept()) == Event.objects.published().count() > 0


COUNTS = "timeline_lanemonthcount"
# The search index's lanes: a table of their own on SQLite, the search table's rows on PostgreSQL.
LANES = (
    "timeline_event_search_lane"
    if connection.vendor == "sqlite"
    else "published AND timeline_search_document"
)


@pytest.mark.parametrize(
    ("params", "reads"),
    [
        ({}, COUNTS),
        ({"thread": "rail"}, COUNTS),
        ({"thread": "rail", "q": "   "}, COUNTS),  # a search without words narrows nothing
        ({"thread": "no-such-thread"}, COUNTS),  # an invalid filter is ignored
        ({"thread": "rail", "stance": "denial"}, None),
        ({"date_from": "2022-11-10"}, None),
        ({"q": "rail"}, LANES),
        ({"q": "rail cars"}, LANES),
        ({"q": "rail", "thread": "rail"}, None),
    ],
)
def test_the_unfiltered_thread_and_search_views_read_kept_tables(client, params, reads):
    rail = make_thread(slug="rail")
    for day in (3, 18, 25):
        make_statement(
            make_event(f"Rail cars, day {day}", f"{day} Nov 2022", thread=rail), stance=Stance.DENIAL
        )
    make_event("Rail yard photo", "Jan 2023")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(TIMELINE, params)
    for table in (COUNTS, LANES):
        assert any(table in query["sql"] for query in captured) is (table == reads)
    # What the page shows is what counting the matching events gives.
    event_filter = EventFilter(response.wsgi_request.GET or None, queryset=Event.objects.published())
    direct = TimelineResults(event_filter.qs, "direct")
    assert response.context["page"].paginator.count == direct.count() == event_filter.qs.count()
    axis = response.context["axis"]
    expected = direct.axis(*event_filter.valid_dates())
    assert (axis.window, axis.total, axis.extent) == (expected.window, expected.total, expected.extent)
    assert [(lane.lane, lane.buckets, lane.marks) for lane in axis.lanes] == [
        (lane.lane, lane.buckets, lane.marks) for lane in expected.lanes
    ]


@pytest.mark.parametrize(
    ("params", "reads", "count"),
    [
        ({}, COUNTS, 3),
        ({"thread": "rail"}, COUNTS, 2),
        ({"thread": "rail", "stance": "denial"}, None, 2),
        ({"q": "rail"}, LANES, 3),
        ({"q": "cars"}, LANES, 2),
    ],
)
def test_the_json_api_counts_its_events_from_kept_tables(client, params, reads, count):
    rail = make_thread(slug="rail")
    for day in (3, 18):
        make_statement(
            make_event(f"Rail cars, day {day}", f"{day} Nov 2022", thread=rail), stance=Stance.DENIAL
        )
    make_event("Rail yard photo", "Jan 2023")
    make_event("Draft", "Feb 2023", thread=rail, status=Event.Status.DRAFT)
    with CaptureQueriesContext(connection) as captured:
        data = client.get(reverse("events_json"), {**params, "page_size": 1}).json()
    for table in (COUNTS, LANES):
        assert any(table in query["sql"] for query in captured) is (table == reads)
    expected = EventFilter(params or None, queryset=Event.objects.published()).qs.count()
    assert data["count"] == expected == count
    assert data["next"] is not None and len(data["results"]) == 1


@pytest.mark.django_db(transaction=True)
def test_emptying_every_table_at_once_empties_the_kept_tables_too():
    # A test database's flush truncates every table in one statement on PostgreSQL, the counts with
    # the events whose trigger empties them.
    make_event("Rail cars cross", "18 Nov 2022", thread=make_thread(slug="rail"))
    assert LaneMonthCount.objects.exists() and searched("rail")
    call_command("flush", interactive=False, verbosity=0)
    assert not Event.objects.exists()
    assert not LaneMonthCount.objects.exists() and searched("rail") == []
