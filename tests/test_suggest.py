"""The ranker of suggested citations (timeline.suggest) and its in-memory candidate source. No database."""

import random
from datetime import date, timedelta

import pytest

from timeline import suggest
from timeline.dates import parse_period
from timeline.ingest.mentions import find_date_mentions
from timeline.suggest import Candidate, EventIndex, Rarity, date_fit, rank, suggest_citations
from timeline.words import topic_words

SENTENCE = "U.S. officials said North Korea shipped artillery shells to Russia by rail on 18-19 Nov 2022."


def span(text: str) -> tuple[date, date]:
    period = parse_period(text)
    return period.start, period.end


def event(pk: int, when: str, title: str) -> Candidate:
    return Candidate.of(pk, *span(when), title, "")


@pytest.mark.parametrize(
    ("mention", "better", "worse"),
    [
        ("18 Nov 2022", "18 Nov 2022", "Nov 2022"),  # same length beats a longer span around it
        ("Nov 2022", "Nov 2022", "18 Nov 2022"),  # and a shorter span inside it
        ("Nov 2022", "18 Nov 2022", "Dec 2022"),  # any overlap beats spans that miss each other
        ("18 Nov 2022", "20 Nov 2022", "18 Dec 2022"),  # the nearer of two misses
    ],
)
def test_date_fit_prefers_spans_that_cover_each_other(mention, better, worse):
    assert 1 >= date_fit(span(mention), *span(better)) > date_fit(span(mention), *span(worse)) > 0


def test_date_fit_of_the_same_span_is_one_and_of_an_undated_mention_a_half():
    assert date_fit(span("Nov 2022"), *span("Nov 2022")) == 1
    assert date_fit(None, *span("Nov 2022")) == suggest.UNDATED_FIT


def test_an_event_needs_words_in_common_and_then_its_dates_weigh_them():
    events = [
        event(1, "Nov 2022", "Artillery shells shipped to Russia by rail"),
        event(2, "18 Nov 2022", "Summit in Hanoi"),  # the very day, nothing in common
        event(3, "2017", "North Korea shipped shells by rail"),  # the words, years apart
        event(4, "2010", "Parade in Hanoi"),
    ]
    rarity = Rarity(events)
    ranked = rank(span("18-19 Nov 2022"), topic_words(SENTENCE), events, rarity, limit=5)
    assert [pk for pk, _ in ranked] == [1, 3]
    assert all(suggest.THRESHOLD <= score <= 1 for _, score in ranked)


def test_an_undated_mention_is_ranked_by_its_words():
    events = [event(1, "Nov 2022", "Artillery shells shipped to Russia by rail"), event(2, "2017", "Parade")]
    rarity = Rarity(events)
    assert [pk for pk, _ in rank(None, topic_words(SENTENCE), events, rarity, limit=5)] == [1]


def test_a_sentence_in_another_language_is_ranked_by_its_dates_alone():
    sentence = "북한이 9월 7일부터 10월 1일 사이에 러시아에 컨테이너를 보냈다"
    assert suggest.sentence_words(sentence, "ko") is None
    assert suggest.sentence_words(SENTENCE, "en") == topic_words(SENTENCE)
    events = [
        event(1, "7 Sep 2023 - 1 Oct 2023", "Containers of munitions"),
        event(2, "Sep 2023", "Kim meets Putin"),
        event(3, "18 Nov 2022", "Rail shipments"),
    ]
    ranked = rank(span("7 Sep 2023 - 1 Oct 2023"), None, events, Rarity(events), 5)
    assert [pk for pk, _ in ranked] == [1, 2]  # a date a year away is not offered
    assert ranked[0][1] == pytest.approx(suggest.FOREIGN_WORD_FIT**0.5)
    assert rank(None, None, events, Rarity(events), 5) == []  # neither words nor a date


def test_ties_rank_by_start_then_end_then_id():
    events = [
        event(3, "19 Nov 2022", "Shells shipped by rail"),
        event(2, "18 Nov 2022", "Shells shipped by rail"),
        event(1, "18 Nov 2022", "Shells shipped by rail"),
    ]
    rarity = Rarity(events)
    ranked = rank(span("18-19 Nov 2022"), topic_words(SENTENCE), events, rarity, limit=5)
    assert [pk for pk, _ in ranked] == [1, 2, 3]
    assert len({score for _, score in ranked}) == 1


def test_rarer_shared_words_count_for_more():
    events = [
        event(1, "Nov 2022", "Russia"),
        event(2, "Nov 2022", "Russia and shells"),
        *[event(pk, "2015", "Russia summit") for pk in range(3, 10)],
    ]
    rarity = Rarity(events)
    assert rarity.idf["russi"] < rarity.idf["shell"]
    ranked = rank(span("Nov 2022"), topic_words("Shells went to Russia in November."), events, rarity, 5)
    assert ranked[0][0] == 2


def test_the_index_reads_only_the_events_near_a_mention_and_ranks_them_as_all_events_would(monkeypatch):
    rng = random.Random(3)
    words = "trains shells rockets bridge border summit tanker envoy rail crates".split()
    events = []
    for pk in range(3000):
        start = date(2022, 1, 1) + timedelta(days=rng.randrange(-800, 800))
        end = start + timedelta(days=rng.choice([0, 0, 1, 6, 30, 365, 3650]))
        # Few distinct titles, so many scores tie and the order of ties matters.
        events.append((pk, start, end, " ".join(rng.sample(words, 2)), ""))
    events.append((3000, date(1, 1, 1), date(1, 1, 1), "trains", ""))
    index = EventIndex(events)
    texts = [
        f"On {day}, the {' '.join(rng.sample(words, 3))} moved."
        for day in ("12 March 2022", "May 2021", "2023")
    ]
    found = [(text, find_date_mentions(text, date(2022, 6, 1))) for text in texts]
    windowed = [suggest_citations(index, text, mentions) for text, mentions in found]
    # The first day there is: the window cannot reach back before it, and still finds the event on it.
    first_day = (date(1, 1, 1), date(1, 1, 1))
    assert 3000 in {candidate.pk for candidate in index.candidates(first_day, set())}
    assert len(list(index.candidates(span("12 March 2022"), set()))) < len(index)
    monkeypatch.setattr(index, "candidates", lambda span, words: index.events)
    assert windowed == [suggest_citations(index, text, mentions) for text, mentions in found]
    assert sum(len(suggestions) for by_mention in windowed for suggestions in by_mention.values()) >= 9


def test_the_index_finds_an_undated_mentions_events_by_its_rarest_words():
    index = EventIndex(
        [
            (1, date(2022, 11, 1), date(2022, 11, 30), "Tumen bridge crossing", ""),
            (2, date(2019, 4, 25), date(2019, 4, 25), "Vladivostok summit", ""),
        ]
    )
    assert [
        candidate.pk for candidate in index.candidates(None, topic_words("Trains crossed the Tumen."))
    ] == [1]
    assert index.suggest(None, topic_words("Trains crossed the Tumen bridge."), limit=3)[0][0] == 1


def test_the_loader_suggests_events_for_an_undated_mention_by_its_words():
    index = EventIndex(
        [
            (1, date(2022, 11, 1), date(2022, 11, 30), "Trains cross the Tumen river bridge", ""),
            (2, date(2022, 11, 1), date(2022, 11, 30), "Summit in Hanoi", ""),
        ]
    )
    text = "On Wednesday, trains loaded with crates crossed the Tumen bridge."
    mentions = find_date_mentions(text, None)  # no publication date: "Wednesday" has no anchor
    assert [mention.date for mention in mentions] == [None]
    assert [pk for pk, _ in suggest_citations(index, text, mentions)[0]] == [1]


# --- suggestions follow the dates as the article reads them -----------------------------------------

DRILLS = EventIndex(
    [
        (1, date(2022, 10, 28), date(2022, 10, 28), "Allied air drills end", ""),
        (2, date(2022, 11, 4), date(2022, 11, 4), "Allied air drills end", ""),
    ]
)


def test_suggestions_follow_a_weekday_read_by_its_tense():
    """Published on Wednesday 2 November 2022, the drills "set to end on Friday" end on 4 November:
    the event of that day is suggested first, not the one of the Friday before."""
    text = "The allied air drills began on Monday and are set to end on Friday."
    mentions = find_date_mentions(text, date(2022, 11, 2))
    friday = next(index for index, mention in enumerate(mentions) if mention.text == "Friday")
    assert mentions[friday].value == "2022-11-04"
    assert suggest_citations(DRILLS, text, mentions)[friday][0][0] == 2


def test_suggestions_follow_a_month_read_in_its_narrative_year():
    """A background paragraph about 2017 in an article of 2 November 2022: "September" and "later that
    month" are September 2017, so the sanctions of 2017 are suggested, not a like-named event of 2022."""
    index = EventIndex(
        [
            (1, date(2017, 9, 1), date(2017, 9, 30), "United Nations tightens sanctions on North Korea", ""),
            (2, date(2022, 9, 1), date(2022, 9, 30), "United Nations tightens sanctions on North Korea", ""),
        ]
    )
    text = (
        "North Korea fired 23 missiles on Wednesday. In 2017, it conducted its sixth nuclear test in "
        "September; later that month, the United Nations tightened sanctions on North Korea."
    )
    mentions = find_date_mentions(text, date(2022, 11, 2))
    months = [
        index for index, mention in enumerate(mentions) if mention.text in ("September", "later that month")
    ]
    assert len(months) == 2
    suggestions = suggest_citations(index, text, mentions)
    assert [suggestions[month][0][0] for month in months] == [1, 1]
