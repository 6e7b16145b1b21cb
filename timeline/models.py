"""The timeline's data: what happened (Event), who said what (Statement), and where it is written
(Source, Citation, DateMention).

Dates are uncertain: every dated row stores the span of days its date covers plus the precision
and modifier it was stated with (see ``timeline.dates.FuzzyDate``), so sorting and range filters
are comparisons on two indexed columns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from timeline.anchoring import CONTEXT_CHARS
from timeline.dates import FuzzyDate, Modifier, Precision
from timeline.querystrings import page_path
from timeline.search import matching_event_ids
from timeline.vocabulary import DateSource, LanguageSource, Stance


class Review(models.TextChoices):
    """Whether a curator has checked something the loader found."""

    PENDING = "pending", "Awaiting review"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


class Anchoring(models.TextChoices):
    """Whether a citation's or statement's offsets still point at its words after the source's text
    was loaded again with changes (see ``timeline.anchoring``)."""

    ANCHORED = "", "As stored"
    EXACT = "exact", "Found again exactly"
    FUZZY = "fuzzy", "Found again approximately"
    LOST = "lost", "Not located in its source's text: check it"


PRECISION_CHOICES = [(p.value, p.value.capitalize()) for p in Precision]
MODIFIER_CHOICES = [(m.value, m.value.capitalize() or "—") for m in Modifier]


class FuzzyDated(models.Model):
    """A date known to some precision, stored as the span of days it covers."""

    date_start = models.DateField("covers from", null=True, blank=True)
    date_end = models.DateField("covers until", null=True, blank=True)
    date_precision = models.CharField("precision", max_length=8, choices=PRECISION_CHOICES, default="day")
    date_modifier = models.CharField(
        "modifier", max_length=8, choices=MODIFIER_CHOICES, blank=True, default=""
    )

    class Meta:
        abstract = True

    @property
    def date(self) -> FuzzyDate | None:
        return stored_date(self.date_start, self.date_end, self.date_precision, self.date_modifier)

    @date.setter
    def date(self, value: FuzzyDate | None) -> None:
        if value is None:
            self.date_start = self.date_end = None
            self.date_modifier = ""
            return
        self.date_start, self.date_end = value.start, value.end
        self.date_precision, self.date_modifier = value.precision.value, value.modifier.value


def stored_date(start: date | None, end: date | None, precision: str, modifier: str) -> FuzzyDate | None:
    """The date the four ``FuzzyDated`` columns store (None when undated), from an instance or a row."""
    if start is None or end is None:
        return None
    return FuzzyDate(start, end, precision, modifier)


def _date_span_is_ordered(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(date_end__gte=models.F("date_start")) | Q(date_start__isnull=True),
        name=f"{prefix}_date_end_after_start",
    )


class Thread(models.Model):
    """A storyline the timeline follows (e.g. "November 2022 rail shipments")."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the thread filter.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class ActorQuerySet(models.QuerySet):
    def named(self, text: str) -> list[Actor]:
        """The actor ``text`` names by its slug or its whole name (in any case); else, at most six,
        those whose names or other names contain it."""
        text = text.strip()
        if not text:
            return []
        by_slug_first = models.Case(models.When(slug=text, then=0), default=1)
        exact = list(self.filter(Q(slug=text) | Q(name__iexact=text)).order_by(by_slug_first)[:1])
        if exact:
            return exact
        return list(self.filter(Q(name__icontains=text) | Q(aliases__icontains=text)).order_by("name")[:6])

    def suggested(self, text: str, limit: int = 20) -> list[str]:
        """Names to offer while ``text`` is typed: those starting with it first, then those that
        contain it (or whose other names do), at most ``limit``."""
        text = text.strip()
        if not text:
            return []
        found = (
            self.filter(Q(name__icontains=text) | Q(aliases__icontains=text))
            .alias(later=models.Case(models.When(name__istartswith=text, then=0), default=1))
            .order_by("later", "name")
        )
        return list(found.values_list("name", flat=True)[:limit])


class Actor(models.Model):
    """A person or organisation that speaks or acts."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        GOVERNMENT = "government", "Government body"
        MEDIA = "media", "News organisation"
        ARMED_GROUP = "armed_group", "Armed group"
        RESEARCH = "research", "Research organisation"
        INTERNATIONAL = "international", "International organisation"
        ORGANISATION = "organisation", "Other organisation"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The organisation this actor belongs to or speaks for.",
    )
    side = models.CharField(
        max_length=100,
        blank=True,
        help_text="The country or side it speaks for, e.g. “United States”, “DPRK”.",
    )
    role = models.CharField(max_length=200, blank=True, help_text="Title or role, e.g. “NSC spokesperson”.")
    aliases = models.TextField(blank=True, help_text="Other names it appears under, one per line.")
    history = HistoricalRecords()

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["side", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return page_path("actor_detail", self.slug)

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def names(self) -> list[str]:
        """Every name this actor can be matched by."""
        return [self.name, *self.alias_list]


class Outlet(models.Model):
    """A publisher; several articles from one outlet count once as corroboration."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SourceQuerySet(models.QuerySet):
    def delete(self):
        """Delete these sources as ``delete_sources`` does."""
        if self.query.is_sliced:
            raise TypeError("Cannot use 'limit' or 'offset' with delete().")
        with transaction.atomic(using=self.db):
            # Fixed first: promoting a copy changes the rows a filter on ``duplicate_of`` matches.
            ids = list(self.values_list("pk", flat=True))
            rows = self.model._base_manager.using(self.db).filter(pk__in=ids)
            return delete_sources(ids, lambda: models.QuerySet.delete(rows), using=self.db)


class Source(models.Model):
    """One article or document."""

    title = models.CharField(max_length=500)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="sources"
    )
    url = models.URLField("URL", max_length=1000, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published = models.DateField("publication date", null=True, blank=True)
    published_source = models.CharField(
        "publication date from", max_length=10, choices=DateSource.choices, default=DateSource.UNKNOWN.value
    )
    published_note = models.CharField(
        max_length=500, blank=True, help_text="How the publication date was determined, when not obvious."
    )

    language = models.CharField(
        max_length=16, default="en", help_text="The language the text is written in, as a code (ko, uk, en)."
    )
    language_source = models.CharField(
        "language from", max_length=10, choices=LanguageSource.choices, default=LanguageSource.GIVEN.value
    )
    text = models.TextField(blank=True, help_text="Cleaned article text; offsets of mentions point into it.")
    content_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the cleaned text.")
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="Similarity fingerprint used to recognise reworded copies."
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="The original, when this is a reworded or syndicated copy.",
    )
    file_name = models.CharField(max_length=300, blank=True, help_text="The file it was loaded from.")
    loaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(excluded_fields=["text"])

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_url_unique"),
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="source_content_hash_unique"
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("id")), name="source_not_own_duplicate"
            ),
        ]
        indexes = [models.Index(fields=["fingerprint"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return page_path("source_detail", self.pk)

    @property
    def original(self) -> Source:
        """The source this one copies, or itself."""
        return self.duplicate_of or self

    @property
    def is_translation(self) -> bool:
        """Whether this is a copy in another language than its original: a translation."""
        return self.duplicate_of is not None and self.duplicate_of.language != self.language

    def delete(self, *args, **kwargs):
        """Delete this source as ``delete_sources`` does."""
        return delete_sources([self.pk], lambda: super(Source, self).delete(*args, **kwargs), self._state.db)


def delete_sources(ids: list[int], delete, using: str | None = None) -> tuple[int, dict[str, int]]:
    """Delete the sources ``ids`` with ``delete`` (Django's deletion of them), in one transaction,
    after keeping their copies together (``keep_copies_together``) and deleting their date mentions
    in bulk (``delete_mentions``). Returns what ``delete`` returns, the mentions counted in."""
    with transaction.atomic(using=using):
        keep_copies_together(ids)
        mentions = delete_mentions(ids)
        total, per_model = delete()
    return total + sum(mentions.values()), dict(Counter(per_model) + mentions)


def delete_mentions(ids: list[int]) -> Counter:
    """Delete the date mentions of the sources ``ids`` and their suggestions in three statements,
    unlinking the citations made from them as ``SET_NULL`` would. Django's collector would read
    every mention and delete them a hundred at a time (over 20 s for a megabyte of dates); only the
    rows' counts are returned, per model label."""
    mentions = DateMention.objects.filter(source__in=ids)
    _, suggestions = SuggestedCitation.objects.filter(mention__in=mentions).delete()
    Citation.objects.filter(mention__in=mentions).update(mention=None)
    deleted = mentions._raw_delete(mentions.db)  # as the collector's own fast deletes do
    return Counter(suggestions) + Counter({DateMention._meta.label: deleted})


@dataclass(frozen=True)
class Succession:
    """What deleting an original does to its copies: ``heir`` becomes the original and
    ``others`` (the rest of its copies) become copies of ``heir``."""

    original_id: int
    heir: Source
    others: list[int]

    def __str__(self) -> str:
        heir, original = self.heir, self.original_id
        text = f"Source {heir.pk} (“{heir.title}”) becomes the original in place of source {original}"
        n = len(self.others)
        return text + (f", with the {n} other cop{'y' if n == 1 else 'ies'} pointing at it." if n else ".")


def successions(ids) -> list[Succession]:
    """For each source in ``ids`` that has copies not in ``ids``: the copy that takes its place (the
    earliest published, else the earliest stored) and the others, which will point at it."""
    copies = (
        Source.objects.filter(duplicate_of__in=ids)
        .exclude(pk__in=ids)
        .defer("text")
        .order_by("duplicate_of_id", models.F("published").asc(nulls_last=True), "loaded_at", "pk")
    )
    found: dict[int, Succession] = {}
    for copy in copies:
        if copy.duplicate_of_id in found:
            found[copy.duplicate_of_id].others.append(copy.pk)
        else:
            found[copy.duplicate_of_id] = Succession(copy.duplicate_of_id, copy, [])
    return list(found.values())


def keep_copies_together(ids) -> list[Succession]:
    """Before the sources ``ids`` are deleted: promote one copy of each to original and point its
    other copies at it (see ``successions``), so copies still count as one source and never become
    independent corroboration (``duplicate_of`` alone would set them all to NULL). One save each, so
    the change is in every source's history; run it in the deletion's transaction."""
    found = successions(ids)
    for succession in found:
        heir = succession.heir
        heir.duplicate_of = None
        heir.save(update_fields=["duplicate_of"])
        for copy in Source.objects.filter(pk__in=succession.others).defer("text"):
            copy.duplicate_of = heir
            copy.save(update_fields=["duplicate_of"])
    return found


class MonthNumber(models.Func):
    """The month of a date as one integer, ``year * 12 + month - 1``, in SQL that both databases
    can index (PostgreSQL's EXTRACT from a date is immutable; SQLite stores dates as ISO text)."""

    arity = 1
    output_field = models.IntegerField()
    template = (
        "(CAST(EXTRACT(YEAR FROM %(expressions)s) AS integer) * 12"
        " + CAST(EXTRACT(MONTH FROM %(expressions)s) AS integer) - 1)"
    )

    def as_sqlite(self, compiler, connection, **extra_context):
        template = (
            "(CAST(substr(%(expressions)s, 1, 4) AS integer) * 12"
            " + CAST(substr(%(expressions)s, 6, 2) AS integer) - 1)"
        )
        return self.as_sql(compiler, connection, template=template, **extra_context)


class EventQuerySet(models.QuerySet):
    def published(self):
        # Merging unpublishes the merged-away event, so the status alone decides (and counting
        # published events reads only the status index).
        return self.filter(status=Event.Status.PUBLISHED)

    def in_period(self, first: date | None = None, last: date | None = None):
        """Events whose date covers any day from ``first`` to ``last`` (either may be open)."""
        qs = self
        if first is not None:
            qs = qs.filter(date_end__gte=first)
        if last is not None:
            qs = qs.filter(date_start__lte=last)
        return qs

    def before(self, event: Event):
        """Events that come before ``event`` in timeline order, nearest last."""
        # The plain bound on date_start lets the index serve the ORs and the ordering.
        return self.filter(
            Q(date_start__lte=event.date_start),
            Q(date_start__lt=event.date_start)
            | Q(date_start=event.date_start, date_end__lt=event.date_end)
            | Q(date_start=event.date_start, date_end=event.date_end, pk__lt=event.pk),
        ).order_by("date_start", "date_end", "pk")

    def after(self, event: Event):
        """Events that come after ``event`` in timeline order, nearest first."""
        return self.filter(
            Q(date_start__gte=event.date_start),
            Q(date_start__gt=event.date_start)
            | Q(date_start=event.date_start, date_end__gt=event.date_end)
            | Q(date_start=event.date_start, date_end=event.date_end, pk__gt=event.pk),
        ).order_by("date_start", "date_end", "pk")

    def per_lane_month(self) -> list[tuple[int | None, int, int, date]]:
        """(thread id, start month number, events, last day any of them covers) per thread and month,
        in one grouped query: what the axis counts and the window it opens on. Rows are counted with
        ``count(*)``, not by their ids, so PostgreSQL can answer from the (status, thread, date)
        indexes alone instead of reading every event's row."""
        rows = (
            self.order_by()
            .values("thread_id", month=MonthNumber("date_start"))
            .annotate(n=models.Count("*"), last_end=models.Max("date_end"))
        )
        return [(row["thread_id"], row["month"], row["n"], row["last_end"]) for row in rows]

    def per_lane_day(self) -> dict[tuple[int | None, date, date], int]:
        """{(thread id, first day, last day): events}, for the axis zoomed in to days (grouped in the
        order of the (status, thread, start, end) index, so without sorting)."""
        rows = self.order_by().values("thread_id", "date_start", "date_end").annotate(n=models.Count("*"))
        return {(row["thread_id"], row["date_start"], row["date_end"]): row["n"] for row in rows}

    def disputed(self):
        """Events both alleged and denied in accepted statements."""
        return self.stating(Stance.ALLEGATION).stating(Stance.DENIAL)

    def stating(self, stance: str):
        """Events with an accepted statement that takes ``stance``."""
        return self.filter(**{stated_field(stance): True})

    def for_axis(self):
        """The fields the overview axis draws an event with, its stances among them."""
        return self.values(
            "pk",
            "slug",
            "title",
            "thread_id",
            "date_start",
            "date_end",
            "date_precision",
            "date_modifier",
            *STATED_FIELDS,
        )

    def search(self, text: str):
        """Events whose title, summary and accepted statements together contain every word of
        ``text`` (the last as a prefix)."""
        ids = matching_event_ids(text)
        if ids is None:
            return self
        # "+id" keeps the planner from reading every match's row by its id: it walks the other
        # filters' index instead and looks each candidate up in the matches, which is far cheaper
        # when a common word matches most events.
        unindexed_pk = models.Func(
            models.F("pk"), template="+%(expressions)s", output_field=models.BigIntegerField()
        )
        return self.alias(search_candidate=unindexed_pk).filter(search_candidate__in=ids)

    def for_cards(self):
        """What a timeline card shows in a fixed number of queries: the thread, the actors (as the
        list ``card_actors``: a related manager per card, each cloning a queryset, costs more than
        the card's own markup), and as annotations ``source_count`` and ``independent_count``. The
        citations and statements themselves load with the event (``for_timeline``) when a reader
        opens a card."""
        citations = Citation.objects.filter(event=OuterRef("pk")).order_by().values("event_id")

        def count_per_event(expression):
            counted = citations.annotate(n=Count(expression, distinct=True)).values("n")
            return Coalesce(Subquery(counted), 0)

        return (
            self.select_related("thread")
            .prefetch_related(
                models.Prefetch("actors", queryset=Actor.objects.only("slug", "name"), to_attr="card_actors")
            )
            .annotate(
                source_count=count_per_event("source_id"),
                independent_count=count_per_event(independence_expression()),
            )
        )

    def for_timeline(self):
        """Everything an event page and an opened card show, in a fixed number of queries."""
        # Sources come with their outlets and their originals' outlets (who reported it, and whether
        # it is a copy), never with their texts.
        sources = ("source__outlet", "source__duplicate_of__outlet")
        texts = ("source__text", "source__duplicate_of__text")
        return self.select_related("thread").prefetch_related(
            "actors",
            models.Prefetch(
                "statements",
                queryset=Statement.objects.accepted()
                .select_related("speaker", *sources)
                .defer(*texts)
                # event_id first keeps SQLite on the (event, review) index instead of walking
                # every accepted statement in date order.
                .order_by("event_id", "date_start", "pk"),
            ),
            models.Prefetch(
                "citations",
                queryset=Citation.objects.select_related(*sources).defer(*texts),
            ),
        )

    def for_export(self):
        """Published events with everything an export writes (an event page's content), in a fixed
        number of queries."""
        return self.published().for_timeline()


class LaneMonthCountQuerySet(models.QuerySet):
    def per_lane_month(self) -> list[tuple[int | None, int, int, date]]:
        """The rows as ``EventQuerySet.per_lane_month`` groups them, read rather than counted."""
        return list(self.values_list("thread_id", "month", "events", "last_end"))

    def total(self) -> int:
        """How many events these rows count."""
        return self.aggregate(total=Coalesce(models.Sum("events"), 0))["total"]


def stated_field(stance: str) -> str:
    """The name of the event field that says whether an accepted statement takes ``stance``."""
    return f"stated_{stance}"


STATED_FIELDS = [stated_field(stance) for stance in Stance.values]


class Event(FuzzyDated):
    """Something that happened or was reported on a (possibly uncertain) date."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    summary = models.TextField(blank=True)
    date_start = models.DateField("covers from")
    date_end = models.DateField("covers until")
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_events",
        help_text="Set when this event was merged into another; its URL then redirects there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Whether an accepted statement about the event takes each stance (``Stance``, one field per
    # value): kept by the database's triggers (migration 0019), which also overwrite whatever a save
    # writes, so a stale instance cannot undo them. The stance filters and the axis's marks read them
    # from the events' indexes instead of probing every candidate event's statements.
    stated_allegation = models.BooleanField(default=False, db_default=False, editable=False)
    stated_denial = models.BooleanField(default=False, db_default=False, editable=False)
    stated_confirmation = models.BooleanField(default=False, db_default=False, editable=False)
    stated_assessment = models.BooleanField(default=False, db_default=False, editable=False)
    history = HistoricalRecords(m2m_fields=[actors], excluded_fields=STATED_FIELDS)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "date_end", "pk"]
        constraints = [
            _date_span_is_ordered("event"),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(status="draft"), name="event_merged_is_draft"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "date_start", "date_end"], name="event_status_date"),
            # The thread filter with a date range, and its chart, read only this index.
            models.Index(
                fields=["status", "thread", "date_start", "date_end"], name="event_status_thread_date"
            ),
            models.Index(fields=["date_end"], name="event_date_end"),
            # Events per month for the chart, read in order from the index; date_start makes it
            # covering for SQLite, which does not count an indexed expression's column as covered,
            # and the stances for a stance filter without a thread.
            models.Index(
                models.F("status"),
                MonthNumber("date_start"),
                models.F("date_start"),
                *map(models.F, STATED_FIELDS),
                name="event_status_month",
            ),
            # The overview axis's events per thread and month, grouped in the index's order and
            # covering (date_end for the last day each lane's month reaches; the id, which SQLite
            # keeps in every index anyway, so that PostgreSQL matches a search's events from the
            # index instead of the table's rows; the stances for a stance filter).
            models.Index(
                models.F("status"),
                models.F("thread"),
                MonthNumber("date_start"),
                models.F("date_start"),
                models.F("date_end"),
                models.F("id"),
                *map(models.F, STATED_FIELDS),
                name="event_status_thread_month",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Event, self.title)
        if self.status == Event.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return page_path("event_detail", self.slug)

    @cached_property
    def stances(self) -> list[str]:
        """The stances of its accepted statements, in ``Stance``'s order (as the database keeps them)."""
        return [stance for stance in Stance.values if getattr(self, stated_field(stance))]

    @cached_property
    def sources(self) -> list[Source]:
        """The distinct sources its citations point at (uses prefetched citations)."""
        return list({citation.source_id: citation.source for citation in self.citations.all()}.values())

    @property
    def independent_source_count(self) -> int:
        """Sources that corroborate independently: a copy counts with its original, and an outlet
        counts once however many of its articles are cited."""
        return len({independence_key(source) for source in self.sources})


def stances_in_order(stances) -> list[str]:
    """The distinct ``stances``, in the vocabulary's order."""
    present = set(stances)
    return [stance for stance in Stance.values if stance in present]


def independence_key(source: Source) -> tuple[str, int]:
    original = source.original
    return original_key(original.pk, original.outlet_id)


def original_key(original_id: int, original_outlet_id: int | None) -> tuple[str, int]:
    """What a source counts as among independent sources, from its original (itself, or the source it
    copies): the original's outlet, or the original itself when it has none."""
    return ("outlet", original_outlet_id) if original_outlet_id else ("source", original_id)


def independence_expression():
    """SQL for ``timeline.models.independence_key`` seen from a citation: the original's outlet
    (even numbers) or, when the original has no outlet, the original source (odd numbers)."""
    original_outlet = models.Case(
        models.When(source__duplicate_of__isnull=True, then=models.F("source__outlet_id")),
        default=models.F("source__duplicate_of__outlet_id"),
    )
    original_source = Coalesce(models.F("source__duplicate_of_id"), models.F("source_id"))
    return Coalesce(original_outlet * 2, original_source * 2 + 1)


def unique_slug(model: type[models.Model], text: str, max_length: int = 280) -> str:
    """A slug for ``text`` not yet used by ``model`` ("rail-yard", then "rail-yard-2", …)."""
    base = slugify(text)[:max_length].strip("-") or "event"
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def quote_context():
    """Annotations of a citation or statement query: ``quote_exact``, ``quote_prefix`` and
    ``quote_suffix``, its words and the ``CONTEXT_CHARS`` either side in its source's text, cut out
    by the database so the texts themselves are never read (None without offsets)."""
    text = models.F("source__text")
    before = Greatest(models.F("start") - CONTEXT_CHARS, models.Value(0))
    return {
        "quote_exact": Substr(text, models.F("start") + 1, models.F("end") - models.F("start")),
        "quote_prefix": Substr(text, before + 1, models.F("start") - before),
        "quote_suffix": Substr(text, models.F("end") + 1, CONTEXT_CHARS),
    }


class AnchoredQuerySet(models.QuerySet):
    """Citations or statements: passages of a source, which can be re-anchored when it changes."""

    def with_quote_context(self):
        """With the ``quote_context`` annotations: what the JSON API's Web Annotation selectors quote."""
        return self.annotate(**quote_context())

    def to_check(self):
        """Those whose passage was not found again when their source's text changed."""
        return self.filter(anchor_status=Anchoring.LOST)


class Citation(models.Model):
    """An event backed by a source, with the passage that supports it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    excerpt = models.TextField(help_text="The supporting passage, quoted exactly and briefly.")
    start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Offset of the passage in the source text."
    )
    end = models.PositiveIntegerField(null=True, blank=True)
    mention = models.ForeignKey(
        "DateMention", null=True, blank=True, on_delete=models.SET_NULL, related_name="citations"
    )
    anchor_status = models.CharField(
        "anchoring", max_length=8, choices=Anchoring.choices, blank=True, default=Anchoring.ANCHORED
    )
    history = HistoricalRecords()

    objects = AnchoredQuerySet.as_manager()

    class Meta:
        ordering = ["source__published", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "source", "excerpt"], name="citation_unique_passage"),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__gt=models.F("start")), name="citation_span_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.source} → {self.event}"


class StatementQuerySet(AnchoredQuerySet):
    def accepted(self):
        return self.filter(review=Review.ACCEPTED)

    def public(self):
        """Accepted statements that are about nothing or about a published event."""
        return self.accepted().filter(Q(event__isnull=True) | Q(event__status=Event.Status.PUBLISHED))

    def for_listing(self):
        """Public statements as the statements page and its export list them, in date order (the
        undated last), with their speakers, events and sources but not the sources' texts."""
        return (
            self.public()
            .select_related("speaker", "event", "source__outlet", "source__duplicate_of__outlet")
            .defer("source__text", "source__duplicate_of__text")
            .order_by(models.F("date_start").asc(nulls_last=True), "pk")
        )


def CASCADE_PENDING(collector, field, sub_objs, using):
    """``on_delete`` for a statement's source: statements still awaiting review go with the source
    (the loader found them and no curator has used them), while curated ones (accepted or
    dismissed) protect it, as ``PROTECT`` does, naming them."""
    pending = [statement for statement in sub_objs if statement.review == Review.PENDING]
    curated = [statement for statement in sub_objs if statement.review != Review.PENDING]
    if pending:
        models.CASCADE(collector, field, pending, using)
    if curated:
        raise models.ProtectedError(
            f"Cannot delete this source: {len(curated)} accepted or dismissed statement(s) quote it"
            f" (such as {curated[0]}); delete them or move them to another source first.",
            curated,
        )


# The same rule in SQL, for counting what a deletion takes along (``timeline.deletion``).
CASCADE_PENDING.cascaded = Q(review=Review.PENDING)


class Statement(FuzzyDated):
    """Who said what, when, and where it was reported."""

    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="statements"
    )
    speaker_name = models.CharField(
        max_length=200, blank=True, help_text="The speaker as the source names them, when no actor matches."
    )
    quote = models.TextField()
    stance = models.CharField(max_length=16, choices=Stance.choices)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    source = models.ForeignKey(Source, on_delete=CASCADE_PENDING, related_name="statements")
    start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Offset of the quote in the source text."
    )
    end = models.PositiveIntegerField(null=True, blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    anchor_status = models.CharField(
        "anchoring", max_length=8, choices=Anchoring.choices, blank=True, default=Anchoring.ANCHORED
    )
    history = HistoricalRecords()

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "pk"]
        constraints = [
            _date_span_is_ordered("statement"),
            # The natural key: one statement per quoted passage of a source. Offsets, not the quote's
            # text, which is unbounded (PostgreSQL cannot index long values) and a curator may trim.
            # Statements without offsets (typed in by hand) are not constrained. (A partial index is also
            # what SQLite can add without remaking the table, which the search triggers would block.)
            models.UniqueConstraint(
                fields=["source", "start", "end"],
                condition=Q(start__isnull=False),
                name="statement_unique_passage",
            ),
        ]
        indexes = [
            models.Index(fields=["review", "date_start"], name="statement_review_date"),
            # Covers the stance filter's per-event probe as well as the cards' prefetch.
            models.Index(fields=["event", "review", "stance"], name="statement_event_review_stance"),
            models.Index(fields=["stance", "review"], name="statement_stance_review"),
        ]

    def __str__(self):
        who = self.speaker or self.speaker_name or "Unknown speaker"
        return f"{who}: “{self.quote[:60]}”"

    @property
    def who(self) -> str:
        return speaker_label(self.speaker.name if self.speaker_id else None, self.speaker_name)

    @property
    def published_event(self) -> Event | None:
        """The event the statement is about, when that event is published (a draft is not shown)."""
        if self.event_id and self.event.status == Event.Status.PUBLISHED:
            return self.event
        return None

    def get_link_url(self) -> str | None:
        event = self.published_event
        return statement_link(event.slug if event else None, self.speaker.slug if self.speaker_id else None)


def speaker_label(actor_name: str | None, speaker_name: str) -> str:
    """Who a statement is by: its speaker's name, else the name the source gives, else "Unnamed"."""
    return actor_name or speaker_name or "Unnamed"


def statement_link(published_event_slug: str | None, speaker_slug: str | None) -> str | None:
    """Where a statement links to: the page of its published event, else its speaker's page, else
    nowhere (None)."""
    if published_event_slug:
        return page_path("event_detail", published_event_slug)
    return page_path("actor_detail", speaker_slug) if speaker_slug else None


class DateMention(FuzzyDated):
    """A dated expression the loader found in a source's text, waiting for a curator."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=200)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="The event this mention was turned into or attached to.",
    )

    class Meta:
        ordering = ["source", "start"]
        constraints = [
            models.UniqueConstraint(fields=["source", "start", "end"], name="mention_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span_ordered"),
        ]
        indexes = [models.Index(fields=["review", "source"], name="mention_review_source")]

    def __str__(self):
        return f"“{self.text}” in {self.source}"

    @property
    def sentence(self) -> str:
        return self.source.text[self.sentence_start : self.sentence_end]

    @property
    def resolved(self) -> bool:
        return self.date_start is not None


class SuggestedCitation(models.Model):
    """An existing event that a date mention may support, ranked for the curator."""

    mention = models.ForeignKey(DateMention, on_delete=models.CASCADE, related_name="suggestions")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField()

    class Meta:
        ordering = ["mention", "-score"]
        constraints = [models.UniqueConstraint(fields=["mention", "event"], name="suggestion_unique")]

    def __str__(self):
        return f"{self.mention} → {self.event} ({self.score:.2f})"


class LaneMonthCount(models.Model):
    """How many published events of one thread (or of none) start in one month, and the last day
    they cover: ``EventQuerySet.per_lane_month`` of every published event, kept up to date so that
    the unfiltered and thread-only timelines read a thousand rows instead of counting every event.
    Database triggers (migration 0016) recount a month of a thread whenever a write to events
    touches it, so bulk and raw writes count too, as for ``DataVersion``."""

    # Nothing to do when a thread is deleted: its events lose it first, and the triggers move their counts.
    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.DO_NOTHING, db_index=False, related_name="+"
    )
    month = models.IntegerField(help_text="The start month, as ``MonthNumber`` numbers it.")
    events = models.PositiveIntegerField()
    last_end = models.DateField()

    objects = LaneMonthCountQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "month"], name="lane_month_count_unique")]

    def __str__(self):
        return f"{self.events} events of thread {self.thread_id} in month {self.month}"


class DataVersion(models.Model):
    """A value that changes with every write to the tables the public pages read. Database
    triggers set it (migration 0007), so bulk and raw writes count too; a result cached under one
    value is never served once the value has changed (see ``timeline.caching``)."""

    value = models.BigIntegerField()

    def __str__(self):
        return str(self.value)


class LoadRun(models.Model):
    """Articles loaded in the background (the admin's *Load articles* page, ``load_articles --queue``):
    the options given, how far the worker has got, and the loader's report once it has run."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="load_runs"
    )
    # The loader's options, as ``load_articles`` takes them.
    published = models.DateField("publication date", null=True, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=16, blank=True)
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    task_id = models.CharField(max_length=64, blank=True, help_text="The background task's id.")
    inputs_total = models.PositiveIntegerField(default=0)
    inputs_done = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    progress_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker last saved the run's progress."
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    # One entry per article: {"status", "label", "source", "line", "warnings"} (``LoadRun.report``).
    results = models.JSONField(default=list, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True, help_text="Why the run stopped, when it did not finish.")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"load {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class LoadInput(models.Model):
    """One input of a ``LoadRun``, kept until the run has read it: an uploaded file's or pasted
    text's bytes, a URL to fetch, a path the worker reads (``load_articles --queue``), or, for an
    input refused on arrival, the reason."""

    class Kind(models.TextChoices):
        FILE = "file"
        TEXT = "text"
        URL = "url"
        PATH = "path"

    run = models.ForeignKey(LoadRun, on_delete=models.CASCADE, related_name="inputs")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=4, choices=Kind.choices)
    name = models.CharField(max_length=1000, help_text="The file's name, or the URL.")
    content = models.BinaryField(blank=True, default=b"")
    refused = models.CharField(max_length=300, blank=True, help_text="Why it was refused on arrival.")

    class Meta:
        ordering = ["run", "position"]
        constraints = [models.UniqueConstraint(fields=["run", "position"], name="load_input_position")]

    def __str__(self):
        return self.name
