"""Faster scanning with a pattern: skip, in C, every position where no match can start.

Python's ``re`` tries a pattern at every position of the text. The date rules open with optional
weekdays, case-insensitive lists of words and lookbehinds, so each attempt is long, and most positions
of English text start with a letter some rule can start with. ``gated(pattern)`` gives a ``Scanner``
whose ``finditer`` yields exactly the matches of ``pattern.finditer`` (the same ``re.Match`` objects,
groups and order), found by a second regular expression that ``re`` runs at C speed:

    [first characters](?<=(?=first few characters)(?=pattern).)

``re`` jumps from one position holding a first character to the next without entering the pattern
(its search loop does this for a pattern that opens with a character class, never for one that opens
with a lookahead); there, a tree of the strings of up to four characters a match can open with rejects
most positions after a character or two, and only then is the pattern itself tried. The first
characters and the opening strings come from ``re``'s own parse of the pattern, case-insensitive
parts spelled out in every case ``re`` folds ("k" also stands for "K" and the Kelvin sign "K", "s"
for "ſ"), so they hold every string a match can start with. Where the pattern can match the empty
string, or opens with something not understood here, it is returned as it is.

Whether the pattern matches at a position depends only on the text, not on where the search began
(lookbehinds and ``\\b`` see the characters before it, as in ``finditer``), so searching on from the
end of each match gives ``finditer``'s matches one by one. tests/test_firstchars.py checks the
equivalence for every rule of every language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

try:  # re's parser and case tables: private, and stable from Python 3.11 to 3.13.
    import _sre
    from re import _casefix
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre = sre_parse = None

# How many characters a match's opening strings run to, and how many opening strings are kept: past
# that, the strings are cut shorter.
_DEPTH = 4
_MAX_OPENINGS = 60
# A set of at most this many characters is spelled as one branch per character in the first levels of
# the tree, which re rejects with one comparison each.
_SPELLED_CHARS = 8
_SPELLED_LEVELS = 2
# Ranges wider than this in a character class are not spelled out.
_MAX_RANGE = 512

# Character categories, as a class holds them. Case does not change which characters they hold, so
# they stand for themselves in a case-insensitive part too (tests/test_firstchars.py checks this).
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _TooMany(Exception):
    pass


# One character of an opening: the characters it may be and the categories it may be in; ``ANY`` for
# any character. An opening is a tuple of them; one ending in ``_END`` says nothing past that point.
ANY = (frozenset(), frozenset({"any"}))
_END = "end"


_UNBUILT = object()
_IGNORECASE = int(re.IGNORECASE)


class Scanner:
    """``pattern.finditer``, faster: see the module's docs. Built on first use."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self._search = _UNBUILT

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self._search is _UNBUILT:
            source = self.source
            self._search = re.compile(source, self.pattern.flags).search if source else None
        search = self._search
        if search is None:
            yield from self.pattern.finditer(text)
            return
        match_at = self.pattern.match
        position = 0
        while (found := search(text, position)) is not None:
            start = found.start()
            match = match_at(text, start)
            if match is None:  # cannot happen: the search checked that the pattern matches there
                position = start + 1
                continue
            yield match
            position = match.end()

    @property
    def source(self) -> str | None:
        """The regular expression that finds where matches start (None: the pattern is used as it is)."""
        return _scanner_source(self.pattern)


def gated(pattern: re.Pattern) -> Scanner | re.Pattern:
    """A ``Scanner`` for ``pattern``, or ``pattern`` itself when it cannot have one (module docs)."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return pattern
    try:
        if not _gateable(_openings(pattern, 1, cases=False)):
            return pattern
    except (_TooMany, re.error, ValueError, TypeError, AttributeError):
        return pattern
    return Scanner(pattern)


def _gateable(openings: set[tuple]) -> bool:
    """Whether every opening names its first character: none is empty (the pattern could match the
    empty string) or opens with any character or with what is not understood."""
    return all(opening and opening[0] not in (ANY, _END) for opening in openings)


@functools.cache
def _scanner_source(pattern: re.Pattern) -> str | None:
    openings: set[tuple] = set()
    for depth in range(_DEPTH, 0, -1):
        try:
            openings = _openings(pattern, depth)
            break
        except (_TooMany, re.error, ValueError, TypeError, AttributeError):
            continue
    if not openings or not _gateable(openings):
        return None
    firsts = _union(opening[0] for opening in openings)
    tree = _tree([tuple(item for item in opening if item is not _END) for opening in openings], 0)
    end = "\n" if pattern.flags & re.VERBOSE else ""
    # Case-sensitive (the cases are spelled out), so re's search loop can skip on the first class.
    return f"(?-i:{_render(firsts)})(?<=(?-i:(?={tree}))(?=(?:{pattern.pattern}{end}))(?s:.))"


# ---------------------------------------------------------------------------------------------------
# Openings: the strings of up to ``depth`` characters a match can start with, from re's parse.


def _openings(pattern: re.Pattern, depth: int, cases: bool = True) -> set[tuple]:
    """The openings of ``pattern``; without ``cases``, case-insensitive parts as written (enough to
    tell whether it has a scanner, without the case tables)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    flags = int(parsed.state.flags) & ~(0 if cases else re.IGNORECASE)
    return _sequence(list(parsed), flags, depth, cases)


def _sequence(items, flags: int, depth: int, cases: bool) -> set[tuple]:
    openings: set[tuple] = {()}
    for op, value in items:
        openings = _then(openings, _item(op, value, flags, depth, cases), depth)
    return openings


def _then(firsts: set[tuple], nexts: set[tuple], depth: int) -> set[tuple]:
    """Each of ``firsts`` followed by each of ``nexts``, cut at ``depth``."""
    openings = set()
    for first in firsts:
        if len(first) >= depth or (first and first[-1] is _END):
            openings.add(first)
            continue
        for following in nexts:
            openings.add((first + following)[:depth])
    if len(openings) > _MAX_OPENINGS:
        raise _TooMany
    return openings


def _item(op, value, flags: int, depth: int, cases: bool) -> set[tuple]:
    ignore_case = cases and bool(flags & _IGNORECASE)
    if op is sre.LITERAL:
        return {((frozenset(_cases(value) if ignore_case else {value}), frozenset()),)}
    if op is sre.IN:
        return {(_class(value, ignore_case),)}
    if op in (sre.ANY, sre.NOT_LITERAL):
        return {(ANY,)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: what follows opens the match
        return {()}
    if op is sre.BRANCH:
        return set().union(*(_sequence(alternative, flags, depth, cases) for alternative in value[1]))
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        return _sequence(body, (flags | int(add_flags)) & ~int(del_flags), depth, cases)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = value
        once = _sequence(body, flags, depth, cases)
        # Past ``depth`` repetitions the opening is as long as it gets; fewer than ``low`` are not
        # openings of the repeat, but cut at ``depth`` they are those of ``low`` repetitions.
        repeated, openings = {()}, {()} if low == 0 else set()
        for count in range(1, min(high, depth) + 1):
            repeated = _then(repeated, once, depth)
            if count >= min(low, depth):
                openings |= repeated
        return openings
    return {(_END,)}  # anything else (a group reference, an atomic group…): nothing known from here


def _class(items, ignore_case: bool) -> tuple[frozenset, frozenset]:
    chars: set[int] = set()
    categories: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars |= _cases(value) if ignore_case else {value}
        elif op is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
            for code in range(value[0], value[1] + 1):
                chars |= _cases(code) if ignore_case else {code}
        elif op is sre.CATEGORY and str(value) in _CATEGORIES:
            categories.add(_CATEGORIES[str(value)])
        else:  # a negated class, a wide range and the rest: any character
            return ANY
    return frozenset(chars), frozenset(categories)


def _cases(code: int) -> set[int]:
    """Every character a case-insensitive ``re`` pattern matches for the character ``code``: those
    whose lower case is its lower case, or one that ``re`` folds to it ("ſ" for "s")."""
    lower = _sre.unicode_tolower(code)
    found = {code, lower, *_by_lower().get(lower, ())}
    for extra in _casefix._EXTRA_CASES.get(lower, ()):
        found |= {extra, *_by_lower().get(extra, ())}
    return found


# No character from here on has a lower case of its own (Adlam, the last cased script, ends before it).
CASED_BEFORE = 0x1E950


@functools.cache
def _by_lower() -> dict[int, tuple[int, ...]]:
    """The characters of each lower case other than itself, as ``re`` lowers them."""
    table: dict[int, list[int]] = {}
    lower = _sre.unicode_tolower
    for code in range(CASED_BEFORE):
        if lower(code) != code:
            table.setdefault(lower(code), []).append(code)
    return {key: tuple(codes) for key, codes in table.items()}


# ---------------------------------------------------------------------------------------------------
# Rendering as a regular expression.


def _union(items) -> tuple[frozenset, frozenset]:
    chars: set[int] = set()
    categories: set[str] = set()
    for item_chars, item_categories in items:
        chars |= item_chars
        categories |= item_categories
    return frozenset(chars), frozenset(categories)


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\U{code:08x}"


def _render(item: tuple[frozenset, frozenset]) -> str:
    if item == ANY:
        return "(?s:.)"
    chars, categories = item
    if len(chars) == 1 and not categories:
        return _char(next(iter(chars)))
    return "[" + "".join(sorted(categories)) + "".join(_char(code) for code in sorted(chars)) + "]"


def _tree(openings: list[tuple], level: int) -> str:
    """The openings as one expression, alternatives sharing their first character merged: a tree, whose
    first levels spell small sets one character per branch."""
    if any(not opening for opening in openings):
        return ""
    branches: dict[str, list[tuple]] = {}
    for opening in openings:
        head, rest = opening[0], opening[1:]
        chars, categories = head
        if level < _SPELLED_LEVELS and head != ANY and not categories and len(chars) <= _SPELLED_CHARS:
            for code in sorted(chars):
                branches.setdefault(_char(code), []).append(rest)
        else:
            branches.setdefault(_render(head), []).append(rest)
    alternatives = []
    for head, rests in sorted(branches.items()):
        alternatives.append(head + _tree(rests, level + 1))
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
