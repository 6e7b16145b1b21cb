"""The overview axis: windows, zoom levels, marks and counts in ``timeline.axis`` (no HTTP), and the
axis the timeline page draws from the database."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_event, make_statement, make_thread
from timeline.axis import (
    MAX_MARKS,
    AxisEvent,
    Lane,
    LaneMonth,
    Unit,
    Window,
    build_axis,
    busiest_months,
    choose_window,
    month_number,
    place_marks,
)
from timeline.dates import parse_period
from timeline.models import Event, Stance

TIMELINE = reverse("timeline")


def event(pk, when, lane=1, stances=(), title=None) -> AxisEvent:
    fuzzy = parse_period(when)
    return AxisEvent(
        pk,
        f"e{pk}",
        title or f"Event {pk}",
        lane,
        fuzzy.start,
        fuzzy.end,
        fuzzy.precision,
        fuzzy.modifier,
        stances,
    )


def rows_of(events: list[AxisEvent]) -> list[LaneMonth]:
    grouped: dict[tuple, LaneMonth] = {}
    for e in events:
        key = (e.lane, month_number(e.start))
        row = grouped.setdefault(key, LaneMonth(e.lane, key[1], 0, e.end))
        row.count += 1
        row.last_end = max(row.last_end, e.end)
    return list(grouped.values())


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        (date(2022, 11, 1), date(2022, 11, 30), Unit.DAY),
        (date(2022, 2, 1), date(2023, 6, 30), Unit.MONTH),
        (date(2015, 1, 1), date(2025, 12, 31), Unit.YEAR),
        (date(1900, 1, 1), date(2023, 12, 31), Unit.DECADE),
    ],
)
def test_the_zoom_level_is_the_finest_unit_that_fits(first, last, unit):
    window = Window(first, last)
    assert window.unit() is unit
    steps = window.boundaries(unit)
    assert steps[0] == first and steps[-1] == date.fromordinal(last.toordinal() + 1)
    assert len(steps) - 1 <= 48


def test_a_date_filter_is_the_window_and_an_open_end_runs_to_the_events():
    months = {month_number(date(2022, 9, 1)): 3}
    extent = (date(2006, 1, 1), date(2023, 6, 9))
    assert choose_window(months, extent, date(2022, 11, 1), date(2022, 11, 30)) == (
        Window(date(2022, 11, 1), date(2022, 11, 30)),
        False,
    )
    assert choose_window(months, extent, date(2022, 11, 1), None)[0] == Window(
        date(2022, 11, 1), date(2023, 6, 9)
    )


def test_without_a_date_filter_the_window_opens_on_the_busiest_stretch_only_when_it_is_short():
    story = {month_number(date(2022, 9, 1)) + i: 4 for i in range(10)}  # 40 events in ten months
    background = {month_number(date(2006 + 3 * i, 1, 1)): 1 for i in range(5)}  # 5 old entries
    extent = (date(2006, 1, 1), date(2023, 6, 30))
    window, focused = choose_window({**story, **background}, extent)
    # 36 of the 45 events (80 %) lie in the first nine months of the story.
    assert focused and window == Window(date(2022, 9, 1), date(2023, 5, 31))
    assert busiest_months(story, 1.0) == (month_number(date(2022, 9, 1)), month_number(date(2023, 6, 1)))
    spread = {month_number(date(2015, 1, 1)) + i: 5 for i in range(120)}  # evenly spread: show it all
    window, focused = choose_window(spread, (date(2015, 1, 1), date(2024, 12, 31)))
    assert not focused and window == Window(date(2015, 1, 1), date(2024, 12, 31))


def test_marks_draw_uncertainty_as_the_period_the_date_could_be_in():
    window = Window(date(2022, 9, 1), date(2022, 12, 31))
    marks, rows = place_marks(
        [
            event(1, "early Sep 2022"),
            event(2, "18-19 Nov 2022"),
            event(3, "Nov - Dec 2022"),
            event(4, "about 2022"),
        ],
        window,
    )
    by_pk = {mark.event.pk: mark for mark in marks}
    early, railcars, months, about = by_pk[1], by_pk[2], by_pk[3], by_pk[4]
    assert early.x == 0 and early.width == pytest.approx(10 / 122) and early.is_soft and not early.is_tick
    assert railcars.is_tick and not railcars.is_soft and railcars.width == pytest.approx(2 / 122)
    assert months.x == pytest.approx(61 / 122) and months.x + months.width == pytest.approx(1)
    assert about.x == 0 and about.width == 1 and about.is_soft  # clipped to the window, edges vague
    assert len({mark.row for mark in marks}) == rows == 3  # overlapping marks take separate rows
    assert railcars.row != months.row


def test_a_marks_name_says_its_date_title_stances_and_whether_it_is_disputed():
    purchase = event(1, "early Sep 2022", title="Russia is buying shells", stances=("denial", "allegation"))
    assert purchase.disputed
    assert purchase.label == "early Sep 2022 — Russia is buying shells (allegation, denial: disputed)"
    assert event(2, "6 Sep 2022", title="Confirmed", stances=("confirmation",)).label == (
        "6 Sep 2022 — Confirmed (confirmation)"
    )
    assert not event(3, "6 Sep 2022", stances=("allegation",)).disputed


def test_too_many_events_become_counts_per_lane_and_period():
    lanes = [Lane(1, "rail", "Rail"), Lane(2, "photo", "Photo")]
    rows = [
        LaneMonth(1, month_number(date(2015 + i // 12, i % 12 + 1, 1)), 50, date(2025, 1, 1))
        for i in range(120)
    ]
    rows.append(LaneMonth(2, month_number(date(2020, 3, 1)), 7, date(2020, 3, 3)))
    axis = build_axis(lanes, rows, None, None)
    assert axis.unit is Unit.YEAR and not axis.shows_marks and axis.total == 120 * 50 + 7
    rail, photo = axis.lanes
    assert [(b.first.year, b.count) for b in rail.buckets] == [(year, 600) for year in range(2015, 2025)]
    assert [(b.first, b.count) for b in photo.buckets] == [(date(2020, 1, 1), 7)]
    assert rail.buckets[0].height == 1 and photo.buckets[0].height == pytest.approx(7 / 600)
    zoomed = build_axis(lanes, rows, date(2020, 1, 1), date(2020, 12, 31))
    assert zoomed.unit is Unit.MONTH and [(b.first, b.count) for b in zoomed.lanes[1].buckets] == [
        (date(2020, 3, 1), 7)
    ]


def test_zooming_out_widens_to_whole_years_then_decades_then_every_date():
    lanes = [Lane(1, "rail", "Rail")]
    events = [event(1, "18 Nov 2022"), event(2, "2006")]
    rows = rows_of(events)
    november = build_axis(lanes, rows, date(2022, 11, 1), date(2022, 11, 30), events=events[:1])
    assert november.zoom_out() == (date(2022, 1, 1), date(2022, 12, 31))
    year = build_axis(lanes, rows, date(2022, 1, 1), date(2022, 12, 31), events=events[:1])
    assert year.zoom_out() == (date(2020, 1, 1), date(2029, 12, 31))
    decade = build_axis(lanes, rows, date(2000, 1, 1), date(2029, 12, 31), events=events)
    assert decade.zoom_out() is None  # it shows every event already
    assert november.zoom_in() == (date(2022, 11, 11), date(2022, 11, 20))


# The axis on the timeline page


@pytest.mark.django_db
def test_the_seed_timeline_has_five_labelled_lanes_and_honest_marks(client, seeded):
    response = client.get(TIMELINE)
    axis = response.context["axis"]
    assert [lane.lane.name for lane in axis.lanes] == [
        "September 2022 purchase reports",
        "November 2022 rail shipments",
        "January 2023 Wagner photo",
        "2023 oil transfers",
        "Context",
    ]
    assert axis.focused and axis.window == Window(date(2022, 2, 1), date(2023, 6, 30))
    assert sum(lane.earlier for lane in axis.lanes) == 6  # the background entries before 2022
    html = response.content.decode()
    purchase = Event.objects.get(title__startswith="NYT and US intelligence")
    assert (
        'aria-label="early Sep 2022 — NYT and US intelligence: Russia is buying millions of North Korean '
        "shells and rockets" in html
    )
    assert (
        f'href="{purchase.get_absolute_url()}"' in html
        and 'data-start="2022-09-01" data-end="2022-09-10"' in html
    )
    # Every other month is labelled, January always, the first label with its year.
    labels = re.findall(r'aria-label="Narrow to ([^"]+)"', html)
    assert labels == ["Mar 2022", "May", "Jul", "Sep", "Nov", "Jan 2023", "Mar", "May"]


@pytest.mark.django_db
def test_disputed_keeps_the_events_with_both_an_allegation_and_a_denial(client):
    both = make_event("Alleged and denied", "2 Nov 2022")
    make_statement(both, stance=Stance.ALLEGATION)
    make_statement(both, stance=Stance.DENIAL)
    alleged = make_event("Only alleged", "3 Nov 2022")
    make_statement(alleged, stance=Stance.ALLEGATION)
    pending = make_event("Denial not yet accepted", "4 Nov 2022")
    make_statement(pending, stance=Stance.ALLEGATION)
    make_statement(pending, stance=Stance.DENIAL, review="pending")
    response = client.get(TIMELINE, {"disputed": "1"})
    assert [card.event.title for card in response.context["page"].object_list] == ["Alleged and denied"]
    marks = [mark for lane in response.context["axis"].lanes for mark in lane.marks]
    assert [(m.event.title, m.event.disputed) for m in marks] == [("Alleged and denied", True)]
    assert "Dispute: Disputed: alleged and denied" in response.content.decode()  # its chip
    assert client.get(TIMELINE, {"disputed": "2"}).context["filter"].form.errors


@pytest.mark.django_db
def test_the_axis_counts_instead_of_drawing_when_the_window_is_crowded(client, settings):
    rail = make_thread("Rail", slug="rail")
    Event.objects.bulk_create(
        Event(title=f"E{i}", slug=f"e{i}", status="published", thread=rail, **dates(f"{1 + i % 28} Nov 2022"))
        for i in range(MAX_MARKS + 20)
    )
    make_event("Quiet", "5 Nov 2022")
    make_event("Known only to the month", "Nov 2022", thread=rail)
    axis = client.get(TIMELINE, {"date_from": "2022-11-01", "date_to": "2022-11-30"}).context["axis"]
    assert axis.unit is Unit.DAY and not axis.shows_marks
    rail_lane = next(lane for lane in axis.lanes if lane.lane.key == "rail")
    assert sum(b.count for b in rail_lane.buckets) == MAX_MARKS + 20  # not the month's event on 1 Nov
    assert rail_lane.loose == 1
    html = client.get(TIMELINE, {"date_from": "2022-11-01", "date_to": "2022-11-30"}).content.decode()
    assert 'aria-label="1 Nov 2022, Rail: 12 events"' in html and "+1 dated to longer periods" in html
    assert "date_from=2022-11-01&amp;date_to=2022-11-01" in html  # a count expands into its day


def dates(text: str) -> dict:
    fuzzy = parse_period(text)
    return {"date_start": fuzzy.start, "date_end": fuzzy.end, "date_precision": fuzzy.precision.value}
