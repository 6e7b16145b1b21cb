"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.

The query parameters are read from the filter sets and the page form the views use, so a new filter
is documented by declaring it; the response schemas below describe what ``timeline.exports`` writes
(tests validate real responses against them, and schemathesis fuzzes the API with this document).
Nothing here knows about HTTP.
"""

from __future__ import annotations

import functools

from django import forms

from timeline.dates import Modifier, Precision
from timeline.filters import EventFilter, StatementFilter
from timeline.forms import ActorField, PageForm
from timeline.vocabulary import DateSource, Stance

OPENAPI_VERSION = "3.1.0"


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict, optional: tuple[str, ...] = ()) -> dict:
    """A closed object: every property but ``optional`` required, nothing else allowed."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name in properties if name not in optional],
        "properties": properties,
    }


STRING, INTEGER, URI = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "uri"}
DATE, DATE_TIME = {"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}
OFFSET = nullable({"type": "integer", "minimum": 0})
STANCE = {"type": "string", "enum": Stance.values}

TEXT_QUOTE_SELECTOR = obj(
    {"type": {"const": "TextQuoteSelector"}, "exact": STRING, "prefix": STRING, "suffix": STRING},
    optional=("prefix", "suffix"),
)
TEXT_POSITION_SELECTOR = obj(
    {"type": {"const": "TextPositionSelector"}, "start": {"type": "integer", "minimum": 0}, "end": INTEGER}
)

SCHEMAS = {
    "Date": obj(
        {
            "start": DATE,
            "end": DATE,
            "precision": {"type": "string", "enum": [p.value for p in Precision]},
            "modifier": {"type": "string", "enum": [m.value for m in Modifier]},
            "value": {"type": "string", "description": "ISO 8601 / TimeML value cut to the precision"},
            "until": nullable(STRING),
            "edtf": {"type": "string", "description": "Extended Date/Time Format (ISO 8601-2)"},
            "display": STRING,
        }
    ),
    "Actor": obj({"slug": STRING, "name": STRING, "side": STRING, "url": URI}),
    "SourceRef": obj({"id": INTEGER, "title": STRING, "outlet": nullable(STRING), "url": STRING}),
    "Source": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "outlet": nullable(STRING),
            "url": STRING,
            "published": nullable(DATE),
            "published_from": {"type": "string", "enum": DateSource.values},
            "page": URI,
            "duplicate_of": nullable(ref("SourceRef")),
        }
    ),
    "Annotation": obj(
        {
            "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
            "id": URI,
            "type": {"const": "Annotation"},
            "motivation": {"const": "linking"},
            "body": obj({"type": {"const": "SpecificResource"}, "source": URI}),
            "target": obj(
                {
                    "source": STRING,
                    "selector": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"oneOf": [TEXT_QUOTE_SELECTOR, TEXT_POSITION_SELECTOR]},
                    },
                }
            ),
        },
        optional=("body",),
    ),
    "Citation": obj(
        {
            "id": INTEGER,
            "excerpt": STRING,
            "start": OFFSET,
            "end": OFFSET,
            "source": ref("Source"),
            "annotation": ref("Annotation"),
        }
    ),
    "Event": obj(
        {
            "id": INTEGER,
            "slug": STRING,
            "url": URI,
            "title": STRING,
            "summary": STRING,
            "date": ref("Date"),
            "thread": nullable(obj({"slug": STRING, "name": STRING})),
            "actors": {"type": "array", "items": ref("Actor")},
            "stances": {"type": "array", "items": STANCE},
            "published_at": nullable(DATE_TIME),
            "updated_at": nullable(DATE_TIME),
            "source_count": INTEGER,
            "independent_source_count": INTEGER,
            "statements": {"type": "array", "items": ref("Statement")},
            "citations": {"type": "array", "items": ref("Citation")},
        }
    ),
    "Errors": obj(
        {
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": STRING},
                "description": "The messages for each invalid parameter",
            }
        }
    ),
    "TimelineJSDate": obj({"year": INTEGER, "month": INTEGER, "day": INTEGER}, optional=("month", "day")),
    "TimelineJSText": obj({"headline": STRING, "text": STRING}),
    "TimelineJS": obj(
        {
            "title": obj({"text": ref("TimelineJSText")}),
            "events": {
                "type": "array",
                "items": obj(
                    {
                        "unique_id": STRING,
                        "start_date": ref("TimelineJSDate"),
                        "end_date": ref("TimelineJSDate"),
                        "display_date": STRING,
                        "edtf": STRING,
                        "text": ref("TimelineJSText"),
                        "group": STRING,
                    },
                    optional=("end_date", "group"),
                ),
            },
        }
    ),
}
STATEMENT = {
    "id": INTEGER,
    "who": STRING,
    "speaker": nullable(ref("Actor")),
    "speaker_name": STRING,
    "stance": STANCE,
    "quote": STRING,
    "date": nullable(ref("Date")),
    "source": ref("Source"),
    "start": OFFSET,
    "end": OFFSET,
    "annotation": ref("Annotation"),
}
SCHEMAS["Statement"] = obj(STATEMENT)
SCHEMAS["ListedStatement"] = obj(
    {**STATEMENT, "event": nullable(obj({"slug": STRING, "title": STRING, "url": URI}))}
)


def page_of(item: str) -> dict:
    return obj(
        {
            "count": INTEGER,
            "page": INTEGER,
            "page_size": INTEGER,
            "next": nullable(URI),
            "previous": nullable(URI),
            "results": {"type": "array", "items": ref(item)},
        }
    )


SCHEMAS["EventPage"] = page_of("Event")
SCHEMAS["StatementPage"] = page_of("ListedStatement")


def parameter_schema(field: forms.Field) -> dict:
    """The JSON Schema of a query parameter read by a form field."""
    if isinstance(field, forms.IntegerField):
        bounds = {"minimum": field.min_value, "maximum": field.max_value}
        return {"type": "integer", **{key: value for key, value in bounds.items() if value is not None}}
    if isinstance(field, forms.DateField):
        return DATE
    if isinstance(field, forms.ModelChoiceField):
        return {"type": "string", "description": f"a {field.to_field_name or 'primary key'}"}
    if isinstance(field, ActorField):
        return {"type": "string", "maxLength": field.max_length, "description": "an actor's slug or name"}
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _ in field.choices if value != ""]
        return {"type": "string", "enum": values} if values else STRING
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def parameters(*declared) -> list[dict]:
    """The query parameters of filter set classes and form classes, in declaration order, from
    their declarations alone (no database: a choice read from the data is documented as a string)."""
    described = []
    for form in declared:
        filters = getattr(form, "base_filters", None)
        fields = {name: f.field for name, f in filters.items()} if filters else form.base_fields
        for name, field in fields.items():
            described.append(
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "description": str(field.label or name),
                    "schema": parameter_schema(field),
                }
            )
    return described


def operation(summary: str, parameters_: list[dict], schema: dict, media="application/json") -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters_,
            "responses": {
                "200": {"description": "OK", "content": {media: {"schema": schema}}},
                "400": {
                    "description": "Invalid parameters",
                    "content": {"application/json": {"schema": ref("Errors")}},
                },
            },
        }
    }


@functools.cache
def document() -> dict:
    """The OpenAPI document of the JSON API and the other exports, built once per process: it is
    made from the code's declarations alone. One dict shared by every caller, never to be changed."""
    events, statements, page = EventFilter, StatementFilter, PageForm
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "North Korea–Russia arms allegations: a sourced timeline",
            "version": "1",
            "description": "Published events, their accepted statements and their citations, each "
            "citation and statement also as a W3C Web Annotation of its source.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/events.json": operation(
                "Published events matching the filters, paginated",
                parameters(events, page),
                ref("EventPage"),
            ),
            "/api/statements.json": operation(
                "Public statements matching the filters, paginated",
                parameters(statements, page),
                ref("StatementPage"),
            ),
            "/timelinejs.json": operation(
                "The matching events in TimelineJS3's JSON format", parameters(events), ref("TimelineJS")
            ),
            "/events.csv": operation(
                "The matching events as CSV, one row per event",
                parameters(events),
                {"type": "string"},
                media="text/csv",
            ),
        },
        "components": {"schemas": SCHEMAS},
    }
