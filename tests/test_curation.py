"""The curator workflow: review queue, create/attach/dismiss, accept, merge, publish, history."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_actor, make_citation, make_event, make_source, make_statement, make_thread
from timeline import admin_review, curation, suggest
from timeline.dates import parse_period
from timeline.forms import FuzzyDateField
from timeline.models import Citation, DateMention, Event, Review, Stance, Statement, SuggestedCitation
from timeline.words import longest_topic_words

pytestmark = pytest.mark.django_db

SENTENCE = "U.S. officials said North Korea shipped artillery shells to Russia by rail on 18-19 Nov 2022."
TEXT = f"Officials spoke on Friday. {SENTENCE} Pyongyang denied it."


def make_mention(text=TEXT, phrase="18-19 Nov 2022", sentence=None, source=None, date=None, **fields):
    """A mention of ``phrase`` in ``text``; its sentence is ``sentence`` (default: the whole text,
    or SENTENCE for the default text)."""
    source = source or make_source(text=text)
    sentence = sentence or (SENTENCE if text == TEXT else text)
    sentence_start = source.text.index(sentence) if sentence in source.text else 0
    sentence_end = sentence_start + len(sentence)
    start = source.text.index(phrase)
    mention = DateMention(
        source=source,
        start=start,
        end=start + len(phrase),
        text=phrase,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        **fields,
    )
    mention.date = parse_period(date or phrase) if date is not False else None
    mention.save()
    return mention


# --- Suggestions -------------------------------------------------------------------------------


def test_rank_suggestions_offers_events_that_share_words_best_dated_first():
    mention = make_mention()
    same = make_event("Artillery shells shipped to Russia by rail", "Nov 2022", status="draft")
    wording_only = make_event("North Korea shells shipped by rail", "2017")
    date_only = make_event("Unrelated summit", "18 Nov 2022")
    far = make_event("Unrelated parade", "2010")
    merged = make_event(
        "Artillery shells shipped by rail (copy)", "Nov 2022", merged_into=same, status="draft"
    )
    ranked = curation.rank_suggestions(mention)
    events = [event for event, _ in ranked]
    # Years away, the wording alone brings an event in (through the full-text index); an event that
    # shares no words is not worth a curator's look, on the very day or not.
    assert events == [same, wording_only]
    assert date_only not in events and far not in events and merged not in events
    assert all(suggest.THRESHOLD <= score <= 1 for _, score in ranked)
    assert ranked == curation.rank_suggestions(mention)  # deterministic


def test_rank_suggestions_breaks_ties_by_date_then_id():
    mention = make_mention()
    later = make_event("Shells shipped by rail", "19 Nov 2022")
    earlier = make_event("Shells shipped by rail", "18 Nov 2022")
    twin = make_event("Shells shipped by rail", "18 Nov 2022")
    assert [e for e, _ in curation.rank_suggestions(mention)] == [earlier, twin, later]


def test_rank_suggestions_scores_a_bounded_set_of_candidates(monkeypatch):
    monkeypatch.setattr(curation, "MAX_NEAR", 3)
    monkeypatch.setattr(suggest, "MAX_PER_WORD", 2)
    mention = make_mention()
    for day in range(1, 11):
        make_event(f"Parade {day}", f"{day} Nov 2022")
    for year in range(2000, 2006):
        make_event("Artillery shells shipped by rail", str(year))
    searched = longest_topic_words(mention.sentence, suggest.SEARCHED_WORDS)
    candidates = curation.candidate_events(mention, searched)
    assert len(candidates) <= 2 * 3 + 2 * len(searched)  # nearest on each side, by words
    assert any("artil" in candidate.words for candidate in candidates)


def test_rank_suggestions_for_an_undated_mention_go_by_its_words():
    text = "Trains crossed the Tumen bridge on Wednesday."
    mention = make_mention(text=text, phrase="Wednesday", date=False)
    bridge = make_event("Trains cross the Tumen river bridge", "2019")
    make_event("Summit in Hanoi", "2019")
    assert [event for event, _ in curation.rank_suggestions(mention)] == [bridge]


def test_the_review_page_ranks_as_the_loader_did(tmp_path):
    """One ranker: recomputing a loaded mention's suggestions gives the loader's events and scores
    (here every event is among those the review page reads, so the word rarities agree too)."""
    make_event("Artillery shells shipped to Russia by rail", "Nov 2022")
    make_event("Rail link reopens between North Korea and Russia", "Nov 2022")
    make_event("Shells seen at a Russian depot", "Dec 2022")
    make_event("North Korea shipped shells by rail, officials say", "2017")
    path = tmp_path / "rail.txt"
    path.write_text(f"Rail shipments\n{TEXT}\n", encoding="utf-8")
    call_command("load_articles", str(path), "--published", "2022-11-25", verbosity=0)
    mention = DateMention.objects.get(text="18-19 Nov 2022")
    stored = [(s.event, s.score) for s in mention.suggestions.order_by("-score", "event__date_start")]
    assert len(stored) >= 2
    assert curation.rank_suggestions(mention, limit=len(stored)) == stored
    assert [(s.event, s.score) for s in curation.refresh_suggestions(mention, limit=len(stored))] == stored


def test_refresh_suggestions_stores_the_ranking():
    mention = make_mention()
    event = make_event("Artillery shells shipped to Russia by rail", "Nov 2022")
    stored = curation.refresh_suggestions(mention)
    assert stored[0].event == event
    assert SuggestedCitation.objects.filter(mention=mention).count() == len(stored)


# --- Create / attach / dismiss -----------------------------------------------------------------


def test_create_event_from_mention_prefills_everything():
    us = make_actor("U.S. officials")
    dprk = make_actor("Democratic People's Republic of Korea", aliases="North Korea\nDPRK")
    make_actor("Kremlin")
    thread = make_thread("Rail shipments")
    mention = make_mention()
    earlier = make_event("Earlier report", thread=thread)
    make_citation(earlier, source=mention.source)

    event = curation.create_event_from_mention(mention)

    assert event.status == Event.Status.DRAFT
    assert str(event.date) == "18–19 Nov 2022" or event.date == mention.date
    assert (event.date_start, event.date_end) == (mention.date_start, mention.date_end)
    assert event.date_precision == mention.date_precision and event.date_modifier == mention.date_modifier
    assert event.thread == thread
    assert set(event.actors.all()) == {us, dprk}
    citation = event.citations.get()
    assert citation.source == mention.source and citation.mention == mention
    assert citation.excerpt == mention.sentence
    assert (citation.start, citation.end) == (mention.sentence_start, mention.sentence_end)
    mention.refresh_from_db()
    assert mention.event == event and mention.review == Review.ACCEPTED
    assert event.title.startswith("U.S. officials said North Korea")


def test_create_event_from_an_unresolved_mention_is_refused():
    mention = make_mention(date=False)
    with pytest.raises(curation.CurationError):
        curation.create_event_from_mention(mention)
    assert not Event.objects.exists()


def test_attach_mention_cites_the_sentence_once_and_follows_merges():
    mention = make_mention()
    kept = make_event("Kept")
    gone = make_event("Gone", merged_into=kept, status="draft")
    citation = curation.attach_mention(mention, gone)
    assert citation.event == kept
    curation.attach_mention(mention, kept)
    assert Citation.objects.filter(event=kept).count() == 1
    mention.refresh_from_db()
    assert mention.event == kept and mention.review == Review.ACCEPTED


def test_dismiss_and_accept_statement():
    mention = make_mention()
    curation.dismiss(mention)
    mention.refresh_from_db()
    assert mention.review == Review.DISMISSED

    statement = make_statement(review=Review.PENDING, stance=Stance.ALLEGATION)
    speaker, event = make_actor("NSC spokesperson"), make_event()
    curation.accept_statement(
        statement, speaker=speaker, stance=Stance.CONFIRMATION, date=parse_period("Jan 2023"), event=event
    )
    statement.refresh_from_db()
    assert statement.review == Review.ACCEPTED
    assert (statement.speaker, statement.stance, statement.event) == (speaker, Stance.CONFIRMATION, event)
    assert str(statement.date) == "Jan 2023"
    with pytest.raises(curation.CurationError):
        curation.accept_statement(statement, review="dismissed")


# --- Merge -------------------------------------------------------------------------------------


def test_merge_moves_everything_and_loses_nothing(client):
    source = make_source()
    keep = make_event("Shells by rail", summary="", actors=[make_actor("A")])
    other = make_event(
        "Shells by train", summary="Other summary", actors=[make_actor("B")], thread=make_thread()
    )
    make_citation(keep, source=source, excerpt="Same passage")
    make_citation(other, source=source, excerpt="Same passage", start=3, end=10)
    make_citation(other, source=source, excerpt="Different passage")
    statement = make_statement(other)
    mention = make_mention(event=other)
    other_mention = make_mention(text="On 1 Jan 2023. Shells. x", phrase="1 Jan 2023")
    SuggestedCitation.objects.create(mention=mention, event=other, score=0.5)
    SuggestedCitation.objects.create(mention=mention, event=keep, score=0.2)
    SuggestedCitation.objects.create(mention=other_mention, event=other, score=0.4)
    earlier = make_event("Merged earlier", merged_into=other, status="draft")

    result = curation.merge_events(keep, other)

    keep.refresh_from_db()
    other.refresh_from_db()
    assert result.moved["citations"] == 1 and result.moved["duplicate citations"] == 1
    assert sorted(keep.citations.values_list("excerpt", flat=True)) == ["Different passage", "Same passage"]
    twin = keep.citations.get(excerpt="Same passage")
    assert (twin.start, twin.end) == (3, 10)
    assert not other.citations.exists()
    assert list(keep.statements.all()) == [statement]
    assert list(keep.mentions.all()) == [mention]
    assert keep.suggestions.get(mention=mention).score == 0.5
    assert keep.suggestions.filter(mention=other_mention).exists()
    assert not other.suggestions.exists()
    assert set(keep.actors.values_list("name", flat=True)) == {"A", "B"}
    assert keep.summary == "Other summary" and keep.thread is not None
    assert other.merged_into == keep and other.status == Event.Status.DRAFT
    earlier.refresh_from_db()
    assert earlier.merged_into == keep

    response = client.get(other.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == keep.get_absolute_url()


def test_merge_is_all_or_nothing(monkeypatch):
    keep, other = make_event("Keep"), make_event("Other")
    make_citation(other)
    make_statement(other)

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Statement, "save", fail)
    with pytest.raises(RuntimeError):
        curation.merge_events(keep, other)
    other.refresh_from_db()
    assert other.citations.count() == 1 and other.merged_into is None


def test_merge_refuses_self_and_merged_events():
    event = make_event()
    with pytest.raises(curation.CurationError):
        curation.merge_events(event, event)
    gone = make_event(merged_into=event, status="draft")
    with pytest.raises(curation.CurationError):
        curation.merge_events(event, gone)


# --- Through the admin -------------------------------------------------------------------------


def test_review_queue_lists_pending_mentions_newest_source_first_with_highlight(admin_client):
    old = make_mention(
        source=make_source("Old article", text=TEXT, published=parse_period("1 Dec 2022").start)
    )
    new = make_mention(
        source=make_source(
            "New <b>article</b>",
            text=TEXT.replace("Friday", "<b>Friday</b>"),
            published=parse_period("1 Jan 2023").start,
        )
    )
    dismissed = make_mention(text="Gone on 2 Feb 2023. x", phrase="2 Feb 2023")
    curation.dismiss(dismissed)
    event = make_event("Shells by rail")
    SuggestedCitation.objects.create(mention=new, event=event, score=0.75)

    html = admin_client.get(reverse("admin:timeline_datemention_changelist")).content.decode()
    assert "<mark>18-19 Nov 2022</mark>" in html
    assert "New &lt;b&gt;article&lt;/b&gt;" in html and "<b>" not in html
    assert html.index("New &lt;b&gt;article") < html.index("Old article")
    assert "2 Feb 2023" not in html
    assert "Shells by rail" in html and "0.75" in html
    assert reverse("admin:timeline_datemention_review", args=[old.pk]) in html
    everything = admin_client.get(reverse("admin:timeline_datemention_changelist"), {"review__exact": "all"})
    assert "2 Feb 2023" in everything.content.decode()


def test_admin_index_links_to_the_review_queue(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Review queue" in html and "?review__exact=pending" in html


def test_review_page_create_attach_and_dismiss(admin_client):
    mention = make_mention()
    event = make_event("Artillery shells shipped to Russia", "Nov 2022")
    url = reverse("admin:timeline_datemention_review", args=[mention.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "<mark>18-19 Nov 2022</mark>" in page.content.decode()
    assert "Artillery shells shipped to Russia" in page.content.decode()

    response = admin_client.post(url, {"_attach": str(event.pk)})
    assert response.status_code == 302
    assert event.citations.get().mention == mention

    other = make_mention(text="Trains seen on 5 Dec 2022. x", phrase="5 Dec 2022")
    other_url = reverse("admin:timeline_datemention_review", args=[other.pk])
    admin_client.post(other_url, {"_attach_chosen": "1", "event": str(event.pk)})
    assert event.citations.count() == 2

    third = make_mention(text="Trains left on 6 Dec 2022. x", phrase="6 Dec 2022")
    admin_client.post(
        reverse("admin:timeline_datemention_review", args=[third.pk]),
        {"_create": "1", "title": "Trains left"},
    )
    created = Event.objects.get(title="Trains left")
    assert created.status == Event.Status.DRAFT and created.citations.get().mention == third

    fourth = make_mention(text="Nothing on 7 Dec 2022. x", phrase="7 Dec 2022")
    admin_client.post(reverse("admin:timeline_datemention_review", args=[fourth.pk]), {"_dismiss": "1"})
    fourth.refresh_from_db()
    assert fourth.review == Review.DISMISSED


def test_review_page_reports_an_unresolved_mention(admin_client):
    mention = make_mention(date=False)
    url = reverse("admin:timeline_datemention_review", args=[mention.pk])
    response = admin_client.post(url, {"_create": "1"}, follow=True)
    assert "no resolved date" in response.content.decode()
    assert not Event.objects.exists()


def test_bulk_mention_actions(admin_client):
    url = reverse("admin:timeline_datemention_changelist")
    a = make_mention(text="Shells shipped on 5 Dec 2022. x", phrase="5 Dec 2022")
    b = make_mention(text="Shells moved on 6 Dec 2022. x", phrase="6 Dec 2022")
    c = make_mention(text="Shells gone on 7 Dec 2022. x", phrase="7 Dec 2022")
    admin_client.post(url, {"action": "create_events", "_selected_action": [a.pk]})
    a.refresh_from_db()
    assert a.event is not None and a.event.status == Event.Status.DRAFT

    admin_client.post(url, {"action": "refresh_suggestions", "_selected_action": [b.pk]})
    assert b.suggestions.exists()
    admin_client.post(url, {"action": "attach_to_best", "_selected_action": [b.pk]})
    b.refresh_from_db()
    assert b.event == a.event and b.review == Review.ACCEPTED

    admin_client.post(url, {"action": "dismiss_selected", "_selected_action": [c.pk]})
    c.refresh_from_db()
    assert c.review == Review.DISMISSED


def test_statement_accept_and_dismiss_actions_and_accept_button(admin_client):
    url = reverse("admin:timeline_statement_changelist")
    first = make_statement(review=Review.PENDING)
    second = make_statement(review=Review.PENDING)
    admin_client.post(url, {"action": "accept_selected", "_selected_action": [first.pk]})
    admin_client.post(url, {"action": "dismiss_selected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.review, second.review) == (Review.ACCEPTED, Review.DISMISSED)

    pending = make_statement(review=Review.PENDING, quote="They sent shells.")
    change = reverse("admin:timeline_statement_change", args=[pending.pk])
    assert 'name="_accept"' in admin_client.get(change).content.decode()
    speaker = make_actor("John Kirby")
    data = {
        "speaker": speaker.pk,
        "speaker_name": "",
        "quote": "They sent shells.",
        "stance": Stance.CONFIRMATION,
        "date": "early September 2022",
        "event": "",
        "source": pending.source_id,
        "start": "",
        "end": "",
        "review": Review.PENDING,
        "_accept": "Save and accept",
    }
    assert admin_client.post(change, data).status_code == 302
    pending.refresh_from_db()
    assert pending.review == Review.ACCEPTED and pending.speaker == speaker
    assert str(pending.date) == "early Sep 2022"


def test_merge_action_asks_which_to_keep_then_merges(admin_client):
    older, newer = make_event("Older"), make_event("Newer")
    make_citation(newer)
    url = reverse("admin:timeline_event_changelist")
    page = admin_client.post(url, {"action": "merge_two", "_selected_action": [older.pk, newer.pk]})
    html = page.content.decode()
    assert page.status_code == 200 and "Merge two events" in html
    assert f'value="{older.pk}" checked' in html

    admin_client.post(
        url, {"action": "merge_two", "_selected_action": [older.pk, newer.pk], "apply": "1", "keep": newer.pk}
    )
    older.refresh_from_db()
    assert older.merged_into == newer


def test_a_merged_event_cannot_be_published(admin_client):
    kept = make_event("Kept")
    gone = make_event("Gone", merged_into=kept, status="draft")
    url = reverse("admin:timeline_event_changelist")
    response = admin_client.post(url, {"action": "publish", "_selected_action": [gone.pk]}, follow=True)
    assert "Skipped 1 merged event" in response.content.decode()
    gone.refresh_from_db()
    assert gone.status == Event.Status.DRAFT
    data = {
        "title": "Gone",
        "slug": gone.slug,
        "date": "18 Nov 2022",
        "summary": "",
        "status": "published",
        "merged_into": kept.pk,
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:timeline_event_change", args=[gone.pk]), data)
    assert response.status_code == 200 and "A merged event stays a draft" in response.content.decode()


def test_merge_action_needs_exactly_two(admin_client):
    a, b, c = make_event(), make_event(), make_event()
    url = reverse("admin:timeline_event_changelist")
    response = admin_client.post(
        url, {"action": "merge_two", "_selected_action": [a.pk, b.pk, c.pk]}, follow=True
    )
    assert "Select exactly two events" in response.content.decode()
    assert not Event.objects.filter(merged_into__isnull=False).exists()


# --- Public visibility -------------------------------------------------------------------------


def test_only_published_events_are_public(client, admin_client):
    published = make_event("Visible event")
    draft = make_event("Hidden draft", status=Event.Status.DRAFT)
    home = client.get("/").content.decode()
    assert "Visible event" in home and "Hidden draft" not in home
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404

    url = reverse("admin:timeline_event_changelist")
    admin_client.post(url, {"action": "unpublish", "_selected_action": [published.pk]})
    admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    assert client.get(published.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 200
    home = client.get("/").content.decode()
    assert "Visible event" not in home and "Hidden draft" in home


# --- History -----------------------------------------------------------------------------------


def test_history_records_who_and_can_revert_through_the_admin(admin_client, admin_user):
    event = make_event("Original title", "18 Nov 2022", status=Event.Status.DRAFT)
    change = reverse("admin:timeline_event_change", args=[event.pk])
    data = {
        "title": "Edited title",
        "slug": event.slug,
        "date": "Jan 2023",
        "summary": "",
        "status": "draft",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    assert admin_client.post(change, data).status_code == 302
    latest = event.history.first()
    assert latest.title == "Edited title" and latest.history_user == admin_user
    assert latest.history_date is not None

    history = admin_client.get(reverse("admin:timeline_event_history", args=[event.pk]))
    assert history.status_code == 200 and "Edited title" in history.content.decode()

    original = event.history.earliest()
    revert_url = reverse("admin:timeline_event_simple_history", args=[event.pk, original.history_id])
    page = admin_client.get(revert_url)
    assert page.status_code == 200 and "Original title" in page.content.decode()
    reverted = {**data, "title": "Original title", "date": "18 Nov 2022"}
    assert admin_client.post(revert_url, reverted).status_code == 302
    event.refresh_from_db()
    assert event.title == "Original title" and str(event.date) == "18 Nov 2022"
    assert event.history.count() == 3


def test_curation_changes_are_recorded_in_history(admin_client, admin_user):
    mention = make_mention()
    admin_client.post(reverse("admin:timeline_datemention_review", args=[mention.pk]), {"_create": "1"})
    event = Event.objects.get()
    assert event.history.first().history_user == admin_user
    assert event.citations.get().history.first().history_user == admin_user


# --- The date field ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown", "precision", "modifier"),
    [
        ("early September 2022", "early Sep 2022", "month", "early"),
        ("18-19 Nov 2022", None, "day", ""),
        ("Jan 2023", "Jan 2023", "month", ""),
        ("2017", "2017", "year", ""),
    ],
)
def test_date_field_accepts_what_curators_type(typed, shown, precision, modifier):
    value = FuzzyDateField().clean(typed)
    assert (value.precision.value, value.modifier.value) == (precision, modifier)
    if shown:
        assert str(value) == shown


@pytest.mark.parametrize("typed", ["sometime soon", "32 Nov 2022", "Smarch 2022", "19-18 Nov 2022"])
def test_date_field_rejects_nonsense(typed):
    with pytest.raises(ValidationError):
        FuzzyDateField().clean(typed)


def test_date_field_required_and_optional():
    with pytest.raises(ValidationError):
        FuzzyDateField().clean("")
    assert FuzzyDateField(required=False).clean("") is None


# --- Merging published events, long sentences ---------------------------------------------------


def test_merging_a_published_event_into_a_draft_publishes_the_draft(client):
    draft = make_event("Draft copy", status=Event.Status.DRAFT)
    published = make_event("Published one")
    result = curation.merge_events(draft, published)
    draft.refresh_from_db()
    assert result.published and draft.status == Event.Status.PUBLISHED
    assert "“Draft copy” is now published" in str(result)
    response = client.get(published.get_absolute_url(), follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == draft.get_absolute_url()


def test_merging_a_draft_into_a_published_event_changes_no_status():
    published, draft = make_event("Published one"), make_event("Draft", status=Event.Status.DRAFT)
    result = curation.merge_events(published, draft)
    published.refresh_from_db()
    assert not result.published and published.status == Event.Status.PUBLISHED
    assert curation.event_to_keep(draft, published) == published
    assert curation.event_to_keep(make_event("A"), make_event("B")).title == "A"


def test_merge_action_keeps_the_published_event_by_default_and_warns(admin_client):
    older = make_event("Older draft", status=Event.Status.DRAFT)
    newer = make_event("Newer published")
    url = reverse("admin:timeline_event_changelist")
    html = admin_client.post(
        url, {"action": "merge_two", "_selected_action": [older.pk, newer.pk]}
    ).content.decode()
    assert f'value="{newer.pk}" checked' in html
    assert "“Newer published” is published and the other event is a draft" in html
    response = admin_client.post(
        url,
        {"action": "merge_two", "_selected_action": [older.pk, newer.pk], "apply": "1", "keep": older.pk},
        follow=True,
    )
    assert "“Older draft” is now published" in response.content.decode()
    older.refresh_from_db()
    assert older.status == Event.Status.PUBLISHED


def test_review_queue_shows_the_words_around_a_mention_in_a_long_sentence(admin_client):
    filler = "word " * 4000
    text = f"{filler}shipped on 18-19 Nov 2022 {filler}."
    for _ in range(20):
        make_mention(text=text)
    page = admin_client.get(reverse("admin:timeline_datemention_changelist"))
    html = page.content.decode()
    assert html.count("<mark>18-19 Nov 2022</mark>") == 20
    assert html.count("…word word") == 20 and html.count("word word…") == 20
    # The whole sentences would be 20 × 40,000 characters.
    assert len(html) < 120_000
    row = html.split("<mark>18-19 Nov 2022</mark>")[1].split("…")[0]
    assert len(row) <= admin_review.AROUND_MENTION


def test_review_queue_keeps_short_sentences_whole(admin_client):
    make_mention()
    html = admin_client.get(reverse("admin:timeline_datemention_changelist")).content.decode()
    assert "artillery shells to Russia by rail on <mark>18-19 Nov 2022</mark>." in html


# --- The queue's rows: one click each, in place -----------------------------------------------


def row_post(client, mention, data, query=""):
    """POST a row's button as HTMX does: the row is the target."""
    url = reverse("admin:timeline_datemention_review", args=[mention.pk]) + query
    return client.post(url, data, headers={"HX-Request": "true", "HX-Target": f"mention-{mention.pk}"})


def only_the_row(response, mention) -> str:
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<tr id="mention-{mention.pk}"') and "<html" not in html
    return html


def test_a_row_attaches_creates_and_dismisses_in_place(admin_client):
    event = make_event("Artillery <b>shells</b> shipped to Russia", "Nov 2022")
    attached, created, dismissed = (
        make_mention(text=f"Shells left on {day} Dec 2022. x", phrase=f"{day} Dec 2022") for day in (5, 6, 7)
    )

    html = only_the_row(row_post(admin_client, attached, {"_attach": str(event.pk)}), attached)
    assert "Cited on" in html and "Artillery &lt;b&gt;shells&lt;/b&gt; shipped to Russia" in html
    assert "review-row--done" in html and 'name="_attach"' not in html
    attached.refresh_from_db()
    assert attached.review == Review.ACCEPTED and event.citations.get().mention == attached

    html = only_the_row(row_post(admin_client, created, {"_create": "1"}), created)
    created.refresh_from_db()
    assert created.event.status == Event.Status.DRAFT and "Created the draft event" in html
    assert reverse("admin:timeline_event_change", args=[created.event_id]) in html

    html = only_the_row(row_post(admin_client, dismissed, {"_dismiss": "1"}), dismissed)
    dismissed.refresh_from_db()
    assert dismissed.review == Review.DISMISSED and "Dismissed “7 Dec 2022”." in html

    # What a swapped row said is not said again on the next page.
    page = admin_client.get(reverse("admin:timeline_datemention_changelist")).content.decode()
    assert "Cited on" not in page and 'class="messagelist"' not in page


@pytest.mark.parametrize("value", ["abc", "999999", "9" * 25, ""])
def test_a_row_attaching_to_no_event_says_so_in_the_row(admin_client, value):
    mention = make_mention()
    html = only_the_row(row_post(admin_client, mention, {"_attach": value}), mention)
    expected = f"There is no event “{value}” to attach it to." if value else "Choose the event to attach it"
    assert expected in html and 'role="alert"' in html and 'name="_dismiss"' in html
    mention.refresh_from_db()
    assert mention.review == Review.PENDING and not Citation.objects.exists()


def test_a_row_says_why_an_unresolved_mention_makes_no_event(admin_client):
    mention = make_mention(date=False)
    html = only_the_row(row_post(admin_client, mention, {"_create": "1"}), mention)
    assert "has no resolved date" in html
    assert not Event.objects.exists()


def test_a_row_post_asking_for_nothing_changes_nothing(admin_client):
    mention = make_mention()
    html = only_the_row(row_post(admin_client, mention, {}), mention)
    assert "Choose what to do with it." in html
    mention.refresh_from_db()
    assert mention.review == Review.PENDING


def test_a_row_answers_404_for_a_mention_that_is_not_there(admin_client):
    for object_id in ["999999", "9" * 25, "abc"]:
        url = reverse("admin:timeline_datemention_review", args=["0"]).replace("/0/", f"/{object_id}/")
        response = admin_client.post(
            url, {"_dismiss": "1"}, headers={"HX-Request": "true", "HX-Target": f"mention-{object_id}"}
        )
        assert response.status_code == 404


def test_a_row_needs_the_change_permission_before_anything(client, django_user_model):
    mention = make_mention()
    client.force_login(django_user_model.objects.create_user("staff", password="pw", is_staff=True))
    assert row_post(client, mention, {"_dismiss": "1"}).status_code == 403
    missing = DateMention(pk=999999)
    assert row_post(client, missing, {"_dismiss": "1"}).status_code == 403
    mention.refresh_from_db()
    assert mention.review == Review.PENDING


def test_without_javascript_a_row_goes_back_to_the_list_with_its_filters(admin_client):
    mention = make_mention(text="Trains seen on 5 Dec 2022. x", phrase="5 Dec 2022")
    changelist = reverse("admin:timeline_datemention_changelist")
    filters = {"q": "5 Dec", "date_precision__exact": "day"}
    page = admin_client.get(changelist, filters).content.decode()
    review = reverse("admin:timeline_datemention_review", args=[mention.pk])
    preserved = f"{review}?_changelist_filters=q%3D5%2BDec%26date_precision__exact%3Dday"
    assert f'formaction="{preserved}"' in page.replace("&amp;", "&")

    response = admin_client.post(preserved, {"_dismiss": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{changelist}?q=5+Dec&date_precision__exact=day"
    mention.refresh_from_db()
    assert mention.review == Review.DISMISSED
    back = admin_client.get(response["Location"]).content.decode()
    assert "Dismissed “5 Dec 2022”." in back  # said once, as a message on the list


def test_the_queue_groups_rows_by_source_with_its_outlet_language_and_date(admin_client):
    from tests.factories import make_outlet

    newer = make_source(
        "Seoul <i>report</i>",
        text=TEXT,
        language="ko",
        outlet=make_outlet("Yonhap"),
        published=parse_period("3 Jan 2023").start,
    )
    older = make_source("Rail report", text=TEXT, published=parse_period("2 Nov 2022").start)
    first = make_mention(source=newer)
    second = make_mention(
        source=newer, phrase="Friday", sentence="Officials spoke on Friday.", date="Nov 2022"
    )
    make_mention(source=older)
    html = admin_client.get(reverse("admin:timeline_datemention_changelist")).content.decode()
    assert html.count('class="review-group"') == 2
    head = html.split('class="review-group__head"')[1]
    assert "Seoul &lt;i&gt;report&lt;/i&gt;" in head and 'lang="ko"' in head
    assert all(words in head for words in ("Yonhap", "Korean", "3 Jan 2023"))
    # In the text's order ("Friday" comes first), before the older source's rows.
    assert html.index(f'id="mention-{second.pk}"') < html.index(f'id="mention-{first.pk}"')
    assert html.index(f'id="mention-{first.pk}"') < html.index("Rail report")
    # The whole sentence, the mention marked, the date as read.
    assert "artillery shells to Russia by rail on <mark>18-19 Nov 2022</mark>." in html
    assert "Read as <strong>18–19 Nov 2022</strong>" in html


def test_a_row_offers_its_three_best_live_suggestions_on_the_keys(admin_client):
    mention = make_mention()
    events = [make_event(f"Shells {n}") for n in range(5)]
    merged = make_event("Merged away", status=Event.Status.DRAFT, merged_into=events[0])
    for n, event in enumerate([*events, merged]):
        SuggestedCitation.objects.create(mention=mention, event=event, score=0.5 + n / 20)
    html = admin_client.get(reverse("admin:timeline_datemention_changelist")).content.decode()
    offered = [int(part.split('"')[0]) for part in html.split('name="_attach" value="')[1:]]
    assert offered == [events[4].pk, events[3].pk, events[2].pk]
    for key in ("1", "2", "3", "n", "d"):
        assert f'data-key="{key}" aria-keyshortcuts="{key}"' in html
    assert "<kbd>j</kbd>" in html  # the keys are announced on the page


def make_queue(sources: int, per_source: int):
    """``sources`` sources with an outlet, ``per_source`` mentions each, three suggestions each."""
    from tests.factories import make_outlet

    events = [make_event(f"Shells {n}") for n in range(3)]
    for _ in range(sources):
        source = make_source(text=TEXT, outlet=make_outlet(), published=parse_period("1 Dec 2022").start)
        for m in range(per_source):
            text = f"On {m + 1} Dec 2022 shells moved."
            source.text += f" {text}"
            source.save()
            mention = make_mention(source=source, phrase=f"{m + 1} Dec 2022", sentence=text)
            for rank, event in enumerate(events):
                SuggestedCitation.objects.create(mention=mention, event=event, score=0.9 - rank / 10)


def test_the_queue_reads_the_same_number_of_queries_for_any_number_of_rows(
    admin_client, django_assert_max_num_queries
):
    url = reverse("admin:timeline_datemention_changelist")
    make_queue(sources=1, per_source=2)
    admin_client.get(url)  # the session and the user, read once
    with django_assert_max_num_queries(12) as few:
        assert admin_client.get(url).content.decode().count('<tr id="mention-') == 2
    make_queue(sources=4, per_source=12)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        html = admin_client.get(url).content.decode()
    print(f"review queue: {len(few)} queries for 2 rows, {len(many)} for 50 rows")
    assert html.count('<tr id="mention-') == 2 + 48 and html.count('class="review-group"') == 5


# --- Re-anchoring after the source's text changed ------------------------------------------------

PASSAGES = [f"Witness {n} saw rail cars carrying shells near Tumangang on day {n}." for n in range(1, 7)]


def reanchor_after_an_edit(count: int):
    """``count`` citations and a statement of a source, re-anchored after a note is put at the top
    of its text; returns them, reloaded, and the queries the re-anchoring took."""
    old_text = " ".join(PASSAGES[:count])
    source = make_source(text=old_text)
    event = make_event()
    citations = []
    for passage in PASSAGES[:count]:
        start = old_text.index(passage)
        citations.append(make_citation(event, source, passage, start=start, end=start + len(passage)))
    statement = make_statement(
        event, quote=PASSAGES[0], source=source, start=0, end=len(PASSAGES[0]), review=Review.ACCEPTED
    )
    source.text = "Editor's note: corrected on Saturday. " + old_text
    source.save()
    with CaptureQueriesContext(connection) as queries:
        counts = curation.reanchor_quotes(source, old_text)
    assert counts == {"exact": count + 1}
    for item in [*citations, statement]:
        item.refresh_from_db()
    return citations, statement, len(queries)


def test_reanchoring_writes_every_row_at_once_with_its_history():
    _, _, few = reanchor_after_an_edit(2)
    citations, statement, many = reanchor_after_an_edit(6)
    assert many == few  # not one query per citation
    for item, words in [(c, c.excerpt) for c in citations] + [(statement, statement.quote)]:
        assert item.source.text[item.start : item.end] == words
        assert item.history.first().history_change_reason == curation.REANCHORED_REASON
        assert item.history.count() == 2


def test_rows_that_move_into_each_others_places_are_written_in_order():
    """The first statement moves to where the second one was, after the second moved on: the
    database refuses that as one statement (it checks row by row, the first row first), so the rows
    are written one by one, in the order given, as they were found."""
    source = make_source(text="x" * 40)
    first = make_statement(source=source, quote="a", start=10, end=15)
    second = make_statement(source=source, quote="b", start=0, end=5)
    second.start, second.end = 20, 25
    first.start, first.end = 0, 5
    for item in (first, second):
        item._change_reason = curation.REANCHORED_REASON
    curation._update_with_history(Statement, [second, first], ["start", "end"])
    assert list(Statement.objects.order_by("pk").values_list("start", "end")) == [(0, 5), (20, 25)]
    assert [item.history.first().history_change_reason for item in (first, second)] == [
        curation.REANCHORED_REASON
    ] * 2
