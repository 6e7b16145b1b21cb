"""Bytes to text: encodings, binary and size checks, gzip (timeline.ingest.decode). No database."""

import gzip
import os
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest.decode import InputError, decode_bytes, gunzip, read_file_bytes

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(range(256))
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256))


def decoded(data: bytes, **kwargs):
    result = decode_bytes(data, **kwargs)
    return result.text, result.encoding, " ".join(result.warnings)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "  \n".encode("utf-16")])
def test_empty_and_whitespace_are_empty(data):
    with pytest.raises(InputError, match="^empty$"):
        decode_bytes(data)


def test_plain_utf8_says_nothing():
    assert decoded("Zürich – “quoted”".encode()) == ("Zürich – “quoted”", "utf-8", "")


def test_utf8_bom_is_stripped():
    text, encoding, warnings = decoded(b"\xef\xbb\xbfNorth Korea")
    assert (text, encoding) == ("North Korea", "utf-8")
    assert "byte-order mark" in warnings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(codec):
    text, encoding, warnings = decoded("Pyongyang denied it, said Zürich’s paper.".encode(codec))
    assert text == "Pyongyang denied it, said Zürich’s paper."
    assert encoding.startswith("utf-16")
    assert encoding in warnings


def test_short_latin1_is_not_read_as_utf16():
    # Detection alone reads these six bytes as UTF-16; the Western fallback is right.
    text, encoding, warnings = decoded("Zürich".encode("latin-1"))
    assert (text, encoding) == ("Zürich", "cp1252")
    assert "cp1252" in warnings


def test_cp1252_punctuation_and_accents():
    text, encoding, _ = decoded("“We never did” – a naïve café in Zürich.".encode("cp1252"))
    assert (text, encoding) == ("“We never did” – a naïve café in Zürich.", "cp1252")


def test_non_latin_single_byte_encoding_is_detected():
    original = "Министр иностранных дел заявил, что переговоры продолжатся в следующем месяце. " * 3
    text, encoding, _ = decoded(original.encode("cp1251"))
    assert text == original
    assert encoding == "cp1251"


def test_declared_charset_is_used_when_the_bytes_fit():
    page = '<html><head><meta charset="windows-1251"></head><body>Москва</body></html>'
    text, encoding, warnings = decoded(page.encode("cp1251"))
    assert "Москва" in text
    assert encoding == "cp1251"
    assert "declared" in warnings


def test_declared_charset_contradicting_the_bytes_is_reported():
    text, encoding, warnings = decoded('<meta charset="utf-8"><p>café naïve</p>'.encode("cp1252"))
    assert "café naïve" in text
    assert encoding == "cp1252"
    assert "does not match" in warnings


def test_declared_latin1_over_valid_utf8_reads_utf8():
    text, encoding, warnings = decoded('<meta charset="iso-8859-1"><p>café</p>'.encode())
    assert "café" in text
    assert encoding == "utf-8"
    assert "contradicts" in warnings


def test_stray_invalid_byte_in_utf8_is_replaced_deterministically():
    data = "Pyongyang’s “denial” – again".encode() + b" \x96 dash"
    first, second = decode_bytes(data), decode_bytes(data)
    assert first == second
    assert first.encoding == "utf-8"
    assert "\ufffd" in first.text and "Pyongyang’s" in first.text
    assert "1 invalid byte" in " ".join(first.warnings)


def test_a_few_nul_bytes_are_removed_and_reported():
    text, _, warnings = decoded(b"North\x00 Korea denied the reports on Tuesday, the agency said.")
    assert text == "North Korea denied the reports on Tuesday, the agency said."
    assert "NUL" in warnings


@pytest.mark.parametrize("data", [PNG, PDF, bytes(range(256)) * 4, bytes(500), os.urandom(4096)])
def test_binary_is_not_text(data):
    with pytest.raises(InputError, match="^not text"):
        decode_bytes(data)


def test_gzip_round_trip():
    assert gunzip(gzip.compress(b"North Korea"), limit=100) == b"North Korea"


def test_gzip_bomb_is_refused_at_the_limit():
    bomb = gzip.compress(bytes(50 * 1024 * 1024))
    assert len(bomb) < 100 * 1024
    with pytest.raises(InputError, match="expands beyond"):
        gunzip(bomb, limit=1024 * 1024)


@pytest.mark.parametrize("cut", [10, 30])
def test_truncated_gzip_is_corrupt(cut):
    data = gzip.compress(os.urandom(2000))
    with pytest.raises(InputError, match="^corrupt"):
        gunzip(data[:-cut], limit=10_000)


def test_garbage_after_gzip_magic_is_corrupt():
    with pytest.raises(InputError, match="^corrupt"):
        gunzip(b"\x1f\x8b\x08\x00garbage" + bytes(20), limit=10_000)


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(type(path), "open", no_open)
    with pytest.raises(InputError, match="too large.*TIMELINE_MAX_ARTICLE_BYTES"):
        read_file_bytes(path, limit=100)


def test_gz_file_is_decompressed(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress("Título\nTexto.".encode()))
    assert read_file_bytes(path, limit=1000) == "Título\nTexto.".encode()


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="^no such file$"):
        read_file_bytes(tmp_path / "nope.txt", limit=1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_file_bytes(fifo, limit=1000)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_refused():
    with pytest.raises(InputError, match="not a regular file"):
        read_file_bytes(__import__("pathlib").Path("/dev/zero"), limit=1000)


# Text made of printable characters and line breaks, as articles are.
article_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff") | st.just("\n"),
    min_size=1,
).filter(str.strip)


@given(article_text)
def test_any_utf8_text_comes_back_unchanged(text):
    assert decode_bytes(text.encode()).text == text


@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_fail_with_a_reason(data):
    try:
        result = decode_bytes(data)
    except InputError as error:
        assert str(error)
    else:
        assert result.text.strip()
        assert "\x00" not in result.text


def test_zlib_stream_without_gzip_header_is_not_decompressed():
    # Only gzip is recognised; a raw zlib stream is just bytes, and binary ones are not text.
    with pytest.raises(InputError):
        decode_bytes(zlib.compress(os.urandom(500)))
