"""The timeline's expensive results (events per thread and month, the axis's events, the ids of a
page), computed once per filter and data version.

The version (``DataVersion``) changes with every write to the tables the timeline reads, so a
cached result never outlives the data it was computed from. Without a version row (a database
just emptied) nothing is cached.

The version lives in the database, set by triggers in the writing transaction, and each request
reads it afresh: every process and app server sees the same one, so a write through any of them is
seen by the next request on every other. With a cache they share (``CACHE_URL``), a result one
computes is served by all.
"""

import hashlib
from collections import Counter
from datetime import date

from django.core.cache import cache
from django.db.models import QuerySet

from timeline.axis import (
    MAX_MARKS,
    Axis,
    AxisEvent,
    Lane,
    LaneMonth,
    Unit,
    build_axis,
    events_in_window,
    month_number,
    window_for,
)
from timeline.filters import EventFilter
from timeline.models import DataVersion, Event, Stance, Thread, stated_field
from timeline.querystrings import filter_key

TIMEOUT = 60 * 60


def data_version() -> int | None:
    """The current data version, or None when there is none to key a cache on."""
    return DataVersion.objects.filter(pk=1).values_list("value", flat=True).first()


class TimelineResults:
    """The events one filter matches, as the timeline shows them: counts per month and pages of
    ids in timeline order, each cached until the data changes.

    With ``single_pass`` (a search narrowed by other filters: matching the text costs far more
    than reading the few matches), the first of them reads every match once and the others are
    cut from that.
    """

    def __init__(
        self, events: QuerySet, key: str, single_pass: bool = False, lane_months: QuerySet | None = None
    ):
        self.events = events
        self.key = key
        self.single_pass = single_pass
        self.lane_months = lane_months  # what counts these events from a kept table, when one does
        self.version = data_version()
        self.computed = {}  # within one request, each result is computed or fetched once
        self.matches = None  # [(id, first day, thread id, last day)] in timeline order, after a single pass

    def cached(self, name: str, compute):
        if name in self.computed:
            return self.computed[name]
        if self.version is None:
            result = compute()
        else:
            key = "timeline:" + hashlib.sha256(f"{self.version}\n{name}\n{self.key}".encode()).hexdigest()
            result = cache.get(key)
            if result is None:
                result = compute()
                cache.set(key, result, TIMEOUT)
        self.computed[name] = result
        return result

    @classmethod
    def of_published(cls, event_filter: EventFilter, query) -> "TimelineResults":
        """The results of a filter over the published events (``query`` its parameters)."""
        return cls(
            event_filter.qs,
            filter_key(query),
            single_pass=event_filter.is_narrowed_search,
            lane_months=event_filter.lane_month_counts(),
        )

    def per_lane_month(self) -> list[tuple[int | None, int, int, date]]:
        """(thread id, start month number, events, last day covered) per thread and month."""

        def compute():
            if self.lane_months is not None:
                return self.lane_months.per_lane_month()
            if not self.single_pass:
                return self.events.per_lane_month()
            self.matches = list(self.events.values_list("pk", "date_start", "thread_id", "date_end"))
            groups, last_end = Counter(), {}
            for _, start, thread, end in self.matches:
                key = (thread, month_number(start))
                groups[key] += 1
                last_end[key] = max(end, last_end.get(key, end))
            return [(thread, month, n, last_end[thread, month]) for (thread, month), n in groups.items()]

        return self.cached("per_lane_month", compute)

    def in_window(self, name: str, first: date, last: date, compute):
        """A result about the events that cover any day from ``first`` to ``last``."""

        def events():
            if self.matches is None:
                return self.events.in_period(first, last)
            # After a single pass, the matches in the window by their ids, without matching the text again.
            ids = [pk for pk, start, _, end in self.matches if end >= first and start <= last]
            return Event.objects.filter(pk__in=ids)

        return self.cached(f"{name}:{first}:{last}", lambda: compute(events()))

    def count(self) -> int:
        return sum(n for _, _, n, _ in self.per_lane_month())

    def ids(self, start: int, stop: int) -> list[int]:
        """The ids of the matching events from ``start`` to ``stop`` in timeline order."""

        def compute():
            if self.matches is not None:
                return [match[0] for match in self.matches[start:stop]]
            return list(self.events.values_list("pk", flat=True)[start:stop])

        return self.cached(f"ids:{start}:{stop}", compute)

    def axis(self, first: date | None, last: date | None) -> Axis | None:
        """The overview axis of these events for the date filter ``first``–``last`` (see
        ``timeline.axis``): per-lane counts from the grouped rows, and the events themselves when the
        window holds few enough to draw one by one, each read once per window."""
        return self.cached(f"axis:{first}:{last}", lambda: self.compute_axis(first, last))

    def compute_axis(self, first: date | None, last: date | None) -> Axis | None:
        rows = [LaneMonth(*row) for row in self.per_lane_month()]
        if not rows:
            return None
        window, _ = window_for(rows, first, last)
        lanes = self.cached("lanes", lambda: lanes_for({row.lane for row in rows}))
        events = lane_days = None
        if events_in_window(rows, window) <= MAX_MARKS:
            events = self.in_window(
                "axis_events",
                window.first,
                window.last,
                lambda events: [axis_event(row) for row in events.for_axis()[:MAX_MARKS]],
            )
        elif window.unit() is Unit.DAY:
            lane_days = self.in_window("lane_days", window.first, window.last, lambda e: e.per_lane_day())
        return build_axis(lanes, rows, first, last, events, lane_days)


def lanes_for(ids: set[int | None]) -> list[Lane]:
    """The lanes of these thread ids in the threads' order, the events without a thread last."""
    threads = Thread.objects.filter(pk__in=[pk for pk in ids if pk is not None]).values_list(
        "pk", "slug", "name"
    )
    lanes = [Lane(pk, slug, name) for pk, slug, name in threads]
    if None in ids:
        lanes.append(Lane(None, "", "No thread"))
    return lanes


def axis_event(row: dict) -> AxisEvent:
    """An ``EventQuerySet.for_axis`` row as the axis reads it."""
    return AxisEvent(
        pk=row["pk"],
        slug=row["slug"],
        title=row["title"],
        lane=row["thread_id"],
        start=row["date_start"],
        end=row["date_end"],
        precision=row["date_precision"],
        modifier=row["date_modifier"],
        stances=tuple(stance for stance in Stance.values if row[stated_field(stance)]),
    )
