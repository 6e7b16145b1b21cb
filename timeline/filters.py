"""The timeline's filter form. Invalid values are reported and ignored, never raised."""

import django_filters
from django import forms
from django.db.models import Q

from timeline.forms import QuickSelect
from timeline.models import Actor, Citation, Event, Outlet, Stance, Statement, Thread


class TimelineFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"


class EventFilter(django_filters.FilterSet):
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
        widget=QuickSelect,
    )
    actor = django_filters.ModelChoiceFilter(
        queryset=Actor.objects.only("slug", "name"),
        to_field_name="slug",
        method="filter_actor",
        label="Actor",
        empty_label="Anyone",
        widget=QuickSelect,
    )
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
        widget=QuickSelect,
    )

    class Meta:
        model = Event
        fields = []
        form = TimelineFilterForm

    def filter_text(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

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
        return queryset.filter(pk__in=Statement.objects.accepted().filter(stance=value).values("event_id"))

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(pk__in=Citation.objects.filter(source__outlet=value).values("event_id"))

    def active_filters(self) -> list[tuple[str, str, str, str]]:
        """(parameter, label, shown value, URL without it) for each valid filter in use."""
        if not self.is_bound:
            return []
        self.form.is_valid()  # cleaned_data then holds the valid fields only
        chips = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            field = self.form.fields[name]
            shown = dict(field.choices).get(value, value) if name == "stance" else value
            remove_url = "?" + clean_query(self.data, drop=(name, "page"))
            chips.append((name, str(field.label or name.capitalize()), str(shown), remove_url))
        return chips


def clean_query(query, drop=("page",)) -> str:
    """``query`` URL-encoded without empty values and without the parameters in ``drop``."""
    kept = query.copy()
    for key in list(kept):
        values = [value for value in kept.getlist(key) if value.strip()]
        if key in drop or not values:
            del kept[key]
        else:
            kept.setlist(key, values)
    return kept.urlencode()
