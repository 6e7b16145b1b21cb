"""Faster scanning with a pattern: a lookahead for the characters its matches can start with.

Python's ``re`` tries a pattern at every position of the text. A pattern that opens with an optional
weekday, a case-insensitive list of ordinal words or a lookbehind costs a long attempt at each one, even
where no match can start. ``gated(pattern)`` puts a one-character test in front, ``(?=[…])``, built from
re's own parse of the pattern, so most positions fail at once. Matches, groups and their order are
unchanged: the class holds every character a match can start with (case-insensitive where the pattern
is). When the parse holds anything not understood here, or the pattern can match the empty string, the
pattern is returned as it is.
"""

from __future__ import annotations

import re

try:  # re's parser: private, and stable from Python 3.11 to 3.13.
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre = sre_parse = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Unsure(Exception):
    pass


def gated(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a lookahead for its first characters, or ``pattern`` itself (see module docs)."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        firsts: list[tuple[bool, str]] = []
        if _first_chars(list(parsed), parsed.state.flags, firsts):
            return pattern  # it can match the empty string
        return re.compile(f"{_lookahead(firsts)}(?:{pattern.pattern})", pattern.flags)
    except (_Unsure, re.error, ValueError, TypeError, AttributeError):
        return pattern


def _first_chars(items, flags: int, firsts: list[tuple[bool, str]]) -> bool:
    """Add to ``firsts`` (ignore-case, class text) what the sequence ``items`` can start with; True when
    it can match the empty string, so what follows it can start a match too."""
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: the next item starts the match
            continue
        ignore_case = bool(flags & re.IGNORECASE)
        if op is sre.LITERAL:
            firsts.append((ignore_case, _char(value)))
            return False
        if op is sre.IN:
            firsts.append((ignore_case, _class(value)))
            return False
        if op is sre.BRANCH:
            empty = False
            for alternative in value[1]:
                empty |= _first_chars(alternative, flags, firsts)
            if not empty:
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = value
            if not _first_chars(body, (flags | add_flags) & ~del_flags, firsts):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, body = value
            if not _first_chars(body, flags, firsts) and low > 0:
                return False
        else:
            raise _Unsure(op)
    return True


def _class(items) -> str:
    parts = []
    for op, value in items:
        if op is sre.LITERAL:
            parts.append(_char(value))
        elif op is sre.RANGE:
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif op is sre.CATEGORY and str(value) in _CATEGORIES:
            parts.append(_CATEGORIES[str(value)])
        else:  # a negated class and the rest: not worth the risk
            raise _Unsure(op)
    return "".join(parts)


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\U{code:08x}"


def _lookahead(firsts: list[tuple[bool, str]]) -> str:
    exact = "".join(dict.fromkeys(text for ignore_case, text in firsts if not ignore_case))
    folded = "".join(dict.fromkeys(text for ignore_case, text in firsts if ignore_case))
    alternatives = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])
    return f"(?={'|'.join(alternatives)})"
