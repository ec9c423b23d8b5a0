"""Readers: every input named on the command line becomes ``Document``s (or ``ArticleError``s).

    >>> import datetime as dt, io
    >>> from timeline.readers import read_inputs
    >>> stdin = io.BytesIO(b"date 2023-09-22 Conference opens\\n\\nThe talks began on September 20.")
    >>> [doc] = read_inputs(["-"], stdin=stdin)
    >>> doc.id, doc.published, doc.title, doc.text
    ('stdin', datetime.date(2023, 9, 22), 'Conference opens', 'The talks began on September 20.')

One module per input kind: ``text`` (headers, headline, body), ``jsonl`` (archives, ``.json``), ``html``
(trafilatura + htmldate), ``decode`` (encodings), ``paths`` (folders, globs, stdin), ``dates`` (strict
header dates). Bad input is never raised: it is yielded as an ``ArticleError`` and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import ArticleError
from ..model import Document
from .decode import decode
from .paths import STDIN, expand, kind_of

__all__ = ["NoDateError", "read_inputs", "read_bytes"]

MAX_BYTES = 256 * 1024 * 1024


class NoDateError(ArticleError):
    """An article with no publication date in it and no ``--reference-date`` to supply one."""

    def __init__(self, source: str, line: int | None = None, *, item: int | None = None) -> None:
        where = f"item {item}: " if item is not None else ""  # the item of a JSON list
        super().__init__(source, f"{where}no publication date found: pass --reference-date YYYY-MM-DD", line)


def read_inputs(
    paths: Sequence[str],
    reference_date: dt.date | None = None,
    *,
    stdin: BinaryIO | None = None,
    exclude: Sequence[str | os.PathLike] = (),
) -> Iterator[Document | ArticleError]:
    """Read every input in ``paths`` (files, folders, globs, ``-`` for ``stdin``) into documents.

    ``reference_date`` overrides (or supplies) every article's publication date. Yields, in a
    deterministic order, one ``Document`` per article and one ``ArticleError`` per input (or JSONL line)
    that cannot be read. Document ids come from file stems (or the JSONL ``id``) and are unique in the run.
    ``exclude`` names folders that folder expansion skips (the output folder).
    """
    used: set[str] = set()
    for item in expand(paths, exclude):
        if isinstance(item, ArticleError):
            yield item
            continue
        for result in _read_one(item, reference_date, stdin):
            if isinstance(result, Document):
                result = _with_unique_id(result, used)
            yield result


def read_bytes(data: bytes, source: str, kind: str, stem: str,
               reference_date: dt.date | None = None) -> Iterator[Document | ArticleError]:
    """Read the bytes of one input of ``kind`` (``text``, ``html``, ``jsonl``, ``json``, or ``auto``)."""
    try:
        text = decode(data, source, html=kind in ("html", "auto"))
    except ArticleError as exc:
        yield exc
        return
    if kind == "auto":
        kind = _sniff(text)
    try:
        if kind in ("jsonl", "json"):
            from .jsonl import read_json, read_jsonl

            yield from (read_jsonl if kind == "jsonl" else read_json)(text, source, stem, reference_date)
        elif kind == "html":
            from .html import read_html

            body, title, url, published = read_html(text, source, reference_date)
            yield Document(stem, body, published, title, source, url)
        else:
            from .text import read_text

            article, published = read_text(text, source, reference_date)
            yield Document(article.id or stem, article.text, published, article.title, source, article.url)
    except ArticleError as exc:
        yield exc


def _read_one(item: str, reference_date: dt.date | None, stdin: BinaryIO | None) -> Iterator[Document | ArticleError]:
    if item == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            yield ArticleError(STDIN, f"cannot read standard input: {exc}")
            return
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > MAX_BYTES:
            yield ArticleError(STDIN, f"too large (over {MAX_BYTES // 2**20} MiB)")
            return
        yield from read_bytes(data, STDIN, "auto", "stdin", reference_date)
        return
    try:
        if os.path.getsize(item) > MAX_BYTES:
            yield ArticleError(item, f"too large (over {MAX_BYTES // 2**20} MiB)")
            return
        with open(item, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield ArticleError(item, _os_reason(exc))
        return
    yield from read_bytes(data, item, kind_of(item), Path(item).stem or "document", reference_date)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read: {exc.strerror or exc}"


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<") and any(tag in head for tag in ("<html", "<!doctype html", "<body", "<article", "<head")):
        return "html"
    return "text"


def _with_unique_id(doc: Document, used: set[str]) -> Document:
    base = doc.id.strip() or "document"
    doc_id, n = base, 1
    while doc_id in used:
        n += 1
        doc_id = f"{base}-{n}"
    used.add(doc_id)
    if doc_id == doc.id:
        return doc
    return Document(doc_id, doc.text, doc.published, doc.title, doc.source, doc.url)
