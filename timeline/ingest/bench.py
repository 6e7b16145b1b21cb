"""Articles per second through the whole loader, beside plain ``dateparser.search_dates`` on the same texts.

Usage: ``python -m timeline.ingest.bench [DIR]`` (DIR: TimeML corpus, default ../shared/corpora/tbaq).

The article set is every TimeML document under DIR (written as one JSON Lines file with its title, text
and creation date as ``published``) plus the seed articles (../shared/seeds), when present. The loader
runs as ``manage.py load_articles`` does, into a throwaway SQLite database holding the curated seed
timeline (so speakers and events are matched as in use), created in a temporary directory and deleted
afterwards. Prints, in one run:

    BENCH loader_articles_per_s n=<articles> value=<x>
    BENCH search_dates_articles_per_s n=<articles> value=<y>

A benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import io
import json
import os
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
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if (PROJECT / "fixtures" / "seed_timeline.json").exists():
        call_command("loaddata", "seed_timeline", verbosity=0)


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
        call_command("load_articles", *paths, verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as error:
        print(f"note: {error}", file=sys.stderr)
    return time.perf_counter() - started


def _time_search_dates(texts: list[tuple[str, datetime]]) -> float:
    from dateparser.search import search_dates

    started = time.perf_counter()
    for text, base in texts:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        workdir = Path(tmp)
        _setup_django(workdir / "bench.sqlite3")
        paths, texts = _texts(corpus, workdir)
        count = len(texts)
        loader_seconds = _time_loader(paths)
        search_seconds = _time_search_dates(texts)
    print(f"BENCH loader_articles_per_s n={count} value={count / loader_seconds:.1f}")
    print(f"BENCH search_dates_articles_per_s n={count} value={count / search_seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
