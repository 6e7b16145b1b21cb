"""Articles per second through the whole loader, beside plain ``dateparser.search_dates`` on the same texts.

Usage: ``python -m timeline.ingest.bench [DIR] [--rounds N]`` (DIR: TimeML corpus, default
../shared/corpora/tbaq; 3 rounds).

The article set is every TimeML document under DIR (written as one JSON Lines file with its title, text
and creation date as ``published``) plus the seed articles (../shared/seeds), when present. The loader
runs as ``manage.py load_articles`` does, reading the files and writing every source, mention, statement
and suggestion into a throwaway SQLite database (created in a temporary directory, deleted afterwards)
that holds the curated seed timeline, so speakers and events are matched as in use. ``search_dates``
gets the same texts, each with its creation date as the base for relative dates.

Each round empties the database and reloads the seed timeline (not timed), then times the loader and
``search_dates`` over all the articles; the figures are the medians of the rounds, so a moment of load
from elsewhere on the machine does not decide them. Imports and one first call of each on a short text
outside the set (regex compilation, dateparser's language data) are not timed, for either. Prints:

    BENCH loader_articles_per_s n=<articles> value=<x>
    BENCH search_dates_articles_per_s n=<articles> value=<y>

and, for the texts not in English (the Estonian corpus ../shared/corpora/est and the hand-annotated
articles of tests/extraction_corpus/languages, each in its own language), the date extractor
``find_date_mentions(text, published, language)`` beside ``search_dates(text, languages=[language])``,
with the caches of the extractor emptied before each round:

    BENCH dates_non_english_articles_per_s n=<articles> value=<x>
    BENCH search_dates_non_english_articles_per_s n=<articles> value=<y>

A benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpora" / "tbaq"
SEEDS = PROJECT.parent / "shared" / "seeds"
# Relative dates in texts without a creation date are resolved against this fixed day, never today.
_FALLBACK_BASE = datetime(2023, 1, 1)


def _setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings.production")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _fresh_database() -> None:
    """An empty database with the curated seed timeline, as before the first load."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    if (PROJECT / "fixtures" / "seed_timeline.json").exists():
        call_command("loaddata", "seed_timeline", verbosity=0)


def _warm_up(workdir: Path) -> None:
    """Imports and first calls of both, outside the timing; the dry run writes nothing."""
    from dateparser.search import search_dates
    from django.core.management import call_command

    sample = workdir / "warm-up.txt"
    sample.write_text("Warm-up\nThe envoys met on 12 March 2023 and again last week.\n", encoding="utf-8")
    call_command("load_articles", str(sample), "--dry-run", stdout=io.StringIO(), stderr=io.StringIO())
    search_dates(
        sample.read_text(encoding="utf-8"), languages=["en"], settings={"RELATIVE_BASE": _FALLBACK_BASE}
    )


def _texts(corpus: Path, workdir: Path) -> tuple[list[str], list[tuple[str, datetime]]]:
    """The loader's PATHs (a JSON Lines file of the TimeML documents, the seed files) and the same
    texts with their anchor dates for dateparser."""
    from timeline.ingest.timeml import iter_timeml, read_timeml

    batch = workdir / "tbaq.jsonl"
    texts: list[tuple[str, datetime]] = []
    with batch.open("w", encoding="utf-8") as out:
        for path in iter_timeml(corpus):
            document = read_timeml(path)
            record = {
                "id": document.doc_id,
                "title": document.title or document.doc_id,
                "text": document.text,
            }
            if document.dct:
                record["published"] = document.dct.isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            base = datetime.combine(document.dct, datetime.min.time()) if document.dct else _FALLBACK_BASE
            texts.append((document.text, base))
    paths = [str(batch)]
    for seed in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        paths.append(str(seed))
        texts.append((seed.read_text(encoding="utf-8"), _FALLBACK_BASE))
    return paths, texts


def _time_loader(paths: list[str]) -> float:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    started = time.perf_counter()
    try:
        call_command("load_articles", *paths, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as error:
        print(f"note: {error}", file=sys.stderr)
    return time.perf_counter() - started


def _time_search_dates(texts: list[tuple[str, datetime]]) -> float:
    from dateparser.search import search_dates

    started = time.perf_counter()
    for text, base in texts:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return time.perf_counter() - started


EST_CORPUS = PROJECT.parent / "shared" / "corpora" / "est"
LANGUAGE_ARTICLES = PROJECT / "tests" / "extraction_corpus" / "languages"


def _non_english_texts() -> list[tuple[str, datetime, str]]:
    """(text, base, language) of the Estonian corpus and of the hand-annotated articles not in English."""
    from timeline.ingest.timeml import iter_timeml, read_timeml

    texts = []
    for path in iter_timeml(EST_CORPUS) if EST_CORPUS.is_dir() else []:
        document = read_timeml(path)
        base = datetime.combine(document.dct, datetime.min.time()) if document.dct else _FALLBACK_BASE
        texts.append((document.text, base, "et"))
    for path in sorted(LANGUAGE_ARTICLES.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts.append((article["text"], datetime.fromisoformat(article["published"]), article["language"]))
    return texts


def _bench_non_english(rounds: int) -> None:
    """The non-English line: the extractor and plain search_dates on the same texts (medians of rounds)."""
    from dateparser.search import search_dates

    from timeline.ingest.mentions import core, find_date_mentions, parse

    texts = _non_english_texts()
    for language in sorted({language for _, _, language in texts}):  # language data, rules: not timed
        find_date_mentions("1. mai 2020", _FALLBACK_BASE.date(), language)
        search_dates("1. mai 2020", languages=[language])
    ours, theirs = [], []
    for _ in range(max(1, rounds)):
        parse.parse.cache_clear()
        core._scan.cache_clear()
        started = time.perf_counter()
        for text, base, language in texts:
            find_date_mentions(text, base.date(), language)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        for text, base, language in texts:
            search_dates(text, languages=[language], settings={"RELATIVE_BASE": base})
        theirs.append(time.perf_counter() - started)
    count = len(texts)
    for name, seconds in (("dates", ours), ("search_dates", theirs)):
        rate = count / statistics.median(seconds)
        print(f"BENCH {name}_non_english_articles_per_s n={count} value={rate:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.ingest.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    parser.add_argument("--rounds", type=int, default=3, help="rounds to take the median of (default 3)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    loader_seconds, search_seconds = [], []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        workdir = Path(tmp)
        _setup_django(workdir / "bench.sqlite3")
        paths, texts = _texts(args.corpus, workdir)
        _warm_up(workdir)
        for _ in range(max(1, args.rounds)):
            _fresh_database()
            loader_seconds.append(_time_loader(paths))
            search_seconds.append(_time_search_dates(texts))
    count = len(texts)
    print(f"BENCH loader_articles_per_s n={count} value={count / statistics.median(loader_seconds):.1f}")
    print(
        f"BENCH search_dates_articles_per_s n={count} value={count / statistics.median(search_seconds):.1f}"
    )
    _bench_non_english(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
