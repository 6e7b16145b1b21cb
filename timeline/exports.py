"""The timeline as data: JSON, CSV and TimelineJS, for the same filters as the pages; and the table
of every format a list page links to (``EVENT_FORMATS``, ``STATEMENT_FORMATS``, the feed included),
from which the URLs and the links are made.

Only published events and public statements are exported. Invalid parameters answer 400 with
the form's errors, never a 500.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.views.decorators.http import require_safe

from timeline import openapi
from timeline.anchoring import TextQuote
from timeline.dates import Precision
from timeline.feeds import event_feed
from timeline.filters import EventFilter, StatementFilter
from timeline.forms import PageForm
from timeline.highlight import safe_url
from timeline.models import Event, Statement
from timeline.querystrings import page_path, rejects_invalid_parameters, validated, with_query

DEFAULT_PAGE_SIZE = 100


def filtered_events(request, selectors: bool = False):
    """The published events the request's filters match, with everything an export writes (with
    ``selectors``, the quote selectors of the JSON API; invalid filters raise ``InvalidParameters``)."""
    return validated(EventFilter(request.GET or None, queryset=Event.objects.for_export(selectors))).qs


# Serialisers


def absolute(request, name: str, key) -> str:
    """The absolute URL of the page ``name`` for ``key`` (``page_path``)."""
    return origin_url(request, page_path(name, key))


def origin_url(request, path: str | None) -> str | None:
    """``path`` made absolute, the origin worked out once per request: a page of results links to
    thousands of pages."""
    if path is None:
        return None
    origin = request.__dict__.get("timeline_origin")
    if origin is None:
        origin = request.__dict__["timeline_origin"] = request.build_absolute_uri("/")[:-1]
    return origin + path


def date_json(dated) -> dict | None:
    fuzzy = dated.date
    if fuzzy is None:
        return None
    return {
        "start": dated.date_start.isoformat(),
        "end": dated.date_end.isoformat(),
        "precision": fuzzy.precision.value,
        "modifier": fuzzy.modifier.value,
        "value": fuzzy.value,
        "until": fuzzy.until,
        "edtf": fuzzy.edtf,
        "display": str(fuzzy),
    }


def source_json(request, source) -> dict:
    original = source.duplicate_of
    return {
        "id": source.pk,
        "title": source.title,
        "outlet": source.outlet.name if source.outlet else None,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "published_from": source.published_source,
        "page": absolute(request, "source_detail", source.pk),
        "duplicate_of": (
            {
                "id": original.pk,
                "title": original.title,
                "outlet": original.outlet.name if original.outlet else None,
                "url": original.url,
            }
            if original
            else None
        ),
    }


def actor_json(request, actor) -> dict | None:
    if actor is None:
        return None
    return {
        "slug": actor.slug,
        "name": actor.name,
        "side": actor.side,
        "url": absolute(request, "actor_detail", actor.slug),
    }


WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation_json(request, item, passage: str, anchor: str, body_url: str | None) -> dict:
    """A citation or statement as a W3C Web Annotation of its source: the passage by its words and
    context (TextQuoteSelector) and by its offsets (TextPositionSelector), when the source's text
    is stored. ``item`` carries the ``quote_*`` annotations of ``with_quote_context``."""
    source = item.source
    page = absolute(request, "source_detail", source.pk)
    if item.start is not None and getattr(item, "quote_exact", None):
        quote = TextQuote(item.quote_exact, item.quote_prefix, item.quote_suffix, item.start, item.end)
    else:
        quote = TextQuote(passage)
    data = {
        "@context": WEB_ANNOTATION_CONTEXT,
        "id": f"{page}#{anchor}",
        "type": "Annotation",
        "motivation": "linking",
        "target": {"source": source.url or page, "selector": quote.selectors()},
    }
    if body_url:
        data["body"] = {"type": "SpecificResource", "source": body_url}
    return data


def statement_json(request, statement, with_event=False) -> dict:
    data = {
        "id": statement.pk,
        "who": statement.who,
        "speaker": actor_json(request, statement.speaker),
        "speaker_name": statement.speaker_name,
        "stance": statement.stance,
        "quote": statement.quote,
        "date": date_json(statement),
        "source": source_json(request, statement.source),
        "start": statement.start,
        "end": statement.end,
        "annotation": annotation_json(
            request,
            statement,
            statement.quote,
            f"s{statement.pk}",
            origin_url(request, statement.get_link_url()),
        ),
    }
    if with_event:
        event = statement.event
        data["event"] = (
            {
                "slug": event.slug,
                "title": event.title,
                "url": absolute(request, "event_detail", event.slug),
            }
            if event
            else None
        )
    return data


def event_json(request, event) -> dict:
    event_url = absolute(request, "event_detail", event.slug)
    return {
        "id": event.pk,
        "slug": event.slug,
        "url": event_url,
        "title": event.title,
        "summary": event.summary,
        "date": date_json(event),
        "thread": {"slug": event.thread.slug, "name": event.thread.name} if event.thread else None,
        "actors": [actor_json(request, actor) for actor in event.actors.all()],
        "stances": event.stances,
        "published_at": event.published_at.isoformat() if event.published_at else None,
        "updated_at": event.updated_at.isoformat() if event.updated_at else None,
        "source_count": len(event.sources),
        "independent_source_count": event.independent_source_count,
        "statements": [statement_json(request, s) for s in event.statements.all()],
        "citations": [
            {
                "id": citation.pk,
                "excerpt": citation.excerpt,
                "start": citation.start,
                "end": citation.end,
                "source": source_json(request, citation.source),
                "annotation": annotation_json(
                    request, citation, citation.excerpt, f"c{citation.pk}", event_url
                ),
            }
            for citation in event.citations.all()
        ],
    }


def paginated(request, rows, serialise) -> JsonResponse:
    """One page of ``rows`` as JSON, with the count and links to the pages either side."""
    page_form = validated(PageForm(request.GET))
    number = page_form.cleaned_data["page"] or 1
    size = min(page_form.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE, settings.TIMELINE_MAX_PAGE_SIZE)
    paginator = Paginator(rows, size)
    try:
        page = paginator.page(number)
        results, has_next = [serialise(row) for row in page], page.has_next()
    except EmptyPage:  # past the last page: no rows, and the way back
        results, has_next = [], False

    def link(page_number):
        query = request.GET.copy()
        query["page"] = str(page_number)
        return request.build_absolute_uri(with_query(request.path, query, drop=()))

    return JsonResponse(
        {
            "count": paginator.count,
            "page": number,
            "page_size": size,
            "next": link(number + 1) if has_next else None,
            "previous": link(number - 1) if number > 1 and paginator.count else None,
            "results": results,
        },
        json_dumps_params={"ensure_ascii": False},
    )


# Views


@require_safe
@rejects_invalid_parameters
def events_json(request):
    return paginated(
        request, filtered_events(request, selectors=True), lambda event: event_json(request, event)
    )


@require_safe
@rejects_invalid_parameters
def statements_json(request):
    listed = Statement.objects.for_listing(selectors=True)
    statements = validated(StatementFilter(request.GET or None, queryset=listed)).qs
    return paginated(
        request, statements, lambda statement: statement_json(request, statement, with_event=True)
    )


CSV_COLUMNS = [
    "id",
    "slug",
    "url",
    "title",
    "summary",
    "date",
    "date_value",
    "date_until",
    "date_start",
    "date_end",
    "date_precision",
    "date_modifier",
    "thread",
    "actors",
    "stances",
    "source_count",
    "independent_source_count",
    "source_urls",
]


def csv_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_row(request, event) -> list[str]:
    fuzzy = event.date
    return [
        csv_cell(value)
        for value in (
            event.pk,
            event.slug,
            absolute(request, "event_detail", event.slug),
            event.title,
            event.summary,
            str(fuzzy),
            fuzzy.value,
            fuzzy.until or "",
            event.date_start.isoformat(),
            event.date_end.isoformat(),
            event.date_precision,
            event.date_modifier,
            event.thread.name if event.thread else "",
            "; ".join(actor.name for actor in event.actors.all()),
            "; ".join(event.stances),
            len(event.sources),
            event.independent_source_count,
            " ".join(source.url for source in event.sources if source.url),
        )
    ]


@require_safe
@rejects_invalid_parameters
def events_csv(request):
    events = filtered_events(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for event in events.iterator(chunk_size=500):
        writer.writerow(csv_row(request, event))
    return response


# TimelineJS (https://timeline.knightlab.com/docs/json-format.html)

DATE_PARTS = {
    Precision.DAY: 3,
    Precision.WEEK: 3,
    Precision.MONTH: 2,
    Precision.SEASON: 2,
    Precision.QUARTER: 2,
    Precision.YEAR: 1,
    Precision.DECADE: 1,
}
# Precisions whose single period is already a span of several smaller units.
SPANNING = {Precision.WEEK, Precision.SEASON, Precision.QUARTER, Precision.DECADE}


def tljs_date(day, parts: int) -> dict:
    data = {"year": day.year}
    if parts >= 2:
        data["month"] = day.month
    if parts >= 3:
        data["day"] = day.day
    return data


def source_link(source) -> str:
    """The source's title, linked when its URL is http(s) (never a ``javascript:`` link)."""
    url = safe_url(source.url)
    return format_html('<a href="{}">{}</a>', url, source.title) if url else escape(source.title)


def tljs_event(request, event) -> dict:
    fuzzy = event.date
    parts = DATE_PARTS[fuzzy.precision]
    sources = format_html_join("", "<li>{}</li>", ((source_link(source),) for source in event.sources))
    text = format_html("<p>{}</p>", event.summary) if event.summary else ""
    if sources:
        text += format_html('<ul class="sources">{}</ul>', sources)
    event_url = absolute(request, "event_detail", event.slug)
    text += format_html('<p><a rel="bookmark" href="{}">Event page</a></p>', event_url)
    data = {
        "unique_id": event.slug,
        "start_date": tljs_date(event.date_start, parts),
        "display_date": escape(str(fuzzy)),
        # TimelineJS reads only its own date fields; the EDTF value carries the uncertainty they lose.
        "edtf": fuzzy.edtf,
        "text": {"headline": escape(event.title), "text": str(text)},
    }
    if fuzzy.is_range or fuzzy.precision in SPANNING:
        data["end_date"] = tljs_date(event.date_end, parts)
    if event.thread:
        data["group"] = escape(event.thread.name)
    return data


@require_safe
@rejects_invalid_parameters
def timelinejs(request):
    events = filtered_events(request)
    page = with_query(reverse("timeline"), request.GET)
    return JsonResponse(
        {
            "title": {
                "text": {
                    "headline": "North Korea, Russia and the arms allegations",
                    "text": str(
                        format_html(
                            '<p>A sourced timeline. <a href="{}">See it with its sources</a>.</p>',
                            request.build_absolute_uri(page),
                        )
                    ),
                }
            },
            "events": [tljs_event(request, event) for event in events],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def openapi_json(request):
    """The OpenAPI document of the JSON API (``timeline.openapi``)."""
    return JsonResponse(openapi.document(), json_dumps_params={"ensure_ascii": False})


# The formats


@dataclass(frozen=True)
class ExportFormat:
    """One way to take a list page's current filter away: the view that answers it, at ``path``
    (named ``name``), linked under the list as ``label`` with the media type it answers."""

    name: str
    path: str
    label: str
    media_type: str
    view: Callable


EVENT_FORMATS = [
    ExportFormat("events_json", "api/events.json", "JSON", "application/json", events_json),
    ExportFormat("events_csv", "events.csv", "CSV", "text/csv", events_csv),
    ExportFormat("timelinejs", "timelinejs.json", "TimelineJS", "application/json", timelinejs),
    ExportFormat("feed", "feed/", "Atom feed", "application/atom+xml", event_feed),
]
STATEMENT_FORMATS = [
    ExportFormat("statements_json", "api/statements.json", "JSON", "application/json", statements_json),
]
