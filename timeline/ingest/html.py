"""An article's main text and metadata from an HTML page, by trafilatura and htmldate.

No hand-written scraping: trafilatura finds the main text (navigation, comments, scripts and footers
go) and the title, author and site name; htmldate reads the publication date from the markup only
(meta tags, ``<time>``, JSON-LD, the URL), not from dates in the running text, which the loader
checks itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura
from lxml.etree import ParserError
from trafilatura.utils import load_html

from timeline.ingest.decode import InputError

# trafilatura and htmldate log every page they find nothing in; the loader reports that itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass(frozen=True)
class HtmlArticle:
    """What a page says about itself; empty strings and None where it says nothing."""

    text: str
    title: str = ""
    author: str = ""
    site_name: str = ""
    published: date | None = None
    language: str = ""


def extract_html(markup: str, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of the page ``markup``; raises ``InputError("no content")``
    when the page holds no article text."""
    tree = _parse(markup)
    published = _publication_date(tree, url)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise InputError("no content (no article text in the page)")
    return HtmlArticle(
        text=text,
        title=_field(document, "title"),
        author=_field(document, "author"),
        site_name=_field(document, "sitename"),
        published=published,
        language=_declared_language(tree) or _field(document, "language"),
    )


def _declared_language(tree) -> str:
    """The language the page declares: ``<html lang>``, then Content-Language, then ``og:locale``."""
    for path in (
        "/html/@lang",
        "/html/@xml:lang",
        "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')='content-language']/@content",
        "//meta[@property='og:locale']/@content",
    ):
        found = tree.xpath(path, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return ""


def _parse(markup: str):
    try:
        tree = load_html(markup)
    except (ParserError, ValueError):
        tree = None
    if tree is None:
        raise InputError("no content (not a readable HTML page)")
    return tree


def _publication_date(tree, url: str | None) -> date | None:
    """The original publication date the markup states, never a date guessed from running text."""
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _field(document, name: str) -> str:
    return " ".join(str(getattr(document, name, None) or "").split())
