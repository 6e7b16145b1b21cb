"""Articles in other languages: language, sentences, statements, translations as copies, and the pages."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import make_citation, make_event, make_source, make_statement
from timeline.highlight import in_context
from timeline.ingest import language as language_module
from timeline.ingest import translation
from timeline.ingest.articles import text_article
from timeline.ingest.language import determine_language, normalise_code
from timeline.ingest.mentions import find_date_mentions
from timeline.ingest.published import contradiction, find_dateline
from timeline.ingest.sentences import split_sentences
from timeline.ingest.statement_languages import LANGUAGES
from timeline.ingest.statements import find_paired_quotes, find_statements
from timeline.models import Event, Review, Source, Statement
from timeline.templatetags.timeline import lang_of, language_name

ARTICLES = Path(__file__).parent / "multilingual"


def load(*names: str, **options) -> list[dict]:
    """The JSON report of ``load_articles`` on the test articles (or other paths) ``names``."""
    out = io.StringIO()
    paths = [str(ARTICLES / name) for name in names]
    call_command("load_articles", *paths, format="json", stdout=out, stderr=io.StringIO(), **options)
    return json.loads(out.getvalue())


# ---------------------------------------------------------------------------------------------------
# Language


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("ko", "ko"),
        ("ko-KR", "ko"),
        ("en_US", "en"),
        (" UK ", "uk"),
        ("zh-Hant-TW", "zh"),
        ("korean!", None),
        ("", None),
    ],
)
def test_language_codes_are_kept_as_their_primary_subtag(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("북한 외무성 대변인은 미국의 주장은 근거 없는 날조라고 주장했다.", "ko"),
        ("Речник ГУР заявив, що снаряди надходять ешелонами через станцію.", "uk"),
        ("Пресс-секретарь президента заявил, что никаких соглашений не подписывалось.", "ru"),
        ("報道官は記者団に、そのような取引は存在しないと述べた。", "ja"),
        ("North Korea denied that it had sold shells to Russia.", "en"),
    ],
)
def test_the_language_is_detected_from_the_text(text, code):
    assert determine_language(text) == language_module.Language(code, "detected")


@pytest.mark.parametrize("text", ["Text.", "Passage 12", "1234", ""])
def test_a_text_too_short_to_tell_is_taken_for_english(text):
    assert determine_language(text) == language_module.Language("en", "detected")


def test_given_language_wins_over_metadata_and_metadata_over_detection():
    korean = "북한 외무성 대변인은 미국의 주장은 근거 없는 날조라고 주장했다."
    assert determine_language(korean, given="ja", metadata="en").source == "given"
    assert determine_language(korean, metadata="ko-KR") == language_module.Language("ko", "metadata")
    assert determine_language(korean, metadata="not a code").source == "detected"


def test_the_html_lang_attribute_is_the_pages_language(db):
    [result] = load("uk_shells.html.jsonl")
    assert (result["language"], result["language_source"]) == ("uk", "metadata")
    assert Source.objects.get(pk=result["source"]).language == "uk"


def test_language_on_the_command_line_is_given_for_every_article(db):
    results = load("en_containers.jsonl", "uk_shells.html.jsonl", language="fr", dry_run=True)
    assert {(r["language"], r["language_source"]) for r in results} == {("fr", "given")}


def test_a_bad_language_on_the_command_line_is_refused_before_anything_is_read(db, tmp_path):
    with pytest.raises(CommandError, match="--language 'korean!' is not a language code"):
        load("en_containers.jsonl", language="korean!")
    assert not Source.objects.exists()


def test_a_bad_language_in_json_lines_is_a_warning_and_the_text_decides(db, tmp_path):
    path = tmp_path / "batch.jsonl"
    record = {
        "text": "북한 외무성 대변인은 미국의 주장은 근거 없는 날조라고 주장했다.",
        "title": "제목",
        "language": "??",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [result] = load(str(path))
    assert (result["language"], result["language_source"]) == ("ko", "detected")
    assert any("not a language code" in warning for warning in result["warnings"])


def test_given_language_in_json_lines():
    article = text_article("Title\nSome text in a language.", "x.jsonl", language="de")
    assert (article.language, article.language_source) == ("de", "given")


# ---------------------------------------------------------------------------------------------------
# Dates: what every language's rules share (each rule's own examples are walked by tests/test_mentions.py)


def test_full_width_digits_are_read_and_the_mention_keeps_them():
    [mention] = find_date_mentions("２０２２年１１月に合意した。", date(2023, 1, 5), language="ja")
    assert (mention.text, mention.value) == ("２０２２年１１月", "2022-11")


@pytest.mark.parametrize(
    ("language", "text", "span", "value"),
    [
        ("zh", "公报发布于二〇二三年九月十三日。此后双方继续会谈。", "二〇二三年九月十三日", "2023-09-13"),
        ("zh", "战争于一九五〇年六月二十五日爆发，十月中国参战。", "一九五〇年六月二十五日", "1950-06-25"),
        ("zh", "十月一日是国庆节。", "十月一日", "2022-10-01"),
        ("ja", "両首脳は九月十三日に会談した。", "九月十三日", "2022-09-13"),
    ],
)
def test_numbers_in_characters_are_read_and_the_mention_keeps_its_place(language, text, span, value):
    mention = find_date_mentions(text, date(2022, 11, 2), language=language)[0]
    assert (mention.text, text[mention.start : mention.end], mention.value) == (span, span, value)
    assert span in mention.sentence(text) and mention.sentence(text) in text


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before():
    text = "В третьем квартале прибыль выросла по сравнению с годом ранее, а годом ранее упала."
    values = [m.value for m in find_date_mentions(text, date(2023, 11, 15), language="ru")]
    # A comparison period is no anchor: the second "годом ранее" counts from the quarter as well.
    assert values == ["2023-Q3", "2022-Q3", "2022-Q3"]


def test_a_month_after_a_year_in_the_same_sentence_is_of_that_year_only():
    text = "Möödunud aastal oli tomat 20. novembril müügil. Sel nädalal maksis see 20. novembril rohkem."
    values = [m.value for m in find_date_mentions(text, date(2022, 11, 25), language="et")]
    assert values == ["2021", "2021-11-20", "2022-W47", "2022-11-20"]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("ko", "회의는 5월 중순 열릴 예정이다.", "2024-05"),
        ("ru", "Весной ожидается новый доклад.", "2024-SP"),
        ("et", "Reedel esitleb valitsus eelarvet.", "2024-03-22"),
        ("et", "Reedel esitles valitsus eelarvet.", "2024-03-15"),
        # The Italian perfect with "essere" is past; "è prevista" looks ahead.
        ("it", "A ottobre sono arrivati i primi vagoni.", "2023-10"),
        ("it", "A ottobre è prevista la visita.", "2024-10"),
    ],
)
def test_tense_decides_which_month_season_or_weekday_is_meant(language, text, value):
    [mention] = find_date_mentions(text, date(2024, 3, 20), language=language)
    assert mention.value == value


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Переговоры длились три года. Сейчас идут консультации. Резолюция 2231 действует."),
        ("ko", "협상은 3년간 이어졌다. 지금은 협의 중이다. 결의 2231호. 1718위원회는 회의를 열었다."),
        ("ja", "交渉は3年間続いた。現在協議中だ。決議2231号。1718委員会が開かれた。"),
        ("de", "Die Verhandlungen dauerten drei Jahre. Jetzt laufen Gespräche. Die Resolution 2231 gilt."),
        (
            "et",
            "Läbirääkimised kestsid kolm aastat. Praegu käivad konsultatsioonid. Resolutsioon 2231 kehtib.",
        ),
        # A season as a habit or a name: every summer, the winter forecast.
        ("it", "D'estate le città si svuotano; la Commissione pubblicherà le previsioni d'inverno."),
        # The morning, not tomorrow.
        ("de", "Am Morgen sprach der Kanzler."),
        ("es", "Por la mañana habló el presidente."),
        # A prison term in years and months.
        ("ja", "元社長に懲役12年6月を言い渡した。"),
        ("ko", "법원은 징역 1년 6월을 선고했다."),
        # A half of anything else than a year.
        ("ru", "Первая половина матча прошла спокойно."),
        ("it", "Nella prima metà della partita ha segnato."),
        ("de", "In der ersten Hälfte des Spiels fiel kein Tor."),
    ],
)
def test_durations_now_and_resolution_numbers_are_no_dates_in_any_language(language, text):
    assert find_date_mentions(text, date(2023, 11, 15), language=language) == []


_MONTHS_IN = {
    "ru": (
        "Это случилось в {}.",
        "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    ),
    "uk": (
        "Це сталося у {}.",
        "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
    ),
}


@pytest.mark.parametrize(
    ("language", "number", "month"),
    [
        (language, n, form)
        for language, (_, forms) in _MONTHS_IN.items()
        for n, form in enumerate(forms.split(), 1)
    ],
)
def test_every_month_is_found_in_the_case_a_date_takes_after_in(language, number, month):
    # "в июне", "у лютому": the forms of the short and the adjectival month names too.
    sentence = _MONTHS_IN[language][0].format(month)
    [mention] = find_date_mentions(sentence, date(2010, 12, 20), language=language)
    assert (mention.text, mention.value) == (month, f"2010-{number:02d}")


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("ko", "입력 2023.11.15. 10:32"),
        ("ja", "2023年11月15日（水）10時32分 配信"),
        ("zh", "2023年11月15日 10:32 来源：新华社"),
        ("ru", "Опубликовано: 15 ноября 2023, 10:32"),
        ("uk", "15 листопада 2023, 10:32"),
        ("de", "Stand: 15.11.2023 10:32 Uhr"),
        ("fr", "Publié le 15 novembre 2023 à 10h32"),
        ("it", "Pubblicato il 15 novembre 2023 alle ore 10:32"),
        ("es", "Actualizado el 15 de noviembre de 2023"),
        ("et", "Avaldatud 15. novembril 2023 kell 10:32"),
        ("ko", "2023-11-15 10:32:01"),
    ],
)
def test_datelines_are_read_in_the_articles_language(language, line):
    assert find_dateline(f"제목 Title\n{line}\nBody.", language) == date(2023, 11, 15)


def test_a_date_mentioned_in_a_sentence_is_no_dateline_in_any_language():
    assert find_dateline("Заголовок\nТекст, в котором 15 ноября 2023 года упомянуто.\nЕщё.", "ru") is None


def test_a_publication_date_that_contradicts_a_russian_article_is_found_out():
    text = (
        "Учения прошли в марте прошлого года. В марте 2022 года начались переговоры. В мае прошлого года, "
        "в мае 2022 года, снова. В июне прошлого года и в июне 2022 года."
    )
    assert contradiction(text, date(2023, 11, 15), "ru") is None
    assert "anchored on 2023" in contradiction(text, date(2024, 11, 15), "ru")


def test_korean_relative_dates_that_name_no_month_are_no_evidence_against_the_publication_date():
    # Korean writes months as numbers only: "다음 달 초" (early next month) and "올해 하반기" (this
    # year's second half) name none, so anchored on 2022 their landing on "2022년 9월 6일" is chance.
    text = "태풍은 2022년 9월 6일 이후 처음이다. 다음 달 초까지 점검한다. 올해 하반기 위성을 발사한다."
    assert contradiction(text, date(2024, 8, 22), "ko") is None


# ---------------------------------------------------------------------------------------------------
# Sentences


@pytest.mark.parametrize(
    ("language", "text", "sentences"),
    [
        (
            "ko",
            "북한은 포탄을 보냈다.미국은 확인했다! 정말인가?",
            ["북한은 포탄을 보냈다.", "미국은 확인했다!", "정말인가?"],
        ),
        ("ja", "会談した。北朝鮮は否定した！本当か？", ["会談した。", "北朝鮮は否定した！", "本当か？"]),
        ("zh", "朝鲜否认了。俄罗斯也否认！", ["朝鲜否认了。", "俄罗斯也否认！"]),
        # "。" is no decimal point: a sentence opening with a digit starts after it.
        ("ja", "首相は述べた。28日には会談が開かれる。", ["首相は述べた。", "28日には会談が開かれる。"]),
        ("zh", "他这样说。28日举行会谈！3月将访问。", ["他这样说。", "28日举行会谈！", "3月将访问。"]),
        (
            "ru",
            "По словам г. Иванова, т.е. главы ведомства, поставки идут. В 2023 г. все изменилось.",
            ["По словам г. Иванова, т.е. главы ведомства, поставки идут.", "В 2023 г. все изменилось."],
        ),
        (
            "de",
            "Laut Dr. Müller gab es z. B. im Jan. Lieferungen. Am 3. Oktober kam es an.",
            ["Laut Dr. Müller gab es z. B. im Jan. Lieferungen.", "Am 3. Oktober kam es an."],
        ),
        ("uk", "Юсов заявив це.\nПєсков заперечив.", ["Юсов заявив це.", "Пєсков заперечив."]),
        # A date alone, its year abbreviated ("r." for "roku"), opens the sentence after it; a sentence
        # ending on one ends there.
        (
            "pl",
            "W 2022 r. Polska przyjęła uchodźców. Umowę podpisano w 2023 r. Prezydent był zadowolony.",
            [
                "W 2022 r. Polska przyjęła uchodźców.",
                "Umowę podpisano w 2023 r.",
                "Prezydent był zadowolony.",
            ],
        ),
        (
            "en",
            "Officials in the U.S. said so. Mr. Kirby agreed.",
            ["Officials in the U.S. said so.", "Mr. Kirby agreed."],
        ),
    ],
)
def test_sentences_split_in_every_language(language, text, sentences):
    assert [text[start:end] for start, end in split_sentences(text, language)] == sentences


def test_a_citations_context_is_the_sentence_the_loader_stored():
    text = "First sentence here. Officials in the U.S. said the shells arrived. Last one."
    start = text.index("the shells")
    context = in_context(text, start, start + len("the shells arrived"))
    # The sentence holding the passage starts at "Officials" (the loader's splitter), not at "said".
    assert context.before == "First sentence here. Officials in the U.S. said "
    assert context.after == ". Last one."


def test_a_citations_context_in_japanese_has_the_sentences_around_it():
    text = "会談した。北朝鮮は否定した！本当か？"
    start = text.index("北朝鮮")
    context = in_context(text, start, start + 3, "ja")
    assert (context.before, context.after) == ("会談した。", "は否定した！本当か？")


# ---------------------------------------------------------------------------------------------------
# Statements


EXAMPLES = [(code, example) for code, rules in LANGUAGES.items() for example in rules.examples]


@pytest.mark.parametrize(
    ("language", "example"), EXAMPLES, ids=[f"{code}-{i}" for i, (code, _) in enumerate(EXAMPLES)]
)
def test_statement_languages_find_their_examples(language, example):
    found = find_statements(example.text, language=language)
    assert [(s.quote, s.who, s.stance) for s in found][-1] == (example.quote, example.speaker, example.stance)


def test_every_statement_language_declares_examples_with_a_speaker_and_each_stance_it_reads():
    assert {"ko", "ru", "uk", "ja"} <= set(LANGUAGES)
    for rules in LANGUAGES.values():
        assert any(example.speaker for example in rules.examples), rules.code


def test_nested_quotation_marks_stay_inside_the_outer_quote():
    text = "Он сказал: «Это „сделка века“, не больше»."
    [quote] = find_paired_quotes(text, LANGUAGES["ru"].quote_pairs)
    assert text[quote.start : quote.end] == "Это „сделка века“, не больше"


def test_a_language_without_rules_keeps_its_quotes_without_a_speaker():
    text = "« Nous n'avons jamais vendu d'armes à la Russie », a déclaré le porte-parole Jean Dupont."
    [statement] = find_statements(text, language="fr")
    assert statement.quote == "Nous n'avons jamais vendu d'armes à la Russie"
    assert (statement.speaker_name, statement.speaker) == ("", None)


def test_a_pronoun_with_no_named_speaker_before_it_gets_no_speaker():
    text = "Юсов відповів на запитання. «Ми бачимо це на фронті», — наголосив він."
    [statement] = find_statements(text, language="uk")
    assert statement.who == ""


def test_questions_and_scare_quotes_are_not_statements():
    text = "북한은 ‘무기 거래’를 “조작”이라고 했다. 기자가 “정말 사실입니까?”라고 물었다."
    assert find_statements(text, language="ko") == []


# ---------------------------------------------------------------------------------------------------
# Translations


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("more than 1,000 containers", ["1000"]),
        ("1 000 снарядів і 2,5 млн патронів", ["1000", "2500000"]),
        ("포탄 100만 발과 3억 달러", ["1000000", "300000000"]),
        ("1.5 billion dollars, 1.000 Granaten", ["1500000000", "1000"]),
        ("1.000.000 Schuss, 3.14159", ["1000000"]),
        ("on the 3rd, 7 ships", []),
    ],
)
def test_numbers_are_read_with_their_scale_words(text, numbers):
    assert translation.numbers_in(text) == numbers


@pytest.mark.parametrize("word", translation.SCALE_WORDS, ids=lambda word: word.example)
def test_scale_words_read_their_examples(word):
    assert translation.numbers_in(word.example) == [word.reads_as]


def test_translation_detection_on_the_written_pairs(capsys):
    result = translation.evaluate(ARTICLES)
    print(f"translation pairs: {result}")
    assert result["tp"] + result["fn"] == 3 and result["fp"] + result["tn"] == 9
    assert (result["precision"], result["recall"]) == (1.0, 1.0)


def test_articles_in_the_same_language_are_never_translations():
    facts = translation.Facts("en", numbers=frozenset({"1000", "1718", "27", "13", "14"}))
    assert translation.translation_score(facts, facts) is None
    assert translation.translation_score(facts, translation.Facts("ko", numbers=facts.numbers)) == 1.0


def test_a_report_of_the_same_briefing_is_not_a_translation():
    # The same figure and days, but not the other's details: a near miss.
    english = translation.Facts(
        "en", numbers=frozenset({"1000", "13", "14", "1718", "27"}), names=frozenset({"nsc"})
    )
    briefing = translation.Facts(
        "ko", numbers=frozenset({"10", "1000", "13", "14"}), names=frozenset({"nsc"})
    )
    assert translation.translation_score(english, briefing) is None
    translated = translation.Facts("ko", numbers=frozenset({"10", "1000", "13", "14", "1718", "27"}))
    assert translation.translation_score(english, translated) == 5 / 6


def test_latin_names_missing_from_the_other_article_rule_a_translation_out():
    numbers = frozenset({"1000", "13", "14", "1718", "27"})
    english = translation.Facts("en", numbers=numbers, names=frozenset({"nsc", "kirby"}))
    assert translation.translation_score(
        english, translation.Facts("ko", numbers=numbers, names=frozenset({"nsc"}))
    )
    others = frozenset({"csis", "kcna", "nk"})
    assert (
        translation.translation_score(english, translation.Facts("ko", numbers=numbers, names=others)) is None
    )


def test_articles_published_more_than_a_week_apart_are_not_translations():
    numbers = frozenset({"1000", "1718", "27", "13", "14"})
    first = translation.Facts("en", numbers=numbers, published=date(2023, 10, 14))
    assert translation.translation_score(
        first, translation.Facts("ko", numbers=numbers, published=date(2023, 10, 20))
    )
    assert (
        translation.translation_score(
            first, translation.Facts("ko", numbers=numbers, published=date(2023, 10, 22))
        )
        is None
    )


# ---------------------------------------------------------------------------------------------------
# End to end: a Korean article, its English translation and a Ukrainian article


@pytest.fixture
def event(db):
    return make_event("North Korea shipped containers of munitions to Russia", date="7 Sep 2023 - 1 Oct 2023")


def test_a_korean_article_and_its_translation_are_one_independent_source(event):
    korean, english, ukrainian = load("ko_containers.jsonl", "en_containers.jsonl", "uk_shells.html.jsonl")

    assert (korean["status"], korean["language"], korean["language_source"]) == ("loaded", "ko", "detected")
    assert [(s["speaker"], s["stance"]) for s in korean["statements"]] == [
        ("존 커비 미국 국가안보회의(NSC) 전략소통조정관", "allegation"),
        ("커비 조정관", "assessment"),
        ("커비 조정관", "assessment"),
        ("북한 외무성 대변인", "denial"),
        ("대변인", "denial"),
    ]
    assert korean["statements"][3]["quote"] == "미국의 주장은 근거 없는 날조"

    assert (english["status"], english["language"]) == ("duplicate", "en")
    assert english["translation_of"]["source"] == korean["source"]
    assert english["translation_of"]["language"] == "ko" and english["translation_of"]["score"] >= 0.5
    assert english["duplicate_of"]["source"] == korean["source"]
    assert english["mentions"] and any(
        s.suggestions.exists() for s in Source.objects.get(pk=english["source"]).mentions.all()
    )

    # Their dates, read in their own language, and the event they suggest although no word is shared.
    assert [(m["text"], m["value"], m["until"], m["modifier"]) for m in korean["mentions"]] == [
        ("13일", "2023-10-13", None, ""),
        ("9월 7일부터 10월 1일", "2023-09-07", "2023-10-01", ""),
        ("8월 말", "2023-08", None, "late"),
        ("14일", "2023-10-14", None, ""),
    ]
    range_mention = Source.objects.get(pk=korean["source"]).mentions.get(text="9월 7일부터 10월 1일")
    assert [s.event for s in range_mention.suggestions.all()] == [event]
    assert [(m["text"], m["value"], m["modifier"]) for m in ukrainian["mentions"]] == [
        ("серпня", "2023-08", ""),
        ("понеділок, 20 листопада", "2023-11-20", ""),
        ("від початку вересня", "2023-09", "early"),
        ("жовтні", "2023-10", ""),
    ]
    early_september = Source.objects.get(pk=ukrainian["source"]).mentions.get(text="від початку вересня")
    assert [s.event for s in early_september.suggestions.all()] == [event]
    assert (
        not Source.objects.get(pk=ukrainian["source"])
        .mentions.get(text__contains="листопада")
        .suggestions.exists()
    )

    assert (ukrainian["status"], ukrainian["language"], ukrainian["translation_of"]) == ("loaded", "uk", None)
    assert [(s["speaker"], s["stance"]) for s in ukrainian["statements"]] == [
        ("Андрій Юсов", "allegation"),
        ("Андрій Юсов", "assessment"),
        ("Пєсков", "denial"),
    ]

    # The review queue holds their quotes, with the speakers as written.
    pending = Statement.objects.filter(review=Review.PENDING)
    assert pending.filter(source=korean["source"]).count() == 5
    assert pending.filter(source=ukrainian["source"], speaker_name="Андрій Юсов").count() == 2

    stored_korean, stored_english = (
        Source.objects.get(pk=korean["source"]),
        Source.objects.get(pk=english["source"]),
    )
    assert stored_english.duplicate_of == stored_korean and stored_english.is_translation
    assert not stored_korean.is_translation
    make_citation(event, source=stored_korean, excerpt="컨테이너 분량의 군사 장비와 탄약을 제공했다")
    make_citation(event, source=stored_english, excerpt="more than 1,000 containers of military equipment")
    event = Event.objects.for_timeline().get(pk=event.pk)
    assert (len(event.sources), event.independent_source_count) == (2, 1)
    assert Event.objects.for_cards().get(pk=event.pk).independent_count == 1


def test_the_text_report_says_translation_of_source_n(db):
    out = io.StringIO()
    paths = [str(ARTICLES / name) for name in ("ko_containers.jsonl", "en_containers.jsonl")]
    call_command("load_articles", *paths, stdout=out)
    korean = Source.objects.get(language="ko")
    lines = out.getvalue().splitlines()
    assert f"translation of source {korean.pk} (ko)" in lines[1] and "translation of" not in lines[0]
    assert lines[-1].startswith("loaded 1, updated 0, unchanged 0, duplicates 1")


def test_a_translation_is_scored_alike_in_the_run_of_its_original_and_in_a_later_one(db):
    # In one run the original's dates are those just found; in a later run, found again in its text.
    _, in_one_run = load("ko_containers.jsonl", "en_containers.jsonl")
    Source.objects.all().delete()
    load("ko_containers.jsonl")
    (in_a_later_run,) = load("en_containers.jsonl")
    assert in_one_run["translation_of"]["score"] == in_a_later_run["translation_of"]["score"]


def test_the_original_is_the_one_published_first_in_any_language(db):
    english, ukrainian = load("en_shells.jsonl", "uk_shells.html.jsonl")
    assert english["status"] == "duplicate" and ukrainian["original_of"]["source"] == english["source"]
    stored = Source.objects.get(pk=english["source"])
    assert stored.duplicate_of_id == ukrainian["source"] and stored.is_translation


def test_a_dry_run_finds_a_translation_among_the_runs_articles(db):
    korean, english = load("ko_containers.jsonl", "en_containers.jsonl", dry_run=True)
    assert (korean["source"], korean["language"]) == (None, "ko")
    assert english["translation_of"]["path"] == f"{ARTICLES / 'ko_containers.jsonl'}: line 1"
    assert not Source.objects.exists()


def test_near_misses_are_stored_as_independent_sources(db):
    results = load("ko_containers.jsonl", "en_nis_shells.jsonl", "ko_rail.jsonl", "ko_briefing.jsonl")
    assert [(r["status"], r["translation_of"]) for r in results] == [("loaded", None)] * 4


# ---------------------------------------------------------------------------------------------------
# Pages


def test_the_source_page_shows_the_language_and_marks_up_the_text(client, db):
    original = make_source("US says North Korea sent containers", language="en", text="Text.")
    source = make_source(
        "北 “날조” 반발 <b>", language="ko", language_source="detected", duplicate_of=original, text="본문"
    )
    make_statement(make_event(), source=source, quote="근거 없는 날조", review=Review.ACCEPTED)
    html = client.get(source.get_absolute_url()).content.decode()
    assert 'lang="ko">北 “날조” 반발 &lt;b&gt;</h1>' in html
    assert 'Korean <span class="muted">(detected from the text)</span>' in html
    assert "<dt>Translation of</dt>" in html
    assert '<blockquote lang="ko"><p>근거 없는 날조</p></blockquote>' in html
    assert 'class="source__text source__text--marked" lang="ko"' in html
    english_page = client.get(original.get_absolute_url()).content.decode()
    assert 'lang="ko"' not in english_page.split("<body")[1]


def test_a_language_set_by_hand_is_escaped_in_the_lang_attribute():
    assert lang_of(Source(language='x"><b>')) == ' lang="x&quot;&gt;&lt;b&gt;"'
    assert lang_of(Source(language="en")) == ""


@pytest.mark.parametrize(
    ("code", "name"), [("ko", "Korean"), ("zh", "Chinese"), ("uk", "Ukrainian"), ("xx", "xx")]
)
def test_languages_are_shown_by_name(code, name):
    assert language_name(code) == name


def test_quotes_and_excerpts_carry_their_language_on_the_event_and_statements_pages(client, db):
    source = make_source(
        "Песков: никаких соглашений",
        language="ru",
        text="«Никаких соглашений не подписывалось», — сказал Песков.",
    )
    event = make_event("Peskov denies an arms deal")
    make_citation(event, source=source, excerpt="Никаких соглашений", start=1, end=19)
    make_statement(event, source=source, quote="Никаких соглашений не подписывалось", review=Review.ACCEPTED)
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<blockquote class="citation__context" lang="ru">' in page
    assert '<blockquote lang="ru"><p>Никаких соглашений не подписывалось</p></blockquote>' in page
    statements = client.get("/statements/").content.decode()
    assert '<blockquote lang="ru"><p>Никаких соглашений не подписывалось</p></blockquote>' in statements


def test_the_review_queue_marks_quotes_and_sentences_in_another_language(admin_client):
    load("ko_containers.jsonl")
    statements = admin_client.get("/admin/timeline/statement/").content.decode()
    assert '<span lang="ko">미국의 주장은 근거 없는 날조</span>' in statements
    source = Source.objects.get()
    start = source.text.index("지난 13일")
    source.mentions.create(
        start=start, end=start + 6, text="지난 13일", sentence_start=start - 3, sentence_end=start + 9
    )
    mentions = admin_client.get("/admin/timeline/datemention/").content.decode()
    assert '<span lang="ko">관은 <mark>지난 13일</mark> 브리</span>' in mentions
