"""Plain-text (and Markdown) articles: an optional header, an optional headline, then the body.

Recognised at the top of the file, in any mix:
- a front-matter block between ``---`` lines with ``key: value`` lines (``date``, ``title``, ``url``, ``id``);
- header lines ``Date: 2023-09-22``, ``Published: Sept. 22, 2023``, ``Title: ...``, ``URL: ...``;
- the compact form ``date 2023-09-22 <headline>`` (ISO date, the rest of the line is the headline);
- ``Published Sept. 22, 2023`` (a date keyword without colon, when all the rest is a date);
- a line that is only a date (a part after `` | `` is ignored: "22 September 2023 | Updated 10:30");
- a byline ``By Jane Doe`` (skipped);
- a headline: a short line without a final period, before a blank line, a date line or a byline (``# ``
  stripped).

``Document.text`` is the body after all of that, so mention offsets index the body.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import ArticleError
from .dates import DateParseError, parse_date

_DATE_KEYS = {"date", "dated", "published", "publication date", "publication-date", "pubdate", "dct", "posted"}
_TITLE_KEYS = {"title", "headline"}
_URL_KEYS = {"url", "link", "source url"}
_OTHER_KEYS = {"id", "author", "authors", "byline", "by", "source", "section", "tags", "category", "updated",
               "modified", "lang", "language", "description", "summary", "slug", "layout", "draft"}
_KNOWN_KEYS = _DATE_KEYS | _TITLE_KEYS | _URL_KEYS | _OTHER_KEYS
_KV = re.compile(r"([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(.*)")
_COMPACT = re.compile(r"date\s+(\d{1,6}-\d{1,2}-\d{1,2})(?:\s+(.*))?", re.IGNORECASE)
_KEYWORD = re.compile(r"(?:dated|published|posted|date)\s+(?:on\s+)?(.{6,80})", re.IGNORECASE)
_BYLINE = re.compile(r"[Bb]y\s+[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*){0,6}")
_SEPARATORS = re.compile(r"\s+[|·•]\s+")
_FRONT = {"---", "+++"}
_FRONT_END = {"---", "...", "+++"}
_MAX_HEADLINE = 200


@dataclass
class _Header:
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None
    error: tuple[int, str] | None = None  # (line number, reason) of a header date that did not parse


@dataclass(frozen=True)
class Article:
    """What a text article's header and body give: read by ``parse_text``."""

    text: str
    published: dt.date | None
    title: str | None
    url: str | None
    id: str | None
    date_error: tuple[int, str] | None


def parse_text(text: str) -> Article:
    """Split a decoded text article into header fields and body (never raises)."""
    lines = text.split("\n")
    head = _Header()
    i = _skip_blank(lines, 0)
    if i < len(lines) and lines[i].strip() in _FRONT:
        i = _front_matter(lines, i, head)
    i = _header_lines(lines, _skip_blank(lines, i), head)
    i = _skip_blank(lines, i)
    if head.title is None and i < len(lines) and _is_headline(lines, i, head):
        head.title = lines[i].strip().lstrip("#").strip()
        i = _skip_blank(lines, _header_lines(lines, i + 1, head))
    body = "\n".join(line.rstrip() for line in lines[i:]).strip()
    return Article(body, head.published, head.title or None, head.url, head.id, head.error)


def read_text(data: str, source: str, reference_date: dt.date | None) -> tuple[Article, dt.date]:
    """Parse a text article and settle its publication date (``reference_date`` wins over the header).

    Raises ``ArticleError`` for a bad header date (unless ``reference_date`` is given), an article with
    no body, and a missing date (``NoDateError``).
    """
    from . import NoDateError

    article = parse_text(data)
    if not article.text:
        raise ArticleError(source, "no article text after the header")
    if reference_date is not None:
        return article, reference_date
    if article.published is None:
        if article.date_error is not None:
            line, reason = article.date_error
            raise ArticleError(source, f"bad date in header: {reason}", line)
        raise NoDateError(source)
    return article, article.published


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _front_matter(lines: list[str], start: int, head: _Header) -> int:
    """Read a ``---`` block; return the index after it (or ``start`` when it never closes)."""
    for j in range(start + 1, min(len(lines), start + 200)):
        if lines[j].strip() in _FRONT_END:
            for k in range(start + 1, j):
                match = _KV.fullmatch(lines[k].strip())
                if match:
                    _set(head, match.group(1), _unquote(match.group(2)), k + 1, strict_keys=False)
            return j + 1
    return start


def _header_lines(lines: list[str], i: int, head: _Header) -> int:
    """Consume header lines from ``i`` up to the first line that is not one; return that index."""
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            break
        kv = _KV.fullmatch(line)
        if kv and _norm(kv.group(1)) in _KNOWN_KEYS:
            _set(head, kv.group(1), _unquote(kv.group(2)), i + 1, strict_keys=True)
        elif (compact := _COMPACT.fullmatch(line)) and head.published is None:
            _set_date(head, compact.group(1), i + 1)
            if compact.group(2) and head.title is None:
                head.title = compact.group(2).strip()
        elif head.published is None and (found := _date_keyword(line) or _only_date(line)):
            head.published = found
        elif _BYLINE.fullmatch(line):
            pass  # "By Jane Doe and John Roe": a byline, not the headline nor the body
        else:
            break
        i += 1
    return i


def _set(head: _Header, key: str, value: str, line: int, *, strict_keys: bool) -> None:
    key = _norm(key)
    if key in _DATE_KEYS:
        if head.published is None and value:
            _set_date(head, value, line)
    elif key in _TITLE_KEYS:
        head.title = head.title or value or None
    elif key in _URL_KEYS:
        head.url = head.url or value or None
    elif key == "id":
        head.id = head.id or value or None


def _set_date(head: _Header, value: str, line: int) -> None:
    try:
        head.published = _parse_first(value)
    except DateParseError as exc:
        if head.error is None:
            head.error = (line, str(exc))


def _parse_first(value: str) -> dt.date:
    """The date of a header value; "22 September 2023 | Updated 10:30" reads its first part."""
    try:
        return parse_date(value)
    except DateParseError:
        first = _SEPARATORS.split(value, maxsplit=1)[0]
        if first == value:
            raise
        return parse_date(first)


def _date_keyword(line: str) -> dt.date | None:
    match = _KEYWORD.fullmatch(line)
    return _only_date(match.group(1)) if match else None


def _only_date(line: str) -> dt.date | None:
    if len(line) > 80:
        return None
    try:
        return _parse_first(line)
    except DateParseError:
        return None


def _is_headline(lines: list[str], i: int, head: _Header) -> bool:
    """A short line without a final period, followed by a blank line, a date line or a byline, with a body after."""
    line = lines[i].strip().lstrip("#").strip()
    if not (2 <= len(line) <= _MAX_HEADLINE) or line.endswith((".", ",", ":", ";")):
        return False
    if not any(ch.isalpha() for ch in line) or len(line.split()) > 40:
        return False
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else None
    if nxt is None:
        return False
    if nxt and _BYLINE.fullmatch(nxt):
        return True
    if nxt and head.published is None and (_date_keyword(nxt) or _only_date(nxt) or _is_date_header(nxt)):
        return True
    return not nxt and any(line.strip() for line in lines[i + 2:])


def _is_date_header(line: str) -> bool:
    kv = _KV.fullmatch(line)
    return bool(kv and _norm(kv.group(1)) in _DATE_KEYS)


def _norm(key: str) -> str:
    return " ".join(key.lower().replace("_", " ").split())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()
