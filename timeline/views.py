"""Public pages. Each view answers a full page, or the fragment an HTMX request swaps in."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from timeline.filters import EventFilter, clean_query
from timeline.forms import PageForm
from timeline.models import Actor, Event, Source, Stance, Statement


def wants_fragment(request) -> bool:
    """An HTMX swap gets a fragment; boosted links and history restores get the whole page."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


@dataclass
class Card:
    event: Event
    new_year: bool
    new_month: bool


@dataclass
class TimelinePage:
    cards: list[Card]
    count: int
    number: int
    size: int

    @property
    def has_next(self) -> bool:
        return self.number * self.size < self.count

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def paginate_timeline(events: QuerySet, number: int, size: int) -> TimelinePage:
    """One page of events with the year and month headings it needs.

    The row before the page is fetched too, so a page that continues a month does not repeat
    its heading when it is appended under the previous one.
    """
    count = events.count()
    last_page = max(1, -(-count // size))
    number = min(number, last_page)
    offset = (number - 1) * size
    rows = list(events.for_timeline()[max(offset - 1, 0) : offset + size])
    previous = rows.pop(0) if offset else None
    cards = []
    for event in rows:
        year_changed = previous is None or previous.date_start.year != event.date_start.year
        month_changed = year_changed or previous.date_start.month != event.date_start.month
        cards.append(Card(event, year_changed, month_changed))
        previous = event
    return TimelinePage(cards, count, number, size)


@require_safe
@vary_on_headers("HX-Request")
def timeline(request):
    event_filter = EventFilter(request.GET or None, queryset=Event.objects.published())
    number, size = PageForm(request.GET).page_and_size(settings.TIMELINE_PAGE_SIZE)
    page = paginate_timeline(event_filter.qs, number, size)
    context = {"filter": event_filter, "page": page, "query": request.GET.copy()}
    if not wants_fragment(request):
        return render(request, "timeline/index.html", context)
    if request.htmx.target == "load-more":
        return render(request, "timeline/index.html#more", context)
    # The pushed URL leaves out empty fields, so a copied link reads "?thread=…" and not "?q=&thread=…".
    response = render(request, "timeline/index.html#results", context)
    query = clean_query(request.GET)
    return push_url(response, request.path + (f"?{query}" if query else ""))


@require_safe
def event_detail(request, slug):
    event = get_object_or_404(Event.objects.select_related("merged_into"), slug=slug)
    if event.merged_into_id:
        return redirect(event.merged_into, permanent=True)
    if event.status != Event.Status.PUBLISHED:
        raise Http404("This event is not published.")
    event = Event.objects.for_timeline().get(pk=event.pk)
    statements = list(event.statements.all())
    context = {
        "event": event,
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
    citations = source.citations.filter(event__status=Event.Status.PUBLISHED).select_related("event")
    statements = Statement.objects.public().filter(source=source).select_related("speaker", "event")
    context = {"source": source, "citations": citations, "statements": statements}
    return render(request, "timeline/source_detail.html", context)


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
