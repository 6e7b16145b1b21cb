"""The curators' admin: every model, with the lists, filters and inlines curating needs."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from timeline.forms import FuzzyDatedForm
from timeline.models import (
    Actor,
    Citation,
    DateMention,
    Event,
    Outlet,
    Source,
    Statement,
    SuggestedCitation,
    Thread,
)

HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_modifier")


class EventForm(FuzzyDatedForm):
    class Meta:
        model = Event
        exclude = DATE_COLUMNS


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
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = ["title", shown_date, "thread", "status", "citation_count"]
    list_filter = ["status", "thread", "date_precision", "actors__side"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "date_start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["actors", "thread", "merged_into"]
    fields = ["title", "slug", "date", "summary", "thread", "actors", "status", "merged_into"]
    inlines = [CitationInline, StatementInline]
    actions = ["publish", "unpublish"]
    list_select_related = ["thread"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_total=Count("citations"))

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, obj):
        return obj.citation_total

    @admin.action(description="Publish the selected events")
    def publish(self, request, queryset):
        changed = 0
        for event in queryset.exclude(status=Event.Status.PUBLISHED):
            event.status = Event.Status.PUBLISHED
            event.save()
            changed += 1
        self.message_user(request, f"Published {changed} event(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected events (back to draft)")
    def unpublish(self, request, queryset):
        changed = 0
        for event in queryset.filter(status=Event.Status.PUBLISHED):
            event.status = Event.Status.DRAFT
            event.save()
            changed += 1
        self.message_user(request, f"Moved {changed} event(s) back to draft.", messages.SUCCESS)


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    form = StatementForm
    list_display = ["short_quote", "speaker", "stance", shown_date, "review", "source"]
    list_filter = ["stance", "review", "speaker__side"]
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
        ("start", "end"),
        "review",
    ]
    list_select_related = ["speaker", "source"]

    @admin.display(description="quote")
    def short_quote(self, obj):
        return obj.quote[:90] + ("…" if len(obj.quote) > 90 else "")


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["event", "source", "excerpt"]
    list_filter = ["source__outlet"]
    search_fields = ["excerpt", "event__title", "source__title"]
    autocomplete_fields = ["event", "source", "mention"]
    list_select_related = ["event", "source"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published", "published_source", "duplicate_of", "loaded_at"]
    list_filter = ["outlet", "published_source", "language"]
    search_fields = ["title", "url", "author", "outlet__name"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet", "duplicate_of"]
    readonly_fields = ["content_hash", "fingerprint", "loaded_at", "file_name"]
    formfield_overrides = HTTPS_URLS
    list_select_related = ["outlet", "duplicate_of"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "side", "role", "parent"]
    list_filter = ["kind", "side"]
    search_fields = ["name", "aliases", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
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
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "homepage"]
    formfield_overrides = HTTPS_URLS
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SuggestionInline(admin.TabularInline):
    model = SuggestedCitation
    extra = 0
    autocomplete_fields = ["event"]


@admin.register(DateMention)
class DateMentionAdmin(admin.ModelAdmin):
    list_display = ["text", shown_date, "date_precision", "source", "review", "event"]
    list_filter = ["review", "date_precision", "source__outlet"]
    search_fields = ["text", "source__title"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["source", "event"]
    inlines = [SuggestionInline]
    list_select_related = ["source", "event"]


@admin.register(SuggestedCitation)
class SuggestedCitationAdmin(admin.ModelAdmin):
    list_display = ["mention", "event", "score"]
    autocomplete_fields = ["mention", "event"]
    list_select_related = ["mention__source", "event"]
