"""Articles per second through the whole loader, beside plain ``dateparser.search_dates`` on the same texts;
then the time the loader takes on one long article, at two sizes.

Usage: ``python -m timeline.ingest.bench [DIR] [--rounds N] [--long-sizes BYTES ...]`` (DIR: TimeML
corpus, default ../shared/corpora/tbaq; 3 rounds; long articles of 1 MiB and 5 MiB).

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
articles of tests/extraction_corpus/languages, each a JSON line with its language), the whole
loader again beside ``search_dates(text, languages=[language])`` on the same texts:

    BENCH loader_non_english_articles_per_s n=<articles> value=<x>
    BENCH search_dates_non_english_articles_per_s n=<articles> value=<y>

The long article is generated (``dated_quoted_text``, the same text for the same size): paragraphs of
dated sentences with quotes and their speakers (actors of the seed timeline, pronouns, descriptions),
relative dates and date-like words ("May", "March on", "Friday's"), as a wire service's long
chronology reads. Each size is loaded once as ``manage.py load_articles FILE --published …`` into the
fresh seed database, timed from reading the file to the summary; beside it, how long the article's
write transaction was held (on SQLite, the time other writers wait), and the processor time of the
load (which other work on a shared machine inflates less than the elapsed time). Prints, for each size:

    BENCH loader_long_article_s n=<bytes> value=<seconds>
    BENCH loader_long_article_cpu_s n=<bytes> value=<seconds>
    BENCH loader_long_article_write_s n=<bytes> value=<seconds>

A benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpora" / "tbaq"
SEEDS = PROJECT.parent / "shared" / "seeds"
# Relative dates in texts without a creation date are resolved against this fixed day, never today.
_FALLBACK_BASE = datetime(2023, 1, 1)
MIB = 1024 * 1024
LONG_SIZES = (MIB, 5 * MIB)
LONG_PUBLISHED = date(2023, 6, 1)


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


def _non_english_texts(workdir: Path) -> tuple[list[str], list[tuple[str, datetime, str]]]:
    """The loader's PATH (a JSON Lines file, each line with its language and publication date) of the
    Estonian corpus and the hand-annotated articles not in English, and the same texts as
    (text, base, language) for dateparser."""
    from timeline.ingest.timeml import iter_timeml, read_timeml

    records = []
    for path in iter_timeml(EST_CORPUS) if EST_CORPUS.is_dir() else []:
        document = read_timeml(path)
        records.append((document.doc_id, document.title, document.text, document.dct, "et"))
    for path in sorted(LANGUAGE_ARTICLES.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(article["published"])
        records.append((path.stem, "", article["text"], published, article["language"]))
    batch = workdir / "non-english.jsonl"
    texts = []
    with batch.open("w", encoding="utf-8") as out:
        for doc_id, title, text, published, language in records:
            record = {"id": doc_id, "title": title or doc_id, "text": text, "language": language}
            if published:
                record["published"] = published.isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            base = datetime.combine(published, datetime.min.time()) if published else _FALLBACK_BASE
            texts.append((text, base, language))
    return [str(batch)], texts


def _bench_non_english(workdir: Path, rounds: int) -> None:
    """The non-English lines: the whole loader, and plain search_dates in each text's language, on
    the same texts (medians of rounds, each load into a fresh database)."""
    from dateparser.search import search_dates

    from timeline.ingest.mentions import find_date_mentions

    paths, texts = _non_english_texts(workdir)
    # Each side's language data, loaded once per process, is not timed: dateparser's, and the rules
    # built from it.
    for language in sorted({language for _, _, language in texts}):
        search_dates("1. mai 2020", languages=[language])
        find_date_mentions("1. mai 2020", None, language=language)
    loader, theirs = [], []
    for _ in range(max(1, rounds)):
        _fresh_database()
        loader.append(_time_loader(paths))
        started = time.perf_counter()
        for text, base, language in texts:
            search_dates(text, languages=[language], settings={"RELATIVE_BASE": base})
        theirs.append(time.perf_counter() - started)
    count = len(texts)
    for name, seconds in (("loader", loader), ("search_dates", theirs)):
        rate = count / statistics.median(seconds)
        print(f"BENCH {name}_non_english_articles_per_s n={count} value={rate:.1f}")


# ---------------------------------------------------------------------------------------------------
# One long article

_SPEAKERS = (
    "John Kirby",
    "Patrick Ryder",
    "Linda Thomas-Greenfield",
    "Kim Jong Un",
    "Park Won-gon, a professor at Ewha Womans University,",
    "a ministry spokesperson",
    "the official",
)
_QUOTES = (
    "We have never exported weapons or ammunition to Russia",
    "The shipments are continuing, and they are getting larger",
    "We can confirm that the trains crossed the border {date}",
    "These reports are false and groundless",
    "It would likely take months to move that many shells",
    "North Korea is supplying Russia with artillery shells",
)
_EVENTS = (
    "Trains loaded with crates crossed the Tumen river bridge {date}",
    "Satellite images showed ships at the port of Rajin {date} and again {date}",
    "The envoys met in Vladivostok {date}, after talks that began {date}",
    "Analysts said rail traffic resumed {date} after a pause of almost three years",
    "Seoul's spy agency briefed lawmakers {date} on the transfers",
)
# Date-like words that are not dates, or only sometimes: a reader's and an extractor's traps.
_TRAPS = (
    "May Day rallies were smaller than in past years.",
    "Protesters plan to march on the embassy.",
    "Friday's briefing was cancelled at short notice.",
    "The 2000 tonnes were counted twice.",
    "Officials may say more in the spring.",
)


def _written_date(rng: random.Random, day: date) -> str:
    """A date as news writes it: absolute, relative to publication, or partial."""
    forms = (
        f"on {day.day} {day:%B %Y}",
        f"on {day:%B} {day.day}, {day.year}",
        f"in {day:%B %Y}",
        f"in early {day:%B}",
        f"on {day:%A}",
        "last week",
        "two days later",
        f"on the {_ordinal(day.day)}",
        f"in late {day:%B} last year",
        f"since {day.year}",
    )
    return rng.choice(forms)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _sentences(rng: random.Random) -> Iterator[str]:
    day = date(2022, 1, 1)
    while True:
        day += timedelta(days=rng.randrange(1, 4))
        if day > LONG_PUBLISHED:
            day = date(2022, 1, 1)
        when = functools.partial(_written_date, rng, day)
        quote = rng.choice(_QUOTES).format(date=when())
        speaker = rng.choice(_SPEAKERS)
        kind = rng.randrange(6)
        if kind == 0:
            yield f'"{quote}," {speaker} said {when()}.'
        elif kind == 1:
            yield f'{speaker.rstrip(",")[0].upper()}{speaker.rstrip(",")[1:]} said {when()}: "{quote}."'
        elif kind == 2:
            yield f'"{quote}," he said. "{rng.choice(_QUOTES).format(date=when())}."'
        elif kind == 3:
            yield rng.choice(_TRAPS)
        else:
            yield rng.choice(_EVENTS).format(date=when()) + "."


def dated_quoted_text(size: int, seed: int = 16) -> str:
    """A long article of ``size`` characters (ASCII, so as many bytes): a title line, then paragraphs
    of four to eight sentences from ``_sentences``. The same size and seed give the same text."""
    rng = random.Random(seed)
    parts = ["A chronology of the arms transfers, day by day\n"]
    length = len(parts[0])
    sentences = _sentences(rng)
    while length < size:
        paragraph = " ".join(next(sentences) for _ in range(rng.randrange(4, 9))) + "\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


@contextlib.contextmanager
def _timing_writes(held: list[float]):
    """Record how long each article's write transaction is held."""
    from timeline.ingest import store as writes

    store = writes.store_article

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return store(*args, **kwargs)
        finally:
            held.append(time.perf_counter() - started)

    writes.store_article = timed
    try:
        yield
    finally:
        writes.store_article = store


def _time_long_article(workdir: Path, size: int) -> tuple[float, float, float]:
    """Seconds to load a generated article of ``size`` bytes, the processor seconds of it, and the
    seconds its write transaction was held."""
    path = workdir / f"long-{size}.txt"
    path.write_text(dated_quoted_text(size), encoding="ascii")
    _fresh_database()
    held: list[float] = []
    with _timing_writes(held):
        processor = time.process_time()
        seconds = _time_loader([str(path), "--published", LONG_PUBLISHED.isoformat()])
        processor = time.process_time() - processor
    return seconds, processor, sum(held)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.ingest.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    parser.add_argument("--rounds", type=int, default=3, help="rounds to take the median of (default 3)")
    parser.add_argument(
        "--long-sizes",
        type=int,
        nargs="*",
        default=list(LONG_SIZES),
        metavar="BYTES",
        help="sizes of the long article (default 1 MiB and 5 MiB; none to leave it out)",
    )
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
            f"BENCH search_dates_articles_per_s n={count} "
            f"value={count / statistics.median(search_seconds):.1f}"
        )
        for size in args.long_sizes:
            seconds, processor, held = _time_long_article(workdir, size)
            print(f"BENCH loader_long_article_s n={size} value={seconds:.2f}")
            print(f"BENCH loader_long_article_cpu_s n={size} value={processor:.2f}")
            print(f"BENCH loader_long_article_write_s n={size} value={held:.2f}")
        _bench_non_english(workdir, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
