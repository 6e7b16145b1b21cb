"""Marking up a source's text: the date mentions, quotes and cited passages found in it.

Plain Python, no database: the views hand in spans (offsets into the text plus what to show),
and get back HTML in which the article text is always escaped. Spans that overlap are nested
when one contains the other; a span that crosses the end of an enclosing one is split there,
so the markup is always well formed. Only the first piece of a split span keeps its ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from timeline.ingest.sentences import ENGLISH, split_sentences

# Which kind of mark goes outside when two spans cover exactly the same characters.
KIND_ORDER = {"citation": 0, "statement": 1, "mention": 2}


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


def highlight(text: str, spans) -> SafeString:
    """``text`` escaped, with a ``<mark>`` around each span (see the module docstring)."""
    return mark_safe("".join(_render(text, 0, len(text), valid_spans(text, spans))))


def _render(text: str, lo: int, hi: int, spans: list[Span]) -> list[str]:
    out, pos = [], lo
    while spans:
        outer, spans = spans[0], spans[1:]
        inner, rest = [], []
        for span in spans:
            if span.start >= outer.end:
                rest.append(span)
            elif span.end <= outer.end:
                inner.append(span)
            else:  # crosses the end of ``outer``: split it there
                inner.append(replace(span, end=outer.end))
                rest.append(replace(span, start=outer.end, anchor=""))
        out.append(escape(text[pos : outer.start]))
        out.append(_mark(outer, "".join(_render(text, outer.start, outer.end, inner)), bool(inner)))
        pos = outer.end
        spans = sorted(rest, key=Span.sort_key)
    out.append(escape(text[pos:hi]))
    return out


def _mark(span: Span, content: str, has_children: bool) -> str:
    attrs = format_html(
        ' class="mark mark--{}" title="{}" data-span="{}-{}"', span.kind, span.title, span.start, span.end
    )
    if span.anchor:
        attrs += format_html(' id="{}"', span.anchor)
    if span.href and not has_children:
        # The whole mark is the link.
        return format_html('<mark{}><a href="{}">{}</a></mark>', attrs, span.href, mark_safe(content))
    # Links cannot nest: a mark holding other marks is focusable, and its link follows it.
    html = format_html('<mark{} tabindex="0">{}</mark>', attrs, mark_safe(content))
    if span.href:
        html += format_html(
            '<a class="mark__link" href="{}" aria-label="{}"><span aria-hidden="true">↗</span></a>',
            span.href,
            span.title,
        )
    return html


def sentence_bounds(text: str, language: str = ENGLISH) -> list[int]:
    """Offsets where sentences start (always including 0 and ``len(text)``), by the loader's splitter."""
    return [0, *(start for start, _ in split_sentences(text, language)[1:]), len(text)]


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
    starts = [b for b in bounds if b <= start]
    first = starts[-2] if len(starts) >= 2 else starts[-1]
    # Where the sentence containing ``end`` ends, then one sentence further on.
    ends = [b for b in bounds if b >= end]
    last = ends[1] if len(ends) >= 2 else ends[0]
    return InContext(text[first:start].lstrip(), text[start:end], text[end:last].rstrip())


def safe_url(url: str) -> str:
    """``url`` when it is an http(s) address, else "" (so ``javascript:`` never becomes a link)."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""
