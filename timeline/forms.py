"""Forms shared by the admin and the public pages."""

from html import escape

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from timeline.dates import FuzzyDate, parse_period
from timeline.models import Actor


class FuzzyDateField(forms.CharField):
    """A date typed as a person writes it ("early September 2022", "18-19 Nov 2022", "2017") or in
    EDTF ("2022-11-18/2022-11-19", "2019~")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault(
            "help_text",
            "As you would write it: “18 Nov 2022”, “18–19 Nov 2022”, “early Sep 2022”, “Jan 2023”, “2017”, "
            "or EDTF (“2022-11-18/2022-11-19”, “2019~”).",
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return str(value) if isinstance(value, FuzzyDate) else value

    def clean(self, value) -> FuzzyDate | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None


class FuzzyDatedForm(forms.ModelForm):
    """A model form that edits the four stored date columns through one ``date`` field."""

    date = FuzzyDateField()
    date_required = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].required = self.date_required
        if self.instance.pk and self.instance.date is not None:
            self.initial.setdefault("date", self.instance.date)

    def clean(self):
        cleaned = super().clean()
        if "date" in cleaned:
            self.instance.date = cleaned["date"]
        return cleaned


class PageForm(forms.Form):
    """Which slice of a long list to show; bad values fall back to the defaults."""

    page = forms.IntegerField(min_value=1, max_value=1_000_000, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=500, required=False)

    def page_and_size(self, default_size: int) -> tuple[int, int]:
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the others
        return self.cleaned_data.get("page") or 1, self.cleaned_data.get("page_size") or default_size


class QuickSelect(forms.Select):
    """A select rendered in Python rather than through a template per option: with thousands of
    actors, the template path costs tens of milliseconds on every timeline request.

    For a model choice field, ``label_field`` names the column shown as the label: the options
    are then read as plain (value, label) rows instead of one model instance each.
    """

    def __init__(self, attrs=None, choices=(), label_field: str | None = None):
        super().__init__(attrs, choices)
        self.label_field = label_field

    def options_rows(self):
        """(value, label) for each option, the empty choice first."""
        choices = self.choices
        if self.label_field and isinstance(choices, ModelChoiceIterator):
            field = choices.field
            empty = [] if field.empty_label is None else [("", field.empty_label)]
            rows = choices.queryset.values_list(field.to_field_name or "pk", self.label_field)
            return [*empty, *rows]
        return choices

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) == chosen else ""}>'
            f"{escape(str(label))}</option>"
            for key, label in self.options_rows()
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            mark_safe(options),  # every value and label is escaped above
        )


class SuggestInput(forms.TextInput):
    """A text box that offers names as the reader types: a datalist that HTMX fills from
    ``suggestions`` (a URL name answering ``<option>``s for the typed text). Without JavaScript it is
    a plain text box."""

    def __init__(self, suggestions: str, attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = f"{attrs.get('id') or name}-suggestions"
        attrs.update(
            {
                "type": "text",
                "list": options,
                "autocomplete": "off",
                "hx-get": reverse(self.suggestions),
                "hx-trigger": "input changed delay:150ms",
                "hx-target": f"#{options}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                "hx-push-url": "false",  # not the form's: a suggestion is not a page
            }
        )
        if value not in (None, ""):
            attrs["value"] = str(value)
        return format_html('<input{}><datalist id="{}"></datalist>', flatatt(attrs), options)


class ActorField(forms.CharField):
    """An actor given by its slug (as links give it) or by its name as a reader types it, whole or
    the part of it that names one actor only; shown by its name."""

    widget = SuggestInput("actor_suggestions")

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.named = {}  # typed text: the actor it named, for showing its name again

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        found = Actor.objects.named(text)
        if not found:
            raise ValidationError(f"No actor is called “{text}”.", code="invalid_choice")
        if len(found) > 1:
            names = ", ".join(actor.name for actor in found[:5]) + ("…" if len(found) > 5 else "")
            raise ValidationError(f"“{text}” could be {names}: give more of the name.", code="ambiguous")
        self.named[text] = found[0]
        return found[0]

    def prepare_value(self, value):
        actor = self.named.get(value.strip()) if isinstance(value, str) else value
        return actor.name if actor is not None and hasattr(actor, "name") else value
