"""Bytes to text, never a UnicodeDecodeError.

Order of decisions: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then NUL bytes mean a binary file;
then strict UTF-8; then an HTML ``<meta charset>`` declaration, if the caller allows it; and only then
``charset-normalizer`` guesses the legacy encoding (see ``_guess``: cp1252 when it finds no language).
Line ends become ``\\n``.
"""
from __future__ import annotations

import codecs
import re

from ..errors import ArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode the bytes of one input to text with ``\\n`` line ends.

    Raises ``ArticleError`` naming ``source`` for an empty file, a binary file (NUL bytes or many
    control characters) and invalid text after a byte-order mark.
    """
    if not data.strip():
        raise ArticleError(source, "empty file")
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is None:
                raise ArticleError(source, f"invalid {codec.split('-sig')[0].upper()} text after its byte-order mark")
            break
    if text is None:
        if b"\x00" in data:
            raise ArticleError(source, "binary file (NUL bytes), not a text article")
        text = _try(data, "utf-8")
    if text is None and html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            text = _try(data, declared.group(1).decode("ascii", "replace"))
    if text is None:
        text = _guess(data)
    if text is None:
        raise ArticleError(source, "cannot recognise the text encoding")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(source, "empty file")
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 20):
        raise ArticleError(source, "binary file (control characters), not a text article")
    return text


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    """Legacy single-byte encodings: ``charset-normalizer`` decides when it recognises a language in the
    text. Without that evidence (mostly-ASCII text with a few accented letters or curly quotes, where
    it may pick a Cyrillic or Greek code page at random) cp1252, the usual legacy encoding of Western
    news text, is used when the bytes are valid cp1252, and latin-1 (which cannot fail) as the last resort."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.coherence > 0:
        try:
            return str(best)
        except (UnicodeDecodeError, LookupError):  # pragma: no cover - charset-normalizer validated it
            pass
    return _try(data, "cp1252") or (str(best) if best is not None else data.decode("latin-1"))
