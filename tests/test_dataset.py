"""The benchmark dataset generator (``manage.py generate_dataset``)."""

import io

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Actor, Citation, Event, Source, Statement

pytestmark = pytest.mark.django_db


def test_sizes_not_given_follow_the_events():
    out = io.StringIO()
    call_command("generate_dataset", events=20, actors=5, stdout=out)
    assert (Event.objects.count(), Statement.objects.count(), Source.objects.count()) == (20, 60, 10)
    assert Actor.objects.count() == 5
    assert "Generated 20 events, 60 statements, 10 sources, 5 actors" in out.getvalue()
    # Every event has its actors and citations, and the generated ids and links hold together.
    assert not Event.objects.filter(actors=None).exists()
    assert Citation.objects.values("event").distinct().count() == 20
    assert Statement.objects.filter(event__isnull=False, source__isnull=False).count() == 60
    call_command("generate_dataset", events=20, actors=5, if_empty=True, stdout=out)
    assert Event.objects.count() == 20  # present: nothing generated
    assert "Dataset present: 20 events" in out.getvalue()


def test_a_size_below_one_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_dataset", events=0, stdout=io.StringIO())
    assert not Event.objects.exists()
