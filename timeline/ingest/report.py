"""What a loader run reports: one ``ArticleResult`` per article (its JSON form is the README's
"load_articles --format json" contract) and the run's ``LoadReport``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from timeline.ingest.mentions import DateMention as FoundMention
from timeline.ingest.published import Published
from timeline.ingest.statements import FoundStatement

LOADED, UPDATED, UNCHANGED, DUPLICATE, FAILED, SKIPPED = (
    "loaded",
    "updated",
    "unchanged",
    "duplicate",
    "failed",
    "skipped",
)
STATUSES = (LOADED, UPDATED, UNCHANGED, DUPLICATE, FAILED, SKIPPED)


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

    def text_line(self) -> str:
        """The line ``load_articles`` prints for this article (its warnings follow on lines of their own)."""
        if self.status in (FAILED, SKIPPED):
            return f"{self.status.upper()} {self.label}: {self.error}"
        source = f"source {self.source_id}" if self.source_id else "new source"
        copy = f", copy of {_described(self.duplicate_of)}" if self.duplicate_of else ""
        if self.translation_of:
            copy = f", translation of {_described(self.translation_of)} ({self.translation_of['language']})"
        if self.original_of:
            copy += f", original of {_described(self.original_of)}"
        return (
            f"{self.status:<9} {self.label} → {source} “{self.title}” "
            f"({len(self.mentions)} mentions, {len(self.statements)} statements{copy})"
        )

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


def _described(original: dict) -> str:
    return f"source {original['source']}" if original.get("source") else original.get("path", "")


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
            f"{'duplicates' if status == DUPLICATE else status} {self.counts[status]}" for status in STATUSES
        )
        return f"{counts}; mentions {self.mentions}, statements {self.statements}"
