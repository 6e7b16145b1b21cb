"""Which date an article was published on: the one relative expressions ("last month") anchor on.

Candidates, in order: the date the curator gives (``--published``), the document's metadata (HTML
markup via htmldate, the ``published`` field of a JSON line), then a dateline or timestamp at the top
or bottom of the text ("2024-05-28 22:33:01", "Published: June 14, 2023").

A metadata date or a dateline is checked against the article's own content before it is used,
because scrapers stamp pages with the time they fetched them. The check resolves the article's relative
dates against the candidate and counts how many land on a period the article also names explicitly
("November last year" and "November 2022"). When moving the candidate a year or two makes clearly more
of them agree, the candidate contradicts the content: it is not used, and a warning says so. A date the
curator gives is always used, with the same warning when the content disagrees.

With no usable date, relative expressions stay unresolved: nothing is guessed from today's date.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from timeline.dates import MONTH_NAMES, Precision
from timeline.ingest.mentions import DateMention, find_date_mentions
from timeline.ingest.mentions.locale import has_locale, stems, vocabulary
from timeline.vocabulary import DateSource

# A dateline sits in the first or last few lines and is short; only those lines are searched.
_DATELINE_LINES = 4
_DATELINE_MAX_CHARS = 100
# Words a dateline may carry besides the date: labels, times, zones, a byline separator.
_DATELINE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|modified|date|time|on|at|am|pm|a\.m|p\.m|utc|gmt|kst|est|edt|"
    r"cet|cest|bst|pst|pdt|mon|tue|wed|thu|fri|sat|sun)\w*\.?|\d{1,2}:\d{2}(?::\d{2})?|[\s\-–—:/.,|()+T]",
    re.IGNORECASE,
)
# The same in other languages: the labels news sites print beside a date ("입력", "更新", "Опубликовано",
# "aggiornato", "Stand"), times written with their units ("10時32分", "10시 32분"), a weekday in brackets
# ("(수)", "（水）") and the dots of "2023.11.15.".
_DATELINE_LABELS = (
    r"입력|수정|기사입력|최종수정|발행|등록|송고|公開|更新|配信|掲載|発行|发布|发表|时间|時間|来源|"
    r"опубликовано|обновлено|опубліковано|оновлено|дата|pubblicato|aggiornato|ore|publié|mis\s+à\s+jour|"
    r"le|à|veröffentlicht|aktualisiert|am|um|uhr|stand|publicado|actualizado|el|las|avaldatud|uuendatud|kell"
)
_DATELINE_FILLER_ELSEWHERE = re.compile(
    rf"(?:来源|來源|出处)[:：]\s*\S+|(?<!\w)(?:{_DATELINE_LABELS})(?!\w)\.?|"
    r"\d{1,2}\s*(?:時|시|点|點)\s*(?:\d{1,2}\s*(?:分|분))?|[(（][^()（）]{1,3}[)）]|：",
    re.IGNORECASE,
)
_LABELLED_ELSEWHERE = re.compile(
    r"(?<!\w)(?:입력|수정|기사입력|公開|更新|配信|发布|发表|опубликовано|обновлено|опубліковано|оновлено|"
    r"pubblicato|aggiornato|publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|actualizado|"
    r"avaldatud|uuendatud)",
    re.IGNORECASE,
)
_SHIFTS_YEARS = (-2, -1, 1, 2)
# The check reads at most this much of a text (cut at a line end): a long article's first hundred
# thousand characters hold evidence enough, and the whole of a 5 MiB one would take seconds more.
CHECKED_CHARS = 100_000
# A shifted anchor must explain at least this many more relative dates to count as a contradiction.
_MIN_EXTRA_AGREEMENTS = 2
_FINE = (Precision.DAY, Precision.WEEK, Precision.MONTH)
_MONTH_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Published:
    """The publication date chosen (None when unknown), where it came from and why."""

    date: date | None = None
    source: DateSource = DateSource.UNKNOWN
    note: str = ""
    warnings: tuple[str, ...] = ()


def find_dateline(text: str, language: str = "en") -> date | None:
    """A full date written as a dateline or timestamp line in the first or last lines of ``text``,
    an article in ``language``."""
    return dateline_date(dateline_lines(text), language)


def dateline_date(lines: Iterable[str], language: str = "en") -> date | None:
    """The date of the first of ``lines`` (from ``dateline_lines``) that is a dateline."""
    found = dateline_among(lines, language)
    return found[1] if found else None


def find_dateline_line(text: str, language: str = "en") -> tuple[str, date] | None:
    """The dateline or timestamp line of ``text`` (first or last lines), with its date."""
    return dateline_among(dateline_lines(text), language)


def dateline_lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` a dateline or timestamp may be: the first and last ones, short enough."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    candidates = lines[:_DATELINE_LINES] + lines[-_DATELINE_LINES:]
    return tuple(line for line in candidates if len(line) <= _DATELINE_MAX_CHARS)


def dateline_among(lines: Iterable[str], language: str = "en") -> tuple[str, date] | None:
    """The first of ``lines`` (from ``dateline_lines``) that is a dateline, with its date."""
    for line in lines:
        day = _dateline_date(line, language or "en")
        if day is not None:
            return line, day
    return None


def _dateline_date(line: str, language: str = "en") -> date | None:
    # A dateline in another language may still be written the English way ("2024-05-28 22:33").
    for reader in dict.fromkeys((language, "en")):
        day = _dateline_date_in(line, reader)
        if day is not None:
            return day
    return None


def _dateline_date_in(line: str, language: str) -> date | None:
    found = find_date_mentions(line, None, language=language)
    mentions = [m for m in found if m.date and m.precision is Precision.DAY]
    if len(mentions) != 1 or mentions[0].date.is_range:
        return None
    mention = mentions[0]
    rest = line[: mention.start] + " " + line[mention.end :]
    # Either the line is only a date with labels and a time, or a labelled date after a byline.
    labelled = re.search(r"\b(?:published|updated|posted)\b", line, re.I)
    if language != "en":
        rest = _DATELINE_FILLER_ELSEWHERE.sub("", rest)
        labelled = labelled or _LABELLED_ELSEWHERE.search(line)
    if _DATELINE_FILLER.sub("", rest) and not labelled:
        return None
    return mention.date.start


def determine_published(
    text: str,
    *,
    given: date | None = None,
    metadata: date | None = None,
    dateline: Callable[[], date | None] | None = None,
    language: str = "en",
) -> Published:
    """Choose the publication date of the article ``text`` from the candidates (see module docs).
    ``dateline`` finds the dateline, if any: it is called only when the metadata date is not used."""
    if given is not None:
        reason = contradiction(text, given, language)
        warnings = (f"--published {given} {reason}; used as given",) if reason else ()
        return Published(given, DateSource.GIVEN, "", warnings)
    warnings: list[str] = []
    for find, source, label in (
        (lambda: metadata, DateSource.METADATA, "metadata date"),
        (dateline or (lambda: None), DateSource.DATELINE, "timestamp"),
    ):
        candidate = find()
        if candidate is None:
            continue
        reason = contradiction(text, candidate, language)
        if reason is None:
            if warnings:
                warnings.append(f"used the {label} {candidate} instead")
            return Published(candidate, source, "; ".join(warnings), tuple(warnings))
        warnings.append(f"{label} {candidate} {reason}: not used")
    if warnings:
        warnings.append("publication date unknown: relative dates are left unresolved")
    return Published(None, DateSource.UNKNOWN, "; ".join(warnings), tuple(warnings))


def contradiction(text: str, candidate: date, language: str = "en") -> str | None:
    """Why ``candidate`` cannot be the publication date of ``text``, or None when the content agrees.

    It contradicts the content when anchoring a year or two earlier or later makes at least two more of
    the article's relative dates fall on periods it names explicitly. Moving the anchor by whole years
    moves the relative dates by as much, so they are resolved once and shifted. Only the first
    ``CHECKED_CHARS`` of a longer text are read."""
    text = checked_part(text)
    absolute = find_date_mentions(text, None, language=language)
    # The candidate's own dateline, if it is still in the text, is no evidence for or against it.
    explicit = [
        m for m in absolute if m.date is not None and m.date.start != candidate and m.precision in _FINE
    ]
    if not explicit or sum(1 for m in absolute if m.date is None) < _MIN_EXTRA_AGREEMENTS:
        return None
    # Relative dates only: a range with an explicit half ("December 2022 to April this year") is left out.
    relative = _not_overlapping(
        [m for m in anchored_mentions(text, candidate, language) if m.date and _names_month(m, language)],
        [(m.start, m.end) for m in absolute if m.date is not None],
    )
    here = _agreeing(relative, explicit, 0)
    for years in _SHIFTS_YEARS:
        there = _agreeing(relative, explicit, years)
        if len(there) >= len(here) + _MIN_EXTRA_AGREEMENTS:
            examples = ", ".join(f"“{m.text}”" for m in there[:3])
            return (
                f"contradicts the content (anchored on {candidate.year + years} instead, {examples} fall on "
                "dates the article states explicitly)"
            )
    return None


def checked_part(text: str) -> str:
    """The part of ``text`` the publication date is checked against: all of it up to
    ``CHECKED_CHARS``, else that many characters cut at the last line end before them."""
    if len(text) <= CHECKED_CHARS:
        return text
    cut = text.rfind("\n", 0, CHECKED_CHARS)
    return text[: cut if cut > 0 else CHECKED_CHARS]


@functools.lru_cache(maxsize=2)
def anchored_mentions(text: str, anchor: date | None, language: str = "en") -> tuple[DateMention, ...]:
    """``find_date_mentions(text, anchor, language=language)``, worked out once: the loader checks the
    chosen date against the content, then extracts the mentions anchored on it, and on a long text each
    pass takes seconds."""
    return tuple(find_date_mentions(text, anchor, language=language))


def _names_month(mention: DateMention, language: str = "en") -> bool:
    """A relative date that names its month ("June 9", "November last year", "in December", "지난해
    3월", "марте прошлого года"): moving the anchor by a year moves it by exactly a year. "Tuesday",
    "today" and "last month" are left out; they only land on a date the article states by coincidence."""
    return mention.precision in _FINE and bool(_month_names(language).search(mention.text))


@functools.cache
def _month_names(language: str) -> re.Pattern:
    """The month names of ``language`` (dateparser's locale data, and the inflected forms the rules
    find), or months written as numbers with "月"/"월"; English's for a language without data."""
    if language == "en" or not has_locale(language):
        return _MONTH_NAME
    vocab = vocabulary(language)
    forms = stems([form for form in vocab.months if not form[0].isdigit()], vocab.inflecting)
    names = "|".join(re.escape(form) for form in forms)
    before = "" if vocab.unspaced else r"(?<!\w)"
    numbered = r"\d{1,2}\s*[月월]"
    # Korean writes every month as a number ("3월"): no names, and an empty alternative would match
    # any mention.
    return re.compile(rf"{before}(?:{names})|{numbered}" if names else numbered, re.IGNORECASE)


def _not_overlapping(mentions: list[DateMention], spans: list[tuple[int, int]]) -> list[DateMention]:
    """The mentions that overlap none of ``spans``. Both come from ``find_date_mentions``: in text order
    and not overlapping, so the only span that can overlap a mention is the last one starting before
    its end."""
    starts = [start for start, _ in spans]
    kept = []
    for mention in mentions:
        before = bisect.bisect_left(starts, mention.end) - 1
        if before < 0 or spans[before][1] <= mention.start:
            kept.append(mention)
    return kept


def _agreeing(relative: list[DateMention], explicit: list[DateMention], years: int) -> list[DateMention]:
    """The relative dates that, moved by ``years``, land on a period the article names explicitly, one
    at least as precise: "Aug. 2" does not land on "August 1988". (The two lists hold different spans of
    the text, as ``contradiction`` builds them.)

    Asked of every relative date at once: with the relative dates taken in order of their length and
    the explicit ones added to the index as they become short enough, each question is whether an
    indexed explicit date starting by the relative date's end ends on or after its start."""
    shifted = []
    for mention in relative:
        start, end = _shift_years(mention.date.start, years), _shift_years(mention.date.end, years)
        if start is not None and end is not None:
            shifted.append((end - start, start, end, mention))
    by_length = sorted(explicit, key=lambda m: m.date.end - m.date.start)
    index = _LatestEnd(sorted({m.date.start for m in explicit}))
    agreeing = set()
    added = 0
    for length, start, end, mention in sorted(shifted, key=lambda item: item[0]):
        while added < len(by_length) and by_length[added].date.end - by_length[added].date.start <= length:
            index.add(by_length[added].date.start, by_length[added].date.end)
            added += 1
        latest = index.latest_end(end)
        if latest is not None and latest >= start:
            agreeing.add(id(mention))
    return [mention for mention in relative if id(mention) in agreeing]


class _LatestEnd:
    """Date spans indexed by start (a Fenwick tree over the possible starts): the latest end among the
    spans starting on or before a day, in logarithmic time."""

    def __init__(self, starts: list[date]):
        self._starts = starts
        self._tree: list[date | None] = [None] * (len(starts) + 1)

    def add(self, start: date, end: date) -> None:
        position = bisect.bisect_left(self._starts, start) + 1
        while position < len(self._tree):
            if self._tree[position] is None or self._tree[position] < end:
                self._tree[position] = end
            position += position & -position

    def latest_end(self, day: date) -> date | None:
        position = bisect.bisect_right(self._starts, day)
        latest = None
        while position > 0:
            value = self._tree[position]
            if value is not None and (latest is None or value > latest):
                latest = value
            position -= position & -position
        return latest


def _shift_years(day: date, years: int) -> date | None:
    """``day`` moved by whole ``years`` (29 February to the 28th); None outside the calendar's years."""
    if not 1 <= day.year + years <= 9999:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
