"""Import a TimelineJS timeline: its Google Sheets template saved as CSV, or its JSON format.

TimelineJS (https://timeline.knightlab.com/docs/using-spreadsheets.html) documents the sheet's
columns: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline,
Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background; its JSON format
(https://timeline.knightlab.com/docs/json-format.html) has the same fields per event. Each slide
becomes a draft event: its date's precision is that of the date columns filled (a year, a month, a
day), refined by the Display Date when that reads as a date within them ("early Sep 2022"); its
group becomes its thread; its media and the links in its text become sources, each cited with the
words the sheet gives it, flagged for a curator to check against the article. The title slide and
eras are not events.

Every row is read before anything is written: a bad row is reported with its line (CSV) or its
position (JSON), and then nothing is stored.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date

import lxml.html
from django.db import transaction

from timeline.dates import FuzzyDate, Precision, parse_period
from timeline.highlight import safe_url
from timeline.models import Anchoring, Citation, Event, Source, Thread, unique_slug

# The sheet's columns a slide's date is read from, start then end.
START_COLUMNS, END_COLUMNS = ("Year", "Month", "Day"), ("End Year", "End Month", "End Day")
PRECISIONS = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}  # by the number of parts filled
COARSER = [Precision.DAY, Precision.MONTH, Precision.YEAR]
NOT_EVENTS = {"title", "era"}  # slide types that are not events
TITLE_LENGTH = 300
MAX_LINK_TITLE = 500


class ImportFailed(ValueError):
    """The file could not be imported; ``problems`` names each bad row."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Link:
    url: str
    title: str


@dataclass
class Slide:
    """One event as the file gives it, checked and ready to store."""

    where: str
    headline: str
    date: FuzzyDate
    summary: str = ""
    group: str = ""
    unique_id: str = ""
    links: list[Link] = field(default_factory=list)


@dataclass
class Imported:
    events: list[Event]
    threads: list[Thread]
    sources: int


# Reading


def read_timeline(content: str, name: str) -> list[Slide]:
    """The slides of a TimelineJS file (JSON when it reads as JSON, else the sheet as CSV); raises
    ``ImportFailed`` naming every bad row."""
    stripped = content.lstrip("\ufeff").lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise ImportFailed([f"{name}: not valid JSON (line {error.lineno}: {error.msg})"]) from None
        return _checked(name, _json_rows(data, name))
    return _checked(name, _csv_rows(stripped, name))


def _checked(name: str, rows) -> list[Slide]:
    slides, problems = [], []
    for where, row in rows:
        try:
            slide = _slide(where, row)
        except ValueError as error:
            problems.append(f"{name} {where}: {error}")
            continue
        if slide is not None:
            slides.append(slide)
    if problems:
        raise ImportFailed(problems)
    if not slides:
        raise ImportFailed([f"{name}: no events in it (a TimelineJS sheet as CSV, or TimelineJS JSON)"])
    return slides


def _csv_rows(content: str, name: str):
    reader = csv.DictReader(io.StringIO(content))
    missing = [column for column in ("Year", "Headline") if column not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed([f"{name}: not a TimelineJS sheet (no {', '.join(missing)} column)"])
    line = reader.line_num + 1
    for row in reader:
        yield f"line {line}", {key: (value or "").strip() for key, value in row.items() if key}
        line = reader.line_num + 1


def _json_rows(data, name: str):
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        raise ImportFailed([f"{name}: not TimelineJS JSON (no list of events)"])
    for number, event in enumerate(events, start=1):
        if not isinstance(event, dict):
            yield f"event {number}", {"Year": "", "Headline": ""}
            continue
        text = event.get("text") or {}
        media = event.get("media") or {}
        row = {
            "Headline": text.get("headline", ""),
            "Text": text.get("text", ""),
            "Display Date": event.get("display_date", ""),
            "Group": event.get("group", ""),
            "Media": media.get("url", ""),
            "Media Caption": media.get("caption", ""),
            "Media Credit": media.get("credit", ""),
            "unique_id": event.get("unique_id", ""),
        }
        for columns, key in ((START_COLUMNS, "start_date"), (END_COLUMNS, "end_date")):
            parts = event.get(key) or {}
            for column, part in zip(columns, ("year", "month", "day"), strict=True):
                row[column] = str(parts.get(part, "")).strip()
        yield f"event {number}", row


def _slide(where: str, row: dict) -> Slide | None:
    if row.get("Type", "").lower() in NOT_EVENTS:
        return None
    headline = plain_text(row.get("Headline", ""))
    if not headline:
        raise ValueError("no headline")
    if len(headline) > TITLE_LENGTH:
        raise ValueError(f"the headline is longer than {TITLE_LENGTH} characters")
    text_html = row.get("Text", "")
    links = links_in(text_html)
    media = safe_url(row.get("Media", ""))
    if media:
        title = plain_text(row.get("Media Caption", "")) or plain_text(row.get("Media Credit", "")) or media
        links.insert(0, Link(media, title[:MAX_LINK_TITLE]))
    return Slide(
        where=where,
        headline=headline,
        date=slide_date(row),
        summary=summary_of(text_html),
        group=plain_text(row.get("Group", ""))[:200],
        unique_id=row.get("unique_id", ""),
        links=links,
    )


def slide_date(row: dict) -> FuzzyDate:
    """The date of a slide: the span its date columns give, at the precision of the parts filled;
    the Display Date instead when it reads as a date lying within that span (it says more)."""
    start, start_precision = _columns_date(row, START_COLUMNS, "start")
    if start is None:
        raise ValueError("no Year")
    end, end_precision = _columns_date(row, END_COLUMNS, "end")
    precision = start_precision
    if end is not None:
        # Both ends at the coarser of their precisions ("2022" to "Mar 2023" is 2022–2023).
        precision = max(start_precision, end_precision, key=COARSER.index)
        if end < start:
            raise ValueError(f"the end ({end}) is before the start ({start})")
    span = FuzzyDate.of(start, precision, until=end)
    shown = plain_text(row.get("Display Date", ""))
    if shown:
        try:
            stated = parse_period(shown)
        except ValueError:
            return span
        if span.start <= stated.start and stated.end <= span.end:
            return stated
    return span


def _columns_date(row: dict, columns, which: str) -> tuple[date | None, Precision | None]:
    values = [row.get(column, "").strip() for column in columns]
    filled = 0
    for value in values:
        if not value:
            break
        filled += 1
    if any(values[filled:]):
        raise ValueError(f"the {which} date has a {columns[filled]} missing before a later part")
    if not filled:
        return None, None
    try:
        numbers = [int(value) for value in values[:filled]]
        day = date(numbers[0], *(numbers[1:] + [1] * (3 - filled)))
    except ValueError:
        shown = "-".join(values[:filled])
        raise ValueError(f"the {which} date {shown!r} is not a calendar date") from None
    return day, PRECISIONS[filled]


def plain_text(html_text: str) -> str:
    """The text of a TimelineJS HTML field, entities decoded and whitespace collapsed."""
    if not html_text or not html_text.strip():
        return ""
    if "<" not in html_text and "&" not in html_text:
        return " ".join(html_text.split())
    return " ".join(lxml.html.fragment_fromstring(html_text, create_parent="div").text_content().split())


def _fragment(html_text: str):
    return lxml.html.fragment_fromstring(html_text, create_parent="div") if html_text.strip() else None


def links_in(html_text: str) -> list[Link]:
    """The http(s) links of a Text field, except its own permalink (``rel="bookmark"``)."""
    root = _fragment(html_text) if "<a" in html_text else None
    if root is None:
        return []
    links = []
    for anchor in root.iter("a"):
        url = safe_url(anchor.get("href", ""))
        if url and "bookmark" not in (anchor.get("rel") or "").split():
            links.append(Link(url, (" ".join(anchor.text_content().split()) or url)[:MAX_LINK_TITLE]))
    return links


def summary_of(html_text: str) -> str:
    """A Text field's words, without its lists of links and its permalink paragraph."""
    root = _fragment(html_text) if "<" in html_text else None
    if root is None:
        return plain_text(html_text)
    # A list of the sources (as this timeline's own export writes them) or of links only.
    for element in list(root.iter("ul", "ol")):
        only_links = element.xpath(".//a") and not element.xpath(
            ".//text()[not(ancestor::a)][normalize-space()]"
        )
        if "sources" in (element.get("class") or "").split() or only_links:
            element.drop_tree()
    for anchor in list(root.iter("a")):
        if "bookmark" in (anchor.get("rel") or "").split():
            anchor.drop_tree()
    return " ".join(root.text_content().split())


# Writing


@transaction.atomic
def import_slides(slides: list[Slide]) -> Imported:
    """Store ``slides`` as draft events, in one transaction."""
    threads: dict[str, Thread] = {}
    events, source_ids = [], set()
    for slide in slides:
        event = Event(title=slide.headline, summary=slide.summary, status=Event.Status.DRAFT)
        event.date = slide.date
        if slide.unique_id and not Event.objects.filter(slug=slide.unique_id).exists():
            event.slug = unique_slug(Event, slide.unique_id)
        if slide.group:
            event.thread = threads.get(slide.group) or threads.setdefault(slide.group, _thread(slide.group))
        event.save()
        for link in slide.links:
            source_id = _source_id(link)
            source_ids.add(source_id)
            Citation.objects.get_or_create(
                event=event,
                source_id=source_id,
                excerpt=link.title,
                defaults={"anchor_status": Anchoring.LOST},
            )
        events.append(event)
    return Imported(events, list(threads.values()), len(source_ids))


def _thread(name: str) -> Thread:
    thread = Thread.objects.filter(name__iexact=name).first()
    return thread or Thread.objects.create(name=name, slug=unique_slug(Thread, name, max_length=190))


def _source_id(link: Link) -> int:
    """The stored source at the link's URL (by its key alone: its text is not needed), else a new one."""
    source_id = Source.objects.filter(url=link.url).values_list("pk", flat=True).first()
    return source_id or Source.objects.create(url=link.url, title=link.title or link.url).pk
