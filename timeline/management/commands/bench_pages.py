"""Server time and SQL query count of the main pages, one machine-readable line each:

BENCH <name> n=<events> p50=<ms> p95=<ms> queries=<count>

The timeline caches its counts and pages until the data changes (``timeline.caching``), so a
repeated request is served warm; each timeline measurement is also repeated with the cache
emptied before every request, as ``<name>_cold``. ``axis_cold`` and ``axis_filter_cold`` time the
overview axis alone (its grouped counts or marks, its lanes and its layout, no HTTP and no
rendering), cold, for every event and for the filtered view. Like ``timeline.wsgi``, the process
freezes its startup objects out of the garbage collector before measuring.
"""

import gc
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from timeline.caching import TimelineResults
from timeline.filters import EventFilter
from timeline.models import Event

HTMX = {"HX-Request": "true", "HX-Target": "results"}


class Command(BaseCommand):
    help = "Time the timeline, a filtered HTMX partial, an event page and the JSON export."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=40, help="Timed requests per page.")

    def handle(self, *args, repeat, **options):
        events = Event.objects.count()
        published = list(Event.objects.published().order_by("?").values_list("slug", flat=True)[:repeat])
        some = Event.objects.published().select_related("thread").first()
        filters = {
            "thread": some.thread.slug if some and some.thread else "",
            "stance": "denial",
            "date_from": "2017-01-01",
            "date_to": "2020-12-31",
        }
        timeline = [
            ("timeline_page", "/", {}, {}),
            ("timeline_partial_filter", "/", filters, HTMX),
            ("timeline_partial_filter_search", "/", {**filters, "q": "shells"}, HTMX),
            ("timeline_partial_search_only", "/", {"q": "rail bridge"}, HTMX),
        ]
        pages = [(*page, False) for page in timeline]
        pages.append(("event_page", None, {}, {}, False))
        pages.append(("events_json", reverse("events_json"), {}, {}, False))
        pages += [(f"{name}_cold", url, params, headers, True) for name, url, params, headers in timeline]
        client = Client()
        gc.collect()
        gc.freeze()
        for name, url, params, headers, cold in pages:
            timings, queries = [], 0
            for i in range(repeat + 3):
                target = url or f"/events/{published[i % len(published)]}/"
                if cold:
                    cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(target, params, headers=headers, secure=True)
                    elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    self.stderr.write(f"{name}: {target} answered {response.status_code}")
                    break
                if i >= 3:  # the first requests warm caches
                    timings.append(elapsed)
                    queries = max(queries, len(captured))
            self.report(name, events, timings, queries)
        for name, params in (("axis_cold", {}), ("axis_filter_cold", filters)):
            query = QueryDict(mutable=True)
            query.update(params)
            timings, queries = [], 0
            for i in range(repeat + 3):
                cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    event_filter = EventFilter(query or None, queryset=Event.objects.published())
                    TimelineResults.of_published(event_filter, query).axis(*event_filter.valid_dates())
                    elapsed = (time.perf_counter() - started) * 1000
                if i >= 3:
                    timings.append(elapsed)
                    queries = max(queries, len(captured))
            self.report(name, events, timings, queries)

    def report(self, name: str, events: int, timings: list[float], queries: int):
        if timings:
            p50 = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
            self.stdout.write(f"BENCH {name} n={events} p50={p50:.1f} p95={p95:.1f} queries={queries}")
