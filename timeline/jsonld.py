"""What the pages say, for machines: schema.org in JSON-LD (https://schema.org).

An event page describes a schema.org ``Event``; a source page a ``NewsArticle``; each statement on
either is a ``Claim`` (who said it, the article it appears in, the original article it first
appeared in, and when), which is what fact-checkers' tools read to find who said what, and where.
Nothing here knows about HTTP beyond building absolute URLs with the request.
"""

from __future__ import annotations

from timeline.dates import FuzzyDate, Modifier, Precision
from timeline.ingest.published import find_dateline_line
from timeline.models import Actor

CONTEXT = "https://schema.org"
# Precisions an ISO 8601 date of schema.org can state as such ("2022-11-18", "2022-11", "2022").
STATED_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)


def iso_date(fuzzy: FuzzyDate | None) -> str | None:
    """The date as a schema.org Date cut to its precision, or None where a plain ISO date would say
    more or less than the source does (early/late/about, weeks, seasons, quarters, decades)."""
    if fuzzy is None or fuzzy.precision not in STATED_PRECISIONS or fuzzy.modifier is not Modifier.NONE:
        return None
    return fuzzy.value


def event_page(request, event, statements) -> dict:
    """The event and the claims its page shows."""
    url = request.build_absolute_uri(event.get_absolute_url())
    described = {
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "description": event.summary,
    }
    start = iso_date(event.date)
    if start is not None:
        described["startDate"] = start
        described["endDate"] = event.date.until or start
    if event.thread:
        described["superEvent"] = {"@type": "EventSeries", "name": event.thread.name}
    actors = [person_or_organisation(request, actor) for actor in event.actors.all()]
    if actors:
        described["actor"] = actors
    claims = [claim(request, statement, about=url) for statement in statements]
    return {"@context": CONTEXT, "@graph": [described, *claims]}


def article_page(request, source, statements) -> dict:
    """The article, and the claims quoted in it."""
    page = request.build_absolute_uri(source.get_absolute_url())
    described = {**article(request, source), "mainEntityOfPage": page}
    if source.language:
        described["inLanguage"] = source.language
    if source.duplicate_of:
        described["isBasedOn"] = article(request, source.duplicate_of)
    found = find_dateline_line(source.text, source.language or "en") if source.text else None
    if found is not None:
        described["dateline"] = found[0]
    claims = [claim(request, statement, source=source) for statement in statements]
    return {"@context": CONTEXT, "@graph": [described, *claims]}


def article(request, source) -> dict:
    """A source as a NewsArticle: its own URL when it has one, else its page here."""
    described = {
        "@type": "NewsArticle",
        "headline": source.title,
        "url": source.url or request.build_absolute_uri(source.get_absolute_url()),
    }
    if source.published:
        described["datePublished"] = source.published.isoformat()
    if source.outlet:
        described["publisher"] = {"@type": "Organization", "name": source.outlet.name}
    if source.author:
        described["author"] = {"@type": "Person", "name": source.author}
    return described


def claim(request, statement, about: str | None = None, source=None) -> dict:
    """A statement as a schema.org Claim: its author, where it appears, where it first appeared (the
    original of a copy), and when it was made (else when the article appeared)."""
    source = source or statement.source
    described = {
        "@type": "Claim",
        "text": statement.quote,
        "author": speaker(request, statement),
        "appearance": article(request, source),
        "firstAppearance": article(request, source.original),
    }
    made = iso_date(statement.date) or (source.published.isoformat() if source.published else None)
    if made is not None:
        described["datePublished"] = made
    if about is not None:
        described["about"] = {"@id": about}
    elif statement.published_event is not None:
        described["about"] = {"@id": request.build_absolute_uri(statement.published_event.get_absolute_url())}
    return described


def speaker(request, statement) -> dict:
    if statement.speaker is not None:
        return person_or_organisation(request, statement.speaker)
    # Named in the text but not matched to an actor: a person, as quoted speakers usually are.
    return {"@type": "Person", "name": statement.who}


def person_or_organisation(request, actor: Actor) -> dict:
    kind = "Person" if actor.kind == Actor.Kind.PERSON else "Organization"
    return {"@type": kind, "name": actor.name, "url": request.build_absolute_uri(actor.get_absolute_url())}
