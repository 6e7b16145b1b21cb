"""Split news text into sentences, as (start, end) character spans: the one sentence splitter, used by
the loader (mentions, statements, titles) and by the pages that show a passage in its context.

English text is split by the rules below. Other languages go to sentencex, which knows the sentence
ends and abbreviations of some 300 languages (CJK "。！？" with no space after them, Russian "т. е.",
German "z. B."); every line break still ends a sentence, a break sentencex puts before a lower-case
word is undone (no sentence opens in lower case in a cased script), and one it leaves between "。" and
a digit is made.

In English, a sentence ends at a line break or at ".", "!" or "?" (with any closing quotes or
brackets) followed by space and a capital, digit or opening quote — unless the word before the full
stop is an abbreviation ("Jan.", "Mr.", "No.", "U.S."). News writes "the U.S. said" far more often
than it ends a sentence on "U.S.", so letter-dot abbreviations end a sentence only before a word that
usually opens one.
"""

from __future__ import annotations

import functools
import re

import sentencex

ENGLISH = "en"


def _words(text: str) -> list[str]:
    return text.split()


# Abbreviations that never end a sentence in news copy (lower case, without the dot).
_ABBREVIATIONS = frozenset(
    _words(
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
        "mr mrs ms dr prof gen lt col sgt capt cmdr adm maj gov sen rep rev fr st sr jr mt ft "
        "no nos vs v al approx dept est fig gov't univ ave blvd rd ste"
    )
)
# Abbreviations that may end a sentence: they do when the next word usually opens one.
_AMBIGUOUS = frozenset(_words("inc corp co ltd llc plc bros etc p.m a.m"))
_SENTENCE_OPENERS = frozenset(
    _words(
        "the a an he she it they we i in on at but and this that these those there its his her their "
        "our after before when while as if however meanwhile still yet so for according"
    )
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z]+)")


def split_sentences(text: str, language: str = ENGLISH) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of ``text`` written in ``language`` (a code
    such as "ko"), stripped of surrounding space.

    The last few texts' spans are kept: the loader splits one article for its dates, its statements
    and its check of the publication date."""
    return list(_split_kept(text, language))


@functools.lru_cache(maxsize=4)
def _split_kept(text: str, language: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split(text, language))


def _split(text: str, language: str) -> list[tuple[int, int]]:
    if language != ENGLISH:
        return _split_other(text, language)
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if not boundary.group().startswith("\n") and not _ends_sentence(text, boundary):
            continue
        _append_stripped(spans, text, start, boundary.end())
        start = boundary.end()
    _append_stripped(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, boundary: re.Match) -> bool:
    """Whether a full stop ends a sentence, judged by the word before it and the word after."""
    if not boundary.group().startswith("."):
        return True
    before = _WORD_BEFORE.search(text, max(0, boundary.start() - 20), boundary.start() + 1)
    if before is None:
        return True
    word = before.group(1).lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if word in _AMBIGUOUS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        following = _NEXT_WORD.match(text, boundary.end())
        return following is not None and following.group(1).lower() in _SENTENCE_OPENERS
    return True


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


_LINE = re.compile(r"[^\n]+")
# "。", "！" and "？" are never a decimal point: they end a sentence before a digit too ("と述べた。28日
# には"), where sentencex, guarding decimals, does not split.
_FULL_STOP_BEFORE_DIGIT = re.compile(r"(?<=[。！？])(?=[0-9])")


# A piece that is only a date ending in a year's one-letter abbreviation ("W 2022 r.", "15 marca 2023
# r.", "В 2022 г.") opens the sentence after it: no sentence is a date alone.
_DATE_ALONE = re.compile(r"\s*(?:\w{1,3}\s+)?(?:\d{1,2}\.?\s+\w+\s+)?\d{4}\s*[rгр]\.\s*")


def _split_other(text: str, language: str) -> list[tuple[int, int]]:
    """Sentences of a text in another language than English, by sentencex, line by line."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        starts = [0]
        for boundary in sentencex.get_sentence_boundaries(language, line.group()):
            end = boundary["end_index"]
            following = line.group()[end:].lstrip()[:1]
            if 0 < end < len(line.group()) and not following.islower():
                starts.append(end)
        starts = sorted({*starts, *(stop.start() for stop in _FULL_STOP_BEFORE_DIGIT.finditer(line.group()))})
        starts = [
            start
            for index, start in enumerate(starts)
            if not index or not _DATE_ALONE.fullmatch(line.group(), starts[index - 1], start)
        ]
        for start, end in zip(starts, [*starts[1:], len(line.group())], strict=True):
            _append_stripped(spans, text, line.start() + start, line.start() + end)
    return spans
