"""Small pieces of markup that repeat many times on a page (stance badges, chart bars), built in
Python rather than through the template engine."""

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from timeline.vocabulary import Stance

register = template.Library()

# A shape as well as a colour, so the stance never depends on colour alone.
STANCE_ICONS = {
    Stance.ALLEGATION: "!",
    Stance.DENIAL: "✕",
    Stance.CONFIRMATION: "✓",
    Stance.ASSESSMENT: "◆",
}
STANCE_LABELS = dict(Stance.choices)


@register.simple_tag
def stance_badge(stance: str) -> str:
    """A stance badge: icon and word ("✕ Denial")."""
    label = STANCE_LABELS.get(stance) or str(stance).capitalize()
    return format_html(
        '<span class="badge badge--{}"><span class="badge__icon" aria-hidden="true">{}</span>{}</span>',
        stance,
        STANCE_ICONS.get(stance, "•"),
        label,
    )


@register.simple_tag
def lang_of(source) -> str:
    """` lang="ko"` for text taken from a source written in another language than the pages, so
    browsers pick fonts, hyphenation and screen-reader voices for it; "" otherwise."""
    language = getattr(source, "language", "") or ""
    if not language or language == page_language():
        return ""
    return format_html(' lang="{}"', language)


def page_language() -> str:
    """The language the pages are written in (``<html lang>``)."""
    return settings.LANGUAGE_CODE.split("-")[0]


@register.filter
def language_name(code: str) -> str:
    """The English name of a language code ("Korean" for "ko", "Chinese" for "zh"); the code itself
    for one that names no language."""
    try:
        return Locale.parse(code).english_name or code
    except (UnknownLocaleError, ValueError, TypeError):
        return code


@register.simple_tag
def density_bars(chart: dict) -> str:
    """The bars of the density chart: a link per month with events, a thin mark for an empty one."""
    width, height = chart["bar_width"], chart["height"]
    parts = []
    for bar in chart["bars"]:
        label = escape(bar.label)
        if bar.count:
            parts.append(
                f'<a href="{escape(bar.href)}" aria-label="{label}"><title>{label}</title>'
                f'<rect class="density__bar" x="{bar.x}" y="{bar.y}" width="{width}" '
                f'height="{bar.height}"></rect>'
                f'<rect class="density__hit" x="{bar.x}" y="0" width="{width}" height="{height}"></rect></a>'
            )
        else:
            parts.append(
                f'<rect class="density__gap" x="{bar.x}" y="{height - 1}" width="{width}" height="1">'
                f"<title>{label}</title></rect>"
            )
    return mark_safe("".join(parts))  # labels and links are escaped above, the rest are numbers
