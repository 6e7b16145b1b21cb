"""Fill the database with a synthetic but realistic timeline, for benchmarks and load tests."""

import itertools
import random
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from timeline.dates import FuzzyDate, Modifier, Precision
from timeline.models import (
    Actor,
    Citation,
    Event,
    Outlet,
    Review,
    Source,
    Statement,
    Thread,
)
from timeline.search import optimize_index
from timeline.vocabulary import DateSource, Stance

WORDS = (
    "artillery shells rockets missiles rail shipment border Tumangang Wagner Pyongyang Moscow Kremlin "
    "intelligence satellite imagery sanctions resolution denial confirmation delivery munitions cargo "
    "train bridge report spokesperson ministry statement council envoy summit petroleum barrels"
).split()
SIDES = ["United States", "DPRK", "Russia", "South Korea", "Japan", "United Nations", "Independent"]
BATCH = 5000


SYLLABLES = ["ka", "ro", "mi", "tan", "sel", "vor", "pu", "lin", "dra", "kes", "mon", "tri", "gal", "shu"]
# A long tail of made-up words with Zipf-like frequencies, so that a search is as selective as it
# is on real text rather than matching most of the dataset.
VOCABULARY = WORDS + [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES][:3000]
ZIPF_WEIGHTS = list(itertools.accumulate(1 / rank for rank in range(1, len(VOCABULARY) + 1)))


def sentence(rng: random.Random, words: int) -> str:
    chosen = rng.choices(VOCABULARY, cum_weights=ZIPF_WEIGHTS, k=words)
    return " ".join(chosen).capitalize() + "."


def random_date(rng: random.Random, first: date, days: int) -> FuzzyDate:
    day = first + timedelta(days=rng.randrange(days))
    precision = rng.choices([Precision.DAY, Precision.MONTH, Precision.YEAR], weights=[70, 25, 5])[0]
    modifier = Modifier.NONE
    if precision is not Precision.DAY and rng.random() < 0.3:
        modifier = rng.choice([Modifier.EARLY, Modifier.MID, Modifier.LATE, Modifier.ABOUT])
    until = day + timedelta(days=1) if precision is Precision.DAY and rng.random() < 0.05 else None
    return FuzzyDate.of(day, precision, modifier, until)


class Command(BaseCommand):
    help = "Generate a synthetic dataset (default: 100,000 events, 300,000 statements, 50,000 sources)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=100_000)
        parser.add_argument("--statements", type=int, default=300_000)
        parser.add_argument("--sources", type=int, default=50_000)
        parser.add_argument("--actors", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has events."
        )

    def handle(self, *args, **options):
        if min(options["events"], options["sources"], options["actors"]) < 1 or options["statements"] < 0:
            raise CommandError("--events, --sources and --actors must be at least 1")
        if options["if_empty"] and Event.objects.exists():
            self.stdout.write(f"Dataset present: {Event.objects.count()} events; nothing generated.")
            return
        started = time.perf_counter()
        with transaction.atomic():
            self.generate(random.Random(options["seed"]), options)
        optimize_index()  # each statement rewrote its event's search document
        with connection.cursor() as cursor:
            # Fresh planner statistics (SQLite picks poor indexes without them); on PostgreSQL also
            # reclaim the event rows that every search-document rewrite left dead (VACUUM cannot run
            # inside a transaction, as in the tests).
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Generated {options['events']} events, {options['statements']} statements, "
            f"{options['sources']} sources, {options['actors']} actors in {elapsed:.1f}s"
        )

    def generate(self, rng: random.Random, options):
        threads = Thread.objects.bulk_create(
            Thread(name=f"Storyline {i}", slug=f"storyline-{i}", position=i) for i in range(12)
        )
        outlets = Outlet.objects.bulk_create(
            Outlet(name=f"Outlet {i}", slug=f"outlet-{i}") for i in range(300)
        )
        actors = Actor.objects.bulk_create(
            (
                Actor(
                    name=f"Actor {i} {rng.choice(WORDS).title()}",
                    slug=f"actor-{i}",
                    kind=rng.choice(Actor.Kind.values),
                    side=rng.choice(SIDES),
                )
                for i in range(options["actors"])
            ),
            batch_size=BATCH,
        )
        sources = Source.objects.bulk_create(
            (
                Source(
                    title=sentence(rng, 8),
                    outlet=rng.choice(outlets),
                    url=f"https://news.example.org/{i}",
                    published=date(2022, 1, 1) + timedelta(days=rng.randrange(1100)),
                    published_source=DateSource.METADATA,
                )
                for i in range(options["sources"])
            ),
            batch_size=BATCH,
        )
        events = []
        for i in range(options["events"]):
            event = Event(
                title=sentence(rng, 7)[:-1],
                slug=f"event-{i}",
                summary=sentence(rng, 25),
                thread=rng.choice(threads),
                status=Event.Status.PUBLISHED if rng.random() < 0.95 else Event.Status.DRAFT,
            )
            event.date = random_date(rng, date(2015, 1, 1), 4000)
            events.append(event)
        events = Event.objects.bulk_create(events, batch_size=BATCH)
        Event.actors.through.objects.bulk_create(
            (
                Event.actors.through(event_id=event.pk, actor_id=actor.pk)
                for event in events
                for actor in rng.sample(actors, rng.randint(1, 3))
            ),
            batch_size=BATCH,
        )
        Citation.objects.bulk_create(
            (
                Citation(event=event, source=source, excerpt=sentence(rng, 18))
                for event in events
                for source in rng.sample(sources, rng.randint(1, 3))
            ),
            batch_size=BATCH,
        )
        statements = []
        for _ in range(options["statements"]):
            statement = Statement(
                speaker=rng.choice(actors),
                quote=sentence(rng, 20),
                stance=rng.choice(Stance.values),
                event=rng.choice(events),
                source=rng.choice(sources),
                review=Review.ACCEPTED if rng.random() < 0.9 else Review.PENDING,
            )
            statement.date = random_date(rng, date(2015, 1, 1), 4000)
            statements.append(statement)
        Statement.objects.bulk_create(statements, batch_size=BATCH)
