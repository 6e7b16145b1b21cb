"""The words a language writes dates with, from dateparser's own locale data.

``vocabulary(language)`` reads ``dateparser``'s locale for a language (the data in
``dateparser/data/date_translation_data/<language>.py``): month and weekday names with their inflected
and abbreviated forms, the words for year, month, week and day, and the relative phrases ("last month",
"지난달", "в прошлом месяце", "минулого тижня", "先月", "mese scorso") with the period each names. The
direction words ("last", "прошлом", "scorso", "지난", "先") are what those phrases hold beside the unit.

In inflecting languages (Estonian, Russian, Ukrainian, Polish...) a name takes case endings the data
does not list ("märtsis", "сентябре"), so a form may be followed by a few letters; ``month_of`` and
``weekday_of`` read such a word by the longest form it starts with. Turkish glues its endings on too,
after an apostrophe where the name is capitalised ("Mart'ta", "pazartesi günü", "yılında").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateparser.languages.loader import default_loader

from timeline.dates import Precision

_MONTH_KEYS = "january february march april may june july august september october november december".split()
_WEEKDAY_KEYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_UNIT_KEYS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
# Languages whose names take case endings the locale data leaves out.
INFLECTING = frozenset("et fi hu ru uk be bg pl cs sk sl hr sr bs lv lt de tr".split())
# Languages that write month names with a capital, as German and Indonesian do: there a capitalised one
# is no sign of a name.
CAPITALISED_MONTHS = frozenset("de id ms".split())
# The one-letter words a language glues before the next one, by language: Arabic "و" (and), "ف" (so),
# "ب" (in, by): "وفي اليوم نفسه", "وقبل أسبوعين", "بالأمس".
PROCLITICS = {"ar": "وفب"}
# Languages whose news writes month and weekday names in full, where the data's short forms are words
# that a case ending makes look like a name (Turkish "ara": gap, "arasında": between; "may": mine).
FULL_NAMES = frozenset("tr".split())
# Languages written without spaces between words, or with particles glued to them.
UNSPACED = frozenset("ja zh ko yue th lo km my".split())
_RELATIVE_KEY = re.compile(
    r"^(?:(?P<ago>\d+) (?P<unit>day|week|month|year) ago|in (?P<ahead>\d+) (?P<unit2>day|week|month|year))$"
)


@dataclass(frozen=True)
class Vocabulary:
    """The date words of one language, lower-cased (see the module docstring)."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, Precision]
    # phrase -> (unit, periods after publication: -1 "last month", 0 "this month", 1 "next month")
    relative: dict[str, tuple[Precision, int]]
    # direction words: -1 for "last", 0 for "this", 1 for "next"
    directions: dict[str, int]
    # "(\d+) days ago"-style phrases as regex sources with a (?P<count>) group, and their unit and sign
    counted: tuple[tuple[str, Precision, int], ...]
    inflecting: bool
    unspaced: bool
    # Whether the direction word follows the unit ("mese scorso", "le mois dernier").
    direction_after: bool = False
    # One-letter abbreviations of "year" ("a", "г", "р").
    years_short: tuple[str, ...] = ()

    def month_of(self, word: str) -> int | None:
        return _lookup(self.months, word, self.inflecting)

    def weekday_of(self, word: str) -> int | None:
        return _lookup(self.weekdays, word, self.inflecting)

    def unit_of(self, word: str) -> Precision | None:
        return _lookup(self.units, word, self.inflecting)

    def direction_of(self, word: str) -> int | None:
        return _lookup(self.directions, word, self.inflecting)

    def canonical_weekday(self, weekday: int) -> str:
        """The weekday's longest name (Monday is 0)."""
        return max((name for name, number in self.weekdays.items() if number == weekday), key=len)

    def canonical_month(self, month: int) -> str:
        """The month's longest name, as dateparser reads it best."""
        names = [name for name, number in self.months.items() if number == month]
        return max(names, key=len)


def lower(word: str) -> str:
    """``word`` in lower case, one letter for one: Turkish "İ" is "i" (``str.lower`` adds a dot)."""
    return word.replace("İ", "i").lower()


def _lookup(table: dict, word: str, inflecting: bool):
    word = lower(word).rstrip(".")
    if word in table:
        return table[word]
    if not inflecting:
        return None
    best = max((form for form in table if len(form) >= 3 and word.startswith(form)), key=len, default=None)
    if best is None and len(word) == 3:  # "мае" from "май"
        best = next(
            (form for form in table if len(form) == 3 and form[:2] == word[:2] and form[2] in "яйаеь"), None
        )
    if best is None:
        stem = word
        best = max(
            (
                form
                for form in table
                if len(form) >= 5 and form[:-1] == stem[: len(form) - 1] and len(stem) >= len(form) - 1
            ),
            key=len,
            default=None,
        )
    return table[best] if best is not None else None


def stems(forms, inflecting: bool) -> list[str]:
    """The forms a pattern should look for: in an inflecting language, long forms lose their last letter
    ("сентябрь" → "сентябр", so "сентябре" is found; "detsember" → "detsemb", for "detsembris")."""
    found = set()
    for form in forms:
        found.add(form)
        if inflecting and len(form) == 3 and form[-1] in "яйаеь":  # Cyrillic "май": "мае", "маю"
            found.add(form[:2])
        if inflecting and len(form) == 4 and form[-1] in "ьй":  # "июнь", "июль": "в июне", "в июле"
            found.add(form[:-1])
        if inflecting and len(form) == 5 and form.endswith("ий"):  # Ukrainian "лютий": "у лютому"
            found.add(form[:-2])
        if inflecting and len(form) >= 5 and not form[-1].isdigit():
            found.add(form[:-1])
            if len(form) >= 7 and form[-2:] in ("er", "ер", "ар", "ий", "ій"):
                found.add(form[:-2])
            if len(form) >= 7 and form.endswith("er"):  # the vowel drops before an ending: "detsembr-il"
                found.add(form[:-2] + "r")
    return sorted(found, key=len, reverse=True)


def has_locale(language: str) -> bool:
    try:
        default_loader.get_locale(language)
    except (ValueError, KeyError):
        return False
    return True


@functools.cache
def vocabulary(language: str) -> Vocabulary:
    """The date words dateparser knows for ``language`` (an ISO 639-1 code it has data for)."""
    info = default_loader.get_locale(language).info
    inflecting = language in INFLECTING
    unspaced = language in UNSPACED or bool(info.get("no_word_spacing"))

    def forms(key: str, shortest: int) -> list[str]:
        return [form.lower() for form in info.get(key, []) if len(form.strip("()")) >= shortest]

    shortest = 4 if language in FULL_NAMES else 3
    months = {form: number for number, key in enumerate(_MONTH_KEYS, 1) for form in forms(key, shortest)}
    weekdays = {
        form: number
        for number, key in enumerate(_WEEKDAY_KEYS)
        for form in forms(key, 2 if unspaced else shortest)
        # The first part of a name written with a hyphen is the word it came from: Portuguese
        # "segunda-feira" is Monday, "segunda" alone mostly the ordinal ("pela segunda vez").
        if not any(other.startswith(form + "-") for other in forms(key, 3))
    }
    if unspaced:  # "월" is Monday and also the month suffix: only full weekday names there.
        weekdays = {
            form: number for form, number in weekdays.items() if len(form) >= 2 and not form.startswith("(")
        }
    units = {form: unit for key, unit in _UNIT_KEYS.items() for form in forms(key, 1 if unspaced else 2)}
    relative: dict[str, tuple[Precision, int]] = {}
    directions: dict[str, int] = {}
    order: list[bool] = []
    for key, phrases in info.get("relative-type", {}).items():
        if key.startswith("0 ") and key.split()[1] in _UNIT_KEYS:
            unit, amount = _UNIT_KEYS[key.split()[1]], 0
        elif match := _RELATIVE_KEY.match(key):
            if match.group("ago"):
                unit, amount = _UNIT_KEYS[match.group("unit")], -int(match.group("ago"))
            else:
                unit, amount = _UNIT_KEYS[match.group("unit2")], int(match.group("ahead"))
        else:
            continue
        for phrase in phrases:
            phrase = phrase.lower()
            if len(phrase) < 2 or (phrase.split()[-1] in ("a", "k", "n", "г", "р") and len(phrase) < 8):
                continue
            relative[phrase] = (unit, amount)
            if unit is not Precision.DAY and abs(amount) <= 1:
                order.append(_learn_direction(phrase, amount, units, directions, unspaced))
    counted = []
    unit_forms = {unit: [f for f, u in units.items() if u is unit] for unit in _UNIT_KEYS.values()}
    written = {unit: forms(key, 1) for key, unit in _UNIT_KEYS.items()}
    for key, patterns in info.get("relative-type-regex", {}).items():
        match = re.match(
            r"^(?:\\1 (?P<unit>day|week|month|year) ago|in \\1 (?P<unit2>day|week|month|year))$", key
        )
        if not match:
            continue
        unit = _UNIT_KEYS[match.group("unit") or match.group("unit2")]
        sign = -1 if match.group("unit") else 1
        for source in patterns:
            if r"(\d++[.,]?\d*+)" in source:
                source = _any_unit_form(source.lower(), written[unit], unit_forms[unit])
                source = source.replace(r"(\d++[.,]?\d*+)", r"(?P<count>\d{1,3})")
                if all(source != known for known, _u, _s in counted):
                    counted.append((source, unit, sign))
    after = any(order)
    short = tuple(f.lower() for f in info.get("year", []) if len(f) == 1 and f.isalpha() and not unspaced)
    return Vocabulary(
        language,
        months,
        weekdays,
        units,
        relative,
        directions,
        tuple(counted),
        inflecting,
        unspaced,
        after,
        short,
    )


def _any_unit_form(source: str, written: list[str], forms: list[str]) -> str:
    """A counted phrase of the data with its unit word (one of ``written``) in any of the unit's
    ``forms``: the data writes some ("dnia temu", "dzień temu", "3 h lalu") and not the plural a count
    takes ("trzy dni temu", "dwa tygodnie temu") or the whole word ("tiga hari lalu")."""
    words = source.split(" ")
    found = [i for i, word in enumerate(words) if word in written]
    if len(found) != 1 or not forms:
        return source
    every = {*forms, words[found[0]]}
    alternation = "|".join(re.escape(f) for f in sorted(every, key=len, reverse=True))
    words[found[0]] = f"(?:{alternation})"
    return " ".join(words)


def _learn_direction(phrase: str, amount: int, units: dict, directions: dict, unspaced: bool) -> bool:
    """The words of a relative phrase that are not its unit say its direction ("прошлом", "scorso").
    True when the direction follows the unit."""
    if unspaced:
        for unit in sorted(units, key=len, reverse=True):
            if phrase.endswith(unit) and len(phrase) > len(unit):
                word = phrase[: -len(unit)].strip()
                if word:
                    directions.setdefault(word, amount)
                return False
        return False
    unit_seen = False
    after = False
    for word in phrase.replace("'", " ").split():
        is_unit = word in units or any(word.startswith(u) for u in units if len(u) >= 3)
        unit_seen |= is_unit
        if len(word) >= 3 and not is_unit:
            directions.setdefault(word, amount)
            after |= unit_seen
    return after
