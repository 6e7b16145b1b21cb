"""Exports of the current filter: JSON, CSV, TimelineJS and the Atom feed."""

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import edtf
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
from timeline.exports import EVENT_FORMATS, STATEMENT_FORMATS
from timeline.models import Event, Stance, Statement

pytestmark = pytest.mark.django_db

EVENTS_JSON = reverse("events_json")
STATEMENTS_JSON = reverse("statements_json")
EVENTS_CSV = reverse("events_csv")
TIMELINEJS = reverse("timelinejs")
FEED = reverse("feed")
ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture
def story(db):
    rail = make_thread("Rail shipments", slug="rail")
    kirby = make_actor("John Kirby", slug="kirby", side="United States")
    kcna = make_actor("KCNA", slug="kcna", side="DPRK")
    times = make_outlet("The Times")
    original = make_source("Original report", outlet=times, url="https://example.org/original")
    copy = make_source("Syndicated copy", url="https://example.org/copy", duplicate_of=original)
    shipments = make_event(
        "Covert shell shipments", "2 Nov 2022", thread=rail, actors=[kirby], summary="Shells by rail."
    )
    make_citation(shipments, original, "Shells went by rail.")
    make_citation(shipments, copy, "Shells went by rail (copy).")
    make_statement(shipments, stance=Stance.ALLEGATION, speaker=kirby, quote="They are shipping shells.")
    make_statement(shipments, stance=Stance.DENIAL, speaker=kcna, quote="Never.", date="8 Nov 2022")
    make_event("Purchase reports", "early Sep 2022")
    make_event("Rail cars cross", "18-19 Nov 2022", thread=rail)
    make_event("Photo", "Jan 2023")
    make_event("Wagner year", "2023")
    make_event("Draft only", "1 Dec 2022", status=Event.Status.DRAFT)
    return {"shipments": shipments, "kirby": kirby, "rail": rail}


def published_rows():
    return list(Event.objects.published().for_timeline())


def test_events_json_round_trips(client, story):
    response = client.get(EVENTS_JSON)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    rows = published_rows()
    assert data["count"] == len(rows) == 5 and data["next"] is None and data["previous"] is None
    assert [item["slug"] for item in data["results"]] == [event.slug for event in rows]
    item = next(i for i in data["results"] if i["slug"] == story["shipments"].slug)
    event = story["shipments"]
    assert item["id"] == event.pk and item["title"] == event.title and item["summary"] == event.summary
    assert item["url"] == f"http://testserver{event.get_absolute_url()}"
    assert item["date"] == {
        "start": "2022-11-02",
        "end": "2022-11-02",
        "precision": "day",
        "modifier": "",
        "value": "2022-11-02",
        "until": None,
        "edtf": "2022-11-02",
        "display": "2 Nov 2022",
    }
    assert item["thread"] == {"slug": "rail", "name": "Rail shipments"}
    assert [a["slug"] for a in item["actors"]] == ["kirby"]
    assert item["source_count"] == 2 and item["independent_source_count"] == 1
    assert item["stances"] == ["allegation", "denial"]
    assert {s["quote"] for s in item["statements"]} == {"They are shipping shells.", "Never."}
    copy = next(c for c in item["citations"] if c["source"]["title"] == "Syndicated copy")
    assert copy["source"]["duplicate_of"]["title"] == "Original report"
    assert copy["source"]["duplicate_of"]["outlet"] == "The Times"
    original = next(c for c in item["citations"] if c["source"]["title"] == "Original report")
    assert original["source"]["outlet"] == "The Times" and original["source"]["duplicate_of"] is None
    assert original["source"]["url"] == "https://example.org/original"
    ranged = next(i for i in data["results"] if i["title"] == "Rail cars cross")
    assert ranged["date"]["until"] == "2022-11-19" and ranged["date"]["display"] == "18–19 Nov 2022"


def test_events_json_respects_filters_and_paginates(client, story):
    data = client.get(EVENTS_JSON, {"thread": "rail"}).json()
    assert [i["title"] for i in data["results"]] == ["Covert shell shipments", "Rail cars cross"]
    first = client.get(EVENTS_JSON, {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2
    assert parse_qs(urlsplit(second["previous"]).query) == {"page": ["1"], "page_size": ["2"]}
    third = client.get(second["next"]).json()
    assert third["next"] is None
    slugs = [i["slug"] for page in (first, second, third) for i in page["results"]]
    assert slugs == [event.slug for event in published_rows()]
    assert client.get(EVENTS_JSON, {"page": 99}).json()["results"] == []


def test_statements_json_round_trips_and_filters(client, story):
    data = client.get(STATEMENTS_JSON).json()
    rows = list(Statement.objects.public())
    assert data["count"] == len(rows) == 2
    by_id = {item["id"]: item for item in data["results"]}
    for statement in rows:
        item = by_id[statement.pk]
        assert item["quote"] == statement.quote and item["stance"] == statement.stance
        assert item["speaker"]["slug"] == statement.speaker.slug
        assert item["event"]["slug"] == statement.event.slug
        assert item["source"]["title"] == statement.source.title
    denial = client.get(STATEMENTS_JSON, {"stance": "denial"}).json()["results"]
    assert [i["quote"] for i in denial] == ["Never."]
    assert denial[0]["date"]["value"] == "2022-11-08"
    assert client.get(STATEMENTS_JSON, {"speaker": "kirby"}).json()["count"] == 1
    assert client.get(STATEMENTS_JSON, {"side": "DPRK"}).json()["count"] == 1


def test_events_csv_round_trips(client, story):
    response = client.get(EVENTS_CSV, {"thread": "rail"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    expected = list(Event.objects.published().filter(thread=story["rail"]).for_timeline())
    assert [row["slug"] for row in rows] == [event.slug for event in expected]
    row, event = rows[0], expected[0]
    assert row["id"] == str(event.pk) and row["title"] == event.title and row["summary"] == event.summary
    assert row["date"] == "2 Nov 2022" and row["date_start"] == "2022-11-02"
    assert row["date_precision"] == "day" and row["thread"] == "Rail shipments"
    assert row["actors"] == "John Kirby" and row["stances"] == "allegation; denial"
    assert row["source_count"] == "2" and row["independent_source_count"] == "1"
    assert set(row["source_urls"].split()) == {"https://example.org/original", "https://example.org/copy"}


def test_csv_cells_cannot_start_a_formula(client):
    make_event('=HYPERLINK("http://evil")', summary="+1+1")
    make_event("@SUM(A1)", summary="-2")
    rows = list(csv.DictReader(io.StringIO(client.get(EVENTS_CSV).content.decode())))
    assert {row["title"] for row in rows} == {'\'=HYPERLINK("http://evil")', "'@SUM(A1)"}
    assert {row["summary"] for row in rows} == {"'+1+1", "'-2"}


def test_timelinejs_has_the_keys_and_date_parts(client, story):
    data = client.get(TIMELINEJS).json()
    assert set(data["title"]["text"]) == {"headline", "text"}
    by_id = {item["unique_id"]: item for item in data["events"]}
    assert len(by_id) == 5
    events = {event.title: event for event in Event.objects.published()}
    day = by_id[events["Covert shell shipments"].slug]
    assert day["start_date"] == {"year": 2022, "month": 11, "day": 2} and "end_date" not in day
    assert day["group"] == "Rail shipments" and day["display_date"] == "2 Nov 2022"
    assert set(day["text"]) == {"headline", "text"} and day["text"]["headline"] == "Covert shell shipments"
    ranged = by_id[events["Rail cars cross"].slug]
    assert ranged["start_date"] == {"year": 2022, "month": 11, "day": 18}
    assert ranged["end_date"] == {"year": 2022, "month": 11, "day": 19}
    early = by_id[events["Purchase reports"].slug]
    assert early["start_date"] == {"year": 2022, "month": 9} and early["display_date"] == "early Sep 2022"
    month = by_id[events["Photo"].slug]
    assert month["start_date"] == {"year": 2023, "month": 1} and "end_date" not in month
    year = by_id[events["Wagner year"].slug]
    assert year["start_date"] == {"year": 2023} and "group" not in year
    assert list(by_id) == [e.slug for e in published_rows()]
    rail = client.get(TIMELINEJS, {"thread": "rail"}).json()
    assert len(rail["events"]) == 2


def test_feed_round_trips_newest_first_and_respects_filters(client, story):
    response = client.get(FEED)
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    expected = list(Event.objects.published().order_by("-published_at", "-pk"))
    assert len(entries) == len(expected)
    for entry, event in zip(entries, expected, strict=True):
        assert entry.find(f"{ATOM}title").text == f"{event.date}: {event.title}"
        assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{event.get_absolute_url()}"
        summary = entry.find(f"{ATOM}summary")
        assert html.unescape(summary.text or "") == event.summary
    rail = ET.fromstring(client.get(FEED, {"thread": "rail"}).content)
    assert len(rail.findall(f"{ATOM}entry")) == 2


BAD_INPUTS = [
    {"date_from": "2024-99-99"},
    {"date_from": "2023-01-01", "date_to": "2022-01-01"},
    {"thread": "no-such-thread"},
    {"actor": "nobody"},
    {"stance": "shrug"},
    {"outlet": "nowhere"},
    {"min_sources": "many"},
    {"min_sources": "0"},
    {"single_source": "maybe"},
    {"disputed": "yes"},
    {"q": "x" * 500},
]
PAGE_INPUTS = [{"page": "0"}, {"page": "two"}, {"page_size": "0"}, {"page_size": "501"}, {"page_size": "x"}]


def export_id(export) -> str:
    return export.name


# Every format in the tables, with the list page that links to it and a filter of that page.
LISTED_FORMATS = [
    *((export, reverse("timeline"), {"thread": "rail"}) for export in EVENT_FORMATS),
    *((export, reverse("statements"), {"speaker": "kirby"}) for export in STATEMENT_FORMATS),
]


@pytest.mark.parametrize(("export", "page", "params"), LISTED_FORMATS, ids=lambda v: getattr(v, "name", ""))
def test_every_format_is_linked_with_the_current_filter_and_answers_its_media_type(
    client, story, export, page, params
):
    html = client.get(page, {**params, "page": "1"}).content.decode()
    url = f"{reverse(export.name)}?{urlencode(params)}"
    assert f'<a href="{url}" type="{export.media_type}">{export.label}</a>' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == export.media_type
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("export", EVENT_FORMATS, ids=export_id)
@pytest.mark.parametrize("params", BAD_INPUTS)
def test_bad_event_filters_answer_400_with_json_errors(client, story, export, params):
    response = client.get(reverse(export.name), params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) <= {*params, "__all__"} and errors


@pytest.mark.parametrize("url", [EVENTS_JSON, STATEMENTS_JSON])
@pytest.mark.parametrize("params", PAGE_INPUTS)
def test_bad_pages_answer_400(client, story, url, params):
    response = client.get(url, params)
    assert response.status_code == 400 and set(response.json()["errors"]) == set(params)


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": "nobody"},
        {"side": "Atlantis"},
        {"stance": "shrug"},
        {"date_from": "yesterday"},
        {"date_from": "2023-01-01", "date_to": "2022-01-01"},
        {"q": "x" * 500},
    ],
)
def test_bad_statement_filters_answer_400(client, story, params):
    response = client.get(STATEMENTS_JSON, params)
    assert response.status_code == 400 and response.json()["errors"]


def test_hostile_article_is_inert_in_every_export(client):
    source = make_source(HOSTILE, url="javascript:alert(3)", text=HOSTILE)
    thread = make_thread(HOSTILE)
    event = make_event(HOSTILE, summary=HOSTILE, thread=thread)
    make_citation(event, source, HOSTILE)
    make_statement(event, source=source, quote=HOSTILE, speaker_name=HOSTILE)

    for url in (EVENTS_JSON, STATEMENTS_JSON, TIMELINEJS):
        response = client.get(url)
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
    data = client.get(EVENTS_JSON).json()["results"][0]
    assert data["title"] == HOSTILE and data["summary"] == HOSTILE  # data, exactly as stored

    tljs = client.get(TIMELINEJS).json()["events"][0]
    for text in (tljs["text"]["headline"], tljs["text"]["text"], tljs["group"], tljs["display_date"]):
        assert "<script" not in text and "<img" not in text and "javascript:" not in text
    assert html.escape(HOSTILE) in tljs["text"]["text"]

    feed = client.get(FEED)
    entry = ET.fromstring(feed.content).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary").text
    assert "<script" not in summary and html.unescape(summary) == HOSTILE  # shown as text by readers

    rows = list(csv.reader(io.StringIO(client.get(EVENTS_CSV).content.decode())))
    assert rows[1][3] == HOSTILE  # a CSV cell is text, and it does not start a formula

    for url in (reverse("timeline"), reverse("statements"), event.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert 'href="javascript:' not in page


def test_json_export_query_count_does_not_grow(client, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            event = make_event(actors=[make_actor()], thread=make_thread())
            make_citation(event, make_source(outlet=make_outlet(), duplicate_of=make_source()))
            original = make_source(outlet=make_outlet())
            make_statement(event, speaker=make_actor(), source=make_source(duplicate_of=original))

    add(2)
    with django_assert_max_num_queries(10) as few:
        client.get(EVENTS_JSON)
        client.get(STATEMENTS_JSON)
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(EVENTS_JSON).json()["count"] == 22
        assert client.get(STATEMENTS_JSON).json()["count"] == 22


def test_timeline_links_to_each_export_with_the_current_filter(client, story):
    markup = client.get(reverse("timeline"), {"thread": "rail", "q": "", "page": "1"}).content.decode()
    for url in (EVENTS_JSON, EVENTS_CSV, TIMELINEJS, FEED):
        assert f'href="{url}?thread=rail"' in markup


@pytest.mark.parametrize("url", [EVENTS_JSON, EVENTS_CSV, TIMELINEJS, FEED])
def test_every_export_takes_the_disputed_filter(client, story, url):
    markup = client.get(url, {"disputed": "1"}).content.decode()
    assert "Covert shell shipments" in markup  # alleged and denied
    assert "Rail cars cross" not in markup and "Purchase reports" not in markup


# --- EDTF ---------------------------------------------------------------------------------------


def api_dates(client, url):
    """Every date object of every row of a paginated JSON export (rows and their statements)."""
    dates = []
    for row in client.get(url, {"page_size": 500}).json()["results"]:
        dates.append(row["date"])
        dates.extend(statement["date"] for statement in row.get("statements", []))
    return [value for value in dates if value is not None]


@pytest.mark.parametrize("url", [EVENTS_JSON, STATEMENTS_JSON])
def test_every_exported_date_of_the_seed_timeline_is_valid_edtf_covering_its_days(client, seeded, url):
    dates = api_dates(client, url)
    assert len(dates) >= 10  # the seed's 33 events; its dated accepted statements
    for value in dates:
        parsed = edtf.parse_edtf(value["edtf"])
        assert date(*parsed.lower_strict()[:3]).isoformat() == value["start"], value
        assert date(*parsed.upper_strict()[:3]).isoformat() == value["end"], value


def test_every_timelinejs_slide_carries_the_edtf_of_its_event(client, seeded):
    events = {row["slug"]: row["date"] for row in api_dates_rows(client)}
    slides = client.get(TIMELINEJS).json()["events"]
    assert len(slides) == len(events) >= 10
    for slide in slides:
        parsed = edtf.parse_edtf(slide["edtf"])
        assert slide["edtf"] == events[slide["unique_id"]]["edtf"]
        assert date(*parsed.lower_strict()[:3]).isoformat() == events[slide["unique_id"]]["start"]


def api_dates_rows(client):
    return client.get(EVENTS_JSON, {"page_size": 500}).json()["results"]


def test_edtf_in_the_json_for_uncertain_dates(client, story):
    by_title = {row["title"]: row["date"] for row in client.get(EVENTS_JSON).json()["results"]}
    assert by_title["Purchase reports"]["edtf"] == "2022-09-01/2022-09-10"
    assert by_title["Rail cars cross"]["edtf"] == "2022-11-18/2022-11-19"
    assert by_title["Photo"]["edtf"] == "2023-01"
    assert by_title["Wagner year"]["edtf"] == "2023"


@pytest.mark.parametrize(
    "event_status, has_speaker, links_to",
    [
        (Event.Status.PUBLISHED, True, "event"),
        (Event.Status.PUBLISHED, False, "event"),
        (Event.Status.DRAFT, True, "speaker"),
        (None, True, "speaker"),
        (Event.Status.DRAFT, False, None),
        (None, False, None),
    ],
)
def test_a_statement_links_to_its_published_event_else_its_speaker(
    client, event_status, has_speaker, links_to
):
    event = make_event(status=event_status) if event_status else None
    speaker = make_actor() if has_speaker else None
    statement = make_statement(event, speaker=speaker)
    expected = {"event": event, "speaker": speaker, None: None}[links_to]
    assert statement.get_link_url() == (expected.get_absolute_url() if expected else None)
    assert statement.published_event == (event if links_to == "event" else None)
    if event_status != Event.Status.DRAFT:  # listed: the annotation's body is the same link
        (listed,) = client.get(STATEMENTS_JSON).json()["results"]
        body = listed["annotation"].get("body")
        assert body == (
            {"type": "SpecificResource", "source": f"http://testserver{expected.get_absolute_url()}"}
            if expected
            else None
        )
