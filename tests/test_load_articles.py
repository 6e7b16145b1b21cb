"""``manage.py load_articles``: formats, bad input, idempotency, copies, transactions, the JSON contract."""

import gzip
import io
import json
import os
import random
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.seeds import seed_path
from timeline.dates import parse_period
from timeline.filters import events_with_independent_sources
from timeline.ingest import pipeline, published, similarity, store
from timeline.ingest.articles import split_title
from timeline.ingest.bench import dated_quoted_text
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.published import contradiction, determine_published, find_dateline
from timeline.ingest.statements import find_statements
from timeline.models import Actor, Citation, DateMention, Event, Outlet, Source, Statement, SuggestedCitation

ARTICLE = """Moscow denies buying shells from Pyongyang
SEOUL — Russia's foreign ministry on Friday rejected reports that it had bought artillery shells from North
Korea last month, calling them part of a Western smear campaign against the two neighbours.
"These reports are false," ministry spokesperson Anna Petrova said in a statement on its website.
The reports, first published in early September by American newspapers, cited declassified intelligence
saying that trains loaded with crates crossed the Tumen river bridge several times in late August.
Analysts in Seoul said the rail traffic resumed in 2022 after a pause of almost three years.
"""
# The same article reworded, as spinning sites do: same structure, some words swapped for synonyms.
SPUN = """Moscow rejects purchasing shells from Pyongyang
SEOUL — Russia's foreign ministry on Friday dismissed reports that it had purchased artillery shells from
North Korea last month, calling them part of a Western smear effort against the two neighbours.
"Those reports are untrue," ministry spokeswoman Anna Petrova said in a statement on its site.
The reports, first printed in early September by American papers, cited declassified intelligence
saying that trains loaded with boxes crossed the Tumen river bridge several times in late August.
Experts in Seoul said the rail traffic restarted in 2022 after a pause of nearly three years.
"""
OTHER = """Kim and Putin meet in Vladivostok
Kim Jong Un and Vladimir Putin held their first summit at a university campus on Russky Island on
Thursday, 25 April 2019, discussing sanctions relief and the stalled nuclear talks with Washington.
"""


@dataclass
class Run:
    out: str
    err: str
    error: str | None

    @property
    def json(self):
        return json.loads(self.out)


def run(*args, stdin=None) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("load_articles", *map(str, args), stdout=out, stderr=err, stdin=stdin)
    except CommandError as error:
        return Run(out.getvalue(), err.getvalue(), str(error))
    return Run(out.getvalue(), err.getvalue(), None)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def row_counts() -> dict[str, int]:
    models = (Source, DateMention, Statement, SuggestedCitation, Outlet)
    return {model.__name__: model.objects.count() for model in models}


def make_event(title: str, when: str, summary: str = "") -> Event:
    event = Event(title=title, summary=summary, status=Event.Status.PUBLISHED)
    event.date = parse_period(when)
    event.save()
    return event


# ---------------------------------------------------------------------------------------------------
# Loading


@pytest.mark.django_db
def test_loads_a_text_file(tmp_path):
    result = run(write(tmp_path / "moscow.txt", ARTICLE), "--published", "2022-09-24")
    assert result.error is None
    source = Source.objects.get()
    assert source.title == "Moscow denies buying shells from Pyongyang"
    assert source.text.startswith("SEOUL — Russia's foreign ministry")
    assert len(source.content_hash) == 64 and len(source.fingerprint) == 64
    assert (source.published, source.published_source) == (date(2022, 9, 24), "given")
    assert source.file_name == "moscow.txt"
    mentions = {m.text: m for m in source.mentions.all()}
    assert mentions["last month"].date_start == date(2022, 8, 1)
    assert mentions["early September"].date_precision == "month"
    assert all(m.review == "pending" for m in mentions.values())
    for mention in mentions.values():
        assert source.text[mention.start : mention.end] == mention.text
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
    statement = source.statements.get()
    assert (statement.quote, statement.speaker_name, statement.stance) == (
        "These reports are false",
        "Anna Petrova",
        "denial",
    )
    assert source.text[statement.start : statement.end] == statement.quote
    assert "loaded 1, updated 0, unchanged 0, duplicates 0, failed 0" in result.out
    assert f"mentions {len(mentions)}, statements 1" in result.out


@pytest.mark.django_db
def test_without_a_publication_date_relative_dates_stay_unresolved(tmp_path):
    run(write(tmp_path / "moscow.txt", ARTICLE))
    source = Source.objects.get()
    assert (source.published, source.published_source) == (None, "unknown")
    last_month = source.mentions.get(text="last month")
    assert (last_month.date_start, last_month.date_end, last_month.date_precision) == (None, None, "month")
    assert source.mentions.get(text="2022").date_start == date(2022, 1, 1)


@pytest.mark.django_db
def test_loading_again_changes_nothing(tmp_path):
    write(tmp_path / "a" / "moscow.txt", ARTICLE)
    write(tmp_path / "a" / "kim.txt", OTHER)
    run(tmp_path / "a", "--published", "2022-09-24")
    before = row_counts()
    again = run(tmp_path / "a", "--published", "2022-09-24")
    renamed = run(write(tmp_path / "renamed.txt", ARTICLE))
    assert row_counts() == before
    assert "loaded 0, updated 0, unchanged 2" in again.out
    assert "unchanged 1" in renamed.out


@pytest.mark.django_db
def test_same_url_with_edited_text_updates_the_source(tmp_path):
    first = {"url": "https://example.org/a", "title": "Moscow denies", "text": ARTICLE.split("\n", 1)[1]}
    second = dict(first, text=first["text"] + "The ministry repeated the denial on Monday.\n")
    run(write(tmp_path / "one.jsonl", json.dumps(first)))
    pk = Source.objects.get().pk
    result = run(write(tmp_path / "two.jsonl", json.dumps(second)))
    source = Source.objects.get()
    assert source.pk == pk
    assert source.text.endswith("repeated the denial on Monday.")
    assert "updated 1" in result.out
    assert source.mentions.filter(text="Monday").count() == 1
    assert Statement.objects.count() == 1


@pytest.mark.django_db
def test_a_reworded_copy_is_stored_as_a_duplicate(tmp_path):
    run(write(tmp_path / "a.txt", ARTICLE))
    result = run(write(tmp_path / "b.txt", SPUN))
    original, copy = Source.objects.order_by("pk")
    assert copy.duplicate_of == original
    assert "duplicates 1" in result.out
    # An unrelated article on a neighbouring subject is not a copy.
    run(write(tmp_path / "c.txt", OTHER))
    assert Source.objects.get(title__startswith="Kim and Putin").duplicate_of is None


@pytest.mark.django_db
def test_a_copy_of_a_copy_points_at_the_original(tmp_path):
    run(write(tmp_path / "a.txt", ARTICLE))
    run(write(tmp_path / "b.txt", SPUN))
    run(write(tmp_path / "c.txt", SPUN.replace("nearly three years", "almost three years")))
    original = Source.objects.order_by("pk").first()
    assert set(Source.objects.exclude(pk=original.pk).values_list("duplicate_of", flat=True)) == {original.pk}


@pytest.mark.django_db
def test_fills_in_a_curated_source_with_the_same_title_and_no_text(tmp_path):
    curated = Source.objects.create(
        title="moscow DENIES buying  shells from Pyongyang",
        published=date(2022, 9, 24),
        published_source="content",
    )
    result = run(write(tmp_path / "moscow.txt", ARTICLE))
    source = Source.objects.get()
    assert source.pk == curated.pk
    assert source.title == "moscow DENIES buying  shells from Pyongyang"
    assert source.text and source.content_hash and source.fingerprint
    assert (source.published, source.published_source) == (date(2022, 9, 24), "content")
    assert source.mentions.get(text="last month").date_start == date(2022, 8, 1)
    assert "updated 1" in result.out


@pytest.mark.django_db
def test_fills_in_a_curated_source_titled_by_the_raw_first_line(tmp_path):
    banner = "🎙️ Voice is AI-generated. Inconsistencies may occur."
    curated = Source.objects.create(title=banner)
    paragraph = " ".join(["The ministry said the reports about the deliveries were not true at all."] * 3)
    run(write(tmp_path / "x.txt", f"{banner}\n{paragraph}\n"))
    assert Source.objects.get().pk == curated.pk
    assert banner not in Source.objects.get().text


@pytest.mark.django_db
def test_directory_walk_is_recursive_and_skips_other_files(tmp_path):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "deeper" / "b.txt.gz", gzip.compress(OTHER.encode()))
    write(tmp_path / "in" / "README.md", "# not an article")
    write(tmp_path / "in" / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = run(tmp_path / "in")
    assert result.error is None
    assert Source.objects.count() == 2


@pytest.mark.django_db
def test_directory_walk_does_not_follow_links_out_of_the_tree(tmp_path):
    write(tmp_path / "outside" / "secret.txt", OTHER)
    write(tmp_path / "in" / "a.txt", ARTICLE)
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (tmp_path / "in" / "linked_dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    result = run(tmp_path / "in")
    assert list(Source.objects.values_list("title", flat=True)) == [
        "Moscow denies buying shells from Pyongyang"
    ]
    assert "SKIPPED" in result.err and "outside the directory" in result.err
    assert result.error is None


@pytest.mark.django_db
def test_reads_stdin():
    result = run("-", stdin=io.BytesIO(ARTICLE.encode("utf-16")))
    assert result.error is None
    source = Source.objects.get()
    assert source.title == "Moscow denies buying shells from Pyongyang"
    assert source.file_name == "-"


@pytest.mark.django_db
def test_html_page_gives_text_and_metadata(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:])
    page = (
        "<html><head><title>Moscow denies buying shells | Example News</title>"
        '<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2022-09-24T08:00:00Z"></head>'
        f"<body><nav>Home | World | Asia</nav><article><h1>Moscow denies buying shells</h1>{body}"
        "<p>Sign up for our newsletter</p></article><script>alert(1)</script>"
        "<footer>© 2022 Example News. All rights reserved.</footer></body></html>"
    )
    run(write(tmp_path / "page.html", page))
    source = Source.objects.select_related("outlet").get()
    assert source.title == "Moscow denies buying shells"
    assert (source.author, source.outlet.name) == ("Jane Roe", "Example News")
    assert (source.published, source.published_source) == (date(2022, 9, 24), "metadata")
    assert "newsletter" not in source.text and "alert(1)" not in source.text and "Home |" not in source.text
    assert source.mentions.get(text="last month").date_start == date(2022, 8, 1)


@pytest.mark.django_db
def test_jsonl_articles_with_ids_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "Moscow denies", "text": ARTICLE, "published": "2022-09-24"}),
        '{"id": "a2", "text": "unterminated',
        "",
        json.dumps({"id": 7, "text": OTHER, "outlet": "Example Wire", "language": "en"}),
        json.dumps({"id": "a4", "title": "No body"}),
    ]
    result = run(write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n"))
    assert result.error == "2 article(s) failed"
    assert "batch.jsonl: line 2: malformed JSON (" in result.err
    assert "line 5: no “text” or “html”" in result.err
    assert Source.objects.count() == 2
    assert Source.objects.get(title="Moscow denies").published == date(2022, 9, 24)
    assert Source.objects.get(outlet__name="Example Wire").file_name == "batch.jsonl:4"


@pytest.mark.django_db
def test_outlet_option_creates_and_reuses_the_outlet(tmp_path):
    run(write(tmp_path / "a.txt", ARTICLE), "--outlet", "Example News")
    run(write(tmp_path / "b.txt", OTHER), "--outlet", "example news")
    assert Outlet.objects.count() == 1
    assert Source.objects.filter(outlet__name="Example News").count() == 2


@pytest.mark.django_db
def test_title_and_url_options(tmp_path):
    run(write(tmp_path / "a.txt", ARTICLE), "--title", "Given title", "--url", "https://example.org/x")
    assert Source.objects.values_list("title", "url").get() == ("Given title", "https://example.org/x")


@pytest.mark.django_db
def test_title_and_url_options_need_a_single_article(tmp_path):
    write(tmp_path / "d" / "a.txt", ARTICLE)
    with pytest.raises(CommandError, match="one article"):
        call_command("load_articles", str(tmp_path / "d"), "--title", "x", stdout=io.StringIO())


# ---------------------------------------------------------------------------------------------------
# Statements and suggestions


@pytest.mark.django_db
def test_statements_are_matched_to_actors_and_dated(tmp_path):
    kirby = Actor.objects.create(name="John Kirby", slug="john-kirby", aliases="Kirby", kind="person")
    text = (
        "White House confirms delivery\n"
        'The White House spoke on Thursday, Dec. 22, 2022. "We can confirm that North Korea has completed an '
        'initial arms delivery," Kirby said on Dec. 22, 2022.\n'
        '"Last month it delivered rockets," he added.\n'
    )
    run(write(tmp_path / "k.txt", text))
    statements = list(Statement.objects.order_by("start"))
    assert [(s.speaker, s.stance, s.review) for s in statements] == [
        (kirby, "confirmation", "pending"),
        (kirby, "allegation", "pending"),
    ]
    assert statements[0].date_start == date(2022, 12, 22)
    assert statements[1].date_start is None


@pytest.mark.django_db
def test_a_found_statement_starts_its_history_as_the_loader_found_it(tmp_path):
    run(write(tmp_path / "moscow.txt", ARTICLE))
    statement = Statement.objects.get()
    (found,) = statement.history.all()
    assert (found.history_type, found.history_change_reason) == ("+", "found by the loader")
    assert (found.quote, found.review) == (statement.quote, "pending")
    statement.review = "accepted"
    statement.save()
    assert list(statement.history.order_by("history_date").values_list("review", flat=True)) == [
        "pending",
        "accepted",
    ]


@pytest.mark.django_db
def test_suggested_citations_rank_events_that_fit_date_and_words(tmp_path):
    rail = make_event(
        "Trains cross the Tumen river bridge",
        "Aug 2022",
        "Trains loaded with crates crossed the Tumen bridge.",
    )
    make_event("Unrelated summit in Hanoi", "Aug 2022", "Leaders met in Hanoi and talked about tourism.")
    make_event("Tumen bridge reopens to trains", "2019", "The Tumen river bridge reopened to trains.")
    run(write(tmp_path / "a.txt", ARTICLE), "--published", "2022-09-24")
    mention = DateMention.objects.get(text="late August")
    suggested = list(mention.suggestions.order_by("-score"))
    assert [s.event for s in suggested] == [rail]
    assert 0 < suggested[0].score <= 1


# ---------------------------------------------------------------------------------------------------
# Bad input: a one-line reason, nothing half-written, the rest still loads, exit status non-zero


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not text"),
        ("doc.html", b"%PDF-1.7\n" + bytes(range(256)) * 4, "not text"),
        ("nav.html", b"<html><body><nav>Home</nav><footer>(c) 2024</footer></body></html>", "no content"),
        ("only.txt", b"Just a title\nSubscribe\nLeave a Comment\n", "no content"),
        ("cut.txt.gz", gzip.compress(ARTICLE.encode())[:-12], "corrupt"),
        ("bomb.txt.gz", gzip.compress(bytes(20_000_000)), "gzip expands beyond"),
    ],
)
def test_bad_file_fails_alone(tmp_path, name, content, reason):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = write(tmp_path / name, content)
    result = run(bad, good)
    assert result.error == "1 article(s) failed"
    assert f"FAILED {bad}: {reason}" in result.err
    assert len([line for line in result.err.splitlines() if line.startswith("FAILED")]) == 1
    assert Source.objects.count() == 1
    assert "loaded 1" in result.out and "failed 1" in result.out


@pytest.mark.django_db
def test_a_bad_file_in_a_walked_directory_fails_alone(tmp_path):
    write(tmp_path / "in" / "good.txt", ARTICLE)
    write(tmp_path / "in" / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run(tmp_path / "in")
    assert result.error == "1 article(s) failed" and "image.html: not text" in result.err
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_relative_days_and_ranges_resolve_against_the_publication_date(tmp_path):
    text = "Rail traffic resumes\nRailcars crossed on Nov. 18-Nov. 19, 2022, officials said on Wednesday.\n"
    run(write(tmp_path / "rail.txt", text), "--published", "2022-11-23")
    rail = DateMention.objects.get(text__startswith="Nov. 18")
    assert (rail.date.value, rail.date.until) == ("2022-11-18", "2022-11-19")
    # The most recent Wednesday on or before publication: the day itself.
    assert DateMention.objects.get(text="Wednesday").date.value == "2022-11-23"


@pytest.mark.django_db
def test_missing_path(tmp_path):
    result = run(tmp_path / "nope.txt")
    assert result.error and "no such file" in result.err


@pytest.mark.django_db
def test_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.TIMELINE_MAX_ARTICLE_BYTES = 100
    result = run(write(tmp_path / "a.txt", ARTICLE))
    assert "too large" in result.err and "TIMELINE_MAX_ARTICLE_BYTES" in result.err
    assert Source.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = run(tmp_path / "pipe.txt")
    assert "not a regular file" in result.err


@pytest.mark.django_db
def test_invalid_published_stops_before_anything_is_loaded(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        call_command("load_articles", str(write(tmp_path / "a.txt", ARTICLE)), "--published", "2024-02-30")
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_a_first_line_too_long_for_a_title_stays_in_the_text(tmp_path):
    first_line = "word " * 120 + "and no full stop"
    result = run(write(tmp_path / "a.txt", first_line + "\nBody text of the article.\n"))
    assert result.error is None
    source = Source.objects.get()
    assert len(source.title) <= 150 and source.title.endswith("word…")
    assert source.text.startswith(first_line) and source.text.endswith("Body text of the article.")


@pytest.mark.django_db
def test_a_given_title_too_long_is_shortened_at_a_word_boundary(tmp_path):
    title = "Kim and Putin meet " * 40
    record = {"title": title, "text": ARTICLE}
    result = run(write(tmp_path / "a.jsonl", json.dumps(record) + "\n"), "--format", "json")
    (reported,) = result.json
    assert reported["status"] == "loaded"
    assert "title shortened to 500 characters" in reported["warnings"]
    stored = Source.objects.get().title
    assert len(stored) <= 500 and stored.endswith("…")
    # Cut between words: what is kept is a prefix of the title that ends before a space.
    assert title.startswith(stored[:-1]) and title[len(stored) - 1] == " "


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[1, 2, 3]", "an array"),
        ("null", "null"),
        ("42", "a number"),
        ('"text"', "a string"),
        ("true", "true or false"),
    ],
)
def test_a_json_line_that_is_not_an_object_fails_alone(tmp_path, line, kind):
    lines = [json.dumps({"title": "Moscow denies", "text": ARTICLE}), line, json.dumps({"text": OTHER})]
    batch = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    later = write(tmp_path / "later.txt", SPUN.replace("Moscow", "The Kremlin"))
    result = run(batch, later, "--format", "json")
    assert result.error == "1 article(s) failed"
    assert [(item.get("line"), item["status"]) for item in result.json] == [
        (1, "loaded"),
        (2, "failed"),
        (3, "loaded"),
        (None, "duplicate"),
    ]
    assert result.json[1]["error"] == f"not a JSON object (an article is an object; this line is {kind})"
    assert Source.objects.count() == 3


NO_TITLE_LINE = [
    # A JSON line with text and no title (or a blank one).
    ("a.jsonl", json.dumps({"text": "Trains crossed the Tumen bridge on 2 March 2023, officials said."})),
    ("b.jsonl", json.dumps({"title": "   ", "text": "Trains crossed the Tumen bridge on 2 March 2023."})),
    # A one-paragraph page without <title>.
    (
        "c.html",
        "<html><body><article><p>Trains loaded with crates crossed the Tumen river bridge on 2 March 2023, "
        "officials in Seoul said.</p></article></body></html>",
    ),
    # One paragraph ending in a closing quote, a question mark, an exclamation mark.
    ("d.txt", '"We have never exported weapons to Russia on 2 March 2023 or since," the ministry said."'),
    ("e.txt", "Did the trains cross the Tumen bridge on 2 March 2023, as officials in Seoul say?"),
    ("f.txt", "The trains crossed the Tumen bridge on 2 March 2023, and nobody stopped them!"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), NO_TITLE_LINE, ids=[name for name, _ in NO_TITLE_LINE])
def test_a_text_without_a_title_line_gets_a_title_from_its_first_sentence(tmp_path, name, content):
    result = run(write(tmp_path / name, content + "\n"), "--format", "json")
    (reported,) = result.json
    assert reported["status"] == "loaded", reported
    source = Source.objects.get()
    assert source.title and source.text.startswith(source.title.rstrip("…")[:40])
    assert "2 March 2023" in source.text
    assert source.mentions.filter(text="2 March 2023").exists()


def test_a_derived_title_is_the_first_sentence_cut_at_a_word_boundary():
    sentence = "Officials in Seoul said that trains " + "loaded with crates " * 12 + "crossed the bridge."
    title, body, derived = split_title(sentence + " They crossed again on Friday.")
    assert derived and body.startswith(sentence)
    assert len(title) <= 150 and title.endswith("…")
    assert sentence.startswith(title[:-1]) and sentence[len(title) - 1] == " "


@pytest.mark.django_db
def test_a_symlink_loop_in_a_directory_is_skipped_and_the_rest_loads(tmp_path):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "sub" / "b.txt", OTHER)
    (tmp_path / "in" / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "in" / "sub" / "ping.html").symlink_to("pong.html")
    (tmp_path / "in" / "sub" / "pong.html").symlink_to("ping.html")
    result = run(tmp_path / "in")
    assert result.error is None
    skipped = [line for line in result.err.splitlines() if line.startswith("SKIPPED")]
    assert skipped == [
        f"SKIPPED {tmp_path / 'in' / 'loop.txt'}: symlink loop: not followed",
        f"SKIPPED {tmp_path / 'in' / 'sub' / 'ping.html'}: symlink loop: not followed",
        f"SKIPPED {tmp_path / 'in' / 'sub' / 'pong.html'}: symlink loop: not followed",
    ]
    assert Source.objects.count() == 2
    assert "loaded 2, updated 0, unchanged 0, duplicates 0, failed 0, skipped 3" in result.out


@pytest.mark.django_db
def test_failure_mid_article_leaves_nothing_of_it(tmp_path, monkeypatch):
    store_statements = store.store_statements

    def failing(source, found, mentions, **options):
        if "Moscow" in source.title:
            raise RuntimeError("disk full")
        return store_statements(source, found, mentions, **options)

    monkeypatch.setattr(store, "store_statements", failing)
    result = run(write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", OTHER))
    assert "FAILED" in result.err and "RuntimeError: disk full" in result.err
    assert list(Source.objects.values_list("title", flat=True)) == ["Kim and Putin meet in Vladivostok"]
    assert not DateMention.objects.filter(source__title__startswith="Moscow").exists()
    monkeypatch.setattr(store, "store_statements", store_statements)
    assert "loaded 1" in run(tmp_path / "a.txt").out


# ---------------------------------------------------------------------------------------------------
# Which of two near-duplicates is the original


@pytest.mark.django_db
@pytest.mark.parametrize("dated_first", [True, False])
def test_the_article_with_a_known_date_is_the_original_in_either_order(tmp_path, dated_first):
    dated = (write(tmp_path / "dated.txt", ARTICLE), "--published", "2022-09-24")
    undated = (write(tmp_path / "undated.txt", SPUN),)
    first, second = (dated, undated) if dated_first else (undated, dated)
    run(*first)
    result = run(*second, "--format", "json")
    sources = {source.file_name: source for source in Source.objects.all()}
    assert sources["undated.txt"].duplicate_of == sources["dated.txt"]
    assert sources["dated.txt"].duplicate_of is None
    (reported,) = result.json
    if dated_first:
        assert reported["status"] == "duplicate" and reported["original_of"] is None
    else:
        assert reported["status"] == "loaded" and reported["duplicate_of"] is None
        assert reported["original_of"]["source"] == sources["undated.txt"].pk
        assert any("now recorded as a copy of this one" in warning for warning in reported["warnings"])


@pytest.mark.django_db
@pytest.mark.parametrize("earlier_first", [True, False])
def test_the_earlier_publication_date_is_the_original(tmp_path, earlier_first):
    earlier = (write(tmp_path / "earlier.txt", ARTICLE), "--published", "2022-09-24")
    later = (write(tmp_path / "later.txt", SPUN), "--published", "2022-09-30")
    first, second = (earlier, later) if earlier_first else (later, earlier)
    run(*first)
    result = run(*second)
    sources = {source.file_name: source for source in Source.objects.all()}
    assert sources["later.txt"].duplicate_of == sources["earlier.txt"]
    assert sources["earlier.txt"].duplicate_of is None
    assert ("original of source" in result.out) is not earlier_first


@pytest.mark.django_db
@pytest.mark.parametrize("published", [None, "2022-09-24"])
def test_without_a_difference_in_dates_the_article_seen_first_stays_the_original(tmp_path, published):
    dates = ["--published", published] if published else []
    run(write(tmp_path / "first.txt", SPUN), *dates)
    result = run(write(tmp_path / "second.txt", ARTICLE), *dates)
    first, second = Source.objects.order_by("pk")
    assert (first.duplicate_of, second.duplicate_of) == (None, first)
    assert "duplicates 1" in result.out and "original of" not in result.out


@pytest.mark.django_db
def test_a_new_original_takes_over_the_copies_and_leaves_the_rest_alone(tmp_path):
    run(write(tmp_path / "spun.txt", SPUN))
    run(write(tmp_path / "spun2.txt", SPUN.replace("nearly three years", "almost three years")))
    spun = Source.objects.get(file_name="spun.txt")
    before = {
        "text": spun.text,
        "mentions": list(spun.mentions.values_list("start", "end", "date_start")),
        "statements": list(spun.statements.values_list("quote", "review")),
    }
    run(write(tmp_path / "original.txt", ARTICLE), "--published", "2022-09-24")
    original = Source.objects.get(file_name="original.txt")
    spun.refresh_from_db()
    assert original.duplicate_of is None
    # No chains: every copy points straight at the original.
    assert set(Source.objects.exclude(pk=original.pk).values_list("duplicate_of", flat=True)) == {original.pk}
    assert before == {
        "text": spun.text,
        "mentions": list(spun.mentions.values_list("start", "end", "date_start")),
        "statements": list(spun.statements.values_list("quote", "review")),
    }
    assert spun.history.first().duplicate_of_id == original.pk


@pytest.mark.django_db
def test_a_copy_never_counts_as_an_independent_source(tmp_path):
    run(write(tmp_path / "spun.txt", SPUN))
    run(write(tmp_path / "original.txt", ARTICLE), "--published", "2022-09-24")
    event = make_event("Russia denies buying shells", "Sep 2022")
    for source in Source.objects.all():
        event.citations.create(source=source, excerpt=source.text[:40])
    event = Event.objects.get(pk=event.pk)
    assert event.independent_source_count == 1
    assert not Event.objects.filter(pk__in=events_with_independent_sources(at_least=2)).exists()


@pytest.mark.django_db
def test_becoming_the_original_is_part_of_the_new_article_s_transaction(tmp_path, monkeypatch):
    run(write(tmp_path / "spun.txt", SPUN))

    def failing(original, pk):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "make_copies_of", failing)
    result = run(write(tmp_path / "original.txt", ARTICLE), "--published", "2022-09-24")
    assert "RuntimeError: disk full" in result.err
    assert list(Source.objects.values_list("file_name", "duplicate_of")) == [("spun.txt", None)]


@pytest.mark.django_db
def test_dry_run_reports_an_earlier_article_of_the_run_as_the_copy(tmp_path):
    lines = [
        json.dumps({"id": "spun", "text": SPUN}),
        json.dumps({"id": "original", "text": ARTICLE, "published": "2022-09-24"}),
    ]
    result = run("--dry-run", "--format", "json", write(tmp_path / "batch.jsonl", "\n".join(lines)))
    spun, original = result.json
    assert (spun["status"], spun["duplicate_of"]["id"]) == ("duplicate", "original")
    assert (original["status"], original["original_of"]["id"]) == ("loaded", "spun")
    assert "loaded 1, updated 0, unchanged 0, duplicates 1" in result.err
    assert Source.objects.count() == 0


def as_a_dry_run_reports(results: list[dict]) -> list[dict]:
    """A real run's JSON report as a dry run gives it: the sources the run created (rolled back in a
    dry run) named by the article they came from, not by their pk."""
    created = {}
    for result in results:
        if result["status"] in ("loaded", "duplicate"):
            where = f"{result['path']}: line {result['line']}" if "line" in result else result["path"]
            created[result["source"]] = {"source": None, "path": where, "title": result["title"]}
            if "id" in result:
                created[result["source"]]["id"] = result["id"]
    for result in results:
        if result["source"] in created:
            result["source"] = None
        for name in ("duplicate_of", "original_of", "translation_of"):
            named = result[name]
            if named is not None and named["source"] in created:
                result[name] = dict(named, **created[named["source"]])
        result["warnings"] = [
            re.sub(r"source (\d+)", lambda m: created.get(int(m[1]), {}).get("path", m[0]), warning)
            for warning in result["warnings"]
        ]
    return results


@pytest.mark.django_db
def test_a_dry_run_reports_what_a_real_run_writes(tmp_path):
    edited = OTHER + "Both leaders promised to meet again next year.\n"
    batch = write(
        tmp_path / "batch.jsonl",
        "\n".join(
            json.dumps(record)
            for record in (
                {"id": "spun", "text": SPUN},
                {"id": "original", "text": ARTICLE, "published": "2022-09-24"},
                {"id": "summit", "text": OTHER, "url": "https://example.org/summit"},
                {"id": "summit-edited", "text": edited, "url": "https://example.org/summit"},
            )
        ),
    )
    dry = run("--dry-run", "--format", "json", batch)
    assert row_counts() == dict.fromkeys(row_counts(), 0)
    real = run("--format", "json", batch)
    assert [result["status"] for result in real.json] == ["duplicate", "loaded", "loaded", "updated"]
    assert dry.json == as_a_dry_run_reports(real.json)
    assert dry.err.removeprefix("dry run, nothing written: ") == real.err


# ---------------------------------------------------------------------------------------------------
# Machine-readable output


@pytest.mark.django_db
def test_dry_run_json_contract(tmp_path):
    batch = write(
        tmp_path / "batch.jsonl",
        json.dumps({"id": "x-1", "title": "Moscow denies", "text": ARTICLE.split("\n", 1)[1]}) + "\n",
    )
    result = run(
        "--dry-run",
        "--format",
        "json",
        batch,
        write(tmp_path / "spun.txt", SPUN),
        "--published",
        "2022-09-24",
    )
    assert result.error is None
    assert row_counts() == dict.fromkeys(row_counts(), 0)
    first, second = result.json
    assert {"path", "id", "title", "published", "published_source", "duplicate_of", "text"} <= first.keys()
    assert {"mentions", "statements", "warnings"} <= first.keys()
    assert (first["id"], first["line"], first["status"]) == ("x-1", 1, "loaded")
    assert (first["published"], first["published_source"]) == ("2022-09-24", "given")
    for article in (first, second):
        for mention in article["mentions"]:
            assert article["text"][mention["start"] : mention["end"]] == mention["text"]
            assert mention["sentence"] in article["text"]
            assert set(mention) == {
                "start",
                "end",
                "text",
                "value",
                "precision",
                "modifier",
                "until",
                "sentence",
            }
        for statement in article["statements"]:
            assert article["text"][statement["start"] : statement["end"]] == statement["quote"]
            assert {"start", "end", "quote", "speaker", "stance"} <= statement.keys()
    last_month = next(m for m in first["mentions"] if m["text"] == "last month")
    assert (last_month["value"], last_month["precision"], last_month["until"]) == ("2022-08", "month", None)
    assert second["status"] == "duplicate"
    assert second["duplicate_of"]["id"] == "x-1" and second["duplicate_of"]["title"] == "Moscow denies"
    assert "dry run, nothing written" in result.err


@pytest.mark.django_db
def test_json_output_names_a_stored_original_and_reports_failures(tmp_path):
    run(write(tmp_path / "a.txt", ARTICLE))
    original = Source.objects.get()
    result = run("--format", "json", write(tmp_path / "b.txt", SPUN), write(tmp_path / "e.txt", b""))
    copy, failed = result.json
    assert copy["duplicate_of"]["source"] == original.pk
    assert copy["source"] == Source.objects.get(duplicate_of=original).pk
    assert (failed["status"], failed["error"]) == ("failed", "empty")
    assert result.error == "1 article(s) failed"


@pytest.mark.django_db
def test_unresolved_mentions_have_null_values_in_json(tmp_path):
    result = run("--dry-run", "--format", "json", write(tmp_path / "a.txt", ARTICLE))
    (article,) = result.json
    assert article["published"] is None
    last_month = next(m for m in article["mentions"] if m["text"] == "last month")
    assert (last_month["value"], last_month["precision"]) == (None, "month")


@pytest.mark.django_db
def test_progress_bar_only_on_a_terminal(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    paths = [write(tmp_path / f"{n}.txt", f"Title {n}\nText number {n} about trains.\n") for n in range(3)]
    terminal = Terminal()
    call_command("load_articles", *map(str, paths), stdout=io.StringIO(), stderr=terminal)
    assert "/3 [" in terminal.getvalue()
    plain = io.StringIO()
    call_command("load_articles", *map(str, paths), stdout=io.StringIO(), stderr=plain)
    assert plain.getvalue() == ""


# ---------------------------------------------------------------------------------------------------
# Publication dates


def test_dateline_lines_are_found_at_the_top_or_bottom():
    assert find_dateline("Title\n2024-05-28 22:33:01\nBody.") == date(2024, 5, 28)
    assert find_dateline("Title\nBy Jane Roe | Updated June 14, 2023 10:20 am\nBody.") == date(2023, 6, 14)
    assert find_dateline("Title\nBody that mentions June 14, 2023 in passing.") is None


TIMESTAMPED = """North Korea said to plan more deliveries
2024-05-28 22:33:01
Reuters reported that the US confirmed a delivery to Wagner in November last year, made in November 2022.
Russia reported transfers from December 2022 to April this year; the transfer in December was the first.
"""


@pytest.mark.django_db
def test_a_timestamp_contradicting_the_content_is_not_used(tmp_path):
    result = run(write(tmp_path / "t.txt", TIMESTAMPED))
    source = Source.objects.get()
    assert (source.published, source.published_source) == (None, "unknown")
    assert "timestamp 2024-05-28 contradicts the content" in result.out
    assert "2024-05-28" in source.published_note
    assert "2024-05-28" not in source.text


@pytest.mark.django_db
def test_a_consistent_dateline_is_used(tmp_path):
    text = "Talks resume\nPublished: June 14, 2023\nThe envoys met last month, in May 2023, officials said.\n"
    run(write(tmp_path / "t.txt", text))
    source = Source.objects.get()
    assert (source.published, source.published_source) == (date(2023, 6, 14), "dateline")
    assert source.mentions.get(text="last month").date_start == date(2023, 5, 1)


def test_a_given_date_is_used_even_when_the_content_disagrees():
    body = TIMESTAMPED.split("\n", 2)[2]
    chosen = determine_published(body, given=date(2024, 5, 28))
    assert (chosen.date, chosen.source) == (date(2024, 5, 28), "given")
    assert "used as given" in chosen.warnings[0]
    assert contradiction(body, date(2023, 6, 14)) is None


def test_the_date_check_reads_a_bounded_part_of_a_long_text(monkeypatch):
    body = TIMESTAMPED.split("\n", 2)[2]
    long_text = body + "\n" + ("Nothing dated here. " * 50 + "\n") * 200
    assert len(long_text) > published.CHECKED_CHARS
    read: list[int] = []
    find = published.find_date_mentions
    monkeypatch.setattr(
        published, "find_date_mentions", lambda text, *a, **k: read.append(len(text)) or find(text, *a, **k)
    )
    published.anchored_mentions.cache_clear()
    # The evidence at the start still decides, and no pass reads the whole text.
    assert contradiction(long_text, date(2024, 5, 28)) is not None
    assert read and max(read) <= published.CHECKED_CHARS
    assert published.checked_part(long_text).endswith("\n") is False and long_text.startswith(
        published.checked_part(long_text)
    )


# ---------------------------------------------------------------------------------------------------
# The seed articles


@pytest.mark.django_db
def test_seeds_load_once_then_are_unchanged():
    seeds = seed_path()
    first = run(seeds)
    assert first.error is None
    assert "loaded 4, updated 0, unchanged 0, duplicates 1, failed 0" in first.out
    spun, original = (
        Source.objects.get(file_name__startswith="000_"),
        Source.objects.get(file_name__startswith="001_"),
    )
    assert original.duplicate_of == spun or spun.duplicate_of == original
    timestamped = Source.objects.get(file_name__startswith="003_")
    assert timestamped.published is None and "2024-05-28" in timestamped.published_note
    before = row_counts()
    second = run(seeds)
    assert "loaded 0, updated 0, unchanged 5, duplicates 0, failed 0" in second.out
    assert row_counts() == before


def _seed_dates() -> dict[str, str | None]:
    """The publication dates worked out for the seed articles, by file name (from the curated fixture)."""
    fixture = json.loads(
        (Path(__file__).resolve().parents[1] / "fixtures" / "seed_timeline.json").read_text()
    )
    return {
        item["fields"]["file_name"]: item["fields"]["published"]
        for item in fixture
        if item["model"] == "timeline.source"
    }


def _seeds_as_jsonl(path: Path, reverse: bool) -> Path:
    """The seed articles as one JSON Lines file, each with its publication date when one is known."""
    dates = _seed_dates()
    lines = []
    for seed in sorted(seed_path().glob("*.txt"), reverse=reverse):
        record = {"id": seed.name[:3], "text": seed.read_text(encoding="utf-8")}
        if dates[seed.name]:
            record["published"] = dates[seed.name]
        lines.append(json.dumps(record))
    return write(path, "\n".join(lines) + "\n")


def _spun_and_original() -> tuple[Source, Source]:
    return (
        Source.objects.get(title__startswith="Is North Korea aligning"),
        Source.objects.get(title__startswith="The U.S. is reportedly alleging"),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("reverse", [False, True], ids=["file order", "reversed"])
def test_seeds_with_their_dates_load_then_are_unchanged(tmp_path, reverse):
    # The curated events without their sources: what the loader's suggestions point at.
    call_command("loaddata", "seed_timeline", verbosity=0)
    Citation.objects.all().delete()
    Statement.objects.all().delete()
    Source.objects.all().delete()
    batch = _seeds_as_jsonl(tmp_path / "seeds.jsonl", reverse)
    first = run(batch)
    assert first.error is None
    assert "loaded 4, updated 0, unchanged 0, duplicates 1, failed 0" in first.out
    spun, original = _spun_and_original()
    assert (spun.duplicate_of, original.duplicate_of) == (original, None)
    assert original.published == date(2022, 11, 2)
    for source in Source.objects.all():
        assert source.mentions.filter(review="pending").exists(), source.title
        assert source.statements.filter(review="pending").exists(), source.title
    assert SuggestedCitation.objects.filter(mention__source=original).exists()
    assert not Source.objects.exclude(duplicate_of=None).exclude(pk=spun.pk).exists()
    before = row_counts()
    second = run(batch)
    assert "loaded 0, updated 0, unchanged 5, duplicates 0, failed 0" in second.out
    assert row_counts() == before


@pytest.mark.django_db
def test_seeds_loaded_one_by_one_with_their_dates(tmp_path):
    dates = _seed_dates()
    outputs = []
    for seed in sorted(seed_path().glob("*.txt")):
        outputs.append(run(seed, *(["--published", dates[seed.name]] if dates[seed.name] else [])).out)
    spun, original = _spun_and_original()
    assert spun.duplicate_of == original
    assert f"original of source {spun.pk}" in outputs[1]
    assert Source.objects.filter(duplicate_of__isnull=False).count() == 1


@pytest.mark.django_db
def test_seeds_fill_in_the_curated_fixture(seeded):
    seeds = seed_path()
    sources_before = Source.objects.count()
    result = run(seeds)
    assert "updated 5" in result.out and result.error is None
    assert Source.objects.count() == sources_before
    assert not Source.objects.filter(text="").exists()
    # The curated dates anchor the relative mentions; the spun copy borrows its original's.
    assert not DateMention.objects.filter(date_start__isnull=True).exists()
    assert SuggestedCitation.objects.exists()
    assert Statement.objects.filter(review="pending", speaker__isnull=False).exists()
    copy = Source.objects.get(title__startswith="Is North Korea aligning")
    assert copy.duplicate_of is not None and copy.text
    before = row_counts()
    assert "unchanged 5" in run(seeds).out
    assert row_counts() == before


# ---------------------------------------------------------------------------------------------------
# The similarity index at scale


def test_fingerprint_index_finds_a_copy_among_50000_sketches():
    index = similarity.FingerprintIndex()
    rng = random.Random(7)
    for key in range(50_000):
        index.add(key, tuple(rng.randrange(1 << 16) for _ in range(similarity.SKETCH_SIZE)))
    original = similarity.sketch(similarity.shingles(ARTICLE))
    index.add("original", original)
    copy = similarity.sketch(similarity.shingles(SPUN))
    assert index.candidates(copy)[0] == "original"
    assert similarity.decode_fingerprint(similarity.encode_fingerprint(copy)) == copy
    assert similarity.copy_similarity(similarity.shingles(ARTICLE), similarity.shingles(SPUN)) is not None
    assert similarity.copy_similarity(similarity.shingles(ARTICLE), similarity.shingles(OTHER)) is None


def test_the_sketch_is_the_minimum_of_each_hash_function_as_python_integers_give_it():
    # Stored fingerprints must keep matching: the 64-bit arithmetic gives exactly these values.
    rng = random.Random(11)
    prime = (1 << 61) - 1
    for size in (1, 2, 40, 3000):
        shingle_set = {rng.getrandbits(64) for _ in range(size)} | {0, prime - 1, prime, (1 << 64) - 1}
        values = [value % prime for value in shingle_set]
        expected = tuple(
            min((a * x + b) % prime for x in values) & 0xFFFF for a, b in similarity._HASH_PARAMETERS
        )
        assert similarity.sketch(shingle_set) == expected


@pytest.mark.django_db
def test_pathological_input_takes_bounded_time(tmp_path):
    # Generous bounds (each takes about a second here): they catch work that grows with the square of
    # the input, which took minutes before.
    dates = write(
        tmp_path / "dates.txt", "Dates\n" + "On 12 March 2023, and 2024-01-02, last Tuesday, " * 4000
    )
    quotes = write(tmp_path / "quotes.txt", "Quotes\n" + 'x" y “ z ” Kim said, "Nothing," ' * 8000)
    nested = write(tmp_path / "deep.html", "<html><body>" + "<div>" * 100_000 + "<p>Deep.</p></body></html>")
    for path in (dates, quotes, nested):
        started = time.perf_counter()
        run("--dry-run", path)
        assert time.perf_counter() - started < 30, path.name


# ---------------------------------------------------------------------------------------------------
# Long texts: work that grows with the text, not with its square; a transaction that only writes

DATED_QUOTE = """Moscow denies buying shells
Trains ran in 2019, in 2020 and in early 2021, analysts said.
"These reports are false," ministry spokesperson Anna Petrova said on 23 September 2022.
"""


class CountingList(list):
    """A list that counts how many of its items are read, however they are read."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):
        found = super().__getitem__(index)
        self.reads += len(found) if isinstance(index, slice) else 1
        return found


def _fake_mention(start: int, end: int, day: date | None, sentence: tuple[int, int]):
    from timeline.dates import FuzzyDate, Modifier, Precision
    from timeline.ingest.mentions import DateMention as FoundMention

    when = FuzzyDate.of(day, Precision.DAY, Modifier.NONE) if day else None
    return FoundMention(start, end, "x" * (end - start), when, Precision.DAY, *sentence)


def _fake_statement(start: int, end: int, sentence: tuple[int, int]):
    from timeline.ingest.statements import FoundStatement

    return FoundStatement(start, end, "q", "Kim", None, "assessment", *sentence)


def _first_resolved_in_sentence(statement, mentions):
    """What a statement is dated by, read straight from the definition: the first resolved mention
    lying wholly in its sentence, one outside the quote before one inside."""
    inside = [
        m
        for m in mentions
        if m.date and statement.sentence_start <= m.start and m.end <= statement.sentence_end
    ]
    outside = [m for m in inside if m.end <= statement.start or m.start >= statement.end]
    return (outside or inside or [None])[0]


def _random_text_layout(rng: random.Random, sentences: int):
    """Mentions and statements over sentences of 100 characters, as the extractors give them."""
    mentions, statements = [], []
    for index in range(sentences):
        sentence = (index * 100, index * 100 + 90)
        position = sentence[0]
        for _ in range(rng.randrange(4)):
            start = position + rng.randrange(0, 10)
            end = start + rng.randrange(1, 8)
            if end > sentence[1]:
                break
            day = date(2022, 1, 1 + rng.randrange(28)) if rng.random() < 0.7 else None
            mentions.append(_fake_mention(start, end, day, sentence))
            position = end
        if rng.random() < 0.6:
            start = sentence[0] + rng.randrange(0, 60)
            statements.append(_fake_statement(start, start + rng.randrange(1, 30), sentence))
    return mentions, statements


def test_statements_are_dated_by_the_first_resolved_mention_of_their_sentence():
    rng = random.Random(16)
    for _ in range(50):
        mentions, statements = _random_text_layout(rng, 30)
        expected = [_first_resolved_in_sentence(statement, mentions) for statement in statements]
        assert pipeline.statement_dates(statements, mentions) == expected


def test_dating_statements_reads_each_mention_a_bounded_number_of_times():
    mentions, statements = _random_text_layout(random.Random(3), 3000)
    counted = CountingList(mentions)
    pipeline.statement_dates(statements, counted)
    # Reading every mention for every statement would be millions of reads.
    assert counted.reads <= 5 * (len(mentions) + len(statements))


def _agreeing_by_definition(relative, explicit, years):
    from timeline.ingest.published import _shift_years

    agreeing = []
    for mention in relative:
        start, end = _shift_years(mention.date.start, years), _shift_years(mention.date.end, years)
        if start is None or end is None:
            continue
        if any(
            m.start != mention.start
            and m.date.overlaps(start, end)
            and m.date.end - m.date.start <= end - start
            for m in explicit
        ):
            agreeing.append(mention)
    return agreeing


def _random_month_and_day_mentions(rng: random.Random, count: int, offset: int):
    from timeline.dates import FuzzyDate, Modifier, Precision
    from timeline.ingest.mentions import DateMention as FoundMention

    found = []
    for index in range(count):
        day = date(2020 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28))
        precision = rng.choice([Precision.DAY, Precision.WEEK, Precision.MONTH])
        when = FuzzyDate.of(day, precision, Modifier.NONE)
        start = offset + 10 * index
        found.append(FoundMention(start, start + 5, "x", when, precision, start, start + 5))
    return found


def test_relative_dates_agree_with_explicit_ones_as_defined():
    from timeline.ingest.published import _agreeing

    rng = random.Random(5)
    for _ in range(20):
        relative = _random_month_and_day_mentions(rng, 40, 0)
        explicit = _random_month_and_day_mentions(rng, 40, 100_000)
        for years in (0, -2, -1, 1, 2):
            assert _agreeing(relative, explicit, years) == _agreeing_by_definition(relative, explicit, years)


def test_checking_a_publication_date_reads_each_mention_a_bounded_number_of_times():
    from timeline.ingest.published import _agreeing

    rng = random.Random(9)
    relative = CountingList(_random_month_and_day_mentions(rng, 2000, 0))
    explicit = CountingList(_random_month_and_day_mentions(rng, 2000, 100_000))
    _agreeing(relative, explicit, 1)
    assert relative.reads + explicit.reads <= 5 * (len(relative) + len(explicit))


@pytest.mark.parametrize("given", [date(9999, 12, 31), date(1, 1, 1)])
def test_a_publication_date_at_the_end_of_the_calendar_is_checked_without_overflow(given):
    text = (
        "The trains crossed in November last year, in November 2022, in December last year and December 2022."
    )
    chosen = determine_published(text, given=given)
    assert chosen.date == given


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["0001-01-01", "9999-12-31"])
def test_published_at_the_end_of_the_calendar_loads(tmp_path, given):
    text = (
        ARTICLE
        + "It said the same in November last year and on November 3, 2022, and in December last year.\n"
    )
    result = run(write(tmp_path / "a.txt", text), "--published", given)
    assert result.error is None, result.err
    assert Source.objects.get().published == date.fromisoformat(given)


# Outside a test transaction, so that the only atomic block is the loader's.
@pytest.mark.django_db(transaction=True)
def test_finding_dating_and_ranking_happen_before_the_write_transaction(tmp_path, monkeypatch):
    from django.db import connection

    from timeline.ingest import published

    make_event("Russia denies buying shells", "September 2022", "Russia's foreign ministry rejected reports")
    inside: list[str] = []

    def watched(name, function):
        def call(*args, **kwargs):
            if connection.in_atomic_block:
                inside.append(name)
            return function(*args, **kwargs)

        return call

    for module, name in (
        (pipeline, "statement_dates"),
        (pipeline, "find_statements"),
        (pipeline, "anchored_mentions"),
        (published, "find_date_mentions"),
        (pipeline, "shingles"),
        (store, "store_statements"),
        (pipeline, "suggest_citations"),
    ):
        monkeypatch.setattr(module, name, watched(name, getattr(module, name)))
    result = run(write(tmp_path / "a.txt", DATED_QUOTE), "--published", "2022-09-24")
    assert result.error is None
    assert Statement.objects.get().date_start == date(2022, 9, 23)
    # Only the writing (watched too, to show the watch works) happens inside it.
    assert inside == ["store_statements"]


# ---------------------------------------------------------------------------------------------------
# What the loader queues for curators


@pytest.mark.django_db
def test_mentions_stored_per_article_are_capped_with_a_warning(tmp_path, settings):
    settings.TIMELINE_MAX_MENTIONS_PER_ARTICLE = 3
    found = len(find_date_mentions(DATED_QUOTE.partition("\n")[2], date(2022, 9, 24)))
    result = run(write(tmp_path / "a.txt", DATED_QUOTE), "--published", "2022-09-24", "--format", "json")
    (reported,) = result.json
    assert found > 3 and len(reported["mentions"]) == 3
    assert (
        f"kept the first 3 of {found} date mentions (TIMELINE_MAX_MENTIONS_PER_ARTICLE)"
        in reported["warnings"]
    )
    source = Source.objects.get()
    assert list(source.mentions.order_by("start").values_list("text", flat=True)) == [
        mention["text"] for mention in reported["mentions"]
    ]
    # The statement is still dated by its sentence, whose mention is not among those kept.
    assert source.statements.get().date_start == date(2022, 9, 23)


def test_the_default_caps_are_set():
    from django.conf import settings

    assert settings.TIMELINE_MAX_MENTIONS_PER_ARTICLE == 2000
    assert settings.TIMELINE_MAX_STATEMENTS_PER_ARTICLE == 2000


@pytest.mark.parametrize("count", [0, 40, 400])
def test_the_first_mentions_of_a_long_text_are_those_of_the_whole_text(count):
    text = dated_quoted_text(600_000)
    whole = find_date_mentions(text, date(2023, 6, 1))
    found, read = pipeline.first_mentions(text, date(2023, 6, 1), "en", count)
    assert count < len(found) < len(whole) and read < len(text)
    assert text[read - 1] == "\n"
    assert list(found) == whole[: len(found)]


def test_the_first_mentions_reach_the_position_asked_for():
    text = dated_quoted_text(600_000)
    found, read = pipeline.first_mentions(text, date(2023, 6, 1), "en", 10, through=300_000)
    assert read >= 300_000 and found[-1].end > 290_000


def test_a_text_with_fewer_mentions_than_the_cap_is_read_whole():
    for path in sorted(seed_path().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found, read = pipeline.first_mentions(text, date(2023, 1, 20), "en", 2000)
        assert read == len(text) and list(found) == find_date_mentions(text, date(2023, 1, 20)), path


@pytest.mark.django_db
def test_a_long_text_dense_with_dates_is_read_for_dates_only_as_far_as_the_cap(tmp_path, settings):
    settings.TIMELINE_MAX_MENTIONS_PER_ARTICLE = 50
    settings.TIMELINE_MAX_STATEMENTS_PER_ARTICLE = 5
    text = dated_quoted_text(400_000)
    result = run(write(tmp_path / "a.txt", text), "--published", "2023-06-01", "--format", "json")
    (reported,) = result.json
    assert len(reported["mentions"]) == 50 and len(reported["statements"]) == 5
    [mentions_warning] = [w for w in reported["warnings"] if "TIMELINE_MAX_MENTIONS_PER_ARTICLE" in w]
    read = int(re.search(r"first ([\d,]+) of", mentions_warning.split(";")[1]).group(1).replace(",", ""))
    assert read < len(text) // 4
    assert (
        "kept the first 5 quoted statements; the text holds more (TIMELINE_MAX_STATEMENTS_PER_ARTICLE)"
        in reported["warnings"]
    )
    source = Source.objects.get()
    assert source.mentions.count() == 50 and source.statements.count() == 5
    # Each stored statement is dated as reading the whole text dates it.
    whole = find_date_mentions(source.text, date(2023, 6, 1))
    kept = list(source.statements.order_by("start"))
    expected = pipeline.statement_dates(find_statements(source.text, limit=5), whole)
    assert [s.date_start for s in kept] == [m.date.start if m else None for m in expected]


@pytest.mark.parametrize(
    ("found", "curated", "repeats"),
    [
        ("these reports are false", "these reports are false", True),
        ("b part", "a part. … b part", True),  # the curator joined two quotes
        ("a part. c part. b part", "a part. … b part", True),  # the curator abridged it
        ("a part. c part. b part", "a part. [...] b part", True),
        ("b part then a part", "a part. … b part", False),  # the parts out of order
        ("another quote", "these reports are false", False),
        ("these reports are false and more", "these reports are false", False),
    ],
)
def test_a_found_quote_repeats_a_curated_one(found, curated, repeats):
    assert store.repeats_quote(found, curated) is repeats


@pytest.mark.django_db
def test_a_quote_already_reviewed_for_the_source_is_not_queued_again(tmp_path):
    source = Source.objects.create(title="Moscow denies buying shells from Pyongyang")
    Statement.objects.create(
        source=source,
        quote="These reports are false",
        stance="denial",
        review="accepted",
        speaker_name="Petrova",
    )
    result = run(write(tmp_path / "moscow.txt", ARTICLE), "--published", "2022-09-24")
    assert "updated 1" in result.out
    assert "1 statement(s) a curator already reviewed not queued again" in result.out
    assert list(source.statements.values_list("review", flat=True)) == ["accepted"]


@pytest.mark.django_db
def test_seeds_over_the_curated_fixture_queue_no_accepted_quote_again(seeded):
    accepted = {
        (source, " ".join(quote.casefold().split()))
        for source, quote in Statement.objects.filter(review="accepted").values_list("source", "quote")
    }
    run(seed_path())
    pending = Statement.objects.filter(review="pending").values_list("source", "quote")
    assert pending.exists()
    for source, quote in pending:
        quote = " ".join(quote.casefold().split())
        assert not any(source == kept and quote in curated for kept, curated in accepted), quote


@pytest.mark.django_db
def test_one_statement_per_passage_of_a_source():
    from django.db import IntegrityError, transaction

    source = Source.objects.create(title="A source", text="He said: “No.”")
    Statement.objects.create(source=source, quote="No.", stance="denial", start=10, end=13)
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(source=source, quote="No.", stance="denial", start=10, end=13)
    # Statements without offsets are not constrained.
    for _ in range(2):
        Statement.objects.create(source=source, quote="Typed in", stance="denial")


@pytest.mark.django_db
def test_a_new_text_does_not_queue_a_passage_a_curator_holds(tmp_path):
    path = write(tmp_path / "moscow.txt", ARTICLE)
    run(path, "--url", "https://example.org/moscow", "--published", "2022-09-24")
    statement = Statement.objects.get()
    statement.review = "accepted"
    statement.quote = "These reports are false, the ministry said"  # a curator's rewording
    statement.save()
    write(path, ARTICLE + "The ministry repeated the denial on Monday.\n")
    result = run(path, "--url", "https://example.org/moscow", "--published", "2022-09-24")
    assert "updated 1" in result.out and result.error is None
    assert list(Statement.objects.values_list("review", "start")) == [("accepted", statement.start)]


@pytest.mark.django_db
def test_an_outlet_created_meanwhile_by_another_loader_is_used(tmp_path, monkeypatch):
    slug_for = store.unique_slug

    def another_loader_first(model, name, **kwargs):
        # The other loader commits the same new outlet between this one's look-up and its insert.
        slug = slug_for(model, name, **kwargs)
        if not Outlet.objects.filter(name=name).exists():
            Outlet.objects.create(name=name, slug=slug)
        return slug

    monkeypatch.setattr(store, "unique_slug", another_loader_first)
    result = run(write(tmp_path / "a.txt", ARTICLE), "--outlet", "Example Wire")
    assert result.error is None, result.err
    assert Outlet.objects.get().name == "Example Wire"
    assert Source.objects.get().outlet.name == "Example Wire"


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_one_statement_per_passage_and_every_reviewed_quote():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("timeline", "0010_pending_statements_deleted_with_source")]
    after = [("timeline", "0011_statement_unique_passage")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        source = old.get_model("timeline", "Source").objects.create(title="A source")
        statements = old.get_model("timeline", "Statement").objects
        rows = [
            ("pending", 0, 4),
            ("accepted", 0, 4),
            ("pending", 0, 4),
            ("dismissed", 0, 4),
            ("pending", 9, 12),
        ]
        for review, start, end in rows:
            statements.create(
                source=source, quote=f"{review} {start}", stance="denial", review=review, start=start, end=end
            )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        kept = Statement.objects.order_by("pk").values_list("review", "start", "end")
        assert list(kept) == [("accepted", 0, 4), ("dismissed", None, None), ("pending", 9, 12)]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_an_unforeseen_error_reading_an_input_fails_that_input_alone(tmp_path, monkeypatch):
    from timeline.ingest import articles

    from_record, from_bytes = articles._article_from_record, articles._article_from_bytes

    def breaks_on(marker, function):
        def read(data, *args, **kwargs):
            if marker in str(data):
                raise RuntimeError(f"reader broke on {marker}")
            return function(data, *args, **kwargs)

        return read

    monkeypatch.setattr(articles, "_article_from_record", breaks_on("BREAK", from_record))
    monkeypatch.setattr(articles, "_article_from_bytes", breaks_on("BREAK", from_bytes))
    lines = [json.dumps({"text": "BREAK\n" + ARTICLE}), json.dumps({"text": OTHER})]
    batch = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    broken = write(tmp_path / "b.txt", "BREAK\n" + SPUN)
    result = run(batch, broken, write(tmp_path / "c.txt", ARTICLE), "--format", "json")
    assert [(item.get("line"), item["status"]) for item in result.json] == [
        (1, "failed"),
        (2, "loaded"),
        (None, "failed"),
        (None, "loaded"),
    ]
    assert result.json[0]["error"] == "RuntimeError: reader broke on BREAK"
    assert Source.objects.count() == 2
