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

import orjson
from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse
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
from timeline.models import (
    Citation,
    Event,
    Statement,
    original_key,
    speaker_label,
    stances_in_order,
    statement_link,
    stored_date,
)
from timeline.querystrings import page_paths, rejects_invalid_parameters, validated, with_query

DEFAULT_PAGE_SIZE = 100


def filtered_events(request):
    """The published events the request's filters match, with everything the CSV and TimelineJS
    exports write (invalid filters raise ``InvalidParameters``)."""
    return validated(EventFilter(request.GET or None, queryset=Event.objects.for_export())).qs


# Serialisers


def absolute(request, name: str, key) -> str:
    """The absolute URL of the page ``name`` for ``key`` (``page_path``), its pattern made absolute
    once per request and kind of page: a page of results links to thousands of pages."""
    makers = request.__dict__.setdefault("timeline_pages", {})
    if (make := makers.get(name)) is None:
        path_of = page_paths(name)
        origin = origin_url(request, "")
        make = makers[name] = lambda key: origin + path_of(key)
    return make(key)


def origin_url(request, path: str | None) -> str | None:
    """``path`` made absolute, the origin worked out once per request: a page of results links to
    thousands of pages."""
    if path is None:
        return None
    origin = request.__dict__.get("timeline_origin")
    if origin is None:
        origin = request.__dict__["timeline_origin"] = request.build_absolute_uri("/")[:-1]
    return origin + path


# The JSON API serialises plain rows (``values()``), fetched per page in one query per kind: a page
# of 100 events carries some 2,000 statements, citations and sources, and building a model instance
# for each cost more than the queries themselves.

DATE_FIELDS = ("date_start", "date_end", "date_precision", "date_modifier")
QUOTE_FIELDS = ("quote_exact", "quote_prefix", "quote_suffix")
SOURCE_FIELDS = (
    "id",
    "title",
    "outlet_id",
    "outlet__name",
    "url",
    "published",
    "published_source",
    "duplicate_of_id",
    "duplicate_of__title",
    "duplicate_of__outlet_id",
    "duplicate_of__outlet__name",
    "duplicate_of__url",
)
SPEAKER_FIELDS = ("speaker__slug", "speaker__name", "speaker__side", "speaker_name")
EVENT_FIELDS = (
    "id",
    "slug",
    "title",
    "summary",
    *DATE_FIELDS,
    "thread__slug",
    "thread__name",
    "published_at",
    "updated_at",
)


def _sourced(fields) -> list[str]:
    """``fields`` of a row's source, as ``values()`` names them from a citation or a statement."""
    return [f"source__{field}" for field in fields]


STATEMENT_FIELDS = (
    "id",
    "event_id",
    *SPEAKER_FIELDS,
    "stance",
    "quote",
    *DATE_FIELDS,
    "start",
    "end",
    *QUOTE_FIELDS,
    *_sourced(SOURCE_FIELDS),
)
CITATION_FIELDS = ("id", "event_id", "excerpt", "start", "end", *QUOTE_FIELDS, *_sourced(SOURCE_FIELDS))


def date_json(row) -> dict | None:
    fuzzy = stored_date(*(row[field] for field in DATE_FIELDS))
    if fuzzy is None:
        return None
    return {
        "start": fuzzy.start.isoformat(),
        "end": fuzzy.end.isoformat(),
        "precision": fuzzy.precision.value,
        "modifier": fuzzy.modifier.value,
        "value": fuzzy.value,
        "until": fuzzy.until,
        "edtf": fuzzy.edtf,
        "display": str(fuzzy),
    }


def source_json(request, row) -> dict:
    """A citation's or statement's source, from the ``source__`` fields of its row."""
    published = row["source__published"]
    return {
        "id": row["source__id"],
        "title": row["source__title"],
        "outlet": row["source__outlet__name"],
        "url": row["source__url"],
        "published": published.isoformat() if published else None,
        "published_from": row["source__published_source"],
        "page": absolute(request, "source_detail", row["source__id"]),
        "duplicate_of": (
            {
                "id": row["source__duplicate_of_id"],
                "title": row["source__duplicate_of__title"],
                "outlet": row["source__duplicate_of__outlet__name"],
                "url": row["source__duplicate_of__url"],
            }
            if row["source__duplicate_of_id"]
            else None
        ),
    }


def source_key(row) -> tuple[str, int]:
    """``original_key`` of a row's source."""
    if row["source__duplicate_of_id"]:
        return original_key(row["source__duplicate_of_id"], row["source__duplicate_of__outlet_id"])
    return original_key(row["source__id"], row["source__outlet_id"])


def actor_json(request, slug: str | None, name: str, side: str) -> dict | None:
    if slug is None:
        return None
    return {"slug": slug, "name": name, "side": side, "url": absolute(request, "actor_detail", slug)}


WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation_json(request, row, passage: str, anchor: str, body_url: str | None) -> dict:
    """A citation or statement as a W3C Web Annotation of its source: the passage by its words and
    context (TextQuoteSelector) and by its offsets (TextPositionSelector), when the source's text
    is stored. ``row`` carries the ``quote_*`` annotations of ``with_quote_context``."""
    page = absolute(request, "source_detail", row["source__id"])
    if row["start"] is not None and row["quote_exact"]:
        quote = TextQuote(
            row["quote_exact"], row["quote_prefix"], row["quote_suffix"], row["start"], row["end"]
        )
    else:
        quote = TextQuote(passage)
    data = {
        "@context": WEB_ANNOTATION_CONTEXT,
        "id": f"{page}#{anchor}",
        "type": "Annotation",
        "motivation": "linking",
        "target": {"source": row["source__url"] or page, "selector": quote.selectors()},
    }
    if body_url:
        data["body"] = {"type": "SpecificResource", "source": body_url}
    return data


def statement_json(request, row, event_slug: str | None = None) -> dict:
    """A statement row; ``event_slug``: the slug of its event when published (the link goes there)."""
    link = statement_link(event_slug, row["speaker__slug"])
    return {
        "id": row["id"],
        "who": speaker_label(row["speaker__name"], row["speaker_name"]),
        "speaker": actor_json(request, row["speaker__slug"], row["speaker__name"], row["speaker__side"]),
        "speaker_name": row["speaker_name"],
        "stance": row["stance"],
        "quote": row["quote"],
        "date": date_json(row),
        "source": source_json(request, row),
        "start": row["start"],
        "end": row["end"],
        "annotation": annotation_json(request, row, row["quote"], f"s{row['id']}", origin_url(request, link)),
    }


def citation_json(request, row, event_url: str) -> dict:
    return {
        "id": row["id"],
        "excerpt": row["excerpt"],
        "start": row["start"],
        "end": row["end"],
        "source": source_json(request, row),
        "annotation": annotation_json(request, row, row["excerpt"], f"c{row['id']}", event_url),
    }


def grouped(rows, key: str = "event_id") -> dict:
    """``rows`` as lists by their ``key``, in their order."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def in_order(rows, ids: list[int]) -> list[dict]:
    """``rows`` (with an ``id``) in the order of ``ids``."""
    by_id = {row["id"]: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def events_page_json(request, ids: list[int]) -> list[dict]:
    """A page of events with their actors, accepted statements and citations, in four queries."""
    events = in_order(Event.objects.filter(pk__in=ids).values(*EVENT_FIELDS), ids)
    actors = grouped(
        Event.actors.through.objects.filter(event_id__in=ids)
        .order_by("actor__name", "actor_id")
        .values("event_id", "actor__slug", "actor__name", "actor__side")
    )
    statements = grouped(
        Statement.objects.accepted()
        .filter(event_id__in=ids)
        .with_quote_context()
        .order_by("event_id", "date_start", "pk")
        .values(*STATEMENT_FIELDS)
    )
    citations = grouped(
        Citation.objects.filter(event_id__in=ids)
        .with_quote_context()
        .order_by("source__published", "pk")
        .values(*CITATION_FIELDS)
    )
    return [
        event_json(
            request,
            event,
            actors.get(event["id"], ()),
            statements.get(event["id"], ()),
            citations.get(event["id"], ()),
        )
        for event in events
    ]


def event_json(request, event, actors, statements, citations) -> dict:
    event_url = absolute(request, "event_detail", event["slug"])
    published_at, updated_at = event["published_at"], event["updated_at"]
    return {
        "id": event["id"],
        "slug": event["slug"],
        "url": event_url,
        "title": event["title"],
        "summary": event["summary"],
        "date": date_json(event),
        "thread": {"slug": event["thread__slug"], "name": event["thread__name"]}
        if event["thread__slug"]
        else None,
        "actors": [
            actor_json(request, actor["actor__slug"], actor["actor__name"], actor["actor__side"])
            for actor in actors
        ],
        "stances": stances_in_order(statement["stance"] for statement in statements),
        "published_at": published_at.isoformat() if published_at else None,
        "updated_at": updated_at.isoformat() if updated_at else None,
        "source_count": len({citation["source__id"] for citation in citations}),
        "independent_source_count": len({source_key(citation) for citation in citations}),
        "statements": [statement_json(request, statement, event["slug"]) for statement in statements],
        "citations": [citation_json(request, citation, event_url) for citation in citations],
    }


def statements_page_json(request, ids: list[int]) -> list[dict]:
    """A page of public statements, each with its event (published, or none: its slug is where the
    statement links)."""
    rows = (
        Statement.objects.filter(pk__in=ids)
        .with_quote_context()
        .values(*STATEMENT_FIELDS, "event__slug", "event__title")
    )
    results = []
    for row in in_order(rows, ids):
        slug = row["event__slug"]
        data = statement_json(request, row, slug)
        data["event"] = (
            {"slug": slug, "title": row["event__title"], "url": absolute(request, "event_detail", slug)}
            if slug
            else None
        )
        results.append(data)
    return results


def paginated(request, matching, serialise_page, count: int | None = None) -> HttpResponse:
    """One page of the ``matching`` queryset as JSON, with the count and links to the pages either
    side. The count and the page are read by primary key alone, without the joins the results need:
    ``serialise_page`` turns the page's primary keys into its results. ``count``: how many rows
    match, when that is known without counting them."""
    page_form = validated(PageForm(request.GET))
    number = page_form.cleaned_data["page"] or 1
    size = min(page_form.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE, settings.TIMELINE_MAX_PAGE_SIZE)
    paginator = Paginator(matching.values_list("pk", flat=True), size)
    if count is not None:
        paginator.count = count  # in place of the cached property that would count the rows
    try:
        page = paginator.page(number)
        results, has_next = serialise_page(list(page)), page.has_next()
    except EmptyPage:  # past the last page: no rows, and the way back
        results, has_next = [], False

    def link(page_number):
        query = request.GET.copy()
        query["page"] = str(page_number)
        return request.build_absolute_uri(with_query(request.path, query, drop=()))

    return json_response(
        {
            "count": paginator.count,
            "page": number,
            "page_size": size,
            "next": link(number + 1) if has_next else None,
            "previous": link(number - 1) if number > 1 and paginator.count else None,
            "results": results,
        }
    )


def json_response(data) -> HttpResponse:
    """``data`` as a JSON response, UTF-8, encoded by orjson: a page of results is most of a megabyte,
    which the standard library takes several times as long to write."""
    return HttpResponse(orjson.dumps(data), content_type="application/json")


# Views


@require_safe
@rejects_invalid_parameters
def events_json(request):
    event_filter = validated(EventFilter(request.GET or None, queryset=Event.objects.published()))
    # Unfiltered, by thread alone or by a search alone, the count comes from a kept table.
    counts = event_filter.lane_month_counts()
    return paginated(
        request,
        event_filter.qs,
        lambda ids: events_page_json(request, ids),
        count=None if counts is None else counts.total(),
    )


@require_safe
@rejects_invalid_parameters
def statements_json(request):
    listed = Statement.objects.for_listing()
    statements = validated(StatementFilter(request.GET or None, queryset=listed)).qs
    return paginated(request, statements, lambda ids: statements_page_json(request, ids))


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
    return json_response(
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
        }
    )


@require_safe
def openapi_json(request):
    """The OpenAPI document of the JSON API (``timeline.openapi``)."""
    return json_response(openapi.document())


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
