"""The machinery shared by every language: rules, readings, and how matches become mentions.

A language's ``Grammar`` is a table of ``Rule``s (each a pattern, the resolver that turns its match into
a ``Reading``, and examples of what it reads), plus how that language writes modifiers ("early",
"в начале") and ranges ("to", "по"), and how its words say past or future. ``find`` runs a grammar
over a text:

1. Every rule's matches are candidates; they are taken leftmost-longest, in text order (ties to the
   rule listed first), so the resolver of an anaphoric expression sees the mentions before it.
2. A modifier written before a match joins it.
3. Two mentions joined by a dash or "to" ("between … and") become one range.

Underspecified dates ("in June", "on Friday", "the 22nd") are read against the time the sentence is
anchored on (``Context.frame``), in the manner of HeidelTime's news and narrative document types but
decided per sentence: the publication date (news time), or, where the text has moved into its
background or its history, the last date it mentioned (narrative time). A sentence is in narrative
time when an absolute date of another year than the publication's opens it or an earlier sentence of
its paragraph ("In 1950, ..."), or comes before it in a clause the mention's clause is joined to ("in
1975, and in September"), or ends an earlier sentence with no word of news time when a date opens this
one ("The yard was founded in 1950. In June, ..."); and no word of news time ("today", "last week",
"will"; the grammar's ``news_time``) or of reporting ("said") stands between them. A text with no
publication date is narrative from any absolute date on until a word of news time. Narrative runs
forward: there, an underspecified date is the first such date from the anchor on. A grammar without
``news_time`` words is read in news time.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.dates import FuzzyDate, Modifier, Precision, period_bounds, shift_months
from timeline.ingest.firstchars import Scanner, gated
from timeline.ingest.sentences import split_sentences
from timeline.ingest.statements import find_quotes

# How far back (in characters) an anaphoric expression looks for the mention it refers to.
REFERENCE_WINDOW = 600


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: where it is, what it says and the sentence holding it."""

    start: int
    end: int
    text: str
    date: FuzzyDate | None
    precision: Precision
    sentence_start: int
    sentence_end: int
    modifier: Modifier = Modifier.NONE
    # The name of the rule that found it (for diagnosis; not stored).
    rule: str = ""

    @property
    def value(self) -> str | None:
        """ISO value cut to the precision ("2022-09"), or None when unresolved."""
        return self.date.value if self.date else None

    @property
    def until(self) -> str | None:
        """ISO value of the end of a range ("2022-11-19"), None for a single period."""
        return self.date.until if self.date else None

    @property
    def resolved(self) -> bool:
        return self.date is not None

    def sentence(self, text: str) -> str:
        """The sentence of ``text`` (the text this mention was found in) that holds the mention."""
        return text[self.sentence_start : self.sentence_end]

    def to_dict(self, text: str) -> dict[str, str | int | None]:
        """A JSON-ready description; ``text`` is the text the mention was found in."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision.value,
            "modifier": self.modifier.value,
            "until": self.until,
            "sentence": self.sentence(text),
        }


@dataclass(frozen=True)
class Reading:
    """What a matched expression means: a precision and, when it can be placed, its first day."""

    precision: Precision
    day: date | None
    until: date | None = None
    year_stated: bool = True
    modifier: Modifier = Modifier.NONE
    # False for comparison periods ("a year earlier"), which later anaphora must not chain from.
    is_anchor: bool = True


@dataclass(frozen=True)
class Example:
    """What a rule reads: in ``text`` published on ``published``, the mention ``span`` means ``value``
    at ``precision`` (``value`` None: found but not placed)."""

    text: str
    span: str
    value: str | None
    precision: str
    published: str = "2022-11-02"


@dataclass(frozen=True)
class Rule:
    """One way of writing a date: its name, the languages it is for, its pattern, the resolver that reads
    a match (None: not a date after all) and examples of both (walked by tests/test_mentions.py)."""

    name: str
    languages: tuple[str, ...]
    pattern: re.Pattern
    resolve: Callable[[Match], Reading | None]
    examples: tuple[Example, ...]
    # The same matches, found faster (``timeline.ingest.firstchars``).
    scanner: Scanner | re.Pattern


def rule(
    name: str,
    pattern: str,
    resolve: Callable[[Match], Reading | None],
    examples: tuple[Example, ...] | list[Example],
    languages: tuple[str, ...] = ("en",),
    flags: int = 0,
) -> Rule:
    """A ``Rule`` with its pattern compiled and gated."""
    compiled = re.compile(pattern, flags)
    return Rule(name, tuple(languages), compiled, resolve, tuple(examples), gated(compiled))


def no_tense(ctx: Context, start: int, end: int, weak: bool) -> int:
    """A language whose tense cues are not read: unsure."""
    return 0


@dataclass(frozen=True, eq=False)
class Grammar:
    """Everything a language needs to find dates: its rules and how it writes modifiers and ranges."""

    language: str
    rules: tuple[Rule, ...]
    # Matches the words of a modifier ending right before a mention (group "modifier"), and maps them.
    modifier_before: re.Pattern | None = None
    # Matches the words of a modifier starting right after a mention ("9월 초", "aprilli lõpul").
    modifier_after: re.Pattern | None = None
    modifiers: Callable[[str], Modifier] = lambda words: Modifier.ABOUT
    range_join: re.Pattern = re.compile(r"\s*(?:-|–|—)\s*")
    between_before: re.Pattern | None = None
    # The words joining the two ends of a range that also join two separate dates ("and").
    between_words: frozenset[str] = frozenset()
    # -1 when the words around a mention speak of the past, +1 of the future, 0 when unsure.
    tense: Callable[[Context, int, int, bool], int] = no_tense
    # Words that put a sentence in news time, anchored on the publication date ("yesterday", "will").
    # Without them only a sentence holding an absolute date, and the text with no publication date, are
    # read in narrative time.
    news_time: re.Pattern | None = None
    # Words that, between an absolute date and a mention in one sentence, keep the mention in news time
    # ("The firm, founded in 1990, said sales rose in March").
    reported: re.Pattern | None = None
    # Words joining two clauses of one time ("and", "then"): after one of them, an absolute date earlier
    # in the sentence anchors the mention even when it does not open the sentence.
    joins: re.Pattern | None = None
    # Whether a sentence in the past with an absolute date inside it sets the time of a next sentence
    # opened by a date ("The yard was founded in 1950. In June, ..."). Only where the grammar's news-time
    # words are full enough to tell background from news: elsewhere, news articles that recall an
    # earlier date mid-sentence and go on with the present month would be misread.
    past_sentence_sets_time: bool = False
    # Whether a date counted from the one before it ("The following year", "Two days later") sets the
    # time of what follows as an absolute date does, a new paragraph of a history opened by one too;
    # and whether a text with no word of news time yet (a history) runs on past its paragraph ends.
    anaphora_sets_time: bool = False
    # Whether the month written at a position of the text comes later in the year than the date read
    # (``past_sentence_sets_time``: a next sentence not opened by a date goes on from it only then).
    steps_on: Callable[[str, int, Reading], bool] | None = None


# A narrative anchor opens its sentence when at most this many words come before it ("In 1950, ...",
# "By the end of 1962, ...": the modifier is part of the mention).
_OPENING_WORDS = 2
# How many absolute dates back a narrative's opening date is looked for.
_NARRATIVE_LOOKBACK = 8
# A decade or a century is too coarse for a narrative to run from.
_TOO_COARSE_TO_ANCHOR = frozenset({Precision.DECADE})
# The dates a next sentence in the past goes on from without opening with a date of its own.
_STORY_STEPS = frozenset({Precision.DAY, Precision.MONTH})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*\S)")
# A word; Chinese and Japanese write theirs unspaced, so each of their characters counts as one ("先月の
# 平均気温は1898年の" does not open with its year).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
# A colon or semicolon ending a clause within a sentence (not "10:30").
CLAUSE_BREAK = re.compile(r"[:;]\s")


@dataclass
class Context:
    """What resolvers may look at: the text, the publication date, and the mentions before."""

    text: str
    published: date | None
    sentences: list[tuple[int, int]]
    grammar: Grammar | None = None
    sentence_starts: list[int] = field(default_factory=list)
    earlier: list[tuple[int, Reading]] = field(default_factory=list)
    # The mentions whose resolver read neither the publication date nor a mention before:
    # (start, end, reading), in text order.
    absolute: list[tuple[int, int, Reading]] = field(default_factory=list)
    # The range a mention of ``earlier`` ends ("січень–травень 2024 року": January to May), by the id of
    # its reading: the period that "the same period a year earlier" after it compares.
    ranges: dict[int, Reading] = field(default_factory=dict)

    def __post_init__(self):
        self.sentence_starts = [start for start, _ in self.sentences]
        self._breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        news = self.grammar.news_time if self.grammar else None
        self._news_words = _starts(news, self.text) if news is not None else []
        self._news = _outside_quotes(self._news_words, self.text) if news is not None else None
        reported = self.grammar.reported if self.grammar else None
        self._reported = _starts(reported, self.text) if reported is not None else []
        joins = self.grammar.joins if self.grammar else None
        self._joins = _starts(joins, self.text) if joins is not None else []
        # Indexes of ``earlier`` and ``absolute``, which only grow at their ends and in text order:
        # brought up to date when read, so that no look-up walks all the mentions before.
        self._earlier_starts: list[int] = []
        self._anchors: list[tuple[int, Reading]] = []
        self._absolute_ends: list[int] = []

    def _index_earlier(self) -> None:
        for start, reading in self.earlier[len(self._earlier_starts) :]:
            self._earlier_starts.append(start)
            if reading.day is not None and reading.is_anchor:
                self._anchors.append((start, reading))

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, start) - 1
        if index >= 0 and self.sentences[index][1] >= end:
            return self.sentences[index]
        return start, end

    def reference(self, position: int, precision: Precision | None = None) -> Reading | None:
        """The latest resolved mention (of ``precision``, if given) shortly before ``position``."""
        for start, reading in reversed(self.earlier):
            if position - start > REFERENCE_WINDOW:
                return None
            if reading.day is not None and reading.is_anchor and precision in (None, reading.precision):
                return reading
        return None

    def frame(self, position: int) -> Reading | None:
        """The mention the sentence at ``position`` is anchored on in narrative time (the latest date
        mentioned since the absolute date that moved the text into narrative), or None in news time."""
        if self._news is None:
            return None
        ends = self._absolute_ends
        ends.extend(end for _, end, _ in self.absolute[len(ends) :])
        index = bisect.bisect_right(ends, position) - 1
        if index < 0:
            return None
        start, end, reading = self.absolute[index]
        if (
            not self._narrative(start, end, reading, position)
            and not self._continued(index, position)
            and not self._unspoken(index, position)
        ):
            return None
        # The latest anchor among the mentions from the absolute date on, if any.
        self._index_earlier()
        if self._anchors and self._anchors[-1][0] >= start:
            return self._anchors[-1][1]
        return reading

    def _narrative(self, start: int, end: int, reading: Reading, position: int) -> bool:
        """Whether the absolute date at ``start``..``end`` puts the text at ``position`` in narrative."""
        if reading.day is None or reading.precision in _TOO_COARSE_TO_ANCHOR:
            return False
        if _any_between(self._news_words, position, position + 1):
            return False  # the mention itself is of news time ("last month"), quoted or not
        sentence_start, _ = self.sentence_of(start, end)
        current_start, current_end = self.sentence_of(position, position)
        if current_start == sentence_start:
            # In one sentence only the words between count: the mention itself may be one ("yesterday");
            # after a colon or a semicolon ending the date's clause, the rest of the sentence too ("Nel
            # 2023 il deficit era del 7,2%: il Piano, inviato a metà ottobre, prevede ...": the plan of
            # now), but not after a date that heads what follows ("2023: In June, the rating is cut").
            clause_end = CLAUSE_BREAK.search(self.text, end, position)
            clause = clause_end is not None and bool(self.text[end : clause_end.start()].strip())
            if _any_between(self._news, end, max(position + 1, current_end) if clause else position + 1):
                return False
        elif _any_between(self._news, end, max(position + 1, current_end)):
            return False
        if self.published is None:
            return True
        if reading.day.year == self.published.year or self._broken(start, end, position):
            return False
        if current_start == sentence_start and _any_between(self._reported, end, position):
            return False
        if len(_WORD.findall(self.text, sentence_start, start)) <= _OPENING_WORDS:
            return True
        if current_start == sentence_start:
            # "He graduated in 1975, and in September he joined the ministry": a clause joined on
            # continues the time of the one before.
            return _any_between(self._joins, end, position)
        # "The yard was founded in 1950. In June, ...": a sentence all in the past sets the time of a
        # next one opened by a date; not one of a date still to come ("It would fund them through
        # fiscal 2026. In December, negotiators ...").
        if not self.grammar.past_sentence_sets_time or reading.day > self.published:
            return False
        if _any_between(self._news, sentence_start, end):
            return False
        self._index_earlier()
        index = bisect.bisect_left(self._earlier_starts, current_start)
        first = self._earlier_starts[index] if index < len(self._earlier_starts) else position
        if self._opens(current_start, first):
            return True
        # "... went into administration in March 2023. Its staff were made redundant in April": the
        # sentence right after one in the past that named a month or a day of another year goes on
        # from it, all in the past too, when its month is a later one of that year (not "... the
        # August 1988 cease-fire. ... the invasion of Kuwait on Aug. 2", nor "inflation peaked in
        # October 2022. It fell in April").
        steps_on = self.grammar.steps_on
        if steps_on is None or reading.precision not in _STORY_STEPS:
            return False
        sentence_index = bisect.bisect_right(self.sentence_starts, sentence_start) - 1
        following = self.sentence_starts[sentence_index + 1 : sentence_index + 2]
        return following == [current_start] and steps_on(self.text, position, reading)

    def _opens(self, sentence_start: int, position: int) -> bool:
        """Whether a mention at ``position`` opens its sentence, a modifier before it being part of it
        ("By the end of the year, ...": the mention is read before its modifier joins it)."""
        window = self.text[sentence_start:position]
        modifier = self.grammar.modifier_before
        if modifier is not None and (match := modifier.search(window)):
            window = window[: match.start()]
        return len(_WORD.findall(window)) <= _OPENING_WORDS

    def _continued(self, index: int, position: int) -> bool:
        """Whether a narrative that an earlier absolute date opened still runs at ``position``, past the
        absolute date at ``index`` that would not open one itself: "In November 1950, Chinese forces
        entered the war. ... Talks began on 10 July 1951. They moved to Panmunjom in October." is
        October 1951. Only where a past sentence sets the time (``Grammar.past_sentence_sets_time``)."""
        if self.published is None or not self.grammar.past_sentence_sets_time:
            return False
        if _any_between(self._news_words, position, position + 1):
            return False  # the mention itself is of news time
        current_start, current_end = self.sentence_of(position, position)
        earliest = max(0, index - _NARRATIVE_LOOKBACK)
        for number, (start, end, reading) in enumerate(reversed(self.absolute[earliest : index + 1])):
            if reading.day is None or reading.precision in _TOO_COARSE_TO_ANCHOR:
                continue
            if reading.day.year == self.published.year or self._broken(start, end, position):
                return False  # the news of the year of publication, or a new paragraph, ended it
            if _any_between(self._news, end, max(position + 1, current_end)):
                return False
            sentence_start, _ = self.sentence_of(start, end)
            opens = len(_WORD.findall(self.text, sentence_start, start)) <= _OPENING_WORDS
            if number and opens and sentence_start != current_start:
                return True
        return False

    def _unspoken(self, index: int, position: int) -> bool:
        """Whether the text is a history that has not yet spoken of the present at ``position``: no word
        of news time nor a reporting verb before it, since an absolute day of another year than the
        publication's ("The first cases were confirmed on 2 March 2020. ... The first wave
        peaked in mid-April"). It is read as a text with no publication date is, in narrative time."""
        if self.published is None or not self.grammar.anaphora_sets_time:
            return False
        if _any_between(self._news_words, position, position + 1):
            return False  # the mention itself is of news time
        if _any_between(self._news, 0, position) or _any_between(self._reported, 0, position):
            return False
        # A dated event tells a story; a month of another year may be a comparison ("Inflation peaked in
        # October 2019. It fell sharply in April" is this April).
        for _, _, reading in self.absolute[: index + 1]:
            if reading.day is not None and reading.precision is Precision.DAY:
                return reading.day.year != self.published.year
        return False

    def _broken(self, start: int, end: int, position: int) -> bool:
        """Whether a new paragraph begins between the absolute date at ``start``..``end`` and
        ``position``; not the line end of a date written alone as a heading ("2000\n19 July – ...")."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        heading = line_end >= 0 and not self.text[line_start:start].strip()
        heading = heading and not self.text[end:line_end].strip(" \t:–—-")
        if not _any_between(self._breaks, line_end + 1 if heading else end, position):
            return False
        if not self.grammar.anaphora_sets_time:
            return True
        # A history that has not yet spoken of the present runs on into a next paragraph opened by a
        # date ("... fell on 2 September 1864.\n\nIn the spring, Grant crossed the Rapidan").
        last_break = self._breaks[bisect.bisect_left(self._breaks, position) - 1]
        sentence_start, _ = self.sentence_of(position, position)
        opened = sentence_start > last_break and self._opens(sentence_start, position)
        spoken = [words[0] for words in (self._news, self._reported) if words]
        return not opened or min(spoken, default=position) < last_break

    def direction(self, start: int, end: int, weak: bool = True) -> int:
        """-1 when the words around the mention speak of the past, +1 of the future, 0 when unsure;
        in narrative time, +1: a narrative runs forward from its anchor."""
        if self.frame(start) is not None:
            return 1
        return self.grammar.tense(self, start, end, weak) if self.grammar else 0


_COARSENESS = [Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER]
_COARSENESS += [Precision.YEAR, Precision.DECADE]


def no_longer(precision: Precision, than: Precision) -> bool:
    """Whether a period of ``precision`` is no longer than one of ``than``: a period of ``than`` can be
    counted from it ("a month after 13 September"), and not from a longer one ("a month after 1945")."""
    return _COARSENESS.index(precision) <= _COARSENESS.index(than)


def within(precision: Precision, than: Precision) -> bool:
    """Whether a period of ``precision`` lies within one of ``than`` (a day within a month)."""
    if than is Precision.WEEK or precision is Precision.WEEK:
        return precision is Precision.DAY or precision is than
    return _COARSENESS.index(precision) <= _COARSENESS.index(than)


@functools.cache
def _scanner(pattern: re.Pattern) -> Scanner | re.Pattern:
    return gated(pattern)


def _starts(pattern: re.Pattern, text: str) -> list[int]:
    """Where ``pattern`` matches ``text``, found by its scanner (the same matches, faster)."""
    return [match.start() for match in _scanner(pattern).finditer(text)]


def _outside_quotes(positions: list[int], text: str) -> list[int]:
    """The ``positions`` outside quotations: a speaker's "will" is of their time, not a sign that the
    narration has come back to the present."""
    quoted = [(quote.mark_start, quote.mark_end) for quote in find_quotes(text)]
    starts = [start for start, _ in quoted]
    outside = []
    for position in positions:
        index = bisect.bisect_right(starts, position) - 1
        if index < 0 or quoted[index][1] <= position:
            outside.append(position)
    return outside


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``positions`` lies in ``start``..``end``."""
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


class Match:
    """A candidate match with what the resolvers need: its groups, span and context."""

    def __init__(self, match: re.Match, ctx: Context):
        self.groups = {k: v for k, v in match.groupdict().items() if v is not None}
        # A "lead" group holds words that must come before the date but are not part of it ("in").
        self.start = match.end("lead") if "lead" in self.groups else match.start()
        # A "tail" group holds words that must follow the date but are not part of it.
        self.end = match.start("tail") if "tail" in self.groups else match.end()
        self.ctx = ctx
        # Set once the resolver reads the time the text is anchored on or a mention before: the reading
        # is then relative, not absolute.
        self.relative = False
        # Set once the resolver reads a mention before: the reading is then counted from the text's dates.
        self.counted_from_text = False
        self._frame: tuple[Reading | None] | None = None

    @property
    def frame(self) -> Reading | None:
        """The mention this one's sentence is anchored on in narrative time; None in news time."""
        self.relative = True
        if self._frame is None:
            self._frame = (self.ctx.frame(self.start),)
        return self._frame[0]

    @property
    def narrative(self) -> bool:
        return self.frame is not None

    @property
    def published(self) -> date | None:
        """The publication date, whatever time the sentence is in: for what is always read from it
        ("the '90s" in a history of the 1880s is still the 1990s)."""
        self.relative = True
        return self.ctx.published

    @property
    def now(self) -> date | None:
        """The day underspecified dates are read against: the publication date in news time, the first
        day of the anchor in narrative time."""
        self.relative = True
        frame = self.frame
        return frame.day if frame is not None else self.ctx.published

    @property
    def text(self) -> str:
        return self.ctx.text[self.start : self.end]

    def tense(self, weak: bool = True) -> int:
        return self.ctx.direction(self.start, self.end, weak)

    def reference(self, precision: Precision | None = None) -> Reading | None:
        self.relative = True
        reading = self.ctx.reference(self.start, precision)
        self.counted_from_text = self.counted_from_text or reading is not None
        return reading


# ---------------------------------------------------------------------------------------------------
# Calendar arithmetic the resolvers of every language share.


def pick(candidates: list[date], now: date, direction: int, strict: bool = False) -> date | None:
    """Choose among possible dates: the latest before ``now`` (direction -1), the earliest after
    (+1), or the nearest (0, ties going to the past). ``strict`` excludes ``now`` itself."""
    latest = max((c for c in candidates if c < now or (c == now and not strict)), default=None)
    earliest = min((c for c in candidates if c > now or (c == now and not strict)), default=None)
    if latest is None or earliest is None:
        return latest or earliest
    if direction:
        return latest if direction < 0 else earliest
    return latest if (now - latest) <= (earliest - now) else earliest


def beside_reference(
    m: Match, day_in_year: Callable[[int], date | None], precision: Precision, direction: int
) -> date | None:
    """The first period of ``precision`` after the one the text last mentioned (``direction`` +1), or
    the last before it (-1): "In 2019 talks failed. The following March, ..." is March 2020. None when
    nothing was mentioned shortly before. ``day_in_year`` gives the period's first day in a year."""
    reading = m.reference()
    if reading is None:
        return None
    first, last = period_bounds(reading.day, reading.precision)
    last = max(last, reading.until or last)
    candidates = [day for k in (-1, 0, 1) if (day := day_in_year(first.year + k))]
    if direction > 0:
        return min((day for day in candidates if day > last), default=None)
    return max((day for day in candidates if period_bounds(day, precision)[1] < first), default=None)


def weekend(m: Match, direction: int | None, reference: Reading | None = None) -> Reading:
    """A weekend, as its Saturday and Sunday: "this weekend" is the one of the week of publication
    (or of the day just mentioned, for "that weekend"), "last" / "next" the one a week before or
    after (``direction`` -1 / 1). Named alone (``direction`` None: "over the weekend"), the latest
    one by the day of publication, or this week's when the sentence looks ahead."""
    today = reference.day if reference is not None else m.now
    if today is None:
        return Reading(Precision.DAY, None)
    saturday = today - timedelta(days=today.weekday()) + timedelta(days=5)
    if direction is None:
        if saturday > today and m.tense(weak=False) <= 0:
            saturday -= timedelta(weeks=1)
    else:
        saturday += timedelta(weeks=direction)
    return Reading(Precision.DAY, saturday, saturday + timedelta(days=1))


def shift(day: date, precision: Precision, amount: int) -> date:
    """The first day of the period ``amount`` periods of ``precision`` away from the one holding ``day``."""
    start = period_bounds(day, precision)[0]
    if precision is Precision.DAY:
        return start + timedelta(days=amount)
    if precision is Precision.WEEK:
        return start + timedelta(weeks=amount)
    months = {
        Precision.MONTH: 1,
        Precision.SEASON: 3,
        Precision.QUARTER: 3,
        Precision.YEAR: 12,
        Precision.DECADE: 120,
    }[precision]
    return shift_months(start, months * amount)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def century_year(two_digits: int, published: date | None) -> int:
    """A two-digit year in the century that puts it nearest the publication date."""
    if published is None:
        return (1900 if two_digits >= 50 else 2000) + two_digits
    base = published.year - published.year % 100
    options = [base - 100 + two_digits, base + two_digits, base + 100 + two_digits]
    return min(options, key=lambda year: abs(year - published.year))


# How far past publication a year written in two digits may lie: "the summer of '69", written in 2024,
# is 1969.
SHORT_YEAR_AHEAD = 10


def short_year(two_digits: int, published: date | None) -> int:
    """A year written in its last two digits ("'98", "21年3月"): the latest such year by publication,
    or one within the next ``SHORT_YEAR_AHEAD`` years."""
    year = century_year(two_digits, published)
    if published is not None and year > published.year + SHORT_YEAR_AHEAD:
        year -= 100
    return year


# ---------------------------------------------------------------------------------------------------
# Finding: leftmost-longest matches, modifiers, ranges.


@dataclass
class Found:
    start: int
    end: int
    reading: Reading
    modifier: Modifier = Modifier.NONE
    rule: str = ""


def find(text: str, published: date | None, grammar: Grammar) -> list[DateMention]:
    """Every date expression ``grammar`` finds in ``text``, normalised against ``published``."""
    ctx = Context(text, published, split_sentences(text, grammar.language), grammar)
    found = _merge_ranges(text, _select(text, ctx, grammar), grammar)
    return [_to_mention(text, ctx, item) for item in found]


@functools.lru_cache(maxsize=4)
def _scan(text: str, grammar: Grammar) -> tuple[tuple[int, Rule, re.Match], ...]:
    """Every match of every rule in ``text``. Most of the work of finding mentions, and independent of
    the publication date: the loader reads a text three times (without a date and with a candidate date
    to check the candidate against the content, then with the date chosen), and scans it once."""
    return tuple(
        (order, rule, match)
        for order, rule in enumerate(grammar.rules)
        for match in rule.scanner.finditer(text)
    )


def _candidates(text: str, ctx: Context, grammar: Grammar) -> list[tuple[int, int, int, Rule, Match]]:
    candidates = []
    for order, rule_, match in _scan(text, grammar):
        candidate = Match(match, ctx)
        if candidate.start < candidate.end:
            candidates.append((candidate.start, -candidate.end, order, rule_, candidate))
    candidates.sort(key=lambda item: item[:3])
    return candidates


def _select(text: str, ctx: Context, grammar: Grammar) -> list[Found]:
    """Keep the leftmost-longest candidates that resolve, in text order, each seeing those before."""
    selected: list[Found] = []
    last_end = 0
    for start, negative_end, _, rule_, candidate in _candidates(text, ctx, grammar):
        if start < last_end:
            continue
        try:
            reading = rule_.resolve(candidate)
        except (ValueError, OverflowError, KeyError):
            reading = None
        if reading is None:
            continue
        found = Found(start, -negative_end, reading, reading.modifier, rule_.name)
        _attach_modifier(text, found, last_end, grammar)
        if (
            selected
            and _joins(text, selected[-1], found, grammar)
            and (first := _lend_year(selected[-1].reading, reading)) is not None
        ):
            ctx.ranges[id(reading)] = Reading(reading.precision, first, reading.until or reading.day)
        selected.append(found)
        ctx.earlier.append((found.start, reading))
        if reading.day is not None and _sets_time(candidate, reading, grammar):
            ctx.absolute.append((found.start, found.end, reading))
        last_end = found.end
    return selected


def _sets_time(candidate: Match, reading: Reading, grammar: Grammar) -> bool:
    """Whether a mention may move the text into narrative time: an absolute date, or, where the grammar
    says so, one counted from the text's dates (not a comparison period, "a year earlier"; nor a date
    its resolver says is no anchor)."""
    if not candidate.relative:
        return reading.is_anchor
    return grammar.anaphora_sets_time and candidate.counted_from_text and reading.is_anchor


def _attach_modifier(text: str, found: Found, floor: int, grammar: Grammar) -> None:
    """Extend a mention over "early", "mid-", "the end of", "around"... written just before it, or over
    the words a language writes after it ("9月下旬")."""
    if grammar.modifier_after is not None and (after := grammar.modifier_after.match(text, found.end)):
        found.modifier = grammar.modifiers(" ".join(after.group("modifier").lower().split()))
        found.end = after.end("modifier")
    if grammar.modifier_before is None:
        return
    window = text[max(floor, found.start - 30) : found.start]
    match = grammar.modifier_before.search(window)
    if match is None:
        return
    found.modifier = grammar.modifiers(" ".join(match.group("modifier").lower().split()))
    found.start -= len(window) - match.start()


def _merge_ranges(text: str, found: list[Found], grammar: Grammar) -> list[Found]:
    """Join "X - Y", "X to Y", "between X and Y" into one range when both are of one precision."""
    merged: list[Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if previous is not None and _joins(text, previous, item, grammar):
            start = _lend_year(previous.reading, item.reading)
            if start is not None:
                reading = Reading(item.reading.precision, start, item.reading.until or item.reading.day)
                merged[-1] = Found(previous.start, item.end, reading, previous.modifier, previous.rule)
                continue
        merged.append(item)
    return merged


def _joins(text: str, first: Found, second: Found, grammar: Grammar) -> bool:
    gap = text[first.end : second.start]
    if not grammar.range_join.fullmatch(gap) or first.reading.precision is not second.reading.precision:
        return False
    if first.reading.until is not None or second.reading.until is not None:
        return False
    if gap.strip().lower() in grammar.between_words:
        before = grammar.between_before
        return before is not None and before.search(text, max(0, first.start - 10), first.start) is not None
    return True


def _lend_year(first: Reading, second: Reading) -> date | None:
    """The start of a range, taking the end's year when the start states none ("Dec. 18 to Jan. 3, 2023")."""
    if first.day is None or second.day is None:
        return None
    start = first.day
    # The start takes its year from the end when the end states one, or when neither does and the two
    # were placed apart ("с января по сентябрь" after a past verb: January of September's year).
    if not first.year_stated and (second.year_stated or start > second.day):
        start = safe_date(second.day.year, start.month, start.day)
        if start is not None and start > second.day:
            start = safe_date(second.day.year - 1, first.day.month, first.day.day)
    return start if start is not None and start <= second.day else None


def _to_mention(text: str, ctx: Context, found: Found) -> DateMention:
    reading = found.reading
    fuzzy = None
    if reading.day is not None:
        try:
            fuzzy = FuzzyDate.of(reading.day, reading.precision, found.modifier, reading.until)
        except (ValueError, OverflowError):
            fuzzy = None
    sentence_start, sentence_end = _sentence_span(ctx, found.start, found.end)
    return DateMention(
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        date=fuzzy,
        precision=reading.precision,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        modifier=found.modifier,
        rule=found.rule,
    )


def _sentence_span(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``start``..``end``; the mention itself if it lies outside them."""
    first = bisect.bisect_right(ctx.sentence_starts, start) - 1
    last = bisect.bisect_right(ctx.sentence_starts, max(start, end - 1)) - 1
    if first < 0:
        return start, end
    return ctx.sentences[first][0], max(end, ctx.sentences[last][1])
