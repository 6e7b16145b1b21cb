"""Uncertain dates: a period, how precisely it is known, and how people write it.

A ``FuzzyDate`` is the closed span of days a date covers ("early Sep 2022" covers 1–10 Sep 2022),
plus the precision and modifier it was stated with. Storing the covered span makes sorting and
range filtering plain comparisons on two columns; precision and modifier say how to write it.
Nothing here knows about HTTP or the database.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"


class Modifier(StrEnum):
    NONE = ""
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    ABOUT = "about"


MONTH_ABBR = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9

# TimeML season codes; a winter starts in December of its year.
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_NAMES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

EN_DASH = "\u2013"


def period_bounds(day: date, precision: Precision) -> tuple[date, date]:
    """Return the first and last day of the period of ``precision`` that contains ``day``."""
    year = day.year
    if precision is Precision.DAY:
        return day, day
    if precision is Precision.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision is Precision.MONTH:
        return day.replace(day=1), day.replace(day=calendar.monthrange(year, day.month)[1])
    if precision is Precision.SEASON:
        # Seasons are three months long; January and February belong to the previous winter.
        first_month = 12 if day.month == 12 else ((day.month - 3) // 3) * 3 + 3
        if day.month < 3:
            first_month, year = 12, year - 1
        start = date(year, first_month, 1)
        return start, shift_months(start, 3) - timedelta(days=1)
    if precision is Precision.QUARTER:
        start = date(year, (day.month - 1) // 3 * 3 + 1, 1)
        return start, shift_months(start, 3) - timedelta(days=1)
    if precision is Precision.YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    decade = year - year % 10
    return date(decade, 1, 1), date(decade + 9, 12, 31)


def shift_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _narrow(start: date, end: date, precision: Precision, modifier: Modifier) -> tuple[date, date]:
    """Cut a period to its early, middle or late third ("early Sep" is 1–10 Sep)."""
    if modifier not in (Modifier.EARLY, Modifier.MID, Modifier.LATE):
        return start, end
    third = (Modifier.EARLY, Modifier.MID, Modifier.LATE).index(modifier)
    if precision is Precision.MONTH:
        first = start + timedelta(days=10 * third)
        last = end if third == 2 else first + timedelta(days=9)
        return first, last
    if precision is Precision.YEAR:
        first = date(start.year, 4 * third + 1, 1)
        return first, shift_months(first, 4) - timedelta(days=1)
    if precision is Precision.DECADE:
        first_year = start.year + (0, 4, 7)[third]
        last_year = start.year + (3, 6, 9)[third]
        return date(first_year, 1, 1), date(last_year, 12, 31)
    days = (end - start).days + 1
    first = start + timedelta(days=days * third // 3)
    last = start + timedelta(days=days * (third + 1) // 3 - 1)
    return first, max(first, last)


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to some precision: the span of days it covers, and how it was stated."""

    start: date
    end: date
    precision: Precision = Precision.DAY
    modifier: Modifier = Modifier.NONE

    def __post_init__(self):
        object.__setattr__(self, "precision", Precision(self.precision))
        object.__setattr__(self, "modifier", Modifier(self.modifier or ""))
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    @classmethod
    def of(
        cls,
        day: date,
        precision: Precision | str = Precision.DAY,
        modifier: Modifier | str = "",
        until: date | None = None,
    ) -> FuzzyDate:
        """The period of ``precision`` containing ``day``, narrowed by ``modifier``, running
        to the end of the period containing ``until`` when that is given."""
        precision, modifier = Precision(precision), Modifier(modifier or "")
        start, end = _narrow(*period_bounds(day, precision), precision, modifier)
        if until is not None:
            end = max(end, period_bounds(until, precision)[1])
        return cls(start, end, precision, modifier)

    @classmethod
    def from_iso(cls, value: str, modifier: Modifier | str = "", until: str | None = None) -> FuzzyDate:
        """Build from TimeML-style values cut to their precision ("2022-09", "2022-W46")."""
        day, precision = parse_iso(value)
        until_day = None
        if until:
            until_day, until_precision = parse_iso(until)
            if until_precision is not precision:
                raise ValueError(f"range end {until!r} is not of the same precision as {value!r}")
        return cls.of(day, precision, modifier, until_day)

    @property
    def value(self) -> str:
        """The start as an ISO 8601 value cut to the precision ("2022-09")."""
        return iso_value(self.start, self.precision)

    @property
    def until(self) -> str | None:
        """The ISO value of the range end, when the date is a range of periods."""
        return iso_value(self.end, self.precision) if self.is_range else None

    @cached_property
    def is_range(self) -> bool:
        # Cached (each is computed from the frozen fields): the label, the range end and the EDTF
        # value all ask, for every date of an export.
        return period_bounds(self.start, self.precision) != period_bounds(self.end, self.precision)

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """Whether any day of this date lies between ``first`` and ``last`` (either may be open)."""
        return (first is None or self.end >= first) and (last is None or self.start <= last)

    @property
    def modifier_text(self) -> str:
        """The modifier as it is written before the period: "early ", "mid-", "about "."""
        return {Modifier.NONE: "", Modifier.MID: "mid-"}.get(self.modifier, f"{self.modifier.value} ")

    @property
    def period_text(self) -> str:
        """The period as a person writes it, without the modifier: "Sep 2022", "18–19 Nov 2022"."""
        if not self.is_range:
            return _format(self.start, self.precision)
        return _format_range(self.start, self.end, self.precision)

    def __str__(self) -> str:
        return self.modifier_text + self.period_text

    @property
    def edtf(self) -> str:
        """The date in the Extended Date/Time Format (ISO 8601-2): "2022-11", "2019~", "2022-21"
        (spring), "2022-33" (first quarter), "199X", "2022-11-18/2022-11-19". Dates EDTF has no
        word for ("early Sep 2022", a week) are written as the days they cover
        ("2022-09-01/2022-09-10"); "about" marks each end as approximate ("2019~/2020~")."""
        approximate = "~" if self.modifier is Modifier.ABOUT else ""
        as_days = self.modifier in (Modifier.EARLY, Modifier.MID, Modifier.LATE) or (
            self.precision is Precision.WEEK
            # EDTF qualifies only days, months, years and a single unspecified decade.
            or (approximate and self.precision in (Precision.SEASON, Precision.QUARTER))
            or (approximate and self.precision is Precision.DECADE and self.is_range)
        )
        if as_days:
            first, last = self.start.isoformat(), self.end.isoformat()
            return f"{first}{approximate}" if first == last else f"{first}{approximate}/{last}{approximate}"
        first = edtf_period(self.start, self.precision) + approximate
        if not self.is_range:
            return first
        return f"{first}/{edtf_period(self.end, self.precision)}{approximate}"


def iso_value(day: date, precision: Precision) -> str:
    """Write ``day`` as an ISO 8601 / TimeML value cut to ``precision``."""
    if precision is Precision.DAY:
        return day.isoformat()
    if precision is Precision.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if precision is Precision.SEASON:
        start = period_bounds(day, precision)[0]
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[start.month]
        return f"{start.year:04d}-{code}"
    if precision is Precision.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    return f"{day.year // 10:03d}"


# EDTF's season codes (Level 1) and ISO 8601-2's quarters (Level 2), by the month a period starts.
EDTF_SEASONS = {3: 21, 6: 22, 9: 23, 12: 24}
EDTF_QUARTERS = {1: 33, 4: 34, 7: 35, 10: 36}


# How each kind of date is written in EDTF: (as a curator types it, its EDTF value). Tests check
# every value with the edtf library and read each back.
EDTF_EXAMPLES = [
    ("18 Nov 2022", "2022-11-18"),
    ("18–19 Nov 2022", "2022-11-18/2022-11-19"),
    ("Nov 2022", "2022-11"),
    ("Nov – Dec 2022", "2022-11/2022-12"),
    ("2023", "2023"),
    ("2017–2019", "2017/2019"),
    ("early Sep 2022", "2022-09-01/2022-09-10"),
    ("late 2022", "2022-09-01/2022-12-31"),
    ("about 2019", "2019~"),
    ("about Sep 2022", "2022-09~"),
    ("about 18 Nov 2022", "2022-11-18~"),
    ("spring 2022", "2022-21"),
    ("winter 2022", "2022-24"),
    ("Q3 1998", "1998-35"),
    ("about Q3 1998", "1998-07-01~/1998-09-30~"),
    ("1990s", "199X"),
    ("1990s–2000s", "199X/200X"),
    ("week of 14 Nov 2022", "2022-11-14/2022-11-20"),
]


def edtf_period(day: date, precision: Precision) -> str:
    """The EDTF value of the period of ``precision`` containing ``day`` (not for weeks)."""
    start = period_bounds(day, precision)[0]
    if precision is Precision.SEASON:
        return f"{start.year:04d}-{EDTF_SEASONS[start.month]}"
    if precision is Precision.QUARTER:
        return f"{start.year:04d}-{EDTF_QUARTERS[start.month]}"
    if precision is Precision.DECADE:
        return f"{start.year // 10:03d}X"
    if precision is Precision.WEEK:
        raise ValueError("EDTF has no weeks: write a week as the interval of its days")
    return iso_value(start, precision)


_EDTF_PART = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<about>~)?"
    r"|(?P<decade>\d{3})X(?P<decade_about>~)?"
)


def parse_edtf(text: str) -> FuzzyDate:
    """Read the EDTF values ``FuzzyDate.edtf`` writes: a day, month, year, season (21–24), quarter
    (33–36) or decade ("199X"), each optionally approximate ("~"), or an interval of two of them
    of the same precision. Raises ``ValueError`` naming the input on anything else."""
    value = text.strip()
    parts = value.split("/")
    try:
        if len(parts) > 2:
            raise ValueError(value)
        points = [_parse_edtf_point(part) for part in parts]
    except ValueError:
        raise ValueError(f"{value!r} is not an EDTF date this timeline understands") from None
    (start, precision, about), (end, end_precision, end_about) = points[0], points[-1]
    if end_precision is not precision or about != end_about or end < start:
        raise ValueError(f"{value!r} is not an interval of two periods of the same precision, in order")
    return FuzzyDate.of(start, precision, Modifier.ABOUT if about else "", until=end)


def _parse_edtf_point(text: str) -> tuple[date, Precision, bool]:
    match = _EDTF_PART.fullmatch(text)
    if not match:
        raise ValueError(text)
    if match["decade"]:
        return date(int(match["decade"]) * 10, 1, 1), Precision.DECADE, bool(match["decade_about"])
    year, month, day, about = int(match["year"]), match["month"], match["day"], bool(match["about"])
    if day:
        return date(year, int(month), int(day)), Precision.DAY, about
    if not month:
        return date(year, 1, 1), Precision.YEAR, about
    code = int(month)
    seasons = {code: first for first, code in EDTF_SEASONS.items()}
    quarters = {code: first for first, code in EDTF_QUARTERS.items()}
    if code in seasons and not about:
        return date(year, seasons[code], 1), Precision.SEASON, about
    if code in quarters and not about:
        return date(year, quarters[code], 1), Precision.QUARTER, about
    return date(year, code, 1), Precision.MONTH, about


_ISO_PATTERNS = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), Precision.DAY),
    (re.compile(r"(\d{4})-W(\d{1,2})"), Precision.WEEK),
    (re.compile(r"(\d{4})-(\d{2})"), Precision.MONTH),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), Precision.SEASON),
    (re.compile(r"(\d{4})-Q([1-4])"), Precision.QUARTER),
    (re.compile(r"(\d{4})"), Precision.YEAR),
    (re.compile(r"(\d{3})"), Precision.DECADE),
]


def parse_iso(value: str) -> tuple[date, Precision]:
    """Read a TimeML-style value ("2022-11-18", "2022-09", "1998-Q3", "199") into the first
    day it covers and its precision. Raises ``ValueError`` on anything else."""
    value = value.strip()
    for pattern, precision in _ISO_PATTERNS:
        match = pattern.fullmatch(value)
        if not match:
            continue
        year, *rest = match.groups()
        try:
            if precision is Precision.DAY:
                return date(int(year), int(rest[0]), int(rest[1])), precision
            if precision is Precision.WEEK:
                return date.fromisocalendar(int(year), int(rest[0]), 1), precision
            if precision is Precision.MONTH:
                return date(int(year), int(rest[0]), 1), precision
            if precision is Precision.SEASON:
                return date(int(year), SEASONS[rest[0]], 1), precision
            if precision is Precision.QUARTER:
                return date(int(year), (int(rest[0]) - 1) * 3 + 1, 1), precision
            if precision is Precision.YEAR:
                return date(int(year), 1, 1), precision
            return date(int(year) * 10, 1, 1), precision
        except ValueError:
            break
    raise ValueError(f"{value!r} is not a calendar date value")


def _format(day: date, precision: Precision) -> str:
    if precision is Precision.DAY:
        return f"{day.day} {MONTH_ABBR[day.month]} {day.year}"
    if precision is Precision.WEEK:
        return f"week of {_format(period_bounds(day, precision)[0], Precision.DAY)}"
    if precision is Precision.MONTH:
        return f"{MONTH_ABBR[day.month]} {day.year}"
    if precision is Precision.SEASON:
        start = period_bounds(day, precision)[0]
        name = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[start.month]
        return f"{name} {start.year}"
    if precision is Precision.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision is Precision.YEAR:
        return str(day.year)
    return f"{day.year - day.year % 10}s"


def _format_range(start: date, end: date, precision: Precision) -> str:
    """Write a range the way an editor would: "18–19 Nov 2022", "Nov – Dec 2022", "2017–2019"."""
    if precision is Precision.DAY:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{EN_DASH}{end.day} {MONTH_ABBR[end.month]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {MONTH_ABBR[start.month]} {EN_DASH} {_format(end, precision)}"
    elif precision is Precision.MONTH and start.year == end.year:
        return f"{MONTH_ABBR[start.month]} {EN_DASH} {_format(end, precision)}"
    elif precision in (Precision.YEAR, Precision.DECADE):
        return f"{_format(start, precision)}{EN_DASH}{_format(end, precision)}"
    return f"{_format(start, precision)} {EN_DASH} {_format(end, precision)}"


# Curator input: "early September 2022", "18-19 Nov 2022", "Jan 2023 - Apr 2023", "2017", "1990s".
_MODIFIER_WORDS = {
    "early": Modifier.EARLY,
    "beginning of": Modifier.EARLY,
    "mid": Modifier.MID,
    "middle of": Modifier.MID,
    "late": Modifier.LATE,
    "end of": Modifier.LATE,
    "about": Modifier.ABOUT,
    "around": Modifier.ABOUT,
    "circa": Modifier.ABOUT,
    "c.": Modifier.ABOUT,
    "ca.": Modifier.ABOUT,
}
_MODIFIER_RE = re.compile(
    r"^(?P<mod>"
    + "|".join(re.escape(w) for w in sorted(_MODIFIER_WORDS, key=len, reverse=True))
    + r")[\s-]+",
    re.IGNORECASE,
)
_RANGE_SPLIT_RE = re.compile(r"\s*(?:\u2013|\u2014|--?|\bto\b|\buntil\b|/)\s*", re.IGNORECASE)
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_POINT_PATTERNS = [
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"), Precision.DAY),
    (re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"), Precision.DAY),
    (re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"), Precision.DAY),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})"), Precision.MONTH),
    (re.compile(_MONTH + r",?\s+(?P<year>\d{4})"), Precision.MONTH),
    (
        re.compile(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>\d{4})", re.I),
        Precision.SEASON,
    ),
    (
        re.compile(r"Q(?P<quarter>[1-4])\s+(?P<year>\d{4})|(?P<year2>\d{4})-Q(?P<quarter2>[1-4])", re.I),
        Precision.QUARTER,
    ),
    (re.compile(r"(?:week of\s+)(?P<rest>.+)", re.I), Precision.WEEK),
    (re.compile(r"(?P<year>\d{4})"), Precision.YEAR),
    (re.compile(r"(?P<decade>\d{3})0s"), Precision.DECADE),
]


# What only EDTF writes: an approximate "~", a decade's "X", or an interval with "/" between values.
_EDTF_LIKE = re.compile(r"[\dX~]+(?:-[\d~]+)*(?:/[\dX~]+(?:-[\d~]+)*)?")


def parse_period(text: str) -> FuzzyDate:
    """Read a date as a curator writes it ("early September 2022", "18–19 Nov 2022",
    "Dec 2022 – Apr 2023", "Jan 2023", "2017", "Q3 1998", "1990s"), or in EDTF ("2022-11-18/2022-11-19",
    "2019~", "2022-21"; see ``parse_edtf``).

    Raises ``ValueError`` with a message naming the input when it is not a date.
    """
    typed = " ".join(str(text).split())
    cleaned = typed.strip(" .,")
    if not cleaned:
        raise ValueError("enter a date, such as “18 Nov 2022”, “early Sep 2022” or “2017”")
    if _EDTF_LIKE.fullmatch(cleaned):
        try:
            return parse_edtf(cleaned)
        except ValueError:
            pass
    modifier = Modifier.NONE
    match = _MODIFIER_RE.match(cleaned)
    if match:
        modifier = _MODIFIER_WORDS[match.group("mod").lower()]
        cleaned = cleaned[match.end() :]
    try:
        return _parse_span(cleaned, modifier)
    except ValueError:
        shown = typed if len(typed) <= 60 else typed[:59] + "…"
        raise ValueError(
            f"“{shown}” is not a date this timeline understands: write it like “18 Nov 2022”, "
            "“18–19 Nov 2022”, “early Sep 2022”, “Jan 2023” or “2017”"
        ) from None


def _parse_span(text: str, modifier: Modifier) -> FuzzyDate:
    try:
        day, precision = _parse_point(text)
        return FuzzyDate.of(day, precision, modifier)
    except ValueError:
        pass
    parts = _RANGE_SPLIT_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        raise ValueError(text)
    first, second = parts
    end, precision = _parse_point(second)
    # The first half may borrow what it leaves out from the second: "18-19 Nov 2022", "Nov - Dec 2022".
    for candidate in (first, f"{first} {end.year}", f"{first} {MONTH_ABBR[end.month]} {end.year}"):
        try:
            start, start_precision = _parse_point(candidate)
        except ValueError:
            continue
        if start_precision is precision and start <= end:
            return FuzzyDate.of(start, precision, modifier, until=end)
    raise ValueError(text)


def _parse_point(text: str) -> tuple[date, Precision]:
    text = text.strip(" .,")
    for pattern, precision in _POINT_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        if precision is Precision.WEEK:
            day, inner = _parse_point(parts["rest"])
            if inner is not Precision.DAY:
                raise ValueError(text)
            return day, precision
        if precision is Precision.DECADE:
            return date(int(parts["decade"]) * 10, 1, 1), precision
        if precision is Precision.QUARTER:
            year = int(parts["year"] or parts["year2"])
            quarter = int(parts["quarter"] or parts["quarter2"])
            return date(year, quarter * 3 - 2, 1), precision
        if precision is Precision.SEASON:
            code = SEASON_NAMES[parts["season"].lower()]
            return date(int(parts["year"]), SEASONS[code], 1), precision
        month = parts.get("month")
        if month is not None and not month.isdigit():
            if month.lower() not in MONTH_NAMES:
                continue
            month = MONTH_NAMES[month.lower()]
        return date(int(parts["year"]), int(month or 1), int(parts.get("day") or 1)), precision
    raise ValueError(text)
