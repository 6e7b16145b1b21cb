"""``manage.py load_articles PATH [PATH ...]``: read articles, load them, report (see the README)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.urls import reverse
from tqdm import tqdm

from timeline import loading
from timeline.ingest.articles import (
    JSONL,
    STDIN,
    Article,
    ReadFailure,
    expand_paths,
    read_path,
    with_overrides,
)
from timeline.ingest.language import normalise_code
from timeline.ingest.pipeline import load_articles
from timeline.ingest.report import FAILED, SKIPPED, ArticleResult, LoadReport


class Command(BaseCommand):
    help = (
        "Load articles (plain text, HTML, JSON Lines; a directory is walked, '-' reads stdin) into the "
        "timeline with their date mentions, statements and suggested citations."
    )
    # Tests pass a binary stream here in place of stdin.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, a directory, or - for stdin.")
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date that relative dates anchor on (overrides what the documents say).",
        )
        parser.add_argument("--outlet", help="Outlet name for every article (created when new).")
        parser.add_argument("--url", help="URL of the article (one article only).")
        parser.add_argument("--title", help="Title of the article (one article only).")
        parser.add_argument(
            "--language",
            metavar="CODE",
            help="Language of every article, as a code such as ko or uk (else metadata, else detected).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Extract and report; write nothing.")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Output format.")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the load for the worker (manage.py db_worker) instead of loading here; "
            "its page in the admin follows it.",
        )

    def handle(self, *args, **options):
        paths = options["paths"]
        published = _parse_date(options["published"])
        overrides = {name: options[name] for name in ("title", "url", "outlet")}
        overrides["language"] = _parse_language(options["language"])
        if (overrides["title"] or overrides["url"]) and not _names_one_article(paths):
            raise CommandError("--title and --url describe one article: give a single text or HTML file")
        as_json = options["format"] == "json"
        items = list(expand_paths(paths))
        if options["queue"]:
            self._queue(items, overrides, published, options)
            return
        articles = self._articles(items, overrides, options.get("stdin") or sys.stdin.buffer)
        try:
            report = load_articles(
                articles,
                dry_run=options["dry_run"],
                published=published,
                keep_results=as_json,
                on_result=None
                if as_json
                else lambda result: self._print_result(result, options["verbosity"]),
            )
        except DatabaseError as error:
            raise CommandError(f"database unavailable: {' '.join(str(error).split())}") from error
        if as_json:
            self._print_json(report)
        self._print_summary(report, options["dry_run"], to_stderr=as_json)
        if report.failed:
            raise CommandError(f"{report.failed} article(s) failed")

    def _queue(self, items, overrides, published, options) -> None:
        if options["dry_run"] or options["format"] == "json":
            raise CommandError(
                "--queue reports on the load's page: it takes neither --dry-run nor --format json"
            )
        inputs = loading.path_inputs(items, options.get("stdin") or sys.stdin.buffer)
        given = {name: value or "" for name, value in overrides.items()}
        run = loading.create_run(inputs, loading.Options(published=published, **given))
        try:
            loading.queue_run(run)
        except DatabaseError as error:
            raise CommandError(f"database unavailable: {' '.join(str(error).split())}") from error
        self.stdout.write(
            f"queued load {run.pk} ({len(inputs)} input(s)): `manage.py db_worker` runs it; "
            f"follow it at {reverse('load_run', args=[run.pk])}"
        )

    def _articles(self, items, overrides, stdin):
        """Articles from every input item, with the command-line overrides, under a progress bar."""
        limit = settings.TIMELINE_MAX_ARTICLE_BYTES
        show_bar = len(items) > 1 and self.stderr.isatty()
        for item in tqdm(items, file=self.stderr._out, disable=not show_bar, unit="file", leave=False):
            if isinstance(item, ReadFailure):
                yield item
                continue
            for article in read_path(item, limit=limit, stdin=stdin):
                yield with_overrides(article, **overrides) if isinstance(article, Article) else article

    def _print_result(self, result: ArticleResult, verbosity: int) -> None:
        if result.status in (FAILED, SKIPPED):
            tqdm.write(result.text_line(), file=self.stderr._out)
            return
        if verbosity < 1:
            return
        tqdm.write(result.text_line(), file=self.stdout._out)
        for warning in result.warnings:
            tqdm.write(f"          ! {warning}", file=self.stdout._out)

    def _print_json(self, report: LoadReport) -> None:
        self.stdout.write(
            json.dumps([result.as_json() for result in report.results], ensure_ascii=False, indent=1)
        )

    def _print_summary(self, report: LoadReport, dry_run: bool, to_stderr: bool) -> None:
        line = ("dry run, nothing written: " if dry_run else "") + report.summary()
        (self.stderr if to_stderr else self.stdout).write(line, style_func=lambda text: text)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not a date: write it as YYYY-MM-DD") from None


def _parse_language(value: str | None) -> str | None:
    if value is None:
        return None
    code = normalise_code(value)
    if code is None:
        raise CommandError(f"--language {value!r} is not a language code: write it as ko, uk, en-GB, …")
    return code


def _names_one_article(paths: list[str]) -> bool:
    if len(paths) != 1:
        return False
    if paths[0] == STDIN:
        return True
    path = Path(paths[0])
    return not path.is_dir() and not path.name.lower().removesuffix(".gz").endswith((f".{JSONL}", ".ndjson"))
