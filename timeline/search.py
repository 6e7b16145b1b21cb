"""Full-text search of events (title, summary) and accepted statements (quote).

SQLite answers from FTS5 tables kept in step by triggers; PostgreSQL from GIN indexes on the
same text (both created in migration 0004). Every word must match, and the last word matches as a
prefix, so results narrow as a reader types. User input never reaches the query syntax: it is cut
into words first.
"""

import re

from django.db import connection
from django.db.models.expressions import RawSQL

MAX_WORDS = 12

SQLITE_EVENTS = """
    SELECT rowid FROM timeline_event_fts WHERE timeline_event_fts MATCH %s
    UNION
    SELECT s.event_id FROM timeline_statement_fts f JOIN timeline_statement s ON s.id = f.rowid
    WHERE timeline_statement_fts MATCH %s AND s.review = 'accepted' AND s.event_id IS NOT NULL
"""
POSTGRES_EVENTS = """
    SELECT id FROM timeline_event
    WHERE to_tsvector('english', title || ' ' || summary) @@ to_tsquery('english', %s)
    UNION
    SELECT event_id FROM timeline_statement
    WHERE to_tsvector('english', quote) @@ to_tsquery('english', %s)
      AND review = 'accepted' AND event_id IS NOT NULL
"""


def search_words(text: str) -> list[str]:
    """The words of a search box's text, lower-cased, at most ``MAX_WORDS``."""
    return re.findall(r"\w+", text.lower())[:MAX_WORDS]


def _sqlite_match(words: list[str]) -> str:
    *whole, last = words
    return " ".join([*(f'"{word}"' for word in whole), f'"{last}"*'])


def _postgres_query(words: list[str]) -> str:
    *whole, last = words
    return " & ".join([*whole, f"{last}:*"])


def matching_event_ids(text: str) -> RawSQL | None:
    """A subquery of the ids of events whose text or accepted statements contain every word of
    ``text``, or None when ``text`` has no words."""
    words = search_words(text)
    if not words:
        return None
    if connection.vendor == "postgresql":
        query = _postgres_query(words)
        return RawSQL(POSTGRES_EVENTS, [query, query])
    match = _sqlite_match(words)
    return RawSQL(SQLITE_EVENTS, [match, match])
