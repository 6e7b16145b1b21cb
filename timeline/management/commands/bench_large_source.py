"""Time and memory of the two pages one huge, date-dense article could stall, one line each:

BENCH source_page n=<date mentions> chars=<text length> ms=<median> queries=<count>
BENCH source_delete_confirm n=<date mentions> chars=<text length> ms=<median> queries=<count>
    peak_py_mb=<tracemalloc peak> peak_rss_mb=<VmHWM growth>

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
    help = "Time the public source page and the admin delete confirmation for one huge article."

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
                source = article(n)
                self.measure("source_page", client, source.get_absolute_url(), n, repeat, memory=False)
            for chars in (delete_chars, 2 * delete_chars):
                n = chars // len(PHRASE)
                source = article(n)
                url = reverse("admin:timeline_source_delete", args=[source.pk])
                self.measure("source_delete_confirm", client, url, n, max(1, repeat // 2), memory=True)
            transaction.set_rollback(True)

    def measure(self, name, client, url, n, repeat, memory):
        timings, queries = [], 0
        for _ in range(repeat):
            gc.collect()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, secure=True)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                self.stderr.write(f"{name}: {url} answered {response.status_code}")
                return
            queries = len(captured)
        median = statistics.median(timings)
        line = f"BENCH {name} n={n} chars={n * len(PHRASE)} ms={median:.1f} queries={queries}"
        if memory:
            line += " " + peak_memory(lambda: client.get(url, secure=True))
        self.stdout.write(line)


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


def peak_memory(request) -> str:
    """``peak_py_mb=… [peak_rss_mb=…]``, each from its own call of ``request`` (tracing would
    inflate the resident size)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    request()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = f"peak_py_mb={peak / 2**20:.1f}"
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
