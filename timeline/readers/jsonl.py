"""JSON Lines archives (one article per line) and ``.json`` files (one article or a list of them).

Fields: ``id`` (or ``doc_id``), ``date`` (or ``dct``/``published``), ``title``, ``text`` (or ``body``), ``url``.
Each line is its own document; a bad line is an ``ArticleError`` with ``file:line`` and the other lines
are still read.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from ..errors import ArticleError, located
from ..model import Document
from .dates import DateParseError, parse_date

_ID_KEYS = ("id", "doc_id", "docid")
_DATE_KEYS = ("date", "dct", "published", "pubdate")
_TEXT_KEYS = ("text", "body")


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, object, str | None]]:
    """Each non-blank line of ``lines`` read as JSON: ``(line number, value, None)``, or
    ``(line number, None, why)`` when it is not JSON ("Expecting value at column 1", "nested too deeply").

    Shared by the article archives here and the corpora of ``timeline tag``/``eval`` (``timeline.corpus``),
    which word and check their records differently.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except (json.JSONDecodeError, RecursionError) as exc:
            yield number, None, _reason(exc)


def read_jsonl(text: str, source: str, stem: str, reference_date: dt.date | None) -> Iterator[Document | ArticleError]:
    """Yield one ``Document`` (or ``ArticleError``) per non-blank line of a JSONL archive."""
    seen = False
    for number, record, error in json_lines(text.split("\n")):
        seen = True
        if error is not None:
            yield ArticleError(source, f"not JSON: {error}", number)
            continue
        yield _document(record, source, number, f"{stem}-{number}", reference_date)
    if not seen:
        yield ArticleError(source, "empty file")


def read_json(text: str, source: str, stem: str, reference_date: dt.date | None) -> Iterator[Document | ArticleError]:
    """A ``.json`` file: one article object, a list of them, or (failing that) JSON Lines."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield from read_jsonl(text, source, stem, reference_date)
        return
    if isinstance(data, dict):
        yield _document(data, source, None, stem, reference_date)
    elif isinstance(data, list):
        from . import NoDateError

        if not data:
            yield ArticleError(source, "empty list, no articles")
        for index, item in enumerate(data, start=1):
            doc = _document(item, source, None, f"{stem}-{index}", reference_date)
            if isinstance(doc, NoDateError):  # stays one: the exit code says --reference-date would help
                doc = NoDateError(source, item=index)
            elif isinstance(doc, ArticleError):
                doc = ArticleError(source, f"item {index}: {doc.message}")
            yield doc
    else:
        yield ArticleError(source, f"expected an article object or a list of them, got {type(data).__name__}")


def _document(record: object, source: str, line: int | None, fallback_id: str,
              reference_date: dt.date | None) -> Document | ArticleError:
    if not isinstance(record, dict):
        return ArticleError(source, f"expected a JSON object, got {type(record).__name__}", line)
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return ArticleError(source, "no article text (a non-empty \"text\" field)", line)
    published = reference_date
    if published is None:
        raw = _first(record, _DATE_KEYS)
        if raw is None or raw == "":
            from . import NoDateError

            return NoDateError(source, line)
        if not isinstance(raw, str):
            return ArticleError(source, f"bad date {raw!r}: expected a string like 2023-09-22", line)
        try:
            published = parse_date(raw)
        except DateParseError as exc:
            return ArticleError(source, f"bad date: {exc}", line)
    doc_id = _first(record, _ID_KEYS)
    title, url = record.get("title"), record.get("url")
    return Document(
        id=str(doc_id) if doc_id not in (None, "") and not isinstance(doc_id, (dict, list)) else fallback_id,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        published=published,
        title=title.strip() or None if isinstance(title, str) else None,
        source=located(source, line),
        url=url if isinstance(url, str) and url else None,
    )


def _first(record: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if key in record:
            return record[key]
    return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return "nested too deeply"
