"""Bytes to text: size and file-type checks, gzip with a byte cap, and encoding detection.

Encodings are tried in the order that is right most often and never guesses on short text:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a BOM, recognised by its NUL bytes in every other position;
3. strict UTF-8;
4. the charset the document declares (``<meta charset>``), when its bytes decode under it;
5. UTF-8 with the odd invalid byte replaced, when most non-ASCII bytes are valid UTF-8;
6. charset-normalizer, trusted only when it names a non-Latin script (Cyrillic, Greek, CJK …):
   on short Western text it is often wrong ("Zürich" comes back as UTF-16, cp1252 as cp1250);
7. cp1252, which is what "Latin-1" means on the web, or Latin-1 for bytes cp1252 leaves undefined.

Every step that is not plain UTF-8 adds a warning naming the encoding used.
"""

from __future__ import annotations

import codecs
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


class InputError(ValueError):
    """A file or stream that cannot be loaded; the message is a one-line reason."""


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, the encoding it was read with and anything worth telling the user."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Signatures of the binary files most likely to be mislabelled as articles.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF-",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"\xd0\xcf\x11\xe0",
)
GZIP_MAGIC = b"\x1f\x8b"
# Control characters other than NUL, tab, newline, form feed and carriage return: text has almost none.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# A few stray NULs are dropped from text; a file made mostly of them is binary.
_MAX_NUL_SHARE = 0.1
_SNIFF_BYTES = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


def read_file_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused before reading when larger than ``limit``.

    A ``.gz`` file is decompressed, and refused when it expands beyond ``limit``."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (FIFOs, devices and sockets are refused)")
    if info.st_size > limit:
        raise InputError(_too_large(info.st_size, limit))
    try:
        with path.open("rb") as stream:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}") from None
    if len(data) > limit:
        raise InputError(_too_large(len(data), limit))
    return maybe_gunzip(data, limit)


def read_stream_bytes(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes from a binary stream (stdin), refused when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(_too_large(len(data), limit, at_least=True))
    return maybe_gunzip(data, limit)


def maybe_gunzip(data: bytes, limit: int) -> bytes:
    """``data`` decompressed when it is gzip, else unchanged."""
    return gunzip(data, limit) if data.startswith(GZIP_MAGIC) else data


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data`` to at most ``limit`` bytes; a bomb or a truncated stream is refused."""
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        output = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise InputError(f"corrupt gzip data ({error})") from None
    if len(output) > limit:
        raise InputError(f"gzip expands beyond the limit of {limit:,} bytes (TIMELINE_MAX_ARTICLE_BYTES)")
    if not inflater.eof:
        raise InputError("corrupt gzip data (truncated)")
    return output


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode article bytes to text, detecting the encoding (see the module docstring).

    ``declared`` is a charset the container names (e.g. a JSON Lines file is UTF-8); when None, a
    ``<meta charset>`` or XML declaration in the first bytes is used. Raises ``InputError`` with
    "empty" or "not text"."""
    if not data.strip():
        raise InputError("empty")
    if data.startswith(_BINARY_MAGIC):
        raise InputError("not text (binary file)")
    decoded = _decode(data, declared or declared_charset(data))
    return _checked(decoded)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in a ``<meta>`` tag or XML declaration, if any."""
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _decode(data: bytes, declared: str | None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, encoding, f"read as {encoding.removesuffix('-sig')} (byte-order mark)")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_with(data, utf16, f"read as {utf16} (no byte-order mark)")
    try:
        return _utf8(data, declared)
    except UnicodeDecodeError:
        pass
    declared_text = _try_declared(data, declared)
    if declared_text is not None:
        return declared_text
    warnings = (f"declared charset {declared} does not match the bytes",) if declared else ()
    fallback = _mostly_utf8(data) or _single_byte(data)
    return Decoded(fallback.text, fallback.encoding, warnings + fallback.warnings)


def _utf8(data: bytes, declared: str | None) -> Decoded:
    text = data.decode("utf-8")
    warnings: tuple[str, ...] = ()
    if declared and _codec_name(declared) not in (None, "utf-8") and not data.isascii():
        warnings = (
            f"declared charset {declared} contradicts the bytes, which are valid UTF-8: read as UTF-8",
        )
    return Decoded(text, "utf-8", warnings)


def _try_declared(data: bytes, declared: str | None) -> Decoded | None:
    codec = _codec_name(declared) if declared else None
    # A declared UTF-16/32 without its BOM or NUL pattern is a false declaration (seen in the wild).
    if codec is None or codec == "utf-8" or codec.startswith(("utf-16", "utf-32")):
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return Decoded(text, codec, (f"read as {codec} (declared by the document)",))


def _codec_name(charset: str) -> str | None:
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return None
    # The web reads "latin-1"/"iso-8859-1" declarations as cp1252 (WHATWG Encoding Standard).
    return "cp1252" if name == "iso8859-1" else name


def _decode_with(data: bytes, encoding: str, note: str) -> Decoded:
    name = encoding.removesuffix("-sig")
    try:
        return Decoded(data.decode(encoding), name, (note,))
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, name, (note, "invalid bytes replaced with U+FFFD"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE or BE when NUL bytes fill most odd (or even) positions, as in mostly-ASCII UTF-16."""
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with the odd bad byte (a stray cp1252 dash in a UTF-8 page) replaced."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 127) - invalid
    if valid <= invalid:
        return None
    return Decoded(text, "utf-8", (f"read as UTF-8 with {invalid} invalid byte(s) replaced with U+FFFD",))


def _single_byte(data: bytes) -> Decoded:
    guess = from_bytes(data).best()
    if guess is not None and not guess.encoding.startswith(("utf_16", "utf_32")):
        text = str(guess)
        if _mostly_non_latin(text):
            return Decoded(text, guess.encoding, (f"read as {guess.encoding} (detected)",))
    try:
        return Decoded(data.decode("cp1252"), "cp1252", ("not UTF-8: read as cp1252 (Windows Western)",))
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", ("not UTF-8: read as Latin-1",))


def _mostly_non_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(1 for char in letters if _NON_LATIN_LETTER.match(char)) > len(letters) / 2


def _checked(decoded: Decoded) -> Decoded:
    """Refuse binary that decoded by accident; drop NUL bytes (PostgreSQL cannot store them)."""
    text = decoded.text
    controls, nuls = len(_CONTROL.findall(text)), text.count("\x00")
    if controls > _MAX_CONTROL_SHARE * len(text) or nuls > _MAX_NUL_SHARE * len(text):
        raise InputError("not text (binary content)")
    warnings = list(decoded.warnings)
    if "\x00" in text:
        warnings.append(f"{nuls} NUL byte(s) removed")
        text = text.replace("\x00", "")
    if not text.strip():
        raise InputError("empty")
    return Decoded(text, decoded.encoding, tuple(warnings))


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    shown = f"more than {limit:,}" if at_least else f"{size:,}"
    return f"too large ({shown} bytes; the limit is {limit:,}, set by TIMELINE_MAX_ARTICLE_BYTES)"
