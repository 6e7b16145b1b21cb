"""Public pages. Each page view builds its template's context; which part of the template an HTMX
request gets is declared beside it (``timeline.fragments``)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from timeline import jsonld
from timeline.caching import TimelineResults
from timeline.dates import Precision
from timeline.exports import EVENT_FORMATS, STATEMENT_FORMATS
from timeline.filters import EventFilter, StatementFilter
from timeline.forms import PageForm
from timeline.fragments import Partial, for_htmx
from timeline.highlight import MAX_MARKS, Span, highlight, in_context, safe_url
from timeline.models import Actor, DateMention, Event, Review, Source, Statement
from timeline.querystrings import clean_query
from timeline.vocabulary import Stance


@dataclass
class Card:
    event: Event
    new_year: bool
    new_month: bool


class TimelinePaginator(Paginator):
    """Django's paginator over the ids of a filter's events in timeline order, as ``TimelineResults``
    counts and caches them; a page holds the Cards of its events."""

    def page(self, number):
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        # The id before the page too, so a page that continues a month does not repeat its heading
        # when it is appended under the previous one.
        ids = self.object_list.ids(max(offset - 1, 0), offset + self.per_page)
        return self._get_page(timeline_cards(ids, continues=offset > 0), number, self)


def timeline_cards(ids: list[int], continues: bool) -> list[Card]:
    """The cards of the events ``ids`` (the first only sets the headings when ``continues``), each
    marked where a year or a month begins."""
    # Published ones only, whatever the ids say: the ids and these rows are read at different
    # moments, and an event may have been unpublished in between.
    rows = Event.objects.published().for_cards().in_bulk(ids)
    before, ids = (rows.get(ids[0]), ids[1:]) if continues and ids else (None, ids)
    previous = heading_key(before) if before else (None, None)
    cards = []
    for event in (rows[pk] for pk in ids if pk in rows):
        key = heading_key(event)
        cards.append(Card(event, key[0] != previous[0], key[1] is not None and key != previous))
        previous = key
    return cards


def heading_key(event: Event) -> tuple[int, int | None]:
    """The year and month an event is listed under; a date known only to the year (or coarser)
    gets no month heading rather than a made-up "January"."""
    start = event.date_start
    coarse = event.date_precision in (Precision.YEAR, Precision.DECADE)
    return (start.year, None if coarse else start.month)


@require_safe
@for_htmx(
    "timeline/index.html",
    {"load-more": Partial("more"), "*": Partial("results", push_url=True)},
)
def timeline(request, partial):
    """The timeline of the events the filters match, a page of cards under the density chart."""
    event_filter = EventFilter(request.GET or None, queryset=Event.objects.published())
    number, size = PageForm(request.GET).page_and_size(settings.TIMELINE_PAGE_SIZE)
    results = TimelineResults.of_published(event_filter, request.GET)
    context = {
        "filter": event_filter,
        "query": request.GET.copy(),
        "export_query": clean_query(request.GET, drop=("page", "page_size")),
        "exports": EVENT_FORMATS,
        "page": TimelinePaginator(results, size).get_page(number),
    }
    if partial != "more":  # more cards under the others: no axis
        dates = event_filter.valid_dates()
        context["axis"] = results.axis(*dates)
    return context


@require_safe
@for_htmx("timeline/event_detail.html", {"details-*": Partial("card-details")})
def event_detail(request, slug, partial):
    """One event with its citations, statements and neighbours; or, for a card, its details."""
    event = get_object_or_404(Event.objects.select_related("merged_into"), slug=slug)
    if event.merged_into_id:
        return redirect(event.merged_into, permanent=True)
    if event.status != Event.Status.PUBLISHED:
        raise Http404("This event is not published.")
    event = Event.objects.for_timeline().get(pk=event.pk)
    if partial == "card-details":
        # A timeline card opening its details: its citations and statements, swapped in place.
        return {"event": event}
    statements = list(event.statements.all())
    citations = list(event.citations.all())
    # The cited sources' texts, in one query, to show each excerpt with a sentence either side.
    with_offsets = {c.source_id for c in citations if c.start is not None and c.end is not None}
    texts = (
        {
            pk: (text, language)
            for pk, text, language in Source.objects.filter(pk__in=with_offsets).values_list(
                "pk", "text", "language"
            )
        }
        if with_offsets
        else {}
    )
    for citation in citations:
        text, language = texts.get(citation.source_id, ("", "en"))
        citation.context = in_context(text, citation.start, citation.end, language)
    return {
        "event": event,
        "citations": citations,
        "claims": [s for s in statements if s.stance in (Stance.ALLEGATION, Stance.CONFIRMATION)],
        "denials": [s for s in statements if s.stance == Stance.DENIAL],
        "assessments": [s for s in statements if s.stance == Stance.ASSESSMENT],
        "jsonld": jsonld.event_page(request, event, statements),
        "previous_event": Event.objects.published().before(event).last(),
        "next_event": Event.objects.published().after(event).first(),
    }


@require_safe
def source_detail(request, pk):
    source = get_object_or_404(Source.objects.select_related("outlet", "duplicate_of"), pk=pk)
    citations = list(
        source.citations.filter(event__status=Event.Status.PUBLISHED, event__merged_into__isnull=True)
        .select_related("event")
        .order_by("start", "pk")
    )
    statements = list(
        Statement.objects.public().filter(source=source).select_related("speaker", "event", "source__outlet")
    )
    context = {
        "source": source,
        "source_url": safe_url(source.url),
        "citations": citations,
        "statements": statements,
        "jsonld": jsonld.article_page(request, source, statements),
    }
    if source.text:
        mentions = (
            DateMention.objects.filter(source=source)
            .exclude(review=Review.DISMISSED)
            .select_related("event")
            .order_by("start")
        )
        # No more mentions than the text can mark are read; the rest are counted.
        shown = list(mentions[:MAX_MARKS])
        unread = mentions.count() - len(shown) if len(shown) == MAX_MARKS else 0
        marked = highlight(
            source.text,
            [
                *(citation_span(citation) for citation in citations),
                *(statement_span(statement) for statement in statements),
                *(mention_span(mention) for mention in shown),
            ],
        )
        context["text_html"] = marked.html
        context["marks_left_out"] = marked.left_out + unread
        context["max_marks"] = MAX_MARKS
        for citation in citations:
            # Its id is on the mark in the text; the list item then takes another.
            citation.marked = f"c{citation.pk}" in marked.anchors
    return render(request, "timeline/source_detail.html", context)


def citation_span(citation) -> Span:
    event = citation.event
    return Span(
        citation.start,
        citation.end,
        "citation",
        f"Cited for: {event.title} ({event.date})",
        href=f"{event.get_absolute_url()}#citation-{citation.pk}",
        anchor=f"c{citation.pk}",
        key=citation.pk,
    )


def statement_span(statement) -> Span:
    title = f"{statement.who}: {Stance(statement.stance).label}" if statement.stance in Stance.values else ""
    if statement.date:
        title += f" ({statement.date})"
    href = statement.get_link_url() or ""
    return Span(statement.start, statement.end, "statement", title, href=href, key=statement.pk)


def mention_span(mention) -> Span:
    date_ = mention.date
    if date_ is None:
        title = "Date not worked out yet"
    else:
        title = date_.value + (f" to {date_.until}" if date_.until else "") + f" ({date_.precision.value}"
        title += f", {date_.modifier.value})" if date_.modifier.value else ")"
    event = mention.event
    published = event is not None and event.status == Event.Status.PUBLISHED and not event.merged_into_id
    href = event.get_absolute_url() if published else ""
    return Span(mention.start, mention.end, "mention", title, href=href, key=mention.pk)


@require_safe
def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.select_related("parent"), slug=slug)
    statements = (
        Statement.objects.public()
        .filter(speaker=actor)
        .select_related("event", "source__outlet")
        .order_by("date_start", "pk")
    )
    events = Event.objects.published().filter(actors=actor)
    context = {"actor": actor, "statements": statements, "events": events}
    return render(request, "timeline/actor_detail.html", context)


@require_safe
def actor_suggestions(request):
    """The options of an actor box's datalist (``SuggestInput``): names matching the typed text,
    sent under the box's own name."""
    text = next(iter(request.GET.values()), "")[:200]
    return render(request, "timeline/_suggestions.html", {"names": Actor.objects.suggested(text)})


@require_safe
@for_htmx("timeline/statements.html", {"*": Partial("results", push_url=True)})
def statements(request, partial):
    """Every public statement the filters match, a page at a time."""
    statement_filter = StatementFilter(request.GET or None, queryset=Statement.objects.for_listing())
    number, size = PageForm(request.GET).page_and_size(settings.TIMELINE_PAGE_SIZE)
    return {
        "filter": statement_filter,
        "page": Paginator(statement_filter.qs, size).get_page(number),
        "query": request.GET.copy(),
        "export_query": clean_query(request.GET, drop=("page", "page_size")),
        "exports": STATEMENT_FORMATS,
    }
