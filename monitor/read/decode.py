"""Bytes to text.

Plain UTF-8 is by far the common case and must stay cheap (ingest targets hundreds of
articles a second), so the order is: byte-order marks, strict UTF-8, BOM-less UTF-16
recognised by its NUL pattern, and only then charset-normalizer for legacy single-byte
files. The detector is unreliable on short Western text (it happily answers cp1250 or
cp1006 for "naïve café"), so among its equally good answers cp1252 wins: it is the
legacy encoding news text is most often saved in.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from monitor.models import Rejection

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = frozenset(range(9)) | {14, 15} | frozenset(range(16, 27)) | frozenset(range(28, 32)) | {127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _looks_like_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16 of mostly ASCII text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.9 * half and even_nul == 0:
        return "utf-16-le"
    if even_nul > 0.9 * half and odd_nul == 0:
        return "utf-16-be"
    return None


def _control_share(data: bytes) -> float:
    sample = data[:8000]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(1, len(sample))


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import (
        from_bytes,  # imported lazily: only legacy files need it
    )

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    ties = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence - 0.05]
    for name in _PREFERRED_LEGACY:
        for m in ties:
            if m.encoding == name:
                return Decoded(str(m), m.encoding, True)
    return Decoded(str(best), best.encoding, True)


def decode(data: bytes) -> Decoded | Rejection:
    """Decode `data` or say in words why it cannot be read as text."""
    bom = _bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError:
            return Rejection("undecodable", f"the file starts with a {bom.upper()} byte-order mark but its text is not valid {bom.upper()}")
    if b"\x00" in data:
        utf16 = _looks_like_utf16(data)
        if utf16:
            try:
                return Decoded(data.decode(utf16), utf16, True)
            except UnicodeDecodeError:
                pass
        return Rejection("binary", "this looks like a binary file (it contains NUL bytes), not an article")
    if _control_share(data) > 0.05:
        return Rejection("binary", "this looks like a binary file (it is mostly control characters), not an article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    guess = _detect(data)
    if guess is None:
        return Rejection("undecodable", "the text could not be decoded as UTF-8, UTF-16 or a single-byte encoding")
    return guess
