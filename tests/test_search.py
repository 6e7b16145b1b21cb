"""Full-text search over events and their accepted statements (FTS5 on SQLite, GIN on PostgreSQL)."""

import io

import pytest
from django.core.management import call_command

from tests.factories import make_event, make_statement
from timeline.models import Event, Review, Statement
from timeline.search import SearchLanes, search_words

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    """The titles of the events ``text`` matches, after checking that the index's lanes count the
    published ones (on PostgreSQL through an index of their own, which must follow every write)."""
    matches = Event.objects.search(text)
    if search_words(text):
        counted = sum(n for _, _, n, _ in SearchLanes(text).per_lane_month())
        assert counted == matches.filter(status=Event.Status.PUBLISHED).count()
    return list(matches.order_by("title").values_list("title", flat=True))


@pytest.fixture
def events(db):
    make_event("Railcars cross the border", summary="Russian railcars travel to North Korea.")
    photo = make_event("Photo released", summary="The National Security Council shows imagery.")
    make_statement(photo, quote="The arms transaction never happened.")
    make_statement(photo, quote="A pending quote about submarines.", review=Review.PENDING)


def test_every_word_must_match_and_the_last_is_a_prefix(events):
    assert found("railcars border") == ["Railcars cross the border"]
    assert found("railcars photo") == []
    assert found("Imag") == ["Photo released"]
    assert found("RUSSIAN railcar") == ["Railcars cross the border"]


def test_accepted_statements_are_searched_and_pending_ones_are_not(events):
    assert found("never happened") == ["Photo released"]
    assert found("submarines") == []


def test_search_follows_inserts_updates_and_deletes(events):
    event = make_event("Tumangang rail yard")
    assert found("tumangang") == ["Tumangang rail yard"]
    event.title = "Satellite imagery of the yard"
    event.save()
    assert found("tumangang") == []
    assert found("satellite") == ["Satellite imagery of the yard"]
    event.delete()
    assert found("satellite") == []


@pytest.mark.parametrize("text", ['"unbalanced', "NEAR(a b", "a OR b AND NOT", "*", "rail:*", "x' --", "\\"])
def test_query_syntax_in_the_input_is_never_interpreted(events, text):
    list(Event.objects.search(text))  # no error


def test_words_joined_by_underscores_are_separate_words_as_the_index_reads_them(events):
    # The index splits "national_security" in two; searching it as one quoted word was a phrase
    # query, which the SQLite index refuses (a server error).
    assert found("national_security") == ["Photo released"]
    assert search_words("rail_cars__x") == ["rail", "cars", "x"]


def test_text_without_words_does_not_filter(events):
    assert Event.objects.search("?!").count() == 2
    assert search_words("  Nov. 18–19, 2022! ") == ["nov", "18", "19", "2022"]


def test_words_may_come_from_the_title_and_a_statement_together(events):
    assert found("photo arms") == ["Photo released"]  # title and an accepted quote
    assert found("photo submarines") == []  # a pending quote is not searched


def test_search_follows_statements_accepted_moved_and_deleted(events):
    photo = Event.objects.get(title="Photo released")
    railcars = Event.objects.get(title="Railcars cross the border")
    pending = photo.statements.get(review=Review.PENDING)
    pending.review = Review.ACCEPTED
    pending.save()
    assert found("submarines") == ["Photo released"]
    pending.event = railcars
    pending.save()
    assert found("submarines") == ["Railcars cross the border"]
    Statement.objects.filter(pk=pending.pk).update(review=Review.DISMISSED)
    assert found("submarines") == []
    accepted = photo.statements.get(review=Review.ACCEPTED)
    accepted.delete()
    assert found("never happened") == []
    assert found("imagery") == ["Photo released"]  # the event's own text stays


def test_a_generated_dataset_is_searchable(db):
    call_command("generate_dataset", events=30, statements=90, sources=10, actors=5, stdout=io.StringIO())
    event = Event.objects.order_by("pk").first()
    assert event in Event.objects.search(" ".join(search_words(event.title)[:3]))
    statement = Statement.objects.filter(review=Review.ACCEPTED).order_by("pk").first()
    assert statement.event in Event.objects.search(" ".join(search_words(statement.quote)[:3]))
