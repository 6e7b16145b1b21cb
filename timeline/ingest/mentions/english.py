"""English: the rules for the ways English news writes dates, and the words that say past or future.

Patterns are anchored on words that only dates use (month and weekday names, "quarter", "ago", years
in a plausible context), so durations ("a two-year hiatus", "27 months") and numbers ("Resolution
2397", "COVID-19", "$1,998") never match. Underspecified dates take the most plausible year (or month,
or week) around the publication date: a bare weekday or month is the most recent one (news reports the
past) unless the words around it look ahead ("will", "next", "scheduled", "by"); a month and day is
whichever of last year's, this year's or next year's is nearer, with the same cues overriding. Without
a publication date such expressions keep their precision and get no date. Nothing reads today's date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.dates import SEASON_NAMES, SEASONS, Modifier, Precision, period_bounds
from timeline.ingest.mentions.core import (
    REFERENCE_WINDOW,
    Context,
    Example,
    Grammar,
    Match,
    Reading,
    Rule,
    beside_reference,
    century_year,
    no_longer,
    pick,
    rule,
    safe_date,
    shift,
    shift_months,
    short_year,
    weekend,
    within,
)
from timeline.ingest.mentions.parse import parse, parse_relative

# The longest stretch searched for tense cues on either side of a mention: bounded, so pathological
# single-line input stays linear.
_CUE_WINDOW = 80
# How far from publication (in days) a tense cue may place a month and day written without a year.
_TRUST_CUE_DAYS = 300
# How near publication a holiday is the one at hand, whatever the tense ("as Easter week began"); and
# how long after it, its holidays running on ("due to reopen after the Christmas holidays", written on
# 2 January), not one still two weeks off ("The parade on Thanksgiving drew crowds").
_HOLIDAY_AT_HAND_DAYS = 7
_HOLIDAY_JUST_PAST_DAYS = 14
# "a week ago", "two weeks ago" name a day; "six weeks ago", a week.
_WEEKS_AGO_AS_DAY = 2
# How many months ahead a month written without a year or a tense cue may be placed.
_UNCUED_MONTHS_AHEAD = 3

# ---------------------------------------------------------------------------------------------------
# Vocabulary


def _words(text: str) -> list[str]:
    return text.split()


_MONTHS_FULL = [calendar.month_name[i] for i in range(1, 13)]
_MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_WEEKDAYS = [calendar.day_name[i] for i in range(7)]
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ),
        start=1,
    )
}
_ORDINAL_WORDS.update({f"twenty-{w}": 20 + n for w, n in _ORDINAL_WORDS.items() if n < 10})
_ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31})
_UNITS = {w: n for n, w in enumerate(_words("zero one two three four five six seven eight nine"))}
_TEENS = {
    w: n
    for n, w in enumerate(
        _words("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"), start=10
    )
}
_TENS = {
    w: n * 10 for n, w in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"), start=2)
}
_COUNTS = {"a": 1, "an": 1, "one": 1, "several": 3, "a few": 3, "few": 3, **_UNITS, **_TEENS, **_TENS}
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "last": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
}
_QUARTERS["4th"] = 4


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Title case or upper case only: "may" is a verb, "May" and "MAY" may be the month."""
    return _alternation(words + [w.upper() for w in words])


# Regex fragments. Group names get a suffix so one pattern can hold two dates of a range.
def _month(n: str = "") -> str:
    return rf"(?P<month{n}>(?:{_cased(_MONTHS_FULL)})\b|(?:{_cased(_MONTHS_ABBR)})\b\.?)"


def _day(n: str = "") -> str:
    words = _alternation(list(_ORDINAL_WORDS))
    return rf"(?P<day{n}>[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)|(?i:{words}))\b"


_SPELLED_YEAR = (
    rf"(?i:nineteen[\s-](?:{_alternation(list(_TENS))})(?:[\s-](?:{_alternation(list(_UNITS)[1:])}))?"
    rf"|nineteen[\s-](?:{_alternation(list(_TEENS))})"
    rf"|two\sthousand(?:\s(?:and\s)?(?:{_alternation(list(_TEENS) + list(_UNITS)[1:])}))?)\b"
)


def _year(n: str = "") -> str:
    # Not glued to a word before it: "A1998", "SU2019" and hex ids are model, flight and other numbers.
    return rf"(?P<year{n}>(?<![\w$£€#.,])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)|{_SPELLED_YEAR})"


# "'98": a year by its last two digits, not the decade "'90s" nor a quote's closing mark after it.
_SHORT_YEAR = r"(?P<short_year>(?<![\w'’])['’]\d\d)(?![\w'’%]|\.\d)"
_HALF = r"(?P<half>(?i:first|second|1st|2nd|last|latter))[\s-](?i:half)(?![\w-])"
_WEEKDAY = rf"(?P<weekday>(?:{_cased(_WEEKDAYS)})\b)"
# "That summer", "the same spring": the season of the period last mentioned.
_SAME = r"(?i:that|(?:that|the)\s+same)"
_DIRECTION = r"(?P<direction>(?i:this\s+past|this\s+coming|last|next|this|past|coming|previous|following))"
_RELATIVE_YEAR = r"(?P<relative_year>(?i:(?:of\s+)?(?:last|this|next)\s+year))"
_RELATIVE_YEAR_OF_QUARTER = _RELATIVE_YEAR.replace("relative_year", "ry2")
_SEASON = r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
_COUNT = rf"(?P<count>\d{{1,3}}|(?i:{_alternation(list(_COUNTS))}))"
_ANCHOR_WORDS = r"(?P<anchor>(?i:ago|earlier|later|before(?=\s*[.,;)]|\s*$)))"
_DASH = r"\s*(?:-|–|—|\s(?i:to|through|until|till|and)\s)\s*"

# A bare number is a year only when nothing says it is a label, an amount or a count.
_LABEL_BEFORE = re.compile(
    r"\b(?i:resolutions?|committee|flight|article|section|chapter|no\.?|nos\.?|number|model|room|route|"
    r"highway|interstate|paragraph|rule|bill|order|decree|law|code|item|page|pp?\.|vol\.?|volume|issue|"
    r"unit|platoon|battalion|regiment|division|squadron|brigade|apartment|suite|box|exit|gate|pier|track|"
    r"lane|mile|serial|case|docket|form|file|patent|version|release|type|class|series|mark|mk|block|"
    r"grade|level|size|catalog|part|boeing|airbus|windows|agenda|vision|opec|g|iso|en|sr|hr|s\.|h\.r\.)"
    r"\s*$"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|(?i:percent|per\s+cent|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|hours?|hrs|h\b|local\s+time|"
    r"a\.m\.|p\.m\.|am\b|pm\b|km|kilomet|miles?|meters?|metres?|feet|foot|tons?|tonnes?|kg|barrels?|"
    r"dollars?|yen|won|euros?|pounds|yuan|rubles?|roubles?|rupees?|votes?|people|persons|troops|soldiers|"
    r"members|shares|units|cars|vehicles|cases|deaths|jobs|homes|rounds|shells|rockets|missiles|points|"
    r"to\s+(?!(?:1[0-9]|20)\d\d\b)\d))"
)
_STRONG_YEAR_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|to|through|of|during|before|after|between|and|year|fiscal|pre|post|"
    r"early|mid|late|spring|summer|autumn|fall|winter|circa|c\.)[\s-]*|[(])$"
)


_WORD = re.compile(r"[A-Za-z']+")
_WORDS_AHEAD = 6
_WORDS_AHEAD_FRONTED = 25
_FUTURE_WORDS = frozenset(
    _words(
        "will 'll shall won't wo going plan plans planning planned scheduled expected expects expect "
        "due payable next upcoming coming starting effective intends intend hope hopes aims aim tomorrow soon"
    )
)
# Modals look ahead less surely ("could be located Wednesday" is past; "would" reports a plan as often
# as it looks ahead): they count for months and days of the month, not for weekdays.
_WEAK_FUTURE_WORDS = frozenset(_words("could may might must should can would"))
# Future words that are past verbs when they follow the date: "On Friday, the team planned to leave".
_PAST_AFTER_DATE = frozenset(_words("planned"))
# "to" looks ahead after these ("set to resume Monday", "is to meet Friday").
_FUTURE_BEFORE_TO = frozenset(
    _words("set due is are ready about going forecast forecasted projected predicted likely poised slated")
)
# Right before a date these look ahead ("by Friday", "until Tuesday"), unless the clause is in the past
# ("had filed reports by Wednesday", "until Thursday, they had not called him a suspect", "by late
# summer, the trains were running").
_DEADLINE_WORDS = frozenset(_words("by until till through"))
_PAST_CLAUSE_WORDS = frozenset(_words("had hadn't already was were"))
# A verb in the past governing the deadline word is a span gone by too ("demand held up through the
# summer", "the road remained closed until Friday"), not a participle after "is" ("is closed until Friday").
_PARTICLES = frozenset(_words("up on out off open closed shut"))
_STATE_VERBS = frozenset(_words("is are am be being remain remains stay stays will would"))
# Regular verbs of a span that lasted; not those setting an end still to come ("adjourned until 6 October",
# "extended the ban until March").
_LASTED = frozenset(_words("lasted continued remained stayed persisted traded worked"))
# Future words that are nouns after a determiner ("the plan", "their hopes").
_NOUNS_TOO = frozenset(_words("plan plans hope hopes aim aims"))
# Words that follow those nouns, never the verbs: "vacation plans for the trip", "her hopes were".
_AFTER_NOUNS = frozenset(_words("for of were are was is had have and or"))
# Past forms among the verbs ending in "-eed" ("succeed", "exceed" are none).
_PAST_EED = frozenset(_words("agreed freed guaranteed decreed"))
# These words do not look ahead when the next one is: "next to the embassy".
_NOT_AHEAD_BEFORE = {"next": frozenset(_words("to door"))}
_PAST_WORDS = frozenset(
    _words(
        "was were had did ago last since earlier already been took came went made saw began fell rose won "
        "lost got gave met left held sent paid led broke found thought became brought bought sold struck "
        "spoke wrote ran hit shot grew sought kept drew threw flew knew drove rode stole chose froze woke "
        "forgot understood stood withdrew fought caught taught felt meant dealt spent built fled sank hung "
        "stuck swung laid hid shook upheld withheld arose overcame ate sat taken seen done gone written "
        "spoken shown drawn thrown flown driven stolen chosen frozen broken fallen beaten forgotten hidden "
        "risen shaken torn worn begun sunk yesterday"
    )
)
# Reporting verbs date the report, so they only say "past" right beside the date ("said Friday").
_REPORTING_WORDS = frozenset(_words("said says told reported announced added stated noted"))
# Verbs whose "that" opens the clause they report: its tense is its own ("warned that ... would").
_CLAUSE_VERBS = _REPORTING_WORDS | frozenset(
    _words("warned warns predicted predicts forecast believes believed thinks thought feared fears estimated")
)
# Words after a date that do not make it an adjective of a noun ("said Friday that", "said Friday night").
_NOT_ATTRIBUTIVE = frozenset(
    _words(
        "in on at by for from to of with that it he she they we i and or but as when after before while "
        "morning afternoon evening night the a an its his her their this these those"
    )
)
# Verbs in the present that news writes for what is scheduled: "meet separately Monday".
_SCHEDULED = frozenset(
    _words(
        "meet meets visit visits open opens begin begins start starts resume resumes vote votes "
        "travel travels arrive arrives go goes return returns reconvene reconvenes"
    )
)
# After these, a past form is a participle ("be paid Dec. 14"), which says nothing of tense.
_PARTICIPLE_AFTER = frozenset(_words("be being"))
# "-ed" adjectives and nouns that are no past verb ("a still unspecified date", "a limited offer").
_NOT_PAST = frozenset(_words("unspecified undisclosed unnamed limited united red bed need speed"))


def _tense_of(words: list[str], index: int, words_away: int, weak: bool, ahead: bool = False) -> int:
    """The tense cue of ``words[index]`` (+1 future, -1 past, 0 none), ``words_away`` from the date."""
    word = words[index].lower()
    previous = words[index - 1].lower() if index else ""
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if word == "would" and following == "be" and not weak:
        return 1  # "would be traveling to Washington Thursday": a plan reported, not a condition
    if word in _FUTURE_WORDS or (weak and word in _WEAK_FUTURE_WORDS):
        if ahead and word in _PAST_AFTER_DATE:
            return -1  # "On Friday, the government planned to pay": the plan was made that day
        noun = word in _NOUNS_TOO and (previous in _NOT_VERBS or following in _AFTER_NOUNS)
        if following in _NOT_AHEAD_BEFORE.get(word, ()) or noun:
            return 0  # "next to the embassy", "announced the plan Aug. 21", "set aside vacation plans for"
        return 1
    if word == "to" and previous in _FUTURE_BEFORE_TO:
        return 1
    if word == "for" and previous in _SET_FOR:
        return 1  # "a vote is set for Friday", "the hearing was fixed for 6 October"
    if (
        word in ("of", "for")
        and previous == "date"
        and _SET_DATE & {w.lower() for w in words[max(0, index - 5) : index]}
    ):
        return 1  # "set a provisional trial date of 6 October", "fixed a date for": the day still to come
    if word == "to" and not ahead and previous in _INFINITIVE_TAKERS and _infinitive(following):
        # "agreed to buy it in February": the date is the infinitive's, whose tense is not written.
        return _NO_CUE_FURTHER
    if word in _REPORTING_WORDS:
        return -1 if words_away <= 2 else 0
    if word in _SCHEDULED and words_away <= 4:
        return 1  # "Arafat meets Albright Monday", "the talks open on Tuesday": a schedule
    if previous in _PARTICIPLE_AFTER or word in _NOT_PAST or (word.endswith("eed") and word not in _PAST_EED):
        return 0  # "will succeed him Feb. 1", "exceed"
    if word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
        return -1
    return 0


# What ``_tense_of`` says of a word past which no cue speaks of the date.
_NO_CUE_FURTHER = 2
# Words after "to" that make it a preposition ("went to the port"), not an infinitive ("to buy").
_NOT_VERBS = frozenset(
    _words("the a an his her its their our my your this that these those some all each every any no one")
)
# Past verbs whose infinitive happens after them: "decided to admit them in March" (written in February).
_INFINITIVE_TAKERS = frozenset(
    _words(
        "agreed decided promised vowed pledged threatened offered voted asked wanted hoped tried sought "
        "refused failed arranged prepared chose moved declined urged"
    )
)
# "for" looks ahead after these: "a union vote is set for Friday".
_SET_FOR = frozenset(_words("set scheduled slated planned due fixed listed"))
# The verbs of a date being set: "set a trial date of 6 October", "gave a new date for the vote".
_SET_DATE = frozenset(_words("set fixed gave given named"))
# A postponement's new date is still to come, even after a past verb: "the vote was postponed to
# March", "talks were pushed back until early June", "delayed the launch to Friday".
_POSTPONED = frozenset(
    _words("postponed postpone postpones delayed delay delays deferred defer rescheduled adjourned")
)
# These postpone only with "back" or "off" after them ("moved back to", not "moved to Moscow").
_PUT_OFF = frozenset(_words("pushed put moved"))
_POSTPONED_TO = frozenset(_words("to until till"))
# Words that may stand between the verb and its "to": "postponed the vote to March".
_POSTPONED_REACH = 4
# Right before a date these look ahead: "could arrive as early as Tuesday".
_EARLIEST = frozenset({"as early as", "as soon as"})
# Words between a deadline and its date: "until mid-November", "by the end of May".
_BETWEEN_DEADLINE_AND_DATE = frozenset(_words("early mid late end beginning start middle of"))


# What is asked for is still to come when asked: "had asked for a trial in early June", "called for a
# vote on Friday" (the date after the event asked for, not "In June, they asked for a trial").
_REQUESTED = frozenset(
    _words("asked asking called calling pressed pressing pushed pushing sought lobbied applied")
)
_REQUESTED_EVENTS = frozenset(
    _words(
        "trial retrial hearing vote ballot meeting election referendum review inquiry summit debate talks "
        "ceasefire truce"
    )
)
_REQUESTED_BEFORE_DATE = frozenset(_words("in on by before"))
# The words a request may put between "for" and its event: "asked for a full public inquiry in May".
_REQUESTED_REACH = 4


def _requested(words: list[str]) -> bool:
    """Whether ``words`` end in a request for an event and the preposition of its date ("asked for a
    trial in")."""
    if len(words) < 4 or words[-1].lower() not in _REQUESTED_BEFORE_DATE:
        return False
    lowered = [word.lower() for word in words[-3 - _REQUESTED_REACH : -1]]
    if "for" not in lowered:
        return False
    index = len(lowered) - 1 - lowered[::-1].index("for")
    event = lowered[index + 1 :]
    return (
        index > 0
        and lowered[index - 1] in _REQUESTED
        and 2 <= len(event) <= _REQUESTED_REACH
        and event[0] in ("a", "an", "the")
        and event[-1] in _REQUESTED_EVENTS
    )


# A date set for something and then put off or called off in the past ("A plea hearing planned for 29
# November was postponed"): the plan was one of the past, and its date the nearer one.
_CALLED_OFF = frozenset(
    _words("postponed cancelled canceled adjourned delayed abandoned scrapped vacated dropped moved")
)


def _plan_called_off(before: list[str], after: list[str]) -> bool:
    return (
        len(before) >= 2
        and before[-1].lower() == "for"
        and before[-2].lower() in _SET_FOR
        and [word.lower() for word in after[:1]] in (["was"], ["were"])
        and len(after) > 1
        and after[1].lower() in _CALLED_OFF
    )


def _postponed_to(words: list[str]) -> bool:
    """Whether ``words`` end in a postponement and the "to" of its new date ("were postponed to",
    "pushed back until")."""
    if len(words) < 2 or words[-1].lower() not in _POSTPONED_TO:
        return False
    reach = [word.lower() for word in words[-1 - _POSTPONED_REACH : -1]]
    return any(
        word in _POSTPONED or (word in _PUT_OFF and reach[index + 1 : index + 2] in (["back"], ["off"]))
        for index, word in enumerate(reach)
    )


def _infinitive(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in _NOT_VERBS


def tense(ctx: Context, start: int, end: int, weak: bool = True) -> int:
    """-1 when the words around the mention speak of the past, +1 of the future, 0 when unsure.

    The nearest tense cue before the mention (back to the sentence start) decides; failing one,
    the first in the few words after it. ``weak`` lets modals ("could", "may") count as looking ahead.
    A deadline ("by", "until") looks ahead unless the sentence is in the past perfect."""
    sentence_start, sentence_end = ctx.sentence_of(start, end)
    before = _WORD.findall(ctx.text, max(sentence_start, start - _CUE_WINDOW), start)
    if _fronted(ctx.text, before, start - sentence_start <= _CUE_WINDOW, end):
        # "On Tuesday, the league plans to hold a news conference": a date opening the sentence takes
        # the tense of the clause it stands before, whose verb may be a long subject away.
        after = _WORD.findall(ctx.text, end, min(sentence_end, end + _CUE_WINDOW * 2))[:_WORDS_AHEAD_FRONTED]
    else:
        after = _WORD.findall(ctx.text, end, min(sentence_end, end + _CUE_WINDOW // 2))[:_WORDS_AHEAD]
    if _FRONTED_COMMA.match(ctx.text, end) and _RELATIVE_OPENED.search(ctx.text, sentence_start, start):
        # "The chipmaker, whose fiscal year closes on Nov. 30, said ...": the verb after the comma closing
        # the relative clause is its subject's, not the date's.
        after = []
    nearest = len(before)
    while nearest and before[nearest - 1].lower() in _BETWEEN_DEADLINE_AND_DATE:
        nearest -= 1
    if nearest > 2 and [word.lower() for word in before[nearest - 2 : nearest]] == ["at", "least"]:
        nearest -= 2  # "until at least Thursday"
    if nearest < len(before) and nearest and before[nearest - 1].lower() == "the":
        nearest -= 1
    if _postponed_to(before[:nearest]) or _requested(before[:nearest]):
        return 1
    if weak and _plan_called_off(before[:nearest], after):
        return 0
    if nearest and before[nearest - 1].lower() in _DEADLINE_WORDS:
        sentence = before[: nearest - 1] + after
        past = any(word.lower() in _PAST_CLAUSE_WORDS for word in sentence) or _governed_in_past(
            before, nearest - 2
        )
        # "The talks were set to end by Friday": a plan, still ahead.
        ahead = any(_tense_of(sentence, index, 0, False) == 1 for index in range(len(sentence)))
        return -1 if past and not ahead else 1
    if " ".join(before[-3:]).lower() in _EARLIEST:
        return 1
    for index in range(len(before) - 1, -1, -1):
        if _opens_reported_clause(ctx.text, before, index, end) and (cue := _cue_after(after, weak)):
            return cue
        if cue := _tense_of(before, index, len(before) - index, weak):
            return 0 if cue == _NO_CUE_FURTHER else cue
    return _cue_after(after, weak)


# A relative clause opened after a comma and still open at the mention.
_RELATIVE_OPENED = re.compile(r",\s+(?i:whose|which|who)\b[^,;:.]*$")


def _governed_in_past(before: list[str], index: int) -> bool:
    """Whether the verb at ``before[index]`` (a particle after it skipped) is in the past and governs the
    deadline word after it: "held up through", "remained closed until", not "is closed until"."""
    if index > 0 and before[index].lower() in _PARTICLES:
        index -= 1
    if index < 0:
        return False
    word = before[index].lower()
    previous = before[index - 1].lower() if index else ""
    if previous in _STATE_VERBS or previous == "to":
        return False
    return (
        word in _PAST_WORDS - {"last", "since", "earlier", "already", "ago", "yesterday"} or word in _LASTED
    )


def _cue_after(after: list[str], weak: bool) -> int:
    for index in range(len(after)):
        if cue := _tense_of(after, index, index + 1, weak, ahead=True):
            return cue
    return 0


def _opens_reported_clause(text: str, before: list[str], index: int, end: int) -> bool:
    """Whether ``before[index]`` opens the clause a verb of saying reports, whose own verb after the
    mention holds its tense: "warned that bookings for the summer would stay weak", "said
    third-quarter results, due on Nov. 6, would show" (the mention before a noun, not "said Friday")."""
    word = before[index].lower()
    if word == "that":
        return index > 0 and before[index - 1].lower() in _CLAUSE_VERBS
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    attributive = following is not None and following.group().islower()
    attributive = attributive and following.group() not in _NOT_ATTRIBUTIVE
    return index == len(before) - 1 and word in _REPORTING_WORDS and attributive


# Words that may stand before a date opening a sentence ("On Friday,", "Late in January,").
_OPENERS = frozenset(_words("on in by since late early later earlier mid then and but also"))
_FRONTED_COMMA = re.compile(r"[ \t]*,")


def _fronted(text: str, before: list[str], whole: bool, end: int) -> bool:
    """Whether the mention opens its sentence and a comma closes it: "On Friday, ...". ``before`` are
    the words read before it, ``whole`` whether they reach back to the sentence start."""
    return (
        whole
        and len(before) <= 2
        and all(word.lower() in _OPENERS for word in before)
        and _FRONTED_COMMA.match(text, end) is not None
    )


def _number(text: str) -> int | None:
    """A cardinal or ordinal written in digits or words ("12", "12th", "twelfth", "a few")."""
    word = " ".join(text.lower().split())
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    return _ORDINAL_WORDS.get(word, _COUNTS.get(word))


def _year_number(text: str) -> int:
    """A year in digits or words ("1998", "nineteen ninety-eight", "two thousand and one")."""
    if text[:1].isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.lower())
    if words[0] == "two":
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_UNITS.get(w, _TEENS.get(w, 0)) for w in rest)
    rest = words[1:]
    return 1900 + sum(_TENS.get(w, _TEENS.get(w, _UNITS.get(w, 0))) for w in rest)


# Directions read from the period the text last mentioned, not from publication ("the following March").
_ANAPHORIC_DIRECTION = frozenset({"previous", "following"})


def _from_reference(m: Match, word: str | None) -> bool:
    """Whether a direction counts from the period last mentioned: always for "previous" and
    "following", and for "next" in narrative time ("In 1950 it opened. Next spring, ...")."""
    return word in _ANAPHORIC_DIRECTION or (_DIRECTION_SHIFT.get(word, 0) > 0 and m.narrative)


_DIRECTION_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "following": 1,
    "this": 0,
    "before": -1,
    "after": 1,
    "prior": -1,
    "earlier": -1,
    "later": 1,
}


def _direction_word(groups: dict[str, str | None]) -> str | None:
    word = groups.get("direction")
    return " ".join(word.lower().split()) if word else None


def _relative_year(m: Match) -> int | None:
    """The year given by "last year", "this year", "next year", or None: counted from publication, in
    narrative time too ("A review in the spring of 2022 found it, and in March of last year ...")."""
    phrase = m.groups.get("relative_year", "").lower()
    offset = -1 if "last" in phrase else 1 if "next" in phrase else 0
    return m.published.year + offset if m.published else None


def _read_month(word: str) -> int | None:
    """The month dateparser reads in a month name as written ("Sept.", "JANUARY")."""
    read = parse(f"1 {word.rstrip('.')} 2000", "en")
    return read[0].month if read else None


def _read_day(word: str, day: int, year: int) -> date | None:
    """dateparser's reading of a day of the month named as written, in the year the rules chose."""
    read = parse(f"{day} {word.rstrip('.')} {year}", "en")
    return read[0] if read and read[0].day == day else None


# After "and", "or" or a comma, a month name is a date when a month was just written: "in March and
# April", "March, April and May" (not "Tom and April").
_JOINED = r"(?:(?<=\band )|(?<=\bor )|(?<=, ))(?P<joined>)"
_MONTH_BEFORE = re.compile(
    rf"\b(?:{_cased(_MONTHS_FULL)})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s*,)?\s+(?:(?i:and|or)\s+)?$"
)


def _resolve_joined_month(m: Match) -> Reading | None:
    if "joined" in m.groups and not _MONTH_BEFORE.search(m.ctx.text, max(0, m.start - 30), m.start):
        return None
    return _resolve_calendar(m)


# Nouns of what a month's name before them counts or holds ("January passenger numbers", "the
# November election"): the month is a date there with no preposition before it.
_FIGURES_NOUN = (
    r"(?:sales|figures|numbers|data|results|output|production|exports|imports|deliveries|shipments|"
    r"inflation|payrolls?|traffic|elections?|deadline|vote|meeting|summit|survey|reading|estimates?)\b"
)


def _resolve_month_before_figures(m: Match) -> Reading | None:
    """ "January passenger numbers": the month, placed as one after a cue; not "May" opening a
    sentence, which may be the verb."""
    if m.groups["month"] == "May" and m.ctx.sentence_of(m.start, m.end)[0] == m.start:
        return None
    return _resolve_calendar(m)


def _resolve_calendar(m: Match) -> Reading | None:
    """Dates written with a month name and/or day and/or year, possibly as a range of two. dateparser
    reads the month and the day; the rules choose the year when none is written."""
    groups = m.groups
    precision = Precision.DAY if "day" in groups else Precision.MONTH
    month = _read_month(groups["month"])
    if month is None:
        return None
    day_number = _number(groups["day"]) if "day" in groups else 1
    if day_number is None or not 1 <= day_number <= 31:
        return None
    until = None
    if "year" in groups or "relative_year" in groups or "short_year" in groups:
        year = _year_number(groups["year"]) if "year" in groups else _short_or_relative_year(m)
        if year is None:
            return Reading(precision, None)
        start = safe_date(year, month, day_number)
        stated = True
    else:
        if m.now is None:
            return Reading(precision, None, year_stated=False)
        start = _place_in_year(m, month, day_number, precision)
        stated = False
    if start is None:
        return None
    start = _read_day(groups["month"], start.day, start.year)
    if start is None:
        return None
    if "day2" in groups or "month2" in groups:
        until = _range_end(groups, start)
        if until is None:
            return None
    return Reading(precision, start, until, year_stated=stated)


def _resolve_months_to(m: Match) -> Reading | None:
    """ "the three months to September", "the 12 months ending in March 2023", "the year to June": the
    months counted back from the one named, as a range of months; the named one placed as a month is."""
    count = 12 if "year_to" in m.groups else _number(m.groups["count"])
    if count is None or not 2 <= count <= 24:
        return None
    end = _resolve_calendar(m)
    if end is None or end.day is None:
        return end
    return Reading(Precision.MONTH, shift_months(end.day, 1 - count), end.day, year_stated=end.year_stated)


def _place_in_year(m: Match, month: int, day: int, precision: Precision) -> date | None:
    """The year of a month (and day) written without one, from direction words or tense."""
    word = _direction_word(m.groups)
    if word == "this":
        return safe_date(m.now.year, month, day)
    candidates = [d for k in (-1, 0, 1) if (d := safe_date(m.now.year + k, month, day))]
    if "weekday" in m.groups:
        # "Monday, Oct. 26": the year in which that day is that weekday.
        weekday = _WEEKDAYS.index(m.groups["weekday"].title())
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    if _from_reference(m, word):
        placed = beside_reference(
            m, lambda year: safe_date(year, month, day), precision, _DIRECTION_SHIFT[word]
        )
        if placed is not None:
            return placed
    if precision is Precision.MONTH and word is None and not m.narrative:
        season = m.reference()
        if season is not None and season.precision is Precision.SEASON:
            # "By the following spring she was throwing mugs ... It was a Friday in April": a month of
            # the season just mentioned is that season's.
            months = [shift_months(season.day, k) for k in range(3)]
            held = [day for day in months if day.month == month]
            if held:
                return safe_date(held[0].year, month, day)
    now = period_bounds(m.now, precision)[0]
    if word in _DIRECTION_SHIFT:
        return pick(candidates, now, _DIRECTION_SHIFT[word], strict=True)
    direction = m.tense()
    if precision is Precision.DAY and direction == 0 and not m.narrative and _scheduled_far(m, direction):
        direction = 1  # "Voters go to the polls on Nov. 3": the schedule's verb, a few words before
    if precision is Precision.MONTH and direction == 0 and not m.narrative:
        # News reports the past, but a month written with no cue within the next quarter is most often
        # one on the calendar ahead ("talks resume in January", written in late October).
        ahead = pick(candidates, now, 1, strict=True)
        soon = (
            ahead is not None
            and (ahead.year - now.year) * 12 + ahead.month - now.month <= _UNCUED_MONTHS_AHEAD
        )
        direction = 1 if soon else -1
    chosen = pick(candidates, now, direction)
    far = chosen is not None and abs((chosen - now).days) > _TRUST_CUE_DAYS
    if (
        far
        and not m.narrative
        and (precision is Precision.DAY or direction > 0)
        and not _scheduled_far(m, direction)
    ):
        # Tense cues are rough; a day they put most of a year away, or a month they put most of a year
        # ahead ("sales this year through August", written in October), is likelier the nearer one.
        return pick(candidates, now, 0)
    return chosen


def _scheduled_far(m: Match, direction: int) -> bool:
    """Whether a day is set ahead by a schedule's verb or "will" right before it ("Voters go to the polls
    on Nov. 3", "will be held on Nov. 3", written in January), however far ahead; not by a deadline or a
    modal ("by Jan. 14", "would produce aid ... the Aug. 7 blasts")."""
    if direction < 0 or "day" not in m.groups:
        return False
    sentence_start, _ = m.ctx.sentence_of(m.start, m.end)
    before = _WORD.findall(m.ctx.text, max(sentence_start, m.start - _CUE_WINDOW), m.start)[-6:]
    return any(word.lower() in _SCHEDULED or word.lower() == "will" for word in before)


def _range_end(groups: dict[str, str], start: date) -> date | None:
    """The end of "18-19 Nov", "Nov. 18-Nov. 19" or "Nov - Dec": in the start's year, or the next."""
    month = _read_month(groups["month2"]) if "month2" in groups else start.month
    if month is None:
        return None
    day = _number(groups["day2"]) if "day2" in groups else 1
    if day is None:
        return None
    end = safe_date(start.year, month, day)
    if end is not None and end < start:
        end = safe_date(start.year + 1, month, day)
    return end


def _resolve_day_of_month(m: Match) -> Reading | None:
    """ "on the 22nd", "the 15th of last month": a day of the current, last or next month."""
    day = _number(m.groups["day"])
    if day is None or not 1 <= day <= 31:
        return None
    if m.now is None:
        return Reading(Precision.DAY, None)
    shift = {"last": -1, "this": 0, "next": 1}.get((m.groups.get("month_direction") or "").lower())
    if shift is not None:
        first = shift_months(m.now, shift)
        start = safe_date(first.year, first.month, day)
        return Reading(Precision.DAY, start) if start else None
    frame = m.frame
    if frame is not None and not no_longer(frame.precision, Precision.MONTH):
        return Reading(Precision.DAY, None)  # "In 1950 ... On the 4th": of which month, the text does not say
    candidates = [d for k in (-1, 0, 1) if (d := safe_date((f := shift_months(m.now, k)).year, f.month, day))]
    direction = m.tense() or -1
    return Reading(Precision.DAY, pick(candidates, m.now, direction))


def _resolve_numeric(m: Match) -> Reading | None:
    """ "11/02/89", "2022-11-18", "19980303": numbers in month/day/year (or ISO) order."""
    groups = m.groups
    first, second, year = int(groups["num_month"]), int(groups["num_day"]), groups["num_year"]
    month, day = (first, second) if first <= 12 else (second, first)
    full_year = int(year) if len(year) == 4 else century_year(int(year), m.now)
    start = safe_date(full_year, month, day)
    return Reading(Precision.DAY, start) if start else None


def _resolve_bare_year(m: Match) -> Reading | None:
    """A number alone is a year only in a year-like context ("in 2017", "(2009)", "the 1996 bombing")."""
    year = _year_number(m.groups["year"])
    text = m.ctx.text
    before = text[max(0, m.start - 20) : m.start]
    if _LABEL_BEFORE.search(before) or _UNIT_AFTER.match(text, m.end):
        return None
    strong = _STRONG_YEAR_CUE.search(before) is not None
    # "nineteen ninety-six" can only be a year; "two thousand" may be a count.
    spelled_count = m.groups["year"][:1].lower() == "t"
    if not strong and (year < 1900 or spelled_count):
        return None
    if (
        not strong
        and re.match(r"\s+[a-z]+s\b", text[m.end : m.end + 30])
        and not re.search(r"(?i:\b(?:the|its|his|her|their|this|that|a)\s*|'s\s*)$", before)
    ):
        return None
    return Reading(Precision.YEAR, date(year, 1, 1))


# Spans of years: up to this many years apart with no more said, up to the longer when the words before
# say they are years ("records covering the years 1860–1967").
_SPAN_YEARS = 50
_LONG_SPAN_YEARS = 200
_YEARS_BEFORE = re.compile(r"\b(?i:years|period|era)\s+$")


def _short_or_relative_year(m: Match) -> int | None:
    """The year of "'98" or of "last year"."""
    if "short_year" in m.groups:
        return short_year(int(m.groups["short_year"][-2:]), m.published)
    return _relative_year(m)


def _resolve_short_year(m: Match) -> Reading | None:
    """ "in '08", "the class of '98": a year in its last two digits after an apostrophe."""
    return Reading(Precision.YEAR, date(_short_or_relative_year(m), 1, 1))


def _resolve_year_range(m: Match) -> Reading | None:
    """ "2016-17", "1991-1997": a span of years (the second may drop its century)."""
    first = _year_number(m.groups["year"])
    second_text = m.groups["year2"]
    second = int(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
    before = m.ctx.text[max(0, m.start - 20) : m.start]
    if _LABEL_BEFORE.search(before) or not first < second <= first + _LONG_SPAN_YEARS:
        return None
    if second > first + _SPAN_YEARS and not _long_span(m, before):
        return None
    return Reading(Precision.YEAR, date(first, 1, 1), date(second, 1, 1))


def _long_span(m: Match, before: str) -> bool:
    """Whether a span of more years than a range of figures usually holds ("1500-2000 troops") is one of
    years: said so before it ("the years 1860–1967", "from", "(") and no unit after it."""
    cued = _STRONG_YEAR_CUE.search(before) or _YEARS_BEFORE.search(before)
    return bool(cued) and not _UNIT_AFTER.match(m.ctx.text, m.end)


def _resolve_decade(m: Match) -> Reading | None:
    """ "the 1990s", "the '90s", "the nineties"."""
    groups = m.groups
    if "century" in groups:
        return Reading(Precision.DECADE, date(int(groups["century"] + groups["decade"]) * 10, 1, 1))
    digit = int(groups["decade"]) if "decade" in groups else _DECADE_WORDS[groups["decade_word"].lower()]
    published = m.published
    if published is None:
        return Reading(Precision.DECADE, date(1900 + digit * 10, 1, 1))
    latest = published.year - published.year % 100 + digit * 10
    year = latest if latest <= published.year else latest - 100
    return Reading(Precision.DECADE, date(year, 1, 1))


def _resolve_turn_of_century(m: Match) -> Reading | None:
    """ "the turn of the century" (the turn nearest the date just mentioned, or publication's), "the turn
    of the 20th century" (1900), "of the last century", "of the millennium": about that year."""
    groups = m.groups
    if "nth_century" in groups:
        return Reading(
            Precision.YEAR, date((int(groups["nth_century"]) - 1) * 100, 1, 1), modifier=Modifier.ABOUT
        )
    reference = m.reference() if "century_direction" not in groups else None
    base = reference.day if reference is not None else m.now
    if base is None:
        return Reading(Precision.YEAR, None, modifier=Modifier.ABOUT)
    span = 1000 if groups["turn_of"].lower() == "millennium" else 100
    year = (base.year + span // 2) // span * span
    if "century_direction" in groups:
        turned = base.year // span * span  # the turn this century began with
        year = turned + span * {"last": -1, "this": 0, "next": 1}[groups["century_direction"].lower()]
    return Reading(Precision.YEAR, date(max(year, 1), 1, 1), modifier=Modifier.ABOUT)


# "in his 80s", "temperatures in the 70s": ages and degrees, not decades.
_AGE_BEFORE = re.compile(
    r"(?i:\b(?:his|her|their|my|your|our|its|whose)\s+(?:(?:early|mid|late)[\s-]*)?|\b(?:aged?|ages)\s+"
    r"|(?:temperatures?|highs?|lows?|degrees)\b.{0,20})$"
)
_DEGREES_AFTER = re.compile(r"\s*(?:°|(?i:degrees|fahrenheit|celsius|f\b|c\b))")


def _resolve_short_decade(m: Match) -> Reading | None:
    """ "the 70s", "80s": a decade of the century nearest before publication, not an age or degrees."""
    before = m.ctx.text[max(0, m.start - 30) : m.start]
    if _AGE_BEFORE.search(before) or _DEGREES_AFTER.match(m.ctx.text, m.end):
        return None
    return _resolve_decade(m)


_WEEKS_ON = {"a week": 1, "a fortnight": 2, "two weeks": 2}


def _resolve_week_on(m: Match) -> Reading | None:
    """ "a week on Wednesday", "a fortnight on Saturday": that many weeks after the coming weekday."""
    if m.now is None:
        return Reading(Precision.DAY, None)
    weekday = _WEEKDAYS.index(m.groups["weekday"].title())
    coming = m.now + timedelta(days=(weekday - m.now.weekday()) % 7 or 7)
    weeks = _WEEKS_ON[" ".join(m.groups["weeks"].lower().split())]
    return Reading(Precision.DAY, coming + timedelta(weeks=weeks))


# "a Friday in April", "every Monday.", not "a Friday deadline" (the one at hand).
_ANY_WEEKDAY_BEFORE = re.compile(r"\b(?i:a|every|each)\s+$")
_ANY_WEEKDAY_AFTER = re.compile(r"\s+(?:in|of|when)\b|[.,;]")


def _resolve_weekday(m: Match) -> Reading | None:
    """ "Wednesday" (the latest on or before publication unless the words look ahead), "next Friday"."""
    if _ANY_WEEKDAY_BEFORE.search(m.ctx.text, max(0, m.start - 7), m.start) and _ANY_WEEKDAY_AFTER.match(
        m.ctx.text, m.end
    ):
        return None  # "It was a Friday in April", "every Monday.": no day in particular
    if m.now is None:
        return Reading(Precision.DAY, None)
    weekday = _WEEKDAYS.index(m.groups["weekday"].title())
    # dateparser gives the latest such day on or before publication; the rules choose the week
    # (``parse.CORRECTIONS``, "weekday placed by the rules").
    read = parse_relative(m.groups["weekday"].title(), "en", m.now)
    latest = read[0] if read and read[0].weekday() == weekday else None
    if latest is None:
        latest = m.now - timedelta(days=(m.now.weekday() - weekday) % 7)
    candidates = [latest + timedelta(days=7 * k) for k in (-1, 0, 1)]
    word = _direction_word(m.groups)
    if word in ("previous", "following") and (reference := m.reference(Precision.DAY)) is not None:
        # "the previous Friday": the one before the day just mentioned.
        step = -1 if word == "previous" else 1
        days = ((weekday - reference.day.weekday()) * step) % 7 or 7
        return Reading(Precision.DAY, reference.day + timedelta(days=days * step))
    if word == "this":
        monday = m.now - timedelta(days=m.now.weekday())
        return Reading(Precision.DAY, monday + timedelta(days=weekday))
    if word in _DIRECTION_SHIFT:
        return Reading(Precision.DAY, pick(candidates, m.now, _DIRECTION_SHIFT[word], strict=True))
    return Reading(Precision.DAY, pick(candidates, m.now, m.tense(weak=False) or -1))


_UNIT_PRECISION = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "weekend": Precision.WEEK,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
}


def _unit(m: Match) -> Precision:
    if "part_of_day" in m.groups:
        return Precision.DAY
    return _UNIT_PRECISION[(m.groups.get("unit") or m.groups["unit2"]).lower().rstrip("s")]


def _resolve_this_period(m: Match) -> Reading | None:
    """ "last month", "this week", "next year", "the current quarter": the period of the publication
    date, or the one before or after it."""
    precision = _unit(m)
    if m.groups["unit"].istitle():
        return None  # "This Week", a programme's name
    if m.now is None:
        return Reading(precision, None)
    word = _direction_word(m.groups) or "this"
    qualifier = m.groups.get("qualifier", "").lower()
    amount = -1 if "latest" in qualifier else 0 if qualifier else _DIRECTION_SHIFT.get(word, 0)
    if precision in (Precision.WEEK, Precision.MONTH, Precision.YEAR) and amount in (-1, 1):
        # dateparser reads "last month", "next week"; quarters, decades and "this" it does not.
        read = parse_relative(f"{'last' if amount < 0 else 'next'} {precision.value}", "en", m.now)
        if read is not None and read[1] is precision:
            return Reading(precision, period_bounds(read[0], precision)[0])
    return Reading(precision, shift(m.now, precision, amount))


def _resolve_the_period(m: Match) -> Reading | None:
    """ "later in the year", "the end of the decade": the period of publication in news time; in
    narrative time the one the story has reached, the end of a span just told ("served from 1949 to
    1952, and by the end of the decade" is the 1950s); a decade just named is "the decade"."""
    precision, frame = _unit(m), m.frame
    decade = m.reference(Precision.DECADE) if precision is Precision.DECADE else None
    if decade is not None and (frame is None or shift(frame.day, precision, 0) == decade.day):
        return Reading(precision, decade.day)  # "in the early 1990s, and by the middle of the decade"
    if frame is not None and frame.until is not None:
        return Reading(precision, shift(frame.until, precision, 0))
    if precision is Precision.YEAR and m.groups["lead"].split()[0].lower() in ("earlier", "later"):
        year = _year_told_of(m)
        if year is not None:
            return Reading(precision, date(year, 1, 1))
    return _resolve_this_period(m)


def _year_told_of(m: Match) -> int | None:
    """The year of the date just mentioned, when the text named that year in a date of its own and it is
    not publication's: "On Sept. 13, 2023, ... by November ... that month, after two failures earlier in
    the year" is 2023 (not "last month ... later in the year", this year's, written in January)."""
    reference = m.reference()
    if reference is None or m.now is None or not no_longer(reference.precision, Precision.YEAR):
        return None
    year = reference.day.year
    if year == m.now.year:
        return None
    named = [reading for start, _, reading in m.ctx.absolute if start < m.start and reading.day is not None]
    return year if named and named[-1].day.year == year else None


def _resolve_year_end(m: Match) -> Reading | None:
    """ "year-end", "by year's end": the end of the current year."""
    if m.now is None:
        return Reading(Precision.YEAR, None, modifier=Modifier.LATE)
    return Reading(Precision.YEAR, date(m.now.year, 1, 1), modifier=Modifier.LATE)


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _resolve_day_word(m: Match) -> Reading | None:
    """ "yesterday", "today", "tomorrow", "tonight" — not "USA Today", a name."""
    if _inside_name(m):
        return None
    if m.now is None:
        return Reading(Precision.DAY, None)
    word = m.groups["day_word"].lower()
    read = parse_relative(word, "en", m.now) if word != "tonight" else None
    day = read[0] if read else m.now + timedelta(days=_DAY_WORDS[word])
    # "the day before yesterday", "the day after tomorrow": one day further the same way.
    if beyond := m.groups.get("beyond"):
        day += timedelta(days=-1 if "before" in beyond.lower() else 1)
    return Reading(Precision.DAY, day)


def _inside_name(m: Match) -> bool:
    """Whether a capitalised word follows another mid-sentence, as in a name ("VOA Today")."""
    before = m.ctx.text[max(0, m.start - 30) : m.start]
    return m.ctx.text[m.start].isupper() and re.search(r"[A-Z]\w*\s+$", before) is not None


def _resolve_ago(m: Match) -> Reading | None:
    """ "two years ago" from the publication date; "a year earlier" from the period just mentioned.

    Earnings copy compares quarters: "profit rose from a year earlier" after "the third quarter"
    means the third quarter of the year before, so a quarter mentioned just before sets the unit."""
    count = _number(m.groups["count"])
    if count is None or count > 200:
        return None
    return _ago(m, count, _unit(m), m.groups["anchor"].lower())


def _resolve_year_earlier(m: Match) -> Reading | None:
    """ "year-earlier results", "the year-ago profit": a year before the period just mentioned."""
    return _ago(m, 1, Precision.YEAR, "earlier")


def _quarter_reference(m: Match) -> Reading | None:
    """The quarter mentioned last: a quarter, or three months written as one ("the three months to
    September", "the July-September period") when they come after it."""
    quarter = m.reference(Precision.QUARTER)
    for start, reading in reversed(m.ctx.earlier):
        if m.start - start > REFERENCE_WINDOW or reading is quarter:
            break
        day, until = reading.day, reading.until
        three_months = day is not None and until is not None and shift_months(day, 2) == until
        if reading.precision is Precision.MONTH and reading.is_anchor and three_months and day.month % 3 == 1:
            return Reading(Precision.QUARTER, day)
    return quarter


def _ago(m: Match, count: int, precision: Precision, anchor_word: str) -> Reading | None:
    quarter = _quarter_reference(m)
    if quarter is not None and m.now is not None and quarter.day > m.now:
        quarter = None  # a quarter still to come is not the one being reported
    if quarter is not None and _reports_months(m):
        quarter = None  # "For the nine months, net rose from a year earlier": not the quarter
    if precision is Precision.YEAR and count == 1 and quarter is not None:
        return Reading(Precision.QUARTER, shift(quarter.day, Precision.QUARTER, -4), is_anchor=False)
    base = m.reference() if anchor_word in ("earlier", "later") else None
    anchor = base.day if base else m.now
    if anchor is None or (anchor_word == "later" and base is None and m.tense() <= 0):
        # "Two days later, the ship sank" with no date before: later than what is not said; from now
        # only where the sentence looks ahead ("A year later the plant will close").
        return Reading(precision, None)
    sign = 1 if anchor_word == "later" else -1
    day_counted = precision is Precision.WEEK and count <= _WEEKS_AGO_AS_DAY
    if base is not None and not no_longer(base.precision, Precision.DAY if day_counted else precision):
        # "By 1945 the war was over. A month later, ...": which month is not known; no guess at one.
        return Reading(Precision.DAY if day_counted else precision, None)
    if day_counted:
        # "a week ago", "two weeks earlier": the day so many weeks away, as TimeML values it.
        return Reading(Precision.DAY, anchor + timedelta(weeks=count * sign), is_anchor=base is None)
    unit = Precision.YEAR if precision is Precision.DECADE else precision
    amount = count * (10 if precision is Precision.DECADE else 1) * sign
    return Reading(unit, shift(anchor, unit, amount), is_anchor=base is None)


def _resolve_anaphoric(m: Match) -> Reading | None:
    """ "that day", "the previous day", "later that month", "the following year": the period of the
    mention just before, or the one before or after it; the publication date when there is none."""
    precision = _unit(m)
    if precision is Precision.DECADE and m.groups.get("direction", "").lower() == "next":
        return None  # "over the next decade": the one to come, read as "next year" is
    # In narrative time the anchor, if the period holds it ("14 July 1934 ... later that month" is July
    # 1934); in news time the period last mentioned, so that an aside ("the war began on Feb. 24")
    # does not take "later that month" from the month the article reports.
    frame = m.frame
    if frame is not None and within(frame.precision, precision):
        reference = frame
        m.counted_from_text = True
    else:
        reference = _anaphora_reference(m, precision)
    anchor = reference.day if reference else m.now
    if anchor is None or (reference is not None and not no_longer(reference.precision, precision)):
        return Reading(precision, None)  # "In 1962 ... the following week": which week is not known
    word = _direction_word(m.groups) or " ".join(m.groups.get("direction2", "this").lower().split())
    amount = _DIRECTION_SHIFT.get(word, 0)
    return Reading(precision, shift(anchor, precision, amount))


def _anaphora_reference(m: Match, precision: Precision) -> Reading | None:
    """The mention "that month", "the same year"... refers to in news time: the latest one, if its period
    holds it and it moves the story on ("Last month, ... results, due on Nov. 6. The same month, ..." is
    November); else the period last mentioned, so that an aside going back in time ("... in September,
    in the war that began on Feb. 24. In a statement issued later that month") is passed over."""
    latest = m.reference()
    same = m.reference(precision)
    moves_on = latest is not None and (same is None or latest.day >= same.day)
    if moves_on and within(latest.precision, precision):
        return latest
    if same is None and precision is Precision.WEEK and m.frame is None:
        return None  # in news time from publication, as a day: "charged last summer ... the previous week"
    return same or (latest if precision is not Precision.DAY else None)


def _resolve_that_time(m: Match) -> Reading | None:
    """ "at that time", "at the time", "since that time", "until then": the date mentioned just before;
    not a date when there is none ("by the time he left" is no mention of one)."""
    if "the_time" in m.groups and m.ctx.text[m.start - 3 : m.start].lower() != "at ":
        return None
    reference = m.reference()
    return Reading(reference.precision, reference.day) if reference is not None else None


_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}


def _resolve_weekday_of_month(m: Match) -> Reading | None:
    """ "the last Saturday of August", "the first Tuesday in November 2020": that day of the month, in
    the year a month named so would be in."""
    month = _resolve_calendar(m)
    if month is None or month.day is None:
        return Reading(Precision.DAY, None) if month is not None else None
    weekday = _WEEKDAYS.index(m.groups["nth_weekday"].title())
    first = month.day.replace(day=1)
    days = [first + timedelta(days=n) for n in range(31) if (first + timedelta(days=n)).month == first.month]
    return Reading(Precision.DAY, [d for d in days if d.weekday() == weekday][_NTH[m.groups["nth"].lower()]])


def _resolve_day_in_apposition(m: Match) -> Reading | None:
    """ "Oct. 12, the day before the market fell": the day just written, which the words describe."""
    reference = m.reference(Precision.DAY)
    return Reading(Precision.DAY, reference.day, is_anchor=False) if reference is not None else None


def _resolve_day_of_run(m: Match) -> Reading | None:
    """ "It's the second day of an offensive", "today is the eighth straight day": the day the text is
    written on, whichever day of the run it is."""
    return Reading(Precision.DAY, m.now)


def _resolve_weekend(m: Match) -> Reading | None:
    """ "the weekend", "last weekend", "this coming weekend", "that weekend", "the following weekend"."""
    word = _direction_word(m.groups)
    if "that" in m.groups or word in _ANAPHORIC_DIRECTION:
        reference = m.reference(Precision.DAY)
        return weekend(m, _DIRECTION_SHIFT.get(word, 0), reference) if reference else None
    if word in ("coming", "this coming"):
        return weekend(m, 0)  # the one still to come this week
    return weekend(m, _DIRECTION_SHIFT.get(word, 0) if word else None)


def _reported_since(m: Match, reference: Reading) -> bool:
    """Whether a reporting word stands between the mention ``reference`` read and this one: "Lentz, who
    took over in mid-2021, said it expects a profit in the second half of the year" speaks of the year
    of the report, not of 2021."""
    start = next((start for start, reading in reversed(m.ctx.earlier) if reading is reference), m.start)
    return _REPORTED.search(m.ctx.text, start, m.start) is not None


def _resolve_half(m: Match) -> Reading | None:
    """ "the first half of 2023", "the second half of the year", "last year's first half": the six
    months of a half of the year, as a range of months. "Of the year" is the year of the date last
    mentioned, or publication's; a half with no year named is this year's once it has begun."""
    groups = m.groups
    first = 1 if (groups.get("half") or groups["half2"]).lower() in ("first", "1st") else 7
    stated = groups.get("year") or groups.get("year2")
    relative = groups.get("relative_year") or groups.get("ry2")
    if stated:
        year = _year_number(stated)
    elif m.now is None:
        return Reading(Precision.MONTH, None)
    elif relative:
        year = m.now.year + (-1 if "last" in relative.lower() else 1 if "next" in relative.lower() else 0)
    elif (
        "of_the_year" in groups
        and (reference := m.reference()) is not None
        and not _reported_since(m, reference)
    ):
        year = reference.day.year
    else:
        year = m.now.year
        if date(year, first, 1) > m.now and m.tense() <= 0:
            year -= 1
    return Reading(Precision.MONTH, date(year, first, 1), date(year, first + 5, 1))


def _resolve_quarter(m: Match) -> Reading | None:
    """ "the third quarter", "third-quarter", "Q3 2022", "this year's first quarter", "the quarter"."""
    groups = m.groups
    written = groups.get("q") or groups.get("q2") or groups.get("q3")
    number = int(written) if written else _QUARTERS.get(groups.get("quarter", "").lower())
    stated_year = groups.get("year") or groups.get("year2") or groups.get("year3")
    year = _year_number(stated_year) if stated_year else None
    relative = groups.get("relative_year") or groups.get("ry2")
    if year is None and relative:
        if m.now is None:
            return Reading(Precision.QUARTER, None)
        year = m.now.year + (-1 if "last" in relative.lower() else 1 if "next" in relative.lower() else 0)
    if year is not None:
        return Reading(Precision.QUARTER, date(year, number * 3 - 2, 1))
    if m.now is None:
        return Reading(Precision.QUARTER, None)
    # Companies report a quarter after it ends: "the third quarter" is this year's once it has begun,
    # last year's before then unless the words look ahead.
    start = date(m.now.year, number * 3 - 2, 1)
    if start > m.now and m.tense() <= 0:
        start = date(m.now.year - 1, number * 3 - 2, 1)
    return Reading(Precision.QUARTER, start)


# What else "the same period" may be: a month, a season or a year.
_PERIODS = frozenset({Precision.MONTH, Precision.SEASON, Precision.YEAR})


def _resolve_named_quarter(m: Match) -> Reading | None:
    """ "the quarter", "the latest period", "this quarter", "the year-earlier quarter", "the 1988 period":
    the quarter being reported (the one mentioned last, else the one before publication), or the
    same quarter a year before."""
    reference = _quarter_reference(m)
    if "year" in m.groups:
        year = int(m.groups["year"])
        if reference is None or _reports_months(m):
            return Reading(Precision.YEAR, date(year, 1, 1))
        return Reading(Precision.QUARTER, reference.day.replace(year=year), is_anchor=False)
    name = m.groups["quarter_name"].lower()
    if reference is not None and m.now is not None and reference.day > m.now:
        reference = None  # a quarter still to come is not the one being reported
    ended = reference is None or m.now is None or period_bounds(reference.day, Precision.QUARTER)[1] < m.now
    if not ended and re.search(r"latest|most\s+recent", name):
        reference = None  # "the latest quarter" is one that has ended, not the one forecast
    if reference is None and "period" in name and (other := m.reference()) and other.precision in _PERIODS:
        # "sales in March rose from the same period a year earlier": the month mentioned, a year before.
        if re.search(r"year[\s-](?:earlier|ago)|prior[\s-]year|last\s+year", name):
            return Reading(other.precision, shift_months(other.day, -12), is_anchor=False)
        return Reading(other.precision, other.day)
    if reference is not None:
        anchor = reference.day
    elif m.now is not None:
        anchor = shift(m.now, Precision.QUARTER, 0 if name.startswith("this") else -1)
    else:
        return Reading(Precision.QUARTER, None)
    if re.search(r"year[\s-](?:earlier|ago)|prior[\s-]year|last\s+year", name):
        return Reading(Precision.QUARTER, shift(anchor, Precision.QUARTER, -4), is_anchor=False)
    return Reading(Precision.QUARTER, anchor)


# A period of results longer than a quarter: "for the nine months", "in the first half", "fiscal year".
_MONTHS_REPORTED = re.compile(
    r"\b(?:(?:nine|six|9|6)[\s-]months?|first\s+half|fiscal\s+year|year\s+to\s+date|for\s+the\s+year)\b", re.I
)


def _reports_months(m: Match) -> bool:
    """Whether the sentence, before the mention, reports on a period longer than a quarter: its "a year
    earlier" or "the 1988 period" is then not a quarter."""
    sentence_start, _ = m.ctx.sentence_of(m.start, m.end)
    return _MONTHS_REPORTED.search(m.ctx.text, sentence_start, m.start) is not None


# "and that autumn they fought": a clause joined on and opened by the season, as its subject after it
# shows; "prices fell and that winter demand was weak" is what was said.
_JOINED_CLAUSE = re.compile(r"\b(?i:and|but|then)\s+$")
_SUBJECT_AFTER = re.compile(r"\s+(?:(?i:it|he|she|they|we|the|its|his|her|their)\b|[A-Z])")
# "paid the arrears that autumn but appealed": the season ends its clause, as the conjunction after it
# shows; "said that summer sales rose" has a noun after it.
_CLAUSE_AFTER = re.compile(r"\s+(?:but|and|when|before|after|while|until)\b")


def _resolve_season(m: Match) -> Reading | None:
    """ "summer 2022", "last fall", "this winter", "in the spring": a season, by default the latest."""
    code = SEASON_NAMES[m.groups["season"].lower()]
    opens_sentence = m.ctx.sentence_of(m.start, m.end)[0] == m.start
    named = re.match(r"\s+[A-Z][a-z]", m.ctx.text[m.end : m.end + 3]) is not None  # "Summer Haddad said"
    if not {"year", "short_year", "direction", "lead", "that"} & m.groups.keys() and (
        named or not opens_sentence
    ):
        return None
    if "of_year" in m.groups:
        return _season_of_year_mentioned(m, code)
    if "year" in m.groups or "short_year" in m.groups:
        year = _year_number(m.groups["year"]) if "year" in m.groups else _short_or_relative_year(m)
        if "second_year" in m.groups and int(m.groups["second_year"][-2:]) != (year + 1) % 100:
            return None  # not the two years a season spans
        return Reading(Precision.SEASON, date(year, SEASONS[code], 1))
    if "that2" in m.groups or " " in m.groups.get("that", ""):
        return _season_of_reference(m, code)  # "in that winter", "the same spring"
    if "that" in m.groups:
        # "That summer it lost Kursk", "it lost Kursk that summer.", "and that autumn they fought", not
        # "said that summer sales rose".
        before = m.ctx.text[max(0, m.start - 6) : m.start]
        after = m.ctx.text[m.end : m.end + 1]
        joined = _JOINED_CLAUSE.search(before) and _SUBJECT_AFTER.match(m.ctx.text, m.end)
        if not (
            opens_sentence
            or joined
            or re.search(r"[;:,]\s*$", before)
            or re.match(r"[.,;:!?)]|$", after)
            or _CLAUSE_AFTER.match(m.ctx.text, m.end)
        ):
            return None
        return _season_of_reference(m, code)
    if m.now is None:
        return Reading(Precision.SEASON, None)
    candidates = [date(m.now.year + k, SEASONS[code], 1) for k in (-2, -1, 0, 1)]
    now = period_bounds(m.now, Precision.SEASON)[0]
    word = _direction_word(m.groups)
    if word == "this":
        # The current season if it is that one, else that season of the publication year.
        current = date(m.now.year, SEASONS[code], 1)
        return Reading(
            Precision.SEASON,
            now if period_bounds(now, Precision.SEASON)[0].month == SEASONS[code] else current,
        )
    if _from_reference(m, word):
        placed = beside_reference(
            m, lambda year: date(year, SEASONS[code], 1), Precision.SEASON, _DIRECTION_SHIFT[word]
        )
        if placed is not None:
            return Reading(Precision.SEASON, placed)
        reference = m.reference()
        if _DIRECTION_SHIFT[word] < 0 and reference is not None and reference.precision is Precision.YEAR:
            # "anything like 2022 ... the previous winter": the one that began in the year before it.
            return Reading(Precision.SEASON, date(reference.day.year - 1, SEASONS[code], 1))
    if word in _DIRECTION_SHIFT:
        return Reading(Precision.SEASON, pick(candidates, now, _DIRECTION_SHIFT[word], strict=True))
    return Reading(Precision.SEASON, pick(candidates, now, m.tense() or -1))


def _season_of_year_mentioned(m: Match, code: str) -> Reading:
    """ "the autumn of that year", "the spring of the following year": the season of the year last
    mentioned, or of the one after or before it; of publication's year when the text mentioned none."""
    reference = m.reference()
    base = reference.day if reference is not None else m.now
    if base is None:
        return Reading(Precision.SEASON, None)
    word = m.groups["of_year"].split()[-1].lower()
    year = base.year + {"following": 1, "next": 1, "previous": -1}.get(word, 0)
    return Reading(Precision.SEASON, date(year, SEASONS[code], 1))


def _season_of_reference(m: Match, code: str) -> Reading:
    """ "In May 1943 ... That summer": the season of that name holding the period last mentioned, or of
    its year; of publication's when the text mentioned none."""
    reference = m.reference()
    base = reference.day if reference is not None else m.now
    if base is None:
        return Reading(Precision.SEASON, None)
    if reference is not None and not no_longer(reference.precision, Precision.MONTH):
        return Reading(Precision.SEASON, date(base.year, SEASONS[code], 1))  # "in 1998 ... that winter"
    published = m.published
    if (
        reference is not None
        and published is not None
        and date(base.year, SEASONS[code], 1) > published
        and m.tense() < 0
    ):
        # "in 1989 ... she recalled on Tuesday. That summer she rented a room": a past season of a day
        # of the coming months is not the one meant, but that of the year mentioned before it.
        for start, earlier in reversed(m.ctx.earlier):
            if m.start - start > REFERENCE_WINDOW:
                break
            if earlier.day is not None and earlier.is_anchor and earlier.precision is Precision.YEAR:
                if date(earlier.day.year, SEASONS[code], 1) <= published:
                    m.counted_from_text = True
                    return Reading(Precision.SEASON, date(earlier.day.year, SEASONS[code], 1))
                break
    for year in (base.year - 1, base.year):
        start = date(year, SEASONS[code], 1)
        first, last = period_bounds(start, Precision.SEASON)
        if first <= base <= last:
            return Reading(Precision.SEASON, start)
    return Reading(Precision.SEASON, date(base.year, SEASONS[code], 1))


def _resolve_fiscal(m: Match) -> Reading | None:
    """ "fiscal 1998", "fiscal 98": the fiscal year named by its (ending) calendar year."""
    year = m.groups["fiscal_year"]
    number = int(year) if len(year) == 4 else century_year(int(year), m.now)
    return Reading(Precision.YEAR, date(number, 1, 1))


def _resolve_week_of(m: Match) -> Reading | None:
    """ "the week of March 8": the week holding that day."""
    reading = _resolve_calendar(m)
    if reading is None:
        return None
    return Reading(Precision.WEEK, reading.day)


def _resolve_holiday(m: Match) -> Reading | None:
    """Christmas, New Year's Day, Thanksgiving...: the nearest one, unless the words say otherwise."""
    name = " ".join(m.groups["holiday"].lower().replace("'s", "").replace(".", "").split())
    if m.now is None and "year" not in m.groups:
        return Reading(Precision.DAY, None)
    years = [_year_number(m.groups["year"])] if "year" in m.groups else [m.now.year + k for k in (-1, 0, 1)]
    candidates = [d for year in years if (d := _holiday_date(name, year))]
    # "Easter week", "Holy Week": the week ending on Easter Sunday.
    precision = Precision.WEEK if name.endswith("week") else Precision.DAY
    if len(candidates) == 1:
        return Reading(precision, candidates[0])
    word = _direction_word(m.groups)
    direction = _DIRECTION_SHIFT.get(word, 0) if word else m.tense()
    chosen = pick(candidates, m.now, direction, strict=bool(word and word != "this"))
    if not word and not m.narrative and chosen and abs((chosen - m.now).days) > _TRUST_CUE_DAYS:
        # "as Easter week began", a week before Easter: the holiday at hand, not last year's. One
        # further off than that stays the tense's ("On Christmas Day the guns fell silent").
        nearest = pick(candidates, m.now, 0)
        if nearest and -_HOLIDAY_JUST_PAST_DAYS <= (nearest - m.now).days <= _HOLIDAY_AT_HAND_DAYS:
            chosen = nearest
    return Reading(precision, chosen)


# How near the year's turn "the new year" is the one to come (October on) or the one begun (to March).
_NEW_YEAR_AHEAD_FROM = 10
_NEW_YEAR_BEGUN_UNTIL = 3


def _resolve_new_year(m: Match) -> Reading | None:
    """ "into the new year", "since the New Year": the year about to begin late in a year, the one just
    begun early in it, and between them the next one only where the words look ahead; in a history
    told by the year, the year after it."""
    now = m.now
    if now is None:
        return Reading(Precision.YEAR, None)
    frame = m.frame
    if (frame is not None and frame.precision is Precision.YEAR) or now.month >= _NEW_YEAR_AHEAD_FROM:
        ahead = True
    elif now.month <= _NEW_YEAR_BEGUN_UNTIL:
        ahead = False
    else:
        ahead = m.tense() > 0
    return Reading(Precision.YEAR, date(now.year + ahead, 1, 1))


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    if n > 0:
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "boxing day": lambda y: date(y, 12, 26),
    "st patrick day": lambda y: date(y, 3, 17),
    "new year day": lambda y: date(y, 1, 1),
    "new year eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "valentine day": lambda y: date(y, 2, 14),
    "halloween": lambda y: date(y, 10, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    # The shopping days after Thanksgiving, which news names as often as the holiday.
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "easter week": _easter,
    "holy week": _easter,
}


def _holiday_date(name: str, year: int) -> date | None:
    maker = _HOLIDAYS.get(name)
    return maker(year) if maker and 1 <= year <= 9998 else None


# ---------------------------------------------------------------------------------------------------
# The rules: one pattern per way of writing a date, with the resolver that reads it.


_THE = r"(?:(?i:the)\s+)?"
_UNIT_WORD = r"(?P<unit>(?i:day|week|weekend|month|quarter|year|decade)s?)"
_PREPOSITION_BEFORE_DAY = (
    r"(?P<lead>\b(?i:on|since|until|till|by|from|to|through|before|after|as\s+of)\s+)(?i:the)\s+"
)
_HOLIDAY_NAMES = (
    r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|St\.?\s+Patrick's\s+Day|"
    r"New\s+Year'?s?(?:\s+(?:Day|Eve))|Independence\s+Day|"
    r"Valentine'?s\s+Day|Halloween|Thanksgiving(?:\s+Day)?|Black\s+Friday|Cyber\s+Monday|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
    r"Good\s+Friday|Easter(?:\s+(?:Sunday|Monday|[Ww]eek))?|Holy\s+Week)\b"
)

RULES: list[Rule] = [
    # Numeric forms.
    rule(
        "ISO date",
        r"(?<![\d/-])(?P<num_year>\d{4})[-/](?P<num_month>[01]\d)[-/](?P<num_day>[0-3]\d)(?![\d])",
        _resolve_numeric,
        examples=[
            Example("The file is dated 2022-11-18 in the log.", "2022-11-18", "2022-11-18", "day"),
            Example("The vote is on 2022/12/03.", "2022/12/03", "2022-12-03", "day"),
        ],
    ),
    rule(
        "slashed date",
        r"(?<![\d/.])(?P<num_month>[01]?\d)/(?P<num_day>[0-3]?\d)/(?P<num_year>\d{4}|\d\d)(?![\d/])",
        _resolve_numeric,
        examples=[Example("The form is dated 11/02/89.", "11/02/89", "1989-11-02", "day")],
    ),
    rule(
        "compact date",
        r"(?<![\d.,$-])(?P<num_year>(?:19|20)\d\d)(?P<num_month>[01]\d)(?P<num_day>[0-3]\d)(?![\d.,])",
        _resolve_numeric,
        examples=[Example("Filed as 19980303 in the register.", "19980303", "1998-03-03", "day")],
    ),
    # Month names, with day and year in either order, and ranges between two of them.
    rule(
        "month day range",
        rf"{_month()}\s+{_day()}{_DASH}(?:{_month('2')}\s+)?{_day('2')}(?:,?\s+{_year()})?",
        _resolve_calendar,
        examples=[
            Example(
                "Railcars moved on Nov. 18-Nov. 19, 2022 to the border.",
                "Nov. 18-Nov. 19, 2022",
                "2022-11-18",
                "day",
            )
        ],
    ),
    rule(
        "day range month",
        rf"{_day()}{_DASH}{_day('2')}\s+(?:(?i:of)\s+)?{_month()}(?:,?\s+{_year()})?",
        _resolve_calendar,
        examples=[Example("The fair ran 18–19 November.", "18–19 November", "2022-11-18", "day")],
    ),
    rule(
        "weekday month day",
        rf"(?:{_WEEKDAY},?\s+)?(?:{_DIRECTION}\s+)?{_month()}\s+{_day()}(?:,?\s+(?:{_year()}|{_RELATIVE_YEAR}))?",
        _resolve_calendar,
        examples=[
            Example("It was signed on January 20, 2023.", "January 20, 2023", "2023-01-20", "day"),
            Example("The vote is on Sept. 13 next year.", "Sept. 13 next year", "2023-09-13", "day"),
            Example("The photo was released on Jan. 20.", "Jan. 20", "2022-01-20", "day"),
            # An irregular participle is as past as "released".
            Example("The images, taken Jan. 19, show trains.", "Jan. 19", "2022-01-19", "day", "2022-11-10"),
            # "succeed" is no past form, nor "the plan" a future cue.
            Example("He will succeed Daniel P. Davison Feb. 1.", "Feb. 1", "2023-02-01", "day"),
            # A schedule's day may lie most of a year ahead.
            Example("Voters go to the polls on Nov. 3.", "Nov. 3", "2026-11-03", "day", "2026-01-02"),
            Example("The election will be held on Nov. 3.", "Nov. 3", "2026-11-03", "day", "2026-01-02"),
            Example("The thrift announced the plan Aug. 21.", "Aug. 21", "2022-08-21", "day"),
            # The verb after the comma closing a relative clause is its subject's, not the date's.
            Example(
                "The firm, whose fiscal year closes on Nov. 30, said it expects more.",
                "Nov. 30",
                "2022-11-30",
                "day",
                "2022-09-25",
            ),
            Example(
                "The firm, which reported on Sept. 3, said it expects more.",
                "Sept. 3",
                "2022-09-03",
                "day",
                "2022-09-25",
            ),
        ],
    ),
    rule(
        "day month",
        rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?{_day()}\s+(?:(?i:of)\s+)?{_month()}"
        rf"(?:,?\s+(?:{_year()}|{_RELATIVE_YEAR}))?",
        _resolve_calendar,
        examples=[
            Example(
                "It was signed on the 20th of January, 2023.",
                "the 20th of January, 2023",
                "2023-01-20",
                "day",
            ),
            # A plan put off in the past: the nearer day.
            Example(
                "A hearing planned for 29 November was postponed.",
                "29 November",
                "2024-11-29",
                "day",
                "2025-02-21",
            ),
            # A date set for something is still to come, whatever the verbs after it.
            Example(
                "She set a trial date of 6 October and adjourned it.",
                "6 October",
                "2023-10-06",
                "day",
                "2023-02-21",
            ),
        ],
    ),
    rule(
        "month range year",
        rf"{_month()}{_DASH}{_month('2')},?\s+{_year()}",
        _resolve_calendar,
        examples=[
            Example("Sales rose in September-October 2021.", "September-October 2021", "2021-09", "month")
        ],
    ),
    rule(
        "month range",
        rf"{_month()}\s?[-–]\s?{_month('2')}(?!\s*,?\s*(?:\d|(?i:of)\b))",
        _resolve_calendar,
        examples=[
            # The year its tense gives, as a month alone.
            Example("Profit fell in the October-December period.", "October-December", "2022-10", "month"),
            Example("Sales should rise in the May-June season.", "May-June", "2023-05", "month"),
        ],
    ),
    rule(
        "months to month",
        rf"{_THE}(?:(?P<count>\d{{1,2}}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen))"
        r"[\s-](?i:months?)|(?<=\b[Tt]he\s)(?P<year_to>(?i:year)))"
        # Not the day a fiscal period ends ("the year ended Sept. 30"), which is a date of its own.
        rf"\s+(?i:to|ending|ended|through)\s+(?:(?i:in)\s+)?{_month()}(?!\.?\s*\d{{1,2}}(?!\d))(?:,?\s+{_year()})?",
        _resolve_months_to,
        examples=[
            # As statistics offices write a period: the months up to and including the one named.
            Example(
                "GDP grew 0.1% in the three months to September.",
                "the three months to September",
                "2022-07",
                "month",
            ),
            Example("Prices rose 4% in the year to March 2021.", "year to March 2021", "2020-04", "month"),
        ],
    ),
    rule(
        "month year",
        rf"{_month()},?\s+(?:(?i:of)\s+)?(?:{_year()}|{_SHORT_YEAR})",
        _resolve_calendar,
        examples=[
            Example("They met in November 2021.", "November 2021", "2021-11", "month"),
            Example("Sales fell in December '21.", "December '21", "2021-12", "month"),
        ],
    ),
    rule(
        "month relative year",
        rf"{_month()},?\s+{_RELATIVE_YEAR}",
        _resolve_calendar,
        examples=[
            Example("Talks stalled in March last year.", "March last year", "2021-03", "month"),
            # Of publication's last year, after a date of another year in the sentence too.
            Example(
                "A review in the spring of 2019 found it, and in March of last year it was cut.",
                "March of last year",
                "2021-03",
                "month",
            ),
        ],
    ),
    rule(
        "direction month",
        rf"{_DIRECTION}\s+(?P<month>{_cased(_MONTHS_FULL)})\b",
        _resolve_calendar,
        examples=[
            Example("Prices rose last March.", "last March", "2022-03", "month"),
            # "previous", "following": from the period last mentioned.
            Example(
                "In 2019, talks failed. The following March, the border closed.",
                "following March",
                "2020-03",
                "month",
            ),
        ],
    ),
    rule(
        "month after cue",
        rf"(?:(?P<lead>\b(?i:in|since|until|till|by|from|to|through|during|before|after|early|mid|late|of|"
        rf"around|between|last|next|this|the|a|for|that|its|their|our|end(?=-)|"
        # "as early as June"; a superlative, "the warmest February since 1998".
        rf"(?:early|late|soon)\s+as|(?:the|its|their|our)\s+[a-z]{{2,}}est)[\s-]+)|{_JOINED})"
        rf"(?P<month>{_cased(_MONTHS_FULL)})\b(?!\s+\d)",
        _resolve_joined_month,
        examples=[
            Example("The ships docked in September.", "September", "2022-09", "month"),
            Example("A vote could come as early as June.", "June", "2023-06", "month"),
            Example("It was the warmest February since 1998.", "February", "2022-02", "month"),
            # A future cue looks ahead; with no cue, a month within the next quarter is the coming one.
            Example("Chrysler wants to close them by early June.", "June", "2009-06", "month", "2009-05-14"),
            Example("The talks resume in January.", "January", "2023-01", "month", "2022-10-25"),
            # A history that has not yet spoken of the present runs on from its dates, past a paragraph;
            # once news time or a report is spoken of, the month is the publication's.
            Example(
                "The first cases were confirmed on 2 March 2020.\n\nThe wave peaked in April.",
                "April",
                "2020-04",
                "month",
                "2023-11-20",
            ),
            Example(
                "The firm said on Tuesday it would cut jobs. It listed on 2 March 2020.\n\nIt rose in April.",
                "April",
                "2023-04",
                "month",
                "2023-11-20",
            ),
            # A postponement's new date is still to come, after a past verb too.
            Example("The summit was postponed to March.", "March", "2023-03", "month", "2022-11-10"),
            Example("The vote was pushed back until early June.", "June", "2023-06", "month", "2022-11-10"),
            # So is what is asked for.
            Example("They had asked for a trial in early June.", "June", "2025-06", "month", "2025-02-21"),
            Example("He moved to Moscow in March.", "March", "2022-03", "month", "2022-11-10"),
            # "that December" in a history: the month after the date the story has reached.
            Example(
                "The war broke out in 1861. The next year it spread, and that December Burnside attacked.",
                "December",
                "1862-12",
                "month",
            ),
            # "end-March", as "mid-March": late March.
            Example("Output peaked end-March.", "end-March", "2022-03", "month", "2022-11-10"),
            # A narrative opened by a date runs on past the dates its sentences name inside them.
            Example(
                "In November 1950, Chinese troops entered the war. Talks began on 10 July 1951 at Kaesong. "
                "They moved to Panmunjom in October.",
                "October",
                "1951-10",
                "month",
            ),
            Example(
                "In January, a week after the anniversary of the court's decision, a bombing killed a guard.",
                "January",
                "2022-01",
                "month",
                "2022-10-25",
            ),
            Example("The board decided to admit them in March.", "March", "2023-03", "month", "2023-02-10"),
            # After a possessive, the month of what it holds: "its November forecasts".
            Example("Its November forecasts show a rise.", "November", "2022-11", "month", "2022-11-15"),
            Example("The strike began in December.", "December", "2022-12", "month", "2023-01-10"),
            # Narrative time: a background sentence opened by an absolute date anchors the ones after it.
            Example("In 1950, the plant opened. In June, it hired staff.", "June", "1950-06", "month"),
            Example(
                "He graduated in 1975, and in September he joined the ministry.",
                "September",
                "1975-09",
                "month",
            ),
            Example(
                "The yard was founded in 1950. In June, a slipway was finished.", "June", "1950-06", "month"
            ),
            # A next sentence in the past goes on from a month of another year to a later one of that year,
            Example(
                "The charity went into administration in March 2019. Its staff were made redundant in April.",
                "April",
                "2019-04",
                "month",
            ),
            # ... not back to an earlier one, which is news time again.
            Example(
                "Inflation peaked in October 2019. It fell sharply in April.", "April", "2022-04", "month"
            ),
            # ... but not one about a date still to come.
            Example(
                "It would fund programs through fiscal 2026. In December, negotiators came close to a deal.",
                "December",
                "2023-12",
                "month",
                "2024-03-14",
            ),
            # ... and so does a date counted from the one before it, a new paragraph's too.
            Example(
                "In 1942 it fought at Gazala.\n\nThe following year it crossed to Sicily, and in July it "
                "took Catania.",
                "July",
                "1943-07",
                "month",
            ),
            # Joined to a month before it: "in March and April", "between January and September".
            Example("Prices rose in March and April.", "April", "2022-04", "month"),
            Example("Pay rose in the July-to-September period.", "July-to-September", "2022-07", "month"),
            Example("Prices rose in March, April and May.", "April", "2022-04", "month"),
        ],
    ),
    rule(
        "month before its figures",
        rf"(?P<month>{_cased(_MONTHS_FULL)})\b(?=(?:'s)?(?:\s+[a-z]+)?\s+{_FIGURES_NOUN})",
        _resolve_month_before_figures,
        examples=[
            # A month naming what was counted or held in it, without a word before it.
            Example("It said January passenger numbers fell.", "January", "2022-01", "month"),
            Example("Officials said October's export figures were weak.", "October", "2022-10", "month"),
        ],
    ),
    rule(
        "month heading",
        rf"(?m:^[ \t]*)(?P<month>{_cased(_MONTHS_FULL)})(?=[ \t]*[–—-][ \t])",
        _resolve_calendar,
        examples=[
            # A timeline's line under the heading of its year.
            Example("1991\nDecember – The Soviet Union dissolves.", "December", "1991-12", "month"),
        ],
    ),
    rule(
        "day of relative month",
        rf"(?i:the)\s+{_day()}\s+(?i:of)\s+(?P<month_direction>(?i:last|this|next))\s+(?i:month)",
        _resolve_day_of_month,
        examples=[
            Example("It was sent on the 15th of last month.", "the 15th of last month", "2022-10-15", "day")
        ],
    ),
    rule(
        "day of month",
        rf"{_PREPOSITION_BEFORE_DAY}{_day()}"
        r"(?=\s*(?:[,.;:)(]|$|(?i:local|by|at|in|when|and|or|to|that|with|from|for|as|after|before|of)\b))",
        _resolve_day_of_month,
        examples=[
            Example("The talks resumed on the 22nd, officials said.", "22nd", "2022-10-22", "day"),
            # In a history of a year, which month's day is not said.
            Example("In 1950 the yard opened. On the 4th, it launched a ship.", "4th", None, "day"),
        ],
    ),
    rule(
        "week of",
        rf"(?i:the\s+week\s+of)\s+{_month()}\s+{_day()}(?:,?\s+{_year()})?",
        _resolve_week_of,
        examples=[
            Example(
                "Shipments resumed the week of March 8, 2021.",
                "the week of March 8, 2021",
                "2021-W10",
                "week",
            )
        ],
    ),
    # Years, decades, quarters, seasons.
    rule(
        "fiscal year",
        r"(?:(?i:fiscal(?:\s+year)?)\s+|\bFY\s?)(?P<fiscal_year>(?:19|20)\d\d|'?\d\d)\b",
        _resolve_fiscal,
        examples=[
            Example("In fiscal 1998, it lost money.", "fiscal 1998", "1998", "year"),
            Example("Results for FY2023 were strong.", "FY2023", "2023", "year"),
        ],
    ),
    rule(
        "year range",
        rf"{_year()}\s*[-–]\s*(?P<year2>(?:19|20)?\d\d)(?![\d%])",
        _resolve_year_range,
        examples=[
            Example("It was renovated in 1998-99.", "1998-99", "1998", "year"),
            Example("Its records cover the years 1860–1967.", "1860–1967", "1860", "year"),
        ],
    ),
    rule(
        "decade",
        r"(?:(?i:the)\s+)?(?:(?P<century>1\d|20)|')(?P<decade>\d)0'?s\b",
        _resolve_decade,
        examples=[Example("Prices fell in the 1990s.", "the 1990s", "199", "decade")],
    ),
    rule(
        "turn of the century",
        r"(?:(?i:the)\s+)?(?i:turn)\s+(?i:of)\s+(?i:the)\s+(?:(?P<nth_century>1\d|2[01]|[1-9])(?i:st|nd|rd|th)\s+|"
        r"(?P<century_direction>(?i:last|this|next))\s+)?(?P<turn_of>(?i:century|millennium))\b",
        _resolve_turn_of_century,
        examples=[
            # The year a century turns, about: the turn nearest the date last mentioned, or publication.
            Example(
                "It was raised in the 1860s, and by the turn of the century it had 900 men.",
                "the turn of the century",
                "1900",
                "year",
            ),
            Example(
                "Fashions at the turn of the 20th century.", "the turn of the 20th century", "1900", "year"
            ),
            Example(
                "The mill closed at the turn of the millennium.", "the turn of the millennium", "2000", "year"
            ),
        ],
    ),
    rule(
        "decade in two digits",
        r"(?:(?i:the)\s+)?(?<![\w$£€#.,'-])(?P<decade>[1-9])0s\b",
        _resolve_short_decade,
        examples=[
            Example("Prices soared in the 70s.", "the 70s", "197", "decade"),
            Example("In the 80s it failed.", "the 80s", "198", "decade"),
        ],
    ),
    rule(
        "decade in words",
        r"(?i:the)\s+(?P<decade_word>(?i:twenties|thirties|forties|fifties|sixties|"
        r"seventies|eighties|nineties))\b",
        _resolve_decade,
        examples=[Example("The plant was built in the sixties.", "the sixties", "196", "decade")],
    ),
    rule(
        "quarter",
        rf"{_THE}(?:(?P<year>(?:19|20)\d\d)(?:'s)?\s+|{_RELATIVE_YEAR}'s\s+|(?i:fiscal)\s+)?"
        rf"(?P<quarter>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th|last(?=[\s-]quarter\s+of\s)))"
        rf"[\s-](?:(?i:fiscal)[\s-])?"
        r"(?i:quarter)(?![\w-])"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?:{_year('2')}|{_RELATIVE_YEAR_OF_QUARTER}))?",
        _resolve_quarter,
        examples=[
            Example(
                "Results for the third quarter of 2021 were flat.",
                "the third quarter of 2021",
                "2021-Q3",
                "quarter",
            ),
            Example(
                "Sales fell in the final quarter of 2009.", "the final quarter of 2009", "2009-Q4", "quarter"
            ),
            Example(
                "Sales fell in the last quarter of 2009.", "the last quarter of 2009", "2009-Q4", "quarter"
            ),
            # Before a noun, a date after "said" takes the tense of the clause reported, not the saying's.
            Example(
                "Analysts said third-quarter results, due in November, would show a recovery.",
                "third-quarter",
                "2023-Q3",
                "quarter",
                "2023-03-14",
            ),
        ],
    ),
    rule(
        "half of the year",
        rf"{_THE}(?:(?:(?P<year>(?:19|20)\d\d)(?:'s)?\s+|{_RELATIVE_YEAR}'s\s+){_HALF}"
        rf"|{_HALF.replace('half>', 'half2>')}\s+(?i:of)\s+(?:(?i:fiscal)\s+)?"
        rf"(?:{_year('2')}|{_RELATIVE_YEAR_OF_QUARTER}|(?P<of_the_year>(?i:the)\s+year)\b))",
        _resolve_half,
        examples=[
            Example("Sales rose in the first half of 2023.", "the first half of 2023", "2023-01", "month"),
            Example("Profit fell in last year's first half.", "last year's first half", "2021-01", "month"),
            Example(
                "Output fell in the second half of last year.",
                "the second half of last year",
                "2021-07",
                "month",
            ),
            Example(
                "The plant opened in March 1999 and in the second half of the year it doubled output.",
                "the second half of the year",
                "1999-07",
                "month",
            ),
            # A report between them is of its own year.
            Example(
                "Lentz, who took over in mid-2019, said it expects a profit in the second half of the year.",
                "the second half of the year",
                "2022-07",
                "month",
            ),
        ],
    ),
    rule(
        "Q quarter",
        r"\b(?:Q(?P<q>[1-4])(?:\s+(?P<year>(?:19|20)\d\d))?|(?P<year2>(?:19|20)\d\d)[\s-]?Q(?P<q2>[1-4])"
        r"|(?P<q3>[1-4])Q(?:\s+(?P<year3>(?:19|20)\d\d))?)\b",
        _resolve_quarter,
        examples=[
            Example("Results for Q3 2021 were flat.", "Q3 2021", "2021-Q3", "quarter"),
            # The number first, as results tables write it.
            Example("Profit rose in 3Q 2021.", "3Q 2021", "2021-Q3", "quarter"),
        ],
    ),
    rule(
        "named quarter",
        r"(?P<quarter_name>(?i:(?:(?:the\s+)?(?:latest|same|most\s+recent|comparable|corresponding|"
        r"year[\s-]earlier|year[\s-]ago|prior[\s-]year)(?:\s+year[\s-](?:ago|earlier))?"
        r"\s+(?:third\s+|fiscal\s+)?(?:quarter|period)|the\s+quarter|this\s+quarter|that\s+quarter|"
        r"last\s+year's\s+quarter)(?:\s+(?:a\s+year\s+(?:earlier|ago)|(?:of\s+)?last\s+year))?))(?![\w-])"
        r"|(?i:the)\s+(?P<year>(?:19|20)\d\d)\s+(?P<period_word>(?i:quarter|period))\b",
        _resolve_named_quarter,
        examples=[
            Example(
                "Profit in the third quarter rose, but the year-earlier quarter was weaker.",
                "the year-earlier quarter",
                "2021-Q3",
                "quarter",
            ),
            # "The same period a year earlier" is the period just mentioned, a year before.
            Example(
                "Sales rose in the final quarter of 2009 from the same period a year earlier.",
                "the same period a year earlier",
                "2008-Q4",
                "quarter",
            ),
            Example(
                "Sales rose in March 2010 from the same period a year earlier.",
                "the same period a year earlier",
                "2009-03",
                "month",
            ),
            # Three months written as a quarter are the quarter reported.
            Example(
                "GDP rose in the second quarter and 0.1% in the three months to September, 1% above the "
                "same quarter a year earlier.",
                "the same quarter a year earlier",
                "2021-Q3",
                "quarter",
            ),
        ],
    ),
    rule(
        "season",
        rf"(?:{_DIRECTION}\s+|(?P<that>\b{_SAME})\s+"
        rf"|(?P<lead>\b(?i:in|into|during|over|through|until|since|by|for|early|late|mid)[\s-]+)"
        rf"(?:(?P<that2>{_SAME})\s+|(?i:the)\s+)?)?{_SEASON}(?:\s+(?:(?i:of)\s+)?(?:{_SHORT_YEAR}|{_year()}"
        # "the winter of 1941–42": a winter named by both its years is the first one's.
        r"(?:[-–/](?P<second_year>(?:19|20)?\d\d)(?![\d%]))?)|\s+(?i:of)\s+(?P<of_year>(?i:that|the\s+same|"
        r"the\s+following|the\s+next|the\s+previous))\s+(?i:year))?\b"
        rf"(?!\s+(?i:of)\s+(?!\d|(?i:nineteen|two)))",
        _resolve_season,
        examples=[
            Example("It opened in the summer of 2019.", "the summer of 2019", "2019-SU", "season"),
            Example(
                "Thousands starved in the winter of 1941–42.", "the winter of 1941–42", "1941-WI", "season"
            ),
            Example("It crashed in the autumn of '98.", "the autumn of '98", "1998-FA", "season"),
            Example(
                "The war broke out in April 1861. In the autumn of that year, Union forces advanced.",
                "the autumn of that year",
                "1861-FA",
                "season",
            ),
            # A history that has not spoken of the present runs on into its next paragraph.
            Example(
                "The war broke out in April 1861. Atlanta fell on 2 September 1864.\n\nIn the spring, Grant "
                "crossed the Rapidan.",
                "the spring",
                "1865-SP",
                "season",
            ),
            Example(
                "The plant opened in 1950, and in the spring of the following year it doubled output.",
                "the spring of the following year",
                "1951-SP",
                "season",
            ),
            Example("The park opened in spring.", "spring", "2022-SP", "season"),
            # "By" looks ahead, but not in a past clause.
            Example("By late summer, the trains were running.", "late summer", "2022-SU", "season"),
            Example("Demand held up through the summer.", "the summer", "2022-SU", "season", "2022-09-25"),
            # "this", "last" and "next" speak of news time, after a date of another year too.
            Example(
                "It opens a plant in early 2027 and hires there this fall.", "this fall", "2022-FA", "season"
            ),
            Example(
                "Claims may exceed those of 2024. Last winter, storms hit.",
                "Last winter",
                "2024-WI",
                "season",
                "2026-01-02",
            ),
            Example("Autumn brought floods to the valley.", "Autumn", "2022-FA", "season"),
            # The clause a verb of saying reports has its own tense.
            Example(
                "It warned that bookings for the summer would stay weak.", "the summer", "2023-SU", "season"
            ),
            Example(
                "Nothing was like 2022. The snow from the previous winter was thin.",
                "previous winter",
                "2021-WI",
                "season",
            ),
            Example(
                "Talks failed in 2019. The following spring, the border closed.",
                "following spring",
                "2020-SP",
                "season",
            ),
            # "That summer": the one of the period last mentioned.
            Example(
                "In May 1943 the army retreated. That summer it lost Kursk.",
                "That summer",
                "1943-SU",
                "season",
            ),
            Example("The talks began in 1998; that winter they failed.", "that winter", "1998-WI", "season"),
            Example(
                "She came in 1989, she recalled on Tuesday. That summer she rented a room.",
                "That summer",
                "1989-SU",
                "season",
                "2024-03-31",
            ),
            Example(
                "A judge ruled in March 2019. The firm paid that autumn but appealed.",
                "that autumn",
                "2019-FA",
                "season",
            ),
            Example(
                "The city fell in June 1942, and that autumn they fought at Alamein.",
                "that autumn",
                "1942-FA",
                "season",
            ),
        ],
    ),
    rule(
        "year in two digits",
        rf"(?P<lead>\b(?i:in|since|until|till|by|from|through|of|during|before|after|circa)\s+){_SHORT_YEAR}",
        _resolve_short_year,
        examples=[
            Example("In '08 the crisis hit.", "'08", "2008", "year"),
            Example("He graduated with the class of '98.", "'98", "1998", "year"),
        ],
    ),
    rule(
        "bare year",
        _year(),
        _resolve_bare_year,
        examples=[
            Example("It was founded in 2017.", "2017", "2017", "year"),
            # "The full year" is the year its number says, not publication's.
            Example("For the full year 2021, revenue rose.", "2021", "2021", "year"),
        ],
    ),
    # Words relative to the publication date or to the mention before.
    rule(
        "day word",
        r"\b(?P<beyond>(?i:the\s+day\s+(?:before|after))\s+)?(?P<day_word>(?i:yesterday|today|tonight|tomorrow))\b",
        _resolve_day_word,
        examples=[
            Example("The minister resigned yesterday.", "yesterday", "2022-11-01", "day"),
            Example("He left the day before yesterday.", "the day before yesterday", "2022-10-31", "day"),
            Example("He arrives the day after tomorrow.", "the day after tomorrow", "2022-11-04", "day"),
        ],
    ),
    rule(
        "weekend",
        rf"(?:{_DIRECTION}\s+|(?P<that>(?i:that|the\s+same))\s+|(?i:the)\s+)(?i:week-?end)\b(?!\s+(?i:of)\b)",
        _resolve_weekend,
        examples=[
            # Its Saturday and Sunday; "the weekend" the latest, or this week's when the words look ahead.
            Example("Protests spread over the weekend.", "the weekend", "2022-10-29", "day"),
            Example("Talks will resume at the weekend.", "the weekend", "2022-11-05", "day"),
            Example("Last weekend's rally drew thousands.", "Last weekend", "2022-10-29", "day"),
            Example(
                "The ship sailed on Oct. 3, 2022, and that weekend it docked.",
                "that weekend",
                "2022-10-08",
                "day",
            ),
        ],
    ),
    rule(
        "weeks on weekday",
        # Not a span lasting that long ("jailed for a week on Monday", "by a week").
        rf"(?<!\b(?i:for) )(?<!\b(?i:by|of|in) )(?<!\b(?i:over) )(?<!\b(?i:after) )(?<!\b(?i:within) )"
        rf"\b(?P<weeks>(?i:a\s+week|a\s+fortnight|two\s+weeks))\s+on\s+{_WEEKDAY}",
        _resolve_week_on,
        examples=[
            # British: a week after the coming Wednesday (written on a Saturday).
            Example(
                "The statement is due a week on Wednesday.",
                "a week on Wednesday",
                "2025-03-26",
                "day",
                "2025-03-15",
            ),
            Example("They meet a fortnight on Monday.", "a fortnight on Monday", "2022-11-21", "day"),
        ],
    ),
    rule(
        "weekday",
        rf"(?:{_DIRECTION}\s+)?{_WEEKDAY}",
        _resolve_weekday,
        examples=[
            Example("The envoy arrived on Monday.", "Monday", "2022-10-31", "day"),
            Example("The envoy will arrive on Friday.", "Friday", "2022-11-04", "day"),
            Example("Markets will remain closed until Friday.", "Friday", "2022-11-04", "day"),
            Example(
                "Some routes would run a reduced timetable until at least Thursday.",
                "Thursday",
                "2022-11-03",
                "day",
            ),
            Example("Until Thursday, they had not named a suspect.", "Thursday", "2022-10-27", "day"),
            # "for a week" lasts; the weekday is the day it began ("a week on Monday" is otherwise a date).
            Example("He was jailed for a week on Monday.", "Monday", "2022-10-31", "day"),
            # A past verb of a span governing "until" ends it gone by; a state, or a set end, is to come.
            Example("The road remained closed until Friday.", "Friday", "2022-10-28", "day"),
            Example("The road is closed until Friday.", "Friday", "2022-11-04", "day"),
            Example("The judge adjourned until Friday.", "Friday", "2022-11-04", "day"),
            Example("The talks were set to end by Friday.", "Friday", "2022-11-04", "day"),
            Example("He and Arafat meet separately Monday with Albright.", "Monday", "2022-11-07", "day"),
            Example(
                "Organisers said last week that tickets go on sale on Monday.", "Monday", "2022-11-07", "day"
            ),
            Example("Bombs went off next to the embassies on Friday.", "Friday", "2022-10-28", "day"),
            Example("He could come as early as Tuesday.", "Tuesday", "2022-11-08", "day"),
            Example("A union vote is set for Friday.", "Friday", "2022-11-04", "day"),
            Example(
                "The river is forecast to crest Saturday at the bridge.", "Saturday", "2022-11-05", "day"
            ),
            Example("The father would be traveling to Washington Thursday.", "Thursday", "2022-11-03", "day"),
            # A date opening its sentence takes the tense of the clause after it, however long its subject.
            Example(
                "On Tuesday, the National Abortion Rights Action League plans to hold a news conference.",
                "Tuesday",
                "2022-11-08",
                "day",
            ),
            # ... but a plan made that day is in the past, and "plans" before "for" is a noun.
            Example("On Friday, the government planned to pay the claims.", "Friday", "2022-10-28", "day"),
            Example("On Friday, she set aside vacation plans for the trip.", "Friday", "2022-10-28", "day"),
            Example(
                "On Oct. 12, 2022 it fell 5% from the previous Friday.",
                "previous Friday",
                "2022-10-07",
                "day",
            ),
        ],
    ),
    rule(
        "this period",
        rf"(?:{_DIRECTION}|(?P<qualifier>(?i:the\s+(?:current|present|full|entire|whole|"
        rf"(?:current\s+|latest\s+)?fiscal))))\s+"
        # "next fiscal year" is the year after the fiscal one of publication, as "next year" is.
        r"(?:(?i:fiscal)\s+(?=year\b))?"
        # "the full year 2023" is 2023, the year its number says.
        r"(?P<unit>week|month|year|quarter|decade)\b(?!\s+(?i:or|of)\b|[\s-](?i:old|long)|\s+(?:19|20)\d\d\b)",
        _resolve_this_period,
        examples=[
            Example("Exports fell last month.", "last month", "2022-10", "month"),
            Example("Prices will rise next year.", "next year", "2023", "year"),
            Example("It raised its outlook for next fiscal year.", "next fiscal year", "2023", "year"),
            # "the last year", "the past year": the year before, as TimeML values them.
            Example("Prices rose over the last year.", "last year", "2021", "year"),
            Example("Prices rose for the entire year.", "the entire year", "2022", "year"),
            # ISO weeks, whose year is not always the calendar's around New Year.
            Example("Talks ended last week.", "last week", "2008-W52", "week", "2009-01-02"),
            Example("Talks start this week.", "this week", "2009-W01", "week", "2008-12-30"),
        ],
    ),
    rule(
        "the period",
        r"(?P<lead>\b(?i:(?:earlier|later|early|late)\s+in|(?:end|beginning|start|middle)\s+of|"
        r"for|of)\s+)(?i:the)\s+(?P<unit>(?i:week|month|year|quarter))\b(?![\s-](?i:old|long|earlier|ago))",
        _resolve_the_period,
        examples=[
            Example("A deal is expected later in the year.", "the year", "2022", "year"),
            # After a date of another year the text named: that year.
            Example(
                "The summit was on Sept. 13, 2023. By November trains ran, after delays earlier in the year.",
                "the year",
                "2023",
                "year",
                "2024-09-15",
            ),
            # Opening its sentence with its modifier, in a history: the year the story has reached.
            Example(
                "The invasion began on 22 June 1941. By the end of the year the army stood before Moscow.",
                "the year",
                "1941",
                "year",
            ),
        ],
    ),
    rule(
        "the decade",
        r"(?P<lead>\b(?i:(?:earlier|later|early|late)\s+in|(?:end|beginning|start|middle)\s+of)\s+)"
        r"(?i:the)\s+(?P<unit>(?i:decade))\b",
        _resolve_the_period,
        examples=[
            Example(
                "Output should double by the end of the decade.", "the end of the decade", "202", "decade"
            ),
            # In a history, the decade the story has reached: that of the end of a span just told.
            Example(
                "In 1947 it moved to Malaya, where it served from 1949 to 1952, and by the end of the decade "
                "it was disbanded.",
                "the end of the decade",
                "195",
                "decade",
            ),
            Example(
                "It was founded in the early 1990s and by the middle of the decade it was profitable.",
                "the middle of the decade",
                "199",
                "decade",
            ),
        ],
    ),
    rule(
        "year end",
        r"\b(?i:year[\s-]end|year's\s+end)\b",
        _resolve_year_end,
        examples=[Example("The plant should open by year-end.", "year-end", "2022", "year")],
    ),
    rule(
        "ago",
        rf"(?i:(?:about|some|nearly|almost|more\s+than|just|only)\s+)?{_COUNT}[\s-]{_UNIT_WORD}(?:\s+(?i:or\s+so))?"
        rf"\s+{_ANCHOR_WORDS}\b",
        _resolve_ago,
        examples=[
            Example("The talks began two years ago.", "two years ago", "2020", "year"),
            Example("The deal closed a week ago.", "a week ago", "2022-10-26", "day"),
            Example("Sales rose 5% in 2009. A year earlier they fell.", "A year earlier", "2008", "year"),
            Example("Two days later, the ship sank.", "Two days later", None, "day"),
            # Results for a period longer than the quarter compare with the same months, not the quarter.
            Example(
                "Profit rose in the third quarter. For the nine months, net rose 5% from a year earlier.",
                "a year earlier",
                "2021",
                "year",
            ),
            Example("A year later the plant will close.", "A year later", "2023", "year"),
            Example("The deal closed six weeks ago.", "six weeks ago", "2022-W38", "week"),
            # Which month "a month later" than 1945 is, the text does not say.
            Example(
                "By 1945 the war was over. A month later, it was signed.", "A month later", None, "month"
            ),
        ],
    ),
    rule(
        "year earlier adjective",
        r"(?i:year)[\s-](?P<anchor>(?i:earlier|ago))\b(?=\s+[a-z])",
        _resolve_year_earlier,
        examples=[
            Example(
                "Sales in the third quarter beat year-earlier results.", "year-earlier", "2021-Q3", "quarter"
            )
        ],
    ),
    rule(
        "anaphoric period",
        r"(?i:(?:(?:earlier|later)\s+)?(?:that|(?:that|the)\s+same|the\s+(?P<direction>previous|following|next)))"
        r"\s+(?:(?P<unit>(?i:day|week|month|year|quarter|decade))|"
        r"(?P<part_of_day>(?i:morning|afternoon|evening|night)))\b",
        _resolve_anaphoric,
        examples=[
            Example(
                "The ship left on Oct. 3, 2022. The following day it docked.",
                "The following day",
                "2022-10-04",
                "day",
            ),
            Example("On Oct. 3, 2021, it sank. That day, crews left.", "That day", "2021-10-03", "day"),
            Example(
                "On Oct. 3, 2021, it sank. The same day, crews left.", "The same day", "2021-10-03", "day"
            ),
            # Without a date before, the publication's.
            Example("Crews left the same day.", "the same day", "2022-11-02", "day"),
            # A day after the month last mentioned moves the story on to its month.
            Example(
                "Exports fell last month. Results are due on Nov. 16. The same month, it will list.",
                "The same month",
                "2022-11",
                "month",
            ),
            Example(
                "On 14 July 1934 it opened. Later that month, it shut.",
                "Later that month",
                "1934-07",
                "month",
            ),
            # A week is counted from publication in news time, not from a longer period before it ...
            Example(
                "He was charged last summer. The court heard the papers came only the previous week.",
                "the previous week",
                "2022-W43",
                "week",
            ),
            # ... but in a history, which week is not known.
            Example(
                "In 1962 the plant opened. The following week it shut.", "The following week", None, "week"
            ),
            # The decade after the one the story has reached; "the next decade" is the coming one.
            Example(
                "By the end of the 1960s she was touring. The following decade was harder.",
                "The following decade",
                "197",
                "decade",
            ),
        ],
    ),
    rule(
        "day in apposition",
        r"(?<=\d,\s)(?i:the)\s+(?P<unit>(?i:day))\s+(?i:before|after)(?=\s+(?i:the|his|her|its|their|a|an)\s+[a-z])",
        _resolve_day_in_apposition,
        examples=[
            Example(
                "Prices rose after Oct. 12, 2022, the day before the market fell.",
                "the day before",
                "2022-10-12",
                "day",
            ),
        ],
    ),
    rule(
        "day before",
        r"(?i:the\s+(?:(?P<unit>day|week|month|year)\s+(?P<direction>before|after|previous|prior)))"
        r"(?=\s*[,.;:)]|\s*$)",
        _resolve_anaphoric,
        examples=[
            Example(
                "The ship docked on Oct. 3, 2022, two days after leaving, and crews rested the day before.",
                "the day before",
                "2022-10-02",
                "day",
            ),
            Example(
                "Sales rose 5% in 2009, after falling the year previous.", "the year previous", "2008", "year"
            ),
            Example(
                "Talks began in March 2021; they had failed the month before.",
                "the month before",
                "2021-02",
                "month",
            ),
        ],
    ),
    rule(
        "the day",
        r"(?P<lead>\b(?i:(?:end|beginning|start|middle|rest|course)\s+of)\s+)(?i:the)\s+(?P<unit>(?i:day))\b"
        r"(?![\s-](?i:earlier|later|of|when|that|on|to|old|long|and\s+night)\b|'s|\s+[A-Z])"
        r"(?!\s+(?i:before|after)\b(?!\s+\w+ing\b))",
        _resolve_anaphoric,
        examples=[
            Example(
                "On Oct. 3, 2022 the ship sank. By the end of the day, crews left.",
                "the day",
                "2022-10-03",
                "day",
            ),
            Example("Shares fell at the start of the day.", "the day", "2022-11-02", "day"),
            Example(
                "Shares slipped at the start of the day before recovering.", "the day", "2022-11-02", "day"
            ),
        ],
    ),
    rule(
        "that time",
        r"(?P<lead>\b(?i:at|by|since|until|till|from|before|after)\s+)(?:(?P<time>(?i:that)\s+time)\b"
        r"(?!\s+(?i:of|when|that|being|it|he|she|they|we|i|the|a)\b)|(?P<the_time>(?i:the)\s+time)(?=\s*[,.;:)])|"
        # "until then", "by then"; "since then", a span from the date on, is not of that date.
        r"(?<!(?i:at)\s)(?<!(?i:since)\s)(?<!(?i:from)\s)(?i:then)\b)",
        _resolve_that_time,
        examples=[
            Example("In 2009 the plant closed. At that time, 600 worked there.", "that time", "2009", "year"),
            Example(
                "It opened on Oct. 3, 2022. Crowds were small at the time.", "the time", "2022-10-03", "day"
            ),
            Example("The offer ends on Nov. 30, 2022. Until then, it stands.", "then", "2022-11-30", "day"),
            Example("The mine shut in 1994 and stayed shut until then.", "then", "1994", "year"),
        ],
    ),
    rule(
        "weekday of a month",
        rf"(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|last))\s+(?P<nth_weekday>(?:{_cased(_WEEKDAYS)}))\s+"
        rf"(?i:of|in)\s+{_month()}(?:,?\s+{_year()})?",
        _resolve_weekday_of_month,
        examples=[
            Example(
                "The fair was held on the last Saturday of August.",
                "the last Saturday of August",
                "2022-08-27",
                "day",
            ),
            Example(
                "Polls open on the first Tuesday in November 2020.",
                "the first Tuesday in November 2020",
                "2020-11-03",
                "day",
            ),
        ],
    ),
    rule(
        "day of a run",
        r"(?P<lead>\b(?i:it's|it\s+is|today\s+is|this\s+is|today\s+marks)\s+)(?i:the)\s+"
        rf"(?:(?i:{_alternation(list(_ORDINAL_WORDS))})|\d+(?:st|nd|rd|th))\s+"
        r"(?:(?i:straight|consecutive|successive|full)\s+)?(?i:day)\b",
        _resolve_day_of_run,
        examples=[
            Example(
                "Guns fired in Kosovo. It's the second day of an offensive.",
                "the second day",
                "2022-11-02",
                "day",
            ),
            Example(
                "Today is the eighth straight day of protests.",
                "the eighth straight day",
                "2022-11-02",
                "day",
            ),
        ],
    ),
    rule(
        "new year",
        # Not the holiday ("the New Year break", "the New Year's Eve party"): the year it begins.
        r"(?i:the)\s+(?i:new)\s+(?i:year)\b(?!['’]|\s+(?i:holidays?|break|celebrations?|festivities|festival|"
        r"party|parties|eve|day|honours|honors|message|resolutions?|address|speech|sales?|concerts?|fireworks|"
        r"period|season|dinner|greetings?|countdown|parade|rush|lull|trading)\b)",
        _resolve_new_year,
        examples=[
            Example("Rovers go into the new year top.", "the new year", "2025", "year", "2024-12-30"),
            Example("Sales have slowed since the New Year.", "the New Year", "2025", "year", "2025-01-20"),
        ],
    ),
    rule(
        "holiday",
        rf"(?:{_DIRECTION}\s+)?{_HOLIDAY_NAMES}(?:,?\s+{_year()})?",
        _resolve_holiday,
        examples=[
            Example("It was born on Christmas Day 2001.", "Christmas Day 2001", "2001-12-25", "day"),
            Example("Crowds gathered as Easter week began.", "Easter week", "2000-W16", "week", "2000-04-17"),
            Example("The line closes on Easter Monday.", "Easter Monday", "2025-04-21", "day", "2025-04-19"),
            Example(
                "About 150 flights were cut on Good Friday.", "Good Friday", "2025-04-18", "day", "2025-04-19"
            ),
            # A past verb puts a holiday further off in the past than a month and day may be.
            Example(
                "On Christmas Day the guns fell silent.", "Christmas Day", "2021-12-25", "day", "2022-11-10"
            ),
            Example(
                "The parade on Thanksgiving drew crowds.", "Thanksgiving", "2021-11-25", "day", "2022-11-10"
            ),
            Example("City were beaten on Boxing Day.", "Boxing Day", "2024-12-26", "day", "2024-12-30"),
            Example(
                "Schools are due to reopen after the Christmas holidays.",
                "Christmas",
                "2025-12-25",
                "day",
                "2026-01-02",
            ),
            Example("The parade is on St Patrick's Day.", "St Patrick's Day", "2023-03-17", "day"),
            # Not the Friday of the week: the day after Thanksgiving.
            Example(
                "Shoppers bought early in November's Black Friday promotions.",
                "Black Friday",
                "2023-11-24",
                "day",
                "2024-01-19",
            ),
        ],
    ),
]


_MODIFIER_BEFORE = re.compile(
    r"\b(?P<modifier>(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|end(?=-)|around|about|"
    r"circa|c\.|approximately|roughly))[\s-]*(?:(?i:the)\s+)?$"
)
_MODIFIERS = {
    "early": Modifier.EARLY,
    "beginning of": Modifier.EARLY,
    "start of": Modifier.EARLY,
    "mid": Modifier.MID,
    "middle of": Modifier.MID,
    "late": Modifier.LATE,
    "end of": Modifier.LATE,
    "end": Modifier.LATE,  # "end-March"
}
# "the July-to-September period" as Reuters writes it, as "July-September".
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|(?i:to|through|until|till|and)|-(?i:to|through)-)\s*")
_BETWEEN_BEFORE = re.compile(r"(?i:\bbetween)\s+$")


def _modifier(words: str) -> Modifier:
    return _MODIFIERS.get(words.removeprefix("the "), Modifier.ABOUT)


# Words that put a sentence in news time: deixis, the present and the future ("Spending peaked in 1998.
# On Friday, the plant closed": Friday is the publication's).
_NEWS_TIME = re.compile(
    rf"\b(?i:today|tonight|yesterday|tomorrow|now|currently|nowadays|ago|this\s+(?:week|month|year|quarter)|"
    rf"(?<![Tt]he\s)(?:last|next|past|coming)\s+(?:week|weekend|month|year|quarter)|"
    # "this fall", "last winter": the seasons of the publication's year, never of a story's.
    rf"(?<![Tt]he\s)(?:this|last|next)\s+(?:spring|summer|autumn|fall|winter)|will|won't|shall|is|are|am|has|have|"
    rf"says|expects?|plans?|due|scheduled)\b|'ll\b|\b(?:{_cased(_WEEKDAYS)})\b"
)
_REPORTED = re.compile(r"\b(?i:said|says|told|according|announced|reported)\b")
_MONTH_AT = re.compile(rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_month()}")


def _steps_on(text: str, position: int, reading: Reading) -> bool:
    """Whether a month written at ``position`` ("April", "25 June", "June 25") is later in the year of
    ``reading`` than its month."""
    match = _MONTH_AT.match(text, position)
    month = _read_month(match.group("month")) if match else None
    return month is not None and reading.day is not None and month > reading.day.month


_JOINS = re.compile(r"\b(?i:and|then)\b|;")

GRAMMAR = Grammar(
    language="en",
    rules=tuple(RULES),
    modifier_before=_MODIFIER_BEFORE,
    modifiers=_modifier,
    range_join=_RANGE_JOIN,
    between_before=_BETWEEN_BEFORE,
    between_words=frozenset({"and"}),
    tense=tense,
    news_time=_NEWS_TIME,
    past_sentence_sets_time=True,
    anaphora_sets_time=True,
    steps_on=_steps_on,
    reported=_REPORTED,
    joins=_JOINS,
)
