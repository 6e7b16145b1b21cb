"""Words of news text, for comparing texts: the one tokenizer and the one list of stop words.

``content_words`` is what the loader's copy detection compares (pairs of adjacent content words);
``topic_words`` is what suggestions compare (content words that say what happened, not when).
Nothing here knows about HTTP or the database.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for with by from as is are was were be been being it its this
    that these those he she they we i you his her their our them him us me my your not no so if than then
    there here which who whom whose what when where why how also has have had do does did will would can
    could may might shall should must about into over after before between during such other more most
    some any each all both only own same very just said says say told according""".split()
)
# Stems of the words that place a sentence in time: the dates are compared as dates, not as words.
TIME_WORDS = frozenset(
    "janua febru march april may june july augus septe octob novem decem jan feb mar apr jun jul aug sep "
    "sept oct nov dec monda tuesd wedne thurs frida satur sunda year month week day days early late mid "
    "last next this earli later ago".split()
)
_WORD = re.compile(r"[^\W_]+")
# Words are cut to their first letters, so "supplying" and "supplies" count as one word.
STEM_LETTERS = 5


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded, in order (letters and digits; punctuation splits them)."""
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    """A case-folded word cut to its first ``STEM_LETTERS`` letters."""
    return word[:STEM_LETTERS]


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content: lower case, stop words out, cut to a stem."""
    return [stem(word) for word in words(text) if word not in STOPWORDS and len(word) > 1]


def topic_words(text: str) -> set[str]:
    """The stems of ``text`` that say what it is about: content words other than numbers and the
    words of dates (month and day names, "year", "last"...)."""
    return {word for word in content_words(text) if word not in TIME_WORDS and not word.isdigit()}


def longest_topic_words(text: str, count: int) -> list[str]:
    """Up to ``count`` whole words of ``text`` whose stems are topic words, longest first (longer words
    tend to be rarer, so they find a text's likely matches in a word index); ties alphabetically."""
    topics = topic_words(text)
    found = {word for word in words(text) if stem(word) in topics and word not in STOPWORDS}
    return sorted(found, key=lambda word: (-len(word), word))[:count]
