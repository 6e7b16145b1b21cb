"""The timeline's filter form. Invalid values are reported and ignored, never raised."""

import functools

import django_filters
from django import forms
from django.db.models import Count, Q

from timeline.forms import ActorField, QuickSelect
from timeline.models import (
    Actor,
    Citation,
    Event,
    LaneMonthCount,
    Outlet,
    Statement,
    Thread,
    independence_expression,
)
from timeline.querystrings import clean_query
from timeline.search import SearchLanes, search_words
from timeline.vocabulary import Stance


class TimelineFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ActorFilter(django_filters.Filter):
    """An actor by slug or name (``ActorField``)."""

    field_class = ActorField


class ListFilterSet(django_filters.FilterSet):
    """The filters of a list page (and of its exports): a field per parameter, and the chips that
    show which are in use."""

    def active_filters(self) -> list[tuple[str, str, str, str]]:
        """(parameter, label, shown value, URL without it) for each valid filter in use, for the
        removable chips above a list. A choice is shown by its label; a model by its name."""
        if not self.is_bound:
            return []
        self.form.is_valid()  # cleaned_data then holds the valid fields only
        chips = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            field = self.form.fields[name]
            labelled = isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField)
            shown = dict(field.choices).get(value, value) if labelled else value
            remove_url = "?" + clean_query(self.data, drop=(name, "page"))
            chips.append((name, str(field.label or name.capitalize()), str(shown), remove_url))
        return chips


class EventFilter(ListFilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in titles, summaries, quotes"}),
    )
    date_from = django_filters.DateFilter(label="From", method="filter_from", widget=DateInput)
    date_to = django_filters.DateFilter(label="To", method="filter_to", widget=DateInput)
    thread = django_filters.ModelChoiceFilter(
        queryset=Thread.objects.only("slug", "name"),
        to_field_name="slug",
        empty_label="All threads",
        widget=QuickSelect(label_field="name"),
    )
    # Typed with suggestions rather than chosen from thousands of options (most of the page's bytes).
    actor = ActorFilter(method="filter_actor", label="Actor")
    stance = django_filters.ChoiceFilter(
        label="Stance",
        widget=QuickSelect,
        choices=Stance.choices,
        method="filter_stance",
        empty_label="Any stance",
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.only("slug", "name"),
        to_field_name="slug",
        method="filter_outlet",
        label="Outlet",
        empty_label="Any outlet",
        widget=QuickSelect(label_field="name"),
    )

    min_sources = IntegerFilter(
        label="Independent sources, at least",
        method="filter_min_sources",
        min_value=1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"min": 1, "max": 1000, "inputmode": "numeric"}),
    )
    single_source = django_filters.ChoiceFilter(
        label="Corroboration",
        choices=[("1", "Single-source claims only")],
        empty_label="Any",
        method="filter_single_source",
        widget=QuickSelect,
    )
    disputed = django_filters.ChoiceFilter(
        label="Dispute",
        choices=[("1", "Disputed: alleged and denied")],
        empty_label="Any",
        method="filter_disputed",
        widget=QuickSelect,
    )

    class Meta:
        model = Event
        fields = []
        form = TimelineFilterForm

    def filter_text(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

    @functools.cached_property
    def filters_in_use(self) -> set[str]:
        """The names of the valid filters that narrow the events (a search text without words does
        not); invalid ones are ignored."""
        if not self.is_bound:
            return set()
        self.form.is_valid()  # cleaned_data then holds the valid fields only
        used = {name for name, value in self.form.cleaned_data.items() if value not in (None, "")}
        if not search_words(self.form.cleaned_data.get("q") or ""):
            used.discard("q")
        return used

    @property
    def is_narrowed_search(self) -> bool:
        """Whether a valid search text comes with another valid filter. Matching the text is
        then the costly part and the matches are few; a search alone can match tens of
        thousands of events."""
        used = self.filters_in_use
        return "q" in used and len(used) > 1

    def lane_month_counts(self):
        """What counts the published events this filter matches per thread and month from a kept
        table (its ``per_lane_month()`` and ``total()``): the kept counts (``LaneMonthCount``) when
        nothing but a thread narrows them, the search index's lanes (``SearchLanes``) for a search
        alone; else None."""
        used = self.filters_in_use
        if used == {"q"}:
            return SearchLanes(self.form.cleaned_data["q"])
        if not used <= {"thread"}:
            return None
        counts = LaneMonthCount.objects.all()
        return counts.filter(thread=self.form.cleaned_data["thread"]) if used else counts

    def valid_dates(self) -> tuple:
        """The valid ``date_from`` and ``date_to`` (None when absent or invalid)."""
        if not self.is_bound:
            return None, None
        self.form.is_valid()
        return self.form.cleaned_data.get("date_from"), self.form.cleaned_data.get("date_to")

    def filter_from(self, queryset, name, value):
        return queryset.in_period(first=value)

    def filter_to(self, queryset, name, value):
        return queryset.in_period(last=value)

    def filter_actor(self, queryset, name, value):
        """Events the actor takes part in, or speaks about."""
        acting = Event.actors.through.objects.filter(actor=value).values("event_id")
        speaking = Statement.objects.accepted().filter(speaker=value).values("event_id")
        return queryset.filter(Q(pk__in=acting) | Q(pk__in=speaking))

    def filter_stance(self, queryset, name, value):
        return queryset.stating(value)

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(pk__in=Citation.objects.filter(source__outlet=value).values("event_id"))

    def filter_min_sources(self, queryset, name, value):
        return queryset.filter(pk__in=events_with_independent_sources(at_least=value))

    def filter_single_source(self, queryset, name, value):
        return queryset.filter(pk__in=events_with_independent_sources(exactly=1)) if value else queryset

    def filter_disputed(self, queryset, name, value):
        return queryset.disputed() if value else queryset


def events_with_independent_sources(at_least: int | None = None, exactly: int | None = None):
    """A subquery of event ids with that many independent sources (one grouped query)."""
    counted = (
        Citation.objects.order_by()
        .values("event_id")
        .annotate(independent=Count(independence_expression(), distinct=True))
    )
    if at_least is not None:
        counted = counted.filter(independent__gte=at_least)
    if exactly is not None:
        counted = counted.filter(independent=exactly)
    return counted.values("event_id")


class StatementFilter(ListFilterSet):
    """The filters of the statements page and its export."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in the quote"}),
    )
    speaker = ActorFilter(label="Speaker")
    side = django_filters.ChoiceFilter(
        label="Side",
        method="filter_side",
        empty_label="Any side",
        widget=QuickSelect,
    )
    stance = django_filters.ChoiceFilter(
        label="Stance", choices=Stance.choices, empty_label="Any stance", widget=QuickSelect
    )
    date_from = django_filters.DateFilter(label="From", method="filter_from", widget=DateInput)
    date_to = django_filters.DateFilter(label="To", method="filter_to", widget=DateInput)
    event = django_filters.CharFilter(label="Event", method="filter_event", max_length=300)

    class Meta:
        model = Statement
        fields = []
        form = TimelineFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sides = Actor.objects.exclude(side="").order_by("side").values_list("side", flat=True).distinct()
        self.form.fields["side"].choices = [(side, side) for side in sides]

    def filter_text(self, queryset, name, value):
        return queryset.filter(quote__icontains=value) if value.strip() else queryset

    def filter_side(self, queryset, name, value):
        return queryset.filter(speaker__side=value)

    def filter_from(self, queryset, name, value):
        return queryset.filter(date_end__gte=value)

    def filter_to(self, queryset, name, value):
        return queryset.filter(date_start__lte=value)

    def filter_event(self, queryset, name, value):
        return queryset.filter(event__slug=value.strip()) if value.strip() else queryset
