"""The admin's *Load articles* page: files (txt, html, jsonl, each optionally gzipped), pasted text
or URLs, with ``load_articles``'s options, loaded in the background (``timeline.loading``), and
each run's page, which follows the load (an HTMX poll of its status) and then shows the command's
report. Only the pages are here."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from django_tasks import default_task_backend

from timeline.fragments import Partial, for_htmx
from timeline.ingest.articles import JSONL, format_from_name
from timeline.ingest.fetch import SCHEMES
from timeline.ingest.language import normalise_code
from timeline.loading import (
    NewInput,
    Options,
    create_run,
    queue_run,
    silent_too_long,
    too_large,
    worker_ended,
)
from timeline.models import LoadInput, LoadRun

PASTED = "pasted text"
ACCEPTED = ".txt, .html, .htm, .jsonl (each may be .gz)"
RECENT_RUNS = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files (Django's documented pattern for ``<input type=file multiple>``)."""

    def __init__(self, *args, **kwargs):
        # An empty file is the loader's to report ("empty"), with the others loaded.
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.jsonl,.ndjson,.gz"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class LoadForm(forms.Form):
    files = MultipleFileField(required=False, help_text=f"Articles as files: {ACCEPTED}.")
    text = forms.CharField(
        label="Or paste an article",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="Plain text, its first line the title.",
    )
    urls = forms.CharField(
        label="Or give URLs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="One http or https address a line; each page is fetched and read as an HTML file.",
    )
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates anchor on it (overrides what the articles say).",
    )
    outlet = forms.CharField(
        max_length=200, required=False, help_text="Every article's outlet (created when new)."
    )
    language = forms.CharField(
        max_length=16,
        required=False,
        help_text="Every article's language, as a code: ko, uk, en (else detected).",
    )

    def clean_language(self):
        value = self.cleaned_data["language"].strip()
        if value and normalise_code(value) is None:
            raise forms.ValidationError(f"{value!r} is not a language code: write it as ko, uk, en-GB, …")
        return normalise_code(value) if value else ""

    def clean_text(self):
        text = self.cleaned_data["text"]
        limit = settings.TIMELINE_MAX_ARTICLE_BYTES
        size = len(text.encode("utf-8"))
        if size > limit:
            raise forms.ValidationError(f"The pasted text is {too_large(size, limit)}.")
        return text

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        for url in urls:
            if url.split(":", 1)[0].lower() not in SCHEMES or "://" not in url:
                raise forms.ValidationError(f"{url}: only http and https URLs are fetched.")
            if len(url) > 1000:
                raise forms.ValidationError(f"{url[:80]}…: longer than 1,000 characters.")
        return urls

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        inputs = [*(file_input(upload) for upload in data["files"])]
        if data["text"].strip():
            inputs.append(NewInput(LoadInput.Kind.TEXT, PASTED, data["text"].encode("utf-8")))
        inputs += [NewInput(LoadInput.Kind.URL, url) for url in data["urls"]]
        if not inputs:
            raise forms.ValidationError("Give at least one file, a pasted article or a URL.")
        if len(inputs) > settings.TIMELINE_MAX_UPLOAD_INPUTS:
            raise forms.ValidationError(
                f"{len(inputs)} files and URLs: at most {settings.TIMELINE_MAX_UPLOAD_INPUTS} can be loaded "
                "at once (TIMELINE_MAX_UPLOAD_INPUTS)."
            )
        total, cap = sum(len(item.content) for item in inputs), settings.TIMELINE_MAX_UPLOAD_BYTES
        if total > cap:
            raise forms.ValidationError(
                f"The files and text come to {total:,} bytes: at most {cap:,} can be loaded at once "
                "(TIMELINE_MAX_UPLOAD_BYTES)."
            )
        data["inputs"] = inputs
        return data

    def options(self) -> Options:
        data = self.cleaned_data
        return Options(published=data["published"], outlet=data["outlet"].strip(), language=data["language"])


def file_input(upload) -> NewInput:
    """An uploaded file as an input: its bytes, or why it is refused (named in the report)."""
    name = upload.name
    fmt = format_from_name(name)
    if fmt is None:
        return NewInput(LoadInput.Kind.FILE, name, refused=f"not an article file (accepted: {ACCEPTED})")
    limit = settings.TIMELINE_MAX_ARTICLE_BYTES
    # A JSON Lines file holds many articles: the limit applies to each line, as the command reads it.
    if upload.size > limit and not (fmt == JSONL and not name.lower().endswith(".gz")):
        return NewInput(LoadInput.Kind.FILE, name, refused=too_large(upload.size, limit))
    return NewInput(LoadInput.Kind.FILE, name, b"".join(upload.chunks()))


def require_loader(request) -> None:
    """Curators who may add sources load articles."""
    if not request.user.has_perm("timeline.add_source"):
        raise PermissionDenied


def load_articles_view(request):
    """The form, and the latest runs; a valid form queues a run and goes to its page."""
    require_loader(request)
    form = LoadForm(request.POST, request.FILES) if request.method == "POST" else LoadForm()
    if request.method == "POST" and form.is_valid():
        run = create_run(form.cleaned_data["inputs"], form.options(), user=request.user)
        queue_run(run)
        return redirect("load_run", pk=run.pk)
    context = {
        **admin.site.each_context(request),
        "title": "Load articles",
        "form": form,
        "runs": LoadRun.objects.select_related("created_by").only(
            "created_at", "status", "summary", "inputs_total", "created_by__username"
        )[:RECENT_RUNS],
    }
    return TemplateResponse(request, "admin/timeline/load_articles.html", context)


@require_safe
@for_htmx("admin/timeline/load_run.html", {"load-status": Partial("status")})
def load_run_view(request, pk: int, partial: str | None):
    """A run's progress while it loads (the status partial is what the page polls), then its report."""
    require_loader(request)
    run = get_object_or_404(LoadRun, pk=pk)
    context = {"run": run, "worker_problem": worker_problem(run), "review": review_links(request)}
    if partial is None:
        context.update(admin.site.each_context(request), title=f"Load {run.pk}")
    return context


WORKER_ENDED = "the worker ended before the load finished"


def worker_problem(run: LoadRun) -> str:
    """Why an unfinished run will not finish ("" while it may): its task failed, or its worker went
    silent (``timeline.loading.worker_ended``) — the page then stops polling."""
    if run.finished:
        return ""
    if worker_ended(run):
        return f"{WORKER_ENDED} (no progress for over {silence()})"
    if not run.task_id or not default_task_backend.supports_get_result:
        return ""
    try:
        result = default_task_backend.get_result(run.task_id)
    except Exception:
        return ""
    if result.status == "FAILED":
        errors = [error.exception_class_path for error in result.errors]
        return f"the worker failed running it ({', '.join(errors) or 'no error recorded'})"
    if result.status == "RUNNING" and silent_too_long(result.started_at):
        # Taken by a worker that ended before it could start the load.
        return f"{WORKER_ENDED} (it took the load over {silence()} ago and never started it)"
    return ""


def silence() -> str:
    seconds = settings.TIMELINE_LOAD_SILENT_AFTER
    return f"{seconds // 60} minutes" if seconds % 60 == 0 and seconds >= 120 else f"{seconds} seconds"


def review_links(request) -> list[tuple[str, str]]:
    """The review queue's lists this curator may work through."""
    links = []
    if request.user.has_perm("timeline.change_datemention"):
        url = reverse("admin:timeline_datemention_changelist") + "?review__exact=pending"
        links.append(("Date mentions awaiting review", url))
    if request.user.has_perm("timeline.change_statement"):
        url = reverse("admin:timeline_statement_changelist") + "?review__exact=pending"
        links.append(("Statements awaiting review", url))
    return links
