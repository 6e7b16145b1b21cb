"""Quotes, speakers and stances (timeline.ingest.statements). No database."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from timeline.ingest.clean import clean_text
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.pipeline import statement_dates
from timeline.ingest.statements import (
    Speaker,
    SpeakerIndex,
    classify_stance,
    find_quotes,
    find_statements,
)
from timeline.vocabulary import Stance

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT.parent / "shared" / "seeds"
FIXTURE = PROJECT / "fixtures" / "seed_timeline.json"

SPEAKERS = SpeakerIndex(
    [
        Speaker(1, "John Kirby", ("John Kirby", "Kirby"), True),
        Speaker(2, "Sergei Lavrov", ("Sergei Lavrov",), True),
        Speaker(3, "Russian Foreign Ministry", ("Russian Foreign Ministry", "Foreign Ministry"), False),
        Speaker(4, "DPRK government", ("DPRK government", "North Korea", "Pyongyang"), False),
        Speaker(5, "Lee Sang-min", ("Lee Sang-min",), True),
        Speaker(6, "Anna Petrova", ("Anna Petrova",), True),
    ]
)


def only(text: str, speakers: SpeakerIndex = SPEAKERS):
    found = find_statements(text, speakers)
    assert len(found) == 1, found
    return found[0]


def who(text: str) -> str:
    return only(text).who


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will respond to any provocation," Kirby said on Monday.', "John Kirby"),
        ("“We will respond to any provocation,” said John Kirby, the NSC spokesperson.", "John Kirby"),
        (
            'Sergei Lavrov told reporters that the claims were "pure fantasy and nothing more".',
            "Sergei Lavrov",
        ),
        ('The shipments were "well under way", according to Anna Petrova, a researcher.', "Anna Petrova"),
        (
            'Anna Petrova, a researcher at the institute in Oslo, Norway, said, "The trains run weekly."',
            "Anna Petrova",
        ),
        ("“The trains run weekly,” Petrova added.", "Anna Petrova"),
        ('"Nothing was sent," the Foreign Ministry said in a statement.', "Russian Foreign Ministry"),
        ('"Nothing was sent," the russian foreign ministry said.', "Russian Foreign Ministry"),
        (
            'Lee Sang-min of the Institute for Unification Studies at Kyungnam University said, "It fits."',
            "Lee Sang-min",
        ),
        ('"It fits the pattern of the last year," Lee said.', "Lee Sang-min"),
        (
            'Tensions rose when Pyongyang accused Washington of "bringing bloodshed to Ukraine".',
            "DPRK government",
        ),
    ],
)
def test_attribution_patterns(text, speaker):
    assert who(text) == speaker


def test_unknown_speaker_keeps_the_name_as_written():
    statement = only('"The cargo was ammunition," said Maria Gomez, a port worker.')
    assert statement.speaker is None
    assert statement.speaker_name == "Maria Gomez"


def test_quote_offsets_point_into_the_text_without_marks_or_trailing_comma():
    text = "Intro.\n“We can confirm the delivery,” Kirby said."
    statement = only(text)
    assert text[statement.start : statement.end] == statement.quote == "We can confirm the delivery"


def test_a_quote_spanning_sentences_is_one_statement():
    text = '"We never sold them anything. The rumor is false. It is a smear," the ministry said.'
    statement = only(text)
    assert statement.quote == "We never sold them anything. The rumor is false. It is a smear"
    assert statement.speaker_name == "the ministry"


def test_straight_quotes_mixed_with_curly_ones_pair_in_order():
    quotes = find_quotes('He said “one thing” and "another thing" then “a third“.')
    assert [q.end - q.start for q in quotes] == [len("one thing"), len("another thing"), len("a third")]


def test_pronoun_is_the_last_named_speaker():
    text = (
        '"The trains carried shells," Anna Petrova told Reuters. "We saw them twice," she said. '
        "Kirby spoke later."
    )
    found = find_statements(text, SPEAKERS)
    assert [s.who for s in found] == ["Anna Petrova", "Anna Petrova"]


def test_pronoun_with_no_earlier_speaker_takes_a_person_named_in_its_sentence():
    text = 'In a statement released by Sergei Lavrov to the agency on Monday, he said, "We deny it."'
    assert who(text) == "Sergei Lavrov"


def test_definite_description_is_the_person_named_just_before():
    text = 'An aide described as close to Sergei Lavrov spoke. "We sent nothing," the official said.'
    assert who(text) == "Sergei Lavrov"


def test_machine_translated_word_order_names_the_speaker_after_the_verb():
    assert who('"We can confirm the delivery," he said John Kirby at the briefing.') == "John Kirby"


def test_a_quote_paragraph_continues_the_previous_speaker():
    text = '"The oil is payment," said Lee Sang-min, a professor.\n\n"And chances are high it continues."'
    found = find_statements(text, SPEAKERS)
    assert [s.who for s in found] == ["Lee Sang-min", "Lee Sang-min"]


def test_continuation_after_an_interruption_in_the_same_paragraph():
    text = '"It is one of few allies," Maria Gomez said. "And it voted no."'
    found = find_statements(text, SpeakerIndex())
    assert [s.speaker_name for s in found] == ["Maria Gomez", "Maria Gomez"]


def test_an_unresolvable_pronoun_gives_no_statement():
    assert find_statements('"It voted no," he said.', SpeakerIndex()) == []


def test_scare_quotes_and_titles_without_attribution_are_not_statements():
    text = 'The US calls Russia a "partner" in the "illegal and threatening behavior" of Pyongyang.'
    assert find_statements(text, SPEAKERS) == []


def test_quoted_questions_are_not_statements():
    text = 'Asked "Is Russia buying shells from North Korea?", Kirby said "Yes."'
    found = find_statements(text, SPEAKERS)
    assert [s.quote for s in found] == ["Yes."]


def test_surname_matching_needs_a_unique_person():
    index = SpeakerIndex(
        [Speaker(1, "Jane Kim", ("Jane Kim",), True), Speaker(2, "Tom Kim", ("Tom Kim",), True)]
    )
    assert index.match("Kim") is None
    assert index.match("jane kim").key == 1
    assert index.match("NSC spokesperson Tom Kim").key == 2


@pytest.mark.parametrize(
    ("quote", "verb", "stance"),
    [
        ("We have never exported weapons to Russia", "said", Stance.DENIAL),
        ("We have no plans to do so", "said", Stance.DENIAL),
        ("The rumors spread by Washington are false", "said", Stance.DENIAL),
        ("the arms transaction, which never happened", "reiterated", Stance.DENIAL),
        ("these reports", "denied", Stance.DENIAL),
        (
            "We can confirm that North Korea has completed an initial arms delivery",
            "said",
            Stance.CONFIRMATION,
        ),
        ("Yes", "said", Stance.CONFIRMATION),
        ("the deliveries", "confirmed", Stance.CONFIRMATION),
        ("North Korea is supplying Russia with artillery shells", "said", Stance.ALLEGATION),
        ("The DPRK delivered infantry rockets and missiles", "said", Stance.ALLEGATION),
        ("hegemonic policy", "blamed", Stance.ALLEGATION),
        ("chances are high that the North has provided weapons", "said", Stance.ASSESSMENT),
        ("even if it exported weapons, it would strongly deny the fact", "said", Stance.ASSESSMENT),
        ("Russia and North Korea have a long history of cooperation", "said", Stance.ASSESSMENT),
    ],
)
def test_stance_from_wording(quote, verb, stance):
    assert classify_stance(quote, verb) == stance


# The curated statements of the seed timeline, found again in the seed articles.


def _fixture_and_seeds():
    if not FIXTURE.exists() or not SEEDS.is_dir():
        if os.environ.get("CI") and not SEEDS.is_dir():
            pytest.fail(f"seed articles missing from {SEEDS}")
        pytest.skip("the curated fixture or the seed articles are not available")
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return records, {path.name: path for path in SEEDS.glob("*.txt")}


def test_curated_seed_statements_are_found_with_their_speakers():
    records, seeds = _fixture_and_seeds()
    actors = {
        r["pk"]: Speaker(
            r["pk"],
            r["fields"]["name"],
            (r["fields"]["name"], *[a for a in r["fields"]["aliases"].splitlines() if a.strip()]),
            r["fields"]["kind"] == "person",
        )
        for r in records
        if r["model"] == "timeline.actor"
    }
    index = SpeakerIndex(actors.values())
    files = {r["pk"]: r["fields"]["file_name"] for r in records if r["model"] == "timeline.source"}
    found_by_file: dict[str, list] = {}
    total = matched = 0
    for record in (r for r in records if r["model"] == "timeline.statement"):
        fields = record["fields"]
        name = files[fields["source"]]
        if name not in seeds:
            continue
        if name not in found_by_file:
            found_by_file[name] = find_statements(clean_text(seeds[name].read_text(encoding="utf-8")), index)
        opening = fields["quote"].split(" …")[0][:40]
        total += 1
        matched += any(
            s.quote.startswith(opening) and s.speaker and s.speaker.key == fields["speaker"]
            for s in found_by_file[name]
        )
    assert total
    assert matched / total >= 0.9, f"{matched} of {total} curated statements found with their speaker"


# --- a statement's date: read in its article, as every date mention is -----------------------------


def statement_date(text: str, published: date, language: str = "en") -> str | None:
    """The value the loader dates the one statement of ``text`` with: its sentence's mention, as
    ``find_date_mentions`` reads it in the whole article."""
    statements = find_statements(text, CONTEXT_SPEAKERS, language=language)
    assert len(statements) == 1, statements
    (mention,) = statement_dates(statements, find_date_mentions(text, published, language=language))
    return mention.value if mention else None


CONTEXT_SPEAKERS = SpeakerIndex([*SPEAKERS.speakers, Speaker(7, "Сергей Лавров", ("Сергей Лавров",), True)])


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ('"The trains run weekly," Kirby said on Tuesday.', "en", "2023-06-13"),
        ('Kirby said on Tuesday that "the trains run weekly and nothing has changed."', "en", "2023-06-13"),
        (
            "Переговоры прошли в понедельник. «Мы продолжим сотрудничество со всеми партнёрами», — "
            "заявил Сергей Лавров во вторник.",
            "ru",
            "2023-06-13",
        ),
    ],
)
def test_a_statement_said_on_tuesday_in_an_article_of_wednesday_14_june_2023_is_of_13_june(
    text, language, expected
):
    assert statement_date(text, date(2023, 6, 14), language) == expected


def test_a_statement_said_the_same_day_is_of_the_day_the_text_named_last():
    text = (
        'The North tested its sixth nuclear bomb on Sept. 3, 2017. "Nothing will change our course," '
        "Kirby said the same day."
    )
    assert statement_date(text, date(2022, 11, 2)) == "2017-09-03"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            'In 2017, the North tested its sixth nuclear bomb. "Nothing will change our course," '
            "Kirby said in September.",
            "en",
            "2017-09",
        ),
        (
            "В 2019 году Ким впервые встретился с Путиным. «Мы будем развивать сотрудничество со всеми "
            "партнёрами», — заявил Сергей Лавров в апреле.",
            "ru",
            "2019-04",
        ),
    ],
)
def test_a_statement_in_a_background_passage_is_dated_in_its_narrative_year(text, language, expected):
    """Published on 2 November 2022 (and 14 September 2023): the month follows the year the passage
    is about, not the publication year."""
    published = date(2022, 11, 2) if language == "en" else date(2023, 9, 14)
    assert statement_date(text, published, language) == expected
