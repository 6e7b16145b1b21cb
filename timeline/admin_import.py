"""The admin's TimelineJS import page: upload a sheet (CSV) or TimelineJS JSON, see the events it
would create (or every bad row), then import them as drafts. The reading and writing are
``timeline.importing``'s; this is only the page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from timeline.importing import ImportFailed, import_slides, read_timeline

MAX_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(help_text="A TimelineJS sheet saved as CSV, or a TimelineJS JSON file.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"{upload.name} is larger than {MAX_BYTES // (1024 * 1024)} MiB.")
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(f"{upload.name} is not UTF-8 text.") from None


class ConfirmForm(forms.Form):
    name = forms.CharField(max_length=300)
    content = forms.CharField(max_length=MAX_BYTES, strip=False)


def import_timeline_view(request):
    """Preview, then import, a TimelineJS timeline as draft events."""
    if not request.user.has_perm("timeline.add_event"):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": "Import a TimelineJS timeline"}
    if request.method == "POST" and "_import" in request.POST:
        confirm = ConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                slides = read_timeline(confirm.cleaned_data["content"], confirm.cleaned_data["name"])
            except ImportFailed as failed:
                context["problems"] = failed.problems
            else:
                imported = import_slides(slides)
                messages.success(request, f"Imported {len(imported.events)} draft event(s).")
                return redirect(reverse("admin:timeline_event_changelist") + "?status__exact=draft")
        upload = UploadForm()
    elif request.method == "POST":
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            name, content = upload.cleaned_data["file"]
            try:
                context["slides"] = read_timeline(content, name)
                context["confirm"] = ConfirmForm(initial={"name": name, "content": content})
            except ImportFailed as failed:
                context["problems"] = failed.problems
    else:
        upload = UploadForm()
    context["upload"] = upload
    return TemplateResponse(request, "admin/timeline/import.html", context)
