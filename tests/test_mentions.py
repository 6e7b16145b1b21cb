"""Date mentions: each way news writes a date, the words that only look like dates, and an own corpus."""

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.dates import Modifier, Precision
from timeline.ingest.evaluate import FLOOR_MARGIN, MentionScore, evaluate_articles, score_mentions
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.sentences import split_sentences

PUBLISHED = date(2022, 11, 2)  # a Wednesday
CORPUS = Path(__file__).parent / "extraction_corpus"


def values(text, published=PUBLISHED):
    """(text, value) of each mention, in order."""
    return [(m.text, m.value) for m in find_date_mentions(text, published)]


def only(text, published=PUBLISHED):
    mentions = find_date_mentions(text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


# --- absolute dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was signed on January 20, 2023.", ("January 20, 2023", "2023-01-20")),
        ("It was signed on 20 January 2023.", ("20 January 2023", "2023-01-20")),
        ("It was signed on the 20th of January, 2023.", ("the 20th of January, 2023", "2023-01-20")),
        ("The file is dated 2022-11-18 in the log.", ("2022-11-18", "2022-11-18")),
        ("The form is dated 11/02/89.", ("11/02/89", "1989-11-02")),
        ("They met in November 2022.", ("November 2022", "2022-11")),
        ("It was founded in 2017.", ("2017", "2017")),
        ("Prices fell in the 1990s.", ("the 1990s", "199")),
        ("Results for Q3 2021 were flat.", ("Q3 2021", "2021-Q3")),
        ("Results for the third quarter of 2021 were flat.", ("the third quarter of 2021", "2021-Q3")),
        ("In fiscal 1998, it lost money.", ("fiscal 1998", "1998")),
        ("It opened in the summer of 2019.", ("the summer of 2019", "2019-SU")),
        ("It was born on Christmas Day 2001.", ("Christmas Day 2001", "2001-12-25")),
        ("Atlanta, nineteen ninety-six, was the host.", ("nineteen ninety-six", "1996")),
    ],
)
def test_absolute_dates(text, expected):
    assert values(text) == [expected]


def test_abbreviated_month_and_day_takes_the_nearest_year():
    assert values("The photo was released on Jan. 20.", date(2023, 6, 14)) == [("Jan. 20", "2023-01-20")]


def test_month_without_year_is_never_given_a_made_up_day():
    mention = only("In early September, the Times reported the purchases.")
    assert (mention.value, mention.precision, mention.modifier) == (
        "2022-09",
        Precision.MONTH,
        Modifier.EARLY,
    )


@pytest.mark.parametrize(
    ("text", "value", "until"),
    [
        ("Railcars moved on Nov. 18-Nov. 19, 2022 to the border.", "2022-11-18", "2022-11-19"),
        ("The fair ran 18–19 November.", "2022-11-18", "2022-11-19"),
        ("Talks ran from Dec. 5, 2016 to Jan. 10, 2017.", "2016-12-05", "2017-01-10"),
        ("Between 2010 and 2014 there were none.", "2010", "2014"),
        ("It was renovated in 1998-99.", "1998", "1999"),
    ],
)
def test_ranges_are_one_mention(text, value, until):
    mention = only(text)
    assert (mention.value, mention.until) == (value, until)


@pytest.mark.parametrize(
    ("language", "text", "value", "until"),
    [
        ("en", "Exports rose between January and September.", "2022-01", "2022-09"),
        ("it", "Tra gennaio e settembre le esportazioni sono aumentate.", "2022-01", "2022-09"),
        ("fr", "Entre janvier et septembre, les exportations ont augmenté.", "2022-01", "2022-09"),
        ("de", "Zwischen Januar und September stiegen die Exporte.", "2022-01", "2022-09"),
        ("ru", "С января по сентябрь экспорт вырос.", "2022-01", "2022-09"),
        ("uk", "Між січнем і вереснем експорт зріс.", "2022-01", "2022-09"),
        ("ko", "올해 1~9월 대러 수출이 늘었다.", "2023-01", "2023-09"),
        ("zh", "今年1至9月对俄出口增长。", "2023-01", "2023-09"),
        ("ja", "11～2月に訓練が行われた。", "2022-11", "2023-02"),
    ],
)
def test_a_range_of_months_without_years_is_one_period_in_every_language(language, text, value, until):
    """Each end placed on its own would give January 2023 and September 2022 (after a past verb, on
    14 June 2023): the start takes the year of the end, and the range is one mention."""
    (mention,) = find_date_mentions(text, date(2023, 6, 14), language)
    assert (mention.value, mention.until) == (value, until)


def test_range_end_borrows_no_year_it_lacks():
    mention = only("Russia reported transfers from December 2022 to April this year.", date(2023, 6, 14))
    assert (mention.value, mention.until) == ("2022-12", "2023-04")


def test_two_modified_months_are_two_mentions():
    found = find_date_mentions("In late November and early December, cargo was seen.", date(2022, 12, 23))
    assert [(m.text, m.value, m.modifier) for m in found] == [
        ("late November", "2022-11", Modifier.LATE),
        ("early December", "2022-12", Modifier.EARLY),
    ]


@pytest.mark.parametrize(
    ("text", "value", "modifier"),
    [
        ("Sales peaked in the mid-1990s.", "199", Modifier.MID),
        ("It happened around 1990.", "1990", Modifier.ABOUT),
        ("Repairs began in mid-July.", "2022-07", Modifier.MID),
        ("It will close by the end of the month.", "2022-11", Modifier.LATE),
        ("It will close late next year.", "2023", Modifier.LATE),
    ],
)
def test_modifiers(text, value, modifier):
    mention = only(text)
    assert (mention.value, mention.modifier) == (value, modifier)


# --- relative dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CNN reported Wednesday that shipments continued.", "2022-11-02"),
        ("The vote was held on Friday.", "2022-10-28"),
        ("The vote will be held next Wednesday.", "2022-11-09"),
        ("The vote will be held on Friday.", "2022-11-04"),
        ("It happened yesterday.", "2022-11-01"),
        ("It happens today.", "2022-11-02"),
        ("It happens tomorrow.", "2022-11-03"),
        ("They met last week.", "2022-W43"),
        ("They meet this week.", "2022-W44"),
        ("They voted last month.", "2022-10"),
        ("Sales rose this year.", "2022"),
        ("Sales will rise next year.", "2023"),
        ("It was delivered in November last year.", "2021-11"),
        ("It was announced last September.", "2022-09"),
        ("A message was sent on the 15th of last month.", "2022-10-15"),
        ("A statement was released on the 22nd by the ministry.", "2022-10-22"),
        ("Output fell two years ago.", "2020"),
        ("Sales fell last fall.", "2021-FA"),
        ("Profit rose in the third quarter.", "2022-Q3"),
        ("Sales fell in the quarter.", "2022-Q3"),
    ],
)
def test_relative_dates_resolve_against_publication(text, value):
    assert only(text).value == value


def test_a_year_earlier_follows_the_reported_quarter():
    found = values("Third-quarter profit rose 19% from a year earlier.", date(1989, 10, 26))
    assert found == [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_anaphora_refers_to_the_mention_before():
    found = values(
        "On the 26th, photos of the summit held the previous day were released.", date(2022, 9, 22)
    )
    assert found == [("the 26th", "2022-08-26"), ("the previous day", "2022-08-25")]
    assert values("It began on Feb. 24. Later that month, it spread.") == [
        ("Feb. 24", "2022-02-24"),
        ("Later that month", "2022-02"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("en", "By 1945, the war was over. A month later, the treaty was signed.", "A month later"),
        ("en", "In 1962 the bridge opened. The following week trains came.", "The following week"),
        ("ru", "В 1945 году война закончилась. Месяц спустя был подписан договор.", "Месяц спустя"),
        ("ru", "В 1962 году мост открыли. На следующей неделе пришли поезда.", "На следующей неделе"),
        ("it", "Il ponte fu aperto nel 1962. Il mese successivo arrivarono i treni.", "mese successivo"),
    ],
)
def test_a_shorter_period_counted_from_a_longer_one_has_no_date(language, text, phrase):
    """Which month "a month later" than 1945 is, the text does not say: the mention is kept, with no
    date, rather than a guessed January or one counted from publication."""
    found = {m.text: m for m in find_date_mentions(text, date(2023, 6, 14), language)}
    assert found[phrase].date is None
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An absolute date of another year opening a sentence moves the text into narrative time, and
        # the narrative runs forward from the last date mentioned.
        (
            "In 1950, the plant opened in June. In August, it hired 200 workers. By December, it had 900.",
            date(2023, 6, 14),
            [("1950", "1950"), ("June", "1950-06"), ("August", "1950-08"), ("December", "1950-12")],
        ),
        (
            "On 3 May 1950, the plant opened. The next year, in March, it doubled in size.",
            date(2023, 6, 14),
            [("3 May 1950", "1950-05-03"), ("The next year", "1951"), ("March", "1951-03")],
        ),
        # Words of news time bring the text back to the publication date: deixis, present, future...
        (
            "In 1950, the plant opened. On Friday, it closed for good.",
            date(2023, 6, 14),
            [("1950", "1950"), ("Friday", "2023-06-09")],
        ),
        (
            "In 1950, the plant opened. It will close in July.",
            date(2023, 6, 14),
            [("1950", "1950"), ("July", "2023-07")],
        ),
        # ... and so do a new paragraph, a date that is not the sentence's frame, and reported speech.
        (
            "In 1950, the plant opened.\n\nSales fell in March.",
            date(2023, 6, 14),
            [("1950", "1950"), ("March", "2023-03")],
        ),
        (
            "Under a plan approved in 1987, it bought shares through Sept. 29.",
            date(1989, 10, 30),
            [("1987", "1987"), ("Sept. 29", "1989-09-29")],
        ),
        (
            "In 1990, the firm was founded, its chief said of sales in March.",
            date(2023, 6, 14),
            [("1990", "1990"), ("March", "2023-03")],
        ),
        # A text with no publication date is narrative from its first absolute date on.
        (
            "In 1950 the plant opened. In June it hired 200 people.",
            None,
            [("1950", "1950"), ("June", "1950-06")],
        ),
        # A decade is too coarse to run a narrative from.
        (
            "Spending peaked in the '90s. In March, it rose again.",
            date(2023, 6, 14),
            [("the '90s", "199"), ("March", "2023-03")],
        ),
    ],
)
def test_narrative_time(text, published, expected):
    assert values(text, published) == expected


def test_weekday_with_a_date_picks_the_matching_year():
    assert values("The editorial ran on Monday, Oct. 26.", date(1998, 10, 25)) == [
        ("Monday, Oct. 26", "1998-10-26")
    ]


def test_relative_dates_are_unresolved_without_publication_date():
    found = find_date_mentions("On Monday, last month's figures for 12 May 2021 were revised.", None)
    assert [(m.text, m.value, m.precision) for m in found] == [
        ("Monday", None, Precision.DAY),
        ("last month", None, Precision.MONTH),
        ("12 May 2021", "2021-05-12", Precision.DAY),
    ]
    assert not found[0].resolved and found[2].resolved


# --- words that are not dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We may have to wait, and we will march on.",
        "May God help them. March with us!",
        "The right time is now.",
        "Trade resumed after a two-year hiatus of 27 months.",
        "It limits imports to 500,000 barrels in 12 months, over three years.",
        "Security Council Committee 1718 reported under Resolution 2397.",
        "The COVID-19 rules and the RPG-7 launchers.",
        "Revenue reached $2,019 million, up 12%, at 10:30 a.m.",
        "About 2000 vehicles and Flight 752 were inspected in Room 1204.",
        "Watch ABC's This Week and read USA Today.",
        "The A1998 engine, flight SU2019 and record 7bbbfbe7e1928e47.",
        "Summer Haddad said 1500-2000 troops had left.",
        "Officials said prices fell and that winter demand was weak.",
    ],
)
def test_non_dates_are_not_reported(text):
    assert find_date_mentions(text, PUBLISHED) == []


def test_year_in_parentheses_after_a_resolution_number():
    text = "Items were banned through resolutions 1874 (2009) and 2270 (2016)."
    assert values(text) == [("2009", "2009"), ("2016", "2016")]


# --- contract: offsets, sentences, determinism, robustness ----------------------------------------


def test_offsets_slice_the_text_and_sentences_hold_the_mention():
    text = "Mr. Kim left the U.S. on Jan. 20. He returned in March.\nNo. 5 was signed last week."
    for mention in find_date_mentions(text, PUBLISHED):
        assert text[mention.start : mention.end] == mention.text
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
    first = find_date_mentions(text, PUBLISHED)[0]
    assert first.sentence(text) == "Mr. Kim left the U.S. on Jan. 20."
    assert first.to_dict(text) == {
        "start": 25,
        "end": 32,
        "text": "Jan. 20",
        "value": "2022-01-20",
        "precision": "day",
        "modifier": "",
        "until": None,
        "sentence": "Mr. Kim left the U.S. on Jan. 20.",
    }


def test_sentences_split_on_full_stops_and_lines_not_abbreviations():
    text = "Mr. Lee met U.N. officials on Jan. 5. They agreed.\nNew line No. 2 here"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Mr. Lee met U.N. officials on Jan. 5.",
        "They agreed.",
        "New line No. 2 here",
    ]


def test_a_mentions_sentence_is_split_by_the_rules_of_the_texts_language():
    text = "会議は1月20日に開かれた。次の会議は2月3日に開かれる。"
    mentions = find_date_mentions(text, date(2023, 2, 1), language="ja")
    sentences = ["会議は1月20日に開かれた。", "次の会議は2月3日に開かれる。"]
    assert [m.sentence(text) for m in mentions] == sentences


def test_deterministic():
    text = (CORPUS / "02_central_bank.json").read_text(encoding="utf-8")
    assert find_date_mentions(text, PUBLISHED) == find_date_mentions(text, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\ufffd", "Jan. 20, 2023 " * 5000, "1998 " * 10000, "on the 22nd, " * 4000, "-" * 50000],
)
@pytest.mark.parametrize("language", ["en", "ru", "ja", "et"])
def test_never_crashes_on_odd_input(text, language):
    """Pathological input and the calendar's edges; speed is measured by ``timeline.ingest.bench``."""
    for published in (None, date(1, 1, 1), date(9999, 12, 31)):
        for mention in find_date_mentions(text, published, language=language):
            assert text[mention.start : mention.end] == mention.text


# --- own corpus ------------------------------------------------------------------------------------


def test_own_corpus_f1():
    """Hand-written articles with hand-made gold: a match needs value, range end, precision and modifier."""
    total = MentionScore()
    for path in sorted(CORPUS.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(article["published"]) if article["published"] else None
        mentions = find_date_mentions(article["text"], published)
        total.add(
            score_mentions(
                article["text"], mentions, article["gold"], ("value", "until", "precision", "modifier")
            )
        )
    print(f"own corpus F1 {total.f1:.3f} (P {total.precision:.3f}, R {total.recall:.3f}, {total.gold} gold)")
    assert total.f1 >= 0.97


# --- hand-annotated articles in every language ------------------------------------------------------

LANGUAGES = ("en", "ko", "ja", "zh", "ru", "uk", "it", "fr", "de", "es", "et")
FLOORS = json.loads((Path(__file__).parents[1] / "timeline" / "ingest" / "eval_floor.json").read_text())


@pytest.fixture(scope="module")
def article_scores():
    return evaluate_articles(CORPUS, ["ours"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_articles_in_each_language_keep_their_floor(article_scores, language):
    """Short news articles per language (tests/extraction_corpus/languages), each date with its gold
    value: at least 25 dates, and value F1 no lower than the floor in timeline/ingest/eval_floor.json."""
    score = article_scores[language]["ours"]
    assert score.gold >= 25
    assert score.f1 >= FLOORS[f"articles:{language}"] - FLOOR_MARGIN, f"{language}: value F1 {score.f1:.3f}"


# --- the rule table: every rule reads its own examples ---------------------------------------------


def _rule_examples():
    from timeline.ingest.mentions import RULES

    for rule in RULES:
        for index, example in enumerate(rule.examples):
            yield pytest.param(rule, example, id=f"{rule.languages[0]}:{rule.name}:{index}")


@pytest.mark.parametrize(("rule", "example"), list(_rule_examples()))
def test_each_rule_reads_its_examples(rule, example):
    published = date.fromisoformat(example.published)
    mentions = find_date_mentions(example.text, published, language=rule.languages[0])
    found = [m for m in mentions if example.span in m.text]
    assert found, f"rule {rule.name!r}: {example.span!r} not found in {[m.text for m in mentions]}"
    mention = found[0]
    assert mention.rule == rule.name, f"{example.span!r} was read by {mention.rule!r}, not {rule.name!r}"
    assert (mention.value, mention.precision.value) == (example.value, example.precision), rule.name


def test_every_example_of_another_language_belongs_to_a_rule_that_language_has():
    # A rule is built only for the languages whose words it needs: an example written for one
    # without them would never be read.
    from timeline.ingest.mentions import international

    for name, _build, _resolver, examples in international._SPECS:
        for language, example in examples:
            names = {rule.name for rule in international.grammar(language).rules}
            assert name in names, (
                f"{language} example {example.text!r} of {name!r}, a rule {language} has not"
            )


def test_every_rule_has_an_example():
    from timeline.ingest.mentions import RULES

    with_examples = {rule.name for rule in RULES if rule.examples}
    assert sorted({rule.name for rule in RULES} - with_examples) == []


# --- dateparser reads the values; where it is wrong the rules correct it (parse.CORRECTIONS) ----------


def _raw_dateparser(span, published, language="en", settings=None):
    """What plain dateparser reads in ``span`` (date, period), without the project's corrections."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    base = datetime.combine(published, datetime.min.time())
    data = DateDataParser(
        languages=[language], settings={"RELATIVE_BASE": base, **(settings or {})}
    ).get_date_data(span)
    return (data.date_obj.date() if data.date_obj else None), data.period


CORRECTION_CASES = {
    # name in parse.CORRECTIONS: (language, text, published, span read by plain dateparser, value, precision)
    "bare month is a month": (
        "en",
        "The ships docked in March.",
        date(2022, 11, 2),
        "in March",
        "2022-03",
        "month",
    ),
    "ordinal alone is a day of the month": (
        "en",
        "The talks resumed on the 6th, officials said.",
        date(2022, 11, 2),
        "on the 6th",
        "2022-10-06",
        "day",
    ),
    "weekday placed by the rules": (
        "en",
        "The envoy will arrive on Friday.",
        date(2022, 11, 2),
        "Friday",
        "2022-11-04",
        "day",
    ),
    "quarter read by the rules": (
        "en",
        "Results for Q3 1998 were flat.",
        date(1998, 11, 2),
        "Q3 1998",
        "1998-Q3",
        "quarter",
    ),
    "year of a month written without one": (
        "en",
        "Sales fell in December, the company said.",
        date(2023, 1, 10),
        "December",
        "2022-12",
        "month",
    ),
    "East Asian month and day": (
        "zh",
        "会议于1月20日举行。",
        date(2023, 2, 1),
        "1月20日",
        "2023-01-20",
        "day",
    ),
}


def test_every_correction_has_a_case():
    from timeline.ingest.mentions.parse import CORRECTIONS

    assert sorted(CORRECTIONS) == sorted(CORRECTION_CASES)


@pytest.mark.parametrize("name", sorted(CORRECTION_CASES))
def test_correction(name):
    """Plain dateparser reads the span otherwise than its meaning (another first day or period); the
    mention has the meaning."""
    from timeline.dates import parse_iso

    language, text, published, span, value, precision = CORRECTION_CASES[name]
    first_day, _ = parse_iso(value)
    raw = _raw_dateparser(span, published, language)
    assert raw != (first_day, precision), (
        f"{name}: plain dateparser now reads {span!r} right; the correction may go"
    )
    mention = only_in(text, published, language)
    assert (mention.value, mention.precision.value) == (value, precision), name


def only_in(text, published, language):
    mentions = find_date_mentions(text, published, language=language)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def test_dateparser_is_load_bearing():
    """Without dateparser the date rules cannot be built: there is no second parser to fall back on."""
    import subprocess
    import sys

    code = "import sys; sys.modules['dateparser'] = None; import timeline.ingest.mentions"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "dateparser" in result.stderr


@pytest.mark.parametrize("language", ["xx", "", None, "EN", "en-GB", "zz-ZZ", "123"])
def test_unknown_language_codes_fall_back_to_english(language):
    assert [
        (m.text, m.value) for m in find_date_mentions("It met on 15 March 2023.", PUBLISHED, language)
    ] == [("15 March 2023", "2023-03-15")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("pt", "A cúpula foi em 15 de março de 2023.", ("15 de março de 2023", "2023-03-15")),
        ("pl", "Szczyt odbył się 15 marca 2023 roku.", ("15 marca 2023 roku", "2023-03-15")),
        ("nl", "De top vond plaats op 15 maart 2023.", ("15 maart 2023", "2023-03-15")),
        ("tr", "Zirve 15 Mart 2023 tarihinde yapıldı.", ("15 Mart 2023", "2023-03-15")),
    ],
)
def test_other_languages_use_the_locale_data(language, text, expected):
    """A language without rules of its own still gets its dates from dateparser's locale data."""
    assert values_in(text, language) == [expected]


def values_in(text, language, published=PUBLISHED):
    return [(m.text, m.value) for m in find_date_mentions(text, published, language=language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Резолюция 2397 и комитет 1718 обсуждали COVID-19; переговоры длились пять часов, сейчас тихо.",
        ),
        ("ko", "결의 2397호와 1718위원회는 4시간 동안 논의했다. 지금은 조용하다."),
        ("ja", "決議2397号について約4時間協議した。現在は静かだ。"),
        ("et", "Resolutsioon 2397 ja komitee 1718; kõnelused kestsid viis tundi. Praegu on vaikus."),
        ("de", "Die Resolution 2397 und der Ausschuss 1718 tagten fünf Stunden; derzeit ist es ruhig."),
        ("fr", "La résolution 2397 et le comité 1718 ont siégé cinq heures ; pour l'instant, rien."),
        ("it", "Ha parlato con la Mars Society: 2000 persone e 1500 soldati."),
    ],
)
def test_numbers_durations_and_now_are_not_dates_in_any_language(language, text):
    assert values_in(text, language) == []


def _toy_grammar():
    """A grammar of another language with two rules: a year (absolute) and "juunis" (June, no year)."""
    import re

    from timeline.ingest.mentions.core import Grammar, Reading, pick, rule

    def year(m):
        return Reading(Precision.YEAR, date(int(m.groups["year"]), 1, 1))

    def june(m):
        if m.now is None:
            return Reading(Precision.MONTH, None)
        candidates = [date(m.now.year + k, 6, 1) for k in (-1, 0, 1)]
        return Reading(Precision.MONTH, pick(candidates, m.now.replace(day=1), m.tense() or -1))

    rules = (
        rule("year", r"\b(?P<year>1\d{3}|20\d\d)\b", year, [], languages=("et",)),
        rule("june", r"(?i:\bjuunis\b)", june, [], languages=("et",)),
    )
    return Grammar("et", rules, news_time=re.compile(r"(?i:\btäna\b)"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aastal 1950 avati tehas. Juunis palgati töölisi.", ["1950", "1950-06"]),
        ("Aastal 1950 avati tehas. Täna teatati, et juunis palgati töölisi.", ["1950", "2023-06"]),
        ("Aastal 1950 avati tehas.\n\nJuunis palgati töölisi.", ["1950", "2023-06"]),
    ],
)
def test_narrative_time_is_the_cores_for_every_language(text, expected):
    """Narrative time is decided in the core: a grammar that declares its words of news time gets it."""
    from timeline.ingest.mentions.core import find

    assert [m.value for m in find(text, date(2023, 6, 14), _toy_grammar())] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "that" opening what was said, before a noun, is no season's demonstrative.
        ("He said that summer sales rose.", "2024-03-31", []),
        # "later in the year" after a date of publication's year, or of none named, is this year.
        (
            "Sales fell last month. A deal is expected later in the year.",
            "2024-01-05",
            [
                ("last month", "2023-12"),
                ("the year", "2024"),
            ],
        ),
    ],
)
def test_counter_examples_of_the_context_rules(text, published, expected):
    mentions = find_date_mentions(text, date.fromisoformat(published), language="en")
    assert [(m.text, m.value) for m in mentions] == expected


def test_a_weekday_with_an_article_before_a_noun_is_still_read():
    # "It was a Friday in April" names no day in particular; "a Friday deadline" names one.
    mentions = find_date_mentions("The talks face a Friday deadline.", date(2022, 11, 2), language="en")
    assert [m.text for m in mentions] == ["Friday"]
    assert (
        find_date_mentions("It was a Friday in April.", date(2022, 11, 2), language="en")[0].text == "April"
    )
