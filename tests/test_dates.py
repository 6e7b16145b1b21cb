"""The date logic: display, ISO values, covered periods and curator input. No database."""

import re
from datetime import date

import edtf
import pytest

from timeline.dates import EDTF_EXAMPLES, FuzzyDate, Modifier, Precision, parse_iso, parse_period


@pytest.mark.parametrize(
    ("typed", "shown", "start", "end"),
    [
        ("18 Nov 2022", "18 Nov 2022", date(2022, 11, 18), date(2022, 11, 18)),
        ("18-19 Nov 2022", "18–19 Nov 2022", date(2022, 11, 18), date(2022, 11, 19)),
        ("Nov. 18-Nov. 19, 2022", "18–19 Nov 2022", date(2022, 11, 18), date(2022, 11, 19)),
        ("November 18, 2022", "18 Nov 2022", date(2022, 11, 18), date(2022, 11, 18)),
        ("early September 2022", "early Sep 2022", date(2022, 9, 1), date(2022, 9, 10)),
        ("mid-September 2022", "mid-Sep 2022", date(2022, 9, 11), date(2022, 9, 20)),
        ("late Nov 2022", "late Nov 2022", date(2022, 11, 21), date(2022, 11, 30)),
        ("Jan 2023", "Jan 2023", date(2023, 1, 1), date(2023, 1, 31)),
        ("February 2024", "Feb 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("2017", "2017", date(2017, 1, 1), date(2017, 12, 31)),
        ("late 2022", "late 2022", date(2022, 9, 1), date(2022, 12, 31)),
        ("Dec 2022 – Apr 2023", "Dec 2022 – Apr 2023", date(2022, 12, 1), date(2023, 4, 30)),
        ("Nov - Dec 2022", "Nov – Dec 2022", date(2022, 11, 1), date(2022, 12, 31)),
        ("30 Nov - 2 Dec 2022", "30 Nov – 2 Dec 2022", date(2022, 11, 30), date(2022, 12, 2)),
        ("2017-2019", "2017–2019", date(2017, 1, 1), date(2019, 12, 31)),
        ("2022-11-18", "18 Nov 2022", date(2022, 11, 18), date(2022, 11, 18)),
        ("about Sep 2022", "about Sep 2022", date(2022, 9, 1), date(2022, 9, 30)),
        ("Q3 1998", "Q3 1998", date(1998, 7, 1), date(1998, 9, 30)),
        ("summer 1998", "summer 1998", date(1998, 6, 1), date(1998, 8, 31)),
        ("1990s", "1990s", date(1990, 1, 1), date(1999, 12, 31)),
        ("week of 14 Nov 2022", "week of 14 Nov 2022", date(2022, 11, 14), date(2022, 11, 20)),
    ],
)
def test_parse_period_covers_and_displays(typed, shown, start, end):
    parsed = parse_period(typed)
    assert (parsed.start, parsed.end) == (start, end)
    assert str(parsed) == shown
    assert parse_period(str(parsed)) == parsed  # what is shown can be typed back


@pytest.mark.parametrize(
    "typed", ["", "   ", "yesterday", "2024-02-30", "Foo 2022", "19-18 Nov 2022", "x" * 500]
)
def test_parse_period_rejects_non_dates_with_a_message_naming_the_input(typed):
    with pytest.raises(ValueError) as error:
        parse_period(typed)
    assert "\n" not in str(error.value)
    if typed.strip():
        assert typed[:20] in str(error.value)


@pytest.mark.parametrize(
    ("value", "precision", "start"),
    [
        ("2022-11-18", Precision.DAY, date(2022, 11, 18)),
        ("2022-09", Precision.MONTH, date(2022, 9, 1)),
        ("2022", Precision.YEAR, date(2022, 1, 1)),
        ("1998-W32", Precision.WEEK, date(1998, 8, 3)),
        ("1998-Q3", Precision.QUARTER, date(1998, 7, 1)),
        ("1998-SU", Precision.SEASON, date(1998, 6, 1)),
        ("199", Precision.DECADE, date(1990, 1, 1)),
    ],
)
def test_iso_values_round_trip(value, precision, start):
    assert parse_iso(value) == (start, precision)
    assert FuzzyDate.from_iso(value).value == value


def test_range_values_and_until():
    rail = FuzzyDate.from_iso("2022-11-18", until="2022-11-19")
    assert (rail.value, rail.until, str(rail)) == ("2022-11-18", "2022-11-19", "18–19 Nov 2022")
    assert FuzzyDate.from_iso("2022-09", modifier="early").until is None


@pytest.mark.parametrize("bad", ["2022-13", "2022-02-30", "PRESENT_REF", "2022-W60", "soon"])
def test_parse_iso_rejects_non_calendar_values(bad):
    with pytest.raises(ValueError):
        parse_iso(bad)


def test_a_period_overlaps_a_filter_range_that_touches_any_of_its_days():
    early_september = parse_period("early Sep 2022")
    assert early_september.overlaps(date(2022, 9, 1), date(2022, 9, 10))
    assert early_september.overlaps(date(2022, 9, 10), None)
    assert not early_september.overlaps(date(2022, 9, 11), date(2022, 9, 30))
    assert not early_september.overlaps(None, date(2022, 8, 31))


def test_sorting_orders_by_the_covered_period_start_then_end():
    dates = [
        parse_period(text) for text in ["6 Sep 2022", "Sep 2022", "early Sep 2022", "2022", "22 Sep 2022"]
    ]
    assert [str(d) for d in sorted(dates)] == [
        "2022",
        "early Sep 2022",
        "Sep 2022",
        "6 Sep 2022",
        "22 Sep 2022",
    ]


def test_modifier_and_precision_are_kept():
    late = parse_period("late November 2022")
    assert (late.precision, late.modifier) == (Precision.MONTH, Modifier.LATE)
    assert (late.modifier_text, late.period_text) == ("late ", "Nov 2022")


def test_end_before_start_is_refused():
    with pytest.raises(ValueError):
        FuzzyDate(date(2022, 11, 19), date(2022, 11, 18))


@pytest.mark.parametrize(("typed", "value"), EDTF_EXAMPLES)
def test_edtf_values_are_valid_cover_the_same_days_and_read_back(typed, value):
    parsed = parse_period(typed)
    assert parsed.edtf == value
    checked = edtf.parse_edtf(value)  # the reference implementation accepts it
    assert date(*checked.lower_strict()[:3]) == parsed.start
    if parsed.precision is not Precision.SEASON or parsed.start.month != 12:
        # (the edtf library ends a winter with its December; ours runs to the end of February)
        assert date(*checked.upper_strict()[:3]) == parsed.end
    again = parse_period(value)  # the curator's date field takes EDTF too
    assert (again.start, again.end, again.modifier == Modifier.ABOUT) == (
        parsed.start,
        parsed.end,
        parsed.modifier == Modifier.ABOUT,
    )


@pytest.mark.parametrize(
    "bad", ["2022-13", "2022-11-31", "2022-21/2022-11", "2020/2019", "2019~/2020", "199X/"]
)
def test_malformed_edtf_is_refused_naming_the_input(bad):
    with pytest.raises(ValueError, match=re.escape(bad)):
        parse_period(bad)
