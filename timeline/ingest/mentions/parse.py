"""dateparser reads the value of every span the rules found, in every language.

``parse(span, language, published)`` gives the first day and precision dateparser reads in ``span`` (a
phrase, never a whole text: dateparser slows superlinearly on long input), with
``DateDataParser(languages=[language], settings={"RELATIVE_BASE": published, "PREFER_DAY_OF_MONTH":
"first", ...}).get_date_data(span)``; its ``period`` gives day, week, month or year. Parsers are kept per
(language, publication date) and results per (span, language, publication date): the loader reads a
text three times and news repeats its dates, so most spans are read once.

Where dateparser is known to be wrong on a span the rules found, the rules do not ask it, or correct
what it says; every such case is listed in ``CORRECTIONS`` below, each with a test naming it
(tests/test_mentions.py, ``test_correction``).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

from timeline.dates import Precision, shift_months

# Relative spans are never parsed without a publication date; absolute ones do not depend on it.
_NO_BASE = date(2000, 1, 1)

_PERIODS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}

# What dateparser gets wrong on spans the rules find, and what the rules do instead.
CORRECTIONS: dict[str, str] = {
    "bare month is a month": (
        'dateparser reads "in March" with the default settings as 2 March (the day of the base); with '
        'PREFER_DAY_OF_MONTH "first" it gives 1 March, period "month". The precision is always the one '
        "written: a span that states no day is a month, whatever the period says."
    ),
    "ordinal alone is a day of the month": (
        'dateparser reads "on the 6th" as June. A day number written alone is a day of the month before '
        "(or, with a future cue, after) publication; the rules build the month and year themselves."
    ),
    "weekday placed by the rules": (
        "dateparser places a bare weekday in the week before the base (or on the base day itself); "
        "news also writes weekdays still to come. The rules choose the week from the words around it."
    ),
    "quarter read by the rules": 'dateparser does not read "Q3 1998" (it gives August 1998): rules read it.',
    "year of a month written without one": (
        "dateparser puts a month (and day) written without a year in the base's year, even months ahead "
        "of it; the rules choose the year nearest to publication, past first."
    ),
    "East Asian month and day": (
        'dateparser reads no value in Chinese "1月20日" without a year; the rules add the year they chose '
        "before asking it."
    ),
}


@functools.lru_cache(maxsize=256)
def _parser(language: str, base: date) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": datetime.combine(base, datetime.min.time()),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
        "RETURN_TIME_AS_PERIOD": False,
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        return DateDataParser(languages=[language], settings=settings)
    except ValueError:  # a language dateparser has no data for
        return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=65536)
def parse(span: str, language: str, published: date | None = None) -> tuple[date, Precision] | None:
    """The first day and precision dateparser reads in ``span``, or None when it reads nothing."""
    try:
        data = _parser(language, published or _NO_BASE).get_date_data(span)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIODS.get(data.period or "day", Precision.DAY)


# Relative spans are read against one of these days (the one with the publication's weekday) and the
# offset dateparser finds is laid on the publication date: a parser per language and weekday, and a
# result per span, serve every article (a parser per publication date would be built, and its language
# data loaded, for each article).
_BASES = [date(2015, 6, 15) + timedelta(days=k) for k in range(7)]  # Monday 15 June 2015 to Sunday


def parse_relative(span: str, language: str, published: date) -> tuple[date, Precision] | None:
    """The first day and precision dateparser reads in a relative ``span`` ("вчера", "last month",
    "Monday") published on ``published``."""
    base = _BASES[published.weekday()]
    read = parse(span, language, base)
    if read is None:
        return None
    day, precision = read
    if precision in (Precision.DAY, Precision.WEEK):
        return published + (day - base), precision
    months = (day.year - base.year) * 12 + day.month - base.month
    moved = shift_months(published, months)
    return (moved if precision is Precision.MONTH else moved.replace(month=1)), precision
