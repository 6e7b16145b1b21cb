"""Small pieces of markup that repeat many times on a page (stance badges, the axis's marks), built
in Python rather than through the template engine."""

import html
import json
from datetime import timedelta

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from timeline.axis import Axis, LaneView, Mark, Unit, period_label
from timeline.querystrings import clean_query, page_path
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


# Each stance's badge, built once: a page of cards shows a hundred of them.
STANCE_BADGES = {stance: stance_badge(stance) for stance in Stance.values}


@register.simple_tag
def timeline_cards(cards) -> str:
    """A page's cards (``timeline.views.Card``), each under the year and month headings it opens."""
    parts = []
    for card in cards:
        start = card.event.date_start
        if card.new_year:
            parts.append(f'<h2 class="timeline__year">{start.year}</h2>')
        if card.new_month:
            parts.append(f'<h3 class="timeline__month">{html.escape(date_format(start, "F Y"))}</h3>')
        elif card.new_year:
            parts.append(f'<h3 class="visually-hidden">{start.year}, no month given</h3>')
        parts.append(timeline_card(card.event))
    return mark_safe("".join(parts))


def timeline_card(event) -> str:
    """A timeline card (an ``EventQuerySet.for_cards`` event): its date, title, summary, stances,
    actors and source counts, and its details to open. Fifty of these make a page, so the markup
    is built here rather than through a template each; every text is escaped where it is written
    (by the standard library's ``html.escape``, which Django's ``escape`` wraps)."""
    url = html.escape(page_path("event_detail", event.slug))
    date = event.date
    modifier = (
        f'<span class="card__modifier">{html.escape(date.modifier_text)}</span>' if date.modifier else ""
    )
    thread = f' <span class="card__thread">· {html.escape(event.thread.name)}</span>' if event.thread else ""
    parts = [
        f'<article class="card" aria-labelledby="event-{event.pk}" data-event="{event.pk}">',
        f'<p class="card__date"><time datetime="{event.date_start.isoformat()}">{modifier}'
        f"{html.escape(date.period_text)}</time>{thread}</p>",
        f'<h4 class="card__title" id="event-{event.pk}"><a href="{url}">{html.escape(event.title)}</a></h4>',
    ]
    if event.summary:
        parts.append(f'<p class="card__summary">{html.escape(event.summary)}</p>')
    parts.append('<div class="card__meta">')
    if event.stances:
        badges = "".join(f"<li>{STANCE_BADGES[stance]}</li>" for stance in event.stances)
        parts.append(f'<ul class="badges" aria-label="Stances">{badges}</ul>')
    actors = event.card_actors
    if actors:
        chips = "".join(
            f'<li><a class="chip chip--actor" href="{html.escape(page_path("actor_detail", actor.slug))}">'
            f"{html.escape(actor.name)}</a></li>"
            for actor in actors
        )
        parts.append(f'<ul class="chips" aria-label="Actors">{chips}</ul>')
    sources = event.source_count
    parts.append(
        f'<p class="card__sources">{sources} source{"" if sources == 1 else "s"} · '
        f"{event.independent_count} independent</p></div>"
        f'<details class="card__details" hx-get="{url}" hx-trigger="toggle once" '
        'hx-target="find .card__more" hx-swap="innerHTML"><summary>Sources and statements</summary>'
        f'<div class="card__more" id="details-{event.pk}">'
        f'<p><a href="{url}">The sources and statements on the event’s page</a></p></div></details></article>'
    )
    return mark_safe("".join(parts))


ROW = 18  # px per row of marks
COUNT_TRACK = 30  # px of a lane that shows counts
SHAPE_PX = 12  # px per stance shape after a mark
# The stance shapes of the badges (triangle, square, circle, diamond) and the disputed sign, as SVG
# symbols 10 px across, used by every mark.
AXIS_SYMBOLS = (
    '<symbol id="axis-shape-allegation" viewBox="0 0 10 10"><path d="M5 0.5 9.5 9.5H0.5z"/></symbol>'
    '<symbol id="axis-shape-denial" viewBox="0 0 10 10"><path d="M1 1h8v8H1z"/></symbol>'
    '<symbol id="axis-shape-confirmation" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4.5"/></symbol>'
    '<symbol id="axis-shape-assessment" viewBox="0 0 10 10"><path d="M5 0 10 5 5 10 0 5z"/></symbol>'
    '<symbol id="axis-shape-disputed" viewBox="0 0 10 10"><path d="M1 9 9 1M1 1l8 8" stroke-width="2.4"/>'
    "</symbol>"
    # Softened ends: the bar fades out over its outer fifths.
    '<linearGradient id="axis-fade"><stop offset="0" stop-color="#fff" stop-opacity="0.15"/>'
    '<stop offset="0.22" stop-color="#fff"/><stop offset="0.78" stop-color="#fff"/>'
    '<stop offset="1" stop-color="#fff" stop-opacity="0.15"/></linearGradient>'
    '<mask id="axis-soft" maskContentUnits="objectBoundingBox">'
    '<rect width="1" height="1" fill="url(#axis-fade)"/>'
    "</mask>"
)


def pct(share: float) -> str:
    return f"{share * 100:.3f}%"


class AxisLinks:
    """The links of an axis: a period keeps the other filters and sets its dates; an event its page."""

    def __init__(self, query):
        kept = clean_query(query, drop=("page", "date_from", "date_to"))
        self.kept = f"{kept}&" if kept else ""

    def period(self, first, last) -> str:
        """A link (with its dates for the script) narrowing the timeline to ``first``–``last``."""
        href = f"?{self.kept}date_from={first.isoformat()}&date_to={last.isoformat()}"
        return f'href="{escape(href)}" data-dates="{first.isoformat()} {last.isoformat()}"'

    def all_dates(self) -> str:
        href = f"?{self.kept[:-1]}" if self.kept else "?"
        return f'href="{escape(href)}" data-dates=""'

    def event(self, slug: str) -> str:
        return escape(page_path("event_detail", slug))


@register.simple_tag
def lang_of(source) -> str:
    """` lang="ko"` for text taken from a source written in another language than the pages, so
    browsers pick fonts, hyphenation and screen-reader voices for it; "" otherwise."""
    language = getattr(source, "language", "") or ""
    if not language or language == page_language():
        return ""
    return format_html(' lang="{}"', language)


def in_its_language(source, text) -> str:
    """``text`` (escaped unless already safe) marked with the source's language when it is not the
    site's, so the browser picks fonts for it."""
    attribute = lang_of(source)
    return format_html("<span{}>{}</span>", attribute, text) if attribute else format_html("{}", text)


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
def timeline_axis(axis: Axis | None, query) -> str:
    """The overview axis: a scale, then one labelled track per lane (marks or counts), the range
    handles, and a legend. Every mark and count is a real link; titles are escaped here."""
    if axis is None:
        return ""
    links = AxisLinks(query)
    window, unit = axis.window, axis.unit
    steps = " ".join(day.isoformat() for day in axis.steps)
    parts = [
        f'<figure class="axis" id="axis" aria-labelledby="axis-caption" data-first="{window.first}" '
        f'data-last="{window.last}" data-unit="{unit}" data-steps="{steps}">',
        f'<svg class="axis__defs" aria-hidden="true" focusable="false">{AXIS_SYMBOLS}</svg>',
        f'<figcaption id="axis-caption" class="axis__caption">{escape(axis_caption(axis))}</figcaption>',
        '<a class="axis__skip" href="#timeline-cards">Skip the axis</a>',
        axis_zoom(axis, links),
        '<div class="axis__grid">',
        '<div class="axis__brush" aria-hidden="true"></div>',
        '<span class="axis__corner" aria-hidden="true"></span>',
        axis_scale(axis, links),
    ]
    for lane in axis.lanes:
        parts.append(lane_track(lane, axis, links))
    parts.append("</div>")
    parts.append(axis_handles(axis))
    parts.append(axis_legend(axis))
    parts.append("</figure>")
    return mark_safe("".join(parts))  # every text and link is escaped where it is written


def axis_caption(axis: Axis) -> str:
    window = axis.window
    first, last = period_label(window.first, Unit.DAY), period_label(window.last, Unit.DAY)
    first = f"{first} {window.first.year}" if str(window.first.year) not in first else first
    last = f"{last} {window.last.year}" if str(window.last.year) not in last else last
    lanes = len(axis.lanes)
    text = f"Events by thread, {first} to {last}, in {axis.unit}s ({lanes} lane{'s' if lanes != 1 else ''})."
    if axis.focused:
        text += " The axis opens on the busiest stretch"
        outside = axis.outside
        text += f"; {outside} event{'s are' if outside != 1 else ' is'} outside it." if outside else "."
    if not axis.shows_marks:
        text += " Too many events to draw one by one: each lane counts the events starting in each period."
    return text + " Drag across the axis or use the handles below it to narrow the dates."


def axis_zoom(axis: Axis, links: AxisLinks) -> str:
    items = []
    narrower = axis.zoom_in()
    if narrower:
        items.append(f"<a {links.period(*narrower)}>Zoom in</a>")
    wider = axis.zoom_out()
    if wider:
        items.append(f"<a {links.period(*wider)}>Zoom out</a>")
    if axis.focused:
        items.append(f"<a {links.period(*axis.extent)}>Whole period</a>")
    elif wider is not None or (axis.window.first, axis.window.last) != axis.extent:
        items.append(f"<a {links.all_dates()}>All dates</a>")
    return (
        '<nav class="axis__zoom" aria-label="Zoom the axis"><ul>'
        + "".join(f"<li>{item}</li>" for item in items)
        + "</ul></nav>"
    )


def axis_scale(axis: Axis, links: AxisLinks) -> str:
    """The scale above the lanes: a line at each period, a label on every few (each label a link
    narrowing the timeline to its period)."""
    every, labelled, labelled_major = label_every(len(axis.ticks), axis.unit), False, False
    parts = ['<svg class="axis__scale" width="100%" height="30" role="group" aria-label="Periods">']
    for index, tick in enumerate(axis.ticks):
        x = pct(tick.x)
        parts.append(f'<line class="axis__tickline" x1="{x}" x2="{x}" y1="18" y2="30"></line>')
        place = tick_place(tick.first, index, axis.unit)
        if place % every == 0:
            label, major = escape(tick.label), place % (every * 2) == 0
            shown = label
            # The first label says the year, and so does the first of those a phone shows.
            if axis.unit in (Unit.DAY, Unit.MONTH) and str(tick.first.year) not in label:
                if not labelled:
                    label = shown = f"{label} {tick.first.year}"
                elif major and not labelled_major:
                    shown = f'{label}<tspan class="axis__phone-year"> {tick.first.year}</tspan>'
            labelled, labelled_major = True, labelled_major or major
            minor = "" if major else ' class="axis__minor"'  # hidden on a phone, link and all
            parts.append(
                f'<a{minor} {links.period(tick.first, tick.last)} aria-label="Narrow to {label}">'
                f'<text class="axis__ticklabel" x="{x}" y="13" transform="translate(3,0)">{shown}</text></a>'
            )
    parts.append("</svg>")
    return "".join(parts)


def label_every(ticks: int, unit: Unit) -> int:
    """Label one period in this many, so at most about twelve labels fit; for months and years a
    divisor of the year or the decade, so January and round years are always labelled."""
    wanted = max(1, -(-ticks // 12))
    rounds = {Unit.MONTH: (1, 2, 3, 6, 12), Unit.YEAR: (1, 2, 5, 10)}.get(unit)
    if not rounds:
        return wanted
    return next((n for n in rounds if n >= wanted), rounds[-1])


def tick_place(first, index: int, unit: Unit) -> int:
    """A period's place for labelling: its month, its year, or its index."""
    if unit is Unit.MONTH:
        return first.month - 1
    if unit is Unit.YEAR:
        return first.year
    return index


def lane_track(view: LaneView, axis: Axis, links: AxisLinks) -> str:
    lane = view.lane
    lane_id = f"lane-{escape(lane.key) or 'none'}"
    name = f'<h3 class="axis__lane" id="{lane_id}">{escape(lane.name)}'
    if view.earlier:
        before = axis.window.first - timedelta(days=1)
        name += (
            f' <a class="axis__outside" {links.period(axis.extent[0], before)}>← {view.earlier} earlier</a>'
        )
    if view.later:
        after = axis.window.last + timedelta(days=1)
        name += f' <a class="axis__outside" {links.period(after, axis.extent[1])}>{view.later} later →</a>'
    if view.loose:
        name += f' <span class="axis__loose">+{view.loose:,} dated to longer periods</span>'
    name += "</h3>"
    height = COUNT_TRACK if view.buckets else view.rows * ROW + 4
    parts = [
        name,
        f'<svg class="axis__track" width="100%" height="{height}" role="group" aria-labelledby="{lane_id}" '
        f'data-lane="{escape(lane.key)}">',
    ]
    for tick in axis.ticks:
        parts.append(
            f'<line class="axis__grid-line" x1="{pct(tick.x)}" x2="{pct(tick.x)}" y1="0" y2="100%"></line>'
        )
    if view.buckets:
        parts.extend(count_bucket(bucket, lane.name, axis.unit, links) for bucket in view.buckets)
    else:
        parts.extend(mark_svg(mark, links) for mark in view.marks)
    parts.append("</svg>")
    return "".join(parts)


def count_bucket(bucket, lane_name: str, unit: Unit, links: AxisLinks) -> str:
    label = f"{period_label(bucket.first, unit)}"
    if unit in (Unit.DAY, Unit.MONTH) and str(bucket.first.year) not in label:
        label += f" {bucket.first.year}"
    name = escape(f"{label}, {lane_name}: {bucket.count:,} event{'s' if bucket.count != 1 else ''}")
    bar = max(2, round(bucket.height * 16))
    x, width = pct(bucket.x), pct(bucket.width)
    return (
        f'<a class="axis__count" {links.period(bucket.first, bucket.last)} aria-label="{name}">'
        f"<title>{name}</title>"
        f'<rect class="axis__count-bar" x="{x}" width="{width}" y="{COUNT_TRACK - 2 - bar}" '
        f'height="{bar}"></rect>'
        f'<text class="axis__count-text" x="{pct(bucket.x + bucket.width / 2)}" y="10">'
        f"{bucket.count:,}</text>"
        f'<rect class="axis__hit" x="{x}" width="{width}" y="0" height="{COUNT_TRACK}"></rect></a>'
    )


def mark_svg(mark: Mark, links: AxisLinks) -> str:
    event = mark.event
    name = escape(event.label)
    y = 2 + mark.row * ROW
    x, width = pct(mark.x), pct(mark.width)
    kind = "tick" if mark.is_tick else "bar"
    classes = f"axis__mark axis__mark--{kind}" + (" axis__mark--disputed" if event.disputed else "")
    classes += " axis__mark--soft" if mark.is_soft else ""
    parts = [
        f'<a class="{classes}" href="{links.event(event.slug)}" aria-label="{name}" data-event="{event.pk}" '
        f'data-start="{event.start}" data-end="{event.end}"><title>{name}</title>'
    ]
    mask = ' mask="url(#axis-soft)"' if mark.is_soft else ""
    bar_class = "axis__tick" if mark.is_tick else "axis__bar"
    parts.append(
        f'<rect class="{bar_class}" x="{x}" width="{width}" y="{y + 3}" height="{ROW - 8}" '
        f'rx="1"{mask}></rect>'
    )
    shapes = [*mark.shapes, *(["disputed"] if event.disputed else [])]
    after = pct(mark.x + mark.width)
    for index, shape in enumerate(shapes):
        parts.append(
            f'<use class="axis__shape axis__shape--{shape}" href="#axis-shape-{shape}" '
            f'x="{after}" y="{y + 3}" '
            f'width="10" height="10" transform="translate({4 + index * SHAPE_PX},0)"></use>'
        )
    room = pct(mark.room)
    parts.append(f'<rect class="axis__hit" x="{x}" width="{room}" y="{y}" height="{ROW}"></rect></a>')
    return "".join(parts)


def axis_handles(axis: Axis) -> str:
    """Two range inputs over the window's periods (shown by the script, which applies them)."""
    periods = len(axis.steps) - 1
    first_label = escape(axis.ticks[0].label) if axis.ticks else ""
    last_label = escape(axis.ticks[-1].label) if axis.ticks else ""
    return (
        '<div class="axis__handles" hidden>'
        f'<label>From <input type="range" class="axis__from" min="0" max="{periods - 1}" step="1" value="0" '
        f'aria-valuetext="{first_label}"> <output class="axis__from-text">{first_label}</output></label>'
        f'<label>To <input type="range" class="axis__to" min="0" max="{periods - 1}" step="1" '
        f'value="{periods - 1}" aria-valuetext="{last_label}"> '
        f'<output class="axis__to-text">{last_label}</output>'
        "</label></div>"
    )


def legend_shape(shape: str) -> str:
    return (
        f'<svg class="axis__key" width="12" height="12" aria-hidden="true" focusable="false">'
        f'<use class="axis__shape axis__shape--{shape}" href="#axis-shape-{shape}" '
        'width="10" height="10" x="1" y="1">'
        "</use></svg>"
    )


def axis_legend(axis: Axis) -> str:
    items = [
        '<li><span class="axis__key-tick" aria-hidden="true"></span>known to the day</li>',
        '<li><span class="axis__key-bar" aria-hidden="true"></span>'
        "known to a period: any day in the bar</li>",
        '<li><span class="axis__key-bar axis__key-bar--soft" aria-hidden="true"></span>'
        "“early”, “mid”, “late”, “about”: vague edges</li>",
    ]
    for stance, label in Stance.choices:
        items.append(f"<li>{legend_shape(stance)}{escape(label)}</li>")
    items.append(f"<li>{legend_shape('disputed')}Disputed: alleged and denied</li>")
    return '<ul class="axis__legend" aria-label="Key">' + "".join(items) + "</ul>"


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
