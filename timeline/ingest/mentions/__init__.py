"""Find the mentions of calendar dates and periods in news text, and normalise them.

``find_date_mentions(text, published, language="en")`` returns every expression that names a day, week,
month, season, quarter, year or decade — absolute ("20 January 2023", "Nov. 18-Nov. 19, 2022", "the
1990s") or relative to the publication date ("last month", "Wednesday", "the 15th of last month").

The package, in the manner of HeidelTime:

- ``core``: the rule table's types (each ``Rule`` declares its name, languages, pattern, resolver and
  examples), and the machinery that turns matches into mentions (leftmost-longest, modifiers, ranges).
- ``english``: the rules for English.

"Late November and early December" gives two mentions, as TimeML annotates it; "from December 2022
to April this year", "Nov. 18-Nov. 19, 2022" and "between 2010 and 2014" give one range each.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from timeline.ingest.mentions import english, international
from timeline.ingest.mentions.core import DateMention, Example, Grammar, Rule, find
from timeline.ingest.mentions.extras import CJK_NUMBERS
from timeline.ingest.mentions.locale import has_locale

__all__ = ["RULES", "DateMention", "Example", "Rule", "all_rules", "find_date_mentions", "grammar_for"]


def all_rules() -> list[Rule]:
    """Every rule of English and of each language with rules of its own, for the table test and the
    scanner check."""
    other = (international.grammar(language) for language in international.LANGUAGES)
    return [*english.GRAMMAR.rules, *(rule for grammar in other for rule in grammar.rules)]


def __getattr__(name: str):
    # ``RULES`` is built when first asked for: compiling every language's rules takes a few hundred
    # milliseconds, which a web process that never reads another language should not pay at import.
    if name == "RULES":
        return all_rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def grammar_for(language: str | None) -> Grammar:
    """The grammar for an ISO 639-1 code: English's own rules, or rules built from dateparser's locale
    data for any other language it has data for; English for a code it does not know."""
    code = (language or "en").strip().lower().replace("_", "-")
    for candidate in (code, code.split("-")[0]):
        if candidate == "en":
            return english.GRAMMAR
        if candidate and candidate.isalpha() and has_locale(candidate):
            return international.grammar(candidate)
    return english.GRAMMAR


def find_date_mentions(text: str, published: date | None, language: str = "en") -> list[DateMention]:
    """Every date expression of ``text``, normalised against ``published`` (the publication date).

    ``language`` is the ISO 639-1 code of the text. Relative expressions ("last month", "Wednesday")
    are left unresolved (``date`` None, precision known) when ``published`` is None. Offsets index
    ``text``; mentions come in text order. Full-width and Arabic-Indic digits ("２０２２年１１月",
    "١٥ مارس") and, in Chinese and Japanese, numbers in characters before a date's mark
    ("二〇二三年九月十三日") are read as the digits they are; the mentions keep the text as written."""
    text = text or ""
    grammar = grammar_for(language)
    if grammar is english.GRAMMAR:
        return find(text, published, grammar)
    read, positions = _digits_view(text, characters=grammar.language in _NUMBERS_IN_CHARACTERS)
    if read is text:
        return find(text, published, grammar)
    return [
        dataclasses.replace(
            mention,
            start=positions[mention.start],
            end=positions[mention.end],
            sentence_start=positions[mention.sentence_start],
            sentence_end=positions[mention.sentence_end],
            text=text[positions[mention.start] : positions[mention.end]],
        )
        for mention in find(read, published, grammar)
    ]


# Full-width digits, and the Arabic-Indic and Persian ones Arabic news writes too ("١٥ مارس ٢٠٢٣").
_FULL_WIDTH = re.compile("[\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]")
# One character for one: the offsets of the text read are those of the text given.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 3)
# Languages that write a date's numbers in characters too: "二〇二三年九月十三日", "十一月".
_NUMBERS_IN_CHARACTERS = frozenset({"zh", "ja"})
# A date writes each digit of a year ("二〇二三") and the tens of a day ("十三", "二十五").
_CHARACTER_DIGITS = {"〇": 0, "零": 0, **{c: n for c, n in CJK_NUMBERS.items() if n < 10 and c != "两"}}
_CHARACTER_NUMBER = re.compile("[〇零一二三四五六七八九十]+(?=[年月日号號])")


def _digits_view(text: str, characters: bool) -> tuple[str, list[int]]:
    """``text`` with its dates' numbers in ASCII digits, and the offset in ``text`` of each character
    of it (and of its end). ``text`` itself when there is nothing to change."""
    runs = list(_CHARACTER_NUMBER.finditer(text)) if characters else []
    if not runs and not _FULL_WIDTH.search(text):
        return text, []
    read = text.translate(_HALF_WIDTH)
    parts, positions, last = [], [], 0
    for run in runs:
        digits = _character_number(run.group())
        if digits is None:
            continue
        parts += [read[last : run.start()], digits]
        positions += [*range(last, run.start()), *[run.start()] * len(digits)]
        last = run.end()
    parts.append(read[last:])
    positions += [*range(last, len(read) + 1)]
    return "".join(parts), positions


def _character_number(written: str) -> str | None:
    """ "二〇二三" → "2023", "十三" → "13", "二十" → "20", "三十一" → "31"; None for what no date writes."""
    if "十" not in written:
        return "".join(str(_CHARACTER_DIGITS[c]) for c in written)
    tens, _, units = written.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units or "〇" in tens + units or "零" in tens + units:
        return None
    return str((_CHARACTER_DIGITS[tens] if tens else 1) * 10 + (_CHARACTER_DIGITS[units] if units else 0))
