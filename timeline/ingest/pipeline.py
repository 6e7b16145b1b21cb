"""Load articles into the timeline: a Source with its date mentions, quoted statements and suggested
citations, each article in one transaction.

For each article, in order:

1. Its SHA-256 over the cleaned text: an article already stored is "unchanged" and nothing is written.
2. The source it belongs to: the one with the same URL (an edited article is an update, not a second
   source), else a source with no text whose title matches (case and spacing aside) or whose file name
   matches: the curated fixture's seed sources, which then gain their text. Else a new source.
3. Its publication date (``timeline.ingest.published``); a curated source keeps the date it has.
4. Date mentions (``find_date_mentions``), statements (``find_statements``, speakers matched to actors),
   both read in the article's language.
5. Whether it copies a stored article: a reworded or syndicated copy shares many pairs of adjacent content
   words with its original. ``Source.fingerprint`` keeps a MinHash sketch of those pairs (24 values of
   16 bits, base64); sketches are held in an index in memory (50,000 sources take a few MB), so finding
   candidates costs a few dictionary look-ups, and the best candidates are confirmed on their text
   (Jaccard similarity of the pairs at least 0.3, or 70% of the shorter one's pairs in the longer).
   A copy is stored with ``duplicate_of`` set to the original. The original is the one published first
   (``published_first``): when the new article is, the stored one and its copies become its copies.
   An article in another language that reports the same facts as a stored one is its translation
   (``timeline.ingest.translation``), a copy too.
6. Suggested citations: the best three events for each mention, by ``timeline.suggest`` (dates that
   overlap the mention's, title and summary sharing the sentence's rarer words).

Reading input is ``timeline.ingest.articles``'s job; this module receives ``Article``s.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import itertools
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from timeline.curation import reanchor_quotes
from timeline.ingest import translation
from timeline.ingest.articles import Article, ReadFailure
from timeline.ingest.mentions import DateMention as FoundMention
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.published import Published, anchored_mentions, determine_published
from timeline.ingest.statements import FoundStatement, Speaker, SpeakerIndex, find_statements
from timeline.models import (
    Actor,
    DateMention,
    Event,
    Outlet,
    Review,
    Source,
    Statement,
    SuggestedCitation,
    unique_slug,
)
from timeline.suggest import EVENT_COLUMNS, EventIndex, sentence_words
from timeline.words import content_words

LOADED, UPDATED, UNCHANGED, DUPLICATE, FAILED, SKIPPED = (
    "loaded",
    "updated",
    "unchanged",
    "duplicate",
    "failed",
    "skipped",
)
STATUSES = (LOADED, UPDATED, UNCHANGED, DUPLICATE, FAILED, SKIPPED)

# ---------------------------------------------------------------------------------------------------
# Words and similarity

SKETCH_SIZE = 24
_PRIME = (1 << 61) - 1
_HASH_PARAMETERS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % _PRIME | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % _PRIME,
    )
    for i in range(SKETCH_SIZE)
]
_MIN_SKETCH_MATCHES = 3
_CANDIDATES_CHECKED = 5
COPY_JACCARD = 0.3
COPY_CONTAINMENT = 0.7
_MIN_SHINGLES_FOR_CONTAINMENT = 20
# Stored articles in another language compared with a new one, newest first.
_TRANSLATION_CANDIDATES = 50


def shingles(text: str) -> set[int]:
    """Hashes of the pairs of adjacent content words of ``text``."""
    words = content_words(text)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)] or words
    return {int.from_bytes(hashlib.blake2b(pair.encode(), digest_size=8).digest()) for pair in pairs}


def sketch(shingle_set: set[int]) -> tuple[int, ...]:
    """The MinHash sketch of a set of shingles: for each of 24 hash functions, the smallest value, cut
    to 16 bits. Two sketches agree in a position with probability equal to the sets' Jaccard similarity."""
    if not shingle_set:
        return ()
    values = [value % _PRIME for value in shingle_set]
    return tuple(min([(a * x + b) % _PRIME for x in values]) & 0xFFFF for a, b in _HASH_PARAMETERS)


def encode_fingerprint(values: tuple[int, ...]) -> str:
    """A sketch as the 64 characters stored in ``Source.fingerprint``."""
    if not values:
        return ""
    return base64.urlsafe_b64encode(b"".join(value.to_bytes(2, "big") for value in values)).decode()


def decode_fingerprint(text: str) -> tuple[int, ...]:
    """The sketch stored by ``encode_fingerprint``; empty for anything else."""
    try:
        raw = base64.urlsafe_b64decode(text.encode())
    except (ValueError, TypeError):
        return ()
    if len(raw) != 2 * SKETCH_SIZE:
        return ()
    return tuple(int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2))


def copy_similarity(first: set[int], second: set[int]) -> float | None:
    """The Jaccard similarity of two shingle sets when one text copies the other, else None."""
    if not first or not second:
        return None
    shared = len(first & second)
    jaccard = shared / len(first | second)
    smaller = min(len(first), len(second))
    contained = smaller >= _MIN_SHINGLES_FOR_CONTAINMENT and shared / smaller >= COPY_CONTAINMENT
    return jaccard if jaccard >= COPY_JACCARD or contained else None


class FingerprintIndex:
    """Sketches by position and value, to find the stored texts that may be copies of a new one."""

    def __init__(self):
        self._postings: dict[tuple[int, int], list[Hashable]] = defaultdict(list)
        self._sketches: dict[Hashable, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._sketches)

    def add(self, key: Hashable, values: tuple[int, ...]) -> None:
        self.discard(key)
        if not values:
            return
        self._sketches[key] = values
        for position, value in enumerate(values):
            self._postings[(position, value)].append(key)

    def discard(self, key: Hashable) -> None:
        for position, value in enumerate(self._sketches.pop(key, ())):
            self._postings[(position, value)].remove(key)

    def candidates(self, values: tuple[int, ...], exclude: Hashable = None) -> list[Hashable]:
        """Keys whose sketch agrees with ``values`` in at least 3 of 24 positions, most agreeing first."""
        counts: Counter = Counter()
        for position, value in enumerate(values):
            counts.update(self._postings.get((position, value), ()))
        counts.pop(exclude, None)
        ranked = [key for key, count in counts.most_common() if count >= _MIN_SKETCH_MATCHES]
        return ranked[:_CANDIDATES_CHECKED]


# ---------------------------------------------------------------------------------------------------
# Suggested citations

SUGGESTIONS_PER_MENTION = 3


def suggest_citations(
    events: EventIndex, text: str, mentions: list[FoundMention], language: str
) -> dict[int, list]:
    """``(event pk, score)`` suggestions for the mentions of ``text`` (written in ``language``), by the
    mention's index."""
    # Mentions share sentences: each sentence is read once (a 200 KB "sentence" of dates is possible).
    words_of: dict[tuple[int, int], set[str]] = {}
    suggestions = {}
    for index, mention in enumerate(mentions):
        if not events:
            break
        sentence = (mention.sentence_start, mention.sentence_end)
        if sentence not in words_of:
            words_of[sentence] = sentence_words(mention.sentence(text), language)
        span = (mention.date.start, mention.date.end) if mention.date else None
        found = events.suggest(span, words_of[sentence], SUGGESTIONS_PER_MENTION)
        if found:
            suggestions[index] = found
    return suggestions


# ---------------------------------------------------------------------------------------------------
# Results


@dataclass
class ArticleResult:
    """What happened to one article, or what would happen in a dry run."""

    path: str
    status: str
    line: int | None = None
    id: Any = None
    title: str = ""
    text: str = ""
    encoding: str = ""
    language: str = ""
    language_source: str = ""
    published: Published = field(default_factory=Published)
    source_id: int | None = None
    duplicate_of: dict[str, Any] | None = None
    original_of: dict[str, Any] | None = None
    translation_of: dict[str, Any] | None = None
    mentions: list[FoundMention] = field(default_factory=list)
    statements: list[FoundStatement] = field(default_factory=list)
    # The mention each statement is dated by (None when undated), one per statement.
    statement_dates: list[FoundMention | None] = field(default_factory=list)
    suggestions: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    # Articles loaded earlier in the run that turned out to copy this one (counted as copies, not loaded).
    relabelled: int = 0

    @property
    def label(self) -> str:
        """Where the article came from, for messages: "batch.jsonl: line 3" for a JSON line."""
        return f"{self.path}: line {self.line}" if self.line else self.path

    def as_json(self) -> dict[str, Any]:
        """The machine-readable description documented in the README ("load_articles --format json")."""
        data: dict[str, Any] = {"path": self.path}
        if self.line:
            data["line"] = self.line
        if self.id is not None:
            data["id"] = self.id
        data["status"] = self.status
        if self.status in (FAILED, SKIPPED):
            data["error"] = self.error
            data["warnings"] = self.warnings
            return data
        data.update(
            source=self.source_id,
            title=self.title,
            published=self.published.date.isoformat() if self.published.date else None,
            published_source=self.published.source,
            encoding=self.encoding,
            language=self.language,
            language_source=self.language_source,
            duplicate_of=self.duplicate_of,
            original_of=self.original_of,
            translation_of=self.translation_of,
            text=self.text,
            mentions=[mention.to_dict(self.text) for mention in self.mentions],
            statements=[
                _statement_json(statement, when)
                for statement, when in zip(self.statements, self.statement_dates, strict=True)
            ],
            warnings=self.warnings,
        )
        return data


def _statement_json(statement: FoundStatement, when: FoundMention | None) -> dict[str, Any]:
    return {
        "start": statement.start,
        "end": statement.end,
        "quote": statement.quote,
        "speaker": statement.who,
        "stance": statement.stance,
        "date": when.value if when else None,
    }


@dataclass
class LoadReport:
    """Counts over a run, and the results themselves when kept."""

    counts: Counter = field(default_factory=Counter)
    mentions: int = 0
    statements: int = 0
    results: list[ArticleResult] = field(default_factory=list)

    def add(self, result: ArticleResult, keep: bool = True) -> None:
        self.counts[result.status] += 1
        self.counts[LOADED] -= result.relabelled
        self.counts[DUPLICATE] += result.relabelled
        if result.status not in (FAILED, SKIPPED, UNCHANGED):
            self.mentions += len(result.mentions)
            self.statements += len(result.statements)
        if keep:
            self.results.append(result)

    @property
    def failed(self) -> int:
        return self.counts[FAILED]

    def summary(self) -> str:
        """One line: "loaded 4, updated 0, unchanged 0, duplicates 1, failed 0, skipped 0; mentions 83, …"."""
        counts = ", ".join(
            f"{'duplicates' if status == DUPLICATE else status} {self.counts[status]}"
            for status in (LOADED, UPDATED, UNCHANGED, DUPLICATE, FAILED, SKIPPED)
        )
        return f"{counts}; mentions {self.mentions}, statements {self.statements}"


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

    ``published`` is the publication date given by the curator for every article. In a dry run
    everything is extracted and reported and nothing is written; duplicates are also looked for among
    the earlier articles of the run."""
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
    loader = _Loader(dry_run=dry_run, published=published)
    for item in articles:
        if isinstance(item, ReadFailure):
            status = SKIPPED if item.skipped else FAILED
            yield ArticleResult(item.path, status, line=item.line, id=item.id, error=item.reason)
        else:
            yield loader.load(item)


def _norm_title(title: str) -> str:
    return " ".join(title.casefold().replace("“", '"').replace("”", '"').replace("’", "'").split())


def _by_hash(content_hash: str):
    # Repeating the partial index's condition lets SQLite and PostgreSQL use it instead of a scan.
    return Source.objects.filter(content_hash=content_hash).exclude(content_hash="").order_by()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Original:
    """The article a copy copies: its key (a source pk, or a batch key in a dry run), how to describe it
    and its publication date."""

    key: Any
    described: dict[str, Any]
    published: date | None
    # A translation's original: the language it is written in (None for a copy in the same language).
    language: str | None = None


@dataclass
class _Extracted:
    published: Published
    anchor: date | None
    mentions: list[FoundMention]
    statements: list[FoundStatement]
    shingles: set[int]
    sketch: tuple[int, ...]
    suggestions: dict[int, list[tuple[int, float]]]
    statement_dates: list[FoundMention | None]
    # How many mentions the text has; ``mentions`` keeps the first TIMELINE_MAX_MENTIONS_PER_ARTICLE.
    mentions_found: int


class _Loader:
    """The state one run shares between articles: known speakers, events, sketches, sources to fill."""

    def __init__(self, *, dry_run: bool, published: date | None):
        self.dry_run = dry_run
        self.given = published
        self.max_mentions = settings.TIMELINE_MAX_MENTIONS_PER_ARTICLE
        self.speakers = SpeakerIndex(
            Speaker(actor.pk, actor.name, tuple(actor.names), actor.kind == Actor.Kind.PERSON)
            for actor in Actor.objects.only("pk", "name", "aliases", "kind")
        )
        self.events = EventIndex(Event.objects.filter(merged_into__isnull=True).values_list(*EVENT_COLUMNS))
        self.index = FingerprintIndex()
        # Languages of the stored texts: a translation is looked for only when another one is there.
        self._languages = set(Source.objects.exclude(text="").values_list("language", flat=True).distinct())
        self._facts: dict[Hashable, tuple[translation.Facts, dict[str, Any]]] = {}
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
        # Dry runs: what the run has seen, standing in for what a real run would have stored.
        self._batch_hashes: dict[str, ArticleResult] = {}
        self._batch: dict[str, tuple[set[int], _Original]] = {}
        # Originals that turned out to copy a later-loaded article, by key: the article they copy.
        self._moved: dict[Hashable, _Original] = {}
        # This run's articles by key (a source pk, or a batch key in a dry run), to correct their results
        # when an original found earlier in the run becomes a copy; weak, so text output keeps none.
        self._results: weakref.WeakValueDictionary[Hashable, ArticleResult] = weakref.WeakValueDictionary()
        self._loaded_here: set[Hashable] = set()
        self._original_key: dict[Hashable, Hashable] = {}

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
            self._load(article, result)
        except ValidationError as error:
            result.status, result.error = FAILED, _validation_message(error)
        except Exception as error:
            result.status, result.error = FAILED, _one_line(f"{type(error).__name__}: {error}")
        return result

    def _load(self, article: Article, result: ArticleResult) -> None:
        content_hash = _sha256(article.text)
        stored = _by_hash(content_hash).only("pk", "title").first()
        seen = self._batch_hashes.get(content_hash)
        if stored is not None or seen is not None:
            self._unchanged(article, result, stored, seen)
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
        extracted = self._extract(article, published, original, shingle_set, values)
        self._describe(result, article, target, original, extracted)
        if copy is not None:
            self._describe_copy(result, copy)
        result.status = UPDATED if target is not None else DUPLICATE if original else LOADED
        if self.dry_run:
            key = self._remember_batch(article, result, content_hash, extracted, original)
            self._remember(key, result, original, copy)
            return
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
        result.source_id = source.pk
        if repeats:
            result.warnings.append(f"{repeats} statement(s) a curator already reviewed not queued again")
        self.index.add(source.pk, extracted.sketch)
        self._languages.add(source.language)
        self._facts.pop(source.pk, None)
        self._forget_empty(target)
        self._remember(source.pk, result, original, copy)

    def _unchanged(self, article, result, stored: Source | None, seen: ArticleResult | None) -> None:
        result.status = UNCHANGED
        if stored is not None:
            result.source_id, result.title = stored.pk, stored.title
        else:
            result.warnings.append(f"same text as {seen.label} earlier in this run")
        if self.dry_run:
            shingle_set = shingles(article.text)
            published = self._published(article, None)
            extracted = self._extract(article, published, None, shingle_set, sketch(shingle_set))
            self._describe(result, article, None, None, extracted)

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

    def _extract(
        self, article, published: Published, original: _Original | None, shingle_set, values
    ) -> _Extracted:
        anchor = published.date
        if anchor is None and original is not None and original.published is not None:
            # A copy's "last month" and "Wednesday" are those of the article it copies.
            anchor = original.published
        found = anchored_mentions(article.text, anchor, article.language)
        # Curators review what is stored: a text dense with dates must not bury them.
        mentions = list(found[: self.max_mentions])
        suggestions = suggest_citations(self.events, article.text, mentions, article.language)
        statements = find_statements(article.text, self.speakers, language=article.language)
        # A statement is dated by its sentence, whether or not the mention is among those stored.
        dates = statement_dates(statements, found)
        return _Extracted(
            published, anchor, mentions, statements, shingle_set, values, suggestions, dates, len(found)
        )

    def _published(self, article: Article, target: Source | None) -> Published:
        if self.given is None and target is not None and target.published is not None:
            return Published(target.published, target.published_source, target.published_note)
        return determine_published(
            article.text,
            given=self.given,
            metadata=article.published,
            dateline=article.dateline,
            language=article.language,
        )

    def _describe(self, result, article, target, original: _Original | None, extracted: _Extracted) -> None:
        result.published = extracted.published
        result.warnings.extend(extracted.published.warnings)
        if extracted.anchor != extracted.published.date:
            result.warnings.append(
                f"relative dates anchored on {extracted.anchor}, the publication date of the original"
            )
        result.mentions = extracted.mentions
        if extracted.mentions_found > len(extracted.mentions):
            result.warnings.append(
                f"kept the first {len(extracted.mentions):,} of {extracted.mentions_found:,} date mentions "
                "(TIMELINE_MAX_MENTIONS_PER_ARTICLE)"
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
            result.source_id = target.pk
            result.title = target.title if not target.text else article.title
            result.warnings.append(
                f"fills in source {target.pk} “{target.title}”"
                if not target.text
                else f"updates source {target.pk} (same URL, new text)"
            )

    def _original(
        self, shingle_set: set[int], values: tuple[int, ...], target: Source | None
    ) -> _Original | None:
        """The stored (or, in a dry run, earlier) article this one copies, if any. A source the
        curators already marked as a copy keeps the original they gave."""
        if target is not None and target.duplicate_of_id:
            return _stored_original(target.duplicate_of_id)
        own_key = target.pk if target else None
        candidates = self.index.candidates(values, exclude=own_key)
        stored = dict(
            Source.objects.filter(pk__in=[key for key in candidates if isinstance(key, int)]).values_list(
                "pk", "text"
            )
        )
        best: tuple[float, Any] | None = None
        for key in candidates:
            if key in stored:
                similarity = copy_similarity(shingle_set, shingles(stored[key]))
            elif key in self._batch:
                similarity = copy_similarity(shingle_set, self._batch[key][0])
            else:
                continue
            if similarity is not None and (best is None or similarity > best[0]):
                best = (similarity, key)
        if best is None:
            return None
        original = self._batch[best[1]][1] if best[1] in self._batch else _stored_original(best[1])
        while original.key in self._moved:
            original = self._moved[original.key]
        # A copy of the source being updated makes that source the original, not a copy.
        if original.key == own_key:
            return None
        return _Original(
            original.key, dict(original.described, similarity=round(best[0], 3)), original.published
        )

    def _translated_from(self, article: Article, published: Published, target) -> _Original | None:
        """The stored (or, in a dry run, earlier) article in another language this one translates,
        recognised by the facts both report (``timeline.ingest.translation``)."""
        if target is not None and target.duplicate_of_id:
            return None
        if not self._languages - {article.language}:
            return None
        candidates = self._translation_candidates(article.language, published.date, target)
        if not candidates:
            return None
        mentions = anchored_mentions(article.text, published.date, article.language)
        facts = translation.article_facts(
            article.text, article.language, mentions, article.outlet, published.date
        )
        best = translation.best_translation(facts, ((key, self._facts[key][0]) for key in candidates))
        if best is None:
            return None
        key, score = best
        found, described = self._facts[key]
        return _Original(key, dict(described, similarity=round(score, 3)), found.published, found.language)

    def _translation_candidates(self, language: str, day: date | None, target) -> list[Hashable]:
        """Keys of the originals in another language published within a week of ``day`` (or
        undated): stored ones, with their facts worked out once a run, and this run's in a dry run."""
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
            mentions = find_date_mentions(source.text, source.published, language=source.language)
            outlet = source.outlet.name if source.outlet else ""
            facts = translation.article_facts(
                source.text, source.language, mentions, outlet, source.published
            )
            self._facts[source.pk] = (facts, {"source": source.pk, "title": source.title})
        batch = [
            key for key in self._facts if isinstance(key, str) and self._facts[key][0].language != language
        ]
        return keys + batch

    def _remember_batch(
        self, article, result, content_hash: str, extracted, original: _Original | None
    ) -> str:
        key = f"batch:{len(self._batch)}"
        if original is None:
            described = {"source": None, "path": article.label, "title": result.title}
            if article.id is not None:
                described["id"] = article.id
            original = _Original(key, described, extracted.anchor)
        else:
            described = {name: value for name, value in original.described.items() if name != "similarity"}
            original = _Original(original.key, described, original.published)
        self._batch[key] = (extracted.shingles, original)
        self.index.add(key, extracted.sketch)
        if original.key == key:
            facts = translation.article_facts(
                article.text, article.language, extracted.mentions, article.outlet, extracted.anchor
            )
            self._facts[key] = (facts, original.described)
            self._languages.add(article.language)
        self._batch_hashes[content_hash] = result
        return key

    def _describe_copy(self, result: ArticleResult, copy: _Original) -> None:
        result.original_of = copy.described
        where = f"source {copy.key}" if copy.described.get("source") else copy.described.get("path", "")
        result.warnings.append(
            f"{where} “{copy.described['title']}” copies this article, published earlier: "
            "it is now recorded as a copy of this one"
        )

    def _remember(
        self, key, result: ArticleResult, original: _Original | None, copy: _Original | None
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
        described = {"source": result.source_id, "title": result.title}
        if self.dry_run:
            described = {"source": None, "path": result.label, "title": result.title}
            if result.id is not None:
                described["id"] = result.id
        self._moved[copy.key] = _Original(key, described, result.published.date)
        if copy.key in self._loaded_here:
            self._loaded_here.discard(copy.key)
            result.relabelled += 1
        self._repoint(copy.key, key, described, copy.described.get("similarity"))

    def _repoint(self, old: Hashable, new: Hashable, described: dict[str, Any], similarity) -> None:
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
        extracted: _Extracted,
        content_hash,
        copies: _Original | None,
        copied_by: _Original | None = None,
    ) -> tuple[Source, int]:
        """Store the article, and say how many statements repeated reviewed ones. Everything is found,
        dated, ranked and checked before: the transaction, which on SQLite holds the database's write
        lock, only writes."""
        old_text = target.text if target is not None else ""
        source = self._source_row(article, target, extracted, content_hash, copies)
        return self._store(source, old_text, article, target, extracted, copied_by)

    def _source_row(self, article, target, extracted: _Extracted, content_hash, copies) -> Source:
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

    @transaction.atomic
    def _store(
        self, source: Source, old_text: str, article, target, extracted: _Extracted, copied_by
    ) -> tuple[Source, int]:
        """Write the checked ``source`` and what was found in it; ``old_text`` is the text it replaces,
        which its citations and statements are re-anchored from."""
        if source.outlet_id is None and article.outlet:
            source.outlet = _outlet(article.outlet)
        source.save()
        if target is not None:
            _clear_pending(source)
            reanchor_quotes(source, old_text)
        mentions = _store_mentions(source, extracted.mentions, curated=target is not None)
        repeats = _store_statements(source, extracted.statements, extracted.statement_dates)
        _store_suggestions(mentions, extracted.suggestions)
        if copied_by is not None:
            _make_copies_of(source, copied_by.key)
        return source, repeats


def published_first(new: date | None, existing: date | None) -> bool:
    """Whether a new article is the original of a near-duplicate stored (or seen) before it, rather
    than its copy: it is when its publication date is known and the other's is unknown or later. On
    the same day, or with neither date known, the article seen first stays the original."""
    return new is not None and (existing is None or new < existing)


def _make_copies_of(original: Source, pk: int) -> None:
    """Record source ``pk``, and the copies recorded of it, as copies of ``original``; the rest of
    them stays as it is."""
    copies = Source.objects.filter(Q(pk=pk) | Q(duplicate_of=pk)).exclude(pk=original.pk).defer("text")
    for source in copies:
        # One save each, so the change is in every source's history.
        source.duplicate_of = original
        source.save(update_fields=["duplicate_of"])


def _stored_original(pk: int) -> _Original:
    """The root of the copies chain that ``pk`` belongs to."""
    source = Source.objects.filter(pk=pk).only("pk", "title", "published", "duplicate_of").first()
    if source.duplicate_of_id and source.duplicate_of_id != pk:
        source = Source.objects.only("pk", "title", "published").get(pk=source.duplicate_of_id)
    return _Original(source.pk, {"source": source.pk, "title": source.title}, source.published)


_OUTLET_ATTEMPTS = 3


def _outlet(name: str) -> Outlet:
    """The outlet called ``name`` (case and spacing aside), created when new. Another loader may
    create it (or take its slug) between the look-up and the insert: the insert then fails on a unique
    constraint, in a savepoint so the article's transaction goes on, and the look-up is repeated."""
    name = " ".join(name.split())
    for attempt in itertools.count(1):
        outlet = Outlet.objects.filter(name__iexact=name).first()
        if outlet is not None:
            return outlet
        outlet = Outlet(name=name, slug=unique_slug(Outlet, name, max_length=190) or "outlet")
        # Lengths and formats here; uniqueness is the constraints' job, which also see other loaders.
        outlet.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                outlet.save()
            return outlet
        except IntegrityError:
            if attempt == _OUTLET_ATTEMPTS:
                raise


def _clear_pending(source: Source) -> None:
    """Before new text's findings are stored: drop the loader's unreviewed ones, keep curated work."""
    source.mentions.filter(review=Review.PENDING).delete()
    source.statements.filter(review=Review.PENDING).delete()


def _store_mentions(source: Source, found: list[FoundMention], curated: bool) -> dict[int, DateMention]:
    """DateMention rows, keyed by the index of the found mention; spans a curator kept are skipped
    (only a source stored before, ``curated``, can have them)."""
    taken = set(source.mentions.values_list("start", "end")) if curated else set()
    rows: dict[int, DateMention] = {}
    for index, mention in enumerate(found):
        if (mention.start, mention.end) in taken:
            continue
        row = DateMention(
            source=source,
            start=mention.start,
            end=mention.end,
            text=mention.text,
            sentence_start=mention.sentence_start,
            sentence_end=mention.sentence_end,
        )
        row.date = mention.date
        row.date_precision, row.date_modifier = mention.precision.value, mention.modifier.value
        rows[index] = row
    DateMention.objects.bulk_create(rows.values())
    return rows


def _store_statements(source: Source, found: list[FoundStatement], dates: list[FoundMention | None]) -> int:
    """Pending Statement rows for the statements found, each dated by its mention in ``dates``. A
    quote a curator already reviewed for this source (accepted or dismissed) is not queued again, nor
    one whose passage (its offsets, the statements' natural key) a reviewed statement holds; returns
    how many were left out so."""
    reviewed = source.statements.exclude(review=Review.PENDING).values_list("quote", "start", "end")
    reviewed_quotes = [_quote_key(quote) for quote, _, _ in reviewed]
    taken_spans = {(start, end) for _, start, end in reviewed}
    rows = []
    for statement, when in zip(found, dates, strict=True):
        if (statement.start, statement.end) in taken_spans:
            continue
        quote = _quote_key(statement.quote)
        if any(repeats_quote(quote, curated) for curated in reviewed_quotes):
            continue
        row = Statement(
            source=source,
            speaker_id=statement.speaker.key if statement.speaker else None,
            speaker_name="" if statement.speaker else statement.speaker_name[:200],
            quote=statement.quote,
            stance=statement.stance,
            start=statement.start,
            end=statement.end,
            review=Review.PENDING,
        )
        row.date = when.date if when else None
        rows.append(row)
    # Statements are curated, so each starts its history as the loader found it: a curator's edit
    # can then be compared with, or reverted to, the loader's reading. (Mentions keep no history.)
    bulk_create_with_history(rows, Statement, default_change_reason="found by the loader")
    return len(found) - len(rows)


def _quote_key(quote: str) -> str:
    """A quote as compared with the ones reviewed: case, spacing and the kind of quote marks aside."""
    return " ".join(quote.casefold().translate(_QUOTE_MARKS).split())


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_ELLIPSIS = re.compile(r"…|\.\.\.|\[\.\.\.\]")


def repeats_quote(found: str, curated: str) -> bool:
    """Whether a quote found in a text repeats one a curator wrote down from it (both as
    ``_quote_key`` gives them): the curated quote holds it ("A. … B" holds "B"), or abridges it (each
    part of "A. … B" appears, in order, in "A. C. B")."""
    if found in curated:
        return True
    position = 0
    parts = [part.strip() for part in _ELLIPSIS.split(curated)]
    for part in filter(None, parts):
        position = found.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return len(parts) > 1


def _store_suggestions(
    mentions: dict[int, DateMention], suggestions: dict[int, list[tuple[int, float]]]
) -> None:
    SuggestedCitation.objects.bulk_create(
        SuggestedCitation(mention=mentions[index], event_id=event_pk, score=score)
        for index, found in suggestions.items()
        if index in mentions
        for event_pk, score in found
    )


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        parts = [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
        return _one_line("invalid " + "; ".join(parts))
    return _one_line("invalid: " + " ".join(error.messages))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:300]
