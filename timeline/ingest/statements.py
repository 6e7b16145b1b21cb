"""Quoted statements in news text: the quote, who said it, and whether it alleges, denies, confirms or
assesses.

Quotes are the text between double quotes (straight or curly, which scraped and spun text often mixes
up), paired in order within a paragraph; a quote left open at the end of a paragraph runs to its end.
A quote may span sentences.

The speaker comes from the attribution around the quote, tried in this order:

1. right after it: '"…," Kirby said', '"…," said Park Won-gon, a professor …', '"…," according to X';
2. before it in its sentence: 'X said, "…"', 'X told Newsweek that "…"', 'X, a professor, said: "…"';
3. a quote with no attribution continues the statement before it in the same paragraph, or in the
   previous paragraph when it opens its own ('"…," Park said.' then a paragraph '"Refined …"').

A pronoun ("he said") is the most recent named speaker of the previous sentences, else a person named
earlier in the sentence; a definite description ("the official said") is the nearest person named in
the previous sentences. Speakers are matched to known actors by name or alias (case-insensitive), a
surname alone matches a person whose name ends with it; unmatched speakers keep the name as written.

Stance comes from the wording of the quote and its attribution verb, first match wins: denial
("never", "deny", "no plans", "rumor", "false"; a predicted denial such as "it would deny" is not one),
confirmation ("we can confirm", "yes", "confirmed"), assessment when hedged ("if", "would", "likely",
"chances are"), allegation ("is supplying", "delivered", "accuse", "blamed"), else assessment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from timeline.ingest.sentences import ENGLISH, split_sentences
from timeline.ingest.statement_languages import GENERIC_QUOTE_PAIRS, LANGUAGES, StatementLanguage
from timeline.vocabulary import Stance

_QUOTE_MARKS = '"“”„'
_QUOTE_MARK = re.compile(f"[{_QUOTE_MARKS}]")
_VERBS = (
    "said says say told tells added adds adding stated stating noted noting warned warns warning "
    "claimed claims claiming insisted insists insisting reiterated reiterates explained explains wrote "
    "writes argued argues asserted asserts denied denies denying confirmed confirms confirming "
    "accused accuses accusing blamed blames blaming alleged alleges stressed stresses emphasized "
    "emphasised declared declares announced announces continued maintained maintains urged replied "
    "responded answered remarked commented acknowledged admitted saying asked asking praised praising "
    "condemned condemning called calling reported"
).split()
_VERB = "(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + ")"
# Lower case only: "the United States" and "new reports" are not attributions.
_VERB_RE = re.compile(rf"\b{_VERB}\b")
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<np>[^,.;:()\"“”]{2,80})", re.IGNORECASE)
# '"…," Kirby said' / '"…," a State Department spokesperson told Reuters'
_NP_THEN_VERB = re.compile(rf"^[\s,]*(?P<np>[^,;:()\"“”]{{1,80}}?)\s+(?P<verb>{_VERB})\b")
# '"…," said Park Won-gon, a professor …'
_VERB_THEN_NP = re.compile(rf"^[\s,]*(?P<verb>{_VERB})\s+(?P<np>[^,;:()\"“”]{{1,80}}?)(?=[,;:.()]|$)")
_MAX_NP_WORDS = 8
# How far a verb before the quote may be from it ("X said in a briefing on Tuesday, "…"").
_MAX_WORDS_VERB_TO_QUOTE = 14
_PRONOUNS = frozenset("he she they it we i".split())
_DETERMINERS = frozenset("the a an this that".split())
# Words that open an adverbial, not a subject: the speaker is at the end of such a chunk.
_ADVERBIAL_OPENERS = frozenset(
    "through in on at after before during when while since earlier later meanwhile however but and so "
    "also then yet by via from with for as like under amid despite".split()
)
_PREPOSITIONS = frozenset("of at from for in with by on to under near into about".split())
_NAME_CONNECTORS = frozenset("of the for de del da van von al bin and".split())
_ATTRIBUTION_WINDOW = 400
_PRONOUN_LOOKBACK_SENTENCES = 3
_DESCRIPTION_LOOKBACK_SENTENCES = 2
_MT_NAME_WINDOW = 60

_PREDICTED_DENIAL = re.compile(r"\b(?:would|will|could|might|may|to)\s+(?:\w+\s+)?den(?:y|ies)\b", re.I)
_DENIAL = re.compile(
    r"\bnever\b|\bden(?:y|ies|ied|ying|ial)\b|\bno plans?\b|\bnot plan|\bnor do we plan|\bno intention\b|"
    r"\brumou?rs?\b|\bfalse(?:hoods?)?\b|\bfake\b|\bbaseless\b|\bgroundless\b|\bfabricat\w*|\bnot true\b|"
    r"\bunfounded\b|\bnonsense\b",
    re.IGNORECASE,
)
_CONFIRMATION = re.compile(r"\bwe can (?:now )?confirm\b|\bconfirm(?:s|ed)?\b|^\W*yes\b|\bverified\b", re.I)
_HEDGE = re.compile(
    r"\bif\b|\bwould\b|\bcould\b|\bmight\b|\bmay\b|\blikely\b|\bpossib\w*|\bchances?\b|\bseems?\b|"
    r"\bprobabl\w*|\bperhaps\b|\bi (?:think|believe|suspect)\b|\bventure\b",
    re.IGNORECASE,
)
_ALLEGATION = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:supplying|selling|shipping|sending|"
    r"providing|delivering|transferring|arming)\b|\bdeliver(?:s|ed|ing)?\b|\bsupplied\b|\bshipped\b|"
    r"\bsold\b|\btransferred\b|\bprovided\b|\baccus\w+|\bblam\w+|\bviolat\w+|\bunlawful\w*|\billegal\w*|"
    r"\bsmuggl\w+",
    re.IGNORECASE,
)
_VERB_STANCE = [
    (re.compile(r"den(?:y|ies|ied|ying)", re.I), Stance.DENIAL),
    (re.compile(r"confirm\w*", re.I), Stance.CONFIRMATION),
    (re.compile(r"accus\w+|blam\w+|alleg\w+|condemn\w*", re.I), Stance.ALLEGATION),
]


@dataclass(frozen=True)
class Speaker:
    """A known actor a quote can be attributed to: its key (e.g. a primary key) and every name."""

    key: Hashable
    name: str
    names: tuple[str, ...]
    is_person: bool = True


@dataclass(frozen=True)
class Quote:
    """The text between a pair of quote marks: ``text[start:end]`` without the marks."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    paragraph: int
    opens_paragraph: bool


@dataclass(frozen=True)
class FoundStatement:
    """A quote with its speaker (an actor when one matched, else the name as written) and stance."""

    start: int
    end: int
    quote: str
    speaker_name: str
    speaker: Speaker | None
    stance: Stance
    sentence_start: int
    sentence_end: int

    @property
    def who(self) -> str:
        return self.speaker.name if self.speaker else self.speaker_name


class SpeakerIndex:
    """Known speakers, matched by name or alias, by surname, or by a name inside a longer phrase."""

    def __init__(self, speakers: Iterable[Speaker] = ()):
        self.speakers = list(speakers)
        self._exact: dict[str, Speaker] = {}
        # A person by one part of the name: the last ("Kirby") or, for East Asian names, the first
        # ("Park" for Park Won-gon).
        self._surnames: dict[str, list[Speaker]] = {}
        self._first_names: dict[str, list[Speaker]] = {}
        for speaker in self.speakers:
            for name in speaker.names:
                self._exact.setdefault(_key(name), speaker)
                parts = name.split()
                if speaker.is_person and len(parts) > 1:
                    self._surnames.setdefault(_key(parts[-1]), []).append(speaker)
                    self._first_names.setdefault(_key(parts[0]), []).append(speaker)
        names = sorted(
            {name for s in self.speakers for name in s.names if name.strip()}, key=len, reverse=True
        )
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE)
            if names
            else None
        )

    def match(self, name: str) -> Speaker | None:
        """The speaker called ``name``: exact name or alias, then a unique surname, then the longest
        known name inside ``name`` (a person before an organisation)."""
        key = _key(name)
        if not key:
            return None
        for candidate in (key, _strip_determiner(key)):
            if candidate in self._exact:
                return self._exact[candidate]
        for table in (self._surnames, self._first_names):
            matches = {s.key: s for s in table.get(key, [])}
            if len(matches) == 1:
                return next(iter(matches.values()))
        inside = self.mentioned_in(name)
        if not inside:
            return None
        return max(inside, key=lambda found: (found[1].is_person, found[2] - found[0]))[1]

    def mentioned_in(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, Speaker, int]]:
        """Known names in ``text[start:end]``: (start, speaker, end) in text order."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        found = []
        for match in self._pattern.finditer(text, start, end):
            speaker = self._exact.get(_key(match.group()))
            if speaker is not None:
                found.append((match.start(), speaker, match.end()))
        return found


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split()).strip(" ,.;:")


def _strip_determiner(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in _DETERMINERS and rest else key


# ---------------------------------------------------------------------------------------------------
# Quotes


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage of ``text``, paired in order within each paragraph."""
    quotes: list[Quote] = []
    offset = paragraph = 0
    for line in text.split("\n"):
        if line.strip():
            quotes.extend(_paragraph_quotes(line, offset, paragraph))
            paragraph += 1
        offset += len(line) + 1
    return quotes


def _paragraph_quotes(line: str, offset: int, paragraph: int) -> list[Quote]:
    marks = [match.start() for match in _QUOTE_MARK.finditer(line)]
    first_content = len(line) - len(line.lstrip())
    quotes = []
    for index in range(0, len(marks), 2):
        opening = marks[index]
        closing = marks[index + 1] if index + 1 < len(marks) else len(line.rstrip())
        quotes.extend(_quote(line, offset, paragraph, opening, closing, first_content))
    return quotes


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and (line[end - 1].isspace() or line[end - 1] == ","):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------------
# Statements


@dataclass
class _Context:
    text: str
    speakers: SpeakerIndex
    sentences: list[tuple[int, int]]
    quotes: list[Quote]
    masked: str = ""

    def __post_init__(self):
        # Attributions are searched outside quotes: the text with every quote blanked out.
        chars = list(self.text)
        for quote in self.quotes:
            chars[quote.mark_start : quote.mark_end] = " " * (quote.mark_end - quote.mark_start)
        self.masked = "".join(chars)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._quote_starts = [quote.mark_start for quote in self.quotes]

    def sentence_index(self, position: int) -> int:
        """The sentence holding ``position``, or the next one when it falls between sentences."""
        if not self.sentences:
            return 0
        index = max(0, bisect.bisect_right(self._sentence_starts, position) - 1)
        if position >= self.sentences[index][1] and index + 1 < len(self.sentences):
            index += 1
        return index

    def span_of(self, quote: Quote) -> tuple[int, int]:
        """The sentences holding the quote: from the one it opens in to the one it closes in."""
        if not self.sentences:
            return quote.mark_start, quote.mark_end
        first = self.sentences[self.sentence_index(quote.mark_start)]
        last = self.sentences[self.sentence_index(max(quote.mark_end - 1, quote.mark_start))]
        return min(first[0], quote.mark_start), max(last[1], quote.mark_end)

    def outside_after(self, quote: Quote, span_end: int) -> tuple[int, int]:
        """The stretch between this quote and the next quote (or the sentence end)."""
        following = bisect.bisect_left(self._quote_starts, quote.mark_end)
        next_start = self._quote_starts[following] if following < len(self.quotes) else span_end
        return quote.mark_end, min(span_end, next_start)

    def verbs_before(self, quote: Quote, span_start: int) -> list[re.Match]:
        """Attribution verbs outside quotes, from the sentence start to this quote, nearest first."""
        return list(_VERB_RE.finditer(self.masked, span_start, quote.mark_start))[::-1]


@dataclass
class _Attribution:
    phrase: str
    verb: str
    position: int
    after_verb: tuple[int, int] | None = None


def find_statements(
    text: str, speakers: SpeakerIndex | None = None, language: str = ENGLISH, limit: int | None = None
) -> list[FoundStatement]:
    """The quoted statements of ``text`` with speaker and stance (see the module docstring); the first
    ``limit`` of them, if given.

    In English, quotes with no attribution and nothing to continue, and questions, are left out;
    in other languages, questions and quotes of a word or two."""
    if language != ENGLISH:
        return _find_statements_in(text, speakers or SpeakerIndex(), language, limit)
    ctx = _Context(text, speakers or SpeakerIndex(), split_sentences(text), find_quotes(text))
    statements: list[FoundStatement] = []
    named: list[tuple[int, str, Speaker | None]] = []  # (sentence index, name, speaker) of named speakers
    previous: tuple[Quote, FoundStatement] | None = None
    for quote in ctx.quotes:
        if len(statements) == limit:
            break
        found = _statement(ctx, quote, named, previous)
        if found is None:
            continue
        statements.append(found)
        previous = (quote, found)
        if found.who and found.who.casefold() not in _PRONOUNS:
            named.append((ctx.sentence_index(quote.start), found.speaker_name, found.speaker))
    return statements


def _statement(ctx: _Context, quote: Quote, named, previous) -> FoundStatement | None:
    quote_text = ctx.text[quote.start : quote.end]
    if quote_text.rstrip("\"”“' ").endswith("?"):
        return None
    span_start, span_end = ctx.span_of(quote)
    # Attributions sit near their quote: a bounded window keeps pathological "sentences" linear.
    attribution = _attribution(
        ctx,
        quote,
        max(span_start, quote.mark_start - _ATTRIBUTION_WINDOW),
        min(span_end, quote.mark_end + _ATTRIBUTION_WINDOW),
    )
    if attribution is not None:
        name, speaker = _resolve(ctx, attribution, quote, named)
        verb = attribution.verb
    elif previous is not None and _continues(previous[0], quote):
        name, speaker, verb = previous[1].speaker_name, previous[1].speaker, ""
    else:
        return None
    if not name and speaker is None:
        return None
    return FoundStatement(
        start=quote.start,
        end=quote.end,
        quote=quote_text,
        speaker_name=speaker.name if speaker else name,
        speaker=speaker,
        stance=classify_stance(quote_text, verb),
        sentence_start=span_start,
        sentence_end=span_end,
    )


def _continues(previous: Quote, quote: Quote) -> bool:
    return previous.paragraph == quote.paragraph or (
        quote.opens_paragraph and previous.paragraph == quote.paragraph - 1
    )


def _attribution(ctx: _Context, quote: Quote, span_start: int, span_end: int) -> _Attribution | None:
    after_start, after_end = ctx.outside_after(quote, span_end)
    after = ctx.masked[after_start:after_end]
    match = _NP_THEN_VERB.match(after)
    if match and _plausible_np(match.group("np")):
        verb_end = after_start + match.end("verb")
        return _Attribution(
            match.group("np"), match.group("verb"), after_start + match.start("np"), (verb_end, after_end)
        )
    match = _VERB_THEN_NP.match(after)
    if match and _plausible_np(match.group("np")):
        return _Attribution(match.group("np"), match.group("verb"), after_start + match.start("np"))
    for according in (
        _ACCORDING_TO.search(after),
        _ACCORDING_TO.search(ctx.masked, span_start, quote.mark_start),
    ):
        if according:
            position = according.start("np") + (after_start if according.string is after else 0)
            return _Attribution(according.group("np"), "according to", position)
    return _attribution_before(ctx, quote, span_start)


def _attribution_before(ctx: _Context, quote: Quote, span_start: int) -> _Attribution | None:
    """'X said, "…"', 'X told Newsweek that "…"', '…, saying: "…"' (the subject of the main clause)."""
    for verb in ctx.verbs_before(quote, span_start):
        if len(ctx.masked[verb.end() : quote.mark_start].split()) > _MAX_WORDS_VERB_TO_QUOTE:
            continue
        before = ctx.masked[span_start : verb.start()]
        subject = _subject_before(before, participle=verb.group().casefold().endswith("ing"))
        if subject:
            return _Attribution(subject, verb.group(), verb.start(), (verb.end(), quote.mark_start))
    return None


def _plausible_np(phrase: str) -> bool:
    """A short phrase that can be a speaker: a name, a pronoun or "the/a …", with no verb in it."""
    words = phrase.split()
    if not 0 < len(words) <= _MAX_NP_WORDS or _VERB_RE.search(phrase):
        return False
    first = words[0].casefold()
    # "ministry spokesperson Anna Petrova said": a title before the name.
    titled_name = len(_trailing_name(words).split()) >= 2
    return _capitalised(words[0]) or first in _DETERMINERS or first in _PRONOUNS or titled_name


# ---------------------------------------------------------------------------------------------------
# Subjects


def _subject_before(before: str, participle: bool = False) -> str:
    """The subject of a verb from the text before it in its sentence: "David Welch" in
    "In light of …, David Welch, a professor at …, Canada, told"."""
    chunks = [chunk.strip() for chunk in re.split(r"[,;:()\[\]—–]|\s-\s", before)]
    if participle:
        # "X released a statement, saying": the subject of the clause the participle hangs on.
        return _clause_subject(next((chunk for chunk in reversed(chunks) if chunk), ""))
    if len(chunks) > 1 and not chunks[-1]:
        # "X, an appositive, said": the subject is the name the appositive follows.
        return _name_before_appositive(chunks[:-1])
    last = chunks[-1] if chunks else ""
    if not last:
        return ""
    first = last.split()[0]
    if first.casefold() in _PRONOUNS:
        return first
    if first.casefold() in _DETERMINERS:
        return (_name_before_appositive(chunks) if len(chunks) > 1 else "") or last
    return _name_in_chunk(last)


def _clause_subject(chunk: str) -> str:
    words = chunk.split()
    if not words:
        return ""
    if words[0].casefold() in _PRONOUNS:
        return words[0]
    if words[0].casefold() in _ADVERBIAL_OPENERS or not _capitalised(words[0]):
        return ""
    return _leading_name(words)


def _name_before_appositive(chunks: list[str]) -> str:
    """The last name-like chunk followed by a chunk opening an appositive ("a professor", "director of")."""
    for index in range(len(chunks) - 2, -1, -1):
        opener = chunks[index + 1].split()[0] if chunks[index + 1] else ""
        if opener and (opener[0].islower() or opener.casefold() in _DETERMINERS) and _is_name(chunks[index]):
            return chunks[index]
    return ""


def _name_in_chunk(chunk: str) -> str:
    """The name a subject chunk holds: the capitalised run right before the verb ("… when Pyongyang
    accused"), unless a preposition puts it in a post-modifier ("Kim Dong-yeop of the Far East
    Institute at Gyeongnam National University said"): then the leading run."""
    words = chunk.split()
    trailing = _trailing_name(words)
    before_trailing = (
        words[-len(trailing.split()) - 1].casefold()
        if trailing and len(trailing.split()) < len(words)
        else ""
    )
    if trailing and before_trailing not in _PREPOSITIONS:
        return trailing
    if words[0].casefold() in _ADVERBIAL_OPENERS:
        return trailing
    return _leading_name(words) or chunk


def _leading_name(words: list[str]) -> str:
    run = []
    for word in words:
        if _capitalised(word) or (run and word.casefold() in _NAME_CONNECTORS and word.islower()):
            run.append(word)
        else:
            break
    while run and run[-1].islower():
        run.pop()
    # Stop before a post-modifier: "Kim Dong-yeop of the Far East Institute" is "Kim Dong-yeop".
    if "of" in run:
        head = run[: run.index("of")]
        if len(head) >= 2:
            return " ".join(head)
    return " ".join(run)


def _trailing_name(words: list[str]) -> str:
    run: list[str] = []
    for word in reversed(words):
        if _capitalised(word) or (run and word.casefold() in _NAME_CONNECTORS and word.islower()):
            run.insert(0, word)
        else:
            break
    while run and run[0].islower():
        run.pop(0)
    return " ".join(run)


def _is_name(chunk: str) -> bool:
    words = chunk.split()
    if not 0 < len(words) <= 6 or words[0].casefold() in _ADVERBIAL_OPENERS:
        return False
    return _capitalised(words[0]) and all(
        _capitalised(word) or word.casefold() in _NAME_CONNECTORS for word in words
    )


def _capitalised(word: str) -> bool:
    stripped = word.strip("\"“”'‘’.,")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


# ---------------------------------------------------------------------------------------------------
# Resolving speakers


def _resolve(ctx: _Context, attribution: _Attribution, quote: Quote, named) -> tuple[str, Speaker | None]:
    phrase = " ".join(attribution.phrase.split()).strip(" ,.")
    words = phrase.casefold().split()
    sentence = ctx.sentence_index(attribution.position)
    if len(words) == 1 and words[0] in _PRONOUNS:
        return _resolve_pronoun(ctx, attribution, sentence, named)
    speaker = ctx.speakers.match(phrase)
    if speaker is not None:
        return speaker.name, speaker
    if words[0] in _DETERMINERS and not _capitalised(phrase.split()[-1]):
        person = _nearest_person(ctx, sentence, _DESCRIPTION_LOOKBACK_SENTENCES, attribution.position)
        if person is not None:
            return person.name, person
    titled_name = _trailing_name(phrase.split())
    if not _capitalised(phrase) and len(titled_name.split()) >= 2:
        return titled_name, None
    return phrase, None


def _resolve_pronoun(ctx: _Context, attribution: _Attribution, sentence: int, named):
    """He/she: a person named right after the verb in machine-translated word order ("he said John
    Kirby"), else the last named speaker of the previous sentences, else a person named earlier in the
    sentence, else the last named speaker at all."""
    if attribution.after_verb is not None:
        start, end = attribution.after_verb
        following = ctx.speakers.mentioned_in(ctx.text, start, min(end, start + _MT_NAME_WINDOW))
        people = [speaker for _, speaker, _ in following if speaker.is_person]
        if people:
            return people[0].name, people[0]
    # ``named`` is in text order: only its last entry can be recent enough (scanning it all would
    # make a long text of quotes quadratic).
    if named and sentence - named[-1][0] <= _PRONOUN_LOOKBACK_SENTENCES:
        return named[-1][1], named[-1][2]
    person = _nearest_person(ctx, sentence, 0, attribution.position)
    if person is not None:
        return person.name, person
    if named:
        return named[-1][1], named[-1][2]
    return "", None


def _nearest_person(ctx: _Context, sentence: int, lookback: int, before: int) -> Speaker | None:
    """The person named last before ``before``, in its sentence or the ``lookback`` sentences before."""
    first = ctx.sentences[max(0, sentence - lookback)][0] if ctx.sentences else 0
    first = max(first, before - _ATTRIBUTION_WINDOW)
    people = [
        speaker for _, speaker, _ in ctx.speakers.mentioned_in(ctx.text, first, before) if speaker.is_person
    ]
    return people[-1] if people else None


# ---------------------------------------------------------------------------------------------------
# Stance


def classify_stance(quote: str, verb: str = "") -> Stance:
    """Allegation, denial, confirmation or assessment, from the quote's wording and the verb that
    reports it (see the module docstring for the order)."""
    wording = _PREDICTED_DENIAL.sub(" ", quote)
    verb_stance = next((stance for pattern, stance in _VERB_STANCE if pattern.fullmatch(verb.strip())), None)
    if _DENIAL.search(wording) or verb_stance == Stance.DENIAL:
        return Stance.DENIAL
    if _CONFIRMATION.search(wording) or verb_stance == Stance.CONFIRMATION:
        return Stance.CONFIRMATION
    if _HEDGE.search(quote):
        return Stance.ASSESSMENT
    if _ALLEGATION.search(wording) or verb_stance == Stance.ALLEGATION:
        return Stance.ALLEGATION
    return Stance.ASSESSMENT


# ---------------------------------------------------------------------------------------------------
# Other languages

# A quote of fewer words than this (or, without spaces, characters) is a term, not a statement.
_MIN_QUOTE_WORDS = 3
_MIN_QUOTE_CHARS = 8


def find_paired_quotes(text: str, pairs: tuple[tuple[str, str], ...]) -> list[Quote]:
    """The outermost quoted passages of ``text``, each paragraph's marks paired by nesting: an
    opening mark waits for its own closing mark, so „…“ inside «…» stays inside."""
    closing_of = dict(pairs)
    quotes: list[Quote] = []
    offset = paragraph = 0
    for line in text.split("\n"):
        if line.strip():
            first_content = len(line) - len(line.lstrip())
            stack: list[tuple[str, int]] = []
            for index, char in enumerate(line):
                if stack and char == closing_of[stack[-1][0]]:
                    opening = stack.pop()[1]
                    if not stack:
                        quotes.extend(_quote(line, offset, paragraph, opening, index, first_content))
                elif char in closing_of:
                    stack.append((char, index))
            if stack:
                # A quote left open runs to the end of its paragraph.
                quotes.extend(_quote(line, offset, paragraph, stack[0][1], len(line.rstrip()), first_content))
            paragraph += 1
        offset += len(line) + 1
    return quotes


def _quote(
    line: str, offset: int, paragraph: int, opening: int, closing: int, first_content: int
) -> list[Quote]:
    """The quote between the marks at ``opening`` and ``closing`` of ``line`` (none when empty)."""
    start, end = _trim(line, opening + 1, closing)
    if start >= end:
        return []
    mark_end = min(closing + 1, len(line))
    return [
        Quote(
            offset + start,
            offset + end,
            offset + opening,
            offset + mark_end,
            paragraph,
            opening == first_content,
        )
    ]


def _find_statements_in(
    text: str, speakers: SpeakerIndex, language: str, limit: int | None
) -> list[FoundStatement]:
    rules = LANGUAGES.get(language)
    quotes = find_paired_quotes(text, rules.quote_pairs if rules else GENERIC_QUOTE_PAIRS)
    ctx = _Context(text, speakers, split_sentences(text, language), quotes)
    statements: list[FoundStatement] = []
    named: list[tuple[int, str, Speaker | None]] = []
    previous: tuple[Quote, FoundStatement] | None = None
    for quote in quotes:
        if len(statements) == limit:
            break
        quote_text = text[quote.start : quote.end]
        if quote_text.rstrip("\"”“»」』' ").endswith(("?", "？")) or not _long_enough(quote_text):
            continue
        span_start, span_end = ctx.span_of(quote)
        name, verb = _attribution_in(ctx, rules, quote, span_start, span_end) if rules else ("", "")
        speaker = None
        if name:
            name, speaker = _speaker_in(ctx, rules, name, quote, named)
        elif rules and previous is not None and previous[0].paragraph == quote.paragraph and previous[1].who:
            # A second quote in the paragraph of a named one continues it.
            name, speaker = previous[1].speaker_name, previous[1].speaker
        found = FoundStatement(
            start=quote.start,
            end=quote.end,
            quote=quote_text,
            speaker_name=speaker.name if speaker else name,
            speaker=speaker,
            stance=classify_stance_in(rules, quote_text, verb) if rules else Stance.ASSESSMENT,
            sentence_start=span_start,
            sentence_end=span_end,
        )
        statements.append(found)
        previous = (quote, found)
        if found.who:
            named.append((ctx.sentence_index(quote.start), found.speaker_name, found.speaker))
    return statements


def _long_enough(quote: str) -> bool:
    words = quote.split()
    return len(words) >= _MIN_QUOTE_WORDS or (len(words) < 2 and len(quote) >= _MIN_QUOTE_CHARS)


def _attribution_in(
    ctx: _Context, rules: StatementLanguage, quote: Quote, span_start: int, span_end: int
) -> tuple[str, str]:
    """(speaker phrase, verb) of a quote by the language's rules; ("", "") when none is found."""
    after_start, after_end = ctx.outside_after(quote, span_end)
    after = rules.after.match(ctx.masked, after_start, min(after_end, after_start + _ATTRIBUTION_WINDOW))
    window_start = max(span_start, quote.mark_start - _ATTRIBUTION_WINDOW)
    if after:
        phrase = rules.subject(after.group("rest"), after_verb=True)
        if not phrase and rules.subject_before_quote:
            phrase = rules.subject(ctx.masked[window_start : quote.mark_start])
        return phrase, after.group("verb")
    if rules.before is not None:
        before = rules.before.search(ctx.masked, window_start, quote.mark_start)
        if before:
            return rules.subject(before.group("rest")), before.group("verb")
    return "", ""


def _speaker_in(ctx: _Context, rules: StatementLanguage, phrase: str, quote: Quote, named):
    """A speaker phrase as a known actor or as written; a pronoun is the speaker named last in the
    three sentences before, else nobody."""
    phrase = " ".join(phrase.split())
    if phrase.casefold() in rules.pronouns:
        sentence = ctx.sentence_index(quote.start)
        if named and sentence - named[-1][0] <= _PRONOUN_LOOKBACK_SENTENCES:  # in text order
            return named[-1][1], named[-1][2]
        return "", None
    speaker = ctx.speakers.match(phrase)
    return (speaker.name, speaker) if speaker else (phrase, None)


def classify_stance_in(rules: StatementLanguage, quote: str, verb: str = "") -> str:
    """Stance of a quote in another language, in the order ``classify_stance`` uses."""
    verb_stance = next((stance for pattern, stance in rules.verb_stances if pattern.fullmatch(verb)), None)
    if rules.denial.search(quote) or verb_stance == Stance.DENIAL:
        return Stance.DENIAL
    if rules.confirmation.search(quote) or verb_stance == Stance.CONFIRMATION:
        return Stance.CONFIRMATION
    if rules.hedge.search(quote):
        return Stance.ASSESSMENT
    if rules.allegation.search(quote) or verb_stance == Stance.ALLEGATION:
        return Stance.ALLEGATION
    return Stance.ASSESSMENT
