"""The statements page: who said what, filtered like the timeline."""

import pytest
from django.urls import reverse

from tests.factories import make_actor, make_event, make_outlet, make_source, make_statement
from timeline.models import Event, Review, Stance

pytestmark = pytest.mark.django_db
STATEMENTS = reverse("statements")


def quotes(response) -> list[str]:
    return [statement.quote for statement in response.context["page"].object_list]


@pytest.fixture
def said(db):
    kirby = make_actor("John Kirby", slug="kirby", side="United States")
    kcna = make_actor("KCNA", slug="kcna", side="DPRK")
    shipments = make_event("Covert shell shipments", "2 Nov 2022")
    photo = make_event("Wagner photo", "20 Jan 2023")
    draft = make_event("Draft", "1 Dec 2022", status=Event.Status.DRAFT)
    make_statement(shipments, speaker=kirby, quote="They are covertly supplying shells.", date="2 Nov 2022")
    make_statement(
        shipments, speaker=kcna, stance=Stance.DENIAL, quote="A groundless rumour.", date="8 Nov 2022"
    )
    make_statement(photo, speaker=kcna, stance=Stance.DENIAL, quote="A fake photo.", date="early Feb 2023")
    make_statement(None, speaker_name="An analyst", stance=Stance.ASSESSMENT, quote="Likely true.")
    make_statement(draft, speaker=kirby, quote="On a draft.", date="1 Dec 2022")
    make_statement(shipments, speaker=kirby, quote="Not reviewed.", review=Review.PENDING)
    return {"kirby": kirby, "shipments": shipments}


def test_lists_public_statements_in_date_order(client, said):
    response = client.get(STATEMENTS)
    assert response.status_code == 200
    assert quotes(response) == [
        "They are covertly supplying shells.",
        "A groundless rumour.",
        "A fake photo.",
        "Likely true.",  # undated last
    ]
    markup = response.content.decode()
    assert "<html" in markup and 'id="filters"' in markup
    assert f'href="{said["shipments"].get_absolute_url()}"' in markup


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "kirby"}, ["They are covertly supplying shells."]),
        ({"side": "DPRK"}, ["A groundless rumour.", "A fake photo."]),
        ({"stance": "assessment"}, ["Likely true."]),
        ({"date_from": "2022-11-05", "date_to": "2022-11-30"}, ["A groundless rumour."]),
        ({"date_from": "2023-02-05", "date_to": "2023-02-06"}, ["A fake photo."]),  # early Feb covers it
        ({"q": "FAKE"}, ["A fake photo."]),
        (
            {"event": "covert-shell-shipments"},
            ["They are covertly supplying shells.", "A groundless rumour."],
        ),
        ({"side": "DPRK", "stance": "denial", "date_to": "2022-12-31"}, ["A groundless rumour."]),
    ],
)
def test_filters(client, said, params, expected):
    assert quotes(client.get(STATEMENTS, params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": "nobody"},
        {"side": "Atlantis"},
        {"stance": "shrug"},
        {"date_from": "2022-99-01"},
        {"date_to": "2023-01-01", "date_from": "2024-01-01"},  # the end date is then ignored
        {"page": "x", "page_size": "-1"},
    ],
)
def test_invalid_filters_are_reported_not_raised(client, said, params):
    response = client.get(STATEMENTS, params)
    assert response.status_code == 200
    assert len(quotes(response)) == (0 if "date_to" in params else 4)
    if "page" not in params:
        assert 'class="form-errors"' in response.content.decode()


def test_htmx_gets_the_results_fragment_and_a_clean_url(client, said, htmx_get):
    full = client.get(STATEMENTS, {"stance": "denial"})
    assert "HX-Request" in full["Vary"]
    fragment = htmx_get(STATEMENTS, q="", stance="denial", side="")
    body = fragment.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "<html" not in body and "<form" not in body
    assert "A groundless rumour." in body and "Likely true." not in body
    assert fragment["HX-Push-Url"] == f"{STATEMENTS}?stance=denial"
    boosted = client.get(STATEMENTS, headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.content.decode()


def test_pagination(client, said):
    first = client.get(STATEMENTS, {"page_size": 3})
    assert len(quotes(first)) == 3 and 'rel="next"' in first.content.decode()
    second = client.get(STATEMENTS, {"page_size": 3, "page": 2})
    assert quotes(second) == ["Likely true."] and 'rel="prev"' in second.content.decode()
    assert quotes(client.get(STATEMENTS, {"page_size": 3, "page": 99})) == ["Likely true."]


def test_only_get_and_head(client):
    assert client.post(STATEMENTS).status_code == 405


def test_query_count_does_not_grow_with_rows(client, said, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as few:
        client.get(STATEMENTS)
    for i in range(30):
        event = make_event(f"Event {i}")
        source = make_source(outlet=make_outlet(), duplicate_of=make_source(outlet=make_outlet()))
        make_statement(event, speaker=make_actor(side=f"Side {i}"), source=source, date="3 Nov 2022")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(STATEMENTS)
    assert response.context["page"].paginator.count == 34


def test_actor_page_lists_statements_over_time(client, said):
    markup = client.get(said["kirby"].get_absolute_url()).content.decode()
    assert "They are covertly supplying shells." in markup
    assert "On a draft." not in markup and "Not reviewed." not in markup


def test_actor_and_event_pages_link_to_the_filtered_statements(client, said):
    actor_page = client.get(said["kirby"].get_absolute_url()).content.decode()
    assert f'href="{STATEMENTS}?speaker=kirby"' in actor_page
    event_page = client.get(said["shipments"].get_absolute_url()).content.decode()
    assert f'href="{STATEMENTS}?event=covert-shell-shipments"' in event_page
