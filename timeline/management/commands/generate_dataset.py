"""Fill the database with a synthetic but realistic timeline, for benchmarks and load tests."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from tqdm import tqdm

from timeline.dataset import Sizes, generate
from timeline.models import Event
from timeline.search import optimize_index


class Command(BaseCommand):
    help = (
        "Generate a synthetic dataset (default: 100,000 events; three statements per event, a source "
        "per two events and 2,000 actors unless given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=100_000)
        parser.add_argument("--statements", type=int, help="Default: three per event.")
        parser.add_argument("--sources", type=int, help="Default: one per two events.")
        parser.add_argument("--actors", type=int, help="Default: 2,000.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has events."
        )

    def handle(self, *args, **options):
        sizes = Sizes.scaled(options["events"], options["statements"], options["sources"], options["actors"])
        if min(sizes.events, sizes.sources, sizes.actors) < 1 or sizes.statements < 0:
            raise CommandError("--events, --sources and --actors must be at least 1")
        if options["if_empty"] and Event.objects.exists():
            self.stdout.write(f"Dataset present: {Event.objects.count()} events; nothing generated.")
            return
        started = time.perf_counter()
        bar = tqdm(
            total=sizes.rows,
            unit="row",
            unit_scale=True,
            file=self.stderr._out,
            disable=not self.stderr.isatty(),
            mininterval=1,
        )
        with bar, transaction.atomic():
            generate(random.Random(options["seed"]), sizes, lambda table, n: self.advance(bar, table, n))
        optimize_index()  # each statement rewrote its event's search document (SQLite)
        with connection.cursor() as cursor:
            # Fresh planner statistics (SQLite picks poor indexes without them); on PostgreSQL also
            # reclaim dead rows (VACUUM cannot run inside a transaction, as in the tests).
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Generated {sizes.events} events, {sizes.statements} statements, "
            f"{sizes.sources} sources, {sizes.actors} actors in {elapsed:.1f}s"
        )

    def advance(self, bar, table: str, rows: int) -> None:
        bar.set_description(table.removeprefix("timeline_"), refresh=False)
        bar.update(rows)
