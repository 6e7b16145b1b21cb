"""The timeline's expensive results (events per month, the ids of a page), computed once per
filter and data version.

The version (``DataVersion``) changes with every write to the tables the timeline reads, so a
cached result never outlives the data it was computed from. Without a version row (a database
just emptied) nothing is cached.
"""

import hashlib
from collections import Counter

from django.core.cache import cache
from django.db.models import QuerySet

from timeline.models import DataVersion, MonthNumber

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

    def __init__(self, events: QuerySet, key: str, single_pass: bool = False):
        self.events = events
        self.key = key
        self.single_pass = single_pass
        self.version = data_version()
        self.computed = {}  # within one request, each result is computed or fetched once
        self.matches = None  # [(id, month number)] in timeline order, after a single pass

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

    def per_month(self) -> dict[tuple[int, int], int]:
        """{(year, month): number of matching events}."""

        def compute():
            if not self.single_pass:
                return self.events.per_month()
            self.matches = list(self.events.values_list("pk", MonthNumber("date_start")))
            months = Counter(month for _, month in self.matches)
            return {(month // 12, month % 12 + 1): n for month, n in months.items()}

        return self.cached("per_month", compute)

    def count(self) -> int:
        return sum(self.per_month().values())

    def ids(self, start: int, stop: int) -> list[int]:
        """The ids of the matching events from ``start`` to ``stop`` in timeline order."""

        def compute():
            if self.matches is not None:
                return [pk for pk, _ in self.matches[start:stop]]
            return list(self.events.values_list("pk", flat=True)[start:stop])

        return self.cached(f"ids:{start}:{stop}", compute)
