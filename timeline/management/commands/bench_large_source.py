"""Time and memory of the pages one huge, date-dense article could stall, one line each:

BENCH source_page n=<date mentions> chars=<text length> ms=<median> queries=<count>
BENCH source_delete_confirm n=<date mentions> chars=<text length> ms=<median> queries=<count>
    peak_py_mb=<tracemalloc peak> peak_rss_mb=<peak resident size>
BENCH source_delete … (the same figures for confirming the deletion, POST)

Each runs at two sizes (``n`` and ``2n``) so growth is visible. The article is built here, not
taken from the benchmark dataset: a text of "May 2022. " repeated, with one date mention per
repetition (the density of a page of date-like words), inside a transaction that is rolled back
at the end, so the database is left as it was.

Time is the median of ``--repeat`` requests measured without tracing. Memory is measured on two
further requests: ``peak_py_mb`` is the peak of Python allocations during one (``tracemalloc``,
reset just before); ``peak_rss_mb`` is the whole process's peak resident size during the other,
untraced one (Linux VmHWM, reset to the current size through /proc/self/clear_refs just before;
it includes Django and the data already loaded), and is left out where that cannot be reset.
"""

import gc
import statistics
import time
import tracemalloc
from datetime import date
from functools import partial
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from timeline.models import DateMention, Source

PHRASE = "May 2022. "
DATE = "May 2022"


class Command(BaseCommand):
    help = "Time the public source page and the admin deletion of one huge, date-dense article."

    def add_arguments(self, parser):
        parser.add_argument("--spans", type=int, default=20_480, help="Mentions on the source page (n).")
        parser.add_argument(
            "--delete-chars", type=int, default=512_000, help="Text length for the delete page (n)."
        )
        parser.add_argument("--repeat", type=int, default=5, help="Timed requests per size.")

    def handle(self, *args, spans, delete_chars, repeat, **options):
        with transaction.atomic():
            client = Client()
            client.force_login(get_user_model().objects.create_superuser("bench-large-source", "", "x"))
            for n in (spans, 2 * spans):
                self.measure("source_page", n, getting(client, article(n).get_absolute_url()), repeat)
            sizes = [chars // len(PHRASE) for chars in (delete_chars, 2 * delete_chars)]
            few = max(1, repeat // 2)
            for n in sizes:
                confirm = getting(client, delete_url(article(n)))
                self.measure("source_delete_confirm", n, confirm, few, memory=True)
            for n in sizes:
                self.measure("source_delete", n, deleting(client, n), few, memory=True, status=302)
            transaction.set_rollback(True)

    def measure(self, name, n, prepare, repeat, memory=False, status=200):
        """``repeat`` timed calls of what ``prepare()`` returns (it makes one request)."""
        timings, queries = [], 0
        for _ in range(repeat):
            request = prepare()
            gc.collect()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = request()
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != status:
                self.stderr.write(f"{name}: answered {response.status_code}, not {status}")
                return
            queries = len(captured)
        median = statistics.median(timings)
        line = f"BENCH {name} n={n} chars={n * len(PHRASE)} ms={median:.1f} queries={queries}"
        if memory:
            line += " " + peak_memory(prepare)
        self.stdout.write(line)


def getting(client, url):
    """A ``prepare`` for ``Command.measure``: GET ``url``, every time."""
    return lambda: partial(client.get, url, secure=True)


def deleting(client, mentions: int):
    """A ``prepare`` for ``Command.measure``: each time a new article (built before the clock
    starts), and the POST that confirms its deletion."""
    return lambda: partial(client.post, delete_url(article(mentions)), {"post": "yes"}, secure=True)


def delete_url(source: Source) -> str:
    return reverse("admin:timeline_source_delete", args=[source.pk])


def article(mentions: int) -> Source:
    """A source whose text is ``PHRASE`` ``mentions`` times, each occurrence a date mention."""
    source = Source.objects.create(title=f"Date-dense article ({mentions})", text=PHRASE * mentions)
    # The rows made by the database in one statement: building a hundred thousand model objects
    # (or sending as many rows) would take most of the benchmark's time.
    table, quote = DateMention._meta.db_table, connection.ops.quote_name
    columns = ["source_id", "start", "end", "text", "sentence_start", "sentence_end"]
    columns += ["date_start", "date_end", "date_precision", "date_modifier", "review"]
    step, length = len(PHRASE), len(DATE)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))})"
            " WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %s)"
            f" SELECT %s, i * {step}, i * {step} + {length}, %s, i * {step}, i * {step} + {step - 1},"
            " %s, %s, 'month', '', 'pending' FROM n",
            [mentions, source.pk, DATE, date(2022, 5, 1), date(2022, 5, 31)],
        )
    return source


STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def peak_memory(prepare) -> str:
    """``peak_py_mb=… [peak_rss_mb=…]``, each from its own request (tracing would inflate the
    resident size), made by what ``prepare()`` returns."""
    request = prepare()
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    request()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = f"peak_py_mb={peak / 2**20:.1f}"
    request = prepare()
    gc.collect()
    if reset_peak_rss():
        request()
        figures += f" peak_rss_mb={resident_kb('VmHWM') / 1024:.1f}"
    return figures


def resident_kb(field: str) -> int | None:
    try:
        lines = STATUS.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return None


def reset_peak_rss() -> bool:
    if resident_kb("VmHWM") is None:
        return False
    try:
        CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True
