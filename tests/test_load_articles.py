"""The load_articles command end to end: seeds, idempotency, the JSON contract and bad input."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.models import DateMention, Source, Statement

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ARTICLE = (
    "Rail traffic resumes\n\n"
    "Russian railcars crossed into North Korea on Nov. 18-Nov. 19, 2022, officials said on Wednesday.\n"
    '"We have never exported weapons," the ministry said, denying the reports.\n'
)


def load(*args, **options) -> str:
    out = io.StringIO()
    call_command("load_articles", *map(str, args), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def seeds() -> Path:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed articles missing at {SEEDS}")
        pytest.skip("seed articles not present")
    return SEEDS


def test_an_article_loads_with_mentions_and_statements_then_is_unchanged(tmp_path):
    path = tmp_path / "rail.txt"
    path.write_text(ARTICLE)
    load(path, published="2022-11-23")
    source = Source.objects.get()
    assert source.title == "Rail traffic resumes"
    rail = DateMention.objects.get(text__startswith="Nov. 18")
    assert (rail.date.value, rail.date.until) == ("2022-11-18", "2022-11-19")
    assert source.text[rail.start : rail.end] == rail.text
    wednesday = DateMention.objects.get(text="Wednesday")
    assert wednesday.date.value == "2022-11-23"  # the most recent Wednesday on or before publication
    statement = Statement.objects.get()
    assert statement.stance == "denial" and statement.review == "pending"
    assert "unchanged" in load(path, published="2022-11-23")
    assert Source.objects.count() == 1 and DateMention.objects.count() == 2


def test_without_a_publication_date_relative_dates_stay_unresolved(tmp_path):
    path = tmp_path / "rail.txt"
    path.write_text(ARTICLE)
    load(path)
    assert DateMention.objects.get(text="Wednesday").date is None


def test_dry_run_json_is_the_documented_contract_and_writes_nothing(tmp_path):
    path = tmp_path / "rail.txt"
    path.write_text(ARTICLE)
    [article] = json.loads(load(path, dry_run=True, format="json", published="2022-11-23"))
    assert {"path", "title", "published", "published_source", "duplicate_of", "text", "mentions"} <= set(
        article
    )
    for mention in article["mentions"]:
        assert article["text"][mention["start"] : mention["end"]] == mention["text"]
        assert {"value", "precision", "modifier", "until", "sentence"} <= set(mention)
    assert article["statements"][0]["stance"] == "denial"
    assert not Source.objects.exists()


def test_the_seeds_load_twice_without_new_rows_and_the_copy_is_recognised():
    call_command("loaddata", "seed_timeline", verbosity=0)
    load(seeds())
    counts = (Source.objects.count(), DateMention.objects.count(), Statement.objects.count())
    copy = Source.objects.get(title__startswith="Is North Korea aligning")
    assert copy.duplicate_of is not None and copy.text
    assert "unchanged" in load(seeds())
    assert (Source.objects.count(), DateMention.objects.count(), Statement.objects.count()) == counts


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not text"),
    ],
)
def test_bad_files_fail_with_a_one_line_reason_and_the_rest_still_load(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE)
    with pytest.raises(CommandError, match="failed"):
        load(tmp_path, published="2022-11-23")
    assert Source.objects.count() == 1


def test_a_malformed_json_line_is_reported_and_the_good_lines_load(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a1", "title": "Rail", "text": ARTICLE, "published": "2022-11-23"})
    path.write_text(good + "\n{not json\n")
    with pytest.raises(CommandError):
        load(path)
    assert Source.objects.count() == 1


def test_missing_path_and_invalid_published_are_refused_before_anything_loads(tmp_path):
    with pytest.raises(CommandError):
        load(tmp_path / "missing.txt")
    (tmp_path / "good.txt").write_text(ARTICLE)
    with pytest.raises(CommandError, match="not a date"):
        load(tmp_path / "good.txt", published="2022-13-45")
    assert not Source.objects.exists()
