"""Copy fingerprints: whether one article copies another (reworded or syndicated).

A copy shares many pairs of adjacent content words with its original. ``Source.fingerprint`` keeps a
MinHash sketch of those pairs (24 values of 16 bits, base64); sketches are held in an index in memory
(50,000 sources take a few MB), so finding candidates costs a few dictionary look-ups, and the best
candidates are confirmed on their text (Jaccard similarity of the pairs at least 0.3, or 70% of the
shorter one's pairs in the longer). Nothing here knows about the database.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Hashable

import numpy as np

from timeline.words import content_words

SKETCH_SIZE = 24
_PRIME = (1 << 61) - 1
_HASH_PARAMETERS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % _PRIME | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % _PRIME,
    )
    for i in range(SKETCH_SIZE)
]
_MIN_SKETCH_MATCHES = 3
_CANDIDATES_CHECKED = 5
COPY_JACCARD = 0.3
COPY_CONTAINMENT = 0.7
_MIN_SHINGLES_FOR_CONTAINMENT = 20


def shingles(text: str) -> set[int]:
    """Hashes of the pairs of adjacent content words of ``text``."""
    words = content_words(text)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)] or words
    return {int.from_bytes(hashlib.blake2b(pair.encode(), digest_size=8).digest()) for pair in pairs}


def sketch(shingle_set: set[int]) -> tuple[int, ...]:
    """The MinHash sketch of a set of shingles: for each of 24 hash functions ``(a * x + b) mod p``
    (p = 2^61 - 1), the smallest value, cut to 16 bits. Two sketches agree in a position with
    probability equal to the sets' Jaccard similarity."""
    if not shingle_set:
        return ()
    values = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set)) % _P
    hashes = _mod_p(_times_mod_p(_A[:, None], values[None, :]) + _B[:, None])
    return tuple(int(value) & 0xFFFF for value in hashes.min(axis=1))


# The hash functions in 64-bit arithmetic, exactly as Python's integers give them: a product of two
# numbers below 2^61 is taken in 32-bit halves, each part reduced with 2^61 ≡ 1 (mod p).
_P = np.uint64(_PRIME)
_A = np.array([a for a, _ in _HASH_PARAMETERS], dtype=np.uint64)
_B = np.array([b for _, b in _HASH_PARAMETERS], dtype=np.uint64)
_LOW32 = np.uint64(0xFFFFFFFF)
_LOW29 = np.uint64((1 << 29) - 1)


def _mod_p(values):
    """``values`` (below 2^64) reduced modulo p."""
    values = (values & _P) + (values >> np.uint64(61))
    values = (values & _P) + (values >> np.uint64(61))
    return np.where(values >= _P, values - _P, values)


def _times_mod_p(a, x):
    """``a * x mod p`` for ``a`` and ``x`` below p."""
    a_high, a_low = a >> np.uint64(32), a & _LOW32
    x_high, x_low = x >> np.uint64(32), x & _LOW32
    # a * x = a_high x_high 2^64 + (a_high x_low + a_low x_high) 2^32 + a_low x_low, and 2^64 ≡ 8.
    middle = a_high * x_low + a_low * x_high  # below 2^62
    high = (a_high * x_high) << np.uint64(3)  # below 2^61
    middle = (middle >> np.uint64(29)) + ((middle & _LOW29) << np.uint64(32))  # 2^61 ≡ 1
    return _mod_p(_mod_p(a_low * x_low) + _mod_p(high + middle))


def encode_fingerprint(values: tuple[int, ...]) -> str:
    """A sketch as the 64 characters stored in ``Source.fingerprint``."""
    if not values:
        return ""
    return base64.urlsafe_b64encode(b"".join(value.to_bytes(2, "big") for value in values)).decode()


def decode_fingerprint(text: str) -> tuple[int, ...]:
    """The sketch stored by ``encode_fingerprint``; empty for anything else."""
    try:
        raw = base64.urlsafe_b64decode(text.encode())
    except (ValueError, TypeError):
        return ()
    if len(raw) != 2 * SKETCH_SIZE:
        return ()
    return tuple(int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2))


def copy_similarity(first: set[int], second: set[int]) -> float | None:
    """The Jaccard similarity of two shingle sets when one text copies the other, else None."""
    if not first or not second:
        return None
    shared = len(first & second)
    jaccard = shared / len(first | second)
    smaller = min(len(first), len(second))
    contained = smaller >= _MIN_SHINGLES_FOR_CONTAINMENT and shared / smaller >= COPY_CONTAINMENT
    return jaccard if jaccard >= COPY_JACCARD or contained else None


class FingerprintIndex:
    """Sketches by position and value, to find the stored texts that may be copies of a new one."""

    def __init__(self):
        self._postings: dict[tuple[int, int], list[Hashable]] = defaultdict(list)
        self._sketches: dict[Hashable, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._sketches)

    def add(self, key: Hashable, values: tuple[int, ...]) -> None:
        self.discard(key)
        if not values:
            return
        self._sketches[key] = values
        for position, value in enumerate(values):
            self._postings[(position, value)].append(key)

    def discard(self, key: Hashable) -> None:
        for position, value in enumerate(self._sketches.pop(key, ())):
            self._postings[(position, value)].remove(key)

    def candidates(self, values: tuple[int, ...], exclude: Hashable = None) -> list[Hashable]:
        """Keys whose sketch agrees with ``values`` in at least 3 of 24 positions, most agreeing first."""
        counts: Counter = Counter()
        for position, value in enumerate(values):
            counts.update(self._postings.get((position, value), ()))
        counts.pop(exclude, None)
        ranked = [key for key, count in counts.most_common() if count >= _MIN_SKETCH_MATCHES]
        return ranked[:_CANDIDATES_CHECKED]
