"""The density chart above the timeline: events per month for the current filter, as SVG bars."""

import calendar
from dataclasses import dataclass
from datetime import date

from timeline.dates import MONTH_ABBR
from timeline.querystrings import clean_query

MAX_CHART_BARS = 240


@dataclass
class Bar:
    label: str
    count: int
    href: str
    x: int
    height: int

    @property
    def y(self) -> int:
        return CHART_HEIGHT - self.height


def density_chart(counts: dict[tuple[int, int], int], query) -> dict | None:
    """The bars of an SVG histogram of ``counts`` ({(year, month): events}), per month (per year
    when that would be too many bars); each bar links to the timeline narrowed to its period."""
    if not counts:
        return None
    (first_year, first_month), (last_year, last_month) = min(counts), max(counts)
    months = (last_year - first_year) * 12 + last_month - first_month + 1
    buckets = []  # (label, count, first day, last day)
    if months <= MAX_CHART_BARS:
        for index in range(months):
            year, month = divmod(first_year * 12 + first_month - 1 + index, 12)
            month += 1
            last_day = calendar.monthrange(year, month)[1]
            label = f"{MONTH_ABBR[month]} {year}"
            buckets.append(
                (label, counts.get((year, month), 0), date(year, month, 1), date(year, month, last_day))
            )
        unit = "month"
    else:
        for year in range(first_year, last_year + 1):
            total = sum(n for (y, _), n in counts.items() if y == year)
            buckets.append((str(year), total, date(year, 1, 1), date(year, 12, 31)))
        unit = "year"
    tallest = max(n for _, n, _, _ in buckets)
    # The other filters, URL-encoded once: a bar only adds its own dates.
    kept = clean_query(query, drop=("page", "date_from", "date_to"))
    kept = f"{kept}&" if kept else ""
    bars = []
    for index, (label, n, first, last) in enumerate(buckets):
        href = f"?{kept}date_from={first.isoformat()}&date_to={last.isoformat()}"
        height = round(CHART_HEIGHT * n / tallest) if n else 0
        bars.append(Bar(f"{label}: {n} event{'s' if n != 1 else ''}", n, href, index * BAR_STEP, height))
    return {
        "bars": bars,
        "unit": unit,
        "width": len(bars) * BAR_STEP,
        "height": CHART_HEIGHT,
        "bar_width": BAR_STEP - 2,
        "first": buckets[0][0],
        "last": buckets[-1][0],
        "tallest": tallest,
    }


CHART_HEIGHT = 60
BAR_STEP = 12
