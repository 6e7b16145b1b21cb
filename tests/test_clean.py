"""Boilerplate removal (timeline.ingest.clean) on articles it was not written against. No database."""

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest.clean import clean_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# An unseen article: every sentence here must survive cleaning, including the ones that talk about
# newsletters, comments, AI, copyright and donations in passing.
ARTICLE = [
    "Moscow denies buying shells from Pyongyang",
    "SEOUL — Russia's foreign ministry on Friday rejected reports that it had bought artillery shells.",
    '"These reports are false," the ministry said in a statement posted on its website.',
    "The ministry's newsletter, which goes to 40,000 readers, repeated the denial on Saturday.",
    "Analysts said the comments section of the state broadcaster filled with readers' complaints.",
    "A video of the minister, which experts said was AI-generated, circulated on Telegram.",
    "The copyright dispute over the footage was settled in March, the broadcaster said.",
    "Aid groups urged donors to contribute to a fund for displaced families, which needs $2 million.",
    "Read more about the sanctions regime in the UN panel's 2023 report, the diplomat said.",
]
BOILERPLATE = [
    "🔊 Listen to this article",
    "🎧 Audio is AI-generated and may contain errors.",
    "Sign up for our free morning newsletter",
    "Subscribe",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "12 comments",
    "Share this article",
    "Advertisement",
    "Related: Kim visits Vladivostok for talks with Putin",
    "Read more",
    "Tags: North Korea, Russia, Ukraine",
    "© 2023 Example Media Group. All rights reserved.",
    "Copyright 2023 The Daily Example",
    "Updated: 2023-06-14 09:12 KST",
]


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def test_article_sentences_survive():
    assert lines(clean_text("\n".join(ARTICLE))) == ARTICLE


@pytest.mark.parametrize("junk", BOILERPLATE)
def test_each_prompt_line_is_dropped(junk):
    body = [*ARTICLE[:3], junk, *ARTICLE[3:]]
    assert lines(clean_text("\n".join(body))) == ARTICLE


@pytest.mark.parametrize("heading", ["1991", "2000:", "March 2003"])
def test_a_year_heading_of_a_pasted_timeline_is_kept(heading):
    text = "\n".join([heading, "Talks began in Geneva.", "2004", "The talks ended."])
    assert lines(clean_text(text))[0] == heading


def test_author_blurb_goes_with_its_heading():
    text = "\n".join(
        [*ARTICLE, "About the author", "Jane Roe covers Korea for Example News. She lives in Seoul."]
    )
    assert lines(clean_text(text)) == ARTICLE


def test_teaser_ending_in_read_more_is_dropped():
    text = "\n".join([*ARTICLE, "Jane Roe is a reporter based in Seoul. She covers North Korea… Read more"])
    assert lines(clean_text(text)) == ARTICLE


def test_donation_appeal_at_the_end_is_dropped_with_its_heading():
    appeal = (
        "Independent reporting costs money. If you value our journalism, please support us with a "
        "donation today: every contribution keeps our reports free for you."
    )
    text = "\n".join([*ARTICLE, "Before you go…", appeal])
    assert lines(clean_text(text)) == ARTICLE


def test_repeated_photo_caption_is_kept_once():
    caption = "Kim Jong Un and Vladimir Putin at the Vostochny Cosmodrome on Sept. 13, 2023. Reuters"
    text = "\n".join([ARTICLE[0], caption, ARTICLE[1], caption, ARTICLE[2], caption])
    assert lines(clean_text(text)) == [ARTICLE[0], caption, ARTICLE[1], ARTICLE[2]]


def test_short_repeated_lines_are_not_treated_as_captions():
    text = "\n".join(["Yes.", ARTICLE[1], "Yes.", ARTICLE[2]])
    assert lines(clean_text(text)) == ["Yes.", ARTICLE[1], "Yes.", ARTICLE[2]]


def test_stray_inline_tags_and_entities_are_removed():
    text = "The<strong></strong> photo shows railcars&nbsp;at <em>Tumangang</em>.<br/>"
    assert clean_text(text) == "The photo shows railcars at Tumangang."


def test_tag_like_text_that_is_not_formatting_stays_as_text():
    text = "The page carried <script>alert(1)</script> in its comments, researchers said."
    assert clean_text(text) == text


def test_title_repeated_in_the_body_is_dropped():
    body = "\n".join([ARTICLE[1], ARTICLE[0], ARTICLE[2], ARTICLE[0]])
    assert lines(clean_text(body, title=ARTICLE[0])) == [ARTICLE[1], ARTICLE[2]]


def test_scraper_signature_in_another_script_is_dropped():
    assert lines(clean_text("\n".join([*ARTICLE, "(作者:汽车电瓶)"]))) == ARTICLE


def test_text_in_one_non_latin_script_is_kept():
    text = "Северная Корея отрицает поставки.\nМИД России заявил об этом в пятницу."
    assert clean_text(text) == text


def test_blank_line_runs_collapse_and_line_ends_are_normalised():
    assert clean_text("One.\r\n\r\n\r\n\r\nTwo.  \rThree.") == "One.\n\nTwo.\nThree."


def test_a_long_paragraph_is_never_judged_a_prompt():
    sentence = "Subscribe to the theory that Pyongyang ships shells, analysts said, and the picture changes"
    paragraph = " ".join([sentence] * 3) + "."
    assert clean_text(paragraph) == paragraph


@given(st.lists(st.sampled_from(ARTICLE + BOILERPLATE + ["", "  ", "<b></b>", "Read more"]), max_size=25))
def test_cleaning_twice_changes_nothing(parts):
    once = clean_text("\n".join(parts))
    assert clean_text(once) == once


@given(st.lists(st.sampled_from(ARTICLE + BOILERPLATE), max_size=25))
def test_no_article_sentence_is_ever_dropped(parts):
    kept = set(lines(clean_text("\n".join(parts))))
    assert {part for part in parts if part in ARTICLE} <= kept


# The seeds' boilerplate (and nothing else) goes.
SEED_BOILERPLATE = {
    "000": ["Join newsletters from", "Leave a Comment", "Your email address will not be published"],
    "001": ["Voice is AI-generated", "About the writer", "Zoe Strozewski is a Newsweek reporter"],
    "002": ["Give us one more minute", "If you liked the article you just read"],
    "003": ["2024-05-28 22:33:01", "(作者:汽车电瓶)", "<strong>"],
    "004": ["All rights reserved"],
}


def _seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"seed {prefix} is missing from {SEEDS}")
        pytest.skip(f"seed articles are not beside the project ({SEEDS})")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_goes_and_article_lines_stay(prefix):
    raw = _seed(prefix)
    cleaned = clean_text(raw)
    for junk in SEED_BOILERPLATE[prefix]:
        assert junk not in cleaned
    kept = set(cleaned.split("\n"))
    for line in (line.strip() for line in raw.split("\n")):
        if line and not any(junk in line for junk in SEED_BOILERPLATE[prefix]):
            assert line in kept or line.replace("<strong></strong>", "") in kept, line


def test_seed_caption_repeated_three_times_is_kept_once():
    cleaned = clean_text(_seed("003"))
    assert (
        cleaned.count("The captured image shows a photo released by the U.S. National Security Council") == 1
    )
