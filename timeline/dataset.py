"""A synthetic but realistic timeline for benchmarks and load tests (``manage.py generate_dataset``).

Rows are made one at a time and streamed into the tables (``COPY`` on PostgreSQL, batched inserts
on SQLite), so a million events take minutes and little memory. On PostgreSQL the search documents
and the stances are written once per event after its statements, instead of once per statement by
the triggers.
"""

import itertools
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model
from django.utils import timezone

from timeline.dates import FuzzyDate, Modifier, Precision
from timeline.models import Actor, Citation, Event, Outlet, Review, Source, Statement, Thread
from timeline.vocabulary import DateSource, LanguageSource, Stance

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


@dataclass(frozen=True)
class Sizes:
    events: int
    statements: int
    sources: int
    actors: int

    @classmethod
    def scaled(cls, events: int, statements=None, sources=None, actors=None) -> "Sizes":
        """The given sizes; those not given in proportion to the events (three statements per
        event, a source per two events, 2,000 actors), as at the default 100,000 events."""
        return cls(
            events,
            3 * events if statements is None else statements,
            max(1, events // 2) if sources is None else sources,
            2_000 if actors is None else actors,
        )

    @property
    def rows(self) -> int:
        """About how many rows the big tables get (events, their actors and citations, statements)."""
        return self.events * 5 + self.statements


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


DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_modifier")


def date_columns(fuzzy: FuzzyDate) -> tuple:
    return fuzzy.start, fuzzy.end, fuzzy.precision.value, fuzzy.modifier.value


class TableWriter:
    """Streams rows into a table: ``COPY`` on PostgreSQL, inserts of ``BATCH`` rows on SQLite."""

    def __init__(self, progress: Callable[[str, int], None]):
        self.progress = progress  # called with a table's name and each batch's row count

    def write(self, model: type[Model], columns: list[str], rows: Iterable[tuple]) -> None:
        table = model._meta.db_table
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for batch in batched(rows):
                        for row in batch:
                            copy.write_row(row)
                        self.progress(table, len(batch))
                return
            marks = ", ".join(["%s"] * len(columns))
            for batch in batched(rows):
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
                self.progress(table, len(batch))


def batched(rows: Iterable[tuple]) -> Iterable[list[tuple]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def next_id(model: type[Model]) -> int:
    return (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1


# The triggers that rewrite an event's search document (migration 0008) and its stances (0019) on
# every write: switched off during a PostgreSQL load, whose events are then written once each.
POSTGRES_EVENT_TRIGGERS = [
    ("timeline_event", "timeline_event_search"),
    ("timeline_statement", "timeline_statement_search"),
    ("timeline_event", "timeline_event_stated"),
    ("timeline_statement", "timeline_statement_stated"),
]


def generate(rng: random.Random, sizes: Sizes, progress: Callable[[str, int], None]) -> None:
    """Add a dataset of ``sizes`` to the database (in the caller's transaction), telling
    ``progress`` of each batch of rows written."""
    postgres = connection.vendor == "postgresql"
    writer = TableWriter(progress)
    with connection.cursor() as cursor:
        if postgres:
            # Foreign keys checked row by row as they arrive, not queued for millions of rows until commit.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table, trigger in POSTGRES_EVENT_TRIGGERS:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
    threads = Thread.objects.bulk_create(
        Thread(name=f"Storyline {i}", slug=f"storyline-{i}", position=i) for i in range(12)
    )
    outlets = Outlet.objects.bulk_create(Outlet(name=f"Outlet {i}", slug=f"outlet-{i}") for i in range(300))
    actors = [
        actor.pk
        for actor in Actor.objects.bulk_create(
            (
                Actor(
                    name=f"Actor {i} {rng.choice(WORDS).title()}",
                    slug=f"actor-{i}",
                    kind=rng.choice(Actor.Kind.values),
                    side=rng.choice(SIDES),
                )
                for i in range(sizes.actors)
            ),
            batch_size=BATCH,
        )
    ]
    now = timezone.now()
    first_source = next_id(Source)
    sources = range(first_source, first_source + sizes.sources)
    writer.write(
        Source,
        [
            *("id", "title", "outlet_id", "url", "author", "published", "published_source"),
            *("published_note", "language", "language_source", "text", "content_hash", "fingerprint"),
            *("file_name", "loaded_at"),
        ],
        (
            (
                pk,
                sentence(rng, 8),
                rng.choice(outlets).pk,
                f"https://news.example.org/{pk - first_source}",
                "",
                date(2022, 1, 1) + timedelta(days=rng.randrange(1100)),
                DateSource.METADATA.value,
                "",
                "en",
                LanguageSource.GIVEN.value,
                "",
                "",
                "",
                "",
                now,
            )
            for pk in sources
        ),
    )
    first_event = next_id(Event)
    events = range(first_event, first_event + sizes.events)
    writer.write(
        Event,
        [
            *("id", "title", "slug", "summary", "thread_id", "status", "created_at", "updated_at"),
            *DATE_COLUMNS,
        ],
        (
            (
                pk,
                sentence(rng, 7)[:-1],
                f"event-{pk - first_event}",
                sentence(rng, 25),
                rng.choice(threads).pk,
                Event.Status.PUBLISHED.value if rng.random() < 0.95 else Event.Status.DRAFT.value,
                now,
                now,
                *date_columns(random_date(rng, date(2015, 1, 1), 4000)),
            )
            for pk in events
        ),
    )
    writer.write(
        Event.actors.through,
        ["event_id", "actor_id"],
        ((event, actor) for event in events for actor in rng.sample(actors, rng.randint(1, 3))),
    )
    writer.write(
        Citation,
        ["event_id", "source_id", "excerpt", "anchor_status"],
        (
            (event, source, sentence(rng, 18), "")
            for event in events
            for source in rng.sample(sources, rng.randint(1, 3))
        ),
    )
    writer.write(
        Statement,
        [
            *("speaker_id", "speaker_name", "quote", "stance", "event_id", "source_id", "review"),
            *("anchor_status", *DATE_COLUMNS),
        ],
        (
            (
                rng.choice(actors),
                "",
                sentence(rng, 20),
                rng.choice(Stance.values),
                rng.choice(events),
                rng.choice(sources),
                Review.ACCEPTED.value if rng.random() < 0.9 else Review.PENDING.value,
                "",
                *date_columns(random_date(rng, date(2015, 1, 1), 4000)),
            )
            for _ in range(sizes.statements)
        ),
    )
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Source, Event]):
            cursor.execute(sql)
        if postgres:
            # Each new event's stances from its statements grouped, in one statement, before the
            # trigger that would work them out again for every row it writes is back on.
            cursor.execute("SELECT timeline_restate_events(%s)", [first_event])
            for table, trigger in POSTGRES_EVENT_TRIGGERS:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
            # Each new event's document, with all its statements, once (the triggers' own function).
            cursor.execute(
                "SELECT count(*) FROM (SELECT timeline_refresh_event_search(id) FROM timeline_event"
                " WHERE id >= %s) AS written",
                [first_event],
            )
            progress("timeline_event_search", sizes.events)
