"""Words of news text (timeline.words): the one tokenizer and stop-word list. No database."""

from timeline.words import content_words, longest_topic_words, topic_words


def test_content_words_are_stems_without_stop_words():
    # One-letter words say nothing; numbers stay (copies share them).
    assert content_words("In 2022 the DPRK is supplying a million shells") == [
        "2022",
        "dprk",
        "suppl",
        "milli",
        "shell",
    ]


def test_topic_words_drop_numbers_and_the_words_of_dates():
    assert topic_words("The shells were shipped in November 2022 to Russia, last week") == {
        "shell",
        "shipp",
        "russi",
    }


def test_longest_topic_words_are_whole_words_longest_first():
    sentence = "In November Pyongyang shipped artillery shells to Russia by rail, officials said."
    assert longest_topic_words(sentence, 4) == ["artillery", "officials", "pyongyang", "shipped"]
