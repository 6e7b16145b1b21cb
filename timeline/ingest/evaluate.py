"""Measure the date extractor against TimeML gold annotations, beside plain ``dateparser.search_dates``.

Usage: ``python -m timeline.ingest.evaluate DIR [--language CODE] [--floor FILE] [--json] [--no-baseline]
[--misses]`` and ``python -m timeline.ingest.evaluate --articles DIR [--floor FILE]`` for hand-annotated
articles. ``--misses`` lists each target our extractor misses or misreads.

Measures, as defined in the corpus README (TempEval-3 style):

- The targets are gold ``type="DATE"`` TIMEX3s whose value is a calendar value: one
  ``timeline.dates.parse_iso`` reads ("1998", "1998-08", "1998-08-07", "1998-W32", "1998-Q3",
  "1998-SU", "199"). Every other gold TIMEX3 is neutral: DURATION, TIME and SET expressions, and DATEs
  valued PRESENT_REF/PAST_REF/FUTURE_REF or underspecified ("1989-WXX", "XXXX-10", "1998-W32-WE").
- relaxed precision: the share of predictions that overlap a target; a prediction that overlaps no
  target but a neutral expression is left out of the count.
- relaxed recall: the share of targets overlapped by a prediction.
- value accuracy: of the targets found, the share whose value equals the value of the overlapping
  prediction (the one sharing most characters; for a predicted range, its start or its end). Both
  values are compared as periods, so "2000-W7" equals "2000-W07" but "1998-08-07" is not "1998-08".
  Only the value is compared: the gold ``mod`` (START/MID/END/APPROX) is not.
- value F1 = relaxed F1 × value accuracy.

The hand-annotated articles (``--articles``, JSON files: ``published``, ``text``, optional ``language``,
and ``gold``, each item with its ``text`` and ``value``, ``until`` for a range, and a ``class`` from
``CLASSES``) are scored per language and per class of gold date: value F1 (a prediction counts when it
overlaps a gold date and has its value and range end), relaxed F1 (spans alone) and value accuracy (of
the gold dates found, the share with their value). A prediction counts for the class of the gold date it
overlaps; one overlapping none lowers only the precision of its language and of "all". Floors are
``"articles:LANGUAGE"`` and ``"articles:class:CLASS"`` in the floor file.

Plain dateparser is run as the README describes: ``search_dates(text, languages=[CODE])`` with the
creation date as ``RELATIVE_BASE``, each result's ``period`` as its granularity. ``--language`` (default
"en") is the language of the corpus, given to both systems.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path

from timeline.dates import Precision, iso_value, parse_iso
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.timeml import TimemlDocument, Timex, iter_timeml, read_timeml

FLOOR_MARGIN = 0.02


@dataclass(frozen=True)
class Prediction:
    """A system's answer: a span of the text, its value and, for a range, the value of its end."""

    start: int
    end: int
    value: str | None
    until: str | None = None


@dataclass
class Tally:
    """Counts behind the measures, summed over documents."""

    docs: int = 0
    predicted: int = 0
    predicted_on_target: int = 0
    targets: int = 0
    targets_found: int = 0
    values_correct: int = 0
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    @property
    def precision(self) -> float:
        return _ratio(self.predicted_on_target, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.targets_found, self.targets)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.values_correct, self.targets_found)

    @property
    def value_f1(self) -> float:
        return self.f1 * self.value_accuracy

    def as_dict(self) -> dict[str, float]:
        return {
            "docs": self.docs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "value_f1": round(self.value_f1, 4),
            "docs_per_second": round(_ratio(self.docs, self.seconds), 1),
        }


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def canonical_value(value: str | None) -> tuple[date, Precision] | None:
    """The period a TimeML value names, or None when it is not a calendar value."""
    if not value:
        return None
    try:
        return parse_iso(value)
    except ValueError:
        return None


def is_target(timex: Timex) -> bool:
    """Whether a gold TIMEX3 is scored: a DATE with a calendar value."""
    return timex.type == "DATE" and canonical_value(timex.value) is not None


def score_document(timexes: Iterable[Timex], predictions: Iterable[Prediction]) -> Tally:
    """Count one document's predictions against its gold TIMEX3s (see the module docstring)."""
    timexes, predictions = list(timexes), list(predictions)
    targets = [timex for timex in timexes if is_target(timex)]
    neutral = [timex for timex in timexes if not is_target(timex)]
    tally = Tally(docs=1, targets=len(targets))
    for prediction in predictions:
        if any(_overlap(prediction, target) for target in targets):
            tally.predicted += 1
            tally.predicted_on_target += 1
        elif not any(_overlap(prediction, other) for other in neutral):
            tally.predicted += 1
    for target in targets:
        overlapping = [p for p in predictions if _overlap(p, target)]
        if not overlapping:
            continue
        tally.targets_found += 1
        best = max(overlapping, key=lambda p: (_overlap(p, target), -p.start))
        gold = canonical_value(target.value)
        if gold is not None and gold in (canonical_value(best.value), canonical_value(best.until)):
            tally.values_correct += 1
    return tally


def _overlap(prediction: Prediction, timex: Timex) -> int:
    return max(0, min(prediction.end, timex.end) - max(prediction.start, timex.start))


def predict_ours(document: TimemlDocument, language: str = "en") -> list[Prediction]:
    """Our extractor, anchored on the document creation date."""
    return [
        Prediction(m.start, m.end, m.value, m.until)
        for m in find_date_mentions(document.text, document.dct, language=language)
    ]


def predict_dateparser(document: TimemlDocument, language: str = "en") -> list[Prediction]:
    """Plain ``dateparser.search_dates``, its matches located in the text left to right."""
    return dateparser_predictions(document.text, document.dct, language)


def dateparser_predictions(text: str, published: date | None, language: str = "en") -> list[Prediction]:
    """What plain ``dateparser.search_dates`` finds in ``text``, located left to right."""
    from dateparser.search import search_dates

    document = TimemlDocument("", "", published, text, ())
    base = datetime.combine(document.dct or date(2000, 1, 1), datetime.min.time())
    found = search_dates(
        document.text, languages=[language], settings={"RELATIVE_BASE": base}, add_period=True
    )
    predictions, cursor = [], 0
    for substring, moment, period in found or []:
        start = document.text.find(substring, cursor)
        if start < 0:
            start = document.text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        predictions.append(Prediction(start, cursor, _dateparser_value(moment, period)))
    return predictions


_DATEPARSER_PRECISION = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}


def _dateparser_value(moment: datetime, period: str | None) -> str:
    return iso_value(moment.date(), _DATEPARSER_PRECISION.get(period or "", Precision.DAY))


SYSTEMS: dict[str, Callable[[TimemlDocument, str], list[Prediction]]] = {
    "ours": predict_ours,
    "dateparser": predict_dateparser,
}


def corpus_name(path: Path, root: Path) -> str:
    """The sub-corpus of a file: its first folder below ``root`` ("TimeBank"), or root's own name."""
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else root.name


def evaluate(root: Path, systems: Iterable[str], language: str = "en") -> dict[str, dict[str, Tally]]:
    """Score each system over every .tml under ``root``, per sub-corpus: {corpus: {system: Tally}}."""
    results: dict[str, dict[str, Tally]] = {}
    for path in iter_timeml(root):
        document = read_timeml(path)
        per_system = results.setdefault(corpus_name(path, root), {})
        for system in systems:
            began = time.perf_counter()
            predictions = SYSTEMS[system](document, language)
            tally = score_document(document.timexes, predictions)
            tally.seconds = time.perf_counter() - began
            per_system.setdefault(system, Tally()).add(tally)
    return results


def format_table(results: dict[str, dict[str, Tally]]) -> str:
    """A plain-text table, one row per corpus and system."""
    header = f"{'corpus':<12} {'system':<11} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'val.acc':>7} "
    header += f"{'val.F1':>7} {'docs/s':>8}"
    lines = [header, "-" * len(header)]
    for corpus, per_system in results.items():
        for system, t in per_system.items():
            lines.append(
                f"{corpus:<12} {system:<11} {t.docs:>5} {t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f} "
                f"{t.value_accuracy:>7.3f} {t.value_f1:>7.3f} {_ratio(t.docs, t.seconds):>8.1f}"
            )
    return "\n".join(lines)


def list_misses(root: Path, language: str = "en") -> Iterable[str]:
    """One line per target our extractor finds no overlap for ("missed") or values otherwise than the
    gold ("misread"), with the document, the creation date, the words around it and the rule that read it."""
    for path in iter_timeml(root):
        document = read_timeml(path)
        mentions = find_date_mentions(document.text, document.dct, language=language)
        for target in filter(is_target, document.timexes):
            overlapping = [m for m in mentions if m.start < target.end and target.start < m.end]
            around = " ".join(document.text[max(0, target.start - 60) : target.end + 30].split())
            where = f"{corpus_name(path, root)} {document.doc_id} (created {document.dct})"
            if not overlapping:
                yield f"missed  {where}: {target.text!r} gold {target.value} | {around}"
                continue
            best = max(
                overlapping, key=lambda m: (min(m.end, target.end) - max(m.start, target.start), -m.start)
            )
            gold = canonical_value(target.value)
            if gold not in (canonical_value(best.value), canonical_value(best.until)):
                yield (
                    f"misread {where}: {target.text!r} gold {target.value}, ours {best.value} "
                    f"({best.text!r}, rule {best.rule}) | {around}"
                )


def floor_failures(results: dict[str, dict[str, Tally]], floors: dict[str, float]) -> list[str]:
    """One message per corpus where our value F1 fell below its floor minus the margin."""
    failures = []
    for corpus, floor in floors.items():
        tally = results.get(corpus, {}).get("ours")
        if tally is not None and tally.value_f1 < floor - FLOOR_MARGIN:
            failures.append(
                f"{corpus}: value F1 {tally.value_f1:.3f} is below the floor {floor:.3f} - {FLOOR_MARGIN}"
            )
    return failures


def floor_value(value_f1: float) -> float:
    """A figure rounded down to 3 decimals, as stored in the floor file."""
    return math.floor(value_f1 * 1000) / 1000


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON); return 1 when a floor is given and our value F1 fell below it."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline.ingest.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "directory", type=Path, nargs="?", help="folder holding .tml files, directly or in sub-corpora"
    )
    parser.add_argument(
        "--articles", type=Path, help="folder of hand-annotated .json articles (tests/extraction_corpus)"
    )
    parser.add_argument("--language", default="en", help="ISO 639-1 code of the corpus (default en)")
    parser.add_argument("--floor", type=Path, help='JSON file {"TimeBank": 0.9, ...} of minimum value F1')
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain dateparser")
    parser.add_argument(
        "--misses", action="store_true", help="also list each target our extractor misses or misreads"
    )
    args = parser.parse_args(argv)
    systems = ["ours"] if args.no_baseline else ["ours", "dateparser"]
    if args.articles:
        return _main_articles(args, systems)
    if args.directory is None:
        parser.error("give a TimeML DIR or --articles DIR")
    results = evaluate(args.directory, systems, args.language)
    if args.json:
        report = {corpus: {s: t.as_dict() for s, t in per.items()} for corpus, per in results.items()}
        print(json.dumps(report, indent=2))
    else:
        print(format_table(results))
    if args.misses:
        for line in list_misses(args.directory, args.language):
            print(line)
    if args.floor:
        failures = floor_failures(results, json.loads(args.floor.read_text()))
        if failures:
            print("; ".join(failures), file=sys.stderr)
            return 1
    return 0


def _main_articles(args, systems: list[str]) -> int:
    try:
        scores = score_articles(args.articles, systems)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    by_language, by_class = scores.by_language(), scores.by_class()
    if args.json:
        report = {
            "languages": {language: _score_dicts(per) for language, per in by_language.items()},
            "classes": {name: _score_dicts(per) for name, per in by_class.items()},
            "all": _score_dicts(scores.overall()),
        }
        print(json.dumps(report, indent=2))
    else:
        print(format_articles_table(by_language))
        print()
        print(format_classes_table(by_class, scores.overall()))
    if args.floor:
        failures = article_floor_failures(by_language, by_class, json.loads(args.floor.read_text()))
        if failures:
            print("; ".join(failures), file=sys.stderr)
            return 1
    return 0


def _score_dicts(per_system: dict[str, MentionScore]) -> dict[str, dict[str, float]]:
    return {system: score.as_dict() for system, score in per_system.items()}


def article_floor_failures(
    by_language: dict[str, dict[str, MentionScore]],
    by_class: dict[str, dict[str, MentionScore]],
    floors: dict[str, float],
) -> list[str]:
    """One message per language ("articles:en") and per class ("articles:class:anaphora") where our
    value F1 fell below its floor minus the margin."""
    rows = [(f"articles:{language}", f"articles in {language}", per) for language, per in by_language.items()]
    rows += [(f"articles:class:{name}", f"{name} dates", per) for name, per in by_class.items()]
    return [
        f"{label}: value F1 {per['ours'].f1:.3f} is below the floor {floors[key]:.3f}"
        for key, label, per in rows
        if key in floors and "ours" in per and per["ours"].f1 < floors[key] - FLOOR_MARGIN
    ]


# The classes a gold date of the hand-annotated articles is tagged with ("class"), by what its value
# depends on. A gold item without one (the articles written before the classes) counts as UNCLASSED.
CLASSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "explicit": ("the expression carries its own year", ("20 January 2023", "in 1950", "the 1960s")),
    "relative": (
        "a period counted from the publication date: weeks, quarters, seasons, decades",
        ("next year", "a week ago", "this week", "the final quarter of 2009", "in spring", "the '70s"),
    ),
    "anaphora": (
        "refers to the last date the text mentioned (or to the publication date)",
        ("the same day", "that day", "later that month", "a year earlier", "the same period a year earlier"),
    ),
    "tense": (
        "a bare month, day or weekday placed before or after publication by the verb or cue",
        ("wants to close them by early June", "said on Monday", "will remain closed until Friday"),
    ),
    "narrative": (
        "a bare month or day anchored on the last absolute date of a background or history passage",
        ("In 1950, ... In June", "2001 / August – ...", "back in news time: on Oct. 28"),
    ),
}
UNCLASSED = "unclassed"


@dataclass
class MentionScore:
    """Counts of a mention list against a hand-made gold list (see ``score_mentions``).

    ``matched``: gold items found with their value; ``found``: gold items overlapped by a prediction
    at all; ``on_gold``: predictions overlapping a gold item."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0
    on_gold: int = 0

    def add(self, other: MentionScore) -> None:
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        """Value F1: a prediction counts when it overlaps a gold item and has its value."""
        return _ratio(2 * self.matched, self.predicted + self.gold)

    @property
    def relaxed_f1(self) -> float:
        """F1 of the spans alone: predictions overlapping gold items, gold items overlapped."""
        precision, recall = _ratio(self.on_gold, self.predicted), _ratio(self.found, self.gold)
        return _ratio(2 * precision * recall, precision + recall)

    @property
    def value_accuracy(self) -> float:
        """Of the gold items found, the share found with their value."""
        return _ratio(self.matched, self.found)

    def as_dict(self) -> dict[str, float]:
        return {
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "relaxed_f1": round(self.relaxed_f1, 4),
            "value_accuracy": round(self.value_accuracy, 4),
        }


def locate_gold(text: str, gold: list[dict]) -> list[tuple[int, int]]:
    """The spans of gold items given by their text, found in order ("Jan. 20" twice is two spans)."""
    spans, cursor = [], 0
    for item in gold:
        start = text.find(item["text"], cursor)
        if start < 0:
            raise ValueError(f"gold mention {item['text']!r} is not in the text after offset {cursor}")
        spans.append((start, start + len(item["text"])))
        cursor = start + len(item["text"])
    return spans


def score_mentions(
    text: str, mentions: list, gold: list[dict], fields: tuple[str, ...] = ("value", "until")
) -> MentionScore:
    """Match mentions to gold items (each ``{"text", "value", ...}``): a match overlaps the gold
    span and agrees on every field in ``fields`` (value, until, precision, modifier; a field the
    gold item leaves out must be empty)."""
    total = MentionScore()
    for score in score_mentions_by_class(text, mentions, gold, fields).values():
        total.add(score)
    return total


def score_mentions_by_class(
    text: str, mentions: list, gold: list[dict], fields: tuple[str, ...] = ("value", "until")
) -> dict[str | None, MentionScore]:
    """``score_mentions`` per class of the gold items (``UNCLASSED`` for an item without one). A
    prediction counts for the class of the first gold item it overlaps; those overlapping none are
    under None, so they lower the precision of the whole, not of a class."""
    scores: dict[str | None, MentionScore] = {}
    unused, unclaimed = list(mentions), list(mentions)
    for (start, end), item in zip(locate_gold(text, gold), gold, strict=True):
        score = scores.setdefault(item.get("class") or UNCLASSED, MentionScore())
        score.gold += 1
        if any(m.start < end and start < m.end for m in mentions):
            score.found += 1
        for mention in [m for m in unclaimed if m.start < end and start < m.end]:
            unclaimed.remove(mention)
            score.predicted += 1
            score.on_gold += 1
        for mention in [m for m in unused if m.start < end and start < m.end]:
            if all(_field(mention, name) == (item.get(name) or None) for name in fields):
                score.matched += 1
                unused.remove(mention)
                break
    if unclaimed:
        scores.setdefault(None, MentionScore()).predicted += len(unclaimed)
    return scores


def _field(mention, name: str) -> str | None:
    value = getattr(mention, name)
    return (getattr(value, "value", value) or None) if value is not None else None


def read_articles(root: Path) -> list[dict]:
    """The hand-annotated articles under ``root`` (``*.json``, any depth), each with its language
    ("en" when the file names none) and publication date. A gold item's class, when given, must be
    one of ``CLASSES`` (ValueError naming the file otherwise)."""
    articles = []
    for path in sorted(Path(root).rglob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        article.setdefault("language", "en")
        article["published"] = date.fromisoformat(article["published"]) if article.get("published") else None
        article["path"] = path
        for item in article["gold"]:
            if item.get("class", "explicit") not in CLASSES:
                raise ValueError(
                    f"{path}: gold mention {item['text']!r} has the class {item['class']!r}, "
                    f"not one of {', '.join(CLASSES)}"
                )
        articles.append(article)
    return articles


@dataclass
class ArticleScores:
    """Scores of hand-annotated articles per (language, class) and system: {(language, class): {system:
    MentionScore}}, class None holding the predictions that overlap no gold item."""

    cells: dict[tuple[str, str | None], dict[str, MentionScore]]

    def _sum(self, key: Callable[[str, str | None], str | None]) -> dict[str, dict[str, MentionScore]]:
        summed: dict[str, dict[str, MentionScore]] = {}
        for (language, name), per_system in self.cells.items():
            group = key(language, name)
            if group is None:
                continue
            for system, score in per_system.items():
                summed.setdefault(group, {}).setdefault(system, MentionScore()).add(score)
        return summed

    def by_language(self) -> dict[str, dict[str, MentionScore]]:
        return dict(sorted(self._sum(lambda language, name: language).items()))

    def by_class(self) -> dict[str, dict[str, MentionScore]]:
        """Per class, in the order of ``CLASSES`` (then ``UNCLASSED``); predictions overlapping no
        gold item are in no class."""
        summed = self._sum(lambda language, name: name)
        return {name: summed[name] for name in (*CLASSES, UNCLASSED) if name in summed}

    def overall(self) -> dict[str, MentionScore]:
        return self._sum(lambda language, name: "all").get("all", {})


def score_articles(root: Path, systems: Iterable[str]) -> ArticleScores:
    """Each system's scores over the hand-annotated articles under ``root``, per language and class."""
    cells: dict[tuple[str, str | None], dict[str, MentionScore]] = {}
    for article in read_articles(root):
        text, published, language = article["text"], article["published"], article["language"]
        for system in systems:
            if system == "ours":
                predicted = find_date_mentions(text, published, language=language)
            else:
                predicted = dateparser_predictions(text, published, language)
            for name, score in score_mentions_by_class(text, predicted, article["gold"]).items():
                cells.setdefault((language, name), {}).setdefault(system, MentionScore()).add(score)
    return ArticleScores(cells)


def evaluate_articles(root: Path, systems: Iterable[str]) -> dict[str, dict[str, MentionScore]]:
    """Value F1 of each system per language over hand-annotated articles: a found date counts when it
    overlaps a gold one and has its value (and range end)."""
    return score_articles(root, systems).by_language()


def format_articles_table(results: dict[str, dict[str, MentionScore]], label: str = "language") -> str:
    header = (
        f"{label:<9} {'system':<11} {'gold':>5} {'P':>6} {'R':>6} {'val.F1':>7} {'rel.F1':>7} {'val.acc':>7}"
    )
    lines = [header, "-" * len(header)]
    for group, per_system in results.items():
        for system, score in per_system.items():
            lines.append(
                f"{group:<9} {system:<11} {score.gold:>5} {score.precision:>6.3f} {score.recall:>6.3f} "
                f"{score.f1:>7.3f} {score.relaxed_f1:>7.3f} {score.value_accuracy:>7.3f}"
            )
    return "\n".join(lines)


def format_classes_table(
    by_class: dict[str, dict[str, MentionScore]], overall: dict[str, MentionScore]
) -> str:
    """The same table per class of gold date, then every article and language together ("all"; its
    precision also counts the predictions overlapping no gold date)."""
    return format_articles_table({**by_class, "all": overall}, label="class")


if __name__ == "__main__":
    sys.exit(main())
