"""Quoted statements in languages other than English: each language's quotation marks, speech verbs,
pronouns and stance words, one ``StatementLanguage`` per language in ``LANGUAGES``.

Every entry declares examples beside its rules (a sentence, the quote, the speaker, the stance); one
parametrized test walks them. English keeps its own rules in ``timeline.ingest.statements``; a
language not in the table still gets its quotes (``GENERIC_QUOTE_PAIRS``), stored for the curator
without a speaker, never with a guessed one.

How a speaker is found, by word order:

- ``after``: right after the closing mark — Russian and Ukrainian '«…», — заявил Песков', Korean
  '“…”라고 (커비 조정관은) 말했다', Japanese '「…」と(報道官は)述べた'. The pattern has a ``verb``
  group and may have an ``np`` group (the speaker, when it stands there).
- ``before``: the phrase that ends right before the opening mark, in the quote's sentence —
  'Песков заявил: «…»', '커비 조정관은 (20일 기자들에게) “…”', 'ペスコフ報道官は(12日、)「…」'.
  Its ``np`` group is the speaker (for Korean and Japanese, the topic or subject of the sentence).

A speaker that is a pronoun ("он", "그는", "彼は") is the speaker named last in the three sentences
before; when there is none the quote keeps no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.vocabulary import Stance

# Opening mark → closing mark. "“" closes „ (German, Russian, Ukrainian) and opens “ (English, Korean).
GENERIC_QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("«", "»"),
    ("„", "“"),
    ("“", "”"),
    ("「", "」"),
    ("『", "』"),
    ('"', '"'),
)


@dataclass(frozen=True)
class Example:
    """A sentence and what must be found in it: the quote, its speaker ("" for none) and stance."""

    text: str
    quote: str
    speaker: str
    stance: str


@dataclass(frozen=True)
class StatementLanguage:
    """How statements are written in one language (see the module docstring)."""

    code: str
    name: str
    quote_pairs: tuple[tuple[str, str], ...]
    # Matched right after the closing mark: groups ``verb`` and ``rest`` (where a speaker may stand).
    after: re.Pattern
    # Searched in the sentence before the opening mark, anchored at the mark: ``rest`` then ``verb``.
    before: re.Pattern | None
    # The speaker a stretch of text names ("" for none): a name, a title and name, or a pronoun;
    # called with ``after_verb=True`` for the words that follow a speech verb.
    subject: Callable[..., str]
    pronouns: frozenset[str]
    denial: re.Pattern
    confirmation: re.Pattern
    hedge: re.Pattern
    allegation: re.Pattern
    # Speech verbs that carry a stance themselves ("опроверг", "부인했다").
    verb_stances: tuple[tuple[re.Pattern, str], ...]
    # The speaker of '“…”라고 말했다' is the subject before the quote, in the same sentence.
    subject_before_quote: bool = False
    examples: tuple[Example, ...] = field(default=())


def _alternation(words: str) -> str:
    return "(?:" + "|".join(sorted(words.split(), key=len, reverse=True)) + ")"


def _stances(denial: str, confirmation: str, allegation: str) -> tuple[tuple[re.Pattern, str], ...]:
    return (
        (re.compile(denial, re.I), Stance.DENIAL),
        (re.compile(confirmation, re.I), Stance.CONFIRMATION),
        (re.compile(allegation, re.I), Stance.ALLEGATION),
    )


_DASH = r"\s*,?\s*[—–-]+\s*"

_RUSSIAN_VERBS = _alternation(
    "заявил заявила заявили сказал сказала сказали отметил отметила отметили подчеркнул подчеркнула "
    "добавил добавила добавили сообщил сообщила сообщили пояснил пояснила заверил заверила признал "
    "признала опроверг опровергла отрицал отрицала утверждает утверждал написал написала заявляет "
    "говорит рассказал рассказала предупредил предупредила обвинил обвинила подтвердил подтвердила"
)
_UKRAINIAN_VERBS = _alternation(
    "заявив заявила заявили сказав сказала сказали зазначив зазначила зазначили наголосив наголосила "
    "додав додала додали повідомив повідомила повідомили пояснив пояснила запевнив запевнила визнав "
    "визнала спростував спростувала заперечив заперечила стверджує написав написала заявляє каже "
    "розповів розповіла попередив попередила звинуватив звинуватила підтвердив підтвердила"
)


_CAPITALISED = re.compile(r"[A-ZА-ЯЁІЇЄҐ]")


def cyrillic_subject(phrase: str, after_verb: bool = False) -> str:
    """The speaker a Russian or Ukrainian phrase names: a pronoun, else a name of up to two
    capitalised words ("Дмитрий Песков" of "пресс-секретарь Кремля Дмитрий Песков") — the first run of
    capitalised words after a verb ("заявил Песков в Москве"), the last one before it — else ""."""
    words = phrase.strip(" ,—–-").split()
    if words and words[0].casefold() in _CYRILLIC_PRONOUNS and (after_verb or len(words) == 1):
        return words[0]
    runs: list[list[str]] = [[]]
    for word in words:
        if _CAPITALISED.match(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [[word for word in run if word.casefold() not in _CYRILLIC_FUNCTION_WORDS] for run in runs]
    runs = [run for run in runs if run]
    if not runs:
        return ""
    run = runs[0] if after_verb else runs[-1]
    if len(run) == 1 and run[0].isupper() and len(words) > 1 and not after_verb:
        # "глава МИД": the head of the ministry, not the ministry.
        return " ".join(words[-4:])
    return " ".join(run[-2:])


_CYRILLIC_PRONOUNS = frozenset("он она они мы я він вона вони ми".split())
# Capitalised at the start of a sentence, never a name: "Как заявил Песков" names nobody by "Как".
_CYRILLIC_FUNCTION_WORDS = frozenset(
    """как так по в на при также однако ранее кроме это тогда затем потом позже еще ещё уже
    як так за у в на при також проте раніше крім це тоді потім пізніше ще вже""".split()
)


def _cyrillic(code: str, name: str, verbs: str, pronouns: str, **rest) -> StatementLanguage:
    return StatementLanguage(
        code=code,
        name=name,
        quote_pairs=(("«", "»"), ("„", "“"), ("“", "”"), ('"', '"')),
        # «…», — заявил пресс-секретарь Кремля Дмитрий Песков.
        after=re.compile(rf"{_DASH}(?P<verb>{verbs})\b\s*(?P<rest>[^,.;:!?«»„“”\"]{{1,80}})"),
        # Песков заявил: «…» / Министр обороны заявил журналистам, что «…»
        before=re.compile(
            rf"(?P<rest>[^,.;:!?«»„“”\"—–]{{1,80}}?)\s+(?P<verb>{verbs})\b[^.;!?«»„“”\"]{{0,60}}?[:,]?\s*"
            r"(?:что|що)?\s*$"
        ),
        subject=cyrillic_subject,
        pronouns=frozenset(pronouns.split()),
        **rest,
    )


RUSSIAN = _cyrillic(
    "ru",
    "Russian",
    _RUSSIAN_VERBS,
    "он она они мы я",
    denial=re.compile(
        r"\bникогда\b|\bопроверг\w*|\bотрица\w*|\bложь\b|\bлжив\w*|\bфейк\w*|\bбеспочвенн\w*|"
        r"\bникаки\w+|\bне соответству\w* действительности|\bвымысел\b|\bслух\w*|\bне поставля\w*|"
        r"\bне было\b",
        re.I,
    ),
    confirmation=re.compile(r"\bподтвержда\w*|\bподтверди\w*|^\W*да\b", re.I),
    hedge=re.compile(
        r"\bвозможно\b|\bвероятно\b|\bможет\b|\bмогут\b|\bесли\b|\bпохоже\b|\bскорее всего\b", re.I
    ),
    allegation=re.compile(
        r"\bпоставля\w*|\bпоставк\w*|\bпередал\w*|\bпередаё\w*|\bотправ\w*|\bобвин\w*|\bнарушени\w*|"
        r"\bнезаконн\w*",
        re.I,
    ),
    verb_stances=_stances(r"опроверг\w*|отрица\w*", r"подтверди\w*", r"обвини\w*"),
    examples=(
        Example(
            "«Это ложь от начала до конца», — заявил пресс-секретарь Кремля Дмитрий Песков.",
            "Это ложь от начала до конца",
            "Дмитрий Песков",
            Stance.DENIAL,
        ),
        Example(
            "Посол Василий Небензя сказал: «Поставки оружия из КНДР продолжаются».",
            "Поставки оружия из КНДР продолжаются",
            "Василий Небензя",
            Stance.ALLEGATION,
        ),
        Example(
            "«Мы ничего не знаем», — говорится в заявлении.", "Мы ничего не знаем", "", Stance.ASSESSMENT
        ),
        Example(
            "Как заявил Песков, «переговоры продолжатся завтра».",
            "переговоры продолжатся завтра",
            "",
            Stance.ASSESSMENT,
        ),
    ),
)

UKRAINIAN = _cyrillic(
    "uk",
    "Ukrainian",
    _UKRAINIAN_VERBS,
    "він вона вони ми я",
    denial=re.compile(
        r"\bніколи\b|\bжодн\w+|\bспростув\w*|\bзаперечу\w*|\bзаперечи\w*|\bбрехн\w*|\bнеправд\w*|\bфейк\w*|"
        r"\bбезпідставн\w*|\bвигадк\w*|\bчутк\w*|\bне постача\w*",
        re.I,
    ),
    confirmation=re.compile(r"\bпідтвердж\w*|\bпідтверди\w*|^\W*так\b", re.I),
    hedge=re.compile(r"\bможливо\b|\bймовірно\b|\bможе\b|\bможуть\b|\bякщо\b|\bсхоже\b|\bнапевно\b", re.I),
    allegation=re.compile(
        r"\bпостача\w*|\bпоставк\w*|\bпередал\w*|\bпередає\w*|\bвідправ\w*|\bзвинува\w*|\bпорушенн\w*|"
        r"\bнезаконн\w*|\bнадходять\b|\bнадійшл\w*",
        re.I,
    ),
    verb_stances=_stances(r"спростува\w*|заперечи\w*", r"підтверди\w*", r"звинуватив|звинуватила"),
    examples=(
        Example(
            "«Північнокорейські снаряди надходять до Росії ешелонами», — заявив речник ГУР Андрій Юсов.",
            "Північнокорейські снаряди надходять до Росії ешелонами",
            "Андрій Юсов",
            Stance.ALLEGATION,
        ),
        Example(
            "«Снаряди надходять через станцію Туманган», — заявив речник ГУР Андрій Юсов у понеділок, "
            "20 листопада.",
            "Снаряди надходять через станцію Туманган",
            "Андрій Юсов",
            Stance.ALLEGATION,
        ),
        Example(
            "Міністр закордонних справ Дмитро Кулеба сказав: «Ми маємо докази».",
            "Ми маємо докази",
            "Дмитро Кулеба",
            Stance.ASSESSMENT,
        ),
        Example(
            "«Снаряди надходять щодня», — сказав Юсов. «Ми бачимо це на фронті», — наголосив він.",
            "Ми бачимо це на фронті",
            "Юсов",
            Stance.ASSESSMENT,
        ),
    ),
)

_KOREAN_VERBS = (
    r"(?:말했|밝혔|강조했|주장했|부인했|덧붙였|전했|설명했|지적했|비난했|경고했|언급했|확인했|반박했|"
    r"말한|밝힌|강조한|주장한|부인한|설명한|지적한|비판했|발표했|답했|답변했|촉구했|분석했|분석한)"
)
_KOREAN_SUBJECT = re.compile(r"(?P<stem>.+?)(?:은|는|이|가)")
# Words ending in -은/-는/-이/-가 that are verb forms or bound nouns, not subjects.
_KOREAN_NOT_SUBJECT = re.compile(
    r"(?:있는|없는|하는|되는|않는|다는|라는|는데|한다는|된다는|것이|수가|적이|때가|한편으로는)$"
)
# Words that open a sentence or a clause, not a name ("한편 미국 국방부는" is said by 미국 국방부).
_KOREAN_OPENERS = frozenset(
    "한편 또한 또 이어 앞서 특히 이날 지난 그러나 하지만 이에 다만 반면 아울러 당시 현재".split()
)
# A word ending in a particle or verb ending belongs to the clause before the speaker's name.
_KOREAN_CLAUSE_WORD = re.compile(
    r"(?:은|는|이|가|을|를|에|에서|에게|의|로|으로|와|과|도|고|며|다|서|면|만|\d+일|\d+월|\d+년)$"
)
_KOREAN_NAME_WORDS = 5


def korean_subject(stretch: str, after_verb: bool = False) -> str:
    """The subject nearest the end of a Korean stretch of text, with the words of its name and
    title before it: "존 커비 조정관" of "존 커비 조정관은 20일 기자들에게"."""
    words = stretch.split()
    for index in range(len(words) - 1, -1, -1):
        word = words[index].strip(",")
        match = _KOREAN_SUBJECT.fullmatch(word)
        if not match or _KOREAN_NOT_SUBJECT.search(word):
            continue
        name = [match.group("stem")]
        for before in reversed(words[max(0, index - _KOREAN_NAME_WORDS + 1) : index]):
            if _KOREAN_CLAUSE_WORD.search(before) or before in _KOREAN_OPENERS:
                break
            name.insert(0, before)
        return " ".join(name)
    return ""


KOREAN = StatementLanguage(
    code="ko",
    name="Korean",
    quote_pairs=(("“", "”"), ("「", "」"), ("『", "』"), ('"', '"')),
    # “…”라고 말했다 / “…”라고 커비 조정관은 말했다 / “…”며 … 강조했다
    after=re.compile(rf"\s*(?:이?라고|고|며|면서)\s*(?P<rest>[^.“”]{{0,60}}?)(?P<verb>{_KOREAN_VERBS})"),
    before=None,
    # 커비 조정관은 20일 기자들에게 “…”라고 말했다
    subject=korean_subject,
    subject_before_quote=True,
    pronouns=frozenset("그 그녀 이들".split()),
    denial=re.compile(
        r"부인|적이 없|적 없|사실이 아니|사실무근|근거 없|거짓|허위|날조|결코|전혀|루머|헛소문|가짜"
    ),
    confirmation=re.compile(r"확인했|확인한다|확인됐|사실이다|맞다"),
    hedge=re.compile(r"가능성|것으로 보인|추정|듯|수 있|만약|아마|예상"),
    allegation=re.compile(r"제공|공급|수출|이전|운반|보냈|보내고|지원하고|넘겼|위반|불법|비난"),
    verb_stances=_stances(r"부인했|부인한|반박했", r"확인했", r"비난했|비판했"),
    examples=(
        Example(
            "존 커비 조정관은 20일 기자들에게 “북한이 러시아에 포탄을 공급하고 있다”라고 말했다.",
            "북한이 러시아에 포탄을 공급하고 있다",
            "존 커비 조정관",
            Stance.ALLEGATION,
        ),
        Example(
            "존 커비 미국 국가안보회의(NSC) 전략소통조정관은 지난 13일 브리핑에서 "
            "“러시아가 탄약을 구하고 있다”고 말했다.",
            "러시아가 탄약을 구하고 있다",
            "존 커비 미국 국가안보회의(NSC) 전략소통조정관",
            Stance.ASSESSMENT,
        ),
        Example(
            "북한은 이른바 ‘무기 거래’ 보도에 대해 “모든 보도는 거짓”이라는 입장이다.",
            "모든 보도는 거짓",
            "",
            Stance.DENIAL,
        ),
        Example(
            "“우리는 어떤 무기도 수출한 적이 없다”라고 북한 외무성 대변인은 주장했다.",
            "우리는 어떤 무기도 수출한 적이 없다",
            "북한 외무성 대변인",
            Stance.DENIAL,
        ),
        Example(
            "커비 조정관은 “러시아가 무기를 찾고 있다”고 말했다. 그는 “추가 선적 가능성이 높다”고 덧붙였다.",
            "추가 선적 가능성이 높다",
            "커비 조정관",
            Stance.ASSESSMENT,
        ),
    ),
)

_JAPANESE_VERBS = (
    r"(?:述べ|語っ|話し|強調し|主張し|否定し|明らかにし|指摘し|説明し|批判し|非難し|発表し|言っ|"
    r"確認し|反論し|警告し|表明し)"
)
_JAPANESE_SUBJECT = re.compile(r"(?P<np>[^、。「」\s]+?)(?:は|が)")


def japanese_subject(stretch: str, after_verb: bool = False) -> str:
    """The topic or subject nearest the end of a Japanese stretch: "ペスコフ大統領報道官" of
    "ペスコフ大統領報道官は12日、記者団に"."""
    for chunk in reversed(re.split(r"[、。\s]", stretch)):
        match = _JAPANESE_SUBJECT.search(chunk)
        if match:
            return match.group("np")
    return ""


JAPANESE = StatementLanguage(
    code="ja",
    name="Japanese",
    quote_pairs=(("「", "」"), ("『", "』"), ("“", "”")),
    # 「…」と述べた / 「…」と報道官は述べた
    after=re.compile(rf"\s*(?:と|とも)(?P<rest>[^。「」]{{0,40}}?)(?P<verb>{_JAPANESE_VERBS})"),
    before=None,
    # ペスコフ大統領報道官は12日、記者団に「…」と述べた
    subject=japanese_subject,
    subject_before_quote=True,
    pronouns=frozenset("彼 彼女".split()),
    denial=re.compile(r"否定|事実ではない|事実無根|根拠のない|根拠がない|虚偽|デマ|決して|一切"),
    confirmation=re.compile(r"確認した|確認している|事実だ"),
    hedge=re.compile(r"可能性|とみられる|だろう|かもしれない|もし|恐れ"),
    allegation=re.compile(r"供与|提供|輸出|移転|送っ|引き渡|違反|違法|非難"),
    verb_stances=_stances(r"否定し|反論し", r"確認し", r"非難し|批判し"),
    examples=(
        Example(
            "ペスコフ大統領報道官は12日、記者団に「そのような取引は存在しない。事実無根だ」と述べた。",
            "そのような取引は存在しない。事実無根だ",
            "ペスコフ大統領報道官",
            Stance.DENIAL,
        ),
        Example(
            "「北朝鮮は砲弾を提供している」と米政府高官は語った。",
            "北朝鮮は砲弾を提供している",
            "米政府高官",
            Stance.ALLEGATION,
        ),
    ),
)

LANGUAGES: dict[str, StatementLanguage] = {
    rules.code: rules for rules in (RUSSIAN, UKRAINIAN, KOREAN, JAPANESE)
}
