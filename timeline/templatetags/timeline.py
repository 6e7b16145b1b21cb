"""Small pieces of markup used on every card, built in Python because they repeat hundreds of
times on a page."""

from django import template
from django.utils.html import format_html

from timeline.models import Stance

register = template.Library()

# A shape as well as a colour, so the stance never depends on colour alone.
STANCE_ICONS = {
    Stance.ALLEGATION: "!",
    Stance.DENIAL: "✕",
    Stance.CONFIRMATION: "✓",
    Stance.ASSESSMENT: "◆",
}


@register.simple_tag
def stance_badge(stance: str) -> str:
    """A stance badge: icon and word ("✕ Denial")."""
    label = Stance(stance).label if stance in Stance.values else str(stance).capitalize()
    return format_html(
        '<span class="badge badge--{}"><span class="badge__icon" aria-hidden="true">{}</span>{}</span>',
        stance,
        STANCE_ICONS.get(stance, "•"),
        label,
    )
