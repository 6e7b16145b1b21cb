"""Small factories: each makes one valid row with sensible defaults that a test can override."""

from itertools import count

from timeline.dates import parse_period
from timeline.models import Actor, Citation, Event, Outlet, Review, Source, Stance, Statement, Thread

_n = count(1)


def make_thread(name=None, **fields) -> Thread:
    n = next(_n)
    name = name or f"Thread {n}"
    return Thread.objects.create(name=name, slug=fields.pop("slug", f"thread-{n}"), **fields)


def make_actor(name=None, **fields) -> Actor:
    n = next(_n)
    name = name or f"Actor {n}"
    return Actor.objects.create(name=name, slug=fields.pop("slug", f"actor-{n}"), **fields)


def make_outlet(name=None, **fields) -> Outlet:
    n = next(_n)
    return Outlet.objects.create(name=name or f"Outlet {n}", slug=fields.pop("slug", f"outlet-{n}"), **fields)


def make_source(title=None, **fields) -> Source:
    return Source.objects.create(title=title or f"Article {next(_n)}", **fields)


def make_event(
    title=None, date="18 Nov 2022", *, actors=(), status=Event.Status.PUBLISHED, **fields
) -> Event:
    event = Event(title=title or f"Event {next(_n)}", status=status, **fields)
    event.date = parse_period(date)
    event.save()
    event.actors.set(actors)
    return event


def make_citation(event, source=None, excerpt=None, **fields) -> Citation:
    source = source or make_source()
    return Citation.objects.create(
        event=event, source=source, excerpt=excerpt or f"Passage {next(_n)}", **fields
    )


def make_statement(
    event=None, *, stance=Stance.ALLEGATION, review=Review.ACCEPTED, date=None, **fields
) -> Statement:
    fields.setdefault("source", make_source())
    statement = Statement(
        event=event, stance=stance, review=review, quote=fields.pop("quote", "A quote."), **fields
    )
    statement.date = parse_period(date) if date else None
    statement.save()
    return statement
