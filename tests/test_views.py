"""The public pages: the timeline, its filters and HTMX fragments, events, sources and actors."""

import html
import re
from datetime import date
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import (
    make_actor,
    make_citation,
    make_event,
    make_outlet,
    make_source,
    make_statement,
    make_thread,
)
from timeline.models import Event, Review, Stance

pytestmark = pytest.mark.django_db
TIMELINE = reverse("timeline")


def titles(response) -> list[str]:
    return [card.event.title for card in response.context["page"].object_list]


def test_timeline_lists_published_events_in_date_order_with_headings(client):
    make_event("Rail cars cross", "18-19 Nov 2022")
    make_event("Purchase reports", "early Sep 2022")
    make_event("Photo released", "20 Jan 2023")
    make_event("Unpublished draft", "1 Oct 2022", status=Event.Status.DRAFT)
    response = client.get(TIMELINE)
    assert response.status_code == 200
    assert titles(response) == ["Purchase reports", "Rail cars cross", "Photo released"]
    html = response.content.decode()
    assert "<!doctype html>" in html
    assert "early " in html and "18–19 Nov 2022" in html
    assert html.count('class="timeline__year"') == 2  # 2022 and 2023
    assert html.count('class="timeline__month"') == 3


def test_a_date_known_only_to_the_year_gets_no_month_heading(client):
    make_event("Resolution 2397", "2017")
    make_event("Summit", "25 Apr 2017")
    html = client.get(TIMELINE).content.decode()
    assert html.count('class="timeline__year"') == 1
    assert html.count('class="timeline__month"') == 1 and "April 2017" in html and "January 2017" not in html


def test_date_range_filter_treats_an_uncertain_date_as_the_period_it_covers(client):
    make_event("Purchase reports", "early Sep 2022")
    make_event("Later that month", "22 Sep 2022")
    response = client.get(TIMELINE, {"date_from": "2022-09-01", "date_to": "2022-09-10"})
    assert titles(response) == ["Purchase reports"]
    response = client.get(TIMELINE, {"date_from": "2022-09-10", "date_to": "2022-09-30"})
    assert titles(response) == ["Purchase reports", "Later that month"]


def test_each_filter_alone_and_combined(client):
    rail, photo = make_thread(slug="rail"), make_thread(slug="photo")
    kirby, kcna = make_actor("John Kirby", slug="kirby"), make_actor("KCNA", slug="kcna")
    times = make_outlet("The New York Times", slug="nyt")
    shipments = make_event("Covert shell shipments", "2 Nov 2022", thread=rail, actors=[kirby])
    photo_event = make_event("Wagner photo released", "20 Jan 2023", thread=photo)
    make_event("Unrelated context", "24 Feb 2022", summary="The invasion begins.")
    make_statement(shipments, stance=Stance.ALLEGATION)
    make_statement(photo_event, stance=Stance.DENIAL, speaker=kcna, quote="It never happened.")
    make_citation(shipments, make_source(outlet=times))

    assert titles(client.get(TIMELINE, {"thread": "rail"})) == ["Covert shell shipments"]
    assert titles(client.get(TIMELINE, {"actor": "kirby"})) == ["Covert shell shipments"]
    assert titles(client.get(TIMELINE, {"actor": "kcna"})) == ["Wagner photo released"]  # speaks about it
    assert titles(client.get(TIMELINE, {"stance": "denial"})) == ["Wagner photo released"]
    assert titles(client.get(TIMELINE, {"outlet": "nyt"})) == ["Covert shell shipments"]
    assert titles(client.get(TIMELINE, {"q": "INVASION"})) == ["Unrelated context"]
    assert titles(client.get(TIMELINE, {"q": "never happened"})) == ["Wagner photo released"]
    assert titles(client.get(TIMELINE, {"date_from": "2023-01-01"})) == ["Wagner photo released"]
    assert titles(client.get(TIMELINE, {"date_to": "2022-03-01"})) == ["Unrelated context"]
    combined = {"thread": "rail", "stance": "allegation", "date_from": "2022-11-01", "q": "shell"}
    assert titles(client.get(TIMELINE, combined)) == ["Covert shell shipments"]
    assert titles(client.get(TIMELINE, {**combined, "stance": "denial"})) == []


def test_the_actor_filter_takes_a_slug_or_a_typed_name_and_suggests_names(client):
    kirby = make_actor("John Kirby", slug="kirby")
    make_actor("John Bolton", slug="bolton", aliases="Ambassador Bolton")
    make_event("Covert shell shipments", "2 Nov 2022", actors=[kirby])
    make_event("Wagner photo released", "20 Jan 2023")
    for typed in ("kirby", "John Kirby", "john kirby", "Kirby"):
        response = client.get(TIMELINE, {"actor": typed})
        assert titles(response) == ["Covert shell shipments"], typed
        assert 'value="John Kirby"' in response.content.decode()  # shown by its name
    ambiguous = client.get(TIMELINE, {"actor": "John"}).content.decode()
    assert "“John” could be John Bolton, John Kirby: give more of the name." in html.unescape(ambiguous)
    unknown = client.get(TIMELINE, {"actor": "<b>Nobody</b>"}).content.decode()
    assert "No actor is called “&lt;b&gt;Nobody&lt;/b&gt;”." in unknown
    page = client.get(TIMELINE).content.decode()
    assert "<option" not in page.split('id="id_actor"')[1].split("</datalist>")[0]  # no list of every actor
    suggestions = reverse("actor_suggestions")
    options = re.findall(
        r'<option value="([^"]*)">', client.get(suggestions, {"actor": "ambassador"}).content.decode()
    )
    assert options == ["John Bolton"]  # by another name
    options = re.findall(
        r'<option value="([^"]*)">', client.get(suggestions, {"actor": "john"}).content.decode()
    )
    assert options == ["John Bolton", "John Kirby"]
    assert client.get(suggestions, {"speaker": "kir"}).content.decode().count("<option") == 1
    assert "<option" not in client.get(suggestions, {"actor": ""}).content.decode()


# (page, a filter in use beside thread/speaker, the chip it shows): a choice by its label, a model
# by its name, anything else as given.
CHIP_CASES = [
    ("timeline", {"stance": "denial"}, "Stance: Denial"),
    ("timeline", {"single_source": "1"}, "Corroboration: Single-source claims only"),
    ("timeline", {"actor": "kcna"}, "Actor: KCNA"),
    ("timeline", {"date_from": "2022-11-01"}, "From: 2022-11-01"),
    ("statements", {"side": "DPRK"}, "Side: DPRK"),
    ("statements", {"stance": "denial"}, "Stance: Denial"),
    ("statements", {"speaker": "kcna"}, "Speaker: KCNA"),
]


@pytest.mark.parametrize(("page", "params", "chip"), CHIP_CASES)
def test_each_filter_in_use_is_a_chip_that_removes_it(client, page, params, chip):
    make_actor("KCNA", slug="kcna", side="DPRK")
    make_thread("Rail shipments", slug="rail")
    url = reverse(page)
    response = client.get(url, {**params, "q": "shells", "page": "2"})
    chips = re.findall(r'<a class="chip" href="([^"]*)"[^>]*>([^<]*) <span', response.content.decode())
    by_text = {html.unescape(text): html.unescape(href) for href, text in chips}
    assert set(by_text) == {chip, "Search: shells"}
    assert by_text[chip] == "?q=shells"  # without itself and without the page
    assert by_text["Search: shells"] == "?" + urlencode(params)


def test_htmx_request_gets_only_the_results_fragment_and_a_clean_pushed_url(client, htmx_get):
    make_event("Purchase reports", "early Sep 2022", thread=make_thread(slug="purchases"))
    full = client.get(TIMELINE, {"thread": "purchases"})
    fragment = htmx_get(TIMELINE, q="", thread="purchases", date_from="")
    assert full["Vary"] and "HX-Request" in full["Vary"]
    assert "<html" in full.content.decode()
    body = fragment.content.decode()
    assert "<html" not in body and "<form" not in body
    assert body.lstrip().startswith('<section id="results"')
    assert "Purchase reports" in body
    assert fragment["HX-Push-Url"] == f"{TIMELINE}?thread=purchases"


def test_boosted_and_history_restore_requests_get_the_full_page(client):
    for header in ({"HX-Boosted": "true"}, {"HX-History-Restore-Request": "true"}):
        response = client.get(TIMELINE, headers={"HX-Request": "true", **header})
        assert "<html" in response.content.decode()


HTMX = {"HX-Request": "true"}
# (page, request headers, what the body is): the full page, or the partial each page declares for
# the request's HX-Target (timeline.fragments).
FRAGMENT_CASES = [
    ("timeline", {}, "page"),
    ("timeline", {**HTMX, "HX-Target": "results"}, "results"),
    ("timeline", HTMX, "results"),  # a swap that names no target
    ("timeline", {**HTMX, "HX-Target": "load-more"}, "more"),
    ("timeline", {**HTMX, "HX-Target": "load-more", "HX-Boosted": "true"}, "page"),
    ("timeline", {**HTMX, "HX-Target": "results", "HX-History-Restore-Request": "true"}, "page"),
    ("statements", {**HTMX, "HX-Target": "results"}, "results"),
    ("statements", {**HTMX, "HX-Boosted": "true"}, "page"),
    ("event", {**HTMX, "HX-Target": "details-7"}, "card-details"),
    ("event", {**HTMX, "HX-Target": "results"}, "page"),
    ("event", {**HTMX, "HX-Target": "details-7", "HX-Boosted": "true"}, "page"),
]


def body_kind(html: str) -> str:
    html = html.lstrip()
    if html.startswith("<!doctype html>"):
        return "page"
    if html.startswith('<section id="results"'):
        return "results"
    if html.startswith('<ul class="citations">'):
        return "card-details"
    return "more" if 'class="card' in html else "unknown"


@pytest.mark.parametrize(("page", "headers", "kind"), FRAGMENT_CASES)
def test_each_page_answers_the_partial_declared_for_the_htmx_target(client, page, headers, kind):
    event = make_event("Purchase reports", "early Sep 2022")
    make_statement(event, stance=Stance.DENIAL, quote="Never.")
    url = {"timeline": TIMELINE, "statements": reverse("statements"), "event": event.get_absolute_url()}[page]
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert body_kind(response.content.decode()) == kind
    # The body depends on each of these headers, so a cache must tell them apart.
    vary = {header.strip().lower() for header in response["Vary"].split(",")}
    assert {"hx-request", "hx-target", "hx-boosted", "hx-history-restore-request"} <= vary


def test_page_size_and_load_more(client, htmx_get):
    for day in range(1, 8):
        make_event(f"Day {day}", f"{day} Sep 2022")
    first = client.get(TIMELINE, {"page_size": 3})
    assert titles(first) == ["Day 1", "Day 2", "Day 3"]
    assert 'id="load-more"' in first.content.decode()
    more = htmx_get(TIMELINE, target="load-more", page_size=3, page=2)
    assert titles(more) == ["Day 4", "Day 5", "Day 6"]
    body = more.content.decode()
    assert "timeline__month" not in body  # September continues: no repeated heading
    assert 'id="results"' not in body
    last = client.get(TIMELINE, {"page_size": 3, "page": 3})
    assert titles(last) == ["Day 7"] and 'id="load-more"' not in last.content.decode()


def test_page_size_is_capped(client):
    response = client.get(TIMELINE, {"page_size": 100000})
    assert response.context["page"].paginator.per_page == 50  # invalid: back to the default


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2024-99-99"},
        {"date_from": "2023-01-01", "date_to": "2022-01-01"},
        {"actor": "no-such-actor"},
        {"thread": "'; DROP TABLE"},
        {"stance": "rumour"},
        {"outlet": "x" * 300},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "99999"},
        {"page_size": "0"},
        {"q": "x" * 100_000},
        {"q": "nul\x00byte"},
        {"q": "%ff%fe"},
    ],
)
def test_bad_filter_input_never_gives_a_server_error(client, htmx_get, params):
    make_event("Purchase reports", "early Sep 2022")
    assert client.get(TIMELINE, params).status_code == 200
    assert htmx_get(TIMELINE, **params).status_code == 200


def test_invalid_filters_are_reported_and_ignored(client):
    make_event("Purchase reports", "early Sep 2022")
    response = client.get(TIMELINE, {"date_from": "2024-99-99", "actor": "nobody"})
    assert titles(response) == ["Purchase reports"]
    assert "Some filters were ignored" in response.content.decode()


def test_post_to_a_public_page_is_refused(client):
    assert client.post(TIMELINE).status_code == 405


@pytest.mark.usefixtures("cache_backend")
def test_timeline_query_count_does_not_grow_with_events(client, django_assert_max_num_queries):
    def populate(n):
        actor = make_actor()
        for i in range(n):
            event = make_event(f"Event {i}", f"{1 + i % 28} Oct 2022", actors=[actor], thread=make_thread())
            make_statement(event, speaker=actor)
            make_citation(event)

    populate(3)
    with django_assert_max_num_queries(10) as small:  # the axis adds its lanes and its marks
        client.get(TIMELINE)
    populate(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(TIMELINE)


def test_card_shows_actors_stances_and_independent_source_count(client):
    outlet = make_outlet("Newsweek")
    original = make_source("Original", outlet=outlet)
    copy = make_source("Reworded copy", duplicate_of=original)
    same_outlet = make_source("Follow-up", outlet=outlet)
    other = make_source("Other outlet", outlet=make_outlet("Yonhap"))
    event = make_event("Covert shell shipments", "2 Nov 2022", actors=[make_actor("John Kirby")])
    for source in (original, copy, same_outlet, other):
        make_citation(event, source)
    make_statement(event, stance=Stance.ALLEGATION)
    make_statement(event, stance=Stance.DENIAL)
    html = client.get(TIMELINE).content.decode()
    assert "4 sources · 2 independent" in html
    assert "John Kirby" in html
    assert "badge--allegation" in html and "badge--denial" in html


def test_card_details_are_a_link_that_htmx_fills_with_citations_and_statements(client, htmx_get):
    event = make_event("Pentagon confirms", "6 Sep 2022")
    make_citation(event, make_source("Asia Economy piece"), excerpt="Russia contacted")
    make_statement(event, stance=Stance.CONFIRMATION, quote="We have indications")
    make_statement(event, stance=Stance.DENIAL, quote="Pending denial", review=Review.PENDING)
    html = client.get(TIMELINE).content.decode()
    assert "Russia contacted" not in html and "We have indications" not in html
    assert f'hx-get="{event.get_absolute_url()}"' in html and f'id="details-{event.pk}"' in html

    fragment = htmx_get(event.get_absolute_url(), target=f"details-{event.pk}")
    body = fragment.content.decode()
    assert "<html" not in body and 'class="dispute"' not in body
    assert "Russia contacted" in body and "We have indications" in body
    assert "Pending denial" not in body
    assert "HX-Request" in fragment["Vary"]
    # Any other request for the URL is the event page.
    assert 'class="dispute"' in client.get(event.get_absolute_url()).content.decode()


def test_card_details_of_a_draft_are_not_found(client, htmx_get):
    draft = make_event("Draft", status=Event.Status.DRAFT)
    make_statement(draft, quote="Not public yet")
    assert htmx_get(draft.get_absolute_url(), target=f"details-{draft.pk}").status_code == 404


def test_event_page_shows_citations_statements_and_neighbours(client):
    before = make_event("Purchase reports", "early Sep 2022")
    event = make_event("Pentagon confirms", "6 Sep 2022")
    after = make_event("Denial", "22 Sep 2022")
    make_citation(event, make_source("Asia Economy piece"), excerpt="Yes, adding that Russia contacted")
    make_statement(event, stance=Stance.CONFIRMATION, quote="We have indications")
    make_statement(event, stance=Stance.DENIAL, quote="We have never exported weapons")
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Yes, adding that Russia contacted" in html
    assert "We have indications" in html and "We have never exported weapons" in html
    assert before.get_absolute_url() in html and after.get_absolute_url() in html
    assert [s.quote for s in response.context["denials"]] == ["We have never exported weapons"]


def test_draft_and_unknown_events_are_not_found(client):
    draft = make_event("Draft", status=Event.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("event_detail", args=["no-such-event"])).status_code == 404


def test_merged_event_redirects_to_the_kept_one(client):
    kept = make_event("Kept")
    merged = make_event("Merged away", merged_into=kept, status=Event.Status.DRAFT)
    response = client.get(merged.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == kept.get_absolute_url()


def test_source_and_actor_pages(client):
    kirby = make_actor("John Kirby", role="NSC spokesperson")
    event = make_event("Confirmation")
    source = make_source("Kirby confirms", published=date(2022, 12, 23))
    citation = make_citation(event, source, excerpt="initial arms delivery")
    make_statement(event, speaker=kirby, source=source, quote="We can confirm", date="22 Dec 2022")
    html = client.get(source.get_absolute_url()).content.decode()
    assert f'id="c{citation.pk}"' in html and "initial arms delivery" in html
    html = client.get(kirby.get_absolute_url()).content.decode()
    assert "We can confirm" in html and "22 Dec 2022" in html


def test_untrusted_text_is_escaped(client):
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    event = make_event(attack, summary=attack, thread=make_thread(attack))  # the axis's lane and mark
    make_citation(event, make_source(attack, text=attack, url="https://example.org/?q=<b>"), excerpt=attack)
    make_statement(event, quote=attack)
    for url in (TIMELINE, event.get_absolute_url(), event.citations.first().source.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html
