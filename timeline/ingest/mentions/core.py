"""The machinery shared by every language: rules, readings, and how matches become mentions.

A language's ``Grammar`` is a table of ``Rule``s (each a pattern, the resolver that turns its match into
a ``Reading``, and examples of what it reads), plus how that language writes modifiers ("early",
"в начале") and ranges ("to", "по"), and how its words say past or future. ``find`` runs a grammar
over a text:

1. Every rule's matches are candidates; they are taken leftmost-longest, in text order (ties to the
   rule listed first), so the resolver of an anaphoric expression sees the mentions before it.
2. A modifier written before a match joins it.
3. Two mentions joined by a dash or "to" ("between … and") become one range.
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


@dataclass
class Context:
    """What resolvers may look at: the text, the publication date, and the mentions before."""

    text: str
    published: date | None
    sentences: list[tuple[int, int]]
    grammar: Grammar | None = None
    sentence_starts: list[int] = field(default_factory=list)
    earlier: list[tuple[int, Reading]] = field(default_factory=list)

    def __post_init__(self):
        self.sentence_starts = [start for start, _ in self.sentences]

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

    def direction(self, start: int, end: int, weak: bool = True) -> int:
        """-1 when the words around the mention speak of the past, +1 of the future, 0 when unsure."""
        return self.grammar.tense(self, start, end, weak) if self.grammar else 0


class Match:
    """A candidate match with what the resolvers need: its groups, span and context."""

    def __init__(self, match: re.Match, ctx: Context):
        self.groups = {k: v for k, v in match.groupdict().items() if v is not None}
        # A "lead" group holds words that must come before the date but are not part of it ("in").
        self.start = match.end("lead") if "lead" in self.groups else match.start()
        # A "tail" group holds words that must follow the date but are not part of it.
        self.end = match.start("tail") if "tail" in self.groups else match.end()
        self.ctx = ctx

    @property
    def now(self) -> date | None:
        return self.ctx.published

    @property
    def text(self) -> str:
        return self.ctx.text[self.start : self.end]

    def tense(self, weak: bool = True) -> int:
        return self.ctx.direction(self.start, self.end, weak)

    def reference(self, precision: Precision | None = None) -> Reading | None:
        return self.ctx.reference(self.start, precision)


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
    ctx = Context(text, published, split_sentences(text), grammar)
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
        selected.append(found)
        ctx.earlier.append((found.start, reading))
        last_end = found.end
    return selected


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
    if not first.year_stated and second.year_stated:
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
