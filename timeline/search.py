"""Full-text search of events: each event's title, summary and accepted statements' quotes.

Every event has one search document (migration 0008): an FTS5 table on SQLite, a tsvector with a
GIN index on PostgreSQL, both kept in step by triggers. Every word must occur in the event's
document, and the last word matches as a prefix, so results narrow as a reader types. User input
never reaches the query syntax: it is cut into words first.

Beside the documents the index keeps each published event's lane (migration 0018): its thread,
start month and last day, from which ``SearchLanes`` counts a search's matches per thread and month.
On PostgreSQL the documents have a table of their own, and a GIN index on the lanes' narrow rows, over
the function that reads each row's document (migration 0020), finds the matches to count without
reading a document.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models.expressions import RawSQL

MAX_WORDS = 12

SQLITE_EVENTS = "SELECT rowid FROM timeline_event_search WHERE timeline_event_search MATCH %s"
POSTGRES_EVENTS = "SELECT event_id FROM timeline_event_document WHERE document @@ to_tsquery('english', %s)"
# A join, not "id IN (matches)": SQLite would first copy the matches into a temporary index.
SQLITE_LANES = """
    SELECT lane.thread_id, lane.month, count(*), max(lane.date_end)
    FROM timeline_event_search AS search JOIN timeline_event_search_lane AS lane ON lane.id = search.rowid
    WHERE timeline_event_search MATCH %s GROUP BY 1, 2
"""
POSTGRES_LANES = """
    SELECT thread_id, month, count(*), max(date_end) FROM timeline_event_search
    WHERE published AND timeline_search_document(event_id) @@ to_tsquery('english', %s) GROUP BY 1, 2
"""


def search_words(text: str) -> list[str]:
    """The words of a search box's text, lower-cased, at most ``MAX_WORDS``."""
    # Letters and digits only: the indexes (FTS5, PostgreSQL's parser) also split words at "_".
    return re.findall(r"[^\W_]+", text.lower())[:MAX_WORDS]


def _sqlite_match(words: list[str]) -> str:
    *whole, last = words
    return " ".join([*(f'"{word}"' for word in whole), f'"{last}"*'])


def _postgres_query(words: list[str]) -> str:
    *whole, last = words
    return " & ".join([*whole, f"{last}:*"])


def _for_database(words: list[str], sqlite_sql: str, postgres_sql: str) -> tuple[str, list[str]]:
    """The SQL for this connection's database, and its parameter: the words in that index's syntax."""
    if connection.vendor == "postgresql":
        return postgres_sql, [_postgres_query(words)]
    return sqlite_sql, [_sqlite_match(words)]


def matching_event_ids(text: str) -> RawSQL | None:
    """A subquery of the ids of events whose title, summary and accepted statements together
    contain every word of ``text``, or None when ``text`` has no words."""
    words = search_words(text)
    if not words:
        return None
    return RawSQL(*_for_database(words, SQLITE_EVENTS, POSTGRES_EVENTS))


@dataclass(frozen=True)
class SearchLanes:
    """The published events a search for ``text`` (at least one word, see ``search_words``) matches,
    counted per thread and month from the index's lanes, as ``EventQuerySet.per_lane_month`` counts
    them."""

    text: str

    def per_lane_month(self) -> list[tuple[int | None, int, int, date]]:
        sql, params = _for_database(search_words(self.text), SQLITE_LANES, POSTGRES_LANES)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        # SQLite returns its dates as text.
        return [
            (thread, month, n, last if isinstance(last, date) else date.fromisoformat(last))
            for thread, month, n, last in rows
        ]

    def total(self) -> int:
        return sum(n for _, _, n, _ in self.per_lane_month())


def optimize_index() -> None:
    """Merge the search index into one segment (SQLite). Rewriting a document leaves the old one's
    entries behind until segments merge; after a bulk load a search reads many small segments."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO timeline_event_search (timeline_event_search) VALUES ('optimize')")
