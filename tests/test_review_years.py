"""What a curator reads in the review queue: no date mention placed in the wrong year. The seed articles
(../shared/seeds, against tests/seed_gold.json) and the own corpus's articles with narrative time
(tests/extraction_corpus/context, against their gold) go through the loader; each pending mention that
overlaps a gold date must lie within the years the gold value covers ("December" read as December 2023
where the text means December 1988 is in the wrong year; "last week" read as the week before the one
meant, in the same year, is not)."""

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.seeds import seed_path, seed_text
from timeline.dates import parse_iso, period_bounds
from timeline.ingest.evaluate import locate_gold, read_articles
from timeline.models import Review, Source

pytestmark = pytest.mark.django_db

SEED_GOLD = json.loads((Path(__file__).parent / "seed_gold.json").read_text(encoding="utf-8"))
NARRATIVE = [
    article
    for article in read_articles(Path(__file__).parent / "extraction_corpus" / "context")
    if any(item.get("class") == "narrative" for item in article["gold"])
]


def gold_years(item: dict) -> tuple[int, int]:
    """The first and last year a gold value (and range end) covers."""
    first = parse_iso(item["value"])[0]
    last = period_bounds(*parse_iso(item.get("until") or item["value"]))[1]
    return first.year, last.year


def gold_spans(raw: str, stored: str, gold: list[dict]) -> list[tuple[int, int, dict]]:
    """Each gold date, located in the text as written (``raw``), carried over to the text the loader
    stored: the cleaning drops lines (a scrape timestamp, a repeated caption), and a gold date it
    dropped is not in the text a curator reads."""
    blocks = SequenceMatcher(None, raw, stored, autojunk=False).get_matching_blocks()
    spans = []
    for (start, end), item in zip(locate_gold(raw, gold), gold, strict=True):
        for a, b, size in blocks:
            if a <= start and end <= a + size:
                spans.append((b + start - a, b + end - a, item))
                break
    return spans


def wrong_years(source: Source, raw: str, gold: list[dict]) -> list[str]:
    """The pending mentions of ``source`` lying outside the years of the gold date they overlap."""
    spans = gold_spans(raw, source.text, gold)
    assert len(spans) >= len(gold) // 2, f"{source}: the gold dates are not in its text"
    wrong = []
    for mention in source.mentions.filter(review=Review.PENDING, date_start__isnull=False):
        item = next((item for start, end, item in spans if mention.start < end and start < mention.end), None)
        if item is None:
            continue
        first, last = gold_years(item)
        if not (first <= mention.date_start.year and mention.date_end.year <= last):
            wrong.append(
                f"“{mention.text}” read as {mention.date_start}–{mention.date_end}, gold {item['value']}"
            )
    return wrong


def test_no_seed_mention_in_the_review_queue_is_in_the_wrong_year(seeded):
    call_command("load_articles", str(seed_path()), verbosity=0)
    checked, wrong = 0, {}
    for name, entry in SEED_GOLD.items():
        if name.startswith("_"):
            continue
        source = Source.objects.get(file_name=name)
        assert source.mentions.filter(review=Review.PENDING).exists(), name
        checked += 1
        if found := wrong_years(source, seed_text(name), entry["mentions"]):
            wrong[name] = found
    assert checked == 5
    assert not wrong, wrong


@pytest.mark.parametrize("article", NARRATIVE, ids=[article["path"].stem for article in NARRATIVE])
def test_no_mention_of_a_narrative_article_in_the_review_queue_is_in_the_wrong_year(article, tmp_path):
    line = {
        "title": article["path"].stem,
        "text": article["text"],
        "published": article["published"].isoformat(),
        "language": article["language"],
    }
    path = tmp_path / "article.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("load_articles", str(path), verbosity=0)
    source = Source.objects.get()
    assert source.published == article["published"]
    assert source.mentions.filter(review=Review.PENDING).count() >= len(article["gold"]) // 3
    assert wrong_years(source, article["text"], article["gold"]) == []
