"""The stances kept on each event's row (``Event.stated_<stance>``): after every kind of write they
say what the event's accepted statements say, and the stance filters read them."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Exists, OuterRef

from tests.factories import make_event, make_statement
from timeline.filters import EventFilter
from timeline.models import STATED_FIELDS, Event, Review, Stance, Statement, stated_field

pytestmark = pytest.mark.django_db


def kept() -> dict[int, list[str]]:
    return {event.pk: event.stances for event in Event.objects.all()}


def stated() -> dict[int, list[str]]:
    """Each event's stances worked out from its accepted statements."""
    probes = {
        stance: Exists(Statement.objects.accepted().filter(event=OuterRef("pk"), stance=stance))
        for stance in Stance.values
    }
    rows = Event.objects.annotate(**{f"probe_{stance}": probe for stance, probe in probes.items()})
    return {event.pk: [s for s in Stance.values if getattr(event, f"probe_{s}")] for event in rows}


def test_one_field_per_stance():
    fields = {field.name for field in Event._meta.fields if field.name.startswith("stated_")}
    assert fields == set(STATED_FIELDS) == {stated_field(stance) for stance in Stance.values}


def test_the_stances_follow_every_write_to_statements():
    shipment, photo = make_event("Shipment"), make_event("Photo")
    assert kept() == stated() == {shipment.pk: [], photo.pk: []}

    claim = make_statement(shipment, stance=Stance.ALLEGATION)
    make_statement(shipment, stance=Stance.DENIAL, review=Review.PENDING)
    assert kept() == stated() == {shipment.pk: ["allegation"], photo.pk: []}

    Statement.objects.filter(review=Review.PENDING).update(review=Review.ACCEPTED)  # bulk, no signals
    assert kept()[shipment.pk] == ["allegation", "denial"]

    claim.stance = Stance.CONFIRMATION
    claim.save()
    assert kept()[shipment.pk] == ["denial", "confirmation"]

    claim.event = photo  # moved to another event: both change
    claim.save()
    assert kept() == stated() == {shipment.pk: ["denial"], photo.pk: ["confirmation"]}

    claim.delete()
    Statement.objects.filter(event=shipment).update(review=Review.DISMISSED)
    assert kept() == stated() == {shipment.pk: [], photo.pk: []}

    make_statement(shipment, stance=Stance.ASSESSMENT)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE timeline_statement SET stance = 'denial' WHERE stance = 'assessment'")
    assert kept() == stated() == {shipment.pk: ["denial"], photo.pk: []}


def test_a_stale_event_saved_does_not_undo_them():
    event = make_event("Shipment")
    stale = Event.objects.get(pk=event.pk)
    make_statement(event, stance=Stance.DENIAL)
    assert not stale.stated_denial
    stale.title = "Shipment by rail"
    stale.save()  # writes every field, the stale stances with them
    assert kept() == stated() == {event.pk: ["denial"]}
    Event.objects.filter(pk=event.pk).update(stated_allegation=True)  # a write of the values themselves
    assert kept() == stated()


def test_the_stance_filters_read_them():
    alleged, disputed, denied = make_event("Alleged"), make_event("Disputed"), make_event("Denied")
    make_statement(alleged, stance=Stance.ALLEGATION)
    make_statement(disputed, stance=Stance.ALLEGATION)
    make_statement(disputed, stance=Stance.DENIAL)
    make_statement(denied, stance=Stance.DENIAL)
    make_statement(alleged, stance=Stance.DENIAL, review=Review.PENDING)

    def titles(params) -> set[str]:
        return set(EventFilter(params, queryset=Event.objects.published()).qs.values_list("title", flat=True))

    assert titles({"stance": "denial"}) == {"Disputed", "Denied"}
    assert titles({"stance": "allegation"}) == {"Alleged", "Disputed"}
    assert titles({"disputed": "1"}) == {"Disputed"}


def test_a_generated_dataset_has_its_stances():
    call_command("generate_dataset", events=40, statements=160, sources=10, actors=5, stdout=io.StringIO())
    assert kept() == stated()
    assert any(kept().values())
