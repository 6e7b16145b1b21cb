"""The extractor on the five seed articles (../shared/seeds), against the hand-made tests/seed_gold.json.

Value F1: a mention counts when it overlaps a gold mention and has its value (and range end).
Outside CI the test skips when the seeds are not beside the project; in CI it fails.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from tests.seeds import seed_text
from timeline.ingest.evaluate import MentionScore, score_mentions
from timeline.ingest.mentions import find_date_mentions

GOLD = json.loads((Path(__file__).parent / "seed_gold.json").read_text(encoding="utf-8"))
ARTICLES = sorted(name for name in GOLD if not name.startswith("_"))


def _score(name: str) -> MentionScore:
    entry = GOLD[name]
    text = seed_text(name)
    mentions = find_date_mentions(text, date.fromisoformat(entry["published"]))
    return score_mentions(text, mentions, entry["mentions"])


@pytest.mark.parametrize("name", ARTICLES)
def test_each_seed_is_read_well(name):
    score = _score(name)
    assert score.f1 >= 0.9, (name, score)


def test_seed_value_f1():
    total = MentionScore()
    for name in ARTICLES:
        total.add(_score(name))
    print(f"seed value F1 {total.f1:.3f} (P {total.precision:.3f}, R {total.recall:.3f}, {total.gold} gold)")
    assert total.f1 >= 0.97
