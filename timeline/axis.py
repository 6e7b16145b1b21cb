"""The overview axis above the timeline: time left to right, one lane per thread.

An event is drawn as what its date is: a day-precision date as a tick, a month, "early Sep", a range
or "about 2019" as a bar over every day it could fall on, its ends softened when a modifier makes its
edges vague. Where there are too many events to draw one by one, each lane shows how many events
start in each period instead, and those counts expand into marks as the window narrows.

Nothing here knows about HTTP or the database: the caller passes per-lane counts and, when the window
holds few enough events, the events themselves (``AxisEvent``).
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from timeline.dates import MONTH_ABBR, FuzzyDate, Modifier, Precision

# At most this many events are drawn one by one; above it, a lane shows counts per period.
MAX_MARKS = 300
# The finest unit that cuts the window into at most this many periods sets the zoom level.
MAX_PERIODS = 48
# Without a date filter the axis opens on the shortest stretch of whole months that holds this share
# of the events, when that stretch is under half of the whole period: a few old background entries
# should not squeeze the story into a sliver.
FOCUS_SHARE = 0.8
# Room a mark takes on a track, as a share of its width (a track is about 1,000 px on a desktop):
# the least a bar is drawn as, and each stance shape after it.
MIN_MARK = 0.004
SHAPE = 0.012
MAX_ROWS = 6
STANCE_ORDER = ("allegation", "denial", "confirmation", "assessment")


class Unit(StrEnum):
    """The zoom levels: the periods the window is cut into."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


UNITS = (Unit.DAY, Unit.MONTH, Unit.YEAR, Unit.DECADE)


def unit_start(day: date, unit: Unit) -> date:
    """The first day of the period of ``unit`` that contains ``day``."""
    if unit is Unit.DAY:
        return day
    if unit is Unit.MONTH:
        return day.replace(day=1)
    if unit is Unit.YEAR:
        return date(day.year, 1, 1)
    return date(day.year - day.year % 10, 1, 1)


def next_start(day: date, unit: Unit) -> date:
    """The first day of the period of ``unit`` after the one that contains ``day``."""
    start = unit_start(day, unit)
    if unit is Unit.DAY:
        return start + timedelta(days=1)
    if unit is Unit.MONTH:
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    step = 1 if unit is Unit.YEAR else 10
    return date(min(start.year + step, date.max.year), 1, 1)


@functools.lru_cache(maxsize=4096)  # a few hundred months, asked for thousands of times per axis
def month_bounds(month_number: int) -> tuple[date, date]:
    """The first and last day of a month numbered ``year * 12 + month - 1`` (``MonthNumber``)."""
    year, month = divmod(month_number, 12)
    return date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class Window:
    """The span of days the axis shows, both ends included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def position(self, day: date) -> float:
        """Where the start of ``day`` lies, from 0 (the window's first day) to 1 (after its last)."""
        return min(max((day - self.first).days / self.days, 0.0), 1.0)

    def unit(self) -> Unit:
        """The finest unit that cuts this window into at most ``MAX_PERIODS`` periods."""
        for unit in UNITS:
            if self.periods(unit, up_to=MAX_PERIODS + 1) <= MAX_PERIODS:
                return unit
        return Unit.DECADE

    def periods(self, unit: Unit, up_to: int) -> int:
        """How many periods of ``unit`` the window touches, counted no further than ``up_to`` (a
        decade's days need not all be walked to know that they are too many)."""
        count, day = 1, next_start(self.first, unit)
        while day <= self.last and count < up_to:
            count, day = count + 1, next_start(day, unit)
        return count

    def boundaries(self, unit: Unit) -> list[date]:
        """The first day of the window, the first day of each period of ``unit`` inside it, and the
        day after the window: the steps of the range handles."""
        steps = [self.first]
        day = next_start(self.first, unit)
        while day <= self.last:
            steps.append(day)
            day = next_start(day, unit)
        steps.append(self.last + timedelta(days=1))
        return steps


def choose_window(
    months: dict[int, int], extent: tuple[date, date], first: date | None = None, last: date | None = None
) -> tuple[Window, bool]:
    """The window to show, and whether it is a focus on the busiest stretch rather than the whole.

    ``months`` counts the matching events per start month (``month_number``), ``extent`` is the first
    and last day they cover, ``first`` and ``last`` the date filter. A date filter is the window (an
    open end runs to the extent); without one, the window is the whole extent unless a far shorter
    stretch of months holds ``FOCUS_SHARE`` of the events.
    """
    if first or last:
        start, end = first or min(extent[0], last), last or max(extent[1], first)
        return Window(start, max(start, end)), False
    whole = Window(unit_start(extent[0], Unit.MONTH), month_bounds(month_number(extent[1]))[1])
    busiest = busiest_months(months, FOCUS_SHARE)
    if busiest is None:
        return whole, False
    low, high = busiest
    if (high - low + 1) * 2 >= month_number(whole.last) - month_number(whole.first) + 1:
        return whole, False
    return Window(month_bounds(low)[0], month_bounds(high)[1]), True


def busiest_months(months: dict[int, int], share: float) -> tuple[int, int] | None:
    """The shortest run of months (first, last month number) whose events make up ``share`` of all."""
    total = sum(months.values())
    if not total:
        return None
    needed = share * total
    ordered = sorted(months.items())
    best, held, low = None, 0, 0
    for month, n in ordered:
        held += n
        while held - ordered[low][1] >= needed:
            held -= ordered[low][1]
            low += 1
        if held >= needed:
            span = (ordered[low][0], month)
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = span
    return best


@dataclass(frozen=True)
class Lane:
    """A thread (``key`` its slug), or the events without one (``key`` "")."""

    id: int | None
    key: str
    name: str


@dataclass(frozen=True)
class AxisEvent:
    """What the axis needs to know of an event."""

    pk: int
    slug: str
    title: str
    lane: int | None
    start: date
    end: date
    precision: str
    modifier: str
    stances: tuple[str, ...] = ()

    @property
    def date(self) -> FuzzyDate:
        return FuzzyDate(self.start, self.end, self.precision, self.modifier)

    @property
    def disputed(self) -> bool:
        """Both alleged and denied."""
        return "allegation" in self.stances and "denial" in self.stances

    @property
    def label(self) -> str:
        """The mark's accessible name: "early Sep 2022 — Title (allegation, denial: disputed)"."""
        said = ", ".join(s for s in STANCE_ORDER if s in self.stances)
        if self.disputed:
            said += ": disputed"
        return f"{self.date} — {self.title}" + (f" ({said})" if said else "")


@dataclass
class Mark:
    """One event on its lane: ``x`` and ``width`` as shares of the track, ``row`` its line in the lane."""

    event: AxisEvent
    x: float
    width: float
    row: int = 0

    @property
    def is_tick(self) -> bool:
        """Known to the day (a day, or a few consecutive days): a tick, not a bar."""
        return self.event.precision == Precision.DAY

    @property
    def is_soft(self) -> bool:
        """Its ends are vague ("early", "mid", "late", "about")."""
        return self.event.modifier != Modifier.NONE

    @property
    def shapes(self) -> list[str]:
        return [s for s in STANCE_ORDER if s in self.event.stances]

    @property
    def room(self) -> float:
        return max(self.width, MIN_MARK) + SHAPE * len(self.shapes)


@dataclass
class Bucket:
    """How many of a lane's events start in one period; ``height`` relative to the busiest bucket."""

    first: date
    last: date
    count: int
    x: float
    width: float
    height: float


@dataclass
class LaneView:
    lane: Lane
    marks: list[Mark] = field(default_factory=list)
    buckets: list[Bucket] = field(default_factory=list)
    rows: int = 1
    earlier: int = 0
    later: int = 0
    loose: int = 0  # counted days only: events in the window dated to more than a day


@dataclass
class Tick:
    """A period boundary on the scale, with the label and the days of the period it starts."""

    x: float
    label: str
    first: date
    last: date


@dataclass
class Axis:
    window: Window
    unit: Unit
    focused: bool
    lanes: list[LaneView]
    ticks: list[Tick]
    steps: list[date]
    extent: tuple[date, date]
    total: int

    @property
    def shows_marks(self) -> bool:
        return any(lane.marks for lane in self.lanes) or not any(lane.buckets for lane in self.lanes)

    @property
    def outside(self) -> int:
        return sum(lane.earlier + lane.later for lane in self.lanes)

    def zoom_out(self) -> tuple[date, date] | None:
        """The next coarser window (the whole years, then decades, around this one), or None when it
        would show every date anyway."""
        for unit in (Unit.YEAR, Unit.DECADE):
            first, last = unit_start(self.window.first, unit), next_start(self.window.last, unit)
            widened = Window(first, last - timedelta(days=1))
            if widened != self.window:
                break
        else:
            return None
        if widened.first <= self.extent[0] and widened.last >= self.extent[1]:
            return None
        return widened.first, widened.last

    def zoom_in(self) -> tuple[date, date] | None:
        """The middle third of the window, in whole periods of its unit; None at a single day."""
        if self.window.days <= 1:
            return None
        steps, unit = self.steps, self.unit
        if len(steps) <= 3:  # too few periods to cut: the middle third of the next finer unit
            unit = UNITS[max(UNITS.index(unit) - 1, 0)]
            steps = self.window.boundaries(unit)
        third = (len(steps) - 1) / 3
        low, high = int(third), max(round(2 * third), int(third) + 1)
        return steps[low], steps[high] - timedelta(days=1)


def period_label(day: date, unit: Unit) -> str:
    if unit is Unit.DAY:
        return f"{day.day} {MONTH_ABBR[day.month]}" + (
            f" {day.year}" if day.month == 1 and day.day == 1 else ""
        )
    if unit is Unit.MONTH:
        return MONTH_ABBR[day.month] + (f" {day.year}" if day.month == 1 else "")
    if unit is Unit.YEAR:
        return str(day.year)
    return f"{day.year}s"


def scale_ticks(window: Window, unit: Unit) -> list[Tick]:
    """The scale's periods, each with its label and its days."""
    steps = window.boundaries(unit)
    ticks = []
    for first, after in pairwise(steps):
        label = period_label(first, unit)
        ticks.append(Tick(window.position(first), label, first, after - timedelta(days=1)))
    return ticks


def place_marks(events: list[AxisEvent], window: Window) -> tuple[list[Mark], int]:
    """The events as marks, each on the first row of its lane where it overlaps nothing (the rows a
    lane needs come back too, at most ``MAX_ROWS``: beyond that, marks share the last row)."""
    marks, rows_end = [], []
    for event in sorted(events, key=lambda e: (e.start, e.end, e.pk)):
        x = window.position(event.start)
        mark = Mark(event, x, window.position(event.end + timedelta(days=1)) - x)
        row = next((row for row, end in enumerate(rows_end) if end <= mark.x), None)
        if row is None and len(rows_end) < MAX_ROWS:
            rows_end.append(0.0)
            row = len(rows_end) - 1
        elif row is None:
            row = MAX_ROWS - 1
        mark.row = row
        rows_end[row] = max(rows_end[row], mark.x + mark.room)
        marks.append(mark)
    return marks, max(len(rows_end), 1)


def lane_buckets(counts: dict[date, int], window: Window, unit: Unit, tallest: int) -> list[Bucket]:
    """A lane's counts ({first day of a period of ``unit``: events starting in it}) as buckets."""
    buckets = []
    for first, n in sorted(counts.items()):
        after = next_start(first, unit)
        if not n or after <= window.first or first > window.last:
            continue
        shown_first, shown_last = max(first, window.first), min(after - timedelta(days=1), window.last)
        x = window.position(shown_first)
        width = window.position(shown_last + timedelta(days=1)) - x
        buckets.append(Bucket(shown_first, shown_last, n, x, width, n / tallest))
    return buckets


def roll_up(months: dict[int, int], unit: Unit) -> dict[date, int]:
    """Counts per month number as counts per first day of each period of ``unit`` (month or coarser)."""
    rolled: dict[date, int] = {}
    for month, n in months.items():
        key = unit_start(month_bounds(month)[0], unit)
        rolled[key] = rolled.get(key, 0) + n
    return rolled


@dataclass
class LaneMonth:
    """A grouped row: the matching events of one lane that start in one month."""

    lane: int | None
    month: int
    count: int
    last_end: date


def build_axis(
    lanes: list[Lane],
    lane_months: list[LaneMonth],
    first: date | None,
    last: date | None,
    events: list[AxisEvent] | None = None,
    lane_days: dict[tuple[int | None, date, date], int] | None = None,
) -> Axis | None:
    """The axis for a filter's events.

    ``lane_months`` groups them by lane and start month; ``first``/``last`` are the date filter. When
    the window (see ``window_for``) holds at most ``MAX_MARKS`` events, ``events`` are those that
    overlap it; otherwise, at the day zoom level, ``lane_days`` counts them per lane, first and last
    day: a day counts the events known to be on it, and each lane says how many more in the window
    are dated only to a longer period (rather than piling them on its first day).
    """
    if not lane_months:
        return None
    window, focused = window_for(lane_months, first, last)
    unit = window.unit()
    views = {lane.id: LaneView(lane) for lane in lanes}
    for row in lane_months:
        view = views.get(row.lane)
        if view is None:
            continue
        if row.last_end < window.first:
            view.earlier += row.count
        elif month_bounds(row.month)[0] > window.last:
            view.later += row.count
    if events is not None:
        for lane_id, view in views.items():
            view.marks, view.rows = place_marks([e for e in events if e.lane == lane_id], window)
    else:
        per_lane: dict[int | None, dict[date, int]] = {lane.id: {} for lane in lanes}
        if unit is Unit.DAY:
            for (lane_id, start, end), n in (lane_days or {}).items():
                if lane_id not in per_lane:
                    continue
                if start == end:
                    per_lane[lane_id][start] = per_lane[lane_id].get(start, 0) + n
                else:
                    views[lane_id].loose += n
        else:
            by_lane: dict[int | None, dict[int, int]] = {}
            for row in lane_months:
                by_lane.setdefault(row.lane, {})[row.month] = row.count
            for lane_id in per_lane:
                per_lane[lane_id] = roll_up(by_lane.get(lane_id, {}), unit)
        tallest = max(
            (n for counts in per_lane.values() for day, n in counts.items() if _in_window(day, unit, window)),
            default=1,
        )
        for lane_id, view in views.items():
            view.buckets = lane_buckets(per_lane[lane_id], window, unit, tallest)
    extent = lane_extent(lane_months)
    return Axis(
        window=window,
        unit=unit,
        focused=focused,
        lanes=list(views.values()),
        ticks=scale_ticks(window, unit),
        steps=window.boundaries(unit),
        extent=extent,
        total=sum(row.count for row in lane_months),
    )


def _in_window(first: date, unit: Unit, window: Window) -> bool:
    return next_start(first, unit) > window.first and first <= window.last


def lane_extent(lane_months: list[LaneMonth]) -> tuple[date, date]:
    return month_bounds(min(row.month for row in lane_months))[0], max(row.last_end for row in lane_months)


def window_for(lane_months: list[LaneMonth], first: date | None, last: date | None) -> tuple[Window, bool]:
    """The window ``build_axis`` shows for these rows and date filter (see ``choose_window``)."""
    months: dict[int, int] = {}
    for row in lane_months:
        months[row.month] = months.get(row.month, 0) + row.count
    return choose_window(months, lane_extent(lane_months), first, last)


def events_in_window(lane_months: list[LaneMonth], window: Window) -> int:
    """How many events start in the window's months: whether they can be drawn one by one."""
    low, high = month_number(window.first), month_number(window.last)
    return sum(row.count for row in lane_months if low <= row.month <= high)
