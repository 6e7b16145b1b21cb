"""The language an article is written in, and where that came from.

In order: the code the curator gave (``--language``, or ``language`` in a JSON line), the page's own
declaration (the HTML ``lang`` attribute, ``Content-Language`` or ``og:locale``), else detection from
the text by py3langid. Codes are kept as their primary subtag in lower case ("ko-KR" is "ko",
"pt_BR" is "pt"), which is what the rest of the loader, the date extractor and the ``lang``
attributes on the pages need.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline.vocabulary import LanguageSource

DEFAULT_LANGUAGE = "en"
# A BCP 47 tag (or a POSIX locale such as "en_US"): a primary subtag of 2-3 letters, then subtags.
_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
# Below this probability a detected language is a guess: short texts ("Text.") come out as anything.
MIN_CONFIDENCE = 0.5
# Detection reads this much text: enough for a confident guess, bounded for huge inputs.
_DETECTION_CHARS = 1000


@dataclass(frozen=True)
class Language:
    """An article's language code and how it was determined (given, metadata or detected)."""

    code: str
    source: LanguageSource


def normalise_code(raw: str | None) -> str | None:
    """The primary language subtag of ``raw`` in lower case, or None when ``raw`` is not a code."""
    match = _CODE.match((raw or "").strip())
    return match.group(1).lower() if match else None


def detect_language(text: str) -> str:
    """The language py3langid finds in ``text``; English (the site's language) when the text is too
    short or too mixed for a confident guess ("Text.", "Passage 12")."""
    sample = text[:_DETECTION_CHARS]
    if not any(char.isalpha() for char in sample):
        return DEFAULT_LANGUAGE
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else DEFAULT_LANGUAGE


def determine_language(text: str, *, given: str | None = None, metadata: str | None = None) -> Language:
    """The article's language: ``given`` (already checked by the caller), else ``metadata`` when it is
    a language code, else detected from ``text``."""
    code = normalise_code(given)
    if code:
        return Language(code, LanguageSource.GIVEN)
    code = normalise_code(metadata)
    if code:
        return Language(code, LanguageSource.METADATA)
    return Language(detect_language(text), LanguageSource.DETECTED)


@functools.cache
def _identifier():
    # Loaded on first use: the model takes half a second to read.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
