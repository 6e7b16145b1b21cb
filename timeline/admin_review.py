"""The review queue of date mentions, at a curator's speed, and each mention's review page.

The queue is the date mention list, drawn as rows grouped by their source: each row holds the
mention's sentence (the mention marked), the date as read and its suggested events as buttons
(attach to one of them, a new draft event, dismiss). Every button posts to the mention's review page
(``review_view``); an HTMX post gets the row back in its handled state, swapped in place, and a
plain one is redirected back to the list with its filters. What the buttons do is
``timeline.curation``'s; the review page itself adds attaching to any event and a chosen title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Greatest, Least, Substr
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from timeline import curation
from timeline.fragments import Partial, chosen_partial
from timeline.models import DateMention, Event, Review, Source, SuggestedCitation
from timeline.templatetags.timeline import in_its_language

# Characters of its sentence a row shows on each side of the mention: every sentence of a real
# article whole (the seed articles' longest is 527 characters), a run-on "sentence" of a page the
# splitter could not cut (a table, a list of dates) cut short, so no row copies a whole article.
AROUND_MENTION = 600
OFFERED = 3  # suggested events a row offers, on the keys 1–3
PER_PAGE = 50
ROW_TEMPLATE = "admin/timeline/datemention/review_rows.html"
# An HTMX post from a row targets the row (``mention-<id>``) and gets only the row back.
ROW_TARGETS = {"mention-*": Partial("row")}


def marked_sentence(mention: DateMention, text: str, offset: int) -> SafeString:
    """``text`` (the part of the mention's sentence that starts at ``offset`` in the source),
    escaped, with the dated words in <mark> and "…" where it stops short of the sentence."""
    start, end = mention.start - offset, mention.end - offset
    if not 0 <= start < end <= len(text):
        return format_html("{}", text or mention.text)
    before, after = text[:start], text[end:]
    if offset > mention.sentence_start:  # cut: from the first whole word
        before = "…" + before[before.find(" ") + 1 :]
    if offset + len(text) < mention.sentence_end:  # cut: up to the last whole word
        after = (after[: after.rfind(" ")] if " " in after else after) + "…"
    return format_html("{}<mark>{}</mark>{}", before, text[start:end], after)


def around_mentions(mentions: models.QuerySet) -> models.QuerySet:
    """``mentions`` with ``around`` (up to ``AROUND_MENTION`` characters of the sentence either
    side of the mention, cut from the text in SQL) and ``around_start`` (its offset)."""
    first = Greatest(F("sentence_start"), F("start") - AROUND_MENTION)
    last = Least(F("sentence_end"), F("end") + AROUND_MENTION)
    return mentions.annotate(around_start=first).annotate(
        around=Substr("source__text", F("around_start") + 1, Greatest(last - F("around_start"), Value(0)))
    )


def ranked_suggestions() -> models.Prefetch:
    """The stored suggestions of each mention, best first, with their events."""
    ranked = SuggestedCitation.objects.select_related("event")
    ranked = ranked.order_by("-score", "event__date_start", "event__pk")
    return models.Prefetch("suggestions", ranked)


@dataclass
class Row:
    """One mention as the queue shows it, and what was just done with it (a row handled here)."""

    mention: DateMention
    review_url: str  # the mention's review page, carrying the list's filters
    done: str = ""  # what the curator's action did, said to them
    error: str = ""  # why it could not be done

    @property
    def sentence(self) -> str:
        mention = self.mention
        return in_its_language(mention.source, marked_sentence(mention, mention.around, mention.around_start))

    @property
    def pending(self) -> bool:
        return self.mention.review == Review.PENDING

    @property
    def suggestions(self) -> list[SuggestedCitation]:
        """The best ``OFFERED`` stored suggestions whose events are still live."""
        live = [s for s in self.mention.suggestions.all() if not s.event.merged_into_id]
        return live[:OFFERED]


@dataclass
class Group:
    """The rows of one source, in the list's order."""

    source: Source
    rows: list[Row] = field(default_factory=list)


def review_url(mention: DateMention, preserved_filters: str) -> str:
    url = reverse("admin:timeline_datemention_review", args=[mention.pk])
    return f"{url}?{preserved_filters}" if preserved_filters else url


def grouped_rows(mentions, preserved_filters: str) -> list[Group]:
    """``mentions`` as rows, each run of mentions of one source a group."""
    return [
        Group(source, [Row(mention, review_url(mention, preserved_filters)) for mention in run])
        for source, run in groupby(mentions, key=lambda mention: mention.source)
    ]


class ReviewChangeList(ChangeList):
    """Django's change list (filters, search, pages, actions) whose page of results also comes as
    ``review_groups``, the rows the queue draws."""

    def get_results(self, request):
        super().get_results(request)
        self.review_groups = grouped_rows(self.result_list, self.preserved_filters)


class MentionReviewForm(forms.Form):
    event = forms.ModelChoiceField(
        queryset=Event.objects.filter(merged_into__isnull=True),
        required=False,
        label="Other event",
        widget=AutocompleteSelect(DateMention._meta.get_field("event"), admin.site),
    )
    title = forms.CharField(
        max_length=300, required=False, label="New event's title", help_text="Blank: the sentence."
    )
    # The "Attach" buttons post the suggested event's id under this name.
    _attach = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "There is no event “%(value)s” to attach it to."},
    )

    @property
    def attach_errors(self):
        """The errors of ``_attach`` (templates cannot name a field that starts with "_")."""
        return self.errors.get("_attach", "")


@dataclass
class Outcome:
    """What a post to the review page did: ``done`` when the mention was handled, and a message
    saying what happened or why nothing did (empty when the post asked for nothing)."""

    done: bool
    message: str = ""


def act(request, mention: DateMention, form: MentionReviewForm) -> Outcome:
    """Do what the posted button asks (``_create``, ``_attach``, ``_attach_chosen``, ``_dismiss``)."""
    post = request.POST
    if not form.is_valid():
        errors = [error for errors in form.errors.values() for error in errors]
        return Outcome(False, " ".join(errors))
    try:
        if "_create" in post:
            if not request.user.has_perm("timeline.add_event"):
                raise PermissionDenied
            event = curation.create_event_from_mention(mention, title=form.cleaned_data["title"])
            url = reverse("admin:timeline_event_change", args=[event.pk])
            return Outcome(True, format_html('Created the draft event <a href="{}">{}</a>.', url, event))
        if "_attach" in post or "_attach_chosen" in post:
            event = form.cleaned_data["event" if "_attach_chosen" in post else "_attach"]
            if event is None:
                return Outcome(False, "Choose the event to attach it to.")
            citation = curation.attach_mention(mention, event)
            url = reverse("admin:timeline_event_change", args=[citation.event_id])
            return Outcome(True, format_html('Cited on <a href="{}">{}</a>.', url, citation.event))
        if "_dismiss" in post:
            curation.dismiss(mention)
            return Outcome(True, format_html("Dismissed “{}”.", mention.text))
    except curation.CurationError as error:
        return Outcome(False, str(error))
    return Outcome(False)


def review_view(model_admin, request, object_id):
    """One mention: create an event from it, attach it to a suggested or chosen event, or dismiss
    it. A post from a row of the queue made with HTMX gets that row back, handled (or with the
    reason it was not); any other successful post goes back to the list, with its filters."""
    # Permission first, so a visitor without it learns nothing about which ids exist.
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    mention = model_admin.get_object(request, unquote(object_id))  # None for an id that is no number
    if mention is None:
        raise Http404(f"No date mention with id “{object_id}”.")
    if not model_admin.has_change_permission(request, mention):
        raise PermissionDenied
    form = MentionReviewForm(request.POST or None)
    preserved_filters = model_admin.get_preserved_filters(request)
    partial = chosen_partial(request, ROW_TARGETS)
    if request.method == "POST":
        outcome = act(request, mention, form)
        if partial:
            row = Row(mention, review_url(mention, preserved_filters))
            if outcome.done:
                row.done = outcome.message
            else:
                row.error = outcome.message or "Choose what to do with it."
            context = {"row": row, "can_create": request.user.has_perm("timeline.add_event")}
            return TemplateResponse(request, f"{ROW_TEMPLATE}#{partial.name}", context)
        if outcome.message and not form.errors:  # a form's errors show on the page
            model_admin.message_user(
                request, outcome.message, messages.SUCCESS if outcome.done else messages.ERROR
            )
        if outcome.done:
            changelist = reverse("admin:timeline_datemention_changelist")
            context = {"opts": model_admin.opts, "preserved_filters": preserved_filters}
            return HttpResponseRedirect(add_preserved_filters(context, changelist))
    stored = list(mention.suggestions.select_related("event").order_by("-score", "event__pk"))
    suggestions = [(s.event, s.score) for s in stored if not s.event.merged_into_id]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Review “{mention.text}”",
        "opts": model_admin.opts,
        "preserved_filters": preserved_filters,
        "mention": mention,
        "sentence": in_its_language(
            mention.source, marked_sentence(mention, mention.sentence, mention.sentence_start)
        ),
        "suggestions": suggestions or curation.rank_suggestions(mention),
        "form": form,
        "media": model_admin.media + form.media,
        "can_create": request.user.has_perm("timeline.add_event"),
    }
    return TemplateResponse(request, "admin/timeline/datemention/review.html", context)
