"""The curators' admin: every model, with the lists, filters and inlines curating needs."""

from collections import defaultdict
from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django_tasks_db.models import DBTaskResult
from simple_history.admin import SimpleHistoryAdmin

from timeline import admin_review, curation
from timeline.deletion import NAMED, count_deletion
from timeline.forms import FuzzyDatedForm
from timeline.models import (
    Actor,
    Citation,
    DateMention,
    Event,
    Outlet,
    Review,
    Source,
    Statement,
    SuggestedCitation,
    Thread,
    successions,
)
from timeline.templatetags.timeline import in_its_language

HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_modifier")


# Curators follow a load on its own page (timeline.admin_load); the task table is the worker's.
admin.site.unregister(DBTaskResult)


def source_texts(model, related: list[str]) -> list[str]:
    """The article texts a query on ``model`` joined with ``related`` (paths as given to
    ``select_related``) would read: ``model``'s own, and those of the sources it joins."""
    texts = ["text"] if model is Source else []
    for joined in related:
        target = model
        for name in joined.split("__"):
            target = target._meta.get_field(name).related_model
        if target is Source:
            texts.append(f"{joined}__text")
    return texts


class WithoutTexts:
    """A model admin whose pages read sources without their text (a list shows a source by its
    title; joining its text would copy the article once per row). The change form reads a text
    when it shows one."""

    def get_queryset(self, request):
        related = list(self.list_select_related or [])
        qs = super().get_queryset(request).select_related(*related)
        return qs.defer(*source_texts(self.model, related))


class NoNulLookups:
    """A model admin whose list treats a NUL character in its query string as an unusable lookup,
    as Django treats a filter on a field that does not exist (back to the unfiltered list), and
    whose search finds nothing for one. No one types one; PostgreSQL refuses it in any string, so
    a filter or search passing it on fails there with a server error."""

    def get_changelist_instance(self, request):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            raise IncorrectLookupParameters("A NUL character in the query string.")
        return super().get_changelist_instance(request)

    def get_search_results(self, request, queryset, search_term):
        if "\x00" in search_term:
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class ModelAdmin(NoNulLookups, admin.ModelAdmin):
    """The base of this project's model admins."""


class HistoryAdmin(NoNulLookups, SimpleHistoryAdmin):
    """django-simple-history's admin, whose history pages answer 404 for ids that are not ids
    (its own views pass them to the database, which fails with a server error)."""

    def history_view(self, request, object_id, extra_context=None):
        require_id(self.model._meta.pk, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        require_id(self.model._meta.pk, unquote(object_id))
        require_id(self.model.history.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def require_id(field, value) -> None:
    """Raise 404 unless ``value`` is a valid value of the primary key ``field``."""
    try:
        field.to_python(value)
    except ValidationError:
        raise Http404(f"“{value}” is not an id.") from None


class EventForm(FuzzyDatedForm):
    class Meta:
        model = Event
        exclude = DATE_COLUMNS

    def clean(self):
        cleaned = super().clean()
        merged_into = cleaned.get("merged_into")
        if merged_into and cleaned.get("status") == Event.Status.PUBLISHED:
            self.add_error("status", "A merged event stays a draft; publish the event it was merged into.")
        if merged_into and self.instance.pk and merged_into.pk == self.instance.pk:
            self.add_error("merged_into", "An event cannot be merged into itself.")
        return cleaned


class StatementForm(FuzzyDatedForm):
    date_required = False

    class Meta:
        model = Statement
        exclude = DATE_COLUMNS


@admin.display(description="date", ordering="date_start")
def shown_date(obj):
    return obj.date or "—"


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "excerpt", ("start", "end")]
    readonly_fields = []


class StatementInline(admin.StackedInline):
    model = Statement
    form = StatementForm
    extra = 0
    autocomplete_fields = ["speaker", "source"]
    fields = [("speaker", "speaker_name"), "quote", ("stance", "date", "review"), "source", ("start", "end")]


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    form = EventForm
    list_display = ["title", shown_date, "thread", "status", "citation_count"]
    list_filter = ["status", "thread", "date_precision", "actors__side"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "date_start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["actors", "thread", "merged_into"]
    fields = ["title", "slug", "date", "summary", "thread", "actors", "status", "merged_into"]
    inlines = [CitationInline, StatementInline]
    actions = ["publish", "unpublish", "merge_two"]
    list_select_related = ["thread"]

    def get_queryset(self, request):
        # An aggregate drops the model's default ordering; keep it explicit (autocomplete paginates).
        return (
            super()
            .get_queryset(request)
            .annotate(citation_total=Count("citations"))
            .order_by(*Event._meta.ordering)
        )

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, obj):
        return obj.citation_total

    @admin.action(description="Publish the selected events", permissions=["change"])
    def publish(self, request, queryset):
        changed = 0
        for event in queryset.exclude(status=Event.Status.PUBLISHED).filter(merged_into__isnull=True):
            event.status = Event.Status.PUBLISHED
            event.save()
            changed += 1
        self.message_user(request, f"Published {changed} event(s).", messages.SUCCESS)
        merged = queryset.filter(merged_into__isnull=False).count()
        if merged:
            self.message_user(
                request, f"Skipped {merged} merged event(s): they stay drafts.", messages.WARNING
            )

    @admin.action(description="Unpublish the selected events (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        changed = 0
        for event in queryset.filter(status=Event.Status.PUBLISHED):
            event.status = Event.Status.DRAFT
            event.save()
            changed += 1
        self.message_user(request, f"Moved {changed} event(s) back to draft.", messages.SUCCESS)

    @admin.action(
        description="Merge the two selected events (same event recorded twice)", permissions=["change"]
    )
    def merge_two(self, request, queryset):
        """Asks which event to keep (the published one, else the older one, is preselected), then
        merges the other into it."""
        events = list(queryset.order_by("created_at", "pk"))
        if len(events) != 2:
            self.message_user(request, "Select exactly two events to merge.", messages.ERROR)
            return None
        if any(event.merged_into_id for event in events):
            self.message_user(request, "One of these events was already merged.", messages.ERROR)
            return None
        if "apply" in request.POST:
            keep_id = request.POST.get("keep")
            chosen = [event for event in events if str(event.pk) == keep_id]
            if chosen:
                keep = chosen[0]
                other = events[1] if keep is events[0] else events[0]
                result = curation.merge_events(keep, other)
                self.message_user(
                    request, str(result), messages.WARNING if result.published else messages.SUCCESS
                )
                return None
            self.message_user(request, "Choose which event to keep.", messages.ERROR)
        published = [event for event in events if event.status == Event.Status.PUBLISHED]
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two events",
            "opts": self.model._meta,
            "events": events,
            "keep_default": curation.event_to_keep(*events).pk,
            "only_published": published[0] if len(published) == 1 else None,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/merge.html", context)


@admin.register(Statement)
class StatementAdmin(WithoutTexts, HistoryAdmin):
    form = StatementForm
    list_display = ["short_quote", "speaker", "stance", shown_date, "review", "source"]
    list_filter = ["stance", "review", "speaker__side", "anchor_status"]
    search_fields = ["quote", "speaker__name", "speaker_name", "source__title"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["speaker", "event", "source"]
    fields = [
        ("speaker", "speaker_name"),
        "quote",
        "stance",
        "date",
        "event",
        "source",
        ("start", "end", "anchor_status"),
        "review",
    ]
    list_select_related = ["speaker", "source"]
    ordering = ["-source__published", "-source__loaded_at", "start", "pk"]
    actions = ["accept_selected", "dismiss_selected"]

    def save_model(self, request, obj, form, change):
        if "_accept" in request.POST:
            obj.review = Review.ACCEPTED
        super().save_model(request, obj, form, change)

    @admin.action(description="Accept the selected statements as they are", permissions=["change"])
    def accept_selected(self, request, queryset):
        done = 0
        for statement in queryset.exclude(review=Review.ACCEPTED):
            curation.accept_statement(statement)
            done += 1
        self.message_user(request, f"Accepted {done} statement(s).", messages.SUCCESS)

    @admin.action(description="Dismiss the selected statements", permissions=["change"])
    def dismiss_selected(self, request, queryset):
        done = 0
        for statement in queryset.exclude(review=Review.DISMISSED):
            curation.dismiss(statement)
            done += 1
        self.message_user(request, f"Dismissed {done} statement(s).", messages.SUCCESS)

    @admin.display(description="quote")
    def short_quote(self, obj):
        return in_its_language(obj.source, shortened(obj.quote))


def shortened(text: str, length: int = 90) -> str:
    """``text`` cut to ``length`` characters, with "…" when it was longer (for list columns)."""
    return text[:length] + ("…" if len(text) > length else "")


@admin.register(Citation)
class CitationAdmin(WithoutTexts, HistoryAdmin):
    list_display = ["event", "source", "short_excerpt"]
    list_filter = ["source__outlet", "anchor_status"]
    search_fields = ["excerpt", "event__title", "source__title"]
    autocomplete_fields = ["event", "source", "mention"]
    list_select_related = ["event", "source"]

    @admin.display(description="excerpt")
    def short_excerpt(self, obj):
        return shortened(obj.excerpt, 300)


def _named(objects: list, admin_site, total: int | None = None) -> list[str]:
    """Up to ``NAMED`` of ``objects`` as admin links (or plain names), then how many more of
    ``total`` there are."""
    total = len(objects) if total is None else total
    named = []
    for obj in _without_texts(objects[:NAMED]):
        opts = obj._meta
        label = format_html("{}: {}", capfirst(opts.verbose_name), obj)
        if obj.__class__ in admin_site._registry:
            url = reverse(f"{admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            label = format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)
        named.append(label)
    if total > len(named):
        named.append(f"… and {total - len(named):,} more")
    return named


def _without_texts(objects: list) -> list:
    """``objects`` read again with the sources they point at, but not those sources' texts (their
    names show a source's title; reading each source whole would copy the article per row)."""
    by_model = defaultdict(list)
    for obj in objects:
        by_model[obj.__class__].append(obj.pk)
    found = {}
    for model, pks in by_model.items():
        to_sources = [f.name for f in model._meta.concrete_fields if f.related_model is Source]
        rows = model._base_manager.filter(pk__in=pks).select_related(*to_sources)
        rows = rows.defer(*source_texts(model, to_sources))
        found.update(((model, row.pk), row) for row in rows)
    return [found[obj.__class__, obj.pk] for obj in objects if (obj.__class__, obj.pk) in found]


def source_deletion_summary(sources: list[Source], request, admin_site):
    """What deleting ``sources`` does, as ``ModelAdmin.get_deleted_objects`` returns it, in counts.

    Django's own list names every object deleted along with them, and reads each date mention
    joined with its source, text included: one copy of the article per mention. This counts what
    goes per model in SQL (``timeline.deletion``), names only the sources (or what protects
    them), and says which copy takes each original's place."""
    ids = [source.pk for source in sources]
    found = count_deletion(Source.objects.filter(pk__in=ids))
    if found.protecting_count:
        return [], {}, set(), _named(found.protecting, admin_site, found.protecting_count)
    counts = found.deleted
    model_count = {model._meta.verbose_name_plural: n for model, n in counts.items()}
    registry = admin_site._registry
    perms_needed = {
        str(model._meta.verbose_name)
        for model in counts
        if model in registry and not registry[model].has_delete_permission(request)
    }
    deleted = _named(sources, admin_site)
    along = [f"{n:,} {model._meta.verbose_name_plural}" for model, n in counts.items() if model is not Source]
    if along:
        deleted.append(f"Deleted with {'it' if len(ids) == 1 else 'them'}: " + ", ".join(along))
    deleted += [f"Copies stay one source: {succession}" for succession in successions(ids)]
    return deleted, model_count, perms_needed, []


@admin.register(Source)
class SourceAdmin(WithoutTexts, HistoryAdmin):
    list_display = [
        "title",
        "outlet",
        "language",
        "published",
        "published_source",
        "duplicate_of",
        "loaded_at",
    ]
    list_filter = ["outlet", "published_source", "language"]
    search_fields = ["title", "url", "author", "outlet__name"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet", "duplicate_of"]
    readonly_fields = ["content_hash", "fingerprint", "loaded_at", "file_name"]
    formfield_overrides = HTTPS_URLS
    list_select_related = ["outlet", "duplicate_of"]

    def get_deleted_objects(self, objs, request):
        """Counts, not one line per date mention (see ``source_deletion_summary``)."""
        sources = list(objs.defer("text")) if isinstance(objs, models.QuerySet) else list(objs)
        return source_deletion_summary(sources, request, self.admin_site)


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "kind", "side", "role", "parent"]
    list_filter = ["kind", "side"]
    search_fields = ["name", "aliases", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Thread)
class ThreadAdmin(ModelAdmin):
    list_display = ["name", "position", "event_count"]
    list_editable = ["position"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_total=Count("events"))

    @admin.display(description="events", ordering="event_total")
    def event_count(self, obj):
        return obj.event_total


@admin.register(Outlet)
class OutletAdmin(ModelAdmin):
    list_display = ["name", "homepage"]
    formfield_overrides = HTTPS_URLS
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SuggestionInline(admin.TabularInline):
    model = SuggestedCitation
    extra = 0
    autocomplete_fields = ["event"]


class ReviewFilter(admin.SimpleListFilter):
    """Review state, showing the mentions still awaiting review unless asked otherwise."""

    title = "review"
    parameter_name = "review__exact"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Review.choices, (self.ALL, "All")]

    def queryset(self, request, queryset):
        value = self.value() or Review.PENDING
        return queryset if value == self.ALL else queryset.filter(review=value)

    def choices(self, changelist):
        current = self.value() or Review.PENDING
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


@admin.register(DateMention)
class DateMentionAdmin(WithoutTexts, ModelAdmin):
    """The review queue: what the loader found, newest source first, pending ones by default, drawn
    as rows to act on (``timeline.admin_review``)."""

    list_display = ["text", shown_date, "date_precision", "source", "review", "event"]
    list_filter = [ReviewFilter, "date_precision", "source__outlet"]
    list_per_page = admin_review.PER_PAGE
    search_fields = ["text", "source__title"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["source", "event"]
    inlines = [SuggestionInline]
    list_select_related = ["source", "source__outlet", "source__duplicate_of", "event"]
    ordering = ["-source__published", "-source__loaded_at", "-source_id", "start"]
    actions = ["create_events", "attach_to_best", "dismiss_selected", "refresh_suggestions"]

    def get_queryset(self, request):
        queryset = admin_review.around_mentions(super().get_queryset(request))
        return queryset.prefetch_related(admin_review.ranked_suggestions())

    def get_changelist(self, request, **kwargs):
        return admin_review.ReviewChangeList

    def changelist_view(self, request, extra_context=None):
        # The queue is a work surface: the whole width for the sentences, not the app list.
        extra_context = {
            "title": "Review queue: date mentions",
            "is_nav_sidebar_enabled": False,
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        review = self.admin_site.admin_view(partial(admin_review.review_view, self))
        return [
            path("<path:object_id>/review/", review, name="timeline_datemention_review"),
            *super().get_urls(),
        ]

    @admin.action(description="Create a draft event from each selected mention", permissions=["change"])
    def create_events(self, request, queryset):
        if not request.user.has_perm("timeline.add_event"):
            raise PermissionDenied
        created, skipped = 0, 0
        for mention in queryset.select_related("source").filter(event__isnull=True):
            if mention.resolved:
                curation.create_event_from_mention(mention)
                created += 1
            else:
                skipped += 1
        self.message_user(request, f"Created {created} draft event(s).", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"Skipped {skipped} mention(s) with no resolved date.", messages.WARNING
            )

    @admin.action(
        description="Attach each selected mention to its best suggested event", permissions=["change"]
    )
    def attach_to_best(self, request, queryset):
        attached, unmatched = 0, 0
        for mention in queryset.select_related("source"):
            event = curation.best_suggestion(mention)
            if event is None:
                unmatched += 1
                continue
            curation.attach_mention(mention, event)
            attached += 1
        self.message_user(request, f"Attached {attached} mention(s).", messages.SUCCESS)
        if unmatched:
            self.message_user(request, f"{unmatched} mention(s) had no suggestion.", messages.WARNING)

    @admin.action(description="Dismiss the selected mentions", permissions=["change"])
    def dismiss_selected(self, request, queryset):
        done = 0
        for mention in queryset.exclude(review=Review.DISMISSED):
            curation.dismiss(mention)
            done += 1
        self.message_user(request, f"Dismissed {done} mention(s).", messages.SUCCESS)

    @admin.action(description="Recompute the suggested events", permissions=["change"])
    def refresh_suggestions(self, request, queryset):
        for mention in queryset.select_related("source"):
            curation.refresh_suggestions(mention)
        self.message_user(request, "Suggestions recomputed.", messages.SUCCESS)


@admin.register(SuggestedCitation)
class SuggestedCitationAdmin(WithoutTexts, ModelAdmin):
    list_display = ["mention", "event", "score"]
    autocomplete_fields = ["mention", "event"]
    list_select_related = ["mention__source", "event"]
