"""Read TimeML (.tml) documents: the plain article text, its creation date and the gold TIMEX3s.

The plain text is the joined text content of ``<TEXT>`` (``<EVENT>``, ``<SIGNAL>`` and other inline
tags dropped, entities decoded), so gold offsets index the same string the extractor is given.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Timex:
    """One gold TIMEX3: its span in the plain text and its TimeML attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass(frozen=True)
class TimemlDocument:
    """A TimeML article: id, title, creation date (None when absent), plain text and gold TIMEX3s."""

    doc_id: str
    title: str
    dct: date | None
    text: str
    timexes: tuple[Timex, ...]


def read_timeml(source: str | Path) -> TimemlDocument:
    """Read a TimeML document from a path or from an XML string (a string starting with "<")."""
    if isinstance(source, Path) or not source.lstrip().startswith("<"):
        path = Path(source)
        root = ET.fromstring(path.read_bytes())
        fallback_id = path.stem
    else:
        root = ET.fromstring(source)
        fallback_id = ""
    text_element = root.find("TEXT")
    text, timexes = _flatten(text_element) if text_element is not None else ("", [])
    return TimemlDocument(
        doc_id=(root.findtext("DOCID") or fallback_id).strip(),
        title=" ".join((root.findtext("TITLE") or "").split()),
        dct=_creation_date(root),
        text=text,
        timexes=tuple(timexes),
    )


def iter_timeml(directory: str | Path) -> list[Path]:
    """All .tml files under ``directory``, sorted so runs are reproducible."""
    return sorted(Path(directory).rglob("*.tml"))


def _creation_date(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return date.fromisoformat(timex.get("value", "")[:10])
            except ValueError:
                return None
    return None


def _flatten(element: ET.Element) -> tuple[str, list[Timex]]:
    """Join the text content of ``element``, recording where each TIMEX3 starts and ends."""
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and node is not element:
            spans.append((start, length, node))

    walk(element)
    text = "".join(parts)
    timexes = [
        Timex(start, end, text[start:end], node.get("type", ""), node.get("value", ""), node.get("mod", ""))
        for start, end, node in spans
    ]
    timexes.sort(key=lambda timex: (timex.start, timex.end))
    return text, timexes
