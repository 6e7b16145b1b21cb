"""Deleting sources: what goes with them, what protects them, and what becomes of their copies."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_citation, make_event, make_source, make_statement
from timeline.deletion import count_deletion
from timeline.models import DateMention, Review, Source, SuggestedCitation

pytestmark = pytest.mark.django_db

PHRASE = "May 2022. "


def with_mentions(source: Source, n: int) -> Source:
    DateMention.objects.bulk_create(
        DateMention(
            source=source, start=i * 10, end=i * 10 + 8, text="May 2022", sentence_start=i * 10,
            sentence_end=i * 10 + 9, date_start=date(2022, 5, 1), date_end=date(2022, 5, 31),
        )
        for i in range(n)
    )  # fmt: skip
    return source


def delete_url(source):
    return reverse("admin:timeline_source_delete", args=[source.pk])


# --- The confirmation page -----------------------------------------------------------------------


def test_delete_page_counts_the_mentions_and_never_joins_them_with_the_text(admin_client):
    source = with_mentions(make_source("Date-dense", text=PHRASE * 300), 300)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(delete_url(source))
    html = response.content.decode()
    assert response.status_code == 200
    assert "300 date mentions" in html and "Date-dense" in html
    assert "Date mention:" not in html  # counted, not listed one by one
    # The cause of one copy of the article per mention: mention rows read with their source's text.
    text_column = f"{connection.ops.quote_name('timeline_source')}.{connection.ops.quote_name('text')}"
    assert not [q["sql"] for q in queries if "timeline_datemention" in q["sql"] and text_column in q["sql"]]


def test_delete_page_counts_what_deleting_deletes():
    event = make_event("Cited elsewhere")
    source = with_mentions(make_source(text=PHRASE * 5), 5)
    mention = source.mentions.first()
    SuggestedCitation.objects.create(mention=mention, event=event, score=0.5)
    citation = make_citation(event, make_source(), "Other passage", mention=mention)
    make_statement(source=source, review=Review.PENDING)
    rows = Source.objects.filter(pk=source.pk)
    counted = {model._meta.label: n for model, n in count_deletion(rows).deleted.items()}
    _, deleted = rows.delete()
    assert counted == {label: n for label, n in deleted.items() if n}
    assert counted["timeline.DateMention"] == 5 and counted["timeline.Statement"] == 1
    assert counted["timeline.SuggestedCitation"] == 1
    citation.refresh_from_db()
    assert citation.mention is None  # unlinked, not deleted
    assert not DateMention.objects.exists() and not SuggestedCitation.objects.exists()


def test_deleting_a_source_takes_as_many_queries_for_many_mentions_as_for_few():
    def queries_to_delete(n):
        source = with_mentions(make_source(text=PHRASE * n), n)
        with CaptureQueriesContext(connection) as queries:
            source.delete()
        return len(queries)

    # Not one mention at a time, nor a hundred at a time.
    assert queries_to_delete(500) == queries_to_delete(20)


def test_delete_page_names_what_protects_the_source(admin_client):
    source = make_source("Cited source", text="Some text.")
    citation = make_citation(make_event("Backed event"), source, "Some text.")
    html = admin_client.get(delete_url(source)).content.decode()
    assert "Cannot delete" in html and str(citation) in html
    admin_client.post(delete_url(source), {"post": "yes"})
    assert Source.objects.filter(pk=source.pk).exists()


def test_delete_page_asks_for_the_permissions_it_needs(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["delete_source", "view_source"]))
    client.force_login(user)
    source = with_mentions(make_source(text=PHRASE * 2), 2)
    html = client.get(delete_url(source)).content.decode()
    assert "date mention" in html.split("following types of objects")[1]  # the permission it lacks
    client.post(delete_url(source), {"post": "yes"})
    assert Source.objects.filter(pk=source.pk).exists()


# --- Pending statements --------------------------------------------------------------------------


def test_pending_statements_go_with_their_source():
    source = make_source(text="“Nothing was shipped,” a spokesman said.")
    statement = make_statement(source=source, review=Review.PENDING)
    source.delete()
    assert not Source.objects.filter(pk=source.pk).exists()
    assert not type(statement).objects.filter(pk=statement.pk).exists()


@pytest.mark.parametrize("review", [Review.ACCEPTED, Review.DISMISSED])
def test_curated_statements_protect_their_source(admin_client, review):
    source = make_source("Quoted source", text="“Nothing was shipped,” a spokesman said.")
    make_statement(source=source, review=Review.PENDING)
    curated = make_statement(source=source, review=review, quote="Nothing was shipped")
    with pytest.raises(ProtectedError) as raised:
        source.delete()
    assert list(raised.value.protected_objects) == [curated]
    html = admin_client.get(delete_url(source)).content.decode()
    assert "Cannot delete" in html and "Nothing was shipped" in html
    assert source.statements.count() == 2


# --- Copies --------------------------------------------------------------------------------------


def copies_of(original, **published):
    """Copies named by ``published``'s keys, published on its values, stored a day apart in order."""
    made = {}
    for day, (title, when) in enumerate(published.items(), start=1):
        made[title] = make_source(
            title,
            duplicate_of=original,
            published=when,
            loaded_at=datetime(2023, 1, day, tzinfo=UTC),
        )
    return made


def delete_by_model(admin_client, source):
    source.delete()


def delete_by_queryset(admin_client, source):
    Source.objects.filter(pk=source.pk).delete()


def delete_in_admin(admin_client, source):
    assert admin_client.post(delete_url(source), {"post": "yes"}).status_code == 302


def delete_by_admin_action(admin_client, source):
    url = reverse("admin:timeline_source_changelist")
    response = admin_client.post(
        url, {"action": "delete_selected", "_selected_action": [source.pk], "post": "yes"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "delete", [delete_by_model, delete_by_queryset, delete_in_admin, delete_by_admin_action]
)
def test_deleting_an_original_makes_its_earliest_published_copy_the_original(admin_client, delete):
    original = make_source("Original")
    copies = copies_of(original, later=date(2022, 3, 1), earliest=date(2022, 2, 1), undated=None)
    event = make_event("Backed by copies")
    for copy in copies.values():
        make_citation(event, copy, f"Passage of {copy.title}")
    delete(admin_client, original)
    for copy in copies.values():
        copy.refresh_from_db()
    assert copies["earliest"].duplicate_of is None
    assert copies["later"].duplicate_of == copies["undated"].duplicate_of == copies["earliest"]
    assert event.independent_source_count == 1  # still one source, not three
    assert copies["later"].history.first().duplicate_of_id == copies["earliest"].pk


def test_without_publication_dates_the_earliest_stored_copy_becomes_the_original():
    original = make_source("Original")
    copies = copies_of(original, first=None, second=None)
    original.delete()
    for copy in copies.values():
        copy.refresh_from_db()
    assert copies["first"].duplicate_of is None and copies["second"].duplicate_of == copies["first"]


def test_deleting_an_original_with_some_copies_promotes_a_copy_that_stays():
    original = make_source("Original")
    copies = copies_of(original, gone=date(2022, 1, 1), stays=date(2022, 2, 1), other=date(2022, 3, 1))
    Source.objects.filter(pk__in=[original.pk, copies["gone"].pk]).delete()
    copies["stays"].refresh_from_db()
    copies["other"].refresh_from_db()
    assert copies["stays"].duplicate_of is None and copies["other"].duplicate_of == copies["stays"]


def test_a_refused_deletion_leaves_the_copies_and_the_mentions_as_they_were():
    original = with_mentions(make_source("Original", text=PHRASE * 3), 3)
    copies = copies_of(original, a=date(2022, 1, 1), b=date(2022, 2, 1))
    make_citation(make_event(), original, "Cited passage")
    with pytest.raises(ProtectedError):
        original.delete()
    for copy in copies.values():
        copy.refresh_from_db()
        assert copy.duplicate_of == original
    assert original.mentions.count() == 3


def test_delete_pages_say_which_copy_becomes_the_original(admin_client):
    original = make_source("Original")
    copies = copies_of(original, first=date(2022, 1, 1), second=date(2022, 2, 1), third=None)
    expected = (
        f"Source {copies['first'].pk} (“first”) becomes the original in place of source {original.pk},"
        " with the 2 other copies pointing at it."
    )
    assert expected in admin_client.get(delete_url(original)).content.decode()
    url = reverse("admin:timeline_source_changelist")
    page = admin_client.post(url, {"action": "delete_selected", "_selected_action": [original.pk]})
    assert expected in page.content.decode()
    assert Source.objects.count() == 4


def test_delete_page_escapes_the_titles_it_shows(admin_client):
    original = make_source("<i>Original</i>")
    make_source("<b>Copy</b>", duplicate_of=original)
    html = admin_client.get(delete_url(original)).content.decode()
    assert "&lt;i&gt;Original&lt;/i&gt;" in html and "&lt;b&gt;Copy&lt;/b&gt;" in html
    assert "<b>Copy</b>" not in html and "<i>Original</i>" not in html
