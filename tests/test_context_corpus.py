"""The own corpus's articles for dates that depend on their context (tests/extraction_corpus/context),
and how the article evaluation scores them per class of gold date (timeline.ingest.evaluate)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from timeline.ingest.evaluate import (
    CLASSES,
    UNCLASSED,
    MentionScore,
    Prediction,
    article_floor_failures,
    main,
    read_articles,
    score_mentions,
    score_mentions_by_class,
)

CORPUS = Path(__file__).parent / "extraction_corpus"
ARTICLES = read_articles(CORPUS)


@pytest.mark.parametrize("name", list(CLASSES))
def test_each_class_is_exercised_by_the_corpus(name):
    """Every class of the table has its description and examples, and enough gold dates to be
    measured; the classes that depend on context are exercised in other languages too."""
    description, examples = CLASSES[name]
    assert description and examples
    per_language = Counter(
        article["language"] for article in ARTICLES for item in article["gold"] if item.get("class") == name
    )
    assert sum(per_language.values()) >= 20, per_language
    if name != "explicit":
        assert set(per_language) - {"en"}, f"{name}: no article in another language"


def test_context_articles_are_news_and_narrative():
    """News that switches to a background paragraph and back, a history article, a Wikipedia-style
    article and a pasted curator timeline: each has narrative dates."""
    narrative = {
        article["path"].stem
        for article in ARTICLES
        if any(item.get("class") == "narrative" for item in article["gold"])
    }
    assert {
        "en_shipyard_history",
        "en_diplomat_wiki",
        "en_curator_timeline",
        "en_missiles_background",
    } <= narrative


TEXT = "The yard opened in 1950. In June it launched a trawler. Work stopped in 2001, in spring."
GOLD = [
    {"text": "1950", "value": "1950", "class": "explicit"},
    {"text": "June", "value": "1950-06", "class": "narrative"},
    {"text": "2001", "value": "2001"},
]


def predicted(text: str, value: str | None) -> Prediction:
    start = TEXT.index(text)
    return Prediction(start, start + len(text), value)


def test_a_class_is_scored_on_its_own_dates_and_stray_predictions_count_for_the_whole():
    mentions = [predicted("1950", "1950"), predicted("June", "2023-06"), predicted("2001", "2001")]
    mentions.append(predicted("spring", "2023-SP"))  # no gold date there
    scores = score_mentions_by_class(TEXT, mentions, GOLD)
    assert scores["explicit"] == MentionScore(matched=1, predicted=1, gold=1, found=1, on_gold=1)
    narrative = scores["narrative"]
    assert (narrative.found, narrative.matched, narrative.relaxed_f1, narrative.value_accuracy) == (
        1,
        0,
        1,
        0,
    )
    assert scores[UNCLASSED].matched == 1
    assert scores[None] == MentionScore(predicted=1)
    total = score_mentions(TEXT, mentions, GOLD)
    assert (total.matched, total.predicted, total.gold, total.found, total.on_gold) == (2, 4, 3, 3, 3)
    assert total.value_accuracy == pytest.approx(2 / 3)


def test_a_date_found_twice_counts_once_for_its_class():
    """ "December of that year" read as two mentions: both are predictions of the anaphora class."""
    text = "He returned in 1988; in December of that year he was promoted."
    gold = [{"text": "1988", "value": "1988", "class": "explicit"}]
    gold.append({"text": "December of that year", "value": "1988-12", "class": "anaphora"})
    start = text.index("December")
    mentions = [
        Prediction(text.index("1988"), text.index("1988") + 4, "1988"),
        Prediction(start, start + 8, "1988-12"),
        Prediction(start + 12, start + 21, "1988"),
    ]
    anaphora = score_mentions_by_class(text, mentions, gold)["anaphora"]
    assert (anaphora.gold, anaphora.found, anaphora.matched, anaphora.predicted) == (1, 1, 1, 2)


def write_article(folder: Path, gold: list[dict], name: str = "a.json") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    article = {"published": "2023-09-12", "text": TEXT, "gold": gold}
    path.write_text(json.dumps(article), encoding="utf-8")
    return path


def test_the_tables_print_each_language_and_each_class(tmp_path, capsys):
    write_article(tmp_path / "articles", GOLD)
    assert main(["--articles", str(tmp_path / "articles"), "--no-baseline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["language", "system", "gold", "P", "R", "val.F1", "rel.F1", "val.acc"]
    assert lines[2].split()[:3] == ["en", "ours", "3"]
    rows = {line.split()[0]: line.split() for line in lines[3:] if line.strip() and not line.startswith("-")}
    assert [rows[name][2] for name in ("explicit", "narrative", UNCLASSED, "all")] == ["1", "1", "1", "3"]


def test_a_gold_date_of_an_unknown_class_is_one_line_naming_the_file(tmp_path, capsys):
    path = write_article(tmp_path / "articles", [{"text": "1950", "value": "1950", "class": "nonsense"}])
    assert main(["--articles", str(tmp_path / "articles"), "--no-baseline"]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and str(path) in error and "nonsense" in error


def test_a_class_below_its_floor_fails_and_names_the_class():
    low = {"ours": MentionScore(matched=5, predicted=10, gold=10, found=10, on_gold=10)}
    high = {"ours": MentionScore(matched=10, predicted=10, gold=10, found=10, on_gold=10)}
    floors = {"articles:en": 0.9, "articles:class:narrative": 0.9, "articles:class:tense": 0.9}
    failures = article_floor_failures({"en": high}, {"narrative": low, "tense": high}, floors)
    assert failures == ["narrative dates: value F1 0.500 is below the floor 0.900"]
