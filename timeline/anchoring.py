"""Where a quoted passage sits in a text, and finding it again after the text is edited.

A passage is described the way W3C Web Annotation selectors and the Hypothesis client describe it:
the exact words with a little context either side (``TextQuote``) and its character offsets. When a
source's text is loaded again with changes, ``reanchor`` looks for the passage in the new text: the
exact words first (the occurrence whose context and position fit best), then an approximate match
with a bounded number of errors (rapidfuzz's alignment and edit distance), scored as Hypothesis's
client scores its matches: on the quote, the prefix, the suffix and the position. A match it is not
confident of is refused (None), so a curator checks it rather than a citation pointing at the wrong
words.
Nothing here knows about the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# Characters of context kept either side of a quote (as the Hypothesis client does).
CONTEXT_CHARS = 32
# At most this share of a quote's characters may differ in an approximate match.
MAX_ERROR_RATE = 0.2
# Hypothesis's weights: the quote counts most, then its context, then staying near its old place.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
# A match scoring less than this (out of 1) is not trusted.
MIN_SCORE = 0.8
# Two candidates closer than this in score are ambiguous: neither is trusted.
MIN_LEAD = 0.05
# Approximate candidates looked at (the best few, so that a close second makes the match ambiguous).
CANDIDATES = 3


@dataclass(frozen=True)
class TextQuote:
    """A passage as its exact words and the context around them, with its offsets when known."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None

    @classmethod
    def in_text(cls, text: str, start: int, end: int) -> TextQuote:
        """The passage ``text[start:end]`` with its context."""
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )

    def selectors(self) -> list[dict]:
        """W3C Web Annotation selectors: a TextQuoteSelector, and a TextPositionSelector when the
        offsets are known."""
        quote = {"type": "TextQuoteSelector", "exact": self.exact}
        if self.start is not None:
            quote.update(prefix=self.prefix, suffix=self.suffix)
            return [quote, {"type": "TextPositionSelector", "start": self.start, "end": self.end}]
        return [quote]


@dataclass(frozen=True)
class Anchor:
    """Where a passage was found again: its new offsets, the words there, and how well it fits."""

    start: int
    end: int
    exact: str
    score: float
    errors: int

    @property
    def is_exact(self) -> bool:
        return self.errors == 0


def reanchor(quote: TextQuote, text: str) -> Anchor | None:
    """Find ``quote`` in ``text``: the best-fitting exact occurrence, else the best approximate one
    with at most ``MAX_ERROR_RATE`` of its characters wrong. None when nothing fits with confidence
    (no match, a poor score, or two candidates that fit about as well)."""
    if not quote.exact.strip():
        return None
    candidates = list(_exact(quote.exact, text)) or _approximate(quote, text)
    scored = sorted((_score(quote, text, *candidate) for candidate in candidates), key=lambda a: -a.score)
    if not scored or scored[0].score < MIN_SCORE:
        return None
    if len(scored) > 1 and scored[0].score - scored[1].score < MIN_LEAD:
        return None
    return scored[0]


def _exact(exact: str, text: str):
    """(start, end, 0) of every occurrence of ``exact`` in ``text``."""
    at = text.find(exact)
    while at != -1:
        yield at, at + len(exact), 0
        at = text.find(exact, at + 1)


def _approximate(quote: TextQuote, text: str) -> list[tuple[int, int, int]]:
    """(start, end, errors) of the best approximate matches of the quote in ``text`` (at most
    ``CANDIDATES``, not overlapping), each with at most ``MAX_ERROR_RATE`` of its length in edits."""
    exact = quote.exact
    budget = max(1, int(len(exact) * MAX_ERROR_RATE))
    found, searched = [], text
    for _ in range(CANDIDATES):
        # rapidfuzz aligns the quote with its best-fitting window of the text (fast, bit-parallel);
        # the window's ends are then moved to where the edit distance is least.
        window = fuzz.partial_ratio_alignment(exact, searched)
        if window is None or window.score == 0:
            break
        start, end, errors = _tighten(quote, text, window.dest_start, window.dest_end, budget)
        if errors > budget:
            break
        found.append((start, end, errors))
        # Blank the match out so that the next round finds the next-best one.
        searched = searched[:start] + "\0" * (end - start) + searched[end:]
    return found


def _tighten(quote: TextQuote, text: str, start: int, end: int, budget: int) -> tuple[int, int, int]:
    """The span near ``text[start:end]`` that fits the quote and its context best (the fewest edits
    in the quote plus in the prefix before it, then in the quote plus the suffix after it), and the
    number of edits in the quote there."""

    def in_quote(first, last):
        return Levenshtein.distance(quote.exact, text[first:last], score_cutoff=budget + 1)

    def before(first):
        return Levenshtein.distance(quote.prefix, text[max(0, first - len(quote.prefix)) : first])

    def after(last):
        return Levenshtein.distance(quote.suffix, text[last : last + len(quote.suffix)])

    starts = range(max(0, start - budget), min(len(text), start + budget) + 1)
    start = min(starts, key=lambda first: in_quote(first, end) + before(first))
    ends = range(max(start, end - budget), min(len(text), end + budget) + 1)
    end = min(ends, key=lambda last: in_quote(start, last) + after(last))
    return start, end, in_quote(start, end)


def _score(quote: TextQuote, text: str, start: int, end: int, errors: int) -> Anchor:
    """Hypothesis's score of a candidate: how close the quote, the prefix and the suffix are, and how
    near the old position it lies (weighted, out of 1)."""
    quote_fit = 1 - errors / max(len(quote.exact), 1)
    weights, total = QUOTE_WEIGHT, QUOTE_WEIGHT * quote_fit
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        total += PREFIX_WEIGHT * Levenshtein.normalized_similarity(quote.prefix, before)
        weights += PREFIX_WEIGHT
    if quote.suffix:
        after = text[end : end + len(quote.suffix)]
        total += SUFFIX_WEIGHT * Levenshtein.normalized_similarity(quote.suffix, after)
        weights += SUFFIX_WEIGHT
    if quote.start is not None and text:
        total += POSITION_WEIGHT * (1 - min(abs(start - quote.start) / len(text), 1))
        weights += POSITION_WEIGHT
    return Anchor(start, end, text[start:end], total / weights, errors)
