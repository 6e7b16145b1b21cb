"""Recognise a translation of a stored article, from evidence that reads the same in every language.

A translation shares no pairs of words with its original, so the copy sketch of ``similarity`` cannot
see it. What it does share is what it reports: the dates (as the date extractor normalises them),
the numbers (with their scale words: "1 million", "100만", "1 млн" are one number), the names written
in Latin script ("KCNA", "NK News", "Kirby" in an English text, and the same acronyms left in Latin
letters in a Korean one) and the outlet. These are an article's ``Facts``.

Two articles in different languages are a translation pair when, published within
``MAX_DAYS_APART`` of each other (when both dates are known), they report the same numbers and dates
both ways — shared over all that either reports at least ``REPORTED_AGREEMENT`` (dates count when the
extractor finds dates in both languages) — and the Latin-script names of the one with fewer are at
least half found in the other (``NAME_COVERAGE``: a Korean text's "NSC" and "KCNA" are in its English
translation, while the English one names far more in Latin letters), with at least
``MIN_SHARED_FACTS`` facts shared in all (the outlet counting for two). Articles on the same story and
the same days, even a report of the same briefing, share some of the numbers, dates and names, not
nearly all of them: those are the near misses ``python -m timeline.ingest.translation --eval DIR``
measures (see ``evaluate``).
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.dates import MONTH_NAMES

REPORTED_AGREEMENT = 0.7
NAME_COVERAGE = 0.5
MIN_SHARED_FACTS = 5
MAX_DAYS_APART = 7
# An outlet shared by both articles counts as this many shared facts.
_OUTLET_WEIGHT = 2


@dataclass(frozen=True)
class ScaleWord:
    """A word after a number that multiplies it, in the languages named, with an example and the
    number the example reads as."""

    languages: str
    pattern: str
    multiplier: int
    example: str
    reads_as: str


# Matched right after the number (a space allowed), case-insensitively.
SCALE_WORDS: list[ScaleWord] = [
    ScaleWord("en", r"thousand\b", 10**3, "50 thousand troops", "50000"),
    ScaleWord("en", r"million\b|mln\b", 10**6, "1.5 million shells", "1500000"),
    ScaleWord("en", r"billion\b|bn\b", 10**9, "$2bn in aid", "2000000000"),
    ScaleWord("ru uk", r"тыс\w*|тис\w*", 10**3, "20 тыс. снарядов", "20000"),
    ScaleWord("ru uk", r"млн\w*|мільйон\w*|миллион\w*", 10**6, "1 млн снарядів", "1000000"),
    ScaleWord("ru uk", r"млрд\w*|мільярд\w*|миллиард\w*", 10**9, "3 мільярди доларів", "3000000000"),
    ScaleWord("ko", r"천(?!\w*원)", 10**3, "병력 5천 명", "5000"),
    ScaleWord("ko ja zh", r"만|万", 10**4, "포탄 100만 발", "1000000"),
    ScaleWord("ko ja zh", r"억|億", 10**8, "3억 달러", "300000000"),
]
_SCALE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<s{index}>{word.pattern})" for index, word in enumerate(SCALE_WORDS)) + ")",
    re.IGNORECASE,
)
# A number: digit groups separated by a thousands separator, or a decimal.
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|(?<![\d.,])\d+(?:[.,]\d+)?")
_MIN_NUMBER = 10
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’-]*[A-Za-z](?![A-Za-z])")
# Capitalised function words open sentences, they do not name anything.
_NOT_NAMES = frozenset(
    [name.casefold() for name in (*MONTH_NAMES, *calendar.day_name)]
    + """the a an in on at of and but or for to by as it its he she they we i this that these those there
    his her their our after before when while if however meanwhile still yet so according also last next
    mr mrs ms dr der die das ein eine und le la les un une des et el los las del il lo""".split()
)
_DAY_AND_MONTH = frozenset(("day", "month"))
_EVAL_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Facts:
    """What an article reports that does not depend on the language it is written in."""

    language: str
    dates: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    outlet: str = ""
    published: date | None = None


def fact_dates(mentions: Iterable) -> frozenset[str]:
    """The dates among ``mentions`` (anything with ``value`` and ``precision``) that tell reports
    apart: those of a day or a month; years and decades are too common to tell."""
    return frozenset(
        mention.value
        for mention in mentions
        if mention.value and getattr(mention.precision, "value", mention.precision) in _DAY_AND_MONTH
    )


def article_facts(
    text: str,
    language: str,
    dates: frozenset[str] = frozenset(),
    outlet: str = "",
    published: date | None = None,
) -> Facts:
    """The facts of ``text``, whose ``fact_dates`` are ``dates``."""
    return Facts(
        language=language,
        dates=dates,
        numbers=frozenset(numbers_in(text)),
        names=frozenset(latin_names(text)),
        outlet=" ".join(outlet.casefold().split()),
        published=published,
    )


def numbers_in(text: str) -> list[str]:
    """The numbers of ``text`` with their scale words applied, as plain decimal strings; numbers
    below 10 (list positions, "one of two") say nothing about a report."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group()
        # "1,000", "1.000" and "1 000" group thousands; "1.5" and "2,5" are decimals.
        grouped = re.search(r"[.,\u00a0\u202f ]\d{3}$", raw) is not None
        try:
            value = float(re.sub(r"[.,\u00a0\u202f ]", "", raw)) if grouped else float(raw.replace(",", "."))
        except ValueError:
            continue
        scale = _SCALE.match(text, match.end())
        if scale:
            index = int(next(name for name, hit in scale.groupdict().items() if hit)[1:])
            value *= SCALE_WORDS[index].multiplier
        if value >= _MIN_NUMBER:
            found.append(f"{value:.10g}")
    return found


def latin_names(text: str) -> list[str]:
    """Capitalised words and acronyms in Latin script, lower case: names, in any language's text."""
    return [word.casefold() for word in _LATIN_NAME.findall(text) if word.casefold() not in _NOT_NAMES]


def translation_score(first: Facts, second: Facts) -> float | None:
    """How closely two articles in different languages report the same numbers and dates (0-1), when
    one reads as a translation of the other; else None (see the module docstring)."""
    if first.language == second.language:
        return None
    if (
        first.published
        and second.published
        and abs((first.published - second.published).days) > MAX_DAYS_APART
    ):
        return None
    shared_reported, reported = _reported(first, second)
    fewer_names, more_names = sorted((first.names, second.names), key=len)
    shared_names = len(fewer_names & more_names)
    outlet = _OUTLET_WEIGHT if first.outlet and first.outlet == second.outlet else 0
    if shared_reported + shared_names + outlet < MIN_SHARED_FACTS:
        return None
    if fewer_names and shared_names / len(fewer_names) < NAME_COVERAGE:
        return None
    score = shared_reported / reported if reported else 0.0  # ``agreement``, from the counts above
    return score if score >= REPORTED_AGREEMENT else None


def agreement(first: Facts, second: Facts) -> float:
    """The numbers and dates two articles both report, over all that either reports (0-1)."""
    shared, union = _reported(first, second)
    return shared / union if union else 0.0


def _reported(first: Facts, second: Facts) -> tuple[int, int]:
    shared, union = len(first.numbers & second.numbers), len(first.numbers | second.numbers)
    if first.dates and second.dates:
        # An extractor that finds no dates in one of the languages says nothing either way.
        shared, union = shared + len(first.dates & second.dates), union + len(first.dates | second.dates)
    return shared, union


def best_translation(facts: Facts, candidates: Iterable[tuple[object, Facts]]) -> tuple[object, float] | None:
    """The (key, score) of the candidate ``facts`` is likeliest a translation of, if any is one."""
    best = None
    for key, other in candidates:
        score = translation_score(facts, other)
        if score is not None and (best is None or score > best[1]):
            best = (key, score)
    return best


# ---------------------------------------------------------------------------------------------------
# Evaluation on written pairs


def evaluate(directory: Path) -> dict:
    """Precision and recall of ``translation_score`` on the pairs listed in ``directory/pairs.json``
    (``[{"first": file, "second": file, "translation": true|false}, …]``). Each file is read as the
    loader reads it (language, publication date and outlet included) and its dates found by the
    loader's extractor."""
    from timeline.ingest.articles import read_path
    from timeline.ingest.mentions import find_date_mentions

    pairs = json.loads((directory / "pairs.json").read_text(encoding="utf-8"))
    facts_of: dict[str, Facts] = {}

    def facts(name: str) -> Facts:
        if name not in facts_of:
            article = next(iter(read_path(directory / name, limit=_EVAL_BYTES)))
            if not hasattr(article, "text"):
                raise ValueError(f"{name}: {article.reason}")
            mentions = find_date_mentions(article.text, article.published, language=article.language)
            facts_of[name] = article_facts(
                article.text, article.language, fact_dates(mentions), article.outlet, article.published
            )
        return facts_of[name]

    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    rows = []
    for pair in pairs:
        first, second = facts(pair["first"]), facts(pair["second"])
        found = translation_score(first, second) is not None
        counts[("t" if found == pair["translation"] else "f") + ("p" if found else "n")] += 1
        rows.append((pair["first"], pair["second"], pair["translation"], found, agreement(first, second)))
    found_pairs = counts["tp"] + counts["fp"]
    true_pairs = counts["tp"] + counts["fn"]
    return {
        **counts,
        "precision": counts["tp"] / found_pairs if found_pairs else 1.0,
        "recall": counts["tp"] / true_pairs if true_pairs else 1.0,
        "pairs": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Precision and recall of translation detection.")
    parser.add_argument(
        "--eval", metavar="DIR", required=True, type=Path, help="A directory with pairs.json."
    )
    options = parser.parse_args(argv)
    result = evaluate(options.eval)
    for first, second, expected, found, score in result["pairs"]:
        label = "translation" if expected else "near miss"
        print(f"{first:<24} {second:<24} {label:<12} agreement {score:.2f}  {'found' if found else '-'}")
    counts = " ".join(f"{name} {result[name]}" for name in ("tp", "fp", "fn", "tn"))
    print(f"{counts}; precision {result['precision']:.3f} recall {result['recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
