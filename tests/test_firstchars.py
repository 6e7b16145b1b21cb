"""The first-character lookahead: every date rule finds exactly the matches it found without it."""

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.seeds import SEEDS
from tests.test_fuzz import NEWSLIKE
from timeline.ingest.firstchars import gated
from timeline.ingest.mentions import RULES

CORPUS = Path(__file__).parent / "extraction_corpus"
# Case folding beyond ASCII (long s, Kelvin sign), capitals, apostrophes, dashes and digits of other
# scripts, next to the words the rules start with.
TRICKY = (
    "ſeptember 3, ſecond quarter, the 2nd of laſt month; 'ninety, the '90s, THE NINETIES, Q3 2021, "
    "LAST MONTH, last ſpring, K day, on the 21st, as of the 3rd, between 2010 and 2014, ١٢ March, "
    "Nov. 18-Nov. 19, 2022, 18–19 November 2022, Wednesday, 23 Sept, two years ago, a year earlier, "
    "fiscal 2023, year-end, Christmas Eve, New Year's Day, 19980812, 2024-02-30, 3/4/21."
)


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def _texts() -> list[str]:
    texts = [TRICKY, TRICKY.upper(), TRICKY.lower()]
    texts += [json.loads(path.read_text(encoding="utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))]
    if SEEDS.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return texts


def test_every_rule_is_gated():
    assert all(rule.scanner is not rule.pattern for rule in RULES)


def test_gated_rules_find_the_same_matches_on_the_corpus():
    for text in _texts():
        for rule in RULES:
            assert _matches(rule.scanner, text) == _matches(rule.pattern, text), rule.name


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(NEWSLIKE, st.text(max_size=200)))
def test_gated_rules_find_the_same_matches_on_any_text(text):
    for rule in RULES:
        assert _matches(rule.scanner, text) == _matches(rule.pattern, text), rule.name


def test_the_lookahead_names_the_first_characters():
    assert gated(re.compile(r"(?i:jan|feb)\b")).pattern == r"(?=(?i:[jf]))(?:(?i:jan|feb)\b)"
    assert gated(re.compile(r"(?<!\d)(?:Mon )?\d+")).pattern.startswith(r"(?=[M\d])")


def test_patterns_it_cannot_read_are_left_alone():
    for source in (r"x?", r"\b(?:a|)", r"[^a]b", r".b", r"(?>a)b"):
        pattern = re.compile(source)
        assert gated(pattern) is pattern
