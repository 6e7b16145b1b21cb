"""The scanner: every date rule of every language finds exactly the matches its pattern finds."""

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.seeds import SEEDS
from tests.test_fuzz import NEWSLIKE
from timeline.ingest import firstchars
from timeline.ingest.bench import dated_quoted_text
from timeline.ingest.firstchars import Scanner, gated
from timeline.ingest.mentions import RULES

CORPUS = Path(__file__).parent / "extraction_corpus"
# Case folding beyond ASCII (long s, Kelvin sign, dotted and dotless i), capitals, apostrophes, dashes
# and digits of other scripts, next to the words the rules start with.
TRICKY = (
    "ſeptember 3, ſecond quarter, the 2nd of laſt month; 'ninety, the '90s, THE NINETIES, Q3 2021, "
    "LAST MONTH, last ſpring, K day, \u212aorea week, İn March, ın March, FİSCAL 2020, on the 21st, "
    "as of the 3rd, between 2010 and 2014, ١٢ March, Nov. 18-Nov. 19, 2022, 18–19 November 2022, "
    "Wednesday, 23 Sept, two years ago, a year earlier, fiscal 2023, year-end, Christmas Eve, "
    "New Year's Day, 19980812, 2024-02-30, 3/4/21."
)
# Every code point (surrogates aside), for checking case folding against re itself.
EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


def _matches(pattern, text: str) -> list:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def _texts() -> list[str]:
    texts = [TRICKY, TRICKY.upper(), TRICKY.lower(), dated_quoted_text(30_000)]
    for path in sorted(CORPUS.glob("*.json")) + sorted((CORPUS / "languages").glob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    if SEEDS.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return texts


# Words the rules are written for, in any case, beside anything: the openings the scanner looks for.
_RULE_WORDS = sorted({word for rule in RULES for example in rule.examples for word in example.span.split()})
_RECASED = st.sampled_from(_RULE_WORDS).flatmap(
    lambda word: st.sampled_from([word, word.upper(), word.lower(), word.title(), word.swapcase()])
)
WORDY = st.lists(st.one_of(_RECASED, st.sampled_from(" ,.-–\n'ſ\u212aİı"), st.text(max_size=3)), max_size=40)


def test_every_rule_is_gated():
    # A rule may wait for a word its matches hold before it scans at all (the quarter rules).
    scanners = [getattr(rule.scanner, "scanner", rule.scanner) for rule in RULES]
    assert all(isinstance(scanner, Scanner) and scanner.source for scanner in scanners)


def test_gated_rules_find_the_same_matches_on_the_corpus():
    for text in _texts():
        for rule in RULES:
            assert _matches(rule.scanner, text) == _matches(rule.pattern, text), rule.name


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(NEWSLIKE, WORDY.map("".join), WORDY.map(" ".join), st.text(max_size=200)))
def test_gated_rules_find_the_same_matches_on_any_text(text):
    for rule in RULES:
        assert _matches(rule.scanner, text) == _matches(rule.pattern, text), rule.name


def test_the_scanner_looks_for_the_first_characters_then_the_openings():
    scanner = gated(re.compile(r"(?:Jan|Feb)\b"))
    assert scanner.source == r"(?-i:[FJ])(?<=(?-i:(?=(?:Feb|Jan)))(?=(?:(?:Jan|Feb)\b))(?s:.))"
    # An optional word opens matches too, and openings run to four characters.
    assert gated(re.compile(r"(?:on )?\dth")).source == (
        r"(?-i:[\do])(?<=(?-i:(?=(?:[\d]th|on\U00000020[\d])))(?=(?:(?:on )?\dth))(?s:.))"
    )


def test_case_insensitive_openings_are_spelled_in_every_case_re_folds():
    assert gated(re.compile(r"(?i:ks)")).source == (
        r"(?-i:[Kk\U0000212a])(?<=(?-i:(?=(?:K(?:S|\U0000017f|s)|\U0000212a(?:S|\U0000017f|s)"
        r"|k(?:S|\U0000017f|s))))(?=(?:(?i:ks)))(?s:.))"
    )


def test_case_folding_is_re_s_own():
    for char in "aAiIıİkKsSſ\u212aßµΣσςΩЁёǅ":
        expected = set(re.findall(f"(?i:{re.escape(char)})", EVERY_CHARACTER))
        assert {chr(code) for code in firstchars._cases(ord(char))} == expected, char


def test_character_categories_do_not_depend_on_case():
    for category in (r"\d", r"\s", r"\w"):
        assert re.findall(f"(?i:{category})", EVERY_CHARACTER) == re.findall(category, EVERY_CHARACTER)


def test_patterns_it_cannot_read_are_left_alone():
    for source in (r"x?", r"\b(?:a|)", r"[^a]b", r".b", r"(?>a)b"):
        pattern = re.compile(source)
        assert gated(pattern) is pattern


def test_no_character_past_the_case_table_has_a_lower_case_of_its_own():
    tail = EVERY_CHARACTER[EVERY_CHARACTER.index(chr(firstchars.CASED_BEFORE)) :]
    assert tail.lower() == tail
