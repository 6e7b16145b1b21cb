"""Every language but English: rules built from dateparser's locale data, values read by dateparser.

``grammar(language)`` builds one language's rules: each pattern below is filled with that language's
month and weekday names, unit words and relative phrases (``locale.vocabulary``) and with the few words
the data lacks (``extras``). Each resolver turns a match into the span dateparser reads best (the
month's own name, the year the rules chose, digits for number words) and asks ``parse.parse`` for its
value; the rules keep what dateparser cannot see: the precision as written, early/mid/late, ranges,
which year a month written without one means, and the day a weekday or "the day before" means.

Without a publication date relative expressions keep their precision and get no date. Nothing reads
today's date.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import date, timedelta

from timeline.dates import SEASONS, Modifier, Precision, period_bounds, shift_months
from timeline.ingest.firstchars import Scanner
from timeline.ingest.mentions.core import (
    CLAUSE_BREAK,
    REFERENCE_WINDOW,
    Example,
    Grammar,
    Match,
    Reading,
    Rule,
    beside_reference,
    no_longer,
    pick,
    rule,
    safe_date,
    shift,
    short_year,
    weekend,
)
from timeline.ingest.mentions.extras import Extras, extras_for
from timeline.ingest.mentions.locale import (
    CAPITALISED_MONTHS,
    PROCLITICS,
    Vocabulary,
    lower,
    stems,
    vocabulary,
)
from timeline.ingest.mentions.parse import parse, parse_relative

# Languages with examples of every rule below; any other language dateparser has data for gets the
# same rules from its locale data alone.
LANGUAGES = ("ko", "ja", "zh", "ru", "uk", "it", "fr", "de", "es", "et", "pt", "pl", "tr", "nl", "id", "ar")
_EAST_ASIAN = frozenset({"ja", "zh", "ko", "yue"})
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
}
_ROMAN["xii"] = 12
# A month written without a year is a coming one only this many months ahead; else the latest past one.
_MONTHS_AHEAD = 2


# Languages that never write a year before its month, as Estonian does in the genitive ("2004. aasta
# maiks"): Russian and Ukrainian write it after ("29 листопада 2024 року"), and "бюджет на 2025 рік
# 29 листопада" is the budget for 2025, passed on 29 November.
_YEAR_BEFORE_MONTH_UNWRITTEN = frozenset({"ru", "uk"})


def _alternation(forms) -> str:
    return "|".join(re.escape(form) for form in sorted(set(forms), key=len, reverse=True) if form)


def _joined(patterns) -> str:
    """An alternation of regex sources (already patterns, longest first)."""
    return "|".join(f"(?:{p})" for p in sorted(set(patterns), key=len, reverse=True) if p)


class _Words:
    """The regex fragments of one language."""

    def __init__(self, language: str, vocab: Vocabulary, extras: Extras):
        self.language, self.vocab, self.extras = language, vocab, extras
        self.east_asian = language in _EAST_ASIAN or vocab.unspaced
        before = "" if self.east_asian else r"(?<!\w)"
        if language in PROCLITICS:
            # A word may start after a one-letter word glued before it ("وقبل أسبوعين").
            before = rf"(?:(?<!\w)|(?<=(?<!\w)[{PROCLITICS[language]}]))"
        if vocab.inflecting:
            # A stem takes one of the language's endings, and nothing more: "märtsis", not "maisi" (maize).
            endings = extras.endings if extras.endings is not None else r"\w{0,6}"
            suffix = rf"{endings}(?!\w)"
        else:
            suffix = "" if self.east_asian else r"(?!\w)"

        month_forms = stems([f for f in vocab.months if not f[0].isdigit()], vocab.inflecting)
        self.month_alt = _alternation(month_forms)
        full = [f for f in vocab.months if not any(o != f and o.startswith(f) for o in vocab.months)]
        self.full_month_alt = _alternation(stems([f for f in full if not f[0].isdigit()], vocab.inflecting))
        self.suffix, self.before = suffix, before
        weekday_forms = [
            f for f in vocab.weekdays if len(f) >= (2 if self.east_asian else 5) or f in _full(vocab.weekdays)
        ]
        self.weekday_alt = _alternation(stems(weekday_forms, vocab.inflecting))
        year_units = [f for f, u in vocab.units.items() if u is Precision.YEAR]
        self.year_words = _alternation(stems(year_units, vocab.inflecting))
        # A one-letter abbreviation of "year" ("1960. a", "2017 г.", "2017 р."), whole or with its dot.
        short = _alternation(f for f in vocab.years_short)
        self.year_abbreviation = rf"(?:{short})(?:\.|(?!\w))" if short else ""
        self.unit_alt = _alternation(
            stems(
                [f for f, u in vocab.units.items() if u is not Precision.DAY and len(f) >= 2],
                vocab.inflecting,
            )
        )
        directions = list(vocab.directions)
        if vocab.inflecting:
            directions = [d[: max(4, len(d) - 3)] if len(d) > 5 else d for d in directions]
        self.direction_alt = _joined(
            [re.escape(d) + (suffix if vocab.inflecting else "") for d in directions]
            + list(extras.directions)
            + list(extras.following)
        )
        self.years_alt = _joined([*extras.years, *extras.anaphoric_years, *extras.year_prefixes])
        # Alone, not the words that are a year only before a month or a part of one ("올").
        self.year_phrases_alt = _joined([*extras.years, *extras.anaphoric_years])
        verbs = "|".join(f"(?:{v})" for v in (extras.past_words, extras.present_words) if v)
        # A verb right after a number: the number is when, not how many ("1999 muudeti").
        verb_after = rf"[^\S\n]+(?:{verbs})(?!\w)"
        self.verbs = re.compile(verb_after, re.IGNORECASE) if verbs and not self.east_asian else None
        self.range_alt = _joined([re.escape(w) for w in extras.range_words])
        # The modifiers that make a period of a unit word or a year: not "about", which stands before
        # counts too ("около 1500 страниц", "ligi kuus miljonit").
        self.period_modifiers_before = _joined(
            p for p, m in extras.modifiers_before.items() if m is not Modifier.ABOUT
        )
        self.period_modifiers_after = _joined(
            p for p, m in extras.modifiers_after.items() if m is not Modifier.ABOUT
        )

    def month(self, n: str = "", full: bool = False, dot: bool = True) -> str:
        alternation = self.full_month_alt if full else self.month_alt
        if not alternation:
            return r"(?!x)x"
        abbreviation_dot = r"\.?" if dot else ""
        return rf"(?P<month{n}>{self.before}(?:{alternation}){self.suffix}{abbreviation_dot})"

    def day(self, n: str = "") -> str:
        ordinal = r"(?:\.|º|°|-?(?:го|е|й|ого|ое|er|o)\b)?"
        # The first day written as a word ("il primo gennaio"), the first day of a range only.
        first = rf"|(?<!\w)(?i:{self.extras.first_day})(?=\s)" if self.extras.first_day and not n else ""
        return rf"(?P<day{n}>(?<![\d.,:])(?:[12]\d|3[01]|0?[1-9])(?![\d:]){first}){ordinal}"

    def year(self, n: str = "") -> str:
        # The second year of a range follows a dash.
        behind = r"(?<![\d.,:/])" if n else r"(?<![\d.,:/-])"
        return rf"(?P<year{n}>{behind}(?:1\d|20)\d\d)(?![\d%]|[.,:]\d)"

    def year_word(self, name: str = "yearword") -> str:
        if not self.year_words and not self.year_abbreviation:
            return ""
        tail = r"\w*" if self.vocab.inflecting else r"(?!\w)"
        words = [f"(?:{self.year_words}){tail}" if self.year_words else "", self.year_abbreviation]
        return rf"(?:\.?\s*(?P<{name}>{'|'.join(w for w in words if w)}))"

    def years(self, name: str = "relyear", alone: bool = False) -> str:
        """A relative year ("прошлого года", "지난해"), or alone, with no month or part of a year after it."""
        words = self.year_phrases_alt if alone else self.years_alt
        return rf"(?P<{name}>{self.before}(?:{words}))" if words else r"(?!x)x"

    def east_asian_year(self, n: str = "") -> str:
        """A year as Japanese, Chinese and Korean write it before "年"/"년": digits, or an era's year
        ("令和5年", "平成元年")."""
        digits = rf"(?P<year{n}>(?<!\d)(?:1\d|20)\d\d)"
        if not self.extras.eras:
            return digits
        return rf"(?:{digits}|(?P<era{n}>{_alternation(self.extras.eras)})\s*(?P<erayear{n}>元|[1-9]\d?))"

    def dash(self) -> str:
        words = rf"|\s(?:{self.range_alt})\s" if self.range_alt else ""
        return rf"\s*(?:-|–|—|~|～|〜{words})\s*"


def _full(table: dict) -> set[str]:
    """The longest form of each entry (the full name)."""
    best: dict[int, str] = {}
    for form, number in table.items():
        if len(form) > len(best.get(number, "")):
            best[number] = form
    return set(best.values())


# ---------------------------------------------------------------------------------------------------
# Resolution


def _w(m: Match) -> _Words:
    return _words(m.ctx.grammar.language)


def _place(m: Match, month: int, day: int, precision: Precision, direction: int = 0) -> date | None:
    """The year of a month (and day) written without one: the latest on or before publication, unless
    one within ``_MONTHS_AHEAD`` months after it."""
    now = m.now
    if (year := _sentence_year(m)) is not None or (year := _month_named_before(m, month)) is not None:
        return safe_date(year, month, day)
    candidates = [d for k in (-1, 0, 1) if (d := safe_date(now.year + k, month, day))]
    anchor = period_bounds(now, precision)[0]
    if _after_reference(m, direction):
        # "В 1959 году ... в марте следующего": in narrative time, from the period last mentioned.
        placed = beside_reference(m, lambda year: safe_date(year, month, day), precision, direction)
        if placed is not None:
            return placed
    if direction:
        return pick(candidates, anchor, direction, strict=True)
    tense = m.tense() or _ahead_in_sentence(m)
    if tense:
        return pick(candidates, anchor, tense)
    # News reports the past: a date still to come is meant only when it is near.
    ahead = [
        d
        for d in candidates
        if d > anchor and (d.year - now.year) * 12 + d.month - now.month <= _MONTHS_AHEAD
    ]
    return ahead[0] if ahead else pick(candidates, anchor, -1)


def _ahead_in_sentence(m: Match) -> int:
    """+1 when the date before the mention in its sentence, a month or a day, is still to come: dates
    listed after one verb share its time ("Le vacanze andranno dal 23 dicembre al 6 gennaio, quelle di
    primavera dal 2 al 7 aprile"; "汇算将于明年3月1日开始，6月30日结束"); else 0."""
    sentence_start = _clause_start(m.ctx, m.start, m.end)
    for start, reading in reversed(m.ctx.earlier):
        if start < sentence_start:
            return 0
        if reading.day is None or reading.precision not in (Precision.MONTH, Precision.DAY):
            continue
        return 1 if reading.day > m.now else 0
    return 0


def _stated_year(m: Match) -> int | None:
    """The year written in the match, in digits or as an era's year ("令和5年" is 2023)."""
    groups = m.groups
    if "year" in groups or "year2" in groups:
        return int(groups.get("year") or groups["year2"])
    if "era" in groups:
        count = groups["erayear"]
        return _w(m).extras.eras[groups["era"]] + (0 if count == "元" else int(count) - 1)
    if "shortyear" in groups:
        # "21年3月", "98年": as English reads "'98".
        return short_year(int(groups["shortyear"]), m.published or date.today())
    return None


def _clause_start(ctx, start: int, end: int) -> int:
    """Where the sentence holding ``start`` begins, also at a "。" or Korean "다." the splitter left."""
    sentence_start = ctx.sentence_of(start, end)[0]
    # The search runs a little past ``start``: a sentence end is known by the capital after it.
    ends = [e for e in _CLAUSE_END.finditer(ctx.text, sentence_start, start + 2) if e.end() <= start]
    return ends[-1].end() if ends else sentence_start


def _sentence_year(m: Match) -> int | None:
    """The year a sentence has just named ("Möödunud aastal oli tomat 20. novembril müügil"), or the
    time it has gone back to ("당시 힌남노는 9월 6일 상륙했다": at that time, in 2022): a month or day
    written without one after it, in the same sentence, is of that year."""
    sentence_start = _clause_start(m.ctx, m.start, m.end)
    reference = m.reference(Precision.YEAR)
    for start, reading in reversed(m.ctx.earlier):
        if start < sentence_start:
            return None
        if reading is reference or (reading.day is not None and _names_that_time(m, start)):
            return None if _news_clause(m, start) else reading.day.year
        if reading.year_stated and reading.precision in (Precision.MONTH, Precision.DAY):
            # A month or day written with its year after the year named ("2024年度个人所得税汇算将于明年
            # 3月1日开始，6月30日结束"): the time the sentence has gone on to.
            return None
    return None


def _news_clause(m: Match, start: int) -> bool:
    """Whether a colon or semicolon after the year at ``start`` opens a clause of news time, a word of
    it before the sentence ends ("Nel 2023 il deficit era del 7,2%: il Piano, inviato a metà ottobre,
    prevede ...": the plan of now, sent this October)."""
    news = m.ctx.grammar.news_time
    found = CLAUSE_BREAK.search(m.ctx.text, start, m.start)
    if news is None or found is None:
        return False
    sentence_end = m.ctx.sentence_of(m.start, m.end)[1]
    return news.search(m.ctx.text, found.end(), max(m.end, sentence_end)) is not None


def _month_named_before(m: Match, month: int) -> int | None:
    """The year of a month named earlier in the sentence: the same month ("задержали в марте 2022 года, а
    17 марта суд ...": a day of that March), or an earlier one written with its year, the sentence
    telling of the past ("28 февраля 2022 года ЦБ поднял ставку, а уже в апреле начал снижать")."""
    sentence_start = _clause_start(m.ctx, m.start, m.end)
    for start, reading in reversed(m.ctx.earlier):
        if start < sentence_start:
            return None
        day = reading.day
        if (
            day is None
            or reading.until is not None
            or reading.precision not in (Precision.MONTH, Precision.DAY)
        ):
            continue
        same_month = reading.precision is Precision.MONTH and day.month == month
        runs_on = reading.year_stated and day.month < month and m.tense() < 0
        if same_month or runs_on:
            m.relative = True  # read from a mention before
            return day.year
        return None
    return None


@functools.cache
def _that_time_at(language: str) -> re.Pattern | None:
    w = _words(language)
    if not w.extras.that_time:
        return None
    return re.compile(rf"(?:{w.extras.that_time}){w.suffix}", re.IGNORECASE)


def _names_that_time(m: Match, start: int) -> bool:
    """Whether the mention at ``start`` is "at that time" ("당시", "all'epoca"), a time gone back to."""
    pattern = _that_time_at(_w(m).language)
    return pattern is not None and pattern.match(m.ctx.text, start) is not None


def _read(m: Match, year: int, month: int, day: int | None) -> date | None:
    """dateparser's reading of the day (or month) as the language writes it."""
    w = _w(m)
    language = w.language
    if w.east_asian:
        marks = ("년 ", "월 ", "일") if language == "ko" else ("年", "月", "日")
        span = f"{year}{marks[0]}{month}{marks[1]}" + (f"{day}{marks[2]}" if day else "")
    else:
        name = w.vocab.canonical_month(month)
        span = f"{day} {name} {year}" if day else f"{name} {year}"
    read = parse(span.strip(), language)
    if read is None or (day and read[0].day != day) or read[0].month != month:
        return None
    return read[0] if day else read[0].replace(day=1)


def _month_number(m: Match, key: str = "month") -> int | None:
    text = m.groups.get(key)
    if text is None:
        return None
    if text.strip().isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _w(m).vocab.month_of(text)


def _relative_year(m: Match, key: str = "relyear") -> int | None:
    """The year a phrase like "прошлого года", "tänavu" or "지난해" names (counted from publication), or
    one like "이듬해" (from the year just mentioned)."""
    text = " ".join(lower(m.groups.get(key, "")).split())
    extras = _w(m).extras
    for pattern, amount in {**extras.years, **extras.year_prefixes}.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            if amount == 1 and (following := _following(m, Precision.YEAR)) is not None:
                return following.day.year
            return m.published.year + amount if m.published else None
    for pattern, amount in extras.anaphoric_years.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            # "이듬해", "l'anno successivo": the year after that of the date just mentioned, else
            # publication's ("2023年3月被立案，同年9月": 2023, not a year range named before it).
            reference = m.reference()
            base = reference.day.year if reference is not None else (m.now.year if m.now else None)
            return base + amount if base is not None else None
    return None


def _resolve_calendar(m: Match) -> Reading | None:
    """A day and/or month with or without a year: "15 января 2023 года", "2023年1月20日", "märtsis"."""
    groups = m.groups
    if "dayb" in groups:  # "entre 3 e 5 de março": the days after "between"
        groups = {**groups, "day": groups["dayb"], "day2": groups["dayb2"]}
    if "dayp" in groups:  # "il 28 e 29 gennaio": a range when the days follow each other, else the last
        first, last = groups["dayp"], groups["dayp2"]
        consecutive = _day_number(last) == _day_number(first) + 1
        groups = {**groups, "day": first, "day2": last} if consecutive else {**groups, "day": last}
    if "roman" in groups:
        month = _ROMAN.get(groups["roman"].lower().rstrip("."))
    else:
        month = _month_number(m, "month") or _month_number(m, "month2") or _month_number(m, "monthnum")
    if month is None:
        return None
    day = _day_number(groups["day"]) if "day" in groups else None
    precision = Precision.DAY if day else Precision.MONTH
    stated = "year" in groups or "era" in groups or "shortyear" in groups
    written = groups.get("month") or ""
    if not stated and len(written) <= 4 and written.isupper() and written.isalpha() and not _dateline(m):
        return None  # a short name in capitals with no year is an acronym: "Jalur 3 MRT", "3 MAR"
    if stated:
        year = _stated_year(m)
    elif "relyear" in groups or "relyear2" in groups:
        year = _relative_year(m, "relyear" if "relyear" in groups else "relyear2")
        if year is None:
            return Reading(precision, None)
    elif m.now is None:
        return Reading(precision, None, year_stated=False)
    else:
        placed = _place(m, month, day or 1, precision, _direction(m))
        if placed is None:
            return None
        year = placed.year
    start = _read(m, year, month, day)
    if start is None:
        return None
    until = None
    if "monthfrom" in groups and day is None:
        # "1~9월": from the first month, in the year of the last (the year before for "11~2월").
        first = int(groups["monthfrom"])
        if not 1 <= first <= 12 or first == month:
            return None
        until, start = start, _read(m, year if first < month else year - 1, first, None)
        if start is None:
            return None
        if _names_a_quarter(m, first, month):
            return Reading(Precision.QUARTER, start, year_stated=stated or "relyear" in groups)
    if until is None and day is None and _names_a_fiscal_year(m):
        # "2025年3月期": the business year ending that March, from the April before.
        until, start = start, shift(start, Precision.MONTH, -11)
        return Reading(Precision.MONTH, start, until, year_stated=stated)
    if day and (listed := _next_day(groups, day)):
        groups = {**groups, "day3": listed}
    if "day2" in groups or "day3" in groups:
        until = safe_date(start.year, start.month, int((groups.get("day2") or groups["day3"]).rstrip(".")))
        if until is None or until <= start:
            return None
    if until is None and _dateline(m):
        # The dateline's day, ended there: the dash after it opens the story, not a range ("ROMA, 15 NOV
        # - Venerdì 17 novembre si fermeranno").
        until = start
    return Reading(precision, start, until, year_stated=stated or "relyear" in groups or "relyear2" in groups)


def _day_number(written: str) -> int:
    """A day in digits ("15", "3."), or the first written as a word ("primo")."""
    written = written.rstrip(".")
    return int(written) if written.isdigit() else 1


def _names_a_quarter(m: Match, first: int, last: int) -> bool:
    """Whether a range of months is a quarter named by its months, as Japanese writes one ("1～3月期",
    "7～9月期のGDP"): the three months of a quarter, with "期" (term) after them."""
    calendar_quarter = first % 3 == 1 and last == first + 2
    return calendar_quarter and re.match(r"期(?!間)", m.ctx.text[m.end : m.end + 2]) is not None


def _names_a_fiscal_year(m: Match) -> bool:
    """Whether a month is the last of a business year, as Japanese companies name theirs ("2025年3月期の
    連結決算", "26年3月期の業績予想": the year to March); not a term of months ("1～3月期")."""
    return _w(m).language == "ja" and re.match(r"期(?!間)", m.ctx.text[m.end : m.end + 2]) is not None


# A wire's dateline before a day and month: "(ANSA) - MILANO, 07 FEB - ...", "ROMA, 7 FEB -".
_DATELINE_PLACE = re.compile(r"(?:^|\n)[^\S\n]*(?:\(\w+\)\s*[-–—]\s*)?[A-ZÀ-Þ][A-ZÀ-Þ'’ .]*,\s*$")
_DATELINE_DASH = re.compile(r"\s+[-–—]\s")


def _dateline(m: Match) -> bool:
    """Whether the match is the date of a wire's dateline: after a place in capitals and a comma at the
    start of a line, before a dash (where a month is written in capitals, "07 FEB")."""
    before = m.ctx.text[max(0, m.start - 40) : m.start]
    return _DATELINE_PLACE.search(before) is not None and _DATELINE_DASH.match(m.ctx.text, m.end) is not None


_EAST_ASIAN_DIRECTION_BEFORE = re.compile(r"(?:(?P<ahead>오는|来る)|(?P<back>지난|去る))\s*$")


def _direction(m: Match) -> int:
    text = m.groups.get("direction") or m.groups.get("direction2")
    if not text and _w(m).east_asian:
        # "오는 10월" (the coming October), "지난 9월" (last September)
        before = _EAST_ASIAN_DIRECTION_BEFORE.search(m.ctx.text, max(0, m.start - 4), m.start)
        return 0 if before is None else (1 if before.group("ahead") else -1)
    if not text:
        return 0
    w = _w(m)
    found = w.vocab.direction_of(text)
    if found is None:
        for pattern, amount in (*w.extras.directions.items(), *w.extras.following.items()):
            if re.fullmatch(pattern, lower(text), re.IGNORECASE):
                return amount
        return 0
    return found


def _after_reference(m: Match, direction: int) -> bool:
    """Whether a direction counts from the period the text last mentioned rather than from
    publication: always for "successivo", "suivant" or "folgend"; for "next" only in narrative time
    ("В 1959 году линию построили. Следующей весной ...")."""
    if direction > 0 and m.narrative:
        return True
    text = m.groups.get("direction") or m.groups.get("direction2")
    return bool(text) and _matching(_w(m).extras.following, text) is not None


def _resolve_bare_month(m: Match) -> Reading | None:
    """A month name alone: lower case where the language writes months so, or opening a sentence."""
    word = m.groups["month"]
    capitalised = m.ctx.grammar.language in CAPITALISED_MONTHS
    # Capitalised, it is a month opening a sentence, unless a capitalised word follows: a name ("Kasım
    # Gülpınar", "Abril Moreno").
    name_after = re.match(r"[^\S\n]+[A-ZÀ-ÞА-ЯЁІЇЄҐİŞĞÇÖÜ]", m.ctx.text[m.end : m.end + 3])
    if word[:1].isupper() and not capitalised and not _named(m) and (not _opens_sentence(m) or name_after):
        return None
    return _resolve_calendar(m)


def _named(m: Match) -> bool:
    """Whether a capitalised month is named as one: a case ending after an apostrophe, as names take
    them ("Mart'ta"), or the word for "month" beside it ("Mart ayında", "bulan Maret")."""
    if re.search(r"\w['’]\w", m.groups["month"]):
        return True
    after = re.match(r"\s+(\w+)", m.ctx.text[m.end : m.end + 20])
    before = re.search(r"(\w+)\s+$", m.ctx.text[max(0, m.start - 20) : m.start])
    vocab = _w(m).vocab
    return any(
        word is not None and vocab.unit_of(word.group(1)) is Precision.MONTH for word in (after, before)
    )


def _opens_sentence(m: Match) -> bool:
    before = m.ctx.text[max(0, m.start - 3) : m.start]
    return m.start == 0 or re.search(r"(?:^|[.!?:\n\"«„(]\s*|\n)$", before) is not None


def _resolve_numeric(m: Match) -> Reading | None:
    """ "2022-11-18", "18.11.2022", "2023. 1. 20.": numbers in the order the language writes them."""
    groups = m.groups
    start = safe_date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    if start is None:
        return None
    read = parse(start.isoformat(), _w(m).language)
    return Reading(Precision.DAY, read[0]) if read else None


def _resolve_day_of_month(m: Match) -> Reading | None:
    """ "22일", "20日", "13-го числа": a day of the month of publication, or of the month before when it
    is still to come."""
    day = int(m.groups["day"])
    if m.now is None:
        return Reading(Precision.DAY, None)
    month_start = m.now.replace(day=1)
    if "relmonth" in m.groups:
        amount = _relative_amount(m, m.groups["relmonth"], Precision.MONTH)
        if amount is None:
            return None
        month_start = shift(m.now, Precision.MONTH, amount)
    elif "samemonth" in m.groups:
        months = _anaphoric_months(_w(m))
        reference = m.reference()
        base = (
            reference.day
            if reference is not None and no_longer(reference.precision, Precision.MONTH)
            else m.now
        )
        month_start = shift(
            base.replace(day=1), Precision.MONTH, months[_matching(months, m.groups["samemonth"])]
        )
    elif (month := _clause_month(m, year_stated=True)) is not None:
        # "2019年4月に初めて会い、25日に会談した": the month its sentence named with its year; a month
        # named alone is what the day reports on ("8월 수출이 … 늘었다고 1일 밝혔다": on 1 September).
        month_start = month
    elif re.search(r"(?:오는|來る|来る)\s*$", m.ctx.text[max(0, m.start - 4) : m.start]) or m.tense() > 0:
        if day < m.now.day:  # "오는 5일", "5日に開かれる予定だ": the coming 5th
            month_start = shift(m.now, Precision.MONTH, 1)
    elif day > m.now.day and (not _w(m).east_asian or _nearer_last_month(m.now, day)):
        month_start = shift(m.now, Precision.MONTH, -1)
    start = _read(m, month_start.year, month_start.month, day)
    if start is None:
        return None
    last = m.groups.get("day2") or _next_day(m.groups, day)
    until = safe_date(start.year, start.month, int(last)) if last else None
    if last and (until is None or until <= start):
        return None
    return Reading(Precision.DAY, start, until)


def _next_day(groups: dict, day: int) -> str | None:
    """The second of two days listed ("18、19日", "30·31일"): a range of two days when it is the day after
    the first; else the first day is read alone."""
    listed = groups.get("daynext")
    return listed if listed and int(listed) == day + 1 else None


def _nearer_last_month(now: date, day: int) -> bool:
    """Whether a day still to come in this month ("25일" on the 20th) is rather the one of the month
    before, that day being nearer: East Asian reports name a day of last month without its month only
    early in the next ("30일" on the 2nd), and later write "지난달 25일", "先月25日"; "25일부터 30일까지
    엿새로 늘었다" on the 20th is of the coming days, whatever the verb."""
    last = safe_date((before := shift(now, Precision.MONTH, -1)).year, before.month, day)
    this = safe_date(now.year, now.month, day)
    if last is None or this is None:
        return this is None
    return (now - last) <= (this - now)


def _anaphoric_months(w: _Words) -> dict[str, int]:
    """The anaphora of a language that name the month just mentioned or the one after ("同月", "그달",
    "翌月"), with how many months on."""
    return {p: v[1] for p, v in w.extras.anaphora.items() if isinstance(v, tuple) and v[0] is Precision.MONTH}


def _clause_month(m: Match, year_stated: bool = False) -> date | None:
    """The first day of the month a day or month mentioned earlier in the same sentence lies in; with
    ``year_stated``, only one written with its year."""
    reference = _clause_reference(m)
    if reference is None or reference.precision not in (Precision.DAY, Precision.MONTH):
        return None
    if year_stated and not reference.year_stated:
        return None
    return reference.day.replace(day=1)


def _relative_amount(m: Match, phrase: str, unit: Precision) -> int | None:
    phrase = " ".join(lower(phrase).split())
    found = _w(m).vocab.relative.get(phrase) or _w(m).extras.relative.get(phrase)
    return found[1] if found and found[0] is unit else None


def _resolve_year(m: Match) -> Reading | None:
    """A year: with its word ("2017 году", "1992. aastal", "2017년"), after a cue ("nel 2017"), or alone
    when nothing around it says it is a label ("резолюция 2397") or a count ("2000 человек")."""
    year = int(m.groups["year"])
    w = _w(m)
    text = m.ctx.text
    before = text[max(0, m.start - 25) : m.start]
    after = text[m.end : m.end + 25]
    labels, counts = w.extras.labels, w.extras.counts
    anchor = not _year_attribute(m)  # "2026학년도 수능": the exam's school year, no anchor
    if labels and re.search(rf"(?i:(?<!\w)(?:{labels}))\s*[-.]?\s*$", before):
        return None
    if re.match(r"\s?%|‰|[-–]\d|[.,]\d", after):
        return None
    if "yearword" in m.groups:
        return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=anchor)
    if counts and re.match(rf"\s*(?i:(?:{counts})(?!\w))", after):
        return None
    if w.extras.nouns_capitalised and re.match(r"[^\S\n]+[A-ZÄÖÜ][a-zäöüß]", after):
        return None  # "2000 Soldaten"
    cue = w.extras.year_cues
    if (cue and re.search(rf"(?i:(?<!\w)(?:{cue}))\s*$", before)) or before.rstrip().endswith("("):
        return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=anchor)
    if _year_by_the_words_beside(w, before, after):
        return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=anchor)
    # Alone, a number is a year only in the years news writes of most, and not when a word follows it
    # the way a counted noun does ("1090 autot", "2000 человек").
    if not 1900 <= year <= 2099 and not re.match(r"[,;)]", after):
        return None
    if w.verbs is not None and w.verbs.match(after):
        # "1999 muudeti pensionid": a verb follows
        return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=anchor)
    if not w.extras.nouns_capitalised and re.match(r"[^\S\n]+[^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ]", after):
        return None
    return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=anchor)


def _year_by_the_words_beside(w: _Words, before: str, after: str) -> bool:
    """Whether a number is a year by a modifier before it or after it ("في مطلع 2024": early in 2024,
    "2022 ortasında": in mid-2022), or by the word for "year" before it ("tahun 2022", "عام 2022")."""
    modifiers_before, modifiers_after = w.period_modifiers_before, w.period_modifiers_after
    if modifiers_before and re.search(rf"(?i:(?<!\w)(?:{modifiers_before}))\s*$", before):
        return True
    if w.east_asian:
        return False
    if modifiers_after and re.match(rf"[^\S\n]+(?i:{modifiers_after})(?!\w)", after):
        return True
    return bool(w.year_words) and re.search(rf"(?i:(?<!\w)(?:{w.year_words}))\s*$", before) is not None


def _resolve_year_range(m: Match) -> Reading | None:
    """ "1656-1661", "2002.-2003. aastal", "2014–2016 годах"."""
    first = int(m.groups["year"])
    if "slashyear" in m.groups:
        # "l'anno scolastico 2026/2027", "la stagione 2024/25": a school year or a season, the two
        # years it spans; no other pair of years is written so.
        written = m.groups["slashyear"]
        second = first - first % 100 + int(written) if len(written) == 2 else int(written)
        if second != first + 1:
            return None
    else:
        second = int(m.groups["year2"])
    if not first < second <= first + 50:
        return None
    w = _w(m)
    before = m.ctx.text[max(0, m.start - 25) : m.start]
    if w.extras.labels and re.search(rf"(?i:(?<!\w)(?:{w.extras.labels}))\s*[-.]?\s*$", before):
        return None
    counts = w.extras.counts
    if (
        counts
        and "yearword" not in m.groups
        and re.match(rf"\s*(?i:(?:{counts})(?!\w))", m.ctx.text[m.end :])
    ):
        return None
    return Reading(Precision.YEAR, date(first, 1, 1), date(second, 1, 1))


def _resolve_decade(m: Match) -> Reading | None:
    """ "1990-х годах", "1960. aastate", "anni '90", "1990년대", "девяностые годы", "anni Novanta"."""
    if "decade_word" in m.groups:
        words = _w(m).extras.decade_words
        digits = str(words[_matching(words, m.groups["decade_word"])])
    else:
        digits = next(v for k, v in m.groups.items() if k.startswith("decade"))
    if "until_decade" in m.groups and len(digits) == 4:
        # "1960.-1970. aastatel", "1960–1970-е годы": the 1960s to the 1970s.
        until = date(int(m.groups["until_decade"]), 1, 1)
        return Reading(Precision.DECADE, date(int(digits), 1, 1), until if until.year > int(digits) else None)
    if len(digits) == 4:
        return Reading(Precision.DECADE, date(int(digits), 1, 1))
    if m.published is None:
        return Reading(Precision.DECADE, date(1900 + int(digits), 1, 1))
    year = m.published.year - m.published.year % 100 + int(digits)
    return Reading(Precision.DECADE, date(year if year <= m.published.year else year - 100, 1, 1))


def relative_day(m: Match, unit: Precision, amount: int, base: date | None = None) -> date | None:
    """The period ``amount`` units from publication (or from ``base``), as dateparser reads the
    language's phrase for it (the data's own "в прошлом месяце"), or counted where the data has none."""
    vocab = _w(m).vocab
    base = base or m.published
    phrase = next((p for p, key in vocab.relative.items() if key == (unit, amount)), None)
    if phrase is not None and (read := parse_relative(phrase, vocab.language, base)):
        return period_bounds(read[0], unit)[0]
    return shift(base, unit, amount)


def _resolve_relative(m: Match) -> Reading | None:
    """A relative phrase of the locale data ("в прошлом месяце", "지난달", "mese scorso"), read by
    dateparser."""
    vocab = _w(m).vocab
    phrase = " ".join(lower(m.text).split())
    key = (
        vocab.relative.get(phrase) or _w(m).extras.relative.get(phrase) or _inflected_relative(vocab, phrase)
    )
    if key is None:
        return None
    unit, _amount = key
    if _a_noun_here(m):
        return None
    if m.published is None:
        return Reading(unit, None)
    compared = _w(m).extras.compared_before
    if (
        key[1] == -1
        and compared
        and re.search(rf"(?:{compared})\s*$", m.ctx.text[max(0, m.start - 3) : m.start])
    ):
        # "5月份…比上月回落": the month before the one reported, a comparison.
        reference = m.reference()
        if reference is not None and no_longer(reference.precision, unit):
            return dataclasses.replace(_beside(reference, unit, -1), is_anchor=False)
    if key[1] == 1 and unit is not Precision.DAY and (following := _following(m, unit)) is not None:
        return following
    read = parse_relative(phrase, vocab.language, m.published) or parse_relative(
        _canonical(vocab, key), vocab.language, m.published
    )
    if read is None:
        return Reading(unit, relative_day(m, *key))
    return Reading(unit, period_bounds(read[0], unit)[0])


def _a_noun_here(m: Match) -> bool:
    """Whether a relative word is the noun written alike: "heute Morgen" (this morning; capitalised
    inside a sentence, where German writes its nouns so), "por la mañana" (in the morning)."""
    w = _w(m)
    if w.extras.nouns_capitalised and m.text[:1].isupper() and not _opens_sentence(m):
        return True
    before = w.extras.noun_before
    return (
        bool(before)
        and re.search(rf"(?:{before})\s+$", m.ctx.text[max(0, m.start - 20) : m.start]) is not None
    )


def _following(m: Match, unit: Precision) -> Reading | None:
    """In a history, "Наступного року" or "На следующей неделе" is the year or week after the one it
    tells of, not after publication: where a language writes "next" and "the following" alike, its
    sentence's time decides, unless the sentence speaks of the future."""
    frame = m.frame
    grammar = m.ctx.grammar
    if frame is None or frame.day is None or grammar.tense(m.ctx, m.start, m.end, False) > 0:
        return None
    return _beside(frame, unit, 1)


def _inflected_relative(vocab: Vocabulary, phrase: str):
    for form, key in vocab.relative.items():
        if len(form) >= 4 and phrase.startswith(form[: len(form) - 1]):
            return key
    return None


def _canonical(vocab: Vocabulary, key) -> str:
    return next(p for p, k in vocab.relative.items() if k == key)


def _resolve_direction_period(m: Match) -> Reading | None:
    """ "eelmisel nädalal", "la semaine dernière", "в прошлом году": a unit and a direction."""
    w = _w(m)
    unit = w.vocab.unit_of(m.groups.get("unit") or m.groups.get("unit2", ""))
    if unit is None or unit is Precision.DAY:
        return None
    amount = _direction(m)
    if m.published is None:
        return Reading(unit, None)
    if _after_reference(m, amount) and (reference := m.reference()) is not None:
        return _beside(reference, unit, amount)
    return Reading(unit, relative_day(m, unit, amount))


def _beside(reference: Reading, unit: Precision, amount: int) -> Reading:
    """The period of ``unit`` ``amount`` periods from the one holding ``reference`` ("il 3 marzo
    1962 ... la settimana successiva" is the week after 3 March). After a longer period the one meant is
    not known ("nel 1962 ... il mese successivo"): the reading has no date rather than a guessed one."""
    if not no_longer(reference.precision, unit):
        return Reading(unit, None)
    return Reading(unit, shift(reference.day, unit, amount))


def _resolve_year_phrase(m: Match) -> Reading | None:
    """ "tänavu", "mullu", "지난해", "прошлого года": a year relative to publication."""
    year = _relative_year(m)
    if m.published is None:
        return Reading(Precision.YEAR, None)
    if year is None:
        return None
    day = relative_day(m, Precision.YEAR, year - m.published.year)
    return Reading(Precision.YEAR, day, is_anchor=not _year_attribute(m))


def _year_attribute(m: Match) -> bool:
    """Whether the year is written as an attribute of the noun after it ("내년도 예산안"), or as what a
    plan or a budget is for ("бюджет на 2025 год"): then it is no anchor for the dates of its sentence
    (extras ``year_attribute``, ``year_purpose``)."""
    extras = _w(m).extras
    words, purpose = extras.year_attribute, extras.year_purpose
    if purpose and re.search(rf"(?<!\w)(?:{purpose})\s+$", m.ctx.text[max(0, m.start - 12) : m.start], re.I):
        return True
    return bool(words) and re.match(words, m.ctx.text[m.end : m.end + 8]) is not None


def _resolve_east_asian_year(m: Match) -> Reading:
    year = _stated_year(m)
    if "fiscal" in m.groups:
        # "2028年度": Japan's business year, from April to the March after.
        return Reading(Precision.MONTH, date(year, 4, 1), date(year + 1, 3, 1), is_anchor=False)
    return Reading(Precision.YEAR, date(year, 1, 1), is_anchor=not _year_attribute(m))


def _resolve_day_word(m: Match) -> Reading | None:
    """ "eilsel", "tänase", "позавчера": a day relative to publication, in an inflected form."""
    text = lower(m.text)
    for pattern, amount in _w(m).extras.days.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            if m.published is None:
                return Reading(Precision.DAY, None)
            return Reading(Precision.DAY, relative_day(m, Precision.DAY, amount))
    return None


def _resolve_counted(m: Match) -> Reading | None:
    """ "2 года назад", "3년 전", "kaks aastat tagasi", "vor zwei Jahren": counted from publication."""
    w = _w(m)
    count_text = m.groups.get("count") or next((v for k, v in m.groups.items() if k.startswith("c_")), None)
    count = _count_of(w, count_text)
    unit = w.vocab.unit_of(m.groups["unit"]) if "unit" in m.groups else _counted_unit(m)
    if count is None or unit is None or count > 200:
        return None
    sign = -1 if "ahead" not in m.groups else 1
    if m.published is None:
        return Reading(unit, None)
    span = m.text if count_text is None or count_text.isdigit() else m.text.replace(count_text, str(count), 1)
    if w.east_asian and (reference := _clause_reference(m)) is not None:
        # "3분기 매출은 1년 전보다": "전" and "前" count back from the date the sentence just named too.
        return _from_reference(m, count, unit, sign, reference, span)
    read = parse_relative(span, w.language, m.published)
    day = read[0] if read else shift(m.published, unit, sign * count)
    return Reading(unit, period_bounds(day, unit)[0])


def _clause_reference(m: Match) -> Reading | None:
    """The latest date mentioned before ``m`` in its own sentence."""
    reference = m.reference()
    if reference is None:
        return None
    clause = _clause_start(m.ctx, m.start, m.end)
    quote_end = _w(m).extras.quote_end
    for start, reading in reversed(m.ctx.earlier):
        if start < clause:
            return None
        if reading is reference:
            if quote_end and re.search(quote_end, m.ctx.text[start : m.start]):
                return None  # a date of the words quoted, not of the day they were said
            return reference
    return None


def _from_reference(
    m: Match, count: int, unit: Precision, sign: int, reference: Reading | None, span: str = ""
) -> Reading | None:
    """``count`` units before (``sign`` -1) or after the date just mentioned, or publication without
    one. After a quarter, "a year earlier" is that quarter a year before (earnings copy compares them).
    A date counted from another is no anchor for the anaphora after it."""
    quarter = m.reference(Precision.QUARTER)
    if quarter is not None and m.now is not None and quarter.day > m.now:
        quarter = None  # a quarter still to come is not the one being reported
    if unit is Precision.YEAR and count == 1 and quarter is not None:
        return Reading(Precision.QUARTER, shift(quarter.day, Precision.QUARTER, 4 * sign), is_anchor=False)
    base = reference.day if reference is not None else m.now
    if base is None or (reference is not None and not no_longer(reference.precision, unit)):
        return Reading(unit, None)  # "В 1945 году ... месяц спустя": which month is not known
    read = parse_relative(span, _w(m).language, base) if span else None
    day = read[0] if read else relative_day(m, unit, sign * count, base)
    return Reading(unit, period_bounds(day, unit)[0], is_anchor=reference is None)


def _resolve_counted_from(m: Match) -> Reading | None:
    """ "годом ранее", "роком раніше", "un anno prima", "ein Jahr später", "kaks kuud hiljem": counted
    from the date just mentioned (from publication when there is none)."""
    w = _w(m)
    if w.east_asian:
        return _resolve_counted_after_east_asian(m)
    duration = w.extras.duration_before
    if duration and re.search(rf"(?i:(?<!\w)(?:{duration}))\s+$", m.ctx.text[max(0, m.start - 20) : m.start]):
        return None
    before = "later_before" in m.groups
    if "counted_words" in m.groups:
        unit, count = w.extras.counted_words[_matching(w.extras.counted_words, m.groups["counted_words"])]
    else:
        count = _count_of(w, m.groups.get("count_b" if before else "count"))
        unit = w.vocab.unit_of(m.groups["unit_b" if before else "unit"])
    if count is None or unit is None or count > 200:
        return None
    # "Переговоры продолжатся через два дня": "in two days" from publication; in a history or after a
    # past verb ("через три дня он уехал"), from the date just mentioned.
    in_news = (
        before
        and _matching((w.extras.in_before,), m.groups["later_before"]) is not None
        and not m.narrative
        and m.tense() >= 0
    )
    reference = None if in_news else m.reference()
    sign = 1 if before or "later" in m.groups else -1
    if reference is None and sign > 0 and not in_news and m.tense() <= 0:
        # "Спустя год ситуация не изменилась": a year after what is not said; "from now" only where
        # the sentence looks ahead.
        return Reading(unit, None)
    return _from_reference(m, count, unit, sign, reference)


def _counted_after_east_asian(w: _Words) -> str:
    """ "3일 뒤", "사흘 뒤", "三天后", "一个月后", "3日後": unspaced, a count, its unit and "later"."""
    if not w.extras.later_after:
        return r"(?!x)x"
    count = _count_pattern(w)
    # Not a month written alone: "3월 뒤", "3月後" are after March, "3개월 뒤", "3か月後" three months on.
    units = [form for form in (*w.vocab.units, *w.extras.units) if form not in ("월", "月")]
    unit = rf"(?P<unit>{_alternation(units)})"
    words = rf"(?P<counted_words>{_joined(w.extras.counted_words)})" if w.extras.counted_words else ""
    counted = rf"{count}\s*{unit}" + (f"|{words}" if words else "")
    return rf"(?<!\d)(?:{counted})\s*(?P<later>{w.extras.later_after})"


def _resolve_counted_after_east_asian(m: Match) -> Reading | None:
    """Counted from the date just mentioned ("2023년 9월 13일 ... 사흘 뒤" is 16 September); from
    publication when there is none ("3일 후 열린다": in three days)."""
    w = _w(m)
    if "counted_words" in m.groups:
        unit, count = w.extras.counted_words[_matching(w.extras.counted_words, m.groups["counted_words"])]
    else:
        count = _count_of(w, m.groups["count"])
        word = m.groups["unit"]
        unit = w.extras.units.get(word) or w.vocab.unit_of(word)
    if count is None or unit is None or count > 200:
        return None
    reference = m.reference()
    if reference is None and m.tense() <= 0:
        return Reading(unit, None)  # "사흘 뒤 숨졌다": three days after what is not said
    return _from_reference(m, count, unit, 1, reference)


def _count_pattern(w: _Words, name: str = "count") -> str:
    """A count in digits or in the language's number words ("2", "два", "三")."""
    numbers = _alternation(w.extras.numbers)
    return rf"(?P<{name}>\d{{1,3}}|{numbers})" if numbers else rf"(?P<{name}>\d{{1,3}})"


def _count_of(w: _Words, text: str | None) -> int | None:
    """The number a count written by ``_count_pattern`` stands for; one when none is written."""
    if text is None:
        return 1
    return int(text) if text.isdigit() else w.extras.numbers.get(lower(text))


def _matching(patterns, text: str) -> str | None:
    """The first of ``patterns`` (regexes of an extras table) that the whole of ``text`` matches."""
    return next((p for p in patterns if p and re.fullmatch(p, text, re.IGNORECASE)), None)


def _counted_unit(m: Match) -> Precision | None:
    """The unit of the data's own phrase that matched, named by its empty group ("u_3_year")."""
    key = next((k for k in m.groups if k.startswith("u_")), None)
    return Precision(key.rsplit("_", 1)[1]) if key else None


def _resolve_weekday(m: Match) -> Reading | None:
    """ "в понедельник", "eelmisel kolmapäeval", "수요일": the day of that name the words point to."""
    w = _w(m)
    weekday = w.vocab.weekday_of(m.groups["weekday"])
    if weekday is None:
        return None
    if m.now is None:
        return Reading(Precision.DAY, None)
    if week := m.groups.get("relweek") or m.groups.get("relweek2"):
        amount = _relative_amount(m, week, Precision.WEEK)
        if amount is None:
            return None
        monday = shift(m.published, Precision.WEEK, amount)
        return Reading(Precision.DAY, monday + timedelta(days=weekday))
    direction = _direction(m)
    if "direction" in m.groups and _opens_with_week_word(w, m.groups["weekday"]):
        # "上周四", "下星期一": the direction glued to the weekday's word for week names the week.
        monday = shift(m.published, Precision.WEEK, direction)
        return Reading(Precision.DAY, monday + timedelta(days=weekday))
    read = parse_relative(w.vocab.canonical_weekday(weekday), w.language, m.now)
    latest = read[0] if read and read[0].weekday() == weekday else None
    if latest is None or latest > m.now:
        latest = m.now - timedelta(days=(m.now.weekday() - weekday) % 7)
    if direction == 0 and ("direction" in m.groups or "direction2" in m.groups):
        monday = m.now - timedelta(days=m.now.weekday())
        return Reading(Precision.DAY, monday + timedelta(days=weekday))
    if direction < 0:
        # "lunedì scorso": the latest one before publication. In Estonian the day before publication
        # is "eile", so "eelmisel kolmapäeval" on a Thursday is the Wednesday of the week before.
        back = (m.now.weekday() - weekday) % 7 or 7
        if back == 1 and w.extras.last_weekday_skips_yesterday:
            back += 7
        return Reading(Precision.DAY, m.now - timedelta(days=back))
    weak = not _weekday_adjective(m)
    if direction > 0 or _looks_ahead(m) or (direction == 0 and m.tense(weak) > 0):
        return Reading(Precision.DAY, latest + timedelta(days=7) if latest < m.now else latest)
    return Reading(Precision.DAY, latest)


def _opens_with_week_word(w: _Words, weekday: str) -> bool:
    """Whether a weekday's name begins with the word for week, as Chinese names them ("周四": week-four)."""
    weeks = (f for f, unit in w.vocab.units.items() if unit is Precision.WEEK)
    return w.vocab.unspaced and any(lower(weekday).startswith(form) for form in weeks)


def _looks_ahead(m: Match) -> bool:
    """Estonian writes "by Friday" as a case ending: "reedeks"."""
    return m.ctx.grammar.language == "et" and m.groups["weekday"].lower().endswith("ks")


def _weekday_adjective(m: Match) -> bool:
    """Whether the weekday is written as its adjective ("reedeses": Friday's)."""
    adjective = _w(m).extras.weekday_adjective
    return bool(adjective) and re.search(rf"{adjective}$", m.groups["weekday"], re.I) is not None


def _resolve_season(m: Match) -> Reading | None:
    """ "2000. aasta suveks", "eelmisel sügisel", "летом 2019 года", "l'estate scorsa"."""
    w = _w(m)
    word = m.groups["season"]
    code = next((c for c, p in w.extras.seasons.items() if re.fullmatch(p, word, re.IGNORECASE)), None)
    if code is None:
        return None
    if (year := _stated_year(m)) is not None:
        return Reading(Precision.SEASON, date(year, SEASONS[code], 1))
    if relyear := next((key for key in ("relyear", "relyear2") if key in m.groups), None):
        year = _relative_year(m, relyear)
        return Reading(Precision.SEASON, date(year, SEASONS[code], 1) if year else None)
    if not ({"direction", "direction2", "season_lead"} & m.groups.keys() or w.extras.bare_seasons):
        bare = w.extras.bare_season_forms
        if not (bare and re.fullmatch(bare, word, re.IGNORECASE)):
            return None
    named = {"direction", "direction2"} & m.groups.keys()
    if not named and (year := _sentence_year(m)) is not None:
        return Reading(Precision.SEASON, date(year, SEASONS[code], 1))
    # "今春", "l'hiver prochain" count from publication; a season named alone from the sentence's time.
    today = m.published if named else m.now
    if today is None:
        return Reading(Precision.SEASON, None)
    candidates = [date(today.year + k, SEASONS[code], 1) for k in (-2, -1, 0, 1)]
    now = period_bounds(today, Precision.SEASON)[0]
    direction = _direction(m)
    if "direction" in m.groups and direction == 0:
        # "今冬" in January: the winter that began in December (TimeML's "2024-WI" for 2024-25).
        this = now if SEASONS[code] == now.month else date(today.year, SEASONS[code], 1)
        return Reading(Precision.SEASON, this)
    if _after_reference(m, direction):
        # "В 1959 году линию построили. Следующей весной ...": the spring after 1959.
        placed = beside_reference(m, lambda year: date(year, SEASONS[code], 1), Precision.SEASON, direction)
        if placed is not None:
            return Reading(Precision.SEASON, placed)
    # A season named alone is the latest, unless the sentence looks ahead ("весной ожидается").
    ahead = 1 if not direction and m.tense(weak=False) > 0 else 0
    return Reading(Precision.SEASON, pick(candidates, now, direction or ahead or -1, strict=bool(direction)))


def _resolve_weekend(m: Match) -> Reading | None:
    """ "в минувшие выходные", "am Wochenende", "le week-end prochain", "이번 주말": see ``weekend``."""
    weekends = _w(m).extras.weekends
    pattern = _matching(weekends, " ".join(m.text.split()))
    return weekend(m, weekends[pattern]) if pattern is not None else None


def _resolve_year_before_period(m: Match) -> Reading | None:
    """ "전년 동기", "去年同期", "аналогичный период прошлого года": the period just mentioned, a year
    before; the year before publication when none was. A comparison period is no anchor."""
    reference = m.reference()
    if reference is None:
        if m.now is None:
            return Reading(Precision.YEAR, None)
        return Reading(Precision.YEAR, date(m.now.year - 1, 1, 1), is_anchor=False)
    reference = m.ctx.ranges.get(id(reference), reference)  # "січень–травень": all five months
    if reference.precision is Precision.WEEK:
        return Reading(Precision.WEEK, reference.day - timedelta(weeks=52), is_anchor=False)
    until = shift_months(reference.until, -12) if reference.until else None
    return Reading(reference.precision, shift_months(reference.day, -12), until, is_anchor=False)


def _resolve_anaphora(m: Match) -> Reading | None:
    """ "накануне", "翌日", "la veille": the day before or after the one just mentioned."""
    text = " ".join(lower(m.text).split())
    amount = next((a for p, a in _w(m).extras.anaphora.items() if re.fullmatch(p, text, re.IGNORECASE)), None)
    if amount is None:
        return None
    unit, amount = amount if isinstance(amount, tuple) else (Precision.DAY, amount)
    if unit is Precision.DAY and (apposed := _apposed_day(m)) is not None:
        return apposed
    if (news_day := _news_day(m, text)) is not None:
        return Reading(Precision.DAY, news_day)
    # "同月", "그해": the month or year of the date just mentioned, whatever its precision.
    reference = m.reference(unit) if unit is Precision.DAY else m.reference()
    if unit is Precision.DAY and reference is not None and _ahead_of_a_past_sentence(m, reference):
        reference = _latest_day_not_ahead(m) or reference
    anchor = reference.day if reference else m.now
    if anchor is None:
        return Reading(unit, None)
    # The month before ("전월 대비", "前月比") is a comparison, no anchor for the dates after it.
    return Reading(unit, shift(anchor, unit, amount), is_anchor=unit is Precision.DAY or amount >= 0)


def _ahead_of_a_past_sentence(m: Match, reference: Reading) -> bool:
    """Whether the day just mentioned is still to come while the anaphor's sentence tells of the past
    ("15日公示され、27日の投開票に向けて…。首相は同日、第一声を上げた": the 15th, not the 27th)."""
    published = m.published
    return published is not None and reference.day > published and m.frame is None and m.tense() < 0


def _latest_day_not_ahead(m: Match) -> Reading | None:
    """The latest day mentioned before ``m`` that is not after publication, within the anaphora's reach."""
    for start, reading in reversed(m.ctx.earlier):
        if m.start - start > REFERENCE_WINDOW:
            return None
        day = reading.day
        if (
            day is not None
            and reading.is_anchor
            and reading.precision is Precision.DAY
            and day <= m.published
        ):
            return reading
    return None


def _news_day(m: Match, text: str) -> date | None:
    """The day of the story for "이날" opening a paragraph that names no date before it: the first day
    the article named ("…11일 밝혔다. [background of 2020] …\n\n대통령은 이날 …": the 11th)."""
    words = _w(m).extras.news_day
    if not words or not re.fullmatch(words, text) or m.frame is not None:
        return None
    paragraph = m.ctx.text.rfind("\n", 0, m.start) + 1
    earlier = m.ctx.earlier
    if not earlier or earlier[-1][0] >= paragraph:
        return None
    return next((r.day for _start, r in earlier if r.day is not None and r.precision is Precision.DAY), None)


_APPOSITION = re.compile(r",[^\S\n]*")


def _apposed_day(m: Match) -> Reading | None:
    """The day written right after an anaphor, set off by a comma, that says which day it is: "запустили
    напередодні, 15 травня" (the day before, 15 May) is 15 May, whatever date was mentioned last."""
    gap = _APPOSITION.match(m.ctx.text, m.end)
    if gap is None:
        return None
    day_month = next((r for r in m.ctx.grammar.rules if r.name == "day month"), None)
    written = day_month.pattern.match(m.ctx.text, gap.end()) if day_month is not None else None
    if written is None:
        return None
    reading = day_month.resolve(Match(written, m.ctx))
    m.relative = True
    return reading if reading is not None and reading.precision is Precision.DAY else None


# ---------------------------------------------------------------------------------------------------
# The rules. Each pattern is a function of the language's words; the examples are in the languages
# listed beside them.


def _e(language: str, text: str, span: str, value: str | None, precision: str, published: str = "2022-11-02"):
    return (language, Example(text, span, value, precision, published))


_SPECS: list[tuple[str, object, object, list]] = []


def _spec(name: str, examples: list):
    def register(build):
        resolver = build.resolver
        _SPECS.append((name, build, resolver, examples))
        return build

    return register


def _with(resolver):
    def decorate(build):
        build.resolver = resolver
        return build

    return decorate


@_spec(
    "ISO date",
    [_e("ru", "Документ датирован 2022-11-18 и подписан.", "2022-11-18", "2022-11-18", "day")],
)
@_with(_resolve_numeric)
def _iso(w: _Words) -> str:
    return r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"


@_spec(
    "numeric date",
    [
        _e("de", "Der Vertrag vom 18.11.2021 gilt weiter.", "18.11.2021", "2021-11-18", "day"),
        _e("ko", "회의는 2023. 1. 20. 열렸다.", "2023. 1. 20.", "2023-01-20", "day"),
        # Dutch writes a day's numbers with dashes.
        _e("nl", "Het document is gedateerd 15-03-2023.", "15-03-2023", "2023-03-15", "day"),
    ],
)
@_with(_resolve_numeric)
def _numeric(w: _Words) -> str:
    if w.east_asian or w.vocab.language in ("ko",):
        return (
            r"(?<![\d.])(?P<y>(?:1\d|20)\d\d)\s?[./]\s?(?P<m>1[0-2]|0?[1-9])\s?[./]\s?"
            r"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)\.?"
        )
    # One separator twice: dots, slashes, or dashes as Dutch writes them ("15-03-2023").
    day, month = r"(?P<d>[12]\d|3[01]|0?[1-9])", r"(?P<m>1[0-2]|0?[1-9])"
    return rf"(?<![\d.,/-]){day}[./-]{month}[./-](?P<y>(?:1\d|20)\d\d)(?!\d|-\d)"


# The first month of a range whose months share one mark: "1~9월", "1～9月", "1至9月", "1—5月份"
# (January to September; the Chinese statistics write the dash long).
_MONTH_FROM = r"(?:(?<!\d)(?P<monthfrom>1[0-2]|0?[1-9])\s*(?:~|∼|～|〜|-|–|—|至|到)\s*)?"


@_spec(
    "East Asian date",
    [
        _e("ja", "政府は2023年1月20日に発表した。", "2023年1月20日", "2023-01-20", "day"),
        _e("zh", "会议于9月20日举行。", "9月20日", "2022-09-20", "day"),
        _e("ko", "협상은 3월 초 시작됐다.", "3월 초", "2022-03", "month"),
        _e("ja", "9月下旬に合意した。", "9月下旬", "2022-09", "month"),
        _e("ko", "4월 1∼3일 훈련이 진행됐다.", "4월 1∼3일", "2022-04-01", "day"),
        _e("ko", "선거는 오는 3월 치러진다.", "3월", "2023-03", "month"),
        _e("ja", "政府は令和5年3月1日に発表した。", "令和5年3月1日", "2023-03-01", "day"),
        _e("ja", "２０２２年１１月に合意した。", "２０２２年１１月", "2022-11", "month"),
        _e("ko", "정부는 12월 대책을 발표했다.", "12월", "2021-12", "month"),
        _e("zh", "2022年1至9月对俄出口增长。", "2022年1至9月", "2022-01", "month"),
        _e("zh", "1—5月份，全国固定资产投资同比增长4.0%。", "1—5月", "2022-01", "month"),
        # A postponement's new date is still to come.
        _e("ko", "정상회담은 3월로 연기됐다.", "3월", "2023-03", "month"),
        _e("ja", "首脳会談は3月に延期された。", "3月", "2023-03", "month"),
        _e("zh", "首脑会谈推迟到3月。", "3月", "2023-03", "month"),
        # A verb ending its sentence in the non-past looks ahead.
        _e("ja", "3月に首相が訪問する。", "3月", "2023-03", "month"),
        _e("ja", "3月に首相が訪問します。", "3月", "2023-03", "month"),
        # and brings a history back to the time of publication, as English "is" and "has" do.
        _e("ja", "平成元年に稼働した工場は閉鎖された。3月に新車を投入する。", "3月", "2023-03", "month"),
        _e("ko", "1989년 가동된 공장은 폐쇄됐다. 회사는 3월에 신차를 출시한다.", "3월", "2023-03", "month"),
        # After "at that time", of the year it went back to.
        _e(
            "ko",
            "태풍이 상륙한 것은 2022년 9월 이후 처음이다. 당시 태풍은 9월 6일 거제에 상륙했다.",
            "9월 6일",
            "2022-09-06",
            "day",
            "2024-08-22",
        ),
        # A year after its first mention written with two digits, and a quarter named by its months.
        _e("ja", "同社は2019年4月に設立され、21年3月に上場した。", "21年3月", "2021-03", "month"),
        # Two days listed, the first day's mark left out: a range when they follow each other.
        _e("ja", "日銀は12月18、19日に会合を開く。", "12月18、19日", "2022-12-18", "day"),
        _e("ko", "회의는 12월 18·19일 열린다.", "12월 18·19일", "2022-12-18", "day"),
        _e("ja", "会合は12月1、15日に開く。", "12月1、15日", "2022-12-01", "day"),
        _e("ja", "1～3月期の国内総生産は減った。", "1～3月", "2022-Q1", "quarter"),
        # A month with "期" after it ends a business year.
        _e("ja", "2025年3月期の純利益は減った。", "2025年3月", "2024-04", "month", "2025-05-12"),
        _e("ja", "26年3月期の業績予想は見送った。", "26年3月", "2025-04", "month", "2025-05-12"),
        # A deadline written after the date looks ahead.
        _e("zh", "工程于3月底前完成。", "3月底", "2023-03", "month"),
        _e("ja", "政府は3月末までに結論を出す。", "3月末", "2023-03", "month"),
        # What one wants to do is still to come ("したい" is no past "した").
        _e("ja", "6月下旬の総会までに影響額を示したいという。", "6月下旬", "2025-06", "month", "2025-02-10"),
    ],
)
@_with(_resolve_calendar)
def _east_asian(w: _Words) -> str:
    if not w.east_asian:
        return r"(?!x)x"
    # "19年4月から21年3月": a year after its first mention written with its last two digits; not a
    # sentence's years and months ("懲役12年6月", "징역 1년 6월": no month after a count of years).
    short = r"|(?<!懲役|禁錮|禁固)(?P<shortyear>(?<![\d.])\d\d)\s*年\s*" if w.extras.short_years else ""
    return (
        rf"(?:{w.east_asian_year()}\s*[年년]\s*{short}|(?<!\d[年년])(?<!\d[年년]\s)){_MONTH_FROM}"
        r"(?<!\d)(?P<monthnum>1[0-2]|0?[1-9])\s*[月월](?!\s*\d+\s*[月월])"
        # A day, or two: "4日から14日", "4일부터 14일", "1∼3일" (the first day's mark left out).
        r"(?:\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*(?:[日일号號]"
        r"(?:\s*(?:~|∼|～|〜|-|–|から|至|到|부터)\s*(?P<day2>[12]\d|3[01]|0?[1-9])\s*[日일号號])?"
        r"|(?:~|∼|～|〜|-|–)\s*(?P<day3>[12]\d|3[01]|0?[1-9])\s*[日일号號]"
        # "10月30、31日", "10월 30·31일": two days listed, the first day's mark left out.
        r"|[、，·]\s*(?P<daynext>[12]\d|3[01]|0?[1-9])\s*[日일号號]))?"
    )


@_spec(
    "East Asian relative year and month",
    [
        _e("ko", "지난해 3월 발사했다.", "지난해 3월", "2021-03", "month"),
        _e("ja", "昨年3月5日に署名した。", "昨年3月5日", "2021-03-05", "day"),
        _e("ko", "올해 1~9월 대러 수출이 늘었다.", "올해 1~9월", "2022-01", "month"),
        # "올" is this year before a month or a part of it; "1월" alone would be the coming January.
        _e("ko", "올 1월 수출 실적", "올 1월", "2022-01", "month"),
        # Of the year just mentioned, with its month.
        _e("ko", "2020년 3월 착공했고 같은 해 9월 완공됐다.", "같은 해 9월", "2020-09", "month"),
    ],
)
@_with(_resolve_calendar)
def _east_asian_relative_year(w: _Words) -> str:
    if not w.east_asian:
        return r"(?!x)x"
    day = r"(?:\s*(?P<day>[12]\d|3[01]|0?[1-9])\s*[日일号號])?"
    return rf"{w.years()}\s*{_MONTH_FROM}(?P<monthnum>1[0-2]|0?[1-9])\s*[月월]{day}"


@_spec(
    "East Asian day",
    [
        _e("ko", "북한은 지난달 15일 미사일을 쐈다.", "지난달 15일", "2022-10-15", "day"),
        _e("ko", "국방부는 1일 발표했다.", "1일", "2022-11-01", "day"),
        _e("ja", "首相は20日、記者団に語った。", "20日", "2022-10-20", "day"),
        _e("ja", "首相は来月18、19日に訪米する。", "来月18、19日", "2022-12-18", "day"),
        _e("ja", "政府は先月28日に発表した。", "先月28日", "2022-10-28", "day"),
        _e("zh", "双方本月1日举行会谈。", "本月1日", "2022-11-01", "day"),
        _e("ja", "2019年4月に会談し、同月25日に帰国した。", "同月25日", "2019-04-25", "day"),
        _e("ko", "회담은 오는 1일 열린다.", "1일", "2022-12-01", "day"),
        # A count of days ("1日で60センチ": in one day) is no day: "同日" is the 8th.
        _e(
            "ja",
            "上越市では8日、1日で60センチの降雪を観測した。同市は同日、本部を設置した。",
            "8日",
            "2025-01-08",
            "day",
            "2025-01-09",
        ),
        # The copula ending its sentence in the non-past looks ahead too.
        _e("ja", "12日ごろまで警戒が必要だという。", "12日ごろ", "2025-01-12", "day", "2025-01-09"),
        _e("ja", "両首脳は2019年4月に初めて会い、25日に会談した。", "25日", "2019-04-25", "day"),
        _e(
            "ko",
            "푸틴 대통령은 19일 도착했으며 20일 정상회담을 연다.",
            "20일",
            "2024-06-20",
            "day",
            "2024-06-19",
        ),
        # "Until the 30th", and a range of two days of one month.
        _e("ko", "신청은 오는 30일까지 받는다.", "30일", "2022-11-30", "day"),
        _e("ko", "산업부는 8월 수출이 늘었다고 1일 밝혔다.", "1일", "2024-09-01", "day", "2024-09-02"),
        # "전했다" (conveyed) after a day is the verb, not "19 days ago"; a month inside the words quoted
        # is not the day's.
        _e(
            "ko",
            "국회는 다음 달 임시국회를 열 예정이라고 국회 관계자가 19일 전했다.",
            "19일",
            "2025-05-19",
            "day",
            "2025-05-19",
        ),
        _e("ko", "사전투표는 지난 5∼6일 진행됐다.", "5∼6일", "2022-11-05", "day", "2022-11-11"),
        _e(
            "ko",
            "이달 1일부터 21일까지 열대야가 이어졌다.",
            "이달 1일부터 21일",
            "2022-11-01",
            "day",
            "2022-11-25",
        ),
        # A day still to come this month is of this month, nearer than last month's, whatever the verb;
        # early in a month, a later day is last month's ("30日" on the 2nd).
        _e(
            "ko",
            "올해 연휴는 25일부터 30일까지 엿새로 늘었다.",
            "25일부터 30일",
            "2025-01-25",
            "day",
            "2025-01-20",
        ),
        _e("ja", "会議は30日に開かれた。", "30日", "2022-10-30", "day"),
        _e("zh", "南方部分地区9日前后有强降雨。", "9日前后", "2025-06-09", "day", "2025-06-07"),
        _e("ko", "수능이 13일 시작됐다.", "13일", "2025-11-13", "day", "2025-11-13"),
        # A school year written as the attribute of its exam is no anchor of the day after it.
        _e("ko", "2026학년도 수능이 13일 치러졌다.", "13일", "2025-11-13", "day", "2025-11-13"),
    ],
)
@_with(_resolve_day_of_month)
def _east_asian_day(w: _Words) -> str:
    if not w.east_asian:
        return r"(?!x)x"
    relative = {**w.vocab.relative, **w.extras.relative}
    months = [p for p, (u, _a) in relative.items() if u is Precision.MONTH]
    # "先月28日", "지난달 15일", "同月13日": the month before the day, relative or the one just mentioned.
    leads = [rf"(?P<relmonth>{_alternation(months)})\s*"] if months else []
    if same := _joined(_anaphoric_months(w)):
        leads.append(rf"(?P<samemonth>{same})\s*")
    leads.append(r"(?<![\d月월.])")
    # Japanese "号" numbers things ("台風7号": typhoon No. 7); Chinese writes a day so ("21号").
    marks = _DAY_MARKS.get(w.language, "日号")
    # "5∼6일", "5～6日": two days of one month, the first day's mark left out; "18、19日" two listed.
    listed = r"[、，·]\s*(?P<daynext>[12]\d|3[01]|0?[1-9])"
    second = rf"(?:\s*(?:~|∼|～|〜|-|–)\s*(?P<day2>[12]\d|3[01]|0?[1-9])|{listed})?"
    # Not a count of days ("사흘간", "3일 전", "1日で60センチ", "1日当たり"), unless "전" starts another
    # word ("19일 전했다"); "前后", "前後" after a day are "around" it ("9日前后"), and "시작", "시행" no hour
    # ("13일 시작됐다").
    ago = rf"전(?!{w.extras.ago_not_before})" if w.extras.ago_not_before else "전"
    return (
        rf"(?:{'|'.join(leads)})(?P<day>[12]\d|3[01]|0?[1-9]){second}\s*[{marks}]"
        rf"(?!\s*(?:간|동안|째|연속|間|以上|以内|前(?![后後])|後|{ago}|후|분|시(?![작행])|ぶり|未満|연휴|天|夜|만에|当たり|あたり"
        r"|で\s*[\d０-９]))"
    )


_DAY_MARKS = {"ko": "일", "ja": "日"}


@_spec(
    "day of the month",
    [
        _e("ru", "Встреча состоялась 1-го числа.", "1-го числа", "2022-11-01", "day"),
        _e("uk", "Зустріч відбудеться 20 числа.", "20 числа", "2022-11-20", "day"),
        # The word before the number: "no dia 15", "el día 15".
        _e("pt", "No dia 15, o ministro falou à imprensa.", "No dia 15", "2022-10-15", "day"),
        _e("pt", "O encontro está marcado para o próximo dia 20.", "dia 20", "2022-11-20", "day"),
        _e("es", "El día 15 el ministro habló con la prensa.", "El día 15", "2022-10-15", "day"),
    ],
)
@_with(_resolve_day_of_month)
def _day_of_month(w: _Words) -> str:
    """ "13-го числа", "20 числа", "no dia 15": a day named without its month, of the month of
    publication."""
    if not w.extras.day_of_month:
        return r"(?!x)x"
    day = r"(?<![\d.,])(?P<day>[12]\d|3[01]|0?[1-9])"
    if "{day}" in w.extras.day_of_month:
        # The words before the number; not a day of a month named after it ("dia 12 de outubro").
        words = w.extras.day_of_month.replace("{day}", day)
        return rf"{w.before}(?:{words})(?!\w|\s+d[eoa]\s|\s*[./-]\d)"
    return rf"{day}(?:{w.extras.day_of_month})(?!\w)"


def _resolve_day_after_date(m: Match) -> Reading | None:
    """ "il 24 novembre …, mentre il 27": a day of the month its sentence has just named; no date
    without one ("il 27 per cento")."""
    month = _clause_month(m)
    if month is None:
        return None
    start = _read(m, month.year, month.month, int(m.groups["day"]))
    return Reading(Precision.DAY, start) if start else None


@_spec(
    "day after a date",
    [
        _e(
            "it",
            "Il 24 novembre toccherà al Sud, mentre il 27 sarà la volta del Nord.",
            "il 27",
            "2022-11-27",
            "day",
        ),
        _e("es", "El 24 de noviembre pararán en el sur y el 27 en el norte.", "el 27", "2022-11-27", "day"),
        _e("fr", "Le 24 novembre, grève au sud, et le 27 au nord.", "le 27", "2022-11-27", "day"),
    ],
)
@_with(_resolve_day_after_date)
def _day_after_date(w: _Words) -> str:
    """ "il 27", "el 27", "le 27": a day written with its article alone, after a date of its sentence."""
    if not w.extras.day_after_date:
        return r"(?!x)x"
    counted = rf"|\s+(?:{w.extras.counts})(?!\w)" if w.extras.counts else ""
    # Not the day of a month named after it ("il 5 aprile", "le 5 avril"), nor a score ("il 5 a 0").
    month = rf"|\s+(?:(?i:de|di|d')\s*)?(?:{w.month_alt})" if w.month_alt else ""
    # Nor the first day of a range the month is named after ("dal 2 al 7 aprile", "del 2 al 7 de abril").
    if w.month_alt and w.range_alt:
        to = rf"\s*(?:-|–|—|\s(?i:{w.range_alt})\s)\s*(?:[12]\d|3[01]|0?[1-9])"
        month += rf"|{to}\s+(?:(?i:de|di|d')\s*)?(?:{w.month_alt})"
    return (
        rf"{w.before}(?:{w.extras.day_after_date})\s+(?P<day>(?<![\d.,])(?:[12]\d|3[01]|0?[1-9]))"
        rf"(?!\w|\s*[%.,:/-]\d|\s*%|\s+(?:a|à)\s+\d{counted}{month})"
    )


@_spec(
    "East Asian year",
    [
        _e("ja", "同社は2017年に設立された。", "2017年", "2017", "year"),
        _e("ko", "2019년 회담", "2019년", "2019", "year"),
        _e("ja", "同社は平成元年に設立された。", "平成元年", "1989", "year"),
        # Japan's business year runs from April to March.
        _e("ja", "打ち上げは2028年度にずれ込む。", "2028年度", "2028-04", "month"),
        _e("zh", "2024年度个人所得税汇算将于明年开始。", "2024年", "2024", "year"),
        # The year of a budget is no anchor for the months of its sentence.
        _e("ko", "2026년도 예산안은 8월 말 확정한다.", "2026년", "2026", "year", "2025-05-19"),
    ],
)
@_with(_resolve_east_asian_year)
def _east_asian_year(w: _Words) -> str:
    if not w.east_asian:
        return r"(?!x)x"
    not_month_or_decade = r"(?!\s*(?:1[0-2]|0?[1-9])\s*[月월])(?!\s*(?:代|대|간|間|동안))"
    # Japanese "年度" is the business year from April; Chinese and Korean ones are calendar years.
    fiscal = r"(?P<fiscal>度)?" if w.language == "ja" else ""
    return rf"{w.east_asian_year()}\s*[年년]{not_month_or_decade}{fiscal}"


@_spec(
    "day month",
    [
        _e("ru", "Договор подписан 15 января 2023 года.", "15 января 2023 года", "2023-01-15", "day"),
        _e("es", "Se firmó el 20 de enero de 2023.", "20 de enero de 2023", "2023-01-20", "day"),
        _e("de", "Am 20. Januar 2023 begann es.", "20. Januar 2023", "2023-01-20", "day"),
        _e("et", "Koosolek toimub 18. detsembril.", "18. detsembril", "2022-12-18", "day"),
        _e("it", "Mercoledì 3 aprile il ministro ha parlato.", "Mercoledì 3 aprile", "2022-04-03", "day"),
        _e(
            "et",
            "Eelmise aasta 20. novembril kirjutati alla.",
            "Eelmise aasta 20. novembril",
            "2021-11-20",
            "day",
        ),
        _e("fr", "Le sommet s'est tenu du 5 au 7 octobre.", "5 au 7 octobre", "2022-10-05", "day"),
        _e("ru", "Учения прошли 15 марта прошлого года.", "15 марта прошлого года", "2021-03-15", "day"),
        _e(
            "fr",
            "Les exercices ont eu lieu le 14 mars de cette année.",
            "14 mars de cette année",
            "2022-03-14",
            "day",
        ),
        # A direction before or after the date says which one: the last or the next.
        _e("it", "Lo scorso 20 novembre è una data storica.", "scorso 20 novembre", "2021-11-20", "day"),
        _e("fr", "Le 20 novembre dernier est une date.", "20 novembre dernier", "2021-11-20", "day"),
        _e("es", "El próximo 2 de octubre habrá elecciones.", "próximo 2 de octubre", "2023-10-02", "day"),
        _e("de", "Am kommenden 2. Oktober wird gewählt.", "kommenden 2. Oktober", "2023-10-02", "day"),
        _e("et", "Möödunud aastal oli tomat 20. novembril müügil.", "20. novembril", "2021-11-20", "day"),
        # A day of the month the sentence named with its year.
        _e("ru", "Его задержали в марте 2020 года, а 17 марта арестовали.", "17 марта", "2020-03-17", "day"),
        # Turkish endings after an apostrophe ("2023'te"); the days of a range joined by "a", "do", "tot".
        _e("tr", "Anlaşma 15 Mart 2023'te imzalandı.", "15 Mart 2023", "2023-03-15", "day"),
        _e("pt", "Os exercícios decorreram de 3 a 5 de março.", "3 a 5 de março", "2022-03-03", "day"),
        _e("pl", "Ćwiczenia trwały od 3 do 5 marca.", "3 do 5 marca", "2022-03-03", "day"),
        _e("nl", "De oefeningen duurden van 3 tot 5 maart.", "3 tot 5 maart", "2022-03-03", "day"),
        # The first written as a word.
        _e(
            "it",
            "Le norme entreranno in vigore dal primo gennaio prossimo.",
            "primo gennaio",
            "2026-01-01",
            "day",
            "2025-09-12",
        ),
        # A year before it is no year of it, nor an anchor when it is what a budget is for.
        _e(
            "uk",
            "Президент підписав закон про бюджет на 2025 рік 29 листопада.",
            "29 листопада",
            "2024-11-29",
            "day",
            "2024-12-27",
        ),
        _e("ru", "Бюджет на 2025 год подписан 29 ноября.", "29 ноября", "2024-11-29", "day", "2024-12-27"),
        # After a range naming its months, the next is a range too, not a day of the first's month; the
        # irregular future ("andranno") looks ahead.
        _e(
            "it",
            "Le vacanze andranno dal 23 dicembre al 6 gennaio, quelle di primavera dal 2 al 7 aprile.",
            "2 al 7 aprile",
            "2026-04-02",
            "day",
            "2025-09-12",
        ),
        # After "between", its "and" joins the two days of a range.
        _e("pt", "Entre os dias 3 e 5 de março houve exercícios.", "3 e 5 de março", "2022-03-03", "day"),
        # Two days in a row joined by "and" are one event of two days; two others, the last is read.
        _e("it", "La Fed si riunirà il 28 e 29 gennaio.", "28 e 29 gennaio", "2023-01-28", "day"),
        _e("ru", "Учения пройдут 5 и 6 марта.", "5 и 6 марта", "2023-03-05", "day"),
        _e("pt", "Houve greves em 3 e 5 de março.", "3 e 5 de março", "2022-03-05", "day"),
        _e("pl", "Między 3 a 5 marca odbyły się ćwiczenia.", "3 a 5 marca", "2022-03-03", "day"),
        _e("es", "Entre el 3 y el 5 de marzo hubo maniobras.", "3 y el 5 de marzo", "2022-03-03", "day"),
        # A weekday right after the date is its own.
        _e("tr", "Toplantı 15 Kasım Çarşamba günü yapılacak.", "15 Kasım Çarşamba", "2022-11-15", "day"),
        # Arabic-Indic digits.
        _e("ar", "وقع الاتفاق في ١٥ مارس ٢٠٢٣.", "١٥ مارس ٢٠٢٣", "2023-03-15", "day"),
        # A wire's dateline writes the month in capitals; "until" looks ahead as "by" does.
        _e("it", "(ANSA) - MILANO, 07 FEB - Si è aperto il processo.", "07 FEB", "2022-02-07", "day"),
        _e("it", "La società ha tempo fino al 31 marzo.", "31 marzo", "2023-03-31", "day"),
        _e(
            "it",
            "La Bce tornerà a riunirsi dopo il taglio deciso il 12 dicembre.",
            "12 dicembre",
            "2021-12-12",
            "day",
        ),
        _e("it", "La Bce tornerà a riunirsi il 12 dicembre.", "12 dicembre", "2022-12-12", "day"),
        _e("it", "La riunione prevista il 12 dicembre sarà decisiva.", "12 dicembre", "2022-12-12", "day"),
    ],
)
@_with(_resolve_calendar)
def _day_month(w: _Words) -> str:
    if w.east_asian:
        return r"(?!x)x"
    of = r"(?:(?i:de|del|di)\s+)?"
    # The year may follow an abbreviation's dot ("15 janv. 2023"); a phrase like "l'an dernier" may not,
    # there the dot ends the sentence.
    year = rf"(?:\.?,?\s*{of}{w.year()}{w.year_word()}?|\s+{of}{w.years('relyear2')})"
    lead = rf"(?:{w.years()}\s+)?" if w.years_alt else ""
    # "lo scorso 20 settembre", "el pasado 20 de septiembre", "le 20 septembre dernier", "в прошлый
    # вторник, 12 сентября": which one.
    then = ""
    if w.direction_alt:
        lead += rf"(?:(?P<direction>{w.before}(?:{w.direction_alt}))\s+)?"
        if w.vocab.direction_after:
            then = rf"(?:\s+(?P<direction2>(?:{w.direction_alt})(?!\w)))?"
    # A weekday written before the date belongs to it: "Mercoledì 3 aprile", "Am Mittwoch, dem 3. April";
    # so does one right after it, as Turkish writes it ("15 Kasım Çarşamba günü").
    weekday_after = ""
    if w.weekday_alt:
        weekday = rf"(?P<weekday_lead>{w.before}(?:{w.weekday_alt}){w.suffix})"
        lead += rf"(?:{weekday},?\s+(?:(?i:dem|den|der|el|le|il|lo)\s+)?)?"
        weekday_after = rf"(?:[^\S\n]+(?P<weekday_after>(?:{w.weekday_alt}){w.suffix}))?"
    # "Entre 3 e 5 de março", "między 3 a 5 marca", "بين 3 و5 مارس": after "between", its "and" joins
    # the two days of a range; alone, two days in a row are one two-day event ("il 28 e 29 gennaio"),
    # others two days ("3 e 5 de março": the resolver reads the last).
    days = rf"{w.day()}(?:{w.dash()}{w.day('2')})?"
    if w.extras.between:
        word, ands = w.extras.between
        article = r"(?:(?i:os\s+dias|los\s+días|los|el|le|les|il|i|o|os|de|dem|den|dni|dias|días)\s+)?"
        ands_alt = "|".join(re.escape(a) for a in ands)
        between = rf"{w.before}(?:{word})\s+{article}{w.day('b')}\s+(?:{ands_alt})\s*{article}{w.day('b2')}"
        pair = rf"{w.day('p')}\s+(?:{ands_alt})\s+{w.day('p2')}"
        days = rf"(?:{between}|{pair}|{days})"
    date = rf"{days}\s*{of}{w.month(dot=False)}(?:{year}|{then})?"
    return rf"{lead}{date}{weekday_after}"


@_spec(
    "day and Roman month",
    [_e("et", "Sündinud 3. I 1996 Tallinnas.", "3. I 1996", "1996-01-03", "day")],
)
@_with(_resolve_calendar)
def _roman(w: _Words) -> str:
    if w.east_asian:
        return r"(?!x)x"
    roman = r"(?P<month>(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I))"
    return rf"{w.day()}(?:{w.dash()}{w.day('2')})?\s*{roman}\.?\s+{w.year()}"


@_spec(
    "year and month",
    [
        _e("et", "Ehitus lõpeb 2004. aasta maiks.", "2004. aasta maiks", "2004-05", "month"),
        _e("et", "Leping kehtib 2002. aasta 1. aprillini.", "2002. aasta 1. aprillini", "2002-04-01", "day"),
    ],
)
@_with(_resolve_calendar)
def _year_month(w: _Words) -> str:
    if w.east_asian or not w.year_words or w.language in _YEAR_BEFORE_MONTH_UNWRITTEN:
        return r"(?!x)x"
    return rf"{w.year()}\.?\s*(?:{w.year_words})\w*\s+(?:{w.day()}\s*)?{w.month()}"


@_spec(
    "month and year",
    [
        _e("ru", "Переговоры начались в марте 2017 года.", "марте 2017 года", "2017-03", "month"),
        _e("fr", "Il a été élu en mars 2021.", "mars 2021", "2021-03", "month"),
        # "In meno di due anni dopo": a length of time, not a date counted from the one before.
        _e(
            "it",
            "È la terza in meno di due anni dopo quella del maggio 2023.",
            "maggio 2023",
            "2023-05",
            "month",
        ),
        _e("uk", "Це сталося у березні минулого року.", "березні минулого року", "2021-03", "month"),
        _e("es", "Ocurrió en marzo del año pasado.", "marzo del año pasado", "2021-03", "month"),
        _e("ru", "Это случилось в марте позапрошлого года.", "марте позапрошлого года", "2020-03", "month"),
        _e("de", "Im März des laufenden Jahres stieg er.", "März des laufenden Jahres", "2022-03", "month"),
        _e(
            "pt",
            "Em outubro do ano passado, Kim visitou Moscovo.",
            "outubro do ano passado",
            "2021-10",
            "month",
        ),
        _e("nl", "In oktober vorig jaar bezocht Kim Moskou.", "oktober vorig jaar", "2021-10", "month"),
        # Of the year just mentioned.
        _e(
            "ru",
            "Паводок случился в 1942 году. В мае того же года вода ушла.",
            "мае того же года",
            "1942-05",
            "month",
        ),
        _e(
            "uk",
            "Міст збудували 1962 року. У травні того ж року його відкрили.",
            "травні того ж року",
            "1962-05",
            "month",
        ),
        _e(
            "it",
            "Nel 2021 è crollato. A novembre dello stesso anno.",
            "novembre dello stesso anno",
            "2021-11",
            "month",
        ),
        _e(
            "fr",
            "En 2021, le pont s'est effondré ; en mai de la même année.",
            "mai de la même année",
            "2021-05",
            "month",
        ),
        _e(
            "es",
            "En 2021 se hundió el puente; en mayo del mismo año.",
            "mayo del mismo año",
            "2021-05",
            "month",
        ),
        _e("pt", "Em 2021 a ponte caiu; em maio do mesmo ano.", "maio do mesmo ano", "2021-05", "month"),
        _e(
            "de",
            "2021 stürzte die Brücke ein, im Mai desselben Jahres.",
            "Mai desselben Jahres",
            "2021-05",
            "month",
        ),
        _e(
            "pl",
            "W październiku ubiegłego roku Kim odwiedził Moskwę.",
            "październiku ubiegłego roku",
            "2021-10",
            "month",
        ),
        _e(
            "id",
            "Pada Oktober tahun lalu, Kim berkunjung ke Moskow.",
            "Oktober tahun lalu",
            "2021-10",
            "month",
        ),
        _e(
            "ar",
            "وفي مارس من العام الماضي شوهدت العربات على الحدود.",
            "مارس من العام الماضي",
            "2021-03",
            "month",
        ),
    ],
)
@_with(_resolve_calendar)
def _month_year(w: _Words) -> str:
    if w.east_asian:
        return r"(?!x)x"
    of = r"(?:(?i:de|del|di|of|van)\s+)?"
    return rf"{w.month(dot=False)}(?:\.?,?\s+{of}{w.year()}{w.year_word()}?|\s+{of}{w.years()})"


@_spec(
    "relative year and month",
    [
        _e("et", "Mullu novembris tõusid hinnad.", "Mullu novembris", "2021-11", "month"),
        _e("uk", "Торік у березні КНДР передала снаряди.", "Торік у березні", "2021-03", "month"),
        _e("tr", "Geçen yılın ekim ayında Kim Moskova'yı ziyaret etti.", "ekim", "2021-10", "month"),
    ],
)
@_with(_resolve_calendar)
def _relative_year_month(w: _Words) -> str:
    if w.east_asian or not w.years_alt:
        return r"(?!x)x"
    # "Торік у березні", "mullu novembris": a short preposition may stand between them.
    return rf"{w.years()}\s+(?:[^\W\d_]{{1,2}}\s+)?{w.month()}"


@_spec(
    "direction and month",
    [
        _e("fr", "Il a démissionné en mars dernier.", "mars dernier", "2022-03", "month"),
        _e("de", "Im vergangenen März stiegen die Preise.", "vergangenen März", "2022-03", "month"),
        # "Successivo", "suivant", "siguiente", "folgend": after the period last mentioned.
        _e(
            "es",
            "El tratado se firmó en 2019. En el marzo siguiente entró en vigor.",
            "marzo siguiente",
            "2020-03",
            "month",
        ),
        _e("id", "Kim bertemu Putin pada September lalu.", "September lalu", "2022-09", "month"),
    ],
)
@_with(_resolve_calendar)
def _direction_month(w: _Words) -> str:
    if w.east_asian or not w.direction_alt:
        return r"(?!x)x"
    direction = rf"(?P<direction>{w.before}(?:{w.direction_alt})(?!\w))"
    before = rf"{direction}\s+{w.month(full=True)}"
    if not w.vocab.direction_after:
        return before
    second = direction.replace("direction", "direction2")
    return rf"(?:{before}|{w.month('2', full=True, dot=False)}\s+{second})"


@_spec(
    "month",
    [
        # "В первые дни": early in the month.
        _e("ru", "В первые дни декабря пройдет саммит.", "В первые дни декабря", "2022-12", "month"),
        _e("ru", "Это случилось в сентябре, сообщил источник.", "сентябре", "2022-09", "month"),
        _e("et", "Hinnad tõusid märtsis.", "märtsis", "2022-03", "month"),
        _e("it", "Le navi sono arrivate a settembre.", "settembre", "2022-09", "month"),
        # A participle alone before the month is of the past, whatever verb follows.
        _e("it", "La mostra, inaugurata a dicembre, resterà aperta.", "dicembre", "2021-12", "month"),
        _e("it", "La mostra resterà aperta a dicembre.", "dicembre", "2022-12", "month"),
        _e("et", "Otsus tehakse detsembris.", "detsembris", "2022-12", "month"),
        # A month soon to come is the coming one, unless a past verb says otherwise ("посетил", not
        # "посетит"; "відвідав").
        _e("ru", "В марте министр посетил Пхеньян.", "марте", "2022-03", "month", "2023-02-10"),
        # After a date of its sentence written with its year, in the past: of that year.
        _e(
            "ru",
            "28 февраля 2021 года ставку подняли, а в апреле начали снижать.",
            "апреле",
            "2021-04",
            "month",
        ),
        _e("ru", "В марте министр посетит Пхеньян.", "марте", "2023-03", "month", "2023-02-10"),
        _e("uk", "У березні міністр відвідав Пхеньян.", "березні", "2022-03", "month", "2023-02-10"),
        _e("de", "Im März besuchte der Minister Pjöngjang.", "März", "2022-03", "month", "2023-02-10"),
        # The Italian perfect, to its participle, irregular ones too; not one that looks ahead.
        _e("it", "I colloqui sono ripresi a dicembre.", "dicembre", "2021-12", "month"),
        _e("it", "Il prezzo è sceso a dicembre.", "dicembre", "2021-12", "month"),
        _e("it", "È stato deciso a dicembre.", "dicembre", "2021-12", "month"),
        _e("it", "Il ministro è giunto a Roma a dicembre.", "dicembre", "2021-12", "month"),
        _e("it", "Le truppe sono state messe in allerta a dicembre.", "dicembre", "2021-12", "month"),
        _e("it", "Il vertice è stato rinviato a dicembre.", "dicembre", "2022-12", "month"),
        # After a colon, a clause of news time is not of the year the one before named.
        _e(
            "it",
            "Nel 2023 il deficit era del 7,2%: il Piano, inviato a metà ottobre, prevede il 3%.",
            "a metà ottobre",
            "2024-10",
            "month",
            "2024-12-16",
        ),
        _e(
            "it",
            "Nel 2023 il deficit era del 7,2%: a metà ottobre il governo cadde.",
            "a metà ottobre",
            "2023-10",
            "month",
            "2024-12-16",
        ),
        # A postponement's new date is still to come, after a past verb too.
        _e("ru", "Саммит перенесли на март.", "март", "2023-03", "month"),
        _e("uk", "Саміт перенесли на березень.", "березень", "2023-03", "month"),
        _e("uk", "Засідання призначене на березень.", "березень", "2023-03", "month"),
        _e("ru", "Заседание было назначено на март.", "март", "2023-03", "month"),
        _e("fr", "Le sommet a été reporté à mars.", "mars", "2023-03", "month"),
        _e("es", "La cumbre fue aplazada a marzo.", "marzo", "2023-03", "month"),
        _e("de", "Der Gipfel wurde auf März verschoben.", "März", "2023-03", "month"),
        _e("de", "Der Gipfel wurde im März verschoben.", "März", "2022-03", "month"),
        _e("pt", "A cimeira foi adiada para março.", "março", "2023-03", "month"),
        _e("pl", "Szczyt przełożono na marzec.", "marzec", "2023-03", "month"),
        _e("nl", "De top is tot maart uitgesteld.", "maart", "2023-03", "month"),
        _e("tr", "Zirve Mart'a ertelendi.", "Mart'a", "2023-03", "month"),
        _e("id", "KTT itu telah ditunda hingga Maret.", "Maret", "2023-03", "month"),
        _e("ar", "تم تأجيل القمة إلى مارس.", "مارس", "2023-03", "month"),
        # A deadline looks ahead, unless the sentence speaks of the past.
        _e("ru", "К июню поставки вырастут.", "июню", "2023-06", "month"),
        _e("ru", "До июля поставки шли по железной дороге.", "июля", "2022-07", "month"),
        _e("it", "Entro marzo arriveranno i vagoni.", "marzo", "2023-03", "month"),
        _e("de", "Bis Juni stiegen die Lieferungen.", "Juni", "2022-06", "month"),
        # The simple future looks ahead.
        _e("fr", "En juin, les livraisons augmenteront.", "juin", "2023-06", "month"),
        _e("es", "En junio los envíos aumentarán.", "junio", "2023-06", "month"),
        _e("uk", "У червні постачання зростатимуть.", "червні", "2023-06", "month"),
        # A capitalised month named as one: an ending after its apostrophe, or the word for "month".
        _e("tr", "Ordu Mart'ta birkaç füze fırlattı.", "Mart'ta", "2022-03", "month"),
        _e("tr", "Ekim ayında Kim Moskova'ya gitti.", "Ekim", "2022-10", "month"),
        # The future ("vai apresentar", "zal", "açıklayacak", "odbędzie się") looks ahead; the preterite
        # back ("visitou": "Moscou" is no verb).
        _e("pt", "Em janeiro, o governo vai apresentar um novo plano.", "janeiro", "2023-01", "month"),
        _e("nl", "In januari zal de regering een nieuw plan presenteren.", "januari", "2023-01", "month"),
        _e("tr", "Hükümet ocak ayında yeni bir plan açıklayacak.", "ocak", "2023-01", "month"),
        _e("pl", "W styczniu odbędzie się kolejny szczyt.", "styczniu", "2023-01", "month"),
        _e("pt", "Em dezembro, Kim visitou Moscou.", "dezembro", "2021-12", "month"),
        _e("tr", "Sevkiyatlar ağustos başında başladı.", "ağustos", "2022-08", "month"),
        # Indonesian writes its months capitalised; "bulan" before one names it.
        _e("id", "Pada bulan Maret, militer menembakkan beberapa rudal.", "Maret", "2022-03", "month"),
        # The Arabic past ("عقدت") looks back, the future ("ستعقد") ahead.
        _e("ar", "عقدت القمة في ديسمبر.", "ديسمبر", "2021-12", "month"),
        _e("ar", "ستعقد القمة في ديسمبر.", "ديسمبر", "2022-12", "month"),
    ],
)
@_with(_resolve_bare_month)
def _month(w: _Words) -> str:
    if w.east_asian:
        return r"(?!x)x"
    return w.month(full=True, dot=False)


def _year_lead(w: _Words) -> str:
    """A year or a relative year written before a part of it: "2023년 3분기", "올해 상반기", "2022. aasta
    kolmandas kvartalis", "去年第四季度"."""
    gap = r"\s*" if w.east_asian else r"\s+"
    leads = [rf"{w.years()}{gap}" if w.years_alt else ""]
    if w.east_asian:
        leads.append(rf"{w.east_asian_year()}\s*[年년]\s*")
    elif w.year_word():
        leads.append(rf"{w.year()}{w.year_word('lead_yearword')}{gap}")
    return "|".join(f"(?:{lead})" for lead in leads if lead)


def _year_after(w: _Words) -> str:
    """A year or relative year written after a part of it: "третьем квартале 2023 года", "del 2023"."""
    if w.east_asian:
        return r"(?!x)x"
    of = r"(?:(?i:de|del|di|of|van|des|du|dell')\s*)?"
    after = [rf",?\s+{of}{w.year('2')}{w.year_word()}?"]
    if w.years_alt:
        after.append(rf"\s+{of}{w.years('relyear2')}")
    return "|".join(f"(?:{a})" for a in after)


def _part_of_year(m: Match, number: int, months: int) -> Reading | None:
    """The ``number``-th part of ``months`` months of the year the words name; with none, this year's
    once it has begun (last year's before then, unless the words look ahead). dateparser reads the
    first month of it; a half is the range of its months."""
    groups = m.groups
    first = (number - 1) * months + 1
    precision = Precision.QUARTER if months == 3 else Precision.MONTH
    if (year := _stated_year(m)) is not None:
        pass
    elif "relyear" in groups or "relyear2" in groups:
        year = _relative_year(m, "relyear" if "relyear" in groups else "relyear2")
        if year is None:
            return Reading(precision, None)
    elif m.now is None:
        return Reading(precision, None)
    else:
        year = m.now.year
        ahead = m.tense() or _ahead_in_sentence(m)
        if date(year, first, 1) > m.now and ahead <= 0:
            year -= 1
        elif ahead > 0 and shift(date(year, first, 1), Precision.MONTH, months + 6) <= m.now:
            # This year's long over, and the words look ahead: next year's ("У четвер, 2 січня, фонд
            # оприлюднить графік на перший квартал", in December); not the one just over, whose
            # figures are still to come ("将于15日发布二季度国内生产总值", in July).
            year += 1
    start = _read(m, year, first, None)
    if start is None:
        return None
    until = _read(m, year, first + months - 1, None) if months != 3 else None
    return Reading(precision, start, until)


def _resolve_quarter(m: Match) -> Reading | None:
    """ "3분기", "третьем квартале 2023 года", "第3四半期", "terzo trimestre", "kolmandas kvartalis"."""
    groups = {key.removesuffix("2") if key[:1] == "q" else key: value for key, value in m.groups.items()}
    if "qnum" in groups:
        number = int(groups["qnum"])
    elif "qcjk" in groups:
        number = _w(m).extras.numbers.get(groups["qcjk"])
    elif "qroman" in groups:
        number = _ROMAN.get(groups["qroman"].lower())
    else:
        word = lower(groups["qord"])
        number = next((n for p, n in _w(m).extras.ordinals.items() if re.fullmatch(p, word, re.I)), None)
    if number is None or not 1 <= number <= 4:
        return None
    if "qfirst" in groups:
        return _first_quarters(m, number)
    return _part_of_year(m, number, 3)


def _first_quarters(m: Match, number: int) -> Reading | None:
    """ "前三季度": the months of the first ``number`` quarters, to the end of the last."""
    last = _part_of_year(m, number, 3)
    if last is None or last.day is None:
        return last
    return Reading(Precision.MONTH, last.day.replace(month=1), shift_months(last.day, 2), last.year_stated)


def _resolve_first_months(m: Match) -> Reading | None:
    """ "nei primi nove mesi dell'anno", "в первые девять месяцев 2023 года": January to the last of
    those months."""
    count = _count_of(_w(m), m.groups["count"])
    return _part_of_year(m, 1, count) if count is not None and 1 < count < 12 else None


@_spec(
    "first months of a year",
    [
        _e(
            "it",
            "Nei primi nove mesi dell'anno gli occupati sono aumentati.",
            "primi nove mesi",
            "2022-01",
            "month",
        ),
        _e(
            "ru",
            "В первые девять месяцев 2021 года добыча выросла.",
            "первые девять месяцев",
            "2021-01",
            "month",
        ),
        _e(
            "es",
            "En los primeros nueve meses del año las ventas subieron.",
            "primeros nueve meses",
            "2022-01",
            "month",
        ),
        _e(
            "fr",
            "Sur les neuf premiers mois de l'année, les ventes ont progressé.",
            "neuf premiers mois",
            "2022-01",
            "month",
        ),
        _e("de", "In den ersten neun Monaten stieg der Umsatz.", "ersten neun Monaten", "2022-01", "month"),
        # Without "первые", with the year after: "за девять месяцев 2024 года"; not a length of time.
        _e(
            "ru",
            "Прибыль за девять месяцев 2024 года снизилась.",
            "за девять месяцев 2024 года",
            "2024-01",
            "month",
            "2024-10-31",
        ),
        _e(
            "uk",
            "Експорт за п'ять місяців цього року зріс.",
            "за п'ять місяців цього року",
            "2022-01",
            "month",
        ),
    ],
)
@_with(_resolve_first_months)
def _first_months(w: _Words) -> str:
    if not w.extras.first_months:
        return r"(?!x)x"
    phrase = w.extras.first_months.replace("{count}", _count_pattern(w))
    return rf"{w.before}(?:{phrase})(?:{_year_after(w)})?(?!\w)"


def _resolve_half(m: Match) -> Reading | None:
    """ "상반기" (the first half), "下半期", "во втором полугодии": the months of a half of the year."""
    words = " ".join(lower(m.groups["half"]).split())
    extras = _w(m).extras
    halves = {**extras.halves, **extras.halves_of}.items()
    number = next((n for p, n in halves if re.fullmatch(p, words, re.I)), None)
    return _part_of_year(m, number, 6) if number else None


@_spec(
    "quarter",
    [
        # "前三季度": the first three quarters.
        _e("zh", "前三季度经济增长。", "前三季度", "2022-01", "month"),
        _e("ko", "올해 3분기 수출이 늘었다.", "올해 3분기", "2022-Q3", "quarter"),
        _e("ko", "3분기 영업이익이 줄었다.", "3분기", "2022-Q3", "quarter"),
        _e("ko", "올 4분기 영업이익이 늘어날 전망이다.", "올 4분기", "2022-Q4", "quarter"),
        # A count of quarters is none of them: "3분기 연속 줄다 4분기 늘었다" names the fourth alone.
        _e("ko", "3분기 연속 줄다 4분기 늘었다.", "4분기", "2022-Q4", "quarter", "2023-02-01"),
        _e("ja", "2四半期連続のプラス成長で、第3四半期は増えた。", "第3四半期", "2022-Q3", "quarter"),
        # Over this year's, after a date still to come: next year's.
        _e(
            "uk",
            "У четвер, 2 січня, фонд оприлюднить графік виплат на перший квартал.",
            "перший квартал",
            "2025-Q1",
            "quarter",
            "2024-12-27",
        ),
        _e("zh", "国家统计局将于15日发布二季度国内生产总值。", "二季度", "2024-Q2", "quarter", "2024-07-12"),
        _e(
            "ru",
            "В третьем квартале 2023 года ВВП вырос.",
            "третьем квартале 2023 года",
            "2023-Q3",
            "quarter",
        ),
        _e("uk", "У другому кварталі експорт зріс.", "другому кварталі", "2022-Q2", "quarter"),
        _e("ru", "Третий квартал стал рекордным.", "Третий квартал", "2022-Q3", "quarter"),
        _e("ja", "2023年第3四半期の決算を発表した。", "2023年第3四半期", "2023-Q3", "quarter"),
        _e("zh", "去年第四季度经济增长放缓。", "去年第四季度", "2021-Q4", "quarter"),
        _e("it", "Nel terzo trimestre le vendite sono salite.", "terzo trimestre", "2022-Q3", "quarter"),
        _e(
            "fr",
            "Au premier trimestre 2023, le PIB a reculé.",
            "premier trimestre 2023",
            "2023-Q1",
            "quarter",
        ),
        _e("de", "Im dritten Quartal stieg der Umsatz.", "dritten Quartal", "2022-Q3", "quarter"),
        _e("es", "En el cuarto trimestre de 2021 cayó.", "cuarto trimestre de 2021", "2021-Q4", "quarter"),
        _e("et", "Kolmandas kvartalis kasvas eksport.", "Kolmandas kvartalis", "2022-Q3", "quarter"),
        _e("ko", "4분기 실적은 1월 발표됐다.", "4분기", "2021-Q4", "quarter", "2022-05-10"),
        _e("pl", "W III kwartale 2023 r. sprzedaż wzrosła.", "III kwartale 2023", "2023-Q3", "quarter"),
        _e("tr", "2023'ün üçüncü çeyreğinde satışlar arttı.", "üçüncü çeyreğinde", "2023-Q3", "quarter"),
        _e(
            "nl",
            "In het derde kwartaal van 2023 stegen de verkopen.",
            "derde kwartaal van 2023",
            "2023-Q3",
            "quarter",
        ),
        _e(
            "pt",
            "No terceiro trimestre de 2023, as vendas cresceram.",
            "terceiro trimestre de 2023",
            "2023-Q3",
            "quarter",
        ),
        # The ordinal after the word: "kuartal ketiga", "triwulan II", "الربع الثالث".
        _e("id", "Pada kuartal ketiga 2023 penjualan naik.", "kuartal ketiga 2023", "2023-Q3", "quarter"),
        _e("id", "Pada triwulan II tahun ini ekonomi tumbuh.", "triwulan II tahun ini", "2022-Q2", "quarter"),
        _e(
            "ar",
            "في الربع الثالث من العام الجاري ارتفعت الصادرات.",
            "الربع الثالث من العام الجاري",
            "2022-Q3",
            "quarter",
        ),
    ],
)
@_with(_resolve_quarter)
def _quarter(w: _Words) -> str:
    if not w.extras.quarters:
        return r"(?!x)x"
    word = rf"(?:{w.extras.quarters})"
    lead = _year_lead(w)
    lead = rf"(?:{lead})?" if lead else ""
    if w.east_asian:
        cjk = _alternation(n for n, v in w.extras.numbers.items() if v <= 4)
        number = rf"(?:(?<!\d)(?P<qnum>[1-4])|(?P<qcjk>{cjk}))" if cjk else r"(?<!\d)(?P<qnum>[1-4])"
        # "前三季度": the first three quarters, January to September.
        # Not a count of quarters ("2四半期連続", "3분기 연속": two, three quarters in a row).
        count = r"(?!\s*(?:연속|째|만에|連続|ぶり|振り|以上))"
        return rf"{lead}(?:第\s*|(?P<qfirst>前))?{number}\s*(?:[/·]\s*4\s*)?{word}{count}"
    ordinals = _joined(w.extras.ordinals)
    number = (
        rf"(?:(?P<qord>{w.before}(?:{ordinals})(?!\w))|(?<![\d.])(?P<qnum>[1-4])(?:\.|-?(?:м|й|го|ом|ем|е|er|e|º|o))?"
        r"|(?P<qroman>(?-i:IV|III|II|I))\.?)"
    )
    # The number after the word, as Indonesian and Arabic write it ("kuartal ketiga", "triwulan III").
    after = (
        number.replace("(?P<qord>", "(?P<qord2>")
        .replace("(?P<qnum>", "(?P<qnum2>")
        .replace("(?P<qroman>", "(?P<qroman2>")
    )
    word_first = rf"(?<!\w){word}\s+{after}(?!\d|[.,]\d)"
    return rf"{lead}(?:{number}\s*{word}(?!\w)|{word_first})(?:{_year_after(w)})?"


def _resolve_quarter_direction(m: Match) -> Reading | None:
    """ "il trimestre precedente", "предыдущим кварталом": the quarter before or after the one just
    mentioned, a comparison period (no anchor for what follows); "в прошлом квартале": from publication."""
    if m.published is None:
        return Reading(Precision.QUARTER, None)
    if "previous" in m.groups:
        reference = m.reference()
        if (
            reference is not None
            and m.text == "前期"
            and reference.until is not None
            and reference.precision is Precision.MONTH
        ):
            # "2025年3月期の純利益は前期比45％減": the term before the one just named, a business year or a
            # half as well as a quarter.
            months = (reference.until.year - reference.day.year) * 12 + reference.until.month
            months -= reference.day.month - 1
            start = shift(reference.day, Precision.MONTH, -months)
            until = shift(reference.until, Precision.MONTH, -months)
            return Reading(Precision.MONTH, start, until, is_anchor=False)
        if reference is None or reference.precision is not Precision.QUARTER:
            return None
        return dataclasses.replace(_beside(reference, Precision.QUARTER, -1), is_anchor=False)
    amount = _direction(m)
    if _after_reference(m, amount):
        reference = m.reference()
        if reference is None:
            return None
        beside = _beside(reference, Precision.QUARTER, amount)
        return dataclasses.replace(beside, is_anchor=False)
    return Reading(Precision.QUARTER, shift(m.published, Precision.QUARTER, amount))


@_spec(
    "quarter and direction",
    [
        _e(
            "it",
            "Nel terzo trimestre il Pil è cresciuto rispetto al trimestre precedente.",
            "trimestre precedente",
            "2022-Q2",
            "quarter",
        ),
        _e(
            "ru",
            "В третьем квартале ВВП вырос по сравнению с предыдущим кварталом.",
            "предыдущим кварталом",
            "2022-Q2",
            "quarter",
        ),
        _e(
            "fr",
            "Au troisième trimestre, le PIB a progressé par rapport au trimestre précédent.",
            "trimestre précédent",
            "2022-Q2",
            "quarter",
        ),
        _e("ru", "В прошлом квартале выручка выросла.", "прошлом квартале", "2022-Q3", "quarter"),
        _e("ko", "1분기 GDP는 전 분기보다 0.2% 감소했다.", "전 분기", "2021-Q4", "quarter"),
        _e("ja", "7～9月期のGDPは前期比0.2％増だった。", "前期", "2022-Q2", "quarter"),
        _e("ja", "2025年3月期の純利益は前期比45％減だった。", "前期", "2023-04", "month", "2025-05-12"),
    ],
)
@_with(_resolve_quarter_direction)
def _quarter_direction(w: _Words) -> str:
    if w.extras.quarter_before:
        return rf"(?P<previous>{w.extras.quarter_before})"
    if not w.extras.quarters or not w.direction_alt or w.east_asian:
        return r"(?!x)x"
    word = rf"(?:{w.extras.quarters})"
    before = rf"(?P<direction>{w.before}(?:{w.direction_alt}))\s+{word}(?!\w)"
    after = rf"{w.before}{word}\s+(?P<direction2>(?:{w.direction_alt}))(?!\w)"
    return rf"{before}|{after}"


@_spec(
    "half of the year",
    [
        _e("ko", "올해 상반기 수출이 늘었다.", "올해 상반기", "2022-01", "month"),
        _e("ko", "하반기에 회담이 열릴 예정이다.", "하반기", "2022-07", "month"),
        # A forecast looks ahead.
        _e(
            "uk",
            "У НБУ прогнозують, що у другому півріччі інфляція прискориться.",
            "другому півріччі",
            "2024-07",
            "month",
            "2024-06-14",
        ),
        _e("ko", "올 상반기 수출이 늘었다.", "올 상반기", "2022-01", "month", "2022-06-20"),
        _e("ja", "2023年上半期の売上高", "2023年上半期", "2023-01", "month"),
        _e("zh", "今年上半年经济增长。", "今年上半年", "2022-01", "month"),
        _e(
            "ru",
            "Во втором полугодии 2021 года цены росли.",
            "втором полугодии 2021 года",
            "2021-07",
            "month",
        ),
        _e(
            "pt",
            "No primeiro semestre de 2023, as exportações subiram.",
            "primeiro semestre de 2023",
            "2023-01",
            "month",
        ),
        _e("tr", "2023'ün ilk yarısında ihracat arttı.", "ilk yarısında", "2023-01", "month"),
    ],
)
@_with(_resolve_half)
def _half(w: _Words) -> str:
    if not w.extras.halves:
        return r"(?!x)x"
    lead = _year_lead(w)
    lead = rf"(?:{lead})?" if lead else ""
    end = "" if w.east_asian else r"(?!\w)"
    half = rf"(?P<half>{w.before}(?:{_joined(w.extras.halves)})){end}"
    after = "" if w.east_asian else rf"(?:{_year_after(w)})?"
    return rf"{lead}{half}{after}"


@_spec(
    "half of a year named",
    [
        _e(
            "ru",
            "В первой половине 2023 года экспорт вырос.",
            "первой половине 2023 года",
            "2023-01",
            "month",
        ),
        _e(
            "ru",
            "Во второй половине прошлого года цены упали.",
            "второй половине прошлого года",
            "2021-07",
            "month",
        ),
        _e(
            "uk", "У першій половині 2023 року експорт зріс.", "першій половині 2023 року", "2023-01", "month"
        ),
        _e(
            "it",
            "Nella seconda metà del 2021 i prezzi sono scesi.",
            "seconda metà del 2021",
            "2021-07",
            "month",
        ),
        _e(
            "fr",
            "Dans la première moitié de 2023, il a grandi.",
            "première moitié de 2023",
            "2023-01",
            "month",
        ),
        _e(
            "es",
            "En la segunda mitad de 2021 los precios cayeron.",
            "segunda mitad de 2021",
            "2021-07",
            "month",
        ),
        _e("de", "In der ersten Hälfte 2023 stiegen die Exporte.", "ersten Hälfte 2023", "2023-01", "month"),
    ],
)
@_with(_resolve_half)
def _half_of_a_year(w: _Words) -> str:
    """ "в первой половине 2023 года", "nella seconda metà dell'anno scorso": the words for a half of
    anything, a half of the year when a year follows them."""
    if not w.extras.halves_of or w.east_asian:
        return r"(?!x)x"
    return rf"(?P<half>{w.before}(?:{_joined(w.extras.halves_of)}))(?!\w)(?:{_year_after(w)})"


@_spec(
    "decade",
    [
        _e("ru", "В 1990-х годах завод закрыли.", "1990-х годах", "199", "decade"),
        _e("et", "See juhtus 1960. aastate lõpul.", "1960. aastate lõpul", "196", "decade"),
        _e("et", "Ta elas seal 1960.-1970. aastatel.", "1960.-1970. aastatel", "196", "decade"),
        _e("ru", "В 1960–1970-е годы завод рос.", "1960–1970-е годы", "196", "decade"),
        _e("ko", "1990년대 북한은", "1990년대", "199", "decade"),
        _e("ko", "90년대 북한은 대기근을 겪었다.", "90년대", "199", "decade"),
        _e("it", "Negli anni '70 la città crebbe.", "anni '70", "197", "decade"),
        _e("it", "Negli anni Novanta la carestia colpì il Paese.", "anni Novanta", "199", "decade"),
        _e("ru", "В девяностые годы завод закрыли.", "девяностые годы", "199", "decade"),
        _e("uk", "У дев'яності роки завод закрили.", "дев'яності роки", "199", "decade"),
        _e(
            "fr",
            "Dans les années quatre-vingt-dix, l'usine ferma.",
            "années quatre-vingt-dix",
            "199",
            "decade",
        ),
        _e("es", "En los años setenta la ciudad creció.", "años setenta", "197", "decade"),
        _e("es", "En la década de 1980 la ciudad creció.", "década de 1980", "198", "decade"),
        _e("de", "In den Neunzigerjahren wuchs die Stadt.", "Neunzigerjahren", "199", "decade"),
        _e("nl", "In de jaren negentig leed het land honger.", "jaren negentig", "199", "decade"),
        _e("pl", "W latach 90. kraj dotknął głód.", "latach 90.", "199", "decade"),
        _e("tr", "1990'larda ülke kıtlık yaşadı.", "1990'larda", "199", "decade"),
        _e("pt", "Nos anos noventa, o país sofreu uma fome.", "anos noventa", "199", "decade"),
    ],
)
@_with(_resolve_decade)
def _decade(w: _Words) -> str:
    sources = [p.replace("(?P<decade>", f"(?P<decade_{i}>") for i, p in enumerate(w.extras.decades)]
    if w.extras.decade_words:
        words = _joined(w.extras.decade_words)
        sources.append(rf"{w.before}{w.extras.decade_word.format(words=words)}(?!\w)")
    return _joined(sources) or r"(?!x)x"


@_spec(
    "year range",
    [
        _e("et", "Sõda kestis 1656-1661.", "1656-1661", "1656", "year"),
        _e("ru", "В 2014–2016 годах цены росли.", "2014–2016 годах", "2014", "year"),
        _e("it", "La riforma partirà con l'anno scolastico 2026/2027.", "2026/2027", "2026", "year"),
        _e("it", "Il campionato 2024/25 si chiude a maggio.", "2024/25", "2024", "year"),
    ],
)
@_with(_resolve_year_range)
def _year_range(w: _Words) -> str:
    slash = r"/(?P<slashyear>(?:1\d|20)?\d\d)(?![\d/])"
    return rf"{w.year()}(?:\.?\s*[-–—]\s*{w.year('2')}\.?{w.year_word()}?|{slash})"


@_spec(
    "year",
    [
        _e("ru", "Завод построен в 2017 году.", "2017 году", "2017", "year"),
        _e("et", "Ettevõte asutati 1992. aastal.", "1992. aastal", "1992", "year"),
        _e("it", "Nel 2017 il governo cadde.", "2017", "2017", "year"),
        _e("et", "1999 muudeti seadust.", "1999", "1999", "year"),
        _e("tr", "2023 yılında ticaret arttı.", "2023 yılında", "2023", "year"),
        _e("nl", "In 2022 viel de handel bijna stil.", "2022", "2022", "year"),
        _e("ar", "في مطلع 2024 تدخل الخطة حيز التنفيذ.", "2024", "2024", "year"),
        # The word for "year" before the number, a modifier after it ("2022 ortasında").
        _e("id", "Pada tahun 2022 perdagangan hampir berhenti.", "2022", "2022", "year"),
        _e("ar", "في عام 2022 توقفت التجارة تقريبا.", "2022", "2022", "year"),
        _e("tr", "2022 ortasında görüşmeler başladı.", "2022", "2022", "year"),
    ],
)
@_with(_resolve_year)
def _year(w: _Words) -> str:
    return rf"{w.year()}{w.year_word()}?"


def _resolve_holiday(m: Match) -> Reading | None:
    """ "Natale", "광복절", "元日": a holiday on a fixed day, of the year its sentence names, else the
    nearest one, or the one its tense points to."""
    holidays = _w(m).extras.holidays
    pattern = _matching(holidays, " ".join(m.groups["holiday"].split()))
    if pattern is None:
        return None
    month, day = holidays[pattern]
    if (year := _stated_year(m) or _sentence_year(m)) is not None:
        return Reading(Precision.DAY, date(year, month, day))
    if m.now is None:
        return Reading(Precision.DAY, None)
    candidates = [date(m.now.year + k, month, day) for k in (-1, 0, 1)]
    return Reading(Precision.DAY, pick(candidates, m.now, m.tense()))


@_spec(
    "holiday",
    [
        _e(
            "it",
            "Il Senato dovrebbe approvarla prima di Natale o entro il 28 dicembre.",
            "Natale",
            "2022-12-25",
            "day",
        ),
        _e("it", "A Natale 2021 i negozi erano chiusi.", "Natale 2021", "2021-12-25", "day"),
        _e("ko", "정부는 광복절 특별사면을 단행했다.", "광복절", "2022-08-15", "day"),
        _e("ja", "元日に能登半島で地震が起きた。", "元日", "2024-01-01", "day", "2024-01-10"),
        _e("zh", "国庆节假期全国出游人数增长。", "国庆节", "2022-10-01", "day"),
        _e("ru", "Парад прошел в День Победы.", "День Победы", "2022-05-09", "day"),
        _e("uk", "До Дня Незалежності відкрили міст.", "Дня Незалежності", "2022-08-24", "day"),
    ],
)
@_with(_resolve_holiday)
def _holiday(w: _Words) -> str:
    if not w.extras.holidays:
        return r"(?!x)x"
    names = _joined(w.extras.holidays)
    if w.east_asian:
        return rf"(?P<holiday>{names})"
    # Not a name ("Natale Rossi"); a year may follow ("Natale 2021").
    year = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)(?!\d))?"
    return rf"{w.before}(?P<holiday>(?-i:{names}))(?!(?-i:[^\S\n]+[A-ZÀ-Þ]))(?!\w){year}"


@_spec(
    "relative phrase",
    [
        # The words news writes beside the data's: "내달" (next month), "月内" (within this month).
        _e("ko", "내달 중순 발표할 예정이다.", "내달 중순", "2022-12", "month"),
        _e("ja", "月内に決定する。", "月内", "2022-11", "month"),
        # After a word of comparison, the month before the one reported.
        _e("zh", "5月份工业增加值同比增长5.6%，比上月回落1.1个百分点。", "上月", "2022-04", "month"),
        _e("ru", "Цены выросли в прошлом месяце.", "в прошлом месяце", "2022-10", "month"),
        _e("uk", "Про це повідомили минулого тижня.", "минулого тижня", "2022-W43", "week"),
        _e("ko", "북한은 지난달 발사했다.", "지난달", "2022-10", "month"),
        _e("ja", "先月、合意した。", "先月", "2022-10", "month"),
        _e("it", "Il mese scorso i prezzi sono saliti.", "mese scorso", "2022-10", "month"),
        _e("ru", "Министр заявил об этом вчера.", "вчера", "2022-11-01", "day"),
        # "Next" in narrative time is the period after the one the history tells of.
        _e(
            "ru",
            "3 марта 1962 года мост открыли. На следующей неделе пришли поезда.",
            "На следующей неделе",
            "1962-W10",
            "week",
        ),
        _e(
            "ru",
            "Министр заявил, что на следующей неделе поезда придут.",
            "на следующей неделе",
            "2022-W45",
            "week",
        ),
        # Phrases the data lacks: "pekan lalu", "setahun lalu", "قبل عام".
        _e("id", "Pekan lalu Gedung Putih merilis foto.", "Pekan lalu", "2022-W43", "week"),
        _e("id", "Setahun lalu situasinya berbeda.", "Setahun lalu", "2021", "year"),
        _e("ar", "قبل عام كان الوضع مختلفا.", "قبل عام", "2021", "year"),
    ],
)
@_with(_resolve_relative)
def _relative(w: _Words) -> str:
    phrases = list(w.vocab.relative) + list(w.extras.relative)
    if not phrases:
        return r"(?!x)x"
    end = "" if w.east_asian else r"(?!\w)"
    if not w.vocab.inflecting:
        return rf"{w.before}(?:{_alternation(phrases)}){end}"
    # In an inflecting language the last word of a phrase of two takes endings ("eelmise kuu-ga").
    single = [p for p in phrases if " " not in p]
    several = [p for p in phrases if " " in p]
    inflected = rf"(?:{_alternation(several)}){w.suffix}" if several else ""
    return rf"{w.before}(?:{'|'.join(x for x in (inflected, f'(?:{_alternation(single)}){end}') if x)})"


@_spec(
    "direction and unit",
    [
        _e("et", "Eelmisel nädalal teatas valitsus.", "Eelmisel nädalal", "2022-W43", "week"),
        _e("et", "Möödunud kuul kasvas eksport.", "Möödunud kuul", "2022-10", "month"),
        _e("de", "In der vergangenen Woche sprach der Minister.", "vergangenen Woche", "2022-W43", "week"),
        _e("it", "Le vendite sono calate la settimana passata.", "settimana passata", "2022-W43", "week"),
        # "Successivo", "suivant", "siguiente", "folgend": from the period last mentioned.
        _e(
            "it",
            "Il ponte fu aperto il 3 marzo 1962. La settimana successiva arrivarono i treni.",
            "settimana successiva",
            "1962-W10",
            "week",
        ),
        _e(
            "fr",
            "Le pont a été inauguré en mars 1962. Le mois suivant, les trains sont arrivés.",
            "mois suivant",
            "1962-04",
            "month",
        ),
        _e(
            "de",
            "Die Brücke wurde im März 1962 eröffnet. Im folgenden Monat kamen die Züge.",
            "folgenden Monat",
            "1962-04",
            "month",
        ),
        # The unit is a word of its own: "Saray geçtiğimiz" holds no month ("ay").
        _e(
            "tr",
            "Beyaz Saray geçtiğimiz hafta fotoğraflar yayımladı.",
            "geçtiğimiz hafta",
            "2022-W43",
            "week",
        ),
    ],
)
@_with(_resolve_direction_period)
def _direction_unit(w: _Words) -> str:
    if not w.direction_alt or not w.unit_alt:
        return r"(?!x)x"
    direction = rf"(?P<direction>{w.before}(?:{w.direction_alt}))"
    unit = rf"(?P<unit>(?:{w.unit_alt}){w.suffix})"
    gap = r"\s*" if w.east_asian else r"\s+"
    if w.east_asian:
        return rf"{direction}{gap}{unit}"
    # The unit leads the second form: a word of its own, not the end of another ("Saray geçen" holds
    # no "ay geçen").
    unit2 = unit.replace("(?P<unit>", f"(?P<unit2>{w.before}")
    second = rf"{unit2}{gap}{direction.replace('direction', 'direction2')}(?!\w)"
    return rf"(?:{direction}(?!\w){gap}{unit}|{second})"


@_spec(
    "year phrase",
    [
        # "올 초", "올 말": this year, "올" alone before its modifier.
        _e("ko", "올 초 시작됐다.", "올 초", "2022", "year"),
        _e("ko", "내년도 예산안은 8월 말 확정한다.", "내년", "2026", "year", "2025-05-19"),
        # "그해", "같은 해": the year just mentioned (with a month after it, one mention: "그해 9월").
        _e("ko", "1991년 소련이 해체됐다. 그해 관계는 식었다.", "그해", "1991", "year"),
        _e("et", "Tänavu on müük kasvanud.", "Tänavu", "2022", "year"),
        _e("ko", "지난해 수출이 늘었다.", "지난해", "2021", "year"),
        _e("fr", "L'an dernier, les ventes ont baissé.", "L'an dernier", "2021", "year"),
        _e("ko", "조약은 1961년 체결됐고 이듬해 발효됐다.", "이듬해", "1962", "year"),
        _e("ja", "1990年に合意し、翌年批准した。", "翌年", "1991", "year"),
        _e(
            "it",
            "L'alluvione colpì Firenze nel 1966. L'anno successivo arrivarono i fondi.",
            "L'anno successivo",
            "1967",
            "year",
        ),
        _e("pl", "W ubiegłym roku handel między krajami spadł.", "W ubiegłym roku", "2021", "year"),
        _e("ar", "في العام الماضي انخفضت التجارة بين البلدين.", "العام الماضي", "2021", "year"),
        _e("ar", "ستجرى الانتخابات العام المقبل.", "العام المقبل", "2023", "year"),
    ],
)
@_with(_resolve_year_phrase)
def _year_phrase(w: _Words) -> str:
    return w.years(alone=True) if w.year_phrases_alt else r"(?!x)x"


@_spec(
    "day word",
    [
        # This morning, this evening: today.
        _e("es", "Esta mañana habló el presidente.", "Esta mañana", "2022-11-02", "day"),
        _e("fr", "Ce matin, le président a parlé.", "Ce matin", "2022-11-02", "day"),
        _e("ko", "그는 그제 출국했다.", "그제", "2022-10-31", "day"),
        # Broadcast Japanese writes the days in kana.
        _e("ja", "首相はきのう発表した。", "きのう", "2022-11-01", "day"),
        _e("it", "Stamattina il ministro ha parlato.", "Stamattina", "2022-11-02", "day"),
        _e("et", "Eilsel istungil otsustati.", "Eilsel", "2022-11-01", "day"),
        _e("et", "Täna teatas minister.", "Täna", "2022-11-02", "day"),
        _e("et", "Mäng ei meenutanud nädalatagust kohtumist.", "nädalatagust", "2022-10-26", "day"),
        _e("nl", "Het Kremlin reageerde gisteravond.", "gisteravond", "2022-11-01", "day"),
        _e("pl", "Przedwczoraj doszło do ataku.", "Przedwczoraj", "2022-10-31", "day"),
        _e("ar", "أول أمس وقع هجوم.", "أول أمس", "2022-10-31", "day"),
        # Turkish "önceki gün" is the day before yesterday.
        _e("tr", "Önceki gün saldırı gerçekleşti.", "Önceki gün", "2022-10-31", "day"),
    ],
)
@_with(_resolve_day_word)
def _day_word(w: _Words) -> str:
    days = _joined(w.extras.days)
    if not days:
        return r"(?!x)x"
    if w.language == "ja":
        # Kana words among kanji and particles: "きのう発表した", "あすは", not inside a longer kana word.
        particles = "はがのにもをまかでと"
        return rf"(?:(?<![ぁ-ゖ])|(?<=[{particles}]))(?:{days})(?:(?![ぁ-ゖ])|(?=[{particles}]))"
    return rf"{w.before}(?:{days})(?!\w)"


@_spec(
    "counted",
    [
        _e("ru", "Это случилось 2 года назад.", "2 года назад", "2020", "year"),
        _e("ko", "3년 전 합의했다.", "3년 전", "2019", "year"),
        _e("et", "Kaks aastat tagasi suleti tehas.", "Kaks aastat tagasi", "2020", "year"),
        _e("de", "Vor zwei Jahren begann der Krieg.", "Vor zwei Jahren", "2020", "year"),
        # The unit in any of its forms (the data lists "dnia temu", not the plural "dni"); Turkish "İ".
        _e("pl", "Statek opuścił port dwa tygodnie temu.", "dwa tygodnie temu", "2022-W42", "week"),
        _e("pt", "Há três dias, o navio deixou o porto.", "Há três dias", "2022-10-30", "day"),
        _e("tr", "İki yıl önce ticaret azdı.", "İki yıl önce", "2020", "year"),
        _e("pl", "Trzy dni temu statek opuścił port.", "Trzy dni temu", "2022-10-30", "day"),
        _e("nl", "Drie dagen geleden verliet het schip de haven.", "Drie dagen geleden", "2022-10-30", "day"),
        # Units the data lacks ("pekan"); one unit with no count ("Rok temu").
        _e("id", "Kapal itu berangkat dua pekan lalu.", "dua pekan lalu", "2022-W42", "week"),
        _e("id", "Tiga hari lalu kapal itu meninggalkan pelabuhan.", "Tiga hari lalu", "2022-10-30", "day"),
        _e("ar", "غادرت السفينة الميناء قبل ثلاثة أيام.", "قبل ثلاثة أيام", "2022-10-30", "day"),
        _e("pl", "Rok temu sytuacja była inna.", "Rok temu", "2021", "year"),
    ],
)
@_with(_resolve_counted)
def _counted(w: _Words) -> str:
    count = _count_pattern(w)
    parts = []
    for index, (source, unit, sign) in enumerate(w.vocab.counted):
        if sign < 0:
            body = source.replace(r"(?P<count>\d{1,3})", _count_pattern(w, f"c_{index}"))
            end = "" if w.east_asian else r"(?!\w)"
            if w.extras.ago_not_before:
                end += rf"(?!{w.extras.ago_not_before})"
            parts.append(rf"(?:{body}){end}(?P<u_{index}_{unit.value}>)")
    alternatives = "|".join(parts)
    if w.extras.ago_after:
        unit_words = (
            w.unit_alt
            + "|"
            + _alternation([f for f, u in w.vocab.units.items() if u is Precision.DAY and len(f) >= 3])
        )
        extra = rf"(?:{count}\s+)?(?P<unit>(?:{unit_words}){w.suffix})\s+(?:{w.extras.ago_after})(?!\w)"
        alternatives = f"{alternatives}|{extra}" if alternatives else extra
    if not alternatives:
        return r"(?!x)x"
    return rf"{w.before}(?:{alternatives})"


@_spec(
    "counted from the date before",
    [
        # With no date before, later than what is not said: from now only where the sentence looks ahead.
        _e("ru", "Спустя год ситуация не изменилась.", "Спустя год", None, "year"),
        _e("ko", "사흘 뒤 그는 숨졌다.", "사흘 뒤", None, "day"),
        _e(
            "ru",
            "Договор подписали 5 марта 2021 года. Годом ранее шли переговоры.",
            "Годом ранее",
            "2020",
            "year",
        ),
        _e("uk", "У 2019 році завод закрили, а роком раніше продали.", "роком раніше", "2018", "year"),
        _e(
            "it",
            "Il trattato fu firmato nel 2010. Un anno prima era fallito.",
            "Un anno prima",
            "2009",
            "year",
        ),
        _e(
            "de",
            "Im März 2015 kam es zur Wahl, zwei Jahre später zur Krise.",
            "zwei Jahre später",
            "2017",
            "year",
        ),
        _e(
            "fr", "Le traité date de 2010; un an plus tôt, il avait échoué.", "un an plus tôt", "2009", "year"
        ),
        _e("es", "En 2010 se firmó; un año antes había fracasado.", "un año antes", "2009", "year"),
        _e(
            "et",
            "Leping sõlmiti 2010. aastal, kaks aastat varem oli see läbi kukkunud.",
            "kaks aastat varem",
            "2008",
            "year",
        ),
        _e(
            "ru",
            "В третьем квартале прибыль выросла по сравнению с годом ранее.",
            "годом ранее",
            "2021-Q3",
            "quarter",
        ),
        # The word before the count; "через" ("in") in news time counts from publication.
        _e(
            "ru",
            "13 сентября 2022 года Ким встретился с Путиным. Спустя три дня он уехал.",
            "Спустя три дня",
            "2022-09-16",
            "day",
        ),
        _e("ru", "Переговоры пройдут через две недели.", "через две недели", "2022-W46", "week"),
        _e(
            "it",
            "Il 13 settembre 2022 Kim ha incontrato Putin. Dopo tre giorni è partito.",
            "Dopo tre giorni",
            "2022-09-16",
            "day",
        ),
        _e(
            "de",
            "Am 13. September 2022 traf Kim Putin. Nach drei Tagen reiste er ab.",
            "Nach drei Tagen",
            "2022-09-16",
            "day",
        ),
        # After a longer period, which shorter one is not known: no date.
        _e(
            "ru",
            "В 1945 году война закончилась. Месяц спустя был подписан договор.",
            "Месяц спустя",
            None,
            "month",
        ),
        # Unspaced in Korean, Japanese and Chinese; a count written as one word ("사흘": three days).
        _e("ko", "2022년 9월 13일 회담이 열렸다. 사흘 뒤 귀국했다.", "사흘 뒤", "2022-09-16", "day"),
        _e("ko", "2022년 9월 13일 회담이 열렸다. 한 달 뒤 포탄이 운송됐다.", "한 달 뒤", "2022-10", "month"),
        _e("zh", "2022年9月13日举行了会谈。三天后他回国。", "三天后", "2022-09-16", "day"),
        _e("ja", "2022年9月13日に会談が開かれた。3日後、帰国した。", "3日後", "2022-09-16", "day"),
        _e("ko", "회담은 3일 후 열린다.", "3일 후", "2022-11-05", "day"),
        _e(
            "nl",
            "Op 12 oktober vertrok de trein. Een dag later ontkende Moskou alles.",
            "Een dag later",
            "2022-10-13",
            "day",
        ),
        _e(
            "tr",
            "Kim 13 Eylül'de Putin ile görüştü. Üç gün sonra ülkesine döndü.",
            "Üç gün sonra",
            "2022-09-16",
            "day",
        ),
        _e(
            "pl",
            "13 września Kim spotkał się z Putinem. Trzy dni później wrócił.",
            "Trzy dni później",
            "2022-09-16",
            "day",
        ),
        _e("nl", "De top vindt over twee maanden plaats.", "over twee maanden", "2023-01", "month"),
        _e("pl", "Szczyt odbędzie się za dwa miesiące.", "za dwa miesiące", "2023-01", "month"),
        _e("pt", "A cimeira terá lugar daqui a dois meses.", "daqui a dois meses", "2023-01", "month"),
        _e("tr", "Zirve iki ay sonra yapılacak.", "iki ay sonra", "2023-01", "month"),
        _e("id", "Pertemuan akan digelar dua pekan lagi.", "dua pekan lagi", "2022-W46", "week"),
        # In a sentence of the past, "over" is a span, not "in" from now.
        _e("nl", "De inflatie bedroeg 6,4 procent over 12 maanden.", "over 12 maanden", None, "month"),
        _e(
            "ar",
            "التقى كيم بوتين في 13 سبتمبر. وبعد ثلاثة أيام عاد إلى بلاده.",
            "بعد ثلاثة أيام",
            "2022-09-16",
            "day",
        ),
        # The glued "و" (and) stays out of the mention; the dual counts two ("يومين").
        _e(
            "ar",
            "زار الوزير سيول في 8 نوفمبر 2022، وبعد يومين توجه إلى طوكيو.",
            "بعد يومين",
            "2022-11-10",
            "day",
        ),
    ],
)
@_with(_resolve_counted_from)
def _counted_from(w: _Words) -> str:
    if w.east_asian:
        return _counted_after_east_asian(w)
    if not (w.extras.earlier_after or w.extras.later_after) or not w.unit_alt:
        return r"(?!x)x"
    count = _count_pattern(w)
    days = _alternation([f for f, u in w.vocab.units.items() if u is Precision.DAY and len(f) >= 3])
    unit = rf"(?P<unit>(?:{w.unit_alt}|{days}){w.suffix})"
    words = [
        rf"(?P<earlier>{w.extras.earlier_after})" if w.extras.earlier_after else "",
        rf"(?P<later>{w.extras.later_after})" if w.extras.later_after else "",
    ]
    after = rf"(?:{count}\s+)?{unit}\s+(?:{'|'.join(x for x in words if x)})(?!\w)"
    later_before = _joined(x for x in (w.extras.later_before, w.extras.in_before) if x)
    if not later_before:
        return rf"{w.before}{after}"
    # "Спустя три дня", "через месяц", "dopo tre giorni": the word before; a count unless the language
    # writes one unit with none ("nach Jahren" is no count of one).
    optional = "?" if w.extras.one_without_count else ""
    count_before = _count_pattern(w, "count_b")
    unit_before = unit.replace("(?P<unit>", "(?P<unit_b>")
    counted = rf"(?:{count_before}\s+){optional}{unit_before}"
    if w.extras.counted_words:
        # A count written as one word with its unit: the Arabic dual ("بعد يومين": two days later).
        counted = rf"(?:{counted}|(?P<counted_words>{_joined(w.extras.counted_words)})(?!\w))"
    before = rf"(?P<later_before>{later_before})\s+{counted}"
    return rf"{w.before}(?:{after}|{before})"


@_spec(
    "weekday",
    [
        _e("ru", "Встреча прошла в понедельник.", "понедельник", "2022-10-31", "day"),
        _e("ru", "Во вторник депутаты рассмотрят законопроект.", "вторник", "2022-11-08", "day"),
        _e("et", "Eelmisel kolmapäeval teatati.", "Eelmisel kolmapäeval", "2022-10-26", "day"),
        _e("et", "Vastus tuleb reedeks.", "reedeks", "2022-11-04", "day"),
        # A weekday's adjective: Friday's paper, whatever the tense after it.
        _e("et", "Reedeses lehes kurdab president.", "Reedeses", "2022-10-28", "day"),
        # Called for a day: the coming one, after a past verb too.
        _e(
            "it", "La Protezione civile ha convocato per giovedì il comitato.", "giovedì", "2022-11-03", "day"
        ),
        _e("ko", "수요일 회담이 열렸다.", "수요일", "2022-11-02", "day"),
        _e("ko", "다음 주 월요일 회의가 열린다.", "다음 주 월요일", "2022-11-07", "day"),
        _e("zh", "上周三举行了会议。", "上周三", "2022-10-26", "day"),
        # The Thursday of last week, not yesterday (published on a Friday).
        _e("zh", "发言人上周四表示反对。", "上周四", "2024-07-04", "day", "2024-07-12"),
        _e("zh", "双方将于下星期一会谈。", "下星期一", "2022-11-07", "day"),
        _e("fr", "Il a démissionné lundi dernier.", "lundi dernier", "2022-10-31", "day"),
        _e("et", "Reedel üritab ta uuesti.", "Reedel", "2007-12-21", "day", "2007-12-17"),
        _e("et", "Esmaspäev kulub kojusõidule.", "Esmaspäev", "2007-12-17", "day", "2007-12-17"),
        _e("it", "Le scuole resteranno chiuse fino a venerdì.", "venerdì", "2023-05-19", "day", "2023-05-18"),
        _e("ru", "В пятницу Ким посетит авиазавод.", "пятницу", "2023-09-15", "day", "2023-09-14"),
        # The future ("vai visitar", "edecek", "zal bezoeken") and the perfective ("odwiedzi") look ahead.
        _e("pt", "O ministro vai visitar Seul na segunda-feira.", "segunda-feira", "2022-11-07", "day"),
        _e("tr", "Bakan pazartesi günü Seul'ü ziyaret edecek.", "pazartesi", "2022-11-07", "day"),
        _e("pl", "Minister odwiedzi Seul w poniedziałek.", "poniedziałek", "2022-11-07", "day"),
        _e("nl", "De minister zal maandag Seoel bezoeken.", "maandag", "2022-11-07", "day"),
        # Dutch writes what is scheduled in the present.
        _e("nl", "Het kabinet komt dinsdag bijeen.", "dinsdag", "2022-11-08", "day"),
        # A weekday of the week a phrase beside it names, before or after it.
        _e("id", "Rabu pekan lalu, Kemlu mengeluarkan pernyataan.", "Rabu pekan lalu", "2022-10-26", "day"),
        _e(
            "nl",
            "De minister zei vorige week woensdag dat de leveringen doorgaan.",
            "vorige week woensdag",
            "2022-10-26",
            "day",
        ),
        _e("tr", "Bakan geçen hafta çarşamba günü konuştu.", "geçen hafta çarşamba", "2022-10-26", "day"),
        _e(
            "pt",
            "Na quarta-feira da semana passada, o ministro falou.",
            "quarta-feira da semana passada",
            "2022-10-26",
            "day",
        ),
        _e("id", "Menteri akan mengunjungi Seoul pada hari Senin.", "Senin", "2022-11-07", "day"),
        _e("ar", "سيزور الوزير سيول يوم الاثنين.", "الاثنين", "2022-11-07", "day"),
    ],
)
@_with(_resolve_weekday)
def _weekday(w: _Words) -> str:
    if not w.weekday_alt:
        return r"(?!x)x"
    weekday = rf"(?P<weekday>{w.before}(?:{w.weekday_alt}){w.suffix})"
    if w.east_asian:
        # "다음 주 월요일", "来週月曜日": a weekday of the week named before it; "下周一": of the next week.
        weeks = [p for p, (unit, _a) in w.vocab.relative.items() if unit is Precision.WEEK]
        week = rf"(?P<relweek>{_alternation(weeks)})\s*" if weeks else ""
        direction = rf"(?P<direction>{w.direction_alt})" if w.direction_alt else ""
        lead = "|".join(x for x in (week, direction) if x)
        return rf"(?:{lead})?{weekday}" if lead else weekday
    # A weekday of the week a phrase names, before or after it: "vorige week woensdag", "geçen hafta
    # çarşamba", "Rabu pekan lalu", "quarta-feira da semana passada".
    weeks = _alternation(
        p for p, (unit, _a) in {**w.vocab.relative, **w.extras.relative}.items() if unit is Precision.WEEK
    )
    leads = [rf"(?P<relweek>{w.before}(?:{weeks}))(?!\w)" if weeks else ""]
    if w.direction_alt:
        leads.append(rf"(?P<direction>{w.before}(?:{w.direction_alt}))")
    lead = "|".join(x for x in leads if x)
    before = rf"(?:(?:{lead})\s+)?{weekday}" if lead else weekday
    of = r"(?:(?i:de\s+la|del|de|da|do|della|der|van)\s+)?"
    afters = [rf",?\s+{of}(?P<relweek2>(?:{weeks}))(?!\w)" if weeks else ""]
    if w.direction_alt and w.vocab.direction_after:
        afters.append(rf"\s+(?P<direction2>(?:{w.direction_alt})(?!\w))")  # "lundi dernier"
    after = "|".join(x for x in afters if x)
    return rf"{before}(?:{after})?" if after else before


@_spec(
    "season",
    [
        _e("et", "Maja valmib 2000. aasta suveks.", "2000. aasta suveks", "2000-SU", "season"),
        _e("et", "Eelmisel sügisel alustati.", "Eelmisel sügisel", "2021-FA", "season"),
        _e("ru", "Летом 2019 года начались переговоры.", "Летом 2019 года", "2019-SU", "season"),
        _e("ru", "Переговоры возобновятся следующей весной.", "следующей весной", "2023-SP", "season"),
        # "This winter" in January is the one that began in December.
        _e("ja", "今冬一番の強い寒気が流れ込む。", "今冬", "2024-WI", "season", "2025-01-09"),
        # The year after it, named or relative: one mention, that year's season.
        _e("ru", "Осенью прошлого года США обвинили КНДР.", "Осенью прошлого года", "2021-FA", "season"),
        _e(
            "it",
            "Nell'autunno dello scorso anno fu firmato.",
            "Nell'autunno dello scorso anno",
            "2021-FA",
            "season",
        ),
        _e(
            "de",
            "Im Herbst vergangenen Jahres kam es zur Wahl.",
            "Im Herbst vergangenen Jahres",
            "2021-FA",
            "season",
        ),
        _e("fr", "Au printemps 2019, les trains sont arrivés.", "Au printemps 2019", "2019-SP", "season"),
        # "Next" in narrative time counts from the period last mentioned.
        _e(
            "ru",
            "В 1959 году линию построили. Следующей весной пошли поезда.",
            "Следующей весной",
            "1960-SP",
            "season",
        ),
        _e(
            "de",
            "Die Brücke wurde 1962 eröffnet. Im folgenden Frühjahr kamen die Züge.",
            "folgenden Frühjahr",
            "1963-SP",
            "season",
        ),
        _e(
            "fr",
            "Le pont a été inauguré en 1962. L'été suivant, les trains sont arrivés.",
            "L'été suivant",
            "1963-SU",
            "season",
        ),
        _e("ko", "올봄 회담이 열렸다.", "올봄", "2022-SP", "season"),
        _e("ko", "지난겨울 훈련이 있었다.", "지난겨울", "2021-WI", "season"),
        _e(
            "et",
            "Möödunud aastal kasvatati maisi, kuid vihmase suve tõttu jäi saak väikseks.",
            "suve",
            "2021-SU",
            "season",
        ),
        _e("ja", "昨秋の選挙で勝った。", "昨秋", "2021-FA", "season"),
        _e("zh", "去年夏天举行了会谈。", "去年夏天", "2021-SU", "season"),
        _e("nl", "In de zomer van 2022 lag de fabriek stil.", "zomer van 2022", "2022-SU", "season"),
        _e("pl", "Latem 2022 r. fabryka stanęła.", "Latem 2022", "2022-SU", "season"),
        _e("tr", "Geçen yaz sevkiyatlar sürdü.", "Geçen yaz", "2022-SU", "season"),
        _e("pt", "No verão passado, os envios continuaram.", "verão passado", "2022-SU", "season"),
        _e("nl", "Afgelopen zomer gingen de leveringen door.", "Afgelopen zomer", "2022-SU", "season"),
        # A year alone before the season; Arabic drops the article before what the season is of.
        _e(
            "tr",
            "2024 ilkbaharında çalışmaların bitmesi bekleniyor.",
            "2024 ilkbaharında",
            "2024-SP",
            "season",
        ),
        _e("ar", "في ربيع 2024 يفترض أن تنتهي الأشغال.", "ربيع 2024", "2024-SP", "season"),
    ],
)
@_with(_resolve_season)
def _season(w: _Words) -> str:
    seasons = _joined(w.extras.seasons.values())
    if not seasons:
        return r"(?!x)x"
    season = rf"(?P<season>{w.before}(?:{seasons})(?!\w))"
    if w.east_asian:
        # "올봄", "지난겨울", "2023년 여름", "今春", "昨秋", "去年夏天": what comes before makes it a date.
        season = rf"(?P<season>(?:{seasons}))"
        direction = rf"|(?P<direction>{w.direction_alt})\s*" if w.direction_alt else ""
        return rf"(?:{_year_lead(w)}{direction}){season}"
    # A year before the season, with its word or alone ("2024 ilkbaharında": in the spring of 2024).
    year_word = rf"{w.year_word('lead_yearword')}?" if w.year_word() else ""
    lead = [rf"{w.year()}{year_word}\s+", rf"{w.years()}\s+" if w.years_alt else ""]
    if w.direction_alt:
        lead.append(rf"(?P<direction>{w.before}(?:{w.direction_alt}))\s+")
    if w.extras.season_leads:
        lead.append(rf"(?P<season_lead>{w.before}(?:{w.extras.season_leads}))\s*")
    lead_alt = "|".join(f"(?:{x})" for x in lead if x)
    of = r"(?:(?i:de|del|di|of|van)\s+)?"
    # The year after the season: "летом 2019 года", "осенью прошлого года", "nell'autunno dello scorso
    # anno", "im Herbst vergangenen Jahres".
    years = [rf"{w.year('2')}{w.year_word()}?", w.years("relyear2") if w.years_alt else ""]
    after = rf"\s+{of}(?:{'|'.join(y for y in years if y)})"
    # "l'hiver prochain", "l'estate scorsa": the direction after the season.
    then = rf"|\s+(?P<direction2>(?:{w.direction_alt})(?!\w))" if w.vocab.direction_after else ""
    lead_alt = rf"(?:{lead_alt})?" if lead_alt else ""
    return rf"{lead_alt}{season}(?:{after}{then})?"


def _resolve_current_period(m: Match) -> Reading | None:
    """ "в конце года", "a fine mese", "nädala lõpuks", "年底", "연말": the period the sentence is in (of
    publication in news time, of the date a history is anchored on in narrative time: "В 1962 году
    ... в конце года" is the end of 1962), or of the year written before it ("지난해 연말")."""
    w = _w(m)
    word = m.groups["unit"]
    unit = w.vocab.unit_of(word) or w.extras.unit_prefixes.get(word)
    if unit is None or unit is Precision.DAY:
        return None
    if "relyear" in m.groups:
        year = _relative_year(m)
        if unit is not Precision.YEAR:
            return None
        return Reading(Precision.YEAR, date(year, 1, 1) if year else None)
    if m.now is None:
        return Reading(unit, None)
    # "지난 연말": the last one; "오는 연말": the coming end of this year.
    amount = min(_direction(m), 0)
    if m.frame is not None:
        return _beside(m.frame, unit, amount)
    return Reading(unit, relative_day(m, unit, amount))


@_spec(
    "period with modifier",
    [
        _e("et", "Asi peaks selguma nädala lõpuks.", "nädala lõpuks", "2022-W44", "week"),
        # Written as one word in Chinese, Japanese and Korean: the year or the month of publication.
        _e("zh", "该工厂将于年底投产。", "年底", "2022", "year"),
        _e("zh", "年初以来出口增长了10%。", "年初", "2022", "year"),
        _e("zh", "双方计划月底前签署协议。", "月底", "2022-11", "month"),
        _e("ja", "年末までに合意する見通しだ。", "年末", "2022", "year"),
        _e("ja", "月末に発表する予定だ。", "月末", "2022-11", "month"),
        _e("ko", "연말까지 협상을 마칠 계획이다.", "연말", "2022", "year"),
        _e("ko", "월초 발표할 예정이다.", "월초", "2022-11", "month"),
        _e("ko", "올 연말 회담이 열릴 예정이다.", "올 연말", "2022", "year"),
        _e("ko", "지난해 연말 협상이 결렬됐다.", "지난해 연말", "2021", "year"),
        _e("ko", "지난 연말 협상이 결렬됐다.", "연말", "2021", "year"),
        # The holidays at the turn of the year are no year's end: "年末" is read only in the second.
        _e("ja", "年末年始の帰省ラッシュが始まった。年末までに決める。", "年末", "2022", "year"),
        # In a history, of the year it tells of.
        _e("zh", "大桥1962年开工，年底建成通车。", "年底", "1962", "year"),
        _e("tr", "Plan yıl sonuna kadar tamamlanacak.", "yıl", "2022", "year"),
        _e("tr", "Yılın başında sevkiyatlar azdı.", "Yılın", "2022", "year"),
    ],
)
@_with(_resolve_current_period)
def _period_with_modifier(w: _Words) -> str:
    """ "nädala lõpuks" (by the end of the week), "aasta algusega", "年底", "연말": the current period,
    modified after."""
    modifiers = w.period_modifiers_after
    if modifiers and w.east_asian:
        return _period_with_modifier_east_asian(w, modifiers)
    if not modifiers or not w.unit_alt:
        return r"(?!x)x"
    return rf"(?P<unit>(?:{w.unit_alt}){w.suffix})(?=\s+(?:{modifiers})(?!\w))"


# The characters that make a word with "年" or "月" after them: "少年" (a youth), "每年" (every year),
# "学年" (the school year), "岁月" (time), "三个月" (three months). Then "年初", "月底" are no year's or
# month's start or end: "少年初中生", "三个月底".
_CJK_UNIT_COMPOUNDS = "少青新每毎多百周往早晚晩近全成老童中半长長历歷常终終学學通岁歲蜜满滿正个個カヶか"


def _period_with_modifier_east_asian(w: _Words, modifiers: str) -> str:
    """ "年底", "月初", "연말", "월초": the year's or the month's one-character word and the modifier, as
    one word (Korean spaces its words: "공연" and "말" make no year's end), a relative year before it
    ("올 연말", "지난해 연말")."""
    units = [f for f, u in w.vocab.units.items() if len(f) == 1 and u in (Precision.YEAR, Precision.MONTH)]
    alone = rf"(?<![\d\uac00-\ud7a3{_CJK_UNIT_COMPOUNDS}])"
    unit = rf"{alone}(?P<unit>{_alternation([*units, *w.extras.unit_prefixes])})"
    year = rf"(?:{w.years()}\s*)?" if w.years_alt else ""
    # Not the holidays at the turn of the year ("年末年始の帰省", "연말연시"): no end of one year.
    return rf"{year}{unit}(?=(?:{modifiers})(?!年始|연시))"


@_spec(
    "modifier and period",
    [
        _e("ru", "Решение примут в конце года.", "года", "2022", "year"),
        _e("de", "Die Lieferung kommt Ende des Monats.", "Monats", "2022-11", "month"),
        _e("uk", "Рішення ухвалять наприкінці року.", "наприкінці року", "2022", "year"),
        _e("ru", "Ремонт должен завершиться до конца года.", "до конца года", "2022", "year"),
        _e("it", "Il pagamento è previsto a fine mese.", "a fine mese", "2022-11", "month"),
        _e("it", "All'inizio dell'anno i prezzi sono saliti.", "All'inizio dell'anno", "2022", "year"),
        # In a history, of the year it tells of.
        _e(
            "ru",
            "В 1962 году мост начали строить, а в конце года его открыли.",
            "в конце года",
            "1962",
            "year",
        ),
        _e(
            "it",
            "Nel 1962 iniziarono i lavori e alla fine dell'anno il ponte fu aperto.",
            "alla fine dell'anno",
            "1962",
            "year",
        ),
        _e("pl", "Plan ma zostać ukończony do końca roku.", "roku", "2022", "year"),
        _e("pt", "No início do ano, os envios eram pequenos.", "ano", "2022", "year"),
        _e("nl", "Aan het einde van het jaar waren de leveringen groot.", "jaar", "2022", "year"),
    ],
)
@_with(_resolve_current_period)
def _modifier_period(w: _Words) -> str:
    """ "в конце года", "Ende des Monats", "à la fin de l'année": the current period, modified before."""
    if w.east_asian or not w.extras.modifiers_before or not w.unit_alt:
        return r"(?!x)x"
    article = r"(?:(?i:des|der|de\s+l'|de\s+la|du|del|dell'|della|di|de|el|la|le|l')\s*)?"
    modifiers = w.period_modifiers_before
    if not modifiers:
        return r"(?!x)x"
    return rf"(?P<lead>(?<!\w)(?:{modifiers})\s+{article})(?P<unit>(?:{w.unit_alt}){w.suffix})"


def _resolve_that_time(m: Match) -> Reading | None:
    """ "당시", "当時", "в то время", "all'epoca", "damals": the date just mentioned, at its precision;
    no date when there is none."""
    reference = m.reference()
    return Reading(reference.precision, reference.day) if reference is not None else None


@_spec(
    "that time",
    [
        _e(
            "ko", "2019년 4월 두 정상이 만났다. 당시 김 위원장은 열차로 이동했다.", "당시", "2019-04", "month"
        ),
        _e("ja", "2019年4月に会談した。当時、金氏は列車で移動した。", "当時", "2019-04", "month"),
        _e(
            "uk",
            "Правила змінили у 2022 році. Тоді ж, у березні, спростили бронювання.",
            "Тоді ж",
            "2022",
            "year",
        ),
        _e("zh", "两国领导人2019年4月会晤。当时，金正恩乘火车前往。", "当时", "2019-04", "month"),
        _e(
            "ru",
            "В апреле 2019 года лидеры встретились. В то время Ким ехал поездом.",
            "В то время",
            "2019-04",
            "month",
        ),
        _e(
            "de",
            "Im April 2019 trafen sich die beiden. Damals reiste Kim mit dem Zug.",
            "Damals",
            "2019-04",
            "month",
        ),
        _e(
            "fr",
            "En avril 2019, ils se sont vus. À l'époque, Kim voyageait en train.",
            "À l'époque",
            "2019-04",
            "month",
        ),
    ],
)
@_with(_resolve_that_time)
def _that_time(w: _Words) -> str:
    return _whole_phrases(w, w.extras.that_time)


@_spec(
    "weekend",
    [
        # Its Saturday and Sunday (published on Wednesday 2 November 2022).
        _e("ru", "В минувшие выходные прошли учения.", "В минувшие выходные", "2022-10-29", "day"),
        _e("de", "Am Wochenende demonstrierten Tausende.", "Am Wochenende", "2022-10-29", "day"),
        _e("fr", "Le ministre viendra le week-end prochain.", "le week-end prochain", "2022-11-12", "day"),
        _e("ko", "이번 주말 회담이 열린다.", "이번 주말", "2022-11-05", "day"),
        _e("zh", "上周末举行了抗议。", "上周末", "2022-10-29", "day"),
    ],
)
@_with(_resolve_weekend)
def _weekend(w: _Words) -> str:
    return _whole_phrases(w, _joined(w.extras.weekends))


@_spec(
    "same period a year earlier",
    [
        _e("ko", "3분기 수출은 전년 동기 대비 10% 늘었다.", "전년 동기", "2021-Q3", "quarter"),
        _e("zh", "第三季度出口比去年同期增长10%。", "去年同期", "2021-Q3", "quarter"),
        # After a range of months, the whole range a year before.
        _e(
            "uk",
            "За січень–травень 2024 року експорт зріс на 9% порівняно з аналогічним періодом минулого року.",
            "аналогічним періодом минулого року",
            "2023-01",
            "month",
            "2024-06-14",
        ),
        _e(
            "ru",
            "В сентябре экспорт вырос на 5% по сравнению с аналогичным периодом прошлого года.",
            "аналогичным периодом прошлого года",
            "2021-09",
            "month",
        ),
        _e(
            "de",
            "Im dritten Quartal stieg der Umsatz gegenüber dem Vorjahreszeitraum.",
            "Vorjahreszeitraum",
            "2021-Q3",
            "quarter",
        ),
        # With no period before it, the year before publication.
        _e("ja", "輸出は前年同期比10%増えた。", "前年同期", "2021", "year"),
    ],
)
@_with(_resolve_year_before_period)
def _year_before_period(w: _Words) -> str:
    return _whole_phrases(w, w.extras.year_before_period)


@_spec(
    "the day before or after",
    [
        _e(
            "ru",
            "Соглашение подписали 5 октября. Накануне прошли переговоры.",
            "Накануне",
            "2022-10-04",
            "day",
        ),
        _e("ja", "10月3日に到着し、翌日出港した。", "翌日", "2022-10-04", "day"),
        # The month before the one reported, as monthly figures compare them.
        _e("ko", "5월 산업생산은 전월 대비 1.1% 감소했다.", "전월", "2022-04", "month"),
        _e("ja", "5月の鉱工業生産は前月比1.1％低下した。", "前月", "2022-04", "month"),
        # "이날" opening a paragraph after a background is the day of the story.
        _e(
            "ko",
            "선관위는 11일 결과를 밝혔다. 2020년 4월 15일 총선의 투표율은 66.2%였다.\n\n"
            "대통령은 이날 회의를 주재했다.",
            "이날",
            "2024-04-11",
            "day",
            "2024-04-11",
        ),
        # The day written after it says which.
        _e(
            "uk",
            "Закон набуде чинності 18 травня. Застосунок запустили напередодні, 15 травня.",
            "напередодні",
            "2022-05-15",
            "day",
        ),
        _e(
            "ko",
            "북한은 5일 미사일을 쐈다. 같은 날 일본은 항의했다.",
            "같은 날",
            "2022-11-05",
            "day",
            "2022-11-07",
        ),
        _e("ko", "회담은 3일 열렸다. 그날 양측은 합의했다.", "그날", "2022-11-03", "day", "2022-11-07"),
        _e(
            "ru",
            "Договор подписан 5 октября. В тот же день начались учения.",
            "В тот же день",
            "2022-10-05",
            "day",
        ),
        _e("ru", "Переговоры прошли 5 октября. В тот день шел дождь.", "В тот день", "2022-10-05", "day"),
        _e(
            "uk", "Угоду підписали 5 жовтня. Того ж дня почалися навчання.", "Того ж дня", "2022-10-05", "day"
        ),
        _e("ja", "10月3日に到着し、同日出港した。", "同日", "2022-10-03", "day"),
        _e("ja", "10月3日に会談した。その日、両国は合意した。", "その日", "2022-10-03", "day"),
        _e("zh", "10月3日举行会谈，当天双方达成协议。", "当天", "2022-10-03", "day"),
        _e(
            "it",
            "Il vertice si è tenuto il 5 ottobre. Lo stesso giorno è arrivato.",
            "Lo stesso giorno",
            "2022-10-05",
            "day",
        ),
        _e("it", "Il 5 ottobre piovve. Quel giorno nessuno uscì.", "Quel giorno", "2022-10-05", "day"),
        _e(
            "fr",
            "Le sommet a eu lieu le 5 octobre. Le même jour, il a démissionné.",
            "Le même jour",
            "2022-10-05",
            "day",
        ),
        _e(
            "de",
            "Der Gipfel fand am 5. Oktober statt. Am selben Tag trat er zurück.",
            "Am selben Tag",
            "2022-10-05",
            "day",
        ),
        _e(
            "es",
            "La cumbre se celebró el 5 de octubre. El mismo día dimitió.",
            "El mismo día",
            "2022-10-05",
            "day",
        ),
        _e(
            "et",
            "Leping sõlmiti 5. oktoobril. Samal päeval algasid õppused.",
            "Samal päeval",
            "2022-10-05",
            "day",
        ),
        _e("ja", "2023年9月に再会し、同月、懸念が強まった。", "同月", "2023-09", "month"),
        _e(
            "ru",
            "Переговоры начались в марте 2014 года. В том же году был аннексирован Крым.",
            "В том же году",
            "2014",
            "year",
        ),
        _e(
            "pt",
            "Em 12 de outubro, o comboio partiu. No mesmo dia, Moscovo negou tudo.",
            "mesmo dia",
            "2022-10-12",
            "day",
        ),
        _e(
            "pl",
            "12 października pociąg odjechał. Tego samego dnia Moskwa wszystkiemu zaprzeczyła.",
            "Tego samego dnia",
            "2022-10-12",
            "day",
        ),
        _e(
            "tr",
            "Tren 12 Ekim'de yola çıktı. Aynı gün Moskova her şeyi reddetti.",
            "Aynı gün",
            "2022-10-12",
            "day",
        ),
        _e(
            "nl",
            "Op 12 oktober vertrok de trein. Diezelfde dag ontkende Moskou alles.",
            "Diezelfde dag",
            "2022-10-12",
            "day",
        ),
        _e(
            "id",
            "Kereta berangkat pada 5 September dan keesokan harinya tiba di Vladivostok.",
            "keesokan harinya",
            "2022-09-06",
            "day",
        ),
        _e(
            "ar",
            "وصل القطار في 1 أكتوبر. وفي اليوم نفسه نفت بيونغ يانغ الاتهامات.",
            "في اليوم نفسه",
            "2022-10-01",
            "day",
        ),
    ],
)
@_with(_resolve_anaphora)
def _anaphora(w: _Words) -> str:
    return _whole_phrases(w, _joined(w.extras.anaphora))


def _resolve_trading_day_before(m: Match) -> Reading | None:
    """ "전 거래일보다", "较上个交易日": the weekday before the session the report tells of, the latest
    weekday up to publication (Friday for a Monday's close); a comparison, no anchor."""
    if m.now is None:
        return Reading(Precision.DAY, None)
    session = m.now
    while session.weekday() >= 5:
        session -= timedelta(days=1)
    day = session - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return Reading(Precision.DAY, day, is_anchor=False)


@_spec(
    "trading day before",
    [
        # 2 November 2022 is a Wednesday; 31 March 2025 a Monday.
        _e("ko", "코스피는 전 거래일보다 1.2% 올랐다.", "전 거래일", "2022-11-01", "day"),
        _e("ko", "코스피는 전 거래일보다 3% 내렸다.", "전 거래일", "2025-03-28", "day", "2025-03-31"),
        _e("zh", "上证指数较上个交易日上涨0.93%。", "上个交易日", "2024-11-28", "day", "2024-11-29"),
        _e("ja", "日経平均は前営業日比500円高。", "前営業日", "2024-09-27", "day", "2024-09-30"),
    ],
)
@_with(_resolve_trading_day_before)
def _trading_day_before(w: _Words) -> str:
    return _whole_phrases(w, w.extras.trading_day_before)


def _whole_phrases(w: _Words, phrases: str) -> str:
    """The phrases of an extras table (an alternation), as whole words where words are spaced; never
    matching when the language has none."""
    if not phrases:
        return r"(?!x)x"
    end = "" if w.east_asian else r"(?!\w)"
    return rf"{w.before}(?:{phrases}){end}"


# A sentence end the splitter may miss: "。" or Korean "다." before the next sentence.
_CLAUSE_END = re.compile(r"[。！？!?\n]|(?<=[다요])\.\s|[.!?]\s+(?=[\"«„“]?[A-ZÀ-ÞА-ЯЁІЇЄҐ])")
# How far (in characters) from a mention its tense cues are looked for.
_CUE_WINDOW = 60
_PRESENT_WORDS_AFTER = 2
_PAST_WORDS_NEAR = 3


def _tense_reader(w: _Words):
    """The grammar's tense: the cue nearest the mention in its sentence (before it, else after it) says
    whether it speaks of the past (-1) or of what is to come (+1); none, unsure (0). Present-tense
    verbs (Estonian writes its future so) look ahead too, unless ``weak`` is False."""
    extras = w.extras
    sources = [(source, cue) for source, cue in ((extras.future_words, 1), (extras.past_words, -1)) if source]
    if extras.present_words:
        sources.append((extras.present_words, 2))
    if not sources:
        return lambda ctx, start, end, weak=True: 0
    before, after = ("", "") if w.east_asian else (r"(?<!\w)", r"(?!\w)")
    names = {f"c{index}": cue for index, (_source, cue) in enumerate(sources)}
    alternatives = (f"(?P<c{i}>{before}(?:{source}){after})" for i, (source, _c) in enumerate(sources))
    cues = re.compile("|".join(alternatives), re.IGNORECASE)
    deadline = re.compile(rf"(?<!\w)(?:{extras.deadlines})\s*$", re.IGNORECASE) if extras.deadlines else None
    deadline_after = _deadline_after(extras)
    postponed = _postponed(extras.postponed, w.east_asian)

    def tense(ctx, start: int, end: int, weak: bool = True) -> int:
        sentence_start, sentence_end = ctx.sentence_of(start, end)
        head = _CLAUSE_END.split(ctx.text[max(sentence_start, start - _CUE_WINDOW) : start])[-1]
        tail = _CLAUSE_END.split(ctx.text[end : min(sentence_end, end + _CUE_WINDOW)])[0]
        # Each cue with how many words stand between it and the mention, nearest first before it,
        # then after it.
        found = [(names[m.lastgroup], len(head[m.end() :].split()), False) for m in cues.finditer(head)]
        found.reverse()
        following = [(names[m.lastgroup], len(tail[: m.start()].split()), True) for m in cues.finditer(tail)]
        found = following + found if extras.verb_final else found + following
        if postponed is not None and postponed.search(f"{head}{_DATE}{tail}"):
            return 1  # "Саммит перенесли на март": put off to the coming March
        if (deadline is not None and deadline.search(head)) or (
            deadline_after is not None and deadline_after.match(tail)
        ):
            # "К июню поставки вырастут": by June, the coming one; "до июля поставки шли": the last.
            # The nearest verb decides: "resteranno chiuse fino a venerdì, ha detto": the future.
            return -1 if next((cue for cue, _away, _after in found if cue != 2), 1) < 0 else 1
        for cue, away, after in found:
            if w.vocab.unspaced:
                away = 0
            if cue == 2:
                # A present-tense verb is the mention's own before it or when it follows at once
                # ("reedel üritab"); further on it belongs to another clause.
                if weak and (not after or away < _PRESENT_WORDS_AFTER):
                    return 1
                continue
            if cue < 0 and away > _PAST_WORDS_NEAR:
                continue  # "examinó el informe, cuyo mandato vence el 30 de abril": another clause's verb
            return cue
        return 0

    return tense


def _deadline_after(extras: Extras) -> re.Pattern | None:
    """The words after a date that make it a deadline, a modifier of the date between ("11月底前":
    the mention's own modifier is joined to it after its reading)."""
    if not extras.deadlines_after:
        return None
    modifiers = _joined(extras.modifiers_after)
    return re.compile(rf"\s*(?:(?:{modifiers})\s*)?(?:{extras.deadlines_after})")


# Where the mention stands when a postponement's words are looked for around it.
_DATE = "\x00"


def _postponed(words: str, east_asian: bool) -> re.Pattern | None:
    """The extras' ``postponed`` words as a pattern over a mention's clause, the mention written as
    ``_DATE``."""
    if not words:
        return None
    start = "" if east_asian or words.startswith("{date}") else r"(?<!\w)"
    return re.compile(start + words.replace("{date}", _DATE), re.IGNORECASE)


# The words for "of" between a modifier and its date: "la fine dell'anno", "à la fin de l'année".
_MODIFIER_OF = r"de\s+l'|de\s+la|dell'|della|dello|degli|delle|dei|del|di|de|du|des|d'|of"


def _modifier_pattern(extras: Extras, after: bool, east_asian: bool) -> re.Pattern | None:
    table = extras.modifiers_after if after else extras.modifiers_before
    if not table:
        return None
    words = _joined(table)
    if after:
        gap = r"\s*" if east_asian else r"\s+"
        return re.compile(rf"{gap}(?P<modifier>(?i:{words}))" + ("" if east_asian else r"(?!\w)"))
    return re.compile(rf"(?<!\w)(?P<modifier>(?i:{words}))[\s-]*(?:(?i:{_MODIFIER_OF})\s*)?$")


# The rules for words the data lacks go before the data's own phrases: "tänavu" (this year) starts like
# "täna" (today), and a tie goes to the rule tried first.
_FIRST = {"year phrase": 0, "day word": 0}


class _Needing:
    """A rule's scanner that looks at a text only when it holds the word every match of the rule
    holds ("квартал", "상반기", "ранее"): most texts name no quarter, and the rule's leads (a year, "this
    year", an ordinal) would otherwise be tried at every word."""

    def __init__(self, scanner: Scanner, needed: str):
        self.scanner = scanner
        self.pattern = scanner.pattern
        self.needed = re.compile(needed, re.IGNORECASE)

    @property
    def source(self) -> str | None:
        return self.scanner.source

    def finditer(self, text: str):
        return self.scanner.finditer(text) if self.needed.search(text) else iter(())


# The word each of these rules' matches holds, by rule name.
_NEEDS = {
    "quarter": lambda w: w.extras.quarters,
    "half of the year": lambda w: _joined(w.extras.halves),
    "half of a year named": lambda w: _joined(w.extras.halves_of),
    "quarter and direction": lambda w: _joined(x for x in (w.extras.quarters, w.extras.quarter_before) if x),
    "first months of a year": lambda w: w.extras.first_months.split("{count}")[-1],
    "counted from the date before": lambda w: _joined(
        x
        for x in (w.extras.earlier_after, w.extras.later_after, w.extras.later_before, w.extras.in_before)
        if x
    ),
}


@functools.cache
def _words(language: str) -> _Words:
    vocab, extras = vocabulary(language), extras_for(language)
    if extras.units and language not in _EAST_ASIAN and not vocab.unspaced:
        # The unit words the data lacks ("pekan": week in Indonesian) count and take directions too.
        vocab = dataclasses.replace(vocab, units={**vocab.units, **extras.units})
    return _Words(language, vocab, extras)


@functools.cache
def grammar(language: str) -> Grammar:
    """The rules for ``language`` (an ISO 639-1 code dateparser has locale data for)."""
    w = _words(language)
    rules: list[Rule] = []
    for name, build, resolver, examples in sorted(_SPECS, key=lambda spec: _FIRST.get(spec[0], 1)):
        source = build(w)
        if source == r"(?!x)x":
            continue
        mine = [example for lang, example in examples if lang == language]
        built = rule(name, source, resolver, mine, languages=(language,), flags=re.IGNORECASE)
        if name in _NEEDS and (needed := _NEEDS[name](w)):
            built = dataclasses.replace(built, scanner=_Needing(built.scanner, needed))
        rules.append(built)
    extras = w.extras
    modifiers = {**extras.modifiers_before, **extras.modifiers_after}

    def modifier(words: str) -> Modifier:
        return next(
            (m for p, m in modifiers.items() if re.fullmatch(p, words, re.IGNORECASE)), Modifier.ABOUT
        )

    joining = [*extras.range_words, *(extras.between[1] if extras.between else ())]
    range_words = rf"|(?i:{_joined(re.escape(word) for word in joining)})" if joining else ""
    tense = _tense_reader(w)
    between_before = re.compile(rf"(?i:(?<!\w)(?:{extras.between[0]}))\s+$") if extras.between else None

    return Grammar(
        language=language,
        rules=tuple(rules),
        modifier_before=_modifier_pattern(extras, False, w.east_asian),
        modifier_after=_modifier_pattern(extras, True, w.east_asian),
        modifiers=modifier,
        range_join=re.compile(rf"\s*(?:-|–|—|~|～|〜{range_words})\s*"),
        between_before=between_before,
        between_words=frozenset(extras.between[1] if extras.between else ()),
        tense=tense,
        news_time=_news_time(w),
    )


def _news_time(w: _Words) -> re.Pattern:
    """The words that bring a text back from its background to the time of publication: its relative
    dates ("сегодня", "지난주"), its future and present words ("посетит", "투입한다", "する") and its
    weekdays, as in English."""
    # "Next year" or "next week" is also "the following" one in a history: its sentence's time decides
    # (``_following``).
    relative = _alternation(
        phrase for phrase, (unit, amount) in w.vocab.relative.items() if amount != 1 or unit is Precision.DAY
    )
    extras = w.extras
    words = _joined(
        x
        for x in (relative, extras.future_words, extras.present_words, extras.news_words, w.weekday_alt)
        if x
    )
    if w.east_asian:
        return re.compile(rf"(?i:{words})")
    # Stems of an inflecting language take their endings ("понедельника").
    end = r"\w*" if w.vocab.inflecting else r"(?!\w)"
    return re.compile(rf"(?<!\w)(?i:{words}){end}")
