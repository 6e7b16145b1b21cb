"""Marking up a source's text: the date mentions, quotes and cited passages found in it.

Plain Python, no database: the views hand in spans (offsets into the text plus what to show),
and get back HTML in which the article text is always escaped. Spans that overlap are nested
when one contains the other; a span that crosses the end of an enclosing one is split there,
so the markup is always well formed. Only the first piece of a split span keeps its ``id``.
A text gets at most ``MAX_MARKS`` marks; the result says how many spans were left unmarked.
"""

from __future__ import annotations

import bisect
import functools
import heapq
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from timeline.ingest.sentences import ENGLISH, split_sentences

# Which kind of mark goes outside when two spans cover exactly the same characters.
KIND_ORDER = {"citation": 0, "statement": 1, "mention": 2}
# The most marks one text gets: a page of date-like words has tens of thousands of mentions, and
# marking them all makes a page no reader can use, heavy to send and slow to render.
MAX_MARKS = 1000


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "citation", "statement" or "mention"
    title: str
    href: str = ""
    anchor: str = ""  # the element id, e.g. "c12"
    key: int = 0  # tie-breaker: the row's primary key

    def sort_key(self):
        return (self.start, -self.end, KIND_ORDER.get(self.kind, 9), self.key)


def valid_spans(text: str, spans) -> list[Span]:
    """The spans that point inside ``text``, in document order (outermost first)."""
    size = len(text)
    kept = [s for s in spans if s.start is not None and s.end is not None and 0 <= s.start < s.end <= size]
    return sorted(kept, key=Span.sort_key)


@dataclass(frozen=True)
class Highlighted:
    """A marked-up text, with what the cap on marks left out."""

    html: SafeString
    anchors: frozenset[str]  # the ``id``s the marks carry
    left_out: int  # spans left unmarked because the text reached ``MAX_MARKS``

    def __str__(self) -> str:
        return self.html

    def __html__(self) -> str:
        return self.html


def highlight(text: str, spans, limit: int = MAX_MARKS) -> Highlighted:
    """``text`` escaped, with a ``<mark>`` around each span (see the module docstring), at most
    ``limit`` marks in all (the pieces of a split span count one each). Over the limit, cited
    passages come first, then statements, then date mentions, each kind in document order."""
    spans = valid_spans(text, spans)
    chosen = sorted(spans, key=_priority)[:limit] if len(spans) > limit else spans
    html, anchors, unopened = _render(text, sorted(chosen, key=Span.sort_key), limit)
    return Highlighted(mark_safe(html), frozenset(anchors), len(spans) - len(chosen) + unopened)


def _priority(span: Span):
    return (KIND_ORDER.get(span.kind, 9), *span.sort_key())


@dataclass
class _Open:
    """A mark being written: its span and the markup inside it so far."""

    span: Span | None  # None: the whole text
    parts: list[str] = field(default_factory=list)
    has_children: bool = False


def _render(text: str, spans: list[Span], limit: int) -> tuple[str, set[str], int]:
    """The markup for ``spans`` (in ``Span.sort_key`` order), the anchors it carries, and how many
    spans were left unmarked once ``limit`` marks were written.

    One pass in document order with a stack of open marks and a heap of spans still to open, so
    the work grows as n log n: a span crossing the end of the innermost open mark is cut there
    and both pieces go back on the heap."""
    heap = [(span.sort_key(), n, span, True) for n, span in enumerate(spans)]  # sorted: a heap
    added = len(heap)
    stack = [_Open(None)]
    pos, marks, anchors, unopened = 0, 0, set(), 0

    def close() -> None:
        nonlocal pos
        frame = stack.pop()
        frame.parts.append(escape(text[pos : frame.span.end]))
        pos = frame.span.end
        before, after = _tags(frame.span, frame.has_children)
        stack[-1].parts += [before, *frame.parts, after]

    while heap:
        if marks >= limit:
            unopened = sum(first for *_, first in heap)
            break
        *_, span, first = heapq.heappop(heap)
        while stack[-1].span is not None and stack[-1].span.end <= span.start:
            close()
        top = stack[-1]
        if top.span is not None and span.end > top.span.end:
            # Both pieces go back on the heap, so the first is ordered by its own extent
            # against spans that cover the same characters.
            for piece, is_first in (
                (replace(span, end=top.span.end), first),
                (replace(span, start=top.span.end, anchor=""), False),
            ):
                heapq.heappush(heap, (piece.sort_key(), added, piece, is_first))
                added += 1
            continue
        top.parts.append(escape(text[pos : span.start]))
        top.has_children = True
        pos = span.start
        stack.append(_Open(span))
        marks += 1
        if span.anchor:
            anchors.add(span.anchor)
    while len(stack) > 1:
        close()
    stack[0].parts.append(escape(text[pos:]))
    return "".join(stack[0].parts), anchors, unopened


def _tags(span: Span, has_children: bool) -> tuple[str, str]:
    """The markup before and after a span's content (kept apart, so that nested marks are never
    copied into their parents' strings)."""
    attrs = format_html(
        ' class="mark mark--{}" title="{}" data-span="{}-{}"', span.kind, span.title, span.start, span.end
    )
    if span.anchor:
        attrs += format_html(' id="{}"', span.anchor)
    if span.href and not has_children:
        # The whole mark is the link.
        return format_html('<mark{}><a href="{}">', attrs, span.href), "</a></mark>"
    # Links cannot nest: a mark holding other marks is focusable, and its link follows it.
    after = "</mark>"
    if span.href:
        after += format_html(
            '<a class="mark__link" href="{}" aria-label="{}"><span aria-hidden="true">↗</span></a>',
            span.href,
            span.title,
        )
    return format_html('<mark{} tabindex="0">', attrs), after


@functools.lru_cache(maxsize=8)
def sentence_bounds(text: str, language: str = ENGLISH) -> tuple[int, ...]:
    """Offsets where sentences start (always including 0 and ``len(text)``), by the loader's splitter.
    Kept for the last few texts: an event page shows several passages of the same source."""
    return (0, *(start for start, _ in split_sentences(text, language)[1:]), len(text))


@dataclass(frozen=True)
class InContext:
    before: str
    passage: str
    after: str


def in_context(text: str, start: int | None, end: int | None, language: str = ENGLISH) -> InContext | None:
    """The passage ``text[start:end]`` with the sentence before and the sentence after it
    (and the rest of the sentences it starts and ends in), or None when the offsets don't fit."""
    if not text or start is None or end is None or not 0 <= start < end <= len(text):
        return None
    bounds = sentence_bounds(text, language)
    # Where the sentence containing ``start`` begins, then one sentence further back.
    at_start = bisect.bisect_right(bounds, start) - 1
    first = bounds[max(at_start - 1, 0)]
    # Where the sentence containing ``end`` ends, then one sentence further on.
    at_end = bisect.bisect_left(bounds, end)
    last = bounds[min(at_end + 1, len(bounds) - 1)]
    return InContext(text[first:start].lstrip(), text[start:end], text[end:last].rstrip())


def safe_url(url: str) -> str:
    """``url`` when it is an http(s) address, else "" (so ``javascript:`` never becomes a link)."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""
