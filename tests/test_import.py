"""Importing TimelineJS timelines: the Google Sheets template as CSV and TimelineJS JSON become draft
events; our own TimelineJS export round-trips; bad rows are reported by line and nothing is stored."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from timeline.importing import ImportFailed, import_slides, read_timeline
from timeline.models import Anchoring, Citation, Event, Source, Thread

pytestmark = pytest.mark.django_db

HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
)
SHEET = HEADER + (
    ",,,,,,,,,North Korea and Russia,<p>A timeline</p>,,,,,title,,\n"
    "2022,9,,,,,,,early September 2022,Purchase reports,"
    '"<p>Russia is buying shells, <a href=""https://example.org/nyt"">the Times</a> reports.</p>",'
    "https://example.org/photo.jpg,Agency,Shells in a depot,,,Purchases,\n"
    "2022,11,18,,2022,11,19,,,Rail cars &amp; trains cross,<p>Satellite images.</p>,,,,,,Rail,\n"
    "2023,,,,,,,,,Wagner year,,,,,,,,\n"
    '2022,11,,,2022,12,,,,"Shipments, Nov – Dec",,,,,,,Rail,\n'
)


def sheet_events():
    return {event.title: event for event in Event.objects.select_related("thread")}


def test_a_sheet_becomes_draft_events_with_the_precision_of_its_filled_columns():
    imported = import_slides(read_timeline(SHEET, "sheet.csv"))
    assert len(imported.events) == 4  # the title slide is not an event
    events = sheet_events()
    assert {title: str(event.date) for title, event in events.items()} == {
        "Purchase reports": "early Sep 2022",  # the Display Date says more than Year and Month
        "Rail cars & trains cross": "18–19 Nov 2022",
        "Wagner year": "2023",
        "Shipments, Nov – Dec": "Nov – Dec 2022",
    }
    assert {event.date_precision for event in events.values()} == {"month", "day", "year"}
    assert all(event.status == Event.Status.DRAFT for event in events.values())
    assert events["Shipments, Nov – Dec"].thread == events["Rail cars & trains cross"].thread
    assert set(Thread.objects.values_list("name", flat=True)) == {"Purchases", "Rail"}
    purchase = events["Purchase reports"]
    assert purchase.summary == "Russia is buying shells, the Times reports."
    cited = {c.source.url: c for c in purchase.citations.select_related("source")}
    assert set(cited) == {"https://example.org/photo.jpg", "https://example.org/nyt"}
    assert cited["https://example.org/nyt"].excerpt == "the Times"
    assert cited["https://example.org/photo.jpg"].excerpt == "Shells in a depot"
    # Citations to check: the sheet names the article, not the passage.
    assert {c.anchor_status for c in cited.values()} == {Anchoring.LOST}


def test_a_sheet_round_trips_through_the_timelinejs_export(client):
    import_slides(read_timeline(SHEET, "sheet.csv"))
    Event.objects.update(status=Event.Status.PUBLISHED)
    exported = {e["text"]["headline"]: e for e in client.get(reverse("timelinejs")).json()["events"]}
    assert exported["Wagner year"]["start_date"] == {"year": 2023}
    assert exported["Rail cars &amp; trains cross"]["start_date"] == {"year": 2022, "month": 11, "day": 18}
    assert exported["Rail cars &amp; trains cross"]["end_date"] == {"year": 2022, "month": 11, "day": 19}
    assert exported["Rail cars &amp; trains cross"]["group"] == "Rail"
    assert exported["Shipments, Nov – Dec"]["end_date"] == {"year": 2022, "month": 12}
    assert exported["Purchase reports"]["display_date"] == "early Sep 2022"


def test_our_own_timelinejs_export_imported_into_an_empty_database_gives_back_the_same_events(client, seeded):
    exported = client.get(reverse("timelinejs")).content.decode()

    def described():
        return sorted(
            (e.slug, e.title, e.summary, e.date_start, e.date_end, e.date_precision, e.date_modifier,
             e.thread.name if e.thread else None)
            for e in Event.objects.select_related("thread")
        )  # fmt: skip

    before = described()
    assert len(before) == 33
    Event.objects.all().delete()
    Thread.objects.all().delete()

    imported = import_slides(read_timeline(exported, "timelinejs.json"))
    assert len(imported.events) == 33
    assert described() == before
    assert not Citation.objects.exists()  # the seed's sources have no URL: nothing to link


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("xx,,,,,,,,,Bad year,,,,,,,,", "sheet.csv line 3: the start date 'xx' is not a calendar date"),
        (
            "2022,13,1,,,,,,,Bad month,,,,,,,,",
            "sheet.csv line 3: the start date '2022-13-1' is not a calendar date",
        ),
        ("2022,,5,,,,,,,Day without month,,,,,,,,", "sheet.csv line 3: the start date has a Month missing"),
        ("2022,,,,,,,,,,,,,,,,,", "sheet.csv line 3: no headline"),
        (",,,,,,,,,No date,,,,,,,,", "sheet.csv line 3: no Year"),
        ("2023,,,,2022,,,,,Backwards,,,,,,,,", "sheet.csv line 3: the end (2022-01-01) is before the start"),
    ],
)
def test_bad_rows_are_reported_by_line_and_nothing_is_stored(row, problem):
    content = HEADER + "2022,1,1,,,,,,,Good row,,https://example.org/a,,,,,Thread,\n" + row + "\n"
    with pytest.raises(ImportFailed) as failed:
        read_timeline(content, "sheet.csv")
    assert len(failed.value.problems) == 1 and failed.value.problems[0].startswith(problem)
    assert not Event.objects.exists() and not Source.objects.exists() and not Thread.objects.exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Name,Date\nx,y\n", "t.csv: not a TimelineJS sheet (no Year, Headline column)"),
        ('{"events": 3}', "t.csv: not TimelineJS JSON (no list of events)"),
        ('{"events": [', "t.csv: not valid JSON"),
        (HEADER, "t.csv: no events in it"),
    ],
)
def test_a_file_that_is_not_a_timeline_is_named_in_one_line(content, problem):
    with pytest.raises(ImportFailed, match=re.escape(problem)):
        read_timeline(content, "t.csv")


def test_json_events_are_reported_by_position():
    content = json.dumps(
        {"events": [{"start_date": {"year": 2022}, "text": {"headline": "ok"}}, {"text": {"headline": "x"}}]}
    )
    with pytest.raises(ImportFailed, match=r"^t.json event 2: no Year$"):
        read_timeline(content, "t.json")


def test_the_command_imports_a_sheet_and_refuses_a_bad_one_whole(tmp_path):
    good = tmp_path / "sheet.csv"
    good.write_text(SHEET, encoding="utf-8")
    out = io.StringIO()
    call_command("import_timeline", str(good), stdout=out)
    assert out.getvalue().strip() == "imported 4 draft event(s), 2 thread(s), 2 source(s)"

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "2024,,,,,,,,,Fine,,,,,,,,\n2024,2,30,,,,,,,Leap,,,,,,,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="bad.csv: 1 bad row"):
        call_command("import_timeline", str(bad), stderr=err)
    assert err.getvalue().strip() == "bad.csv line 3: the start date '2024-2-30' is not a calendar date"
    assert not Event.objects.filter(title="Fine").exists()


# --- The admin's import page --------------------------------------------------------------------

IMPORT_PAGE = reverse("import_timeline")


def upload(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


def test_the_admin_previews_a_sheet_then_imports_it(admin_client):
    assert 'href="/admin/import-timeline/"' in admin_client.get(reverse("admin:index")).content.decode()
    preview = admin_client.post(IMPORT_PAGE, {"_preview": "1", "file": upload("sheet.csv", SHEET)})
    page = preview.content.decode()
    assert preview.status_code == 200 and "4 events to import as drafts" in page
    assert "early Sep 2022" in page and "Rail cars &amp; trains cross" in page
    assert not Event.objects.exists()  # a preview stores nothing

    confirm = {"_import": "1", "name": "sheet.csv", "content": preview.context["confirm"]["content"].value()}
    response = admin_client.post(IMPORT_PAGE, confirm)
    assert response.status_code == 302 and "status__exact=draft" in response["Location"]
    assert Event.objects.filter(status=Event.Status.DRAFT).count() == 4


def test_the_admin_lists_every_bad_row_and_imports_nothing(admin_client):
    bad = (
        HEADER
        + "20x2,,,,,,,,,One,,,,,,,,\n2022,,,,,,,,,<script>alert(1)</script>,,,,,,,,\n,,,,,,,,,Two,,,,,,,,\n"
    )
    response = admin_client.post(IMPORT_PAGE, {"_preview": "1", "file": upload("bad.csv", bad)})
    page = response.content.decode()
    assert "bad.csv line 2: the start date &#x27;20x2&#x27; is not a calendar date" in page
    assert "bad.csv line 4: no Year" in page
    assert "Nothing was imported" in page
    assert not Event.objects.exists()


def test_the_preview_escapes_what_the_sheet_says(admin_client):
    hostile = (
        HEADER
        + '2022,,,,,,,,,&lt;b&gt;x&lt;/b&gt;<img src=x onerror=alert(1)>,,"javascript:alert(2)",,,,,,\n'
    )
    page = admin_client.post(
        IMPORT_PAGE, {"_preview": "1", "file": upload("h.csv", hostile)}
    ).content.decode()
    assert "1 event to import" in page
    assert (
        "&lt;b&gt;x&lt;/b&gt;" in page
        and "<img" not in page
        and "javascript:" not in page.split("<textarea")[0]
    )


def test_the_import_page_needs_the_right_to_add_events(client, django_user_model):
    assert client.get(IMPORT_PAGE).status_code == 302  # to the login page
    staff = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(IMPORT_PAGE).status_code == 403


def test_a_link_to_a_stored_source_cites_it_without_reading_its_text():
    stored = Source.objects.create(
        url="https://example.org/nyt", title="The Times", text="Long article. " * 500
    )
    with CaptureQueriesContext(connection) as queries:
        import_slides(read_timeline(SHEET, "sheet.csv"))
    purchase = Event.objects.get(title="Purchase reports")
    assert purchase.citations.get(source__url="https://example.org/nyt").source == stored
    assert Source.objects.filter(url="https://example.org/nyt").count() == 1
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert not [sql for sql in reads if '"timeline_source"."text"' in sql]
