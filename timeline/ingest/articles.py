"""Read the PATHs given to the loader into ``Article`` records, or one-line ``ReadFailure``s.

A PATH is a file, a directory (walked recursively, in name order, for .txt, .html/.htm and .jsonl
files, each optionally .gz; links leading out of the directory are not followed) or "-" for stdin.

- Plain text: the first line is the title; when the first line is a paragraph rather than a headline
  (it ends like a sentence, in ".", "?" or "!", and runs past 25 words or is the only line; or it is
  too long for a title), the title is its first sentence, shortened at a word boundary, and the line
  stays in the text. A title given or found that is too long is shortened the same way.
- HTML: main text, title, author, site name and publication date from the page (``timeline.ingest.html``).
- JSON Lines: one article per line, an object with ``text`` or ``html`` and optionally ``title``, ``url``,
  ``outlet``, ``published``, ``language`` and ``id``; a blank ``title`` counts as none. A malformed line,
  or one holding JSON that is not an object, fails alone.

An input (or a JSON line) that breaks the reader in a way no rule here foresaw fails alone too, with the
error's type and message, so one bad file never stops a run.

Files are refused before they are read when larger than the byte limit (for JSON Lines the limit applies
to each line, and the file is streamed). Text is decoded by ``timeline.ingest.decode`` and cleaned by
``timeline.ingest.clean``. Nothing here touches the database.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.ingest.clean import clean_text, drop_title_repeats
from timeline.ingest.decode import (
    GZIP_MAGIC,
    InputError,
    decode_bytes,
    read_file_bytes,
    read_stream_bytes,
)
from timeline.ingest.html import extract_html
from timeline.ingest.language import DEFAULT_LANGUAGE, determine_language, normalise_code
from timeline.ingest.published import dateline_date, dateline_lines
from timeline.ingest.sentences import split_sentences
from timeline.vocabulary import LanguageSource

STDIN = "-"
TEXT, HTML, JSONL = "text", "html", "jsonl"
_EXTENSIONS = {".txt": TEXT, ".text": TEXT, ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".jsonl": JSONL}
_EXTENSIONS[".ndjson"] = JSONL
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
# A first line longer than this that ends in a full stop is a paragraph, not a headline.
_HEADLINE_MAX_WORDS = 25
_DERIVED_TITLE_CHARS = 150
# As long as ``Source.title`` may be.
TITLE_MAX_CHARS = 500
# A line ends like a sentence: ".", "?", "!" or "…", then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
_HTML_MIN_WORDS = 5
_BYLINE = re.compile(r"^[Bb]y\s+((?:[A-Z][\w'’.-]*\s?){2,4})$")
_FILE_NAME_CHARS = 300


@dataclass
class Article:
    """One article read from input: cleaned text and everything the input says about it."""

    path: str
    title: str
    text: str
    id: Any = None
    line: int | None = None
    url: str = ""
    outlet: str = ""
    author: str = ""
    language: str = DEFAULT_LANGUAGE
    language_source: str = LanguageSource.GIVEN
    published: date | None = None  # from the document's metadata
    # The lines a dateline or timestamp may be (``published.dateline_lines``), read when needed.
    dateline_lines: tuple[str, ...] = ()
    encoding: str = "utf-8"
    other_titles: tuple[str, ...] = ()  # what else the input's first line says, for matching sources
    warnings: list[str] = field(default_factory=list)

    def find_dateline(self) -> date | None:
        """The date of the dateline or timestamp line, if the text has one."""
        return dateline_date(self.dateline_lines, self.language)

    @property
    def label(self) -> str:
        """Where it came from, for messages: "batch.jsonl: line 3" for a JSON line."""
        return f"{self.path}: line {self.line}" if self.line else self.path

    @property
    def file_name(self) -> str:
        name = STDIN if self.path == STDIN else Path(self.path).name
        name = f"{name}:{self.line}" if self.line else name
        return name[-_FILE_NAME_CHARS:]


@dataclass(frozen=True)
class ReadFailure:
    """An input that yielded no article, with a one-line reason; ``skipped`` ones are not errors."""

    path: str
    reason: str
    line: int | None = None
    id: Any = None
    skipped: bool = False

    @property
    def label(self) -> str:
        return f"{self.path}: line {self.line}" if self.line else self.path


def expand_paths(paths: list[str]) -> Iterator[Path | str | ReadFailure]:
    """The files the PATHs name: files as given, directories walked, "-" kept for stdin."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path | ReadFailure]:
    """Article files under ``root`` in name order; links are followed only to files inside it."""
    real_root = root.resolve()
    for directory, subdirectories, names in os.walk(root, followlinks=False):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or format_from_name(name) is None:
                continue
            path = Path(directory) / name
            problem = _link_problem(path, real_root)
            if problem:
                yield ReadFailure(str(path), f"{problem}: not followed", skipped=True)
                continue
            yield path


def _link_problem(path: Path, real_root: Path) -> str:
    """Why a link found in a directory walk is not followed ("" for a plain file or a link inside)."""
    if not path.is_symlink():
        return ""
    try:
        target = path.resolve()
    # A loop raises RuntimeError up to Python 3.12 and OSError (ELOOP) from 3.13.
    except (RuntimeError, OSError):
        return "symlink loop"
    return "" if target.is_relative_to(real_root) else "link leads outside the directory"


def read_path(path: Path | str, *, limit: int, stdin=None) -> Iterator[Article | ReadFailure]:
    """The article (or, for JSON Lines, articles) in one file or stdin."""
    label = str(path)
    try:
        if path == STDIN:
            data = read_stream_bytes(stdin, limit)
            fmt = _sniff(data)
        else:
            fmt = format_from_name(path.name)
            if fmt == JSONL and not path.name.endswith(".gz"):
                yield from _read_jsonl_file(path, limit)
                return
            data = read_file_bytes(path, limit)
            fmt = fmt or _sniff(data)
        if fmt == JSONL:
            yield from _jsonl_articles(io.BytesIO(data), label, limit)
        else:
            yield _article_from_bytes(data, label, fmt)
    except InputError as error:
        yield ReadFailure(label, str(error))
    # One input that breaks the reader in a way no rule foresaw must not stop the run.
    except Exception as error:
        yield ReadFailure(label, unexpected(error))


def read_bytes(
    data: bytes, name: str, *, limit: int, fmt: str | None = None, declared: str | None = None, url: str = ""
) -> Iterator[Article | ReadFailure]:
    """The article (or, for JSON Lines, articles) in ``data``: an uploaded file, pasted text or a
    fetched page, read as a file named ``name`` is (``fmt`` when the format is known otherwise, e.g.
    from a Content-Type; ``declared`` the charset a response names; ``url`` where it was fetched)."""
    try:
        fmt = fmt or format_from_name(name)
        if fmt == JSONL and not data.startswith(GZIP_MAGIC):
            # As for a file: the limit applies to each line.
            yield from _jsonl_articles(io.BytesIO(data), name, limit)
            return
        data = read_stream_bytes(io.BytesIO(data), limit)
        fmt = fmt or _sniff(data)
        if fmt == JSONL:
            yield from _jsonl_articles(io.BytesIO(data), name, limit)
        else:
            yield _article_from_bytes(data, name, fmt, declared=declared, url=url)
    except InputError as error:
        yield ReadFailure(name, str(error))
    # One input that breaks the reader in a way no rule foresaw must not stop the run.
    except Exception as error:
        yield ReadFailure(name, unexpected(error))


def unexpected(error: Exception) -> str:
    """A one-line reason for an error no rule foresaw: its type and message."""
    return " ".join(f"{type(error).__name__}: {error}".split())[:300]


def format_from_name(name: str) -> str | None:
    lowered = name.lower().removesuffix(".gz")
    return _EXTENSIONS.get(os.path.splitext(lowered)[1])


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return JSONL
    return HTML if _HTML_SNIFF.search(head) else TEXT


def _article_from_bytes(
    data: bytes, label: str, fmt: str, declared: str | None = None, url: str = ""
) -> Article:
    decoded = decode_bytes(data, declared)
    fields = {"url": url} if url else {}
    reader = html_article if fmt == HTML else text_article
    article = reader(decoded.text, label, **fields)
    article.encoding = decoded.encoding
    article.warnings[:0] = list(decoded.warnings)
    return article


# ---------------------------------------------------------------------------------------------------
# Articles from text and HTML


def text_article(
    raw: str, path: str, *, title: str | None = None, language_metadata: str = "", **fields
) -> Article:
    """An article from plain text whose first line is its title (unless ``title`` is given); its
    language is ``language`` when given, else ``language_metadata`` (what a page declares), else
    detected."""
    warnings: list[str] = []
    first_line = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    if title is None:
        title, cleaned, derived = split_title(clean_text(raw))
        if derived:
            warnings.append("no title line: the title is the first sentence")
        else:
            cleaned = drop_title_repeats(cleaned, title)
    else:
        cleaned = clean_text(raw, title)
    if not cleaned:
        raise InputError("no content (nothing but a title and boilerplate)")
    if len(title) > TITLE_MAX_CHARS:
        title = _shorten(title, TITLE_MAX_CHARS)
        warnings.append(f"title shortened to {TITLE_MAX_CHARS} characters")
    other_titles = (first_line,) if first_line and first_line != title else ()
    language = determine_language(
        f"{title}\n{cleaned}", given=fields.pop("language", None), metadata=language_metadata
    )
    return Article(
        path=path,
        title=title,
        text=cleaned,
        language=language.code,
        language_source=language.source,
        dateline_lines=dateline_lines(raw),
        author=fields.pop("author", "") or byline(cleaned),
        other_titles=other_titles,
        warnings=warnings,
        **fields,
    )


def html_article(markup: str, path: str, *, title: str | None = None, **fields) -> Article:
    """An article from an HTML page: main text and metadata via trafilatura and htmldate."""
    page = extract_html(markup, url=fields.get("url") or None)
    article = text_article(
        page.text,
        path,
        title=title or page.title or None,
        language_metadata=page.language,
        **_without(fields, "author"),
    )
    if len(article.text.split()) < _HTML_MIN_WORDS:
        raise InputError("no content (no article text in the page)")
    article.author = fields.get("author") or page.author
    article.outlet = fields.get("outlet") or page.site_name
    article.published = fields.get("published") or page.published
    return article


def _without(fields: dict, *names: str) -> dict:
    return {key: value for key, value in fields.items() if key not in names}


def split_title(text: str) -> tuple[str, str, bool]:
    """(title, body, derived): the first line and the rest, or, when the first line is a paragraph,
    a title made from its first sentence and the whole text."""
    first, _, rest = text.partition("\n")
    first, rest = first.strip(), rest.strip()
    if not _is_paragraph(first, only_line=not rest):
        return first, rest, False
    spans = split_sentences(first)
    sentence = first[spans[0][0] : spans[0][1]] if spans else first
    return _shorten(sentence, _DERIVED_TITLE_CHARS), text, True


def _is_paragraph(line: str, only_line: bool) -> bool:
    """Whether a first line is prose rather than a headline. A headline may end in "?" or run long,
    but is seldom both long and ended like a sentence, never the whole article, and fits in a title."""
    if len(line) > TITLE_MAX_CHARS:
        return True
    long = len(line.split()) > _HEADLINE_MAX_WORDS
    if _SENTENCE_END.search(line):
        return long or only_line
    return long and only_line


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def byline(text: str) -> str:
    """The author named by a "By …" line near the top of ``text``, if there is one."""
    for line in text.splitlines()[:8]:
        match = _BYLINE.match(line.strip())
        if match:
            return match.group(1).strip()
    return ""


# ---------------------------------------------------------------------------------------------------
# JSON Lines


def _read_jsonl_file(path: Path, limit: int) -> Iterator[Article | ReadFailure]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (FIFOs, devices and sockets are refused)")
    with path.open("rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        if head == GZIP_MAGIC:
            raise InputError("gzip data in a file not named .gz")
        yield from _jsonl_articles(stream, str(path), limit)


def _jsonl_articles(stream, label: str, limit: int) -> Iterator[Article | ReadFailure]:
    produced = False
    for number, raw in _lines(stream, limit):
        if isinstance(raw, InputError):
            yield ReadFailure(label, str(raw), line=number)
            produced = True
            continue
        if not raw.strip():
            continue
        produced = True
        yield _json_line_article(raw, label, number)
    if not produced:
        raise InputError("empty")


def _lines(stream, limit: int) -> Iterator[tuple[int, bytes | InputError]]:
    """Numbered lines of a binary stream, each read up to ``limit`` bytes; longer ones are skipped."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield number, InputError(f"too large (the limit is {limit:,} bytes per line)")
            continue
        yield number, line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line


_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _json_line_article(raw: bytes, label: str, number: int) -> Article | ReadFailure:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return ReadFailure(label, "not UTF-8 (JSON Lines must be UTF-8)", line=number)
    except json.JSONDecodeError as error:
        return ReadFailure(label, f"malformed JSON ({error.msg} at column {error.colno})", line=number)
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        return ReadFailure(
            label, f"not a JSON object (an article is an object; this line is {kind})", line=number
        )
    try:
        return _article_from_record(record, label, number)
    except InputError as error:
        return ReadFailure(label, str(error), line=number, id=record.get("id"))
    # One line that breaks the reader fails alone.
    except Exception as error:
        return ReadFailure(label, unexpected(error), line=number, id=record.get("id"))


def _article_from_record(record: dict, label: str, number: int) -> Article:
    fields: dict[str, Any] = {"id": record.get("id"), "line": number}
    for name in ("title", "url", "outlet", "language"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"“{name}” must be a string")
        if value and value.strip():
            fields[name] = value.strip()
    warnings = []
    if "language" in fields and normalise_code(fields["language"]) is None:
        warnings.append(
            f"“language” {fields.pop('language')[:40]!r} is not a language code: detected instead"
        )
    published, problem = _parse_published(record.get("published"))
    if problem:
        warnings.append(problem)
    fields["published"] = published
    title = fields.pop("title", None)
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        article = html_article(html, label, title=title, **fields)
    elif isinstance(text, str) and text.strip():
        article = text_article(text, label, title=title, **fields)
    else:
        raise InputError("no “text” or “html”" if text is None and html is None else "empty")
    article.warnings.extend(warnings)
    return article


def _parse_published(value: Any) -> tuple[date | None, str]:
    """A JSON ``published`` value (ISO date or date-time) as a date, or a warning why not."""
    if value in (None, ""):
        return None, ""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date(), ""
        except ValueError:
            pass
    return None, f"“published” {str(value)[:40]!r} is not an ISO date: ignored"


def with_overrides(
    article: Article,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> Article:
    """The article with what the curator gave on the command line in place of what the input says
    (``language`` already a checked code)."""
    changes: dict[str, Any] = {
        name: value for name, value in (("title", title), ("url", url), ("outlet", outlet)) if value
    }
    if language:
        changes.update(language=language, language_source=LanguageSource.GIVEN)
    if "title" in changes and article.title != title:
        changes["other_titles"] = (*article.other_titles, article.title)
    return replace(article, **changes) if changes else article
