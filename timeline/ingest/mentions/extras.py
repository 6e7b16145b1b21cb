"""What dateparser's locale data lacks, per language: only what the rules need and the data has not.

The month and weekday names, unit words and relative phrases come from dateparser
(``timeline.ingest.mentions.locale``). Listed here, per language, are the words around them that the
data does not hold: how a language says early/mid/late/about beside a date, joins two days into a range,
names seasons and decades, counts in words, says "ago" where the data has another form, says "this year"
or "last year" in the cases a month takes ("прошлого года", "eelmise aasta"), and refers to the day
before or after the one just mentioned. Each entry is a regular-expression alternation (case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.dates import Modifier, Precision


@dataclass(frozen=True)
class Extras:
    # Words written before a date that modify it, and those written after it ("9월 초", "aprilli lõpul").
    modifiers_before: dict[str, Modifier] = field(default_factory=dict)
    modifiers_after: dict[str, Modifier] = field(default_factory=dict)
    # Words joining the two days of a range ("5 по 10 мая", "du 5 au 10 mai").
    range_words: tuple[str, ...] = ()
    # Season words (alternations) by TimeML code.
    seasons: dict[str, str] = field(default_factory=dict)
    # Whether a season word alone is a date (Estonian "suvel" = in the summer); else it needs a year or
    # a direction beside it.
    bare_seasons: bool = False
    # Season words that are dates alone, adverbs ("летом" = in the summer), and the words before a
    # season that make it one ("l'été", "im Sommer").
    bare_season_forms: str = ""
    season_leads: str = ""
    # Whether the language capitalises nouns (German): then a capitalised word after a number is what
    # it counts, and a lower-case one a verb; and a relative word capitalised inside a sentence is the
    # noun written alike ("heute Morgen": this morning).
    nouns_capitalised: bool = False
    # The words before a relative word that make it the noun written alike ("por la mañana": in the
    # morning, not tomorrow).
    noun_before: str = ""
    # Words that say the sentence speaks of what is still to come ("состоится", "예정", "将"): a date
    # written without a year (or a weekday) beside them is the coming one.
    future_words: str = ""
    # Words right before a date that set a deadline ("к июню", "entro marzo", "bis Juni"): the date is
    # the coming one unless the sentence speaks of the past ("до июля поставки шли").
    deadlines: str = ""
    # The same written right after the date, a modifier of it between ("11月底前", "3月末までに").
    deadlines_after: str = ""
    # The words around a postponement's new date, "{date}" standing for it ("перенесли на {date}",
    # "reporté à {date}", "auf {date} verschoben", "{date}로 연기", "推迟到{date}"): the date is still to
    # come, even after a past verb.
    postponed: str = ""
    # The endings that make a weekday an adjective ("reedeses lehes": in Friday's paper): no verb's day,
    # so a present tense after it does not look ahead.
    weekday_adjective: str = ""
    # Whether "last <weekday>" never means yesterday (the language says "yesterday" then).
    last_weekday_skips_yesterday: bool = False
    # Relative phrases the data lacks, with their unit and periods after publication ("이달": this month).
    relative: dict[str, tuple[Precision, int]] = field(default_factory=dict)
    # Year phrases by periods after publication (-1 last year, 0 this year, 1 next year), written in the
    # forms that go with a month ("прошлого года") or alone ("tänavu", "지난해").
    years: dict[str, int] = field(default_factory=dict)
    # The same, written only before a month or a part of the year ("올 3월", "올 상반기", "올 연말": of
    # this year); elsewhere the syllable starts other words ("올라": rising).
    year_prefixes: dict[str, int] = field(default_factory=dict)
    # Direction words the data lacks (et "möödunud", ru "прошлый"), -1 / 0 / 1.
    directions: dict[str, int] = field(default_factory=dict)
    # Direction words that count from the period just mentioned, not from publication ("la settimana
    # successiva", "le mois suivant", "im folgenden Frühjahr"): -1 the one before, 1 the one after.
    following: dict[str, int] = field(default_factory=dict)
    # Day words the data lacks, in their inflected forms ("eilsel", "tänase"), as days after publication.
    days: dict[str, int] = field(default_factory=dict)
    # The day before / after the one just mentioned ("накануне", "翌日"), or the same month or year
    # ("同月", "그해"): days after it, or (unit, periods after it).
    anaphora: dict[str, int | tuple[Precision, int]] = field(default_factory=dict)
    # "At that time": the date just mentioned, at its own precision ("당시", "в то время", "damals").
    that_time: str = ""
    # "This day" as the language's news writes it of the day its story tells ("이날"): opening a
    # paragraph with no date before it, the first day the article named, not one of the background.
    news_day: str = ""
    # The trading day before the session a market report tells of ("전 거래일", "上个交易日", "前営業日").
    trading_day_before: str = ""
    # Number words 1..10 (and "a few"), for "два года назад".
    numbers: dict[str, int] = field(default_factory=dict)
    # "ago" phrases the data lacks: alternation of words written after "<count> <unit>" ("tagasi").
    ago_after: str = ""
    # What, written right after the data's "ago" word, makes it the start of another word (Korean
    # "전했다": conveyed, "전국": nationwide; "국회 관계자가 19일 전했다" is the 19th, not 19 days ago).
    ago_not_before: str = ""
    # What, right after a year, makes it an attribute of the noun after it (Korean "내년도 예산안",
    # "2026년도 최저임금", "2026학년도 수능": the budget, the minimum wage, the exam of that year): a
    # date, but no anchor for the months and days of its sentence ("내년도 예산안은 8월 말 확정": this
    # August).
    year_attribute: str = ""
    # What, right before a year, makes it what a plan or a budget is for ("бюджет на 2025 год": for
    # 2025): a date, but no anchor for the days of its sentence ("... подписан 29 ноября": this one).
    year_purpose: str = ""
    # The first day of a month written as a word ("il primo gennaio").
    first_day: str = ""
    # The ending that closes a quoted clause ("…처리할 예정이라고 국회 관계자가 19일 전했다"): a date
    # inside the quote is no month or year for a day written after it, the day the words were said.
    quote_end: str = ""
    # The quarter before the one just mentioned, as East Asian statistics compare them ("전 분기보다",
    # "前期比": against the quarter before; a comparison, no anchor).
    quarter_before: str = ""
    # Words before a count that make it a length of time, not a date counted from another ("in meno di
    # due anni dopo quelle del 2023": in less than two years, after those of 2023).
    duration_before: str = ""
    # Present verbs of the news that say nothing of a date's direction ("il Piano prevede": the plan
    # provides for): words of news time, as the future and present words are, but no tense cue.
    news_words: str = ""
    # A word of comparison right before "last month" or "last year" ("比上月回落": down on the month
    # before): counted from the period just mentioned, the month or year before the one reported, a
    # comparison (no anchor).
    compared_before: str = ""
    # Holidays on a fixed day of the calendar ("Natale", "Ferragosto", "광복절", "元日"), by (month, day).
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)
    # A decade: regex with a (?P<decade>\d{3}0|\d0) group ("1990-х", "1990er", "1990년대", "anni '90");
    # ``decade_words`` spell one out, by the tens of its years ("девяност": 90, written before the
    # endings and words in ``decade_word``: "девяностые годы", "anni Novanta").
    decades: tuple[str, ...] = ()
    decade_words: dict[str, int] = field(default_factory=dict)
    decade_word: str = ""
    # Case endings a name takes after its stem, for an inflecting language (Estonian "märts-is",
    # "detsembr-il", "augusti-kuu"); None: any few letters.
    endings: str | None = None
    # Words right before a bare number that make it a year ("в 1999", "nel 2017", "seit 2010").
    year_cues: str = ""
    # Words before a number that make it a label, not a year ("резолюция 2397", "Nr. 1998").
    labels: str = ""
    # Words after a number that make it a count ("2000 человек", "1500 soldati").
    counts: str = ""
    # Words that say the sentence speaks of the past ("заявил", "teatati", "했다"): a date written
    # without a year beside them is the latest one. Estonian also writes its future in the present
    # tense ("reedel üritab"): ``present_words`` are read as looking ahead.
    past_words: str = ""
    present_words: str = ""
    # Whether the verb ends its clause (Japanese, Korean): a cue after a date is its own verb's, one
    # before it most often a relative clause's ("被害を受けた取引先は…5月20日に予定": still to come).
    verb_final: bool = False
    # The word for a quarter of a year ("квартал", "trimestre", "분기", "四半期") and the ordinals
    # before it, as alternations by number ("треть\w*": 3).
    quarters: str = ""
    ordinals: dict[str, int] = field(default_factory=dict)
    # The words after a day's number that name it without its month ("13-го числа"), or around it, the
    # number where "{day}" stands ("no dia 15").
    day_of_month: str = ""
    # The article before a day's number written alone after a date of its sentence ("il 24 novembre …,
    # mentre il 27": the 27th of November); elsewhere it is no date ("il 27 per cento").
    day_after_date: str = ""
    # The first months of a year, "{count}" standing for their number ("nei primi nove mesi dell'anno").
    first_months: str = ""
    # Halves of a year by number: "상반기" 1, "второе полугодие" 2; ``halves_of`` are the words for a
    # half of anything ("первая половина", "prima metà"), a half of the year only with a year after them
    # ("в первой половине 2023 года", "nella seconda metà dell'anno scorso").
    halves: dict[str, int] = field(default_factory=dict)
    halves_of: dict[str, int] = field(default_factory=dict)
    # Words written after "<count> <unit>" that count from the date just mentioned, not from
    # publication: "годом ранее", "un anno prima", "ein Jahr später".
    earlier_after: str = ""
    later_after: str = ""
    # The same written before the count ("спустя три дня", "dopo tre giorni", "nach drei Tagen"), and
    # the words for "in" that count from publication in news time ("через два дня": in two days) and
    # from the date just mentioned in a history. Where the language has no article, one unit is
    # written with no count ("через месяц").
    # A weekend by its phrases, with the weekends after this week's they name (-1 the last, 0 this
    # one, 1 the next; None named alone: the latest, or this week's when the sentence looks ahead).
    weekends: dict[str, int | None] = field(default_factory=dict)
    # "Between X and Y": the word before the first and the words joining the two ("tra ... e").
    between: tuple[str, tuple[str, ...]] | None = None
    later_before: str = ""
    in_before: str = ""
    one_without_count: bool = False
    # Japanese, Chinese and Korean write them unspaced after the count ("3일 뒤", "三天后", "3日後"):
    # the words for "later", the unit words the locale data lacks ("개월", "달"), and the counts written
    # as one word with their unit ("이틀": two days, "한 달": one month).
    units: dict[str, Precision] = field(default_factory=dict)
    # Words for the year or the month written glued before a modifier, as one word, that the locale data
    # lacks ("연말": the end of the year, "연초"); its own one-character words do so too ("年底", "월말").
    unit_prefixes: dict[str, Precision] = field(default_factory=dict)
    counted_words: dict[str, tuple[Precision, int]] = field(default_factory=dict)
    # The same period a year before the one just mentioned, as earnings copy compares them ("전년 동기",
    # "前年同期", "аналогичный период прошлого года", "Vorjahreszeitraum").
    year_before_period: str = ""
    # Years counted from the year just mentioned, not from publication ("이듬해", "翌年", "l'anno
    # successivo"): -1 the year before, 1 the year after.
    anaphoric_years: dict[str, int] = field(default_factory=dict)
    # Eras by name and the Gregorian year of their first year ("令和": 2019, so 令和5年 is 2023).
    eras: dict[str, int] = field(default_factory=dict)
    # Whether a year before a month may be written with its last two digits ("21年3月": March 2021), as
    # Japanese news writes a year after its first mention.
    short_years: bool = False


_UNKNOWN_LABELS = (
    r"№|no\.?|nr\.?|n\.|nº|#|iso|covid|sars|g|su|mig|t|k|a|boeing|airbus|model|modell|modello|modèle|modelo"
)
# The endings of the adjective of an Estonian weekday ("reedene", "laupäevase", "reedeses": Friday's,
# Saturday's).
_ET_WEEKDAY_ADJECTIVE = r"(?:(?<=päev)a|(?<=reede))(?:ne|se(?:s|st|l|lt|le|ks|sse)?)"
_CJK_DECADE = (r"(?P<decade>\d{3}0)\s*(?:年代|년대)", r"(?:上世纪|上世紀|20世纪|20世紀)?(?P<decade>\d0)年代")
# The numbers Chinese and Japanese write in characters, as counts ("三天") and in dates ("九月").
CJK_NUMBERS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
# Korean writes the plain present, which news uses for what is scheduled, as a syllable ending in ㄴ
# before "다" ("연다", "열린다", "방문한다") or as "는다".
_KOREAN_PRESENT = "(?:[" + "".join(chr(0xAC00 + 28 * k + 4) for k in range(399)) + "]|는)다"
_CJK_SEASONS = {"SP": "春季|春天", "SU": "夏季|夏天", "FA": "秋季|秋天", "WI": "冬季|冬天"}

# Nouns and names ending as a singular past verb does ("генерал", "посол", "Михаил"; "держав",
# "школа", "Ярослав"), with their cases where those end so too.
_RU_NOT_PAST = (
    r"генерал|канал|сигнал|материал|капитал|арсенал|журнал|вокзал|персонал|потенциал|интервал|финал|"
    r"трибунал|провал|подвал|идеал|металл|посол|отдел|предел|раздел|узел|угол|стол|орел|орёл|урал|"
    r"стрела|шкала|скала|пчела|михаил|даниил|гавриил|самуил|павел"
)
_UK_NOT_PAST = (
    r"держав|застав|справ|ярослав|владислав|станіслав|святослав|мирослав|вячеслав|богуслав|переяслав|"
    r"школа|стріла|бджола|правила|данила|генерала|канала|сигнала|матеріала|арсенала|журнала|вокзала"
)

# Italian participles that look ahead ("è previsto", "è atteso": it is scheduled, expected; "è stato
# rinviato a marzo": put off to March).
_IT_SCHEDULED = r"previst|attes|programmat|fissat|rinviat|rimandat|posticipat"
# Adjectives, adverbs and numbers ending as a participle does ("è molto", "sono otto", "è parte").
_IT_NOT_PARTICIPLE = (
    r"molt|alt|tutt|sott|ott|diciott|\w+ntott|sett|adatt|esatt|perfett|dirett|quest|prest|giust|fest|"
    r"vast|dispost|convint|part|cert|fort|stess|spess|adess|bass|ross|gross|fiss|fors|divers|scars|fals|"
    r"precis"
)
# A past participle: regular ("arrivato", "venuti", "partita") or in the endings of the irregular ones
# ("preso", "sceso", "deciso", "chiuso", "messo", "perso", "detto", "condotto", "tratto", "svolto",
# "giunto", "morto", "rimasto", "esploso").
_IT_PARTICIPLE = (
    rf"(?!(?:{_IT_NOT_PARTICIPLE})[oaie](?!\w))"
    r"(?:\w+(?:[aiu]t|[lrs]t|tt|[iu]nt|[eiu]s|ss|[lr]s)|esplos|corros|eros)[oaie]"
)
# The perfect, with "avere" or "essere", passive too ("è stato deciso"), to its participle.
_IT_PERFECT = (
    r"(?:ha|hanno|ho|abbiamo|aveva|avevano|è|sono|era|erano|fu|furono)\s+"
    rf"(?!(?:stat[oaie]\s+)?(?:{_IT_SCHEDULED}))(?:stat[oaie]\s+)?{_IT_PARTICIPLE}"
)
# The future, of "andare", "avere", "venire", "rimanere" too ("andranno", "avrà", "verranno").
_IT_FUTURE = r"\w+(?:erà|irà|arà|eranno|iranno|aranno|drà|vrà|rrà|dranno|vranno|rranno)"
# A participle alone right before a date, of what was done then ("il taglio deciso il 12 dicembre", "la
# mostra inaugurata a giugno"); not one of what is planned ("la riunione prevista il 12 dicembre").
_IT_MONTHS = r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
_IT_PARTICIPLE_BEFORE_DATE = (
    # Nor a reflexive infinitive ("tornerà a riunirsi il 30 gennaio").
    rf"(?!(?:{_IT_SCHEDULED}))(?!\w*(?:ar|er|ir)si(?!\w))(?:{_IT_PARTICIPLE})"
    # The words read before a mention end where it starts: "$" stands for it.
    rf"(?=\s+(?:(?:il|l'|a|ad|nel|nell'|in|lo|lo\s+scorso)\s*)?(?:$|\d|(?:{_IT_MONTHS})(?!\w)))"
)

# Nouns and names ending as the Portuguese preterite does ("Moscou", "europeu", "museu").
_PT_NOT_PAST = (
    r"moscou|estou|sou|dou|vou|europeus?|judeus?|museus?|ateus?|liceus?|apogeu|coliseu|jubileu|pneus?|"
    r"hebreus?|fariseus?|plebeus?|pigmeus?|camafeu|romeu|mateus|bartolomeu"
)

# Nouns and names ending as a Polish past verb does ("generał", "udział", "Michał", "biały").
_PL_NOT_PAST = (
    r"generał\w*|kanał\w*|materiał\w*|udział\w*|dział\w*|podział\w*|przydział\w*|oddział\w*|rozdział\w*|"
    r"sygnał\w*|kapitał\w*|arsenał\w*|potencjał\w*|upał\w*|zapał\w*|michał\w*|rafał\w*|paweł|"
    r"orzeł|ciało|biał[aeyo]|stał[aeyo]|trwał[aeyo]|doskonał[aeyo]|wspaniał[aeyo]|dojrzał[aeyo]|mali|bali"
)

# Words beginning as an Arabic future does ("سيول": Seoul, "سياسة": policy, "سيارة": car, "ستة": six).
_AR_NOT_FUTURE = (
    r"سيول|سياس\w*|سيار\w*|سيطر\w*|سيد\w*|سيناء|سينما|سير\w*|سيف|سيل|سيبيري\w*|سيرغي|ستة|ستين|ستون|"
    r"ستار\w*|ستوكهولم|سيدني|سنة|سنوات|سنوي\w*|سنغافور\w*|سنت\w*|سنتيمتر\w*|سيناتور\w*|سيناريو\w*"
)

_DE_NOT_PAST = (
    r"heute|bitte|könnte|könnten|sollte|sollten|dürfte|dürften|möchte|möchten|würde|würden|hätte|"
    r"hätten|müsste|müssten|zweite|zweiten|dritte|dritten|vierte|vierten|achte|achten|hunderte|"
    r"hunderten|tausende|tausenden|gesamte|gesamten|geplante|geplanten|erwartete|erwarteten|"
    r"sogenannte|sogenannten|bekannte|bekannten|rechte|rechten|breite|breiten|weite|weiten|"
    r"harte|harten|leichte|leichten|schlechte|schlechten|echte|echten|gute|guten|alte|alten|letzte|"
    r"letzten|direkte|direkten|private|privaten|konkrete|konkreten|komplette|kompletten|exakte|"
    r"exakten|absolute|absoluten|dichte|dichten|sanfte|sanften|feste|festen"
)

EXTRAS: dict[str, Extras] = {
    "et": Extras(
        weekends={
            r"(?:eelmisel|möödunud)\s+nädalavahetusel": -1,
            r"(?:sel|tänavusel)\s+nädalavahetusel": 0,
            r"järgmisel\s+nädalavahetusel": 1,
            r"nädalavahetusel": None,
        },
        past_words=r"oli|olid|ütles|teatas|märkis|kinnitas|lisas|rääkis|sai|tuli|läks|jäi|algas|lõppes|toimus|"
        r"\w+(?:sid|nud|dud|tud)|\w+[aeiõäö]ti|tehti|nähti",
        present_words=r"\w+(?:takse|akse)|\w+[aeiouõäöü]b|\w+[aeiouõäöü]vad",
        quarters=r"kvartal\w*",
        ordinals={r"esimes\w*": 1, r"teis\w*": 2, r"kolmand\w*": 3, r"neljand\w*": 4},
        halves={r"esimes\w*\s+poolaasta\w*": 1, r"teis\w*\s+poolaasta\w*": 2},
        earlier_after=r"varem|enne\s+seda",
        later_after=r"hiljem|pärast\s+seda",
        last_weekday_skips_yesterday=True,
        future_words=r"toimub|toimuvad|hakkab|hakatakse|plaanib|plaanitakse|kavatseb|kavandatud|eeldatavasti",
        modifiers_after={
            r"algul|alguses|algusega|alguseks": Modifier.EARLY,
            r"keskel|keskpaigas|keskpaigani|keskpaigaks": Modifier.MID,
            r"lõpul|lõpus|lõpuks|lõpuni|viimastel\s+päevadel": Modifier.LATE,
        },
        modifiers_before={r"umbes|ligi|ligikaudu": Modifier.ABOUT},
        range_words=("kuni",),
        # Case endings, and those of the adjective of a weekday.
        endings=(
            r"(?:i?kuu\w*|i?kui\w*|(?:i|a|e)?(?:s|st|sse|l|lt|le|ks|ni|na|ta|ga|t|d|te|tes|tel|test|teks|se|sed|sel|sest)?(?:gi|ki)?"
            rf"|{_ET_WEEKDAY_ADJECTIVE})"
        ),
        weekday_adjective=_ET_WEEKDAY_ADJECTIVE,
        year_cues=r"aastal|aastast|aastani|aastaks|aastail|aastatel|alates|kuni|enne|pärast|aasta|aastat",
        seasons={
            "SP": r"kevad\w{0,5}",
            "SU": r"suve\w{0,5}|suvi",
            "FA": r"sügis\w{0,5}",
            "WI": r"talve\w{0,5}|talv",
        },
        bare_seasons=True,
        years={
            r"tänavu\w*": 0,
            r"mullu\w*|aastatagu\w*": -1,
            r"(?:eelmi|möödunud|läinud)\w*\s+aasta\w*": -1,
            r"(?:sel|selle|sellel|käesoleva|käesoleval)\s+aasta\w*": 0,
            r"(?:järgmi|tuleva|eelseisva)\w*\s+aasta\w*": 1,
            r"uue\w*\s+aasta\w*": 1,
        },
        directions={
            r"ülemöödunud|üleelmi\w*": -2,
            r"möödunud|läinud|eelmi\w*": -1,
            r"sel|selle|see|käesolev\w*": 0,
            r"järgmi\w*|tulev\w*": 1,
        },
        days={
            r"üleeile\w*|üleeils\w*": -2,
            r"eile\w*|eils\w*": -1,
            r"täna|tänase\w*|tänaseks|tänasest": 0,
            r"nädalatagu\w*": -7,
            r"homme\w*|homse\w*": 1,
        },
        that_time=r"tollal|tolleaeg\w*|samal\s+ajal|sel\s+ajal",
        anaphora={
            r"samal\s+päeval|samal\s+kuupäeval|sel\s+päeval|tol\s+päeval": 0,
            r"samal\s+kuul": (Precision.MONTH, 0),
            r"samal\s+aastal|tol\s+aastal": (Precision.YEAR, 0),
            r"päev\s+varem|eelmisel\s+päeval|eelmise\s+päeva": -1,
            r"päev\s+hiljem|järgmisel\s+päeval": 1,
        },
        numbers={
            "üks": 1,
            "ühe": 1,
            "kaks": 2,
            "kahe": 2,
            "kolm": 3,
            "kolme": 3,
            "neli": 4,
            "nelja": 4,
            "viis": 5,
            "viie": 5,
            "kuus": 6,
            "kuue": 6,
            "seitse": 7,
            "seitsme": 7,
            "kaheksa": 8,
            "üheksa": 9,
            "kümme": 10,
            "kümne": 10,
            "paar": 2,
            "paari": 2,
        },
        ago_after=r"tagasi|eest|tagused?|tagust\w*|tagusele",
        decades=(
            r"(?P<decade>\d{3}0)\.?(?:\s*[-–]\s*(?P<until_decade>\d{3}0)\.)?\s*aastate\w*",
            r"(?P<decade>\d0)\s*-?ndat\w*(?:\s+aasta\w*)?",
        ),
        labels=_UNKNOWN_LABELS + r"|resolutsioon\w*|komitee\w*|seadus\w*|punkt\w*|number|numbri\w*",
        counts=r"inimes\w*|kroon\w*|euro\w*|dollar\w*|tonn\w*|meetri\w*|km|kilomeetri\w*|protsent\w*|%",
    ),
    "ru": Extras(
        holidays={r"(?:День|Дня|Дню|Днем|Днём)\s+Победы": (5, 9)},
        weekends={
            r"(?:в|на)\s+(?:прошл|минувш)\w*\s+выходн\w*|(?:прошл|минувш)\w*\s+выходн\w*": -1,
            r"(?:в|на)\s+(?:эт|нынешн)\w*\s+выходн\w*": 0,
            r"(?:в|на)\s+(?:следующ|ближайш)\w*\s+выходн\w*": 1,
            r"(?:в|на)\s+выходн(?:ые|ых)": None,
        },
        year_before_period=r"(?:аналогичн\w*|т(?:от|ого|ом)\s+же)\s+период\w*\s+прошлого\s+года",
        between=(r"между", ("и",)),
        past_words=r"(?!если|или)\w+(?:ли|лся|лась|лось|лись)|был|была|было|заявил|сообщил|сказал|отметил|"
        r"подписал|провел|провёл|прошел|прошёл|начал|передал|"
        # The singular past ("посетил", "уехала"), but for the nouns and names written alike.
        rf"(?!(?:{_RU_NOT_PAST})а?(?!\w))\w{{2,}}[аеиоуыяё]ла?",
        # "В мае того же года": of the year just mentioned, after a month or a season.
        anaphoric_years={r"на\s+следующий\s+год|годом\s+позже": 1, r"того\s+же\s+года": 0},
        quarters=r"квартал\w*",
        # "Третий" ("third") drops the soft sign its other cases keep ("третьем").
        ordinals={r"перв\w*": 1, r"втор\w*": 2, r"трет(?:ий|ь\w*)": 3, r"четв[её]рт\w*": 4},
        day_of_month=r"(?:-?го)?\s+числа",
        halves={r"перв\w*\s+полугоди\w*": 1, r"втор\w*\s+полугоди\w*": 2},
        # "За девять месяцев 2024 года", as results are reported: the first months, with the year after.
        year_purpose=r"на",
        first_months=r"(?:(?:в|за)\s+первые|за(?=\s+\S+\s+месяц\w*,?\s+(?:\d{4}\s+г|(?:текущ|эт|прошл|нынешн)\w+\s+г)))"
        r"\s+{count}\s+месяц\w*",
        halves_of={r"перв\w*\s+половин\w*": 1, r"втор\w*\s+половин\w*": 2},
        earlier_after=r"ранее|раньше|до\s+этого",
        later_after=r"спустя|позже|позднее",
        later_before=r"спустя",
        in_before=r"через",
        one_without_count=True,
        deadlines=r"к|до",
        postponed=r"(?:перенес|перенос|отлож|запланирован|намечен|назначен)\w*\s+на\s+{date}",
        future_words=r"будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру\w*|намерен\w*|ожида\w*|собира\w*|предстоящ\w*|"
        r"обеща\w*|прогнозиру\w*|посетит|проведет|проведёт|встретится|примет|подпишет|отправится|выступит|прибудет|"
        # What a parliament or a government will do ("Во вторник депутаты рассмотрят").
        r"рассмотрит|рассмотрят|обсудит|обсудят|примут|утвердит|утвердят|проголосуют|представит|представят|"
        r"начн[её]тся|заверш\w*тся",
        endings=r"(?:а|я|у|ю|е|є|і|и|ы|ь|й|ом|ем|ём|ою|ею|ой|ей|ій|ий|ого|его|ому|ему|ої|ях|ах|ами|ями|ові|еві|ьск\w*|ськ\w*|ск\w*)?",
        bare_season_forms=r"весной|летом|осенью|зимой",
        year_cues=r"в|во|с|со|до|к|по|после|году|года|г\.",
        modifiers_before={
            r"в\s+начале|с\s+начала|к\s+началу|до\s+начала|в\s+первых\s+числах|"
            r"в\s+первые\s+дни": Modifier.EARLY,
            r"в\s+середине|к\s+середине|с\s+середины|до\s+середины": Modifier.MID,
            r"в\s+конце|к\s+концу|с\s+конца|до\s+конца|в\s+последних\s+числах|"
            r"в\s+последние\s+дни": Modifier.LATE,
            r"около|примерно|приблизительно": Modifier.ABOUT,
        },
        range_words=("по", "до"),
        seasons={"SP": r"весн\w*", "SU": r"лет(?:ом|а|о)\b|летн\w*", "FA": r"осен\w*", "WI": r"зим\w*"},
        years={
            r"позапрошлого\s+года|позапрошлом\s+году|позапрошлый\s+год": -2,
            r"прошлого\s+года|прошлом\s+году|прошлый\s+год": -1,
            r"этого\s+года|этом\s+году|текущего\s+года|текущем\s+году|нынешнего\s+года|сего\s+года": 0,
            r"следующего\s+года|следующем\s+году|будущего\s+года": 1,
        },
        directions={
            r"прошл\w*|минувш\w*": -1,
            r"эт(?:от|у|а|ой|ом|им)|текущ\w*": 0,
            r"следующ\w*|будущ\w*": 1,
        },
        following={r"предыдущ\w*": -1},
        that_time=r"в\s+то\s+время|на\s+тот\s+момент|тогда\s+же",
        anaphora={
            r"в\s+тот\s+же\s+день|в\s+тот\s+день|в\s+этот\s+день|тем\s+же\s+дн[её]м|того\s+же\s+дня": 0,
            r"в\s+том\s+же\s+месяце|в\s+тот\s+же\s+месяц": (Precision.MONTH, 0),
            r"в\s+том\s+же\s+году|в\s+тот\s+же\s+год|в\s+том\s+году": (Precision.YEAR, 0),
            r"накануне|за\s+день\s+до\s+этого": -1,
            r"на\s+следующий\s+день|на\s+другой\s+день": 1,
        },
        numbers={
            "один": 1,
            "одну": 1,
            "два": 2,
            "две": 2,
            "три": 3,
            "четыре": 4,
            "пять": 5,
            "шесть": 6,
            "семь": 7,
            "восемь": 8,
            "девять": 9,
            "десять": 10,
            "несколько": 3,
            "пару": 2,
        },
        ago_after=r"назад|тому\s+назад",
        decade_words={
            r"двадцат": 20,
            r"тридцат": 30,
            r"сороков": 40,
            r"пятидесят": 50,
            r"шестидесят": 60,
            r"семидесят": 70,
            r"восьмидесят": 80,
            r"девяност": 90,
        },
        decade_word=r"(?P<decade_word>{words})(?:ые|ых|ым|ыми)(?:\s+(?:годах|годов|годы|годам))?",
        decades=(
            r"(?P<decade>\d{3}0)\s*[-–—]\s*(?P<until_decade>\d{3}0)-(?:х|е|ых|ые)(?!\w)(?:\s+(?:годах|годов|годы|гг\.?))?",
            r"(?P<decade>\d{3}0|\d0)-(?:х|е|ых|ые)(?!\w)(?:\s+(?:годах|годов|годы|гг\.?))?",
            r"(?P<decade>\d{3}0|\d0)(?:х|е|ых|ые)?\s+(?:годах|годов|годы|гг\.?)",
        ),
        labels=_UNKNOWN_LABELS
        + r"|резолюци\w*|комитет\w*|закон\w*|пункт\w*|статья|статьи|стать\w*|номер\w*|рейс\w*|модел\w*",
        counts=r"человек\w*|рубл\w*|доллар\w*|евро|тонн\w*|километр\w*|км|процент\w*|%|солдат\w*|военн\w*|ракет\w*|снаряд\w*",
    ),
    "uk": Extras(
        holidays={r"(?:День|Дня|Дню|Днем)\s+Незалежності": (8, 24)},
        weekends={
            r"(?:у|в|на)\s+минул\w*\s+вихідн\w*|минул\w*\s+вихідн\w*": -1,
            r"(?:у|в|на)\s+ц(?:і|их)\s+вихідн\w*|цими\s+вихідними": 0,
            r"(?:у|в|на)\s+наступн\w*\s+вихідн\w*|наступн\w*\s+вихідн\w*": 1,
            r"(?:у|в|на)\s+вихідн(?:і|их)": None,
        },
        year_before_period=r"(?:аналогічн\w*|т(?:ой|ого|ому)\s+(?:самий|самого|самому|же))\s+період\w*\s+(?:минулого|попереднього)\s+року",
        between=(r"між", ("і", "та")),
        past_words=r"(?!коли|або)\w+(?:ли|лася|лося|лися)|був|була|було|заявив|повідомив|сказав|зазначив|"
        r"підписав|провів|відбувся|почав|передав|"
        # The singular past ("відвідав", "поїхала"), but for the nouns and names written alike.
        rf"(?!(?:{_UK_NOT_PAST})(?!\w))(?:\w{{3,}}[аиуя]в|\w{{2,}}[аеиіоуя]ла)",
        anaphoric_years={r"наступного\s+ж\s+року|через\s+рік": 1, r"того\s+(?:ж|самого)\s+року": 0},
        quarters=r"квартал\w*",
        ordinals={r"перш\w*": 1, r"друг\w*": 2, r"трет\w*": 3, r"четверт\w*": 4},
        day_of_month=r"(?:-?го)?\s+числа",
        halves={r"перш\w*\s+півр\w*": 1, r"друг\w*\s+півр\w*": 2},
        year_purpose=r"на",
        first_months=r"(?:(?:у|в|за)\s+перші|за(?=\s+\S+\s+місяц\w*,?\s+(?:\d{4}\s+р|(?:поточн|ць|минул)\w+\s+р)))"
        r"\s+{count}\s+місяц\w*",
        halves_of={r"перш\w*\s+половин\w*": 1, r"друг\w*\s+половин\w*": 2},
        earlier_after=r"раніше|до\s+того",
        later_after=r"пізніше|по\s+тому|потому",
        in_before=r"через",
        one_without_count=True,
        deadlines=r"до",
        postponed=r"(?:перенес|перенос|відклад|відклал|заплановано|запланован|намічен|призначен)\w*\s+на\s+{date}",
        future_words=r"буде|будуть|відбудеться|відбудуться|пройде|пройдуть|планує\w*|планують|має\s+намір|очіку\w*|збира\w*|"
        # Forecasting speaks of what is to come ("прогнозують, що у другому півріччі"); not the noun,
        # "прогноз, представлений 27 жовтня".
        r"прогнозують|прогнозує|прогнозуємо|"
        r"обіця\w*|відвідає|проведе|зустрінеться|підпише|прибуде|розпочнеться|завершиться|"
        # The synthetic future ("зростатиме", "працюватимуть").
        r"\w{3,}тим(?:е|уть|у|еш|емо|ете)",
        endings=r"(?:а|я|у|ю|е|є|і|и|ы|ь|й|ом|ем|ём|ою|ею|ой|ей|ій|ий|ого|его|ому|ему|ої|ях|ах|ами|ями|ові|еві|ьск\w*|ськ\w*|ск\w*)?",
        bare_season_forms=r"навесні|влітку|улітку|восени|взимку|узимку",
        year_cues=r"в|у|з|із|до|по|після|році|року|р\.",
        modifiers_before={
            r"на\s+початку|з\s+початку|із\s+початку|від\s+початку|до\s+початку|"
            r"(?:у|в)\s+перші\s+дні": Modifier.EARLY,
            r"в\s+середині|у\s+середині|до\s+середини|з\s+середини|від\s+середини": Modifier.MID,
            r"наприкінці|в\s+кінці|у\s+кінці|до\s+кінця|з\s+кінця|від\s+кінця|"
            r"(?:у|в)\s+останні\s+дні": Modifier.LATE,
            r"близько|приблизно|орієнтовно": Modifier.ABOUT,
        },
        range_words=("по", "до"),
        seasons={
            "SP": r"навесні|весн\w*",
            "SU": r"влітку|улітку|літ(?:а|о|ом)\b",
            "FA": r"восени|осен\w*",
            "WI": r"взимку|узимку|зим\w*",
        },
        years={
            r"позаминулого\s+року|позаминулому\s+році|позаминулий\s+рік|позаторік": -2,
            r"минулого\s+року|минулому\s+році|минулий\s+рік|торік": -1,
            r"цього\s+року|поточного\s+року|цьому\s+році|цьогоріч|нинішнього\s+року": 0,
            r"наступного\s+року|наступному\s+році|наступний\s+рік": 1,
        },
        directions={r"минул\w*": -1, r"ц(?:ей|ю|я|ього|ьому|ієї)|поточн\w*": 0, r"наступн\w*": 1},
        following={r"попередн\w*": -1},
        # "Тоді ж, у березні": at that same time; "тоді" alone also says "then" of an argument.
        that_time=r"на\s+той\s+час|у\s+той\s+час|на\s+той\s+момент|тоді\s+ж",
        anaphora={
            r"того\s+ж\s+дня|того\s+самого\s+дня|цього\s+ж\s+дня|(?:в|у)\s+той\s+(?:же\s+)?день|"
            r"того\s+дня": 0,
            r"того\s+ж\s+місяця|у\s+тому\s+ж\s+місяці": (Precision.MONTH, 0),
            r"того\s+ж\s+року|у\s+тому\s+ж\s+році|того\s+року": (Precision.YEAR, 0),
            r"напередодні|за\s+день\s+до\s+того": -1,
            r"наступного\s+дня|наступний\s+день": 1,
        },
        numbers={
            "один": 1,
            "одну": 1,
            "два": 2,
            "дві": 2,
            "три": 3,
            "чотири": 4,
            "п'ять": 5,
            "шість": 6,
            "сім": 7,
            "вісім": 8,
            "дев'ять": 9,
            "десять": 10,
            "кілька": 3,
            "пару": 2,
        },
        ago_after=r"тому",
        decade_words={
            r"двадцят": 20,
            r"тридцят": 30,
            r"сороков": 40,
            r"п['’ʼ]ятдесят": 50,
            r"шістдесят": 60,
            r"сімдесят": 70,
            r"вісімдесят": 80,
            r"дев['’ʼ]яност": 90,
        },
        decade_word=r"(?P<decade_word>{words})(?:і|их|им|ими)(?:\s+(?:роках|років|роки|рокам))?",
        decades=(
            r"(?P<decade>\d{3}0)\s*[-–—]\s*(?P<until_decade>\d{3}0)-(?:х|ті|их)(?!\w)(?:\s+(?:роках|років|роки|рр\.?))?",
            r"(?P<decade>\d{3}0|\d0)-(?:х|ті|их)(?!\w)(?:\s+(?:роках|років|роки|рр\.?))?",
            r"(?P<decade>\d{3}0|\d0)(?:х|ті|их)?\s+(?:роках|років|роки|рр\.?)",
        ),
        labels=_UNKNOWN_LABELS
        + r"|резолюці\w*|комітет\w*|закон\w*|пункт\w*|статт\w*|номер\w*|рейс\w*|модел\w*",
        counts=r"осіб|людей|люди\w*|гривень|гривні|доларів|євро|тонн\w*|кілометр\w*|км|відсот\w*|%|солдат\w*|військов\w*|ракет\w*|снаряд\w*",
    ),
    "it": Extras(
        # Not "Natale Rossi": a name (the rule reads no holiday before a capitalised word).
        holidays={
            r"(?:la\s+)?vigilia\s+di\s+Natale": (12, 24),
            r"(?<!Babbo\s)Natale": (12, 25),  # not Father Christmas
            r"San\s+Silvestro": (12, 31),
            r"Capodanno": (1, 1),
            r"Ferragosto": (8, 15),
        },
        weekends={
            r"(?:lo\s+)?scorso\s+(?:fine\s+settimana|weekend)|(?:fine\s+settimana|weekend)\s+scorso": -1,
            r"questo\s+(?:fine\s+settimana|weekend)": 0,
            r"(?:il\s+)?prossimo\s+(?:fine\s+settimana|weekend)|(?:fine\s+settimana|weekend)\s+prossimo": 1,
            r"(?:nel|durante\s+il)\s+(?:fine\s+settimana|weekend)": None,
        },
        year_before_period=r"(?:lo\s+)?stesso\s+periodo\s+dell'anno\s+(?:precedente|scorso|prima)",
        between=(r"tra|fra", ("e",)),
        # The perfect ("sono arrivati", "è sceso", "è stato deciso", "hanno detto"; not "è prevista"),
        # read to its participle: the words after it are counted from there. Then the auxiliaries of the
        # past alone and the simple past ("arrivò", "furono"); not "ha" or "hanno" alone: "ha tempo fino
        # al 31 marzo" (has until 31 March) is the present.
        past_words=rf"{_IT_PERFECT}|{_IT_PARTICIPLE_BEFORE_DATE}|aveva|avevano|era|erano|fu|furono|"
        r"\w+(?:ò|arono|irono|erono)",
        anaphoric_years={
            r"l'anno\s+(?:successivo|seguente|dopo)": 1,
            r"l'anno\s+(?:precedente|prima)": -1,
            r"dello\s+stesso\s+anno": 0,
        },
        day_after_date=r"il|l'|dal|al",
        first_day=r"primo",
        first_months=r"(?:nei\s+)?primi\s+{count}\s+mesi(?:\s+dell'anno)?",
        # This morning, this evening, tonight: today.
        days={r"stamattina|stamani|stasera|stanotte": 0},
        quarters=r"trimestre",
        ordinals={r"primo": 1, r"secondo": 2, r"terzo": 3, r"quarto": 4},
        halves={r"primo\s+semestre": 1, r"secondo\s+semestre": 2},
        halves_of={r"prima\s+metà": 1, r"seconda\s+metà": 2},
        earlier_after=r"prima|addietro",
        later_after=r"dopo|più\s+tardi",
        later_before=r"dopo",
        duration_before=r"(?:meno|più)\s+di|oltre|circa",
        news_words=r"prevede|prevedono",
        deadlines=r"entro(?:\s+(?:il|la|l\'|fine))?|fino\s+(?:al|a|all\')",
        # Called, set or put off for a day: still to come ("ha convocato per giovedì il comitato").
        postponed=r"(?:convocat|fissat|rinviat|rimandat|posticipat|slittat|spostat|aggiornat|indett)[oaie]"
        r"\s+(?:per|a|al|all'|alla|ad)\s+(?:il\s+|l')?{date}",
        # A future and the participle it takes first ("resterà aperta a dicembre": not one of the past).
        future_words=rf"(?:{_IT_FUTURE})\s+{_IT_PARTICIPLE}|sarà|saranno|dovrebbe|dovrebbero|"
        rf"(?:{_IT_SCHEDULED})[oaie]|si\s+terrà|si\s+terranno|{_IT_FUTURE}",
        # Not "d'": "d'estate" is every summer, "le previsioni d'inverno" the winter forecast.
        season_leads=r"l'|in|quest'|nell'|dell'|tutta\s+l'|durante\s+l'|la|questa|nella|della",
        year_cues=r"nel|dal|al|del|entro\s+il|fino\s+al|prima\s+del|dopo\s+il|anno|il",
        modifiers_before={
            # "Di", "del", "dell'" may follow each ("all'inizio dell'anno").
            r"all'inizio|agli\s+inizi|a\s+inizio|ad\s+inizio|inizio|ai\s+primi\s+di": Modifier.EARLY,
            r"a\s+metà|alla\s+metà|metà": Modifier.MID,
            r"alla\s+fine|a\s+fine|verso\s+la\s+fine|fine|sul\s+finire": Modifier.LATE,
            r"intorno\s+al|intorno\s+a|verso|circa": Modifier.ABOUT,
        },
        range_words=("al", "a"),
        seasons={"SP": r"primavera", "SU": r"estate", "FA": r"autunno", "WI": r"inverno"},
        years={
            r"(?:dell'|l')anno\s+scorso|(?:dello\s+|lo\s+)?scorso\s+anno": -1,
            r"(?:di\s+)?quest'anno|(?:dell'|l')anno\s+in\s+corso": 0,
            r"(?:dell'|l')anno\s+prossimo|(?:il\s+)?prossimo\s+anno": 1,
        },
        directions={r"scors[oa]|passat[oa]": -1, r"quest[oa]": 0, r"prossim[oa]": 1},
        following={r"successiv[oa]|seguente": 1, r"precedente": -1},
        that_time=r"all\'epoca|a\s+quel\s+tempo|in\s+quel\s+momento",
        anaphora={
            r"(?:lo|nello|quello)\s+stesso\s+giorno|quel\s+giorno|(?:in\s+)?quella\s+giornata": 0,
            r"(?:lo|nello)\s+stesso\s+mese|quel\s+mese": (Precision.MONTH, 0),
            r"(?:lo|nello)\s+stesso\s+anno|quell'anno": (Precision.YEAR, 0),
            r"il\s+giorno\s+prima|il\s+giorno\s+precedente|la\s+vigilia": -1,
            r"il\s+giorno\s+dopo|il\s+giorno\s+seguente|l'indomani": 1,
        },
        numbers={
            "un": 1,
            "uno": 1,
            "una": 1,
            "due": 2,
            "tre": 3,
            "quattro": 4,
            "cinque": 5,
            "sei": 6,
            "sette": 7,
            "otto": 8,
            "nove": 9,
            "dieci": 10,
        },
        decade_words={
            r"venti": 20,
            r"trenta": 30,
            r"quaranta": 40,
            r"cinquanta": 50,
            r"sessanta": 60,
            r"settanta": 70,
            r"ottanta": 80,
            r"novanta": 90,
        },
        decade_word=r"(?:gli\s+)?anni\s+(?P<decade_word>{words})",
        decades=(r"(?:gli\s+)?anni\s+'?(?P<decade>\d0)", r"(?:gli\s+)?anni\s+(?P<decade>\d{3}0)"),
        labels=_UNKNOWN_LABELS + r"|risoluzion\w*|comitato|legge|articolo|art\.|numero|volo",
        counts=r"persone|euro|dollari|tonnellate|chilometri|km|soldati|militari|missili|proiettili|%|per\s+cento",
    ),
    "fr": Extras(
        weekends={
            r"(?:le\s+)?week-?end\s+dernier|le\s+dernier\s+week-?end": -1,
            r"ce\s+week-?end": 0,
            r"(?:le\s+)?week-?end\s+prochain|le\s+prochain\s+week-?end": 1,
            r"(?:le|du|au\s+cours\s+du|pendant\s+le)\s+week-?end": None,
        },
        year_before_period=r"(?:la\s+)?même\s+période\s+de\s+l'année\s+(?:précédente|dernière)",
        between=(r"entre", ("et",)),
        past_words=r"a|ont|avait|avaient|était|étaient|fut|furent|s'est|se\s+sont",
        anaphoric_years={r"l'année\s+suivante": 1, r"l'année\s+précédente": -1, r"de\s+la\s+même\s+année": 0},
        day_after_date=r"le|du|au",
        days={r"ce\s+matin|ce\s+soir|cette\s+nuit": 0},
        first_months=r"(?:sur\s+|dans\s+)?les\s+{count}\s+premiers\s+mois(?:\s+de\s+l'année)?",
        quarters=r"trimestre",
        ordinals={r"premier": 1, r"deuxième|second": 2, r"troisième": 3, r"quatrième": 4},
        halves={r"premier\s+semestre": 1, r"(?:deuxième|second)\s+semestre": 2},
        halves_of={r"première\s+moitié": 1, r"(?:deuxième|seconde)\s+moitié": 2},
        earlier_after=r"plus\s+tôt|auparavant|avant",
        later_after=r"plus\s+tard|après",
        later_before=r"après",
        deadlines=r"d\'ici(?:\s+(?:à|au|la\s+fin\s+de))?",
        postponed=r"(?:reporté|repoussé|décalé|ajourné|prévu)e?s?\s+(?:à|au|en|pour|jusqu'(?:à|au|en))\s+{date}",
        future_words=r"va|vont|sera|seront|devrait|devraient|prévue?s?|aura|auront|"
        # The simple future ("augmenteront", "viendra", "finira").
        r"\w{3,}(?:era|eront|ira|iront|dra|dront)",
        season_leads=r"l'|en|cet|cette|au|à\s+l'|tout\s+l'|de\s+l'|d'",
        year_cues=r"en|depuis|dès|avant|après|jusqu'en|d'ici|année|an|de",
        modifiers_before={
            r"au\s+début\s+de|au\s+début\s+du|début|dès\s+le\s+début\s+de|à\s+l'orée\s+de": Modifier.EARLY,
            r"à\s+la\s+mi-|mi-|au\s+milieu\s+de": Modifier.MID,
            r"à\s+la\s+fin\s+de|à\s+la\s+fin\s+du|fin|vers\s+la\s+fin\s+de|en\s+fin\s+de": Modifier.LATE,
            r"vers|aux\s+alentours\s+de|environ": Modifier.ABOUT,
        },
        range_words=("au",),
        seasons={"SP": r"printemps", "SU": r"été", "FA": r"automne", "WI": r"hiver"},
        years={
            r"l'an\s+dernier|l'an\s+passé|l'année\s+dernière|l'année\s+passée|de\s+l'année\s+dernière": -1,
            r"cette\s+année|l'année\s+en\s+cours": 0,
            r"l'an\s+prochain|l'année\s+prochaine": 1,
        },
        directions={r"derni(?:er|ère)|passée?": -1, r"ce|cet|cette": 0, r"prochaine?": 1},
        following={r"suivante?": 1, r"précédente?": -1},
        that_time=r"à\s+l\'époque|à\s+ce\s+moment-là",
        anaphora={
            r"le\s+même\s+jour|le\s+jour\s+même|ce\s+jour-là": 0,
            r"le\s+même\s+mois|ce\s+mois-là": (Precision.MONTH, 0),
            r"la\s+même\s+année|cette\s+année-là": (Precision.YEAR, 0),
            r"la\s+veille|le\s+jour\s+précédent": -1,
            r"le\s+lendemain|le\s+jour\s+suivant": 1,
        },
        numbers={
            "un": 1,
            "une": 1,
            "deux": 2,
            "trois": 3,
            "quatre": 4,
            "cinq": 5,
            "six": 6,
            "sept": 7,
            "huit": 8,
            "neuf": 9,
            "dix": 10,
        },
        decade_words={
            # The longer first: "soixante-dix" is not "soixante".
            r"soixante-dix": 70,
            r"quatre-vingt-dix": 90,
            r"vingt": 20,
            r"trente": 30,
            r"quarante": 40,
            r"cinquante": 50,
            r"soixante": 60,
            r"quatre-vingts?": 80,
        },
        decade_word=r"(?:les\s+)?années\s+(?P<decade_word>{words})",
        decades=(r"(?:les\s+)?années\s+'?(?P<decade>\d{3}0|\d0)",),
        labels=_UNKNOWN_LABELS + r"|résolution\w*|comité|loi|article|numéro|vol",
        counts=r"personnes|euros|dollars|tonnes|kilomètres|km|soldats|militaires|missiles|obus|%|pour\s+cent",
    ),
    "es": Extras(
        weekends={
            r"(?:el\s+)?(?:pasado|último)\s+fin\s+de\s+semana|(?:el\s+)?fin\s+de\s+semana\s+pasado": -1,
            r"este\s+fin\s+de\s+semana": 0,
            r"(?:el\s+)?próximo\s+fin\s+de\s+semana|(?:el\s+)?fin\s+de\s+semana\s+próximo": 1,
            r"(?:el|durante\s+el)\s+fin\s+de\s+semana": None,
        },
        year_before_period=r"(?:el\s+)?mismo\s+per[ií]odo\s+del\s+año\s+(?:anterior|pasado)",
        between=(r"entre", ("y",)),
        past_words=r"ha|han|había|habían|fue|fueron|\w+(?:ó|aron|ieron)",
        anaphoric_years={
            r"(?:al|el)\s+año\s+siguiente": 1,
            r"el\s+año\s+anterior": -1,
            r"del\s+mismo\s+año": 0,
        },
        day_of_month=r"(?:el\s+)?día\s+{day}",
        day_after_date=r"el|del|al",
        noun_before=r"(?<!\w)(?:la|una|cada|esa|aquella)",
        days={r"esta\s+(?:mañana|tarde|noche)": 0},
        first_months=r"(?:en\s+)?los\s+primeros\s+{count}\s+meses(?:\s+del\s+año)?",
        quarters=r"trimestre",
        ordinals={r"primer|primero": 1, r"segundo": 2, r"tercer|tercero": 3, r"cuarto": 4},
        halves={r"primer\s+semestre": 1, r"segundo\s+semestre": 2},
        halves_of={r"primera\s+mitad": 1, r"segunda\s+mitad": 2},
        earlier_after=r"antes|atrás",
        later_after=r"después|más\s+tarde",
        later_before=r"después\s+de|a\s+l[oa]s",
        deadlines=r"para(?:\s+(?:el|finales\s+de))?",
        postponed=r"(?:aplazad|pospuest|postergad|retrasad|programad)[oa]s?\s+(?:a|al|para|hasta)\s+{date}",
        future_words=r"será|serán|va\s+a|van\s+a|prevé|previst[oa]s?|se\s+celebrará|tendrá|habrá|"
        # The simple future ("aumentarán", "llegará").
        r"\w{2,}(?:rá|rán)",
        season_leads=r"el|en|este|del|todo\s+el|durante\s+(?:todo\s+)?el",
        year_cues=r"en|desde|hasta|del|antes\s+de|después\s+de|año|de",
        modifiers_before={
            r"a\s+principios\s+de|a\s+comienzos\s+de|al\s+inicio\s+de|principios\s+de": Modifier.EARLY,
            r"a\s+mediados\s+de|mediados\s+de": Modifier.MID,
            r"a\s+finales\s+de|a\s+fines\s+de|al\s+final\s+de|finales\s+de|fin\s+de|"
            r"final\s+de": Modifier.LATE,
            r"hacia|alrededor\s+de|aproximadamente": Modifier.ABOUT,
        },
        range_words=("al", "a"),
        seasons={"SP": r"primavera", "SU": r"verano", "FA": r"otoño", "WI": r"invierno"},
        years={
            r"(?:del\s+|el\s+)?año\s+pasado": -1,
            r"(?:de\s+)?este\s+año|(?:del\s+)?año\s+en\s+curso": 0,
            r"(?:el\s+)?próximo\s+año|(?:del\s+)?año\s+que\s+viene": 1,
        },
        directions={r"pasad[oa]|últim[oa]": -1, r"est[ea]": 0, r"próxim[oa]": 1},
        following={r"siguiente": 1, r"anterior": -1},
        that_time=r"en\s+aquel\s+momento|en\s+ese\s+momento|por\s+entonces|en\s+aquella\s+época",
        anaphora={
            r"(?:ese\s+)?(?:el\s+)?mismo\s+día|ese\s+día|aquel\s+día": 0,
            r"(?:ese\s+)?(?:el\s+)?mismo\s+mes|ese\s+mes": (Precision.MONTH, 0),
            r"(?:ese\s+)?(?:el\s+)?mismo\s+año|ese\s+año|aquel\s+año": (Precision.YEAR, 0),
            r"el\s+día\s+anterior|la\s+víspera": -1,
            r"al\s+día\s+siguiente|el\s+día\s+siguiente": 1,
        },
        numbers={
            "un": 1,
            "una": 1,
            "dos": 2,
            "tres": 3,
            "cuatro": 4,
            "cinco": 5,
            "seis": 6,
            "siete": 7,
            "ocho": 8,
            "nueve": 9,
            "diez": 10,
        },
        ago_after="",
        decade_words={
            r"veinte": 20,
            r"treinta": 30,
            r"cuarenta": 40,
            r"cincuenta": 50,
            r"sesenta": 60,
            r"setenta": 70,
            r"ochenta": 80,
            r"noventa": 90,
        },
        decade_word=r"(?:los\s+)?años\s+(?P<decade_word>{words})",
        decades=(
            r"(?:los\s+)?años\s+'?(?P<decade>\d{3}0|\d0)",
            r"(?:la\s+)?década\s+de\s+(?:los\s+)?(?:años\s+)?'?(?P<decade>\d{3}0|\d0)(?!\d)",
        ),
        labels=_UNKNOWN_LABELS + r"|resoluci[oó]n\w*|comité|ley|artículo|número|vuelo",
        counts=r"personas|euros|dólares|toneladas|kilómetros|km|soldados|militares|misiles|proyectiles|%|por\s+ciento",
    ),
    "de": Extras(
        weekends={
            r"(?:am\s+)?(?:vergangenen|letzten|vorigen)\s+wochenende": -1,
            r"(?:an\s+)?diesem\s+wochenende|dieses\s+wochenende": 0,
            r"(?:am\s+)?(?:kommenden|nächsten)\s+wochenende": 1,
            r"(?:am|übers|über\s+das)\s+wochenende": None,
        },
        year_before_period=r"Vorjahreszeitraum\w*|Vorjahresquartal\w*|(?:dem\s+)?gleichen\s+Zeitraum\s+des\s+Vorjahres",
        between=(r"zwischen", ("und",)),
        past_words=r"war|waren|hatte|hatten|wurde|wurden|sagte|sagten|erklärte|erklärten|teilte|kündigte|"
        r"traf|trafen|kam|kamen|ging|gingen|fand|fanden|sprach|sprachen|begann|begannen|gab|gaben|"
        r"nahm|nahmen|hielt|hielten|rief|riefen|stand|standen|lag|lagen|schrieb|flog|flogen|zog|zogen|"
        r"verließ|erhielt|erhielten|stieg|stiegen|fiel|fielen|blieb|blieben|schrieben|sah|sahen|ließ|ließen|"
        r"sank|sanken|brach|brachen|starb|starben|floh|flohen|trat|traten|verlor|verloren|gewann|gewannen|"
        r"schlug|schlugen|fuhr|fuhren|lief|liefen|wuchs|wuchsen|bot|boten|"
        # The weak past ("besuchte", "reisten"), written in lower case as nouns are not, but for
        # ordinals, superlatives, modals and the other words that end so.
        rf"(?-i:(?!(?:{_DE_NOT_PAST})(?!\w))[a-zäöüß]{{3,}}[a-rt-zäöüß]ten?)",
        anaphoric_years={
            r"im\s+folgenden\s+jahr|im\s+jahr\s+darauf": 1,
            r"im\s+jahr\s+zuvor|im\s+vorjahr(?!es)": -1,
            r"desselben\s+jahres|des\s+gleichen\s+jahres": 0,
        },
        quarters=r"quartal\w*",
        ordinals={r"erste[nrms]?": 1, r"zweite[nrms]?": 2, r"dritte[nrms]?": 3, r"vierte[nrms]?": 4},
        first_months=r"(?:in\s+)?den\s+ersten\s+{count}\s+monaten(?:\s+des\s+jahres)?",
        halves={
            r"erste[nrms]?\s+(?:halbjahr\w*|jahreshälfte)": 1,
            r"zweite[nrms]?\s+(?:halbjahr\w*|jahreshälfte)": 2,
        },
        halves_of={r"erste[nrms]?\s+hälfte": 1, r"zweite[nrms]?\s+hälfte": 2},
        earlier_after=r"zuvor|früher|davor|vorher",
        later_after=r"später|danach",
        later_before=r"nach",
        deadlines=r"bis(?:\s+(?:zum|Ende))?",
        postponed=r"(?:auf|in\s+den)\s+{date}\s+(?:verschoben|verlegt|vertagt|angesetzt)",
        future_words=r"wird|werden|soll|sollen|plant|planen|geplant|voraussichtlich",
        nouns_capitalised=True,
        endings=r"(?:e?s|e?n|e)?",
        season_leads=r"im|den(?:\s+ganzen)?|diesen|dieser|der|des|seit\s+dem|bis\s+zum|zum",
        year_cues=r"im\s+jahr|seit|bis|ab|vor|nach|jahr|jahres|von",
        modifiers_before={
            r"anfang|zu\s+beginn|beginn": Modifier.EARLY,
            r"mitte": Modifier.MID,
            r"ende|gegen\s+ende": Modifier.LATE,
            r"etwa|gegen|rund|um": Modifier.ABOUT,
        },
        range_words=("bis",),
        seasons={"SP": r"frühling|frühjahr", "SU": r"sommer", "FA": r"herbst", "WI": r"winter"},
        years={
            r"(?:des\s+)?(?:letzten|vergangenen|vorigen)\s+jahres|im\s+(?:letzten|vergangenen|vorigen)\s+jahr|"
            r"letztes\s+jahr|voriges\s+jahr|vorjahr(?!es(?:zeitraum|quartal))\w*": -1,
            r"(?:des\s+)?vorletzten\s+jahres|im\s+vorletzten\s+jahr": -2,
            r"(?:dieses|diesen)\s+jahres|in\s+diesem\s+jahr|dieses\s+jahr|(?:des\s+)?laufenden\s+jahres|"
            r"im\s+laufenden\s+jahr": 0,
            r"(?:des\s+)?(?:nächsten|kommenden)\s+jahres|im\s+(?:nächsten|kommenden)\s+jahr|"
            r"nächstes\s+jahr": 1,
        },
        directions={
            r"letzte[nrms]?|vergangene[nrms]?|vorige[nrms]?": -1,
            r"diese[nrms]?": 0,
            r"nächste[nrms]?|kommende[nrms]?": 1,
        },
        following={
            r"folgende[nrms]?|darauffolgende[nrms]?": 1,
            r"vorangegangene[nrms]?|vorherige[nrms]?": -1,
        },
        that_time=r"damals|zu\s+diesem\s+zeitpunkt|zu\s+jener\s+zeit",
        anaphora={
            r"am\s+vortag|tags\s+zuvor|am\s+tag\s+zuvor": -1,
            r"am\s+nächsten\s+tag|am\s+folgetag|tags\s+darauf": 1,
            r"am\s+selben\s+tag|am\s+gleichen\s+tag|an\s+diesem\s+tag|an\s+jenem\s+tag": 0,
            r"im\s+selben\s+monat|im\s+gleichen\s+monat": (Precision.MONTH, 0),
            r"im\s+selben\s+jahr|im\s+gleichen\s+jahr": (Precision.YEAR, 0),
        },
        numbers={
            "einem": 1,
            "einer": 1,
            "ein": 1,
            "zwei": 2,
            "drei": 3,
            "vier": 4,
            "fünf": 5,
            "sechs": 6,
            "sieben": 7,
            "acht": 8,
            "neun": 9,
            "zehn": 10,
        },
        decade_words={
            r"zwanziger": 20,
            r"dreißiger": 30,
            r"vierziger": 40,
            r"fünfziger": 50,
            r"sechziger": 60,
            r"siebziger": 70,
            r"achtziger": 80,
            r"neunziger": 90,
        },
        decade_word=r"(?:den\s+|der\s+|die\s+)?(?P<decade_word>{words})(?:\s*-?\s*jahre\w*|n(?!\w))",
        decades=(r"(?:den\s+|der\s+|die\s+)?(?P<decade>\d{3}0|\d0)er(?:\s*-?\s*jahre\w*)?",),
        labels=_UNKNOWN_LABELS + r"|resolution|ausschuss\w*|gesetz\w*|artikel|nummer|flug",
        counts=r"menschen|personen|euro|dollar|tonnen|kilometer|km|soldaten|raketen|granaten|%|prozent",
    ),
    "ko": Extras(
        holidays={
            r"성탄절|크리스마스": (12, 25),
            r"삼일절|3·1절": (3, 1),
            r"어린이날": (5, 5),
            r"현충일": (6, 6),
            r"제헌절": (7, 17),
            r"광복절": (8, 15),
            r"개천절": (10, 3),
            r"한글날": (10, 9),
        },
        weekends={r"지난\s*주말": -1, r"이번\s*주말": 0, r"(?:다음|오는)\s*주말": 1, r"주말": None},
        verb_final=True,
        # and the same month a year before ("작년 같은 달", "전년 동월"), as monthly figures compare them.
        year_before_period=r"전년\s*동(?:기|월)|(?:작년|지난해|전년)\s*같은\s*(?:기간|달)",
        past_words=r"했다|됐다|였다|었다|았다|밝혔다|말했다|전했다|\w+[았었했됐였]다",
        ago_not_before=r"했|하|해|한|할|함|합|국|체|면|원|격|달|망|환|략|쟁|력|세|문",
        year_attribute=r"(?:학년)?도\s+[가-힣]",
        quote_end=r"(?:다|라|냐|자)고\s",
        quarter_before=r"(?<![가-힣])(?:직전|전)\s*분기",
        quarters=r"분기",
        halves={r"상반기": 1, r"하반기": 2},
        relative={
            "이달": (Precision.MONTH, 0),
            "금월": (Precision.MONTH, 0),
            "금주": (Precision.WEEK, 0),
            "이번주": (Precision.WEEK, 0),
            # "내달 중순", "내주": next month, next week, as news writes them.
            "내달": (Precision.MONTH, 1),
            "익월": (Precision.MONTH, 1),
            "내주": (Precision.WEEK, 1),
        },
        days={r"그제|그저께": -2},
        future_words=r"예정|계획|전망|방침|할\s+것",
        postponed=r"{date}\s*(?:로|으로|까지)\s*(?:연기|미뤄|미루|늦춰|연장)",
        present_words=_KOREAN_PRESENT,
        modifiers_after={
            r"초|상순": Modifier.EARLY,
            r"중순|중반": Modifier.MID,
            r"말|하순|후반": Modifier.LATE,
            r"께|경|쯤|무렵": Modifier.ABOUT,
        },
        range_words=("~", "부터"),
        seasons={"SP": r"봄", "SU": r"여름", "FA": r"가을", "WI": r"겨울"},
        later_after=r"뒤|후",
        units={"개월": Precision.MONTH, "달": Precision.MONTH, "해": Precision.YEAR},
        unit_prefixes={"연": Precision.YEAR},
        counted_words={
            r"하루": (Precision.DAY, 1),
            r"이틀": (Precision.DAY, 2),
            r"사흘": (Precision.DAY, 3),
            r"나흘": (Precision.DAY, 4),
            r"닷새": (Precision.DAY, 5),
            r"엿새": (Precision.DAY, 6),
            r"이레": (Precision.DAY, 7),
            r"열흘": (Precision.DAY, 10),
            r"일주일": (Precision.WEEK, 1),
            r"보름": (Precision.DAY, 15),
            r"한\s*달": (Precision.MONTH, 1),
            r"두\s*달": (Precision.MONTH, 2),
            r"[석세]\s*달": (Precision.MONTH, 3),
            r"한\s*해": (Precision.YEAR, 1),
        },
        # "올 초", "올 말": this year's start and end ("올" alone before its modifier).
        years={
            r"재작년": -2,
            r"지난해|작년": -1,
            r"올해|금년|연내|(?<![가-힣])올(?=\s*[초말](?![가-힣]))": 0,
            r"내년": 1,
        },
        # Not the last syllable of a word ("내놓을").
        year_prefixes={r"(?<![가-힣])올": 0},
        # "같은 해 9월", "그해 9월": of the year just mentioned, one mention with its month.
        anaphoric_years={r"전년": -1, r"이듬해|다음\s*해": 1, r"같은\s*해|그해|당해": 0},
        that_time=r"당시",
        news_day=r"이날",
        trading_day_before=r"(?:직)?전\s*거래일",
        anaphora={
            r"이날|그날|같은\s*날|당일": 0,
            r"같은\s*달|그달|당월": (Precision.MONTH, 0),
            # "전월 대비": against the month before the one reported (not "전월세": rents).
            r"전월(?!세)": (Precision.MONTH, -1),
            r"같은\s*해|그해|당해": (Precision.YEAR, 0),
            r"전날|하루\s*전": -1,
            r"다음\s*날|이튿날|이튼날|다음날": 1,
        },
        decades=(r"(?P<decade>\d{3}0)\s*년대", r"(?<!\d)(?P<decade>\d0)\s*년대"),
        labels=_UNKNOWN_LABELS + r"|결의|결의안|위원회|제|호|번",
        counts=r"명|원|달러|톤|킬로미터|km|발|대|%",
    ),
    "ja": Extras(
        trading_day_before=r"前営業日",
        holidays={
            r"元日|元旦": (1, 1),
            r"大みそか|大晦日": (12, 31),
            r"クリスマスイブ": (12, 24),
            r"クリスマス": (12, 25),
        },
        weekends={r"先週末": -1, r"今週末": 0, r"来週末": 1, r"週末": None},
        # "週明けから": from the start of the coming week; "月内": within this month.
        relative={"週明け": (Precision.WEEK, 1), "月内": (Precision.MONTH, 0)},
        # The days as broadcast news writes them in kana ("きょう", "あす", "きのう").
        days={r"おととい": -2, r"きのう": -1, r"きょう": 0, r"あす|あした": 1},
        verb_final=True,
        year_before_period=r"前年同期|前年同月|前年の同じ時期",
        # The past of every verb: "た" after the stem ("上げた", "落ちた", "見た"), "だ" after "ん" or "い"
        # ("読んだ", "泳いだ"); not "たち", "ため", "たい" (plural, for, want: "示したい") nor "だけ",
        # "だろう", "あいだ".
        past_words=r"(?:した|された|だった|った|れた|ました|[えけげせてねべめいきぎちにびみり]た)(?![ちめい])|"
        r"(?:ん|(?<!あ)い)だ(?![けろ])",
        quarters=r"四半期",
        quarter_before=r"前期(?=比)|前四半期",
        eras={"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868},
        short_years=True,
        halves={r"上半期|上期": 1, r"下半期|下期": 2},
        later_after=r"後",
        # And what one wants to do ("示したいという", "決めたいと述べた", "進めたい考えだ").
        future_words=r"予定|見通し|方針|計画|見込み|たい(?=。|と|考え|意向)",
        deadlines_after=r"までに",
        postponed=r"{date}(?:に|まで|へ)(?:延期|先送り|延長)",
        # A verb ending its sentence in the non-past ("開かれる。", "訪問する。", the polite "訪問します。"):
        # what is still to come.
        # The copula too ("警戒が必要だ。", "必要だという。"), but for the past's "んだ", "いだ".
        present_words=r"(?:する|される|れる|られる|ます|(?<![んい])だ(?:という)?)(?=。|$)",
        numbers=CJK_NUMBERS,
        modifiers_after={
            r"上旬|初め|初旬|初頭|初": Modifier.EARLY,
            r"中旬|半ば": Modifier.MID,
            r"下旬|末|終わり": Modifier.LATE,
            r"頃|ごろ": Modifier.ABOUT,
        },
        range_words=("から", "~", "～", "〜"),
        seasons=_CJK_SEASONS | {"SP": r"春", "SU": r"夏", "FA": r"秋", "WI": r"冬"},
        years={r"一昨年": -2, r"昨年|去年": -1, r"今年|本年|年内": 0, r"来年": 1},
        # "同年9月": of the year just mentioned.
        anaphoric_years={r"前年": -1, r"翌年": 1, r"同年": 0},
        that_time=r"当時",
        anaphora={
            r"同日|当日|その日|同じ日": 0,
            r"前日": -1,
            r"翌日": 1,
            r"同月|その月": (Precision.MONTH, 0),
            # "前月比": against the month before the one reported.
            r"前月": (Precision.MONTH, -1),
            r"同年|その年": (Precision.YEAR, 0),
        },
        decades=_CJK_DECADE,
        labels=_UNKNOWN_LABELS + r"|決議|委員会|第|号|番",
        counts=r"人|円|ドル|トン|キロ|発|台|%",
    ),
    "zh": Extras(
        trading_day_before=r"上(?:一|个)交易日|前一交易日",
        holidays={r"元旦": (1, 1), r"劳动节": (5, 1), r"国庆节": (10, 1), r"圣诞节": (12, 25)},
        weekends={r"上个?周末": -1, r"(?:本|这个?)周末": 0, r"下个?周末": 1, r"周末": None},
        year_before_period=r"去年同期|上年同期|去年同月|上年同月",
        past_words=r"了|曾|已经|已",
        quarters=r"季度",
        halves={r"上半年": 1, r"下半年": 2},
        later_after=r"之后|以后|后|後",
        relative={
            "上月": (Precision.MONTH, -1),
            "下月": (Precision.MONTH, 1),
            "这周": (Precision.WEEK, 0),
            "月内": (Precision.MONTH, 0),
        },
        # "须在11月前作出裁决" (must, by November), "定于下周举行" (set for next week).
        compared_before=r"比|较",
        future_words=r"将|计划|预计|即将|拟|必须|须|有望|定于",
        deadlines_after=r"之前|以前|前",
        postponed=r"(?:推迟|延期|推延|延后|延至|改在|改为|定于)(?:到|至)?{date}",
        numbers=CJK_NUMBERS,
        modifiers_after={
            r"上旬|年初|初": Modifier.EARLY,
            r"中旬": Modifier.MID,
            r"下旬|年底|年末|底|末": Modifier.LATE,
            r"前后|左右": Modifier.ABOUT,
        },
        range_words=("至", "到", "~", "～"),
        seasons=_CJK_SEASONS,
        years={r"前年": -2, r"去年": -1, r"今年|本年|年内": 0, r"明年": 1},
        anaphoric_years={r"前一年": -1, r"次年|翌年|第二年": 1, r"同年": 0},
        that_time=r"当时",
        anaphora={
            r"同月|当月": (Precision.MONTH, 0),
            r"次月|翌月": (Precision.MONTH, 1),
            r"同年|当年": (Precision.YEAR, 0),
            r"当天|同日|当日|同一天|那天|这一天": 0,
            r"前一天|前一日": -1,
            r"次日|第二天|翌日": 1,
        },
        decades=_CJK_DECADE,
        labels=_UNKNOWN_LABELS + r"|决议|決議|委员会|第|号|號",
        counts=r"人|元|美元|吨|公里|枚|辆|%",
    ),
    "pt": Extras(
        weekends={
            r"n?o\s+(?:último|passado)\s+fim\s+de\s+semana|n?o\s+fim\s+de\s+semana\s+passado": -1,
            r"(?:n|d)?este\s+fim\s+de\s+semana": 0,
            r"n?o\s+próximo\s+fim\s+de\s+semana": 1,
            r"(?:n?o|durante\s+o)\s+fim\s+de\s+semana": None,
        },
        year_before_period=r"(?:[nd]?o\s+)?mesmo\s+período\s+do\s+ano\s+(?:anterior|passado)",
        between=(r"entre", ("e",)),
        # The preterite ("disparou", "enviaram", "morreu", "partiu"), but for the nouns and names written
        # alike ("Moscou", "europeu").
        past_words=r"foi|foram|era|eram|tinha|tinham|houve|disse|disseram|fez|fizeram|teve|tiveram|"
        r"esteve|estiveram|deu|deram|veio|vieram|pôs|puseram|"
        rf"(?!(?:{_PT_NOT_PAST})(?!\w))\w{{2,}}(?:ou|aram|eram|iram|eu|iu)",
        anaphoric_years={
            r"(?:n?o\s+)?ano\s+seguinte": 1,
            r"(?:n?o\s+)?ano\s+anterior": -1,
            r"do\s+mesmo\s+ano": 0,
        },
        # Not a day of every month ("todo dia 5", "cada dia 5").
        day_of_month=r"(?<!todo\s)(?<!cada\s)(?:n?o\s+)?(?:(?:último|próximo)\s+)?dia\s+{day}",
        quarters=r"trimestre",
        ordinals={r"primeiro": 1, r"segundo": 2, r"terceiro": 3, r"quarto": 4},
        halves={r"primeiro\s+semestre": 1, r"segundo\s+semestre": 2},
        halves_of={r"primeira\s+metade": 1, r"segunda\s+metade": 2},
        earlier_after=r"antes|mais\s+cedo",
        later_after=r"depois|mais\s+tarde",
        later_before=r"depois\s+de|após",
        # "Daqui a dois meses", "dentro de uma semana": from publication in news time.
        in_before=r"daqui\s+a|dentro\s+de",
        deadlines=r"até(?:\s+(?:a|ao|à|o|a\s+o))?",
        postponed=r"(?:adiad|remarcad|transferid|pospost)[oa]s?\s+para\s+{date}",
        # The simple future ("aumentará", "serão") and the periphrastic one ("vai visitar").
        future_words=r"será|serão|vai|vão|irá|irão|deverá|deverão|deve|devem|prevê|previst[oa]s?|"
        r"terá|terão|haverá|marcad[oa]s?|agendad[oa]s?|\w{2,}(?:rá|rão)",
        season_leads=r"o|no|neste|este|nesse|do|deste|todo\s+o|durante\s+(?:todo\s+)?o",
        year_cues=r"em|desde|até|de|do|antes\s+de|depois\s+de|ano|entre",
        # Written with the contraction of "de" and the article ("no início do ano", "no final de março").
        modifiers_before={
            r"(?:n?o\s+)?(?:início|começo|princípio)\s+d[eoa]|(?:em\s+)?princípios\s+de": Modifier.EARLY,
            r"(?:em\s+)?meados\s+d[eoa]|(?:n?o\s+)?meio\s+d[eoa]": Modifier.MID,
            r"(?:n?o\s+)?(?:final|fim)\s+d[eoa]|(?:em\s+)?finais\s+de|(?:em\s+)?fins\s+de": Modifier.LATE,
            r"por\s+volta\s+de|cerca\s+de|aproximadamente": Modifier.ABOUT,
        },
        range_words=("a", "ao"),
        seasons={"SP": r"primavera", "SU": r"verão", "FA": r"outono", "WI": r"inverno"},
        years={
            r"(?:[dn]?o\s+)?ano\s+passado": -1,
            r"(?:[dn]?este|nesse)\s+ano|(?:[dn]?o\s+)?ano\s+em\s+curso|(?:[dn]?o\s+)?corrente\s+ano": 0,
            r"(?:[dn]?o\s+)?próximo\s+ano|(?:[dn]?o\s+)?ano\s+que\s+vem": 1,
        },
        directions={r"passad[oa]s?|últim[oa]s?": -1, r"[dn]?est[ea]": 0, r"próxim[oa]s?": 1},
        following={r"seguinte": 1, r"anterior": -1},
        that_time=r"naquela\s+altura|nessa\s+altura|na\s+altura|naquele\s+momento|naquela\s+época|na\s+época",
        anaphora={
            r"n?o\s+mesmo\s+dia|nesse\s+dia|naquele\s+dia": 0,
            r"n?o\s+mesmo\s+mês|nesse\s+mês|naquele\s+mês": (Precision.MONTH, 0),
            r"n?o\s+mesmo\s+ano|nesse\s+ano|naquele\s+ano": (Precision.YEAR, 0),
            r"n?a\s+véspera|n?o\s+dia\s+anterior": -1,
            r"n?o\s+dia\s+seguinte": 1,
        },
        numbers={
            "um": 1,
            "uma": 1,
            "dois": 2,
            "duas": 2,
            "três": 3,
            "quatro": 4,
            "cinco": 5,
            "seis": 6,
            "sete": 7,
            "oito": 8,
            "nove": 9,
            "dez": 10,
        },
        # "Três dias atrás": ago, as "há três dias" is.
        ago_after=r"atrás",
        decade_words={
            r"vinte": 20,
            r"trinta": 30,
            r"quarenta": 40,
            r"cinquenta": 50,
            r"sessenta": 60,
            r"setenta": 70,
            r"oitenta": 80,
            r"noventa": 90,
        },
        decade_word=r"(?:os\s+)?anos\s+(?P<decade_word>{words})",
        decades=(
            r"(?:os\s+)?anos\s+'?(?P<decade>\d{3}0|\d0)(?!\d)",
            r"(?:a\s+)?década\s+de\s+'?(?P<decade>\d{3}0|\d0)(?!\d)",
        ),
        labels=_UNKNOWN_LABELS + r"|resolução|comité|comitê|lei|artigo|número|voo",
        counts=r"pessoas|euros|dólares|reais|toneladas|quilómetros|quilômetros|km|soldados|militares|"
        r"mísseis|projéteis|projécteis|obuses|vagões|contentores|contêineres|páginas|%|por\s+cento",
    ),
    "nl": Extras(
        weekends={
            r"(?:het\s+)?(?:afgelopen|vorige|voorbije)\s+weekend": -1,
            r"dit\s+weekend": 0,
            r"(?:het\s+)?(?:komende|volgende|volgend)\s+weekend": 1,
            r"(?:in\s+|tijdens\s+)?het\s+weekend": None,
        },
        year_before_period=r"(?:dezelfde|de\s+overeenkomstige)\s+periode\s+(?:van\s+)?(?:vorig|het\s+vorige)\s+jaar",
        between=(r"tussen", ("en",)),
        # The past of the verbs news writes most, the weak past of the verbs in "-eren" ("publiceerde"),
        # and the auxiliaries of the perfect ("heeft verklaard", "zijn aangekomen").
        past_words=r"was|waren|had|hadden|werd|werden|zei|zeiden|kwam|kwamen|ging|gingen|vond|vonden|"
        r"sprak|spraken|gaf|gaven|nam|namen|hield|hielden|stond|stonden|lag|lagen|schreef|schreven|"
        r"vloog|vlogen|trok|trokken|bleef|bleven|zag|zagen|liet|lieten|viel|vielen|brak|braken|won|"
        r"verloor|sloeg|sloegen|liep|bood|vertrok|vertrokken|bezocht|bezochten|bracht|brachten|begon|"
        r"begonnen|besloot|besloten|sloot|sloten|steeg|stegen|daalde|daalden|maakte|maakten|meldde|"
        r"meldden|stuurde|stuurden|noemde|leverde|leverden|toonde|toonden|volgde|vuurde|vuurden|"
        r"ontkende|ontkenden|bevestigde|bevestigden|waarschuwde|verklaarde|verklaarden|tekende|"
        r"ondertekende|reisde|reisden|landde|bereikte|eindigde|bedroeg|bedroegen|groeide|groeiden|kromp|"
        r"heeft|hebben|\w{3,}eerden?",
        future_words=r"zal|zullen|zou|zouden|gaat|gaan|wil|willen|moet|moeten|gepland|verwacht|"
        r"aanstaande",
        # Dutch writes what is scheduled in the present ("het kabinet komt dinsdag bijeen").
        present_words=r"komt|komen|vindt|vinden|begint|beginnen|start|starten|opent|vergadert|vergaderen|"
        r"bezoekt|bezoeken|reist|reizen|stemt|stemmen|beslist|spreekt|spreken|houdt|houden|ontmoet|"
        r"ontmoeten|verschijnt|landt|vertrekt|treedt",
        anaphoric_years={
            r"(?:in\s+)?het\s+jaar\s+(?:daarop|daarna|erna)|(?:in\s+)?het\s+volgende\s+jaar": 1,
            r"(?:in\s+)?het\s+jaar\s+(?:daarvoor|ervoor)|(?:in\s+)?het\s+voorgaande\s+jaar": -1,
        },
        quarters=r"kwartaal",
        ordinals={r"eerste": 1, r"tweede": 2, r"derde": 3, r"vierde": 4},
        halves={r"eerste\s+(?:halfjaar|jaarhelft)": 1, r"tweede\s+(?:halfjaar|jaarhelft)": 2},
        halves_of={r"eerste\s+helft": 1, r"tweede\s+helft": 2},
        earlier_after=r"eerder|daarvoor|ervoor|voordien",
        later_after=r"later|daarna|erna",
        later_before=r"na",
        in_before=r"over|binnen",
        deadlines=r"tegen|uiterlijk|vóór",
        postponed=r"(?:uitgesteld|verschoven|verplaatst)\s+(?:tot|naar)\s+{date}|(?:tot|naar)\s+{date}\s+(?:uitgesteld|verschoven|verplaatst)",
        season_leads=r"in\s+de|de|deze|van\s+de|sinds\s+de|tijdens\s+de|de\s+hele",
        year_cues=r"in|sinds|tot|vanaf|voor|na|jaar|van|begin|eind|medio|halverwege|rond",
        # "Het" before the period: "aan het einde van het jaar", "begin van het jaar".
        modifiers_before={
            r"(?:aan\s+|in\s+)?het\s+begin\s+van(?:\s+het)?|begin(?:\s+van(?:\s+het)?)?": Modifier.EARLY,
            r"medio|half|halverwege|(?:in\s+)?het\s+midden\s+van(?:\s+het)?|midden": Modifier.MID,
            r"(?:aan\s+|tegen\s+)?het\s+einde?\s+van(?:\s+het)?|einde?(?:\s+van(?:\s+het)?)?": Modifier.LATE,
            r"rond|omstreeks|ongeveer|circa": Modifier.ABOUT,
        },
        range_words=("tot en met", "t/m", "tot"),
        seasons={"SP": r"lente|voorjaar", "SU": r"zomer", "FA": r"herfst|najaar", "WI": r"winter"},
        years={
            r"vorige?\s+jaar|verleden\s+jaar|(?:het\s+)?afgelopen\s+jaar": -1,
            r"dit\s+jaar|(?:het\s+)?lopende\s+jaar": 0,
            r"volgende?\s+jaar|(?:het\s+)?komende?\s+jaar": 1,
        },
        directions={r"vorige?|afgelopen|voorbije|verleden": -1, r"deze|dit": 0, r"komende?|aanstaande": 1},
        following={r"daaropvolgende|erop\s+volgende": 1, r"voorafgaande": -1},
        that_time=r"destijds|toentertijd|op\s+dat\s+moment|in\s+die\s+tijd",
        anaphora={
            r"(?:op\s+)?(?:die|de)zelfde\s+dag|(?:op\s+)?die\s+dag": 0,
            r"(?:in\s+)?(?:die|de)zelfde\s+maand|(?:in\s+)?die\s+maand": (Precision.MONTH, 0),
            r"(?:in\s+)?(?:dat|het)zelfde\s+jaar|(?:in\s+)?dat\s+jaar": (Precision.YEAR, 0),
            r"de\s+dag\s+(?:daarvoor|ervoor|voordien)": -1,
            r"de\s+(?:volgende\s+dag|dag\s+(?:daarna|erna|daarop))": 1,
        },
        # Yesterday's, today's and tomorrow's parts as one word ("gisteravond": last night).
        days={
            r"gister(?:avond|middag|ochtend|morgen|nacht)": -1,
            r"van(?:avond|middag|ochtend|morgen|nacht)": 0,
            r"morgen(?:avond|middag|ochtend|vroeg)": 1,
        },
        numbers={
            "een": 1,
            "één": 1,
            "twee": 2,
            "drie": 3,
            "vier": 4,
            "vijf": 5,
            "zes": 6,
            "zeven": 7,
            "acht": 8,
            "negen": 9,
            "tien": 10,
        },
        decade_words={
            r"twintig": 20,
            r"dertig": 30,
            r"veertig": 40,
            r"vijftig": 50,
            r"zestig": 60,
            r"zeventig": 70,
            r"tachtig": 80,
            r"negentig": 90,
        },
        decade_word=r"(?:de\s+)?jaren\s+(?P<decade_word>{words})",
        decades=(r"(?:de\s+)?jaren\s+'?(?P<decade>\d{3}0|\d0)(?!\d)",),
        labels=_UNKNOWN_LABELS + r"|resolutie|artikel|nummer|vlucht|wet",
        counts=r"mensen|personen|euro|dollar|ton|kilometer|km|soldaten|militairen|raketten|granaten|"
        r"wagons|containers|pagina's|%|procent",
    ),
    "pl": Extras(
        weekends={
            r"(?:w\s+)?(?:ubiegły|zeszły|miniony|ostatni)\s+weekend": -1,
            r"(?:w\s+)?ten\s+weekend|w\s+ty[mn]\s+weekendzie": 0,
            r"(?:w\s+)?(?:przyszły|najbliższy|nadchodzący)\s+weekend": 1,
            r"w\s+weekend": None,
        },
        year_before_period=r"(?:analogiczn\w*|t(?:ym|ego)\s+samego?)\s+okres\w*\s+(?:ubiegłego|zeszłego|poprzedniego)\s+roku",
        between=(r"między|pomiędzy", ("a",)),
        # The past ("wystrzelił", "powiedziała", "zaprzeczyli") but for the nouns and names ending so
        # ("generał", "udział", "Michał"), and the impersonal past ("podpisano", "przyjęto").
        past_words=r"był|była|było|byli|były|"
        rf"(?!(?:{_PL_NOT_PAST})(?!\w))\w{{2,}}(?:[aiyęe]ł|ął|[aiyęe]ła|ęła|[aiyęe]ło|[aiyęe]li|[aiyęe]ły)|"
        r"(?!święto)\w{3,}(?:ano|ono|ęto|ito|yto)",
        # The future of "być" and of the perfective verbs news writes most ("odwiedzi", "podpisze").
        future_words=r"będzie|będą|zostanie|zostaną|odbędzie|odbędą|ma\s+się|mają\s+się|planuje|planują|"
        r"planowan\w*|zamierza|zamierzają|przewiduje|odwiedzi|przedstawi|podpisze|spotka|rozpocznie|"
        r"zakończy|ogłosi|przyjedzie|przyleci|wyda|wejdzie",
        anaphoric_years={r"(?:w\s+)?(?:następnym|kolejnym)\s+roku": 1, r"(?:w\s+)?poprzednim\s+roku": -1},
        quarters=r"kwarta\w*",
        ordinals={r"pierwsz\w*": 1, r"drug\w*": 2, r"trzeci\w*": 3, r"czwart\w*": 4},
        halves={r"pierwsz\w*\s+półroc\w*": 1, r"drug\w*\s+półroc\w*": 2},
        halves_of={r"pierwsz\w*\s+połow\w*": 1, r"drug\w*\s+połow\w*": 2},
        # "Rok temu", "tydzień temu": one unit ago, with no count.
        ago_after=r"temu",
        earlier_after=r"wcześniej|przedtem",
        later_after=r"później|potem",
        later_before=r"po",
        in_before=r"za",
        one_without_count=True,
        deadlines=r"do|najpóźniej\s+do",
        postponed=r"(?:przełoż|przesun|odłoż)\w*\s+na\s+{date}",
        season_leads=r"w|we|od|do|przez\s+całe|tej|tego",
        bare_season_forms=r"wiosną|latem|jesienią|zimą",
        year_cues=r"w|we|od|do|z|po|przed|roku|rok",
        modifiers_before={
            r"na\s+początku|z\s+początkiem|od\s+początku|początek": Modifier.EARLY,
            r"w\s+połowie|do\s+połowy|od\s+połowy|połowa": Modifier.MID,
            r"pod\s+koniec|na\s+koniec|do\s+końca|z\s+końcem|koniec|końcem": Modifier.LATE,
            r"około|ok\.|mniej\s+więcej": Modifier.ABOUT,
        },
        range_words=("do",),
        # "Lata" is also the plural of "rok" (years): only the season's other cases.
        seasons={
            "SP": r"wiosn(?:a|ą|y|ę)|wiośnie",
            "SU": r"lat(?:em|o)|lecie",
            "FA": r"jesie[ńn]|jesienią|jesieni",
            "WI": r"zim(?:a|ą|y|ie|ę)",
        },
        years={
            r"(?:w\s+)?(?:ubiegłym|zeszłym|minionym)\s+roku|(?:ubiegłego|zeszłego|minionego)\s+roku|"
            r"(?:ubiegły|zeszły|miniony)\s+rok": -1,
            r"(?:w\s+)?(?:tym|bieżącym|obecnym)\s+roku|(?:tego|bieżącego|obecnego)\s+roku": 0,
            r"(?:w\s+)?przyszłym\s+roku|przyszłego\s+roku|przyszły\s+rok": 1,
        },
        directions={
            # Not "ostatni": "ostatnie lata" are recent years, no year.
            r"ubiegł\w*|zeszł\w*|minion\w*": -1,
            r"t(?:en|ym|ego|ej|ę|ą|a)|bieżąc\w*|obecn\w*": 0,
            r"przyszł\w*|nadchodząc\w*|najbliższ\w*": 1,
        },
        following={r"następn\w*|kolejn\w*": 1, r"poprzedni\w*": -1},
        that_time=r"wówczas|wtedy|w\s+tamtym\s+czasie|w\s+tym\s+czasie",
        anaphora={
            r"tego\s+samego\s+dnia|(?:w\s+)?tym\s+samym\s+dniu|tego\s+dnia": 0,
            r"(?:w\s+)?tym\s+samym\s+miesiącu|tego\s+samego\s+miesiąca": (Precision.MONTH, 0),
            r"(?:w\s+)?tym\s+samym\s+roku|tego\s+samego\s+roku": (Precision.YEAR, 0),
            r"poprzedniego\s+dnia|w\s+przeddzień|dzień\s+wcześniej": -1,
            r"następnego\s+dnia|kolejnego\s+dnia|nazajutrz|dzień\s+później": 1,
        },
        days={r"przedwczoraj": -2, r"pojutrze": 2},
        # In the cases a count takes ("po dwóch dniach", "przed trzema laty").
        numbers={
            "jeden": 1,
            "jedna": 1,
            "jedną": 1,
            "jednym": 1,
            "dwa": 2,
            "dwie": 2,
            "dwóch": 2,
            "dwoma": 2,
            "trzy": 3,
            "trzech": 3,
            "trzema": 3,
            "cztery": 4,
            "czterech": 4,
            "pięć": 5,
            "pięciu": 5,
            "sześć": 6,
            "sześciu": 6,
            "siedem": 7,
            "siedmiu": 7,
            "osiem": 8,
            "ośmiu": 8,
            "dziewięć": 9,
            "dziewięciu": 9,
            "dziesięć": 10,
            "dziesięciu": 10,
            "kilka": 3,
            "kilku": 3,
        },
        decade_words={
            r"dwudziest": 20,
            r"trzydziest": 30,
            r"czterdziest": 40,
            r"pięćdziesiąt": 50,
            r"sześćdziesiąt": 60,
            r"siedemdziesiąt": 70,
            r"osiemdziesiąt": 80,
            r"dziewięćdziesiąt": 90,
        },
        decade_word=r"lat(?:a|ach|ami)?\s+(?P<decade_word>{words})\w*",
        decades=(r"lat(?:a|ach|ami)?\s+'?(?P<decade>\d{3}0|\d0)(?:\.|-?(?:tych|te|ych|e))?(?!\d)",),
        labels=_UNKNOWN_LABELS + r"|rezolucj\w*|ustaw\w*|artykuł\w*|numer\w*|lot\w*",
        counts=r"osób|osoby|ludzi|złotych|zł|euro|dolarów|ton|kilometrów|km|żołnierzy|rakiet|pocisków|wagonów|stron|"
        r"%|procent\w*",
    ),
    "tr": Extras(
        # The new date takes the dative ("Mart'a ertelendi": put off to March).
        postponed=r"{date}(?:'?y?[ae])?\s+ertelen\w*",
        weekends={
            r"(?:geçen|geçtiğimiz)\s+hafta\s+sonu": -1,
            r"bu\s+hafta\s+sonu": 0,
            r"(?:gelecek|önümüzdeki)\s+hafta\s+sonu": 1,
            r"hafta\s+sonu": None,
        },
        year_before_period=r"(?:geçen|bir\s+önceki)\s+yılın\s+aynı\s+döneminde|geçen\s+yılın\s+aynı\s+dönemi\w*",
        # The past at the end of a clause ("fırlattı", "söylediler"): Turkish puts its verb last.
        past_words=r"\w{2,}(?:dı|di|du|dü|tı|ti|tu|tü)(?:lar|ler|r)?(?=\s*[.!?,;])|\w{2,}(?:mış|miş|muş|müş)(?:tı|ti|tu|tü)?(?=\s*[.!?,;])",
        # The future ("açıklayacak", "edecekler"), and what is planned or expected.
        future_words=r"\w+(?:acak|ecek|acağı\w*|eceği\w*)(?:tır|tir|lar|ler)?|planlan\w*|beklen\w*|öngörül\w*",
        anaphoric_years={r"ertesi\s+yıl\w*|bir\s+sonraki\s+yıl\w*": 1, r"bir\s+önceki\s+yıl\w*": -1},
        # "Çeyrek" softens its last consonant before a vowel ("çeyreğinde").
        quarters=r"çeyre(?:k|ğ)\w*",
        ordinals={r"birinci|ilk": 1, r"ikinci": 2, r"üçüncü": 3, r"dördüncü|son": 4},
        halves={r"ilk\s+yarı\w*|birinci\s+yarı\w*": 1, r"ikinci\s+yarı\w*": 2},
        earlier_after=r"önce|evvel",
        later_after=r"sonra",
        # Case endings after a name, an apostrophe before them where the name is capitalised: "Mart'ta",
        # "Ekim'de", "pazartesi günü", "yılında", "ayın", "2023'ün", "Mart'taki".
        endings=r"(?:['’]?(?:[nsy]?[ıiuü])?(?:n?[dt][ae]n?|[ny]?[ae]|[nsy]?[ıiuü]n|l[ae])?(?:ki)?)",
        season_leads=r"bu|o|bütün|tüm",
        modifiers_after={
            r"başı\w*|başlarında|başlarından|başlarına|başlangıcında": Modifier.EARLY,
            r"ortası\w*|ortalarında|ortalarına": Modifier.MID,
            r"sonu\w*|sonlarında|sonlarına|sonlarından": Modifier.LATE,
            r"civarında|civarı|dolaylarında|sularında": Modifier.ABOUT,
        },
        modifiers_before={r"yaklaşık": Modifier.ABOUT},
        range_words=("ile",),
        # "Yazın" (in the summer), "kışın": the season's adverb, a date alone. "Kış" in its own case:
        # ignoring case, "ı" is "i" ("kişi": person).
        seasons={
            "SP": r"ilkbahar\w*|bahar\w*",
            "SU": r"yaz(?:ın|ında|a|dan|ı)?",
            "FA": r"sonbahar\w*",
            "WI": r"(?-i:[Kk]ış)(?:ın|ında|a|tan|ta|ı)?",
        },
        bare_season_forms=r"yazın|kışın|ilkbaharda|sonbaharda|baharda",
        years={
            r"(?:geçen|geçtiğimiz|bir\s+önceki)\s+yıl(?:ın|ki)?|geçen\s+sene(?:nin)?": -1,
            r"bu\s+yıl(?:ın|ki)?|bu\s+sene(?:nin)?|içinde\s+bulunduğumuz\s+yıl(?:ın)?": 0,
            r"gelecek\s+yıl(?:ın)?|önümüzdeki\s+yıl(?:ın)?|gelecek\s+sene(?:nin)?|seneye": 1,
        },
        directions={r"geçen|geçtiğimiz": -1, r"bu": 0, r"gelecek|önümüzdeki": 1},
        following={r"ertesi|bir\s+sonraki|sonraki": 1, r"bir\s+önceki|önceki": -1},
        that_time=r"o\s+sırada|o\s+dönemde|o\s+zamanlar|o\s+tarihte",
        anaphora={
            r"aynı\s+gün\w*|o\s+gün\w*": 0,
            r"aynı\s+ay\w*": (Precision.MONTH, 0),
            r"aynı\s+yıl\w*": (Precision.YEAR, 0),
            r"bir\s+gün\s+önce|arifesinde": -1,
            r"ertesi\s+gün\w*|bir\s+gün\s+sonra": 1,
        },
        # "Önceki gün" and "evvelki gün" are the day before yesterday, not the day before.
        days={r"önceki\s+gün|evvelki\s+gün": -2, r"yarından\s+sonra": 2},
        numbers={
            "bir": 1,
            "iki": 2,
            "üç": 3,
            "dört": 4,
            "beş": 5,
            "altı": 6,
            "yedi": 7,
            "sekiz": 8,
            "dokuz": 9,
            "on": 10,
            "birkaç": 3,
        },
        decade_words={
            r"yirmi": 20,
            r"otuz": 30,
            r"kırk": 40,
            r"elli": 50,
            r"altmış": 60,
            r"yetmiş": 70,
            r"seksen": 80,
            r"doksan": 90,
        },
        decade_word=r"(?P<decade_word>{words})['’]?(?:li|lı|lu|lü)\s+yıl\w*",
        decades=(
            r"(?P<decade>\d{3}0|\d0)['’]?(?:lı|li|lu|lü|lar|ler|ların|lerin|larda|lerde)\w*(?:\s+yıl\w*)?",
        ),
        labels=_UNKNOWN_LABELS + r"|karar\w*|madde\w*|sayı\w*|sefer\w*",
        counts=r"kişi\w*|lira\w*|dolar\w*|avro|euro|ton\w*|kilometre\w*|km|asker\w*|füze\w*|mermi\w*|vagon\w*|sayfa\w*|"
        r"%|yüzde",
    ),
    "id": Extras(
        weekends={
            r"akhir\s+(?:pekan|minggu)\s+lalu": -1,
            r"akhir\s+(?:pekan|minggu)\s+ini": 0,
            r"akhir\s+(?:pekan|minggu)\s+depan": 1,
            r"(?:pada\s+|saat\s+)?akhir\s+(?:pekan|minggu)": None,
        },
        year_before_period=r"periode\s+yang\s+sama\s+tahun\s+(?:lalu|sebelumnya)",
        between=(r"antara", ("dan",)),
        past_words=r"telah|sudah|pernah|sempat",
        future_words=r"akan|bakal|dijadwalkan|direncanakan|rencananya|berencana|hendak",
        # "Pekan" is the week news writes ("pekan lalu", "dua pekan"), beside "minggu" (also Sunday).
        units={"pekan": Precision.WEEK},
        relative={
            "pekan lalu": (Precision.WEEK, -1),
            "pekan ini": (Precision.WEEK, 0),
            "pekan depan": (Precision.WEEK, 1),
            # One unit ago, the count glued before it as "se-": "setahun lalu", "sebulan yang lalu".
            **{
                f"{word}{tail}": (unit, -1)
                for word, unit in (
                    ("setahun", Precision.YEAR),
                    ("sebulan", Precision.MONTH),
                    ("seminggu", Precision.WEEK),
                    ("sepekan", Precision.WEEK),
                    ("sehari", Precision.DAY),
                )
                for tail in (" lalu", " yang lalu")
            },
        },
        anaphoric_years={r"tahun\s+berikutnya": 1, r"tahun\s+sebelumnya": -1},
        quarters=r"kuartal|triwulan",
        # Written after the word: "kuartal ketiga", "triwulan III".
        ordinals={r"pertama|kesatu": 1, r"kedua": 2, r"ketiga": 3, r"keempat": 4},
        halves={r"semester\s+(?:pertama|i|1)": 1, r"semester\s+(?:kedua|ii|2)": 2},
        halves_of={r"paruh\s+pertama": 1, r"paruh\s+kedua": 2},
        ago_after=r"(?:yang\s+)?lalu",
        earlier_after=r"sebelumnya",
        # "Dua pekan lagi": in two weeks ("dalam", "within", is as often a span: "dalam 12 bulan").
        later_after=r"kemudian|setelahnya|lagi",
        later_before=r"setelah|sesudah",
        deadlines=r"hingga|sampai|paling\s+lambat",
        postponed=r"(?:ditunda|diundur|dijadwalkan\s+ulang)\s+(?:hingga|sampai|ke|pada)\s+{date}",
        season_leads=r"pada|selama|sepanjang|saat",
        year_cues=r"pada|sejak|hingga|sampai|tahun|sebelum|setelah|awal|akhir|pertengahan",
        modifiers_before={
            r"(?:pada\s+)?awal": Modifier.EARLY,
            r"(?:pada\s+)?pertengahan": Modifier.MID,
            r"(?:pada\s+)?akhir": Modifier.LATE,
            r"sekitar|kira-kira": Modifier.ABOUT,
        },
        range_words=("hingga", "sampai", "sampai dengan"),
        seasons={
            "SP": r"musim\s+semi",
            "SU": r"musim\s+panas",
            "FA": r"musim\s+gugur",
            "WI": r"musim\s+dingin",
        },
        years={r"tahun\s+lalu": -1, r"tahun\s+ini": 0, r"tahun\s+depan": 1},
        directions={r"lalu": -1, r"ini": 0, r"depan|mendatang": 1},
        following={r"berikutnya|selanjutnya": 1, r"sebelumnya": -1},
        that_time=r"(?:pada\s+)?saat\s+itu|ketika\s+itu|waktu\s+itu",
        anaphora={
            r"(?:pada\s+)?hari\s+yang\s+sama|(?:pada\s+)?hari\s+itu": 0,
            r"(?:pada\s+)?bulan\s+yang\s+sama": (Precision.MONTH, 0),
            r"(?:pada\s+)?tahun\s+yang\s+sama": (Precision.YEAR, 0),
            r"sehari\s+sebelumnya|(?:pada\s+)?hari\s+sebelumnya": -1,
            r"keesokan\s+harinya|esok\s+harinya|sehari\s+kemudian|(?:pada\s+)?hari\s+berikutnya": 1,
        },
        days={r"kemarin\s+lusa": -2, r"lusa": 2},
        numbers={
            "satu": 1,
            "dua": 2,
            "tiga": 3,
            "empat": 4,
            "lima": 5,
            "enam": 6,
            "tujuh": 7,
            "delapan": 8,
            "sembilan": 9,
            "sepuluh": 10,
            "beberapa": 3,
        },
        decades=(r"(?:tahun\s+)?(?P<decade>\d{3}0)-?an(?!\w)",),
        labels=_UNKNOWN_LABELS + r"|resolusi|pasal|nomor|penerbangan|undang-undang",
        counts=r"orang|rupiah|dolar|ton|kilometer|km|tentara|prajurit|rudal|peluru|amunisi|gerbong|"
        r"halaman|%|persen",
    ),
    "ar": Extras(
        weekends={
            r"(?:في\s+)?عطلة\s+نهاية\s+الأسبوع\s+الماضي(?:ة)?": -1,
            r"(?:في\s+)?عطلة\s+نهاية\s+هذا\s+الأسبوع": 0,
            r"(?:في\s+)?عطلة\s+نهاية\s+الأسبوع\s+(?:المقبل|القادم)(?:ة)?": 1,
            r"(?:في\s+|خلال\s+)?عطلة\s+نهاية\s+الأسبوع": None,
        },
        year_before_period=r"(?:الفترة\s+)?نفسها\s+من\s+العام\s+(?:الماضي|السابق)",
        between=(r"بين", ("و",)),
        # The past of the verbs news writes most, with the conjunction glued before it ("وقال").
        past_words=r"[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|نفى|نفت|أضاف|أضافت|"
        r"أوضح|أوضحت|كشف|كشفت|زار|زارت|التقى|التقت|عقد|عقدت|أطلق|أطلقت|بدأ|بدأت|انتهى|انتهت|كان|"
        r"كانت|كانوا|تم|جرى|جرت|شهد|شهدت|أرسل|أرسلت|نشر|نشرت|وصل|وصلت|وقع|وقعت|غادر|غادرت|اجتمع|"
        r"اجتمعت|صرح|صرحت|أشار|أشارت|قام|قامت|أجرى|أجرت|استقبل|استقبلت)",
        # The future: "سوف", and "سـ" glued to a verb in the present ("سيزور", "ستعقد"), but for the
        # words that begin so ("سيول": Seoul, "سياسة", "سيارة").
        future_words=rf"سوف|من\s+المقرر|من\s+المتوقع|يعتزم|تعتزم|(?!(?:{_AR_NOT_FUTURE})(?!\w))[وف]?س[يتن]\w{{2,}}",
        # "العام", "year" with its article, and the plurals a count takes ("ثلاثة أعوام").
        units={
            "العام": Precision.YEAR,
            "أعوام": Precision.YEAR,
            "سنوات": Precision.YEAR,
            "أشهر": Precision.MONTH,
            "شهور": Precision.MONTH,
            "أسابيع": Precision.WEEK,
        },
        relative={
            "العام الماضي": (Precision.YEAR, -1),
            "العام المقبل": (Precision.YEAR, 1),
            "العام القادم": (Precision.YEAR, 1),
            "العام الحالي": (Precision.YEAR, 0),
            "العام الجاري": (Precision.YEAR, 0),
            "هذا العام": (Precision.YEAR, 0),
            "الشهر المقبل": (Precision.MONTH, 1),
            "الشهر الجاري": (Precision.MONTH, 0),
            "الأسبوع المقبل": (Precision.WEEK, 1),
            "الأسبوع الجاري": (Precision.WEEK, 0),
            # One unit ago, with no count: "قبل عام" (a year ago).
            "قبل عام": (Precision.YEAR, -1),
            "قبل سنة": (Precision.YEAR, -1),
            "قبل شهر": (Precision.MONTH, -1),
            "قبل أسبوع": (Precision.WEEK, -1),
        },
        anaphoric_years={r"(?:في\s+)?العام\s+(?:التالي|الذي\s+تلاه)": 1, r"(?:في\s+)?العام\s+السابق": -1},
        # The ordinal after the word: "الربع الثالث".
        quarters=r"الربع",
        ordinals={r"الأول": 1, r"الثاني": 2, r"الثالث": 3, r"الرابع|الأخير": 4},
        halves_of={r"النصف\s+الأول": 1, r"النصف\s+الثاني": 2},
        earlier_after=r"سابقا|من\s+قبل",
        later_after=r"لاحقا|بعد\s+ذلك",
        later_before=r"بعد",
        in_before=r"خلال|في\s+غضون",
        deadlines=r"بحلول|قبل\s+نهاية",
        postponed=r"(?:تأجيل|أرجئ|أجل|تأجل)\S*(?:\s+\S+){0,2}\s+(?:إلى|حتى)\s+{date}",
        season_leads=r"في|خلال|طوال|هذا",
        year_cues=r"في|منذ|حتى|خلال|بحلول|قبل|بعد",
        modifiers_before={
            r"(?:في\s+)?(?:مطلع|أوائل|بداية|مستهل)": Modifier.EARLY,
            r"(?:في\s+)?(?:منتصف|أواسط)": Modifier.MID,
            r"(?:في\s+)?(?:أواخر|نهاية)": Modifier.LATE,
            r"حوالي|نحو": Modifier.ABOUT,
        },
        range_words=("إلى", "حتى"),
        # Without the article before what it is of: "ربيع 2024", "صيف العام الماضي".
        seasons={"SP": r"(?:ال)?ربيع", "SU": r"(?:ال)?صيف", "FA": r"(?:ال)?خريف", "WI": r"(?:ال)?شتاء"},
        # "من العام الماضي" after a month: "مارس من العام الماضي" (March of last year).
        years={
            r"(?:من\s+)?(?:العام\s+(?:الماضي|المنصرم|الفائت)|السنة\s+الماضية)": -1,
            r"(?:من\s+)?(?:العام\s+(?:الحالي|الجاري)|هذا\s+العام|السنة\s+الحالية)": 0,
            r"(?:من\s+)?(?:العام\s+(?:المقبل|القادم)|السنة\s+(?:المقبلة|القادمة))": 1,
        },
        directions={
            r"الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة": -1,
            r"الجاري|الحالي|الحالية": 0,
            r"المقبل|المقبلة|القادم|القادمة": 1,
        },
        following={r"التالي|التالية": 1, r"السابق|السابقة": -1},
        that_time=r"في\s+ذلك\s+الوقت|آنذاك|حينها|حينذاك|وقتها",
        anaphora={
            r"في\s+اليوم\s+(?:نفسه|ذاته)|في\s+نفس\s+اليوم|في\s+ذلك\s+اليوم": 0,
            r"في\s+الشهر\s+(?:نفسه|ذاته)|في\s+نفس\s+الشهر": (Precision.MONTH, 0),
            r"في\s+العام\s+(?:نفسه|ذاته)|في\s+نفس\s+العام|في\s+السنة\s+نفسها": (Precision.YEAR, 0),
            r"في\s+اليوم\s+السابق|قبل\s+ذلك\s+بيوم": -1,
            r"في\s+اليوم\s+التالي|في\s+اليوم\s+الذي\s+تلاه|بعد\s+ذلك\s+بيوم": 1,
        },
        # "أول أمس": the day before yesterday ("أمس" alone is yesterday).
        days={r"أول\s+(?:من\s+)?أمس": -2, r"بعد\s+غد": 2},
        # The dual: a count of two written as one word with its unit.
        counted_words={
            r"يومين": (Precision.DAY, 2),
            r"أسبوعين": (Precision.WEEK, 2),
            r"شهرين": (Precision.MONTH, 2),
            r"عامين|سنتين": (Precision.YEAR, 2),
        },
        numbers={
            "واحد": 1,
            "ثلاثة": 3,
            "ثلاث": 3,
            "أربعة": 4,
            "أربع": 4,
            "خمسة": 5,
            "خمس": 5,
            "ستة": 6,
            "ست": 6,
            "سبعة": 7,
            "سبع": 7,
            "ثمانية": 8,
            "ثماني": 8,
            "تسعة": 9,
            "تسع": 9,
            "عشرة": 10,
            "عشر": 10,
            "عدة": 3,
        },
        labels=_UNKNOWN_LABELS + r"|القرار|قرار|رقم|المادة|الرحلة",
        counts=r"شخص\w*|دولار\w*|طن\w*|كيلومتر\w*|كم|جندي\w*|جنود|صاروخ\w*|صواريخ|قذيفة|قذائف|"
        r"عربة|عربات|صفحة|%|بالمئة|في\s+المئة",
    ),
}

# Chinese writes the day as 号 as well as 日.
EXTRAS["zh-hant"] = EXTRAS["zh"]


def extras_for(language: str) -> Extras:
    """The additions for ``language``; none for a language not listed (the locale data alone then)."""
    return EXTRAS.get(language, Extras(labels=_UNKNOWN_LABELS))
