"""Small pieces of markup that repeat many times on a page (stance badges, chart bars), built in
Python rather than through the template engine."""

import json

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from timeline.models import Stance

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


# Characters that could end the script element or start markup inside it, written as JSON escapes
# (as Django's json_script does) so untrusted text cannot leave the data block.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict | None) -> str:
    """A JSON-LD data block (``<script type="application/ld+json">``), or nothing."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
