"""Load articles into the timeline: a Source with its date mentions, quoted statements and suggested
citations, each article in one transaction. This module runs the steps in order; each step's work is
done elsewhere.

For each article, in order:

1. Its SHA-256 over the cleaned text: an article already stored is "unchanged" and nothing is written.
2. The source it belongs to: the one with the same URL (an edited article is an update, not a second
   source), else a source with no text whose title matches (case and spacing aside) or whose file name
   matches: the curated fixture's seed sources, which then gain their text. Else a new source.
3. Its publication date (``timeline.ingest.published``); a curated source keeps the date it has.
4. Date mentions (``find_date_mentions``), statements (``find_statements``, speakers matched to actors),
   both read in the article's language.
5. Whether it copies a stored article (``timeline.ingest.similarity``: a MinHash sketch of its pairs
   of adjacent content words, confirmed on the text). A copy is stored with ``duplicate_of`` set to
   the original. The original is the one published first (``published_first``): when the new article
   is, the stored one and its copies become its copies. An article in another language that reports
   the same facts as a stored one is its translation (``timeline.ingest.translation``), a copy too.
6. Suggested citations: the best three events for each mention, by ``timeline.suggest`` (dates that
   overlap the mention's, title and summary sharing the sentence's rarer words).
7. The writes (``timeline.ingest.store``), after everything above: the transaction only writes.

What each article came to is a ``timeline.ingest.report.ArticleResult``. Reading input is
``timeline.ingest.articles``'s job; this module receives ``Article``s.

A dry run is a real run inside one transaction that is rolled back at the end, so it reports what a
real run would write, copies and translations among the run's own articles included. It holds the
database's write lock for the whole run (on SQLite, other writers wait for it); the sources it
creates are reported as new (``"source": null``), described by where they came from.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from timeline.ingest import store, translation
from timeline.ingest.articles import Article, ReadFailure, unexpected
from timeline.ingest.mentions import DateMention as FoundMention
from timeline.ingest.published import Published, anchored_mentions, determine_published
from timeline.ingest.report import (
    DUPLICATE,
    FAILED,
    LOADED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ArticleResult,
    LoadReport,
)
from timeline.ingest.similarity import (
    FingerprintIndex,
    copy_similarity,
    decode_fingerprint,
    encode_fingerprint,
    shingles,
    sketch,
)
from timeline.ingest.statements import FoundStatement, Speaker, SpeakerIndex, find_statements
from timeline.models import Actor, Event, Source
from timeline.suggest import EVENT_COLUMNS, EventIndex, suggest_citations

# Stored articles in another language compared with a new one, newest first.
_TRANSLATION_CANDIDATES = 50


# The first part of a text read for dates; each further read is four times longer (``first_mentions``).
_FIRST_READ = 50_000


def first_mentions(
    text: str, anchor: date | None, language: str, count: int, through: int = 0
) -> tuple[tuple[FoundMention, ...], int]:
    """The date mentions of the start of ``text``, anchored on ``anchor``, and how many characters were
    read: a start that holds more than ``count`` mentions and reaches ``through``, or the whole text.

    A mention is resolved from its own sentence and the text before it, so the mentions of a start cut
    at a line end are the whole text's first ones. Each read is four times longer than the one before,
    so a long text dense with dates costs about what its first mentions cost, and a text without costs
    one read."""
    read = max(through, _FIRST_READ)
    while True:
        cut = text.find("\n", read) + 1 or len(text)
        found = anchored_mentions(text[:cut], anchor, language)
        if cut == len(text) or len(found) > count:
            return found, cut
        read = 4 * cut


def statement_dates(
    statements: list[FoundStatement], mentions: list[FoundMention]
) -> list[FoundMention | None]:
    """For each statement, the first resolved mention in its sentence, preferring one outside the
    quote ("said on Tuesday") to one inside it; None when its sentence has no resolved mention.

    ``mentions`` are in text order and do not overlap, as ``find_date_mentions`` gives them, so their
    ends are in order too: the mentions of a sentence are a run found by bisection, and the first
    resolved one at or after any position is looked up, not searched for."""
    starts = [mention.start for mention in mentions]
    ends = [mention.end for mention in mentions]
    # next_resolved[i]: the index of the first resolved mention at or after i (len(mentions) if none).
    next_resolved = [len(mentions)] * (len(mentions) + 1)
    for index in range(len(mentions) - 1, -1, -1):
        next_resolved[index] = index if mentions[index].date else next_resolved[index + 1]

    def first_resolved(low: int, high: int) -> int | None:
        found = next_resolved[low] if low < len(mentions) else len(mentions)
        return found if found < high else None

    dates: list[FoundMention | None] = []
    for statement in statements:
        # The mentions lying wholly in the sentence: mentions[low:high].
        low = bisect.bisect_left(starts, statement.sentence_start)
        high = max(low, bisect.bisect_right(ends, statement.sentence_end))
        before_quote = first_resolved(low, min(high, bisect.bisect_right(ends, statement.start)))
        after_quote = first_resolved(max(low, bisect.bisect_left(starts, statement.end)), high)
        chosen = before_quote if before_quote is not None else after_quote
        if chosen is None:
            chosen = first_resolved(low, high)
        dates.append(mentions[chosen] if chosen is not None else None)
    return dates


# ---------------------------------------------------------------------------------------------------
# Loading


def load_articles(
    articles: Iterable[Article | ReadFailure],
    *,
    dry_run: bool = False,
    published: date | None = None,
    keep_results: bool = True,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> LoadReport:
    """Load ``articles`` (failures from reading are reported as they are), one transaction each.

    ``published`` is the publication date given by the curator for every article. A dry run loads
    them alike in a transaction that is rolled back at the end: it reports what a real run would
    write, and writes nothing."""
    report = LoadReport()
    for result in iter_load(articles, dry_run=dry_run, published=published):
        report.add(result, keep=keep_results)
        if on_result is not None:
            on_result(result)
    return report


def iter_load(
    articles: Iterable[Article | ReadFailure], *, dry_run: bool = False, published: date | None = None
) -> Iterator[ArticleResult]:
    """``load_articles`` one result at a time."""
    with _rolled_back() if dry_run else contextlib.nullcontext():
        loader = _Loader(dry_run=dry_run, published=published)
        for item in articles:
            if isinstance(item, ReadFailure):
                status = SKIPPED if item.skipped else FAILED
                yield ArticleResult(item.path, status, line=item.line, id=item.id, error=item.reason)
            else:
                yield loader.load(item)


@contextlib.contextmanager
def _rolled_back() -> Iterator[None]:
    """A transaction that is rolled back however it ends: a dry run's."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _norm_title(title: str) -> str:
    return " ".join(title.casefold().replace("“", '"').replace("”", '"').replace("’", "'").split())


def _by_hash(content_hash: str):
    # Repeating the partial index's condition lets SQLite and PostgreSQL use it instead of a scan.
    return Source.objects.filter(content_hash=content_hash).exclude(content_hash="").order_by()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Original:
    """The article a copy copies: its source's pk, how to describe it and its publication date."""

    key: int
    described: dict[str, Any]
    published: date | None
    # A translation's original: the language it is written in (None for a copy in the same language).
    language: str | None = None


@dataclass
class Extracted:
    """What was found in an article, before anything is written."""

    published: Published
    anchor: date | None
    mentions: list[FoundMention]
    statements: list[FoundStatement]
    sketch: tuple[int, ...]
    suggestions: dict[int, list[tuple[int, float]]]
    statement_dates: list[FoundMention | None]
    # How many mentions were found in the first ``read`` characters of the text (all of it, unless it
    # holds more than TIMELINE_MAX_MENTIONS_PER_ARTICLE); ``mentions`` keeps that many.
    mentions_found: int
    # Statements found, up to one more than the TIMELINE_MAX_STATEMENTS_PER_ARTICLE ``statements`` keeps.
    statements_found: int
    read: int


class _Loader:
    """The state one run shares between articles: known speakers, events, sketches, sources to fill."""

    def __init__(self, *, dry_run: bool, published: date | None):
        self.dry_run = dry_run
        self.given = published
        self.max_mentions = settings.TIMELINE_MAX_MENTIONS_PER_ARTICLE
        self.max_statements = settings.TIMELINE_MAX_STATEMENTS_PER_ARTICLE
        self.speakers = SpeakerIndex(
            Speaker(actor.pk, actor.name, tuple(actor.names), actor.kind == Actor.Kind.PERSON)
            for actor in Actor.objects.only("pk", "name", "aliases", "kind")
        )
        self.events = EventIndex(Event.objects.filter(merged_into__isnull=True).values_list(*EVENT_COLUMNS))
        self.index = FingerprintIndex()
        # Languages of the stored texts: a translation is looked for only when another one is there.
        self._languages = set(Source.objects.exclude(text="").values_list("language", flat=True).distinct())
        self._facts: dict[int, tuple[translation.Facts, dict[str, Any]]] = {}
        # The fact dates of the run's latest sources, until their facts are needed.
        self._dates_loaded: dict[int, frozenset[str]] = {}
        for pk, fingerprint in Source.objects.exclude(fingerprint="").values_list("pk", "fingerprint"):
            self.index.add(pk, decode_fingerprint(fingerprint))
        self._empty_by_title: dict[str, int] = {}
        self._empty_by_file: dict[str, int] = {}
        for pk, title, file_name in Source.objects.filter(text="", content_hash="").values_list(
            "pk", "title", "file_name"
        ):
            self._empty_by_title.setdefault(_norm_title(title), pk)
            if file_name:
                self._empty_by_file.setdefault(file_name, pk)
        # A dry run's new sources, by pk, as the report names them: they are rolled back, so by the
        # article they came from ({"source": None, "path": …}), not by a pk that will not exist.
        self._created: dict[int, dict[str, Any]] = {}
        # This run's articles by source pk, to correct their results when an original found earlier in
        # the run becomes a copy; weak, so text output keeps none.
        self._results: weakref.WeakValueDictionary[int, ArticleResult] = weakref.WeakValueDictionary()
        self._loaded_here: set[int] = set()
        self._original_key: dict[int, int] = {}

    def load(self, article: Article) -> ArticleResult:
        result = ArticleResult(
            article.path,
            FAILED,
            line=article.line,
            id=article.id,
            title=article.title,
            text=article.text,
            encoding=article.encoding,
            language=article.language,
            language_source=article.language_source,
            warnings=list(article.warnings),
        )
        try:
            # In a dry run's transaction, a savepoint: a failed query must not end the run's transaction.
            with transaction.atomic() if self.dry_run else contextlib.nullcontext():
                self._load(article, result)
        except ValidationError as error:
            result.status, result.error = FAILED, _validation_message(error)
        except Exception as error:
            result.status, result.error = FAILED, unexpected(error)
        return result

    def _load(self, article: Article, result: ArticleResult) -> None:
        content_hash = _sha256(article.text)
        stored = _by_hash(content_hash).only("pk", "title").first()
        if stored is not None:
            self._unchanged(article, result, stored)
            return
        target = self._target(article)
        shingle_set = shingles(article.text)
        values = sketch(shingle_set)
        published = self._published(article, target)
        original = self._original(shingle_set, values, target)
        curated_copy = target is not None and target.duplicate_of_id is not None
        if original is None:
            original = self._translated_from(article, published, target)
        # The article published first is the original, whichever of the two was loaded first.
        copy = None
        if original is not None and not curated_copy and published_first(published.date, original.published):
            copy, original = original, None
        extracted = self._extract(article, published, original, values)
        self._describe(result, article, target, original, extracted)
        if copy is not None:
            self._describe_copy(result, copy)
        result.status = UPDATED if target is not None else DUPLICATE if original else LOADED
        copies = original if original is not None and not curated_copy else None
        try:
            source, repeats = self._write(article, target, extracted, content_hash, copies, copy)
        except IntegrityError:
            # Another loader stored the same text meanwhile: then this one is unchanged.
            if _by_hash(content_hash).exists():
                result.status = UNCHANGED
                result.warnings.append("stored meanwhile by another run")
                return
            raise
        if self.dry_run and target is None:
            self._created[source.pk] = _run_article(result)
        result.source_id = None if source.pk in self._created else source.pk
        if repeats:
            result.warnings.append(f"{repeats} statement(s) a curator already reviewed not queued again")
        self.index.add(source.pk, extracted.sketch)
        self._languages.add(source.language)
        self._facts.pop(source.pk, None)
        self._dates_loaded.pop(source.pk, None)
        if extracted.anchor == source.published:
            # Should a later article of the run translate this one, its dates are those just found:
            # kept for the latest loads only, which the newest candidates mostly are.
            self._dates_loaded[source.pk] = translation.fact_dates(extracted.mentions)
            if len(self._dates_loaded) > _TRANSLATION_CANDIDATES:
                del self._dates_loaded[next(iter(self._dates_loaded))]
        self._forget_empty(target)
        self._remember(source.pk, result, original, copy)

    def _unchanged(self, article, result, stored: Source) -> None:
        result.status = UNCHANGED
        earlier = self._created.get(stored.pk)
        if earlier is not None:
            result.warnings.append(f"same text as {earlier['path']} earlier in this run")
        else:
            result.source_id, result.title = stored.pk, stored.title
        if self.dry_run:
            shingle_set = shingles(article.text)
            published = self._published(article, None)
            extracted = self._extract(article, published, None, sketch(shingle_set))
            self._describe(result, article, None, None, extracted)

    def _described(self, pk: int, title: str) -> dict[str, Any]:
        """How the report names source ``pk``: by its pk, or by its article for a dry run's new one."""
        return dict(self._created.get(pk) or {"source": pk, "title": title})

    def _named(self, pk: int) -> str:
        """Source ``pk`` in a warning: "source 12", or where a dry run's new one came from."""
        return self._created[pk]["path"] if pk in self._created else f"source {pk}"

    def _target(self, article: Article) -> Source | None:
        """The stored source this article updates or fills in, if any."""
        if article.url:
            by_url = Source.objects.filter(url=article.url).exclude(url="").order_by().first()
            if by_url is not None:
                return by_url
        for title in (article.title, *article.other_titles):
            pk = self._empty_by_title.get(_norm_title(title))
            if pk is not None:
                return Source.objects.filter(pk=pk, text="").first()
        pk = self._empty_by_file.get(article.file_name)
        return Source.objects.filter(pk=pk, text="").first() if pk is not None else None

    def _forget_empty(self, target: Source | None) -> None:
        if target is None:
            return
        for table in (self._empty_by_title, self._empty_by_file):
            for key in [key for key, pk in table.items() if pk == target.pk]:
                del table[key]

    def _extract(self, article, published: Published, original: _Original | None, values) -> Extracted:
        anchor = published.date
        if anchor is None and original is not None and original.published is not None:
            # A copy's "last month" and "Wednesday" are those of the article it copies.
            anchor = original.published
        # Curators review what is stored: a text dense with dates or quotes must not bury them, nor
        # hold the loader for what would never be stored.
        statements = find_statements(
            article.text, self.speakers, language=article.language, limit=self.max_statements + 1
        )
        statements_found = len(statements)
        del statements[self.max_statements :]
        # A statement is dated by its sentence, whether or not the mention is among those stored, so
        # the mentions are read up to the last statement kept.
        through = statements[-1].sentence_end if statements else 0
        found, read = first_mentions(article.text, anchor, article.language, self.max_mentions, through)
        mentions = list(found[: self.max_mentions])
        suggestions = suggest_citations(self.events, article.text, mentions, article.language)
        dates = statement_dates(statements, found)
        return Extracted(
            published,
            anchor,
            mentions,
            statements,
            values,
            suggestions,
            dates,
            mentions_found=len(found),
            statements_found=statements_found,
            read=read,
        )

    def _published(self, article: Article, target: Source | None) -> Published:
        if self.given is None and target is not None and target.published is not None:
            return Published(target.published, target.published_source, target.published_note)
        return determine_published(
            article.text,
            given=self.given,
            metadata=article.published,
            dateline=article.find_dateline,
            language=article.language,
        )

    def _describe(self, result, article, target, original: _Original | None, extracted: Extracted) -> None:
        result.published = extracted.published
        result.warnings.extend(extracted.published.warnings)
        if extracted.anchor != extracted.published.date:
            result.warnings.append(
                f"relative dates anchored on {extracted.anchor}, the publication date of the original"
            )
        result.mentions = extracted.mentions
        if extracted.mentions_found > len(extracted.mentions):
            kept, found, read = len(extracted.mentions), extracted.mentions_found, extracted.read
            result.warnings.append(
                f"kept the first {kept:,} of {found:,} date mentions (TIMELINE_MAX_MENTIONS_PER_ARTICLE)"
                if read == len(article.text)
                else f"kept the first {kept:,} date mentions (TIMELINE_MAX_MENTIONS_PER_ARTICLE); "
                f"dates were read in the first {read:,} of {len(article.text):,} characters only"
            )
        if extracted.statements_found > len(extracted.statements):
            result.warnings.append(
                f"kept the first {len(extracted.statements):,} quoted statements; the text holds more "
                "(TIMELINE_MAX_STATEMENTS_PER_ARTICLE)"
            )
        result.statements = extracted.statements
        result.statement_dates = extracted.statement_dates
        result.suggestions = sum(len(found) for found in extracted.suggestions.values())
        result.duplicate_of = original.described if original else None
        if original is not None and original.language is not None:
            described = {name: value for name, value in original.described.items() if name != "similarity"}
            result.translation_of = dict(
                described, language=original.language, score=original.described["similarity"]
            )
        if target is not None:
            result.source_id = None if target.pk in self._created else target.pk
            result.title = target.title if not target.text else article.title
            result.warnings.append(
                f"fills in {self._named(target.pk)} “{target.title}”"
                if not target.text
                else f"updates {self._named(target.pk)} (same URL, new text)"
            )

    def _original(
        self, shingle_set: set[int], values: tuple[int, ...], target: Source | None
    ) -> _Original | None:
        """The stored article this one copies, if any. A source the curators already marked as a
        copy keeps the original they gave."""
        if target is not None and target.duplicate_of_id:
            return self._stored_original(target.duplicate_of_id)
        own_key = target.pk if target else None
        candidates = self.index.candidates(values, exclude=own_key)
        texts = dict(Source.objects.filter(pk__in=candidates).values_list("pk", "text"))
        best: tuple[float, int] | None = None
        for key in candidates:
            if key not in texts:
                continue
            similarity = copy_similarity(shingle_set, shingles(texts[key]))
            if similarity is not None and (best is None or similarity > best[0]):
                best = (similarity, key)
        if best is None:
            return None
        similarity, key = best
        original = self._stored_original(key)
        # A copy of the source being updated makes that source the original, not a copy.
        if original.key == own_key:
            return None
        return _Original(
            original.key, dict(original.described, similarity=round(similarity, 3)), original.published
        )

    def _translated_from(self, article: Article, published: Published, target) -> _Original | None:
        """The stored article in another language this one translates,
        recognised by the facts both report (``timeline.ingest.translation``)."""
        if target is not None and target.duplicate_of_id:
            return None
        if not self._languages - {article.language}:
            return None
        candidates = self._translation_candidates(article.language, published.date, target)
        if not candidates:
            return None
        dates = self._fact_dates(article.text, published.date, article.language)
        facts = translation.article_facts(
            article.text, article.language, dates, article.outlet, published.date
        )
        best = translation.best_translation(facts, ((key, self._facts[key][0]) for key in candidates))
        if best is None:
            return None
        key, score = best
        found, described = self._facts[key]
        return _Original(key, dict(described, similarity=round(score, 3)), found.published, found.language)

    def _translation_candidates(self, language: str, day: date | None, target) -> list[int]:
        """Pks of the originals in another language published within a week of ``day`` (or
        undated), with their facts worked out once a run."""
        stored = Source.objects.exclude(text="").exclude(language=language).filter(duplicate_of__isnull=True)
        if day is not None:
            window = timedelta(days=translation.MAX_DAYS_APART)
            stored = stored.filter(
                Q(published__isnull=True) | Q(published__range=(day - window, day + window))
            )
        if target is not None:
            stored = stored.exclude(pk=target.pk)
        keys = list(stored.order_by("-pk").values_list("pk", flat=True)[:_TRANSLATION_CANDIDATES])
        missing = [pk for pk in keys if pk not in self._facts]
        for source in Source.objects.filter(pk__in=missing).select_related("outlet"):
            dates = self._dates_loaded.pop(source.pk, None)
            if dates is None:
                dates = self._fact_dates(source.text, source.published, source.language)
            outlet = source.outlet.name if source.outlet else ""
            facts = translation.article_facts(source.text, source.language, dates, outlet, source.published)
            self._facts[source.pk] = (facts, self._described(source.pk, source.title))
        return keys

    def _fact_dates(self, text: str, published: date | None, language: str) -> frozenset[str]:
        """The ``translation.fact_dates`` of a text: those of the mentions the loader stores for it."""
        mentions, _ = first_mentions(text, published, language, self.max_mentions)
        return translation.fact_dates(mentions[: self.max_mentions])

    def _describe_copy(self, result: ArticleResult, copy: _Original) -> None:
        result.original_of = copy.described
        result.warnings.append(
            f"{self._named(copy.key)} “{copy.described['title']}” copies this article, published earlier: "
            "it is now recorded as a copy of this one"
        )

    def _remember(
        self, key: int, result: ArticleResult, original: _Original | None, copy: _Original | None
    ) -> None:
        """Keep track of this run's article ``key``; when it turned out to be the original of ``copy``,
        correct what the run reported about that one and its copies."""
        self._results[key] = result
        if original is not None:
            self._original_key[key] = original.key
        elif result.status == LOADED:
            self._loaded_here.add(key)
        if copy is None:
            return
        described = self._described(key, result.title)
        if copy.key in self._loaded_here:
            self._loaded_here.discard(copy.key)
            result.relabelled += 1
        self._repoint(copy.key, key, described, copy.described.get("similarity"))

    def _repoint(self, old: int, new: int, described: dict[str, Any], similarity) -> None:
        """Results of this run that were ``old`` or named it as their original now name ``new``."""
        for key in [key for key, original in self._original_key.items() if original == old] + [old]:
            self._original_key[key] = new
            earlier = self._results.get(key)
            if earlier is None:
                continue
            if earlier.status == LOADED:
                earlier.status = DUPLICATE
            kept = similarity if key == old else (earlier.duplicate_of or {}).get("similarity")
            earlier.duplicate_of = dict(described, similarity=kept)

    # -- writing ------------------------------------------------------------------------------------

    def _write(
        self,
        article,
        target,
        extracted: Extracted,
        content_hash,
        copies: _Original | None,
        copied_by: _Original | None = None,
    ) -> tuple[Source, int]:
        """Store the article, and say how many statements repeated reviewed ones. Everything is found,
        dated, ranked and checked before: the transaction, which on SQLite holds the database's write
        lock, only writes."""
        old_text = target.text if target is not None else ""
        source = self._source_row(article, target, extracted, content_hash, copies)
        repeats = store.store_article(
            source,
            old_text,
            article.outlet,
            extracted,
            updates=target is not None,
            copied_by=copied_by.key if copied_by is not None else None,
        )
        return source, repeats

    def _source_row(self, article, target, extracted: Extracted, content_hash, copies) -> Source:
        """The Source to save, checked, with everything but its outlet (found or created when stored)."""
        source = target or Source(title=article.title, loaded_at=timezone.now())
        filling = target is not None and not target.text
        if not filling:
            source.title = article.title
        source.text = article.text
        source.content_hash = content_hash
        source.fingerprint = encode_fingerprint(extracted.sketch)
        source.file_name = article.file_name
        source.language = article.language[:16]
        source.language_source = article.language_source
        source.url = article.url or source.url
        source.author = source.author or article.author[:200]
        if copies is not None:
            source.duplicate_of_id = copies.key
        published = extracted.published
        source.published, source.published_source = published.date, published.source
        source.published_note = published.note[:500]
        # Field lengths and formats are checked here (SQLite does not check them); uniqueness is left
        # to the database constraints, which also hold against a concurrent loader.
        source.full_clean(validate_constraints=False)
        return source

    def _stored_original(self, pk: int) -> _Original:
        """The root of the copies chain that ``pk`` belongs to."""
        source = Source.objects.filter(pk=pk).only("pk", "title", "published", "duplicate_of").first()
        if source.duplicate_of_id and source.duplicate_of_id != pk:
            source = Source.objects.only("pk", "title", "published").get(pk=source.duplicate_of_id)
        return _Original(source.pk, self._described(source.pk, source.title), source.published)


def published_first(new: date | None, existing: date | None) -> bool:
    """Whether a new article is the original of a near-duplicate stored (or seen) before it, rather
    than its copy: it is when its publication date is known and the other's is unknown or later. On
    the same day, or with neither date known, the article seen first stays the original."""
    return new is not None and (existing is None or new < existing)


def _run_article(result: ArticleResult) -> dict[str, Any]:
    """A dry run's new article as the report names it: where it came from, and its title."""
    described = {"source": None, "path": result.label, "title": result.title}
    if result.id is not None:
        described["id"] = result.id
    return described


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        parts = [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
        return _one_line("invalid " + "; ".join(parts))
    return _one_line("invalid: " + " ".join(error.messages))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:300]
