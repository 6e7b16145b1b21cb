"""Property tests: no input crashes the date logic, offsets stay inside the text, and extraction
is deterministic."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import FuzzyDate, parse_period
from timeline.ingest.mentions import find_date_mentions

DATE_WORDS = st.sampled_from(
    [
        "Jan.",
        "January",
        "Nov",
        "18",
        "19",
        "2022",
        "-",
        "–",
        "early",
        "late",
        "last",
        "this",
        "month",
        "year",
        "Wednesday",
        "the",
        "22nd",
        "of",
        "in",
        "on",
        "May",
        "may",
        "We",
        "1718",
        ",",
        ".",
        "\n",
        "COVID-19",
        "Resolution",
        "2397",
        "to",
        "from",
        "until",
        "spring",
        "1990s",
        "Q3",
        "ago",
        "two",
    ]
)
NEWSLIKE = st.lists(st.one_of(DATE_WORDS, st.text(max_size=8)), max_size=60).map(" ".join)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(NEWSLIKE, st.text(max_size=300)), published=PUBLISHED)
def test_mentions_never_crash_and_point_inside_the_text(text, published):
    mentions = find_date_mentions(text, published)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.sentence_start <= mention.start and mention.end <= mention.sentence_end <= len(text)
        if mention.date is not None:
            assert mention.date.start <= mention.date.end
    assert find_date_mentions(text, published) == mentions


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(NEWSLIKE, st.text(max_size=120)))
def test_parse_period_answers_a_date_or_a_value_error(text):
    try:
        parsed = parse_period(text)
    except ValueError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(parsed, FuzzyDate)
        assert parse_period(str(parsed)) == parsed
