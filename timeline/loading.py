"""Loads that run in the background: the admin's *Load articles* page and ``load_articles --queue``
store a ``LoadRun`` with its inputs, queue it as a task (``timeline.tasks``), and the worker runs it
through the one pipeline, ``timeline.ingest.pipeline.load_articles``, as the command does.

Inputs are kept in the database (``LoadInput``), not on a disk: the worker may run on another
machine than the page that took them. Each is deleted once the run has read it, whether the run
finished or failed. An input refused on arrival (too large) is kept as its reason only, and is
reported as a failed article like any other bad file.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from timeline.ingest import fetch
from timeline.ingest.articles import (
    HTML,
    STDIN,
    TEXT,
    Article,
    ReadFailure,
    read_bytes,
    read_path,
    unexpected,
    with_overrides,
)
from timeline.ingest.decode import InputError
from timeline.ingest.pipeline import load_articles
from timeline.ingest.report import ArticleResult
from timeline.models import LoadInput, LoadRun

logger = logging.getLogger(__name__)

# Media types of fetched pages, as the loader reads them (others are refused).
FETCHED_FORMATS = {"text/html": HTML, "application/xhtml+xml": HTML, "text/plain": TEXT}
# The run's row is brought up to date at most this often while it loads (and at its end).
_SAVE_EVERY_S = 0.5


@dataclass(frozen=True)
class Options:
    """What ``load_articles`` takes beside its inputs (None or "" for what is not given)."""

    published: date | None = None
    outlet: str = ""
    language: str = ""
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class NewInput:
    kind: str
    name: str
    content: bytes = b""
    refused: str = ""


def too_large(size: int, limit: int) -> str:
    """The loader's reason for a file over its size limit."""
    return f"too large ({size:,} bytes; the limit is {limit:,}, set by TIMELINE_MAX_ARTICLE_BYTES)"


def path_inputs(items, stdin) -> list[NewInput]:
    """``load_articles --queue``'s inputs: the files its PATHs name (``expand_paths``), which the
    worker reads where they are, and standard input's bytes, read now."""
    inputs = []
    for item in items:
        if isinstance(item, ReadFailure):
            inputs.append(NewInput(LoadInput.Kind.PATH, item.path, refused=item.reason))
        elif item == STDIN:
            cap = settings.TIMELINE_MAX_UPLOAD_BYTES
            data = stdin.read(cap + 1)
            refused = f"too large (more than {cap:,} bytes, set by TIMELINE_MAX_UPLOAD_BYTES)"
            inputs.append(
                NewInput(LoadInput.Kind.FILE, STDIN, b"", refused)
                if len(data) > cap
                else NewInput(LoadInput.Kind.FILE, STDIN, data)
            )
        else:
            inputs.append(NewInput(LoadInput.Kind.PATH, os.path.abspath(item)))
    return inputs


def create_run(inputs: list[NewInput], options: Options, user=None) -> LoadRun:
    """A queued run holding ``inputs``, stored in one transaction."""
    with transaction.atomic():
        run = LoadRun.objects.create(
            created_by=user,
            published=options.published,
            outlet=options.outlet,
            language=options.language,
            title=options.title,
            url=options.url,
            inputs_total=len(inputs),
        )
        LoadInput.objects.bulk_create(
            LoadInput(
                run=run,
                position=position,
                kind=item.kind,
                name=item.name,
                content=item.content,
                refused=item.refused,
            )
            for position, item in enumerate(inputs)
        )
    return run


def queue_run(run: LoadRun) -> LoadRun:
    """Queue ``run`` for the worker (with the immediate backend of the tests it runs now)."""
    from timeline.tasks import load_run

    try:
        result = load_run.enqueue(run.pk)
    except Exception as error:
        LoadRun.objects.filter(pk=run.pk).update(
            status=LoadRun.Status.FAILED, error=f"could not be queued: {unexpected(error)}"
        )
        raise
    LoadRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def run_load(run_id: int) -> str:
    """Load run ``run_id``'s inputs and record the report; returns its summary line. A run that has
    already finished (a task run twice) is not loaded again."""
    run = LoadRun.objects.get(pk=run_id)
    if run.finished:
        return run.summary
    run.status, run.started_at = LoadRun.Status.RUNNING, timezone.now()
    run.progress_at = run.started_at
    run.save(update_fields=["status", "started_at", "progress_at"])
    progress = _Progress(run)
    try:
        report = load_articles(
            _articles(run, progress.input_read),
            published=run.published,
            keep_results=False,
            on_result=progress.add,
        )
    except Exception as error:
        progress.save(status=LoadRun.Status.FAILED, error=unexpected(error), finished_at=timezone.now())
        logger.exception("load %s failed", run.pk)
        raise
    finally:
        LoadInput.objects.filter(run_id=run.pk).delete()
    progress.save(status=LoadRun.Status.DONE, summary=report.summary(), finished_at=timezone.now())
    return report.summary()


def silent_too_long(since: datetime | None) -> bool:
    """Whether a worker last heard from at ``since`` has been silent longer than a live one is
    (``TIMELINE_LOAD_SILENT_AFTER``): it ended without finishing (killed, or its machine lost)."""
    limit = timedelta(seconds=settings.TIMELINE_LOAD_SILENT_AFTER)
    return since is not None and timezone.now() - since > limit


def worker_ended(run: LoadRun) -> bool:
    """Whether ``run`` is still marked running although its worker has ended: it saves the run's
    progress as each article is written (each in its own transaction, so nothing is half-written
    when it dies), and nothing has been saved for too long."""
    return run.status == LoadRun.Status.RUNNING and silent_too_long(run.progress_at or run.started_at)


class _Progress:
    """The run's results and count of inputs read, saved as the load goes."""

    def __init__(self, run: LoadRun):
        self.run = run
        self.results: list[dict] = []
        self.inputs_done = 0
        self.saved_at = time.monotonic()

    def input_read(self) -> None:
        self.inputs_done += 1
        self._save_now_and_then()

    def add(self, result: ArticleResult) -> None:
        self.results.append(
            {
                "status": result.status,
                "label": result.label,
                "source": result.source_id,
                "line": result.text_line(),
                "warnings": result.warnings,
            }
        )
        self._save_now_and_then()

    def _save_now_and_then(self) -> None:
        if time.monotonic() - self.saved_at >= _SAVE_EVERY_S:
            self.save()

    def save(self, **fields) -> None:
        LoadRun.objects.filter(pk=self.run.pk).update(
            results=self.results, inputs_done=self.inputs_done, progress_at=timezone.now(), **fields
        )
        self.saved_at = time.monotonic()


def _articles(run: LoadRun, input_read: Callable[[], None]) -> Iterator[Article | ReadFailure]:
    """The run's articles, input by input (each read from the database only when its turn comes),
    with the run's options applied as the command applies its own."""
    limit = settings.TIMELINE_MAX_ARTICLE_BYTES
    overrides = {"title": run.title, "url": run.url, "outlet": run.outlet, "language": run.language}
    for pk in run.inputs.order_by("position").values_list("pk", flat=True):
        item = LoadInput.objects.get(pk=pk)
        for article in read_input(item, limit):
            yield with_overrides(article, **overrides) if isinstance(article, Article) else article
        input_read()


def read_input(item: LoadInput, limit: int) -> Iterator[Article | ReadFailure]:
    """The articles of one input: bytes read as a file of its name is, a URL fetched first."""
    if item.refused:
        yield ReadFailure(item.name, item.refused)
    elif item.kind == LoadInput.Kind.URL:
        yield from fetched_articles(item.name, limit)
    elif item.kind == LoadInput.Kind.PATH:
        yield from read_path(Path(item.name), limit=limit)
    else:
        yield from read_bytes(bytes(item.content), item.name, limit=limit)


def fetched_articles(url: str, limit: int) -> Iterator[Article | ReadFailure]:
    """The article at ``url`` (``timeline.ingest.fetch``'s rules, the settings' limits), read as
    an HTML or text file is; a failure is one line naming the URL."""
    try:
        page = fetch.fetch(
            url,
            timeout=settings.TIMELINE_FETCH_TIMEOUT,
            max_bytes=limit,
            max_redirects=settings.TIMELINE_FETCH_MAX_REDIRECTS,
            allow_loopback=settings.TIMELINE_FETCH_ALLOW_LOOPBACK,
        )
    except fetch.FetchError as error:
        yield ReadFailure(url, error.reason)
        return
    fmt = FETCHED_FORMATS.get(page.content_type)
    if fmt is None and page.content_type not in ("", "application/octet-stream"):
        yield ReadFailure(url, str(InputError(f"not an article (Content-Type {page.content_type})")))
        return
    yield from read_bytes(page.data, url, limit=limit, fmt=fmt, declared=page.charset, url=page.url)
