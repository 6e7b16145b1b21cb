"""Public pages. Each view answers a full page, or the fragment an HTMX request swaps in."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from timeline.caching import TimelineResults, filter_key
from timeline.charts import density_chart
from timeline.dates import Precision
from timeline.filters import EventFilter, StatementFilter, clean_query
from timeline.forms import PageForm
from timeline.highlight import Span, highlight, in_context, safe_url, valid_spans
from timeline.models import Actor, DateMention, Event, Review, Source, Statement
from timeline.vocabulary import Stance


def wants_fragment(request) -> bool:
    """An HTMX swap gets a fragment; boosted links and history restores get the whole page."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def results_fragment(request, template: str, context: dict):
    """The results partial, pushing a URL without empty fields, so a copied link reads
    "?thread=…" and not "?q=&thread=…"."""
    response = render(request, template, context)
    query = clean_query(request.GET)
    return push_url(response, request.path + (f"?{query}" if query else ""))


@dataclass
class Card:
    event: Event
    new_year: bool
    new_month: bool


@dataclass
class ListPage:
    items: list
    count: int
    number: int
    size: int

    @property
    def has_next(self) -> bool:
        return self.number * self.size < self.count

    @property
    def has_previous(self) -> bool:
        return self.number > 1


class TimelinePage(ListPage):
    @property
    def cards(self) -> list[Card]:
        return self.items


def paginate_timeline(results: TimelineResults, number: int, size: int) -> TimelinePage:
    """One page of events with the year and month headings it needs.

    The row before the page is fetched too, so a page that continues a month does not repeat
    its heading when it is appended under the previous one.
    """
    count = results.count()
    last_page = max(1, -(-count // size))
    number = min(number, last_page)
    offset = (number - 1) * size
    ids = results.ids(max(offset - 1, 0), offset + size)
    # Published ones only, whatever the ids say: the ids and these rows are read at different
    # moments, and an event may have been unpublished in between.
    rows = Event.objects.published().for_cards().in_bulk(ids)
    before, ids = (rows.get(ids[0]), ids[1:]) if offset and ids else (None, ids)
    previous = heading_key(before) if before else (None, None)
    cards = []
    for event in (rows[pk] for pk in ids if pk in rows):
        key = heading_key(event)
        cards.append(Card(event, key[0] != previous[0], key[1] is not None and key != previous))
        previous = key
    return TimelinePage(cards, count, number, size)


def heading_key(event: Event) -> tuple[int, int | None]:
    """The year and month an event is listed under; a date known only to the year (or coarser)
    gets no month heading rather than a made-up "January"."""
    start = event.date_start
    coarse = event.date_precision in (Precision.YEAR, Precision.DECADE)
    return (start.year, None if coarse else start.month)


@require_safe
@vary_on_headers("HX-Request")
def timeline(request):
    event_filter = EventFilter(request.GET or None, queryset=Event.objects.published())
    number, size = PageForm(request.GET).page_and_size(settings.TIMELINE_PAGE_SIZE)
    context = {
        "filter": event_filter,
        "query": request.GET.copy(),
        "export_query": clean_query(request.GET, drop=("page", "page_size")),
    }
    results = TimelineResults(
        event_filter.qs, filter_key(request.GET), single_pass=event_filter.is_narrowed_search
    )
    context["page"] = paginate_timeline(results, number, size)
    context["data_version"] = results.version  # keys the cards' cached markup
    if wants_fragment(request) and request.htmx.target == "load-more":
        return render(request, "timeline/index.html#more", context)
    context["chart"] = density_chart(results.per_month(), request.GET)
    if not wants_fragment(request):
        return render(request, "timeline/index.html", context)
    return results_fragment(request, "timeline/index.html#results", context)


@require_safe
@vary_on_headers("HX-Request")
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("merged_into"), slug=slug)
    if event.merged_into_id:
        return redirect(event.merged_into, permanent=True)
    if event.status != Event.Status.PUBLISHED:
        raise Http404("This event is not published.")
    event = Event.objects.for_timeline().get(pk=event.pk)
    if wants_fragment(request) and (request.htmx.target or "").startswith("details-"):
        # A timeline card opening its details: its citations and statements, swapped in place.
        return render(request, "timeline/event_detail.html#card-details", {"event": event})
    statements = list(event.statements.all())
    citations = list(event.citations.all())
    # The cited sources' texts, in one query, to show each excerpt with a sentence either side.
    with_offsets = {c.source_id for c in citations if c.start is not None and c.end is not None}
    texts = dict(Source.objects.filter(pk__in=with_offsets).values_list("pk", "text")) if with_offsets else {}
    for citation in citations:
        citation.context = in_context(texts.get(citation.source_id, ""), citation.start, citation.end)
    context = {
        "event": event,
        "citations": citations,
        "claims": [s for s in statements if s.stance in (Stance.ALLEGATION, Stance.CONFIRMATION)],
        "denials": [s for s in statements if s.stance == Stance.DENIAL],
        "assessments": [s for s in statements if s.stance == Stance.ASSESSMENT],
        "previous_event": Event.objects.published().before(event).last(),
        "next_event": Event.objects.published().after(event).first(),
    }
    return render(request, "timeline/event_detail.html", context)


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
    }
    if source.text:
        mentions = (
            DateMention.objects.filter(source=source)
            .exclude(review=Review.DISMISSED)
            .select_related("event")
            .order_by("start")
        )
        spans = valid_spans(
            source.text,
            [
                *(citation_span(citation) for citation in citations),
                *(statement_span(statement) for statement in statements),
                *(mention_span(mention) for mention in mentions),
            ],
        )
        context["text_html"] = highlight(source.text, spans)
        marked = {span.anchor for span in spans if span.anchor}
        for citation in citations:
            # Its id is on the mark in the text; the list item then takes another.
            citation.marked = f"c{citation.pk}" in marked
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
    if statement.event_id and statement.event.status == Event.Status.PUBLISHED:
        href = statement.event.get_absolute_url()
    elif statement.speaker_id:
        href = statement.speaker.get_absolute_url()
    else:
        href = ""
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


def paginate(rows: QuerySet, number: int, size: int) -> ListPage:
    count = rows.count()
    number = min(number, max(1, -(-count // size)))
    offset = (number - 1) * size
    return ListPage(list(rows[offset : offset + size]), count, number, size)


def public_statements() -> QuerySet:
    """Statements as the statements page and its export show them, in date order."""
    return (
        Statement.objects.public()
        .select_related("speaker", "event", "source__outlet", "source__duplicate_of__outlet")
        .defer("source__text", "source__duplicate_of__text")
        .order_by(F("date_start").asc(nulls_last=True), "pk")
    )


@require_safe
@vary_on_headers("HX-Request")
def statements(request):
    statement_filter = StatementFilter(request.GET or None, queryset=public_statements())
    number, size = PageForm(request.GET).page_and_size(settings.TIMELINE_PAGE_SIZE)
    page = paginate(statement_filter.qs, number, size)
    context = {
        "filter": statement_filter,
        "page": page,
        "query": request.GET.copy(),
        "export_query": clean_query(request.GET, drop=("page", "page_size")),
    }
    if not wants_fragment(request):
        return render(request, "timeline/statements.html", context)
    return results_fragment(request, "timeline/statements.html#results", context)
