"""Corpus IO for tagging and evaluation: JSONL documents in, JSONL taggings out.

A corpus line is one JSON object: ``{"doc_id": ..., "dct": "YYYY-MM-DD", "text": ..., "timexes": [...]}``
(the shape of ``../shared/corpora/*.jsonl``). ``timexes`` is optional and is read as gold annotation
for ``timeline eval``; ``timeline tag`` ignores it. Any other field is ignored, except ``title``.

Readers never raise on bad input: they yield an :class:`~timeline.errors.ArticleError` for the line
and go on, so one broken line does not stop a batch.

    >>> import io
    >>> lines = io.StringIO('{"doc_id": "a", "dct": "2023-09-22", "text": "Friday"}\\nnot json\\n')
    >>> [getattr(x, "message", None) or x.document.id for x in read_jsonl(lines, "in.jsonl")]
    ['a', 'invalid JSON: Expecting value at column 1']
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import ArticleError, TimelineError, located
from .model import Document, Mention, Tagging, TimexType
from .readers.jsonl import json_lines

STDIN = "-"
STDIN_NAME = "<stdin>"
GOLD_RULE = "gold"  # rule_id of mentions read from an annotation, not found by the tagger

Tagger = Callable[[str, dt.date], Tagging]


@dataclass(frozen=True)
class GoldDocument:
    """A document and the TIMEX3 annotation that came with it (empty when the input had none).

    ``line`` is the 1-based line of a JSONL input (None for TimeML files): error messages cite it.
    """

    document: Document
    timexes: tuple[Mention, ...] = ()
    line: int | None = None

    @property
    def where(self) -> str:
        """``FILE:LINE`` (or ``FILE``) naming where this document was read from, for messages."""
        return located(self.document.source or "", self.line)


def parse_dct(value: object) -> dt.date:
    """Read a document creation time: ``YYYY-MM-DD``, optionally followed by a time (``T10:00``).

    Raises ``ValueError`` with a short reason for anything else.

    Not ``readers.dates.parse_date``: a corpus DCT is a TIMEX3 value (ISO, maybe with a time), and
    "08/08/1998" or "Sept. 22, 1998" there is an annotation error to report, not a header to read.
    """
    if not isinstance(value, str):
        raise ValueError(f"bad dct {value!r}: expected a YYYY-MM-DD string")
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?", value.strip())
    try:
        if match is None:
            raise ValueError
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise ValueError(f"bad dct {value!r}: expected YYYY-MM-DD") from None


def parse_timex(obj: object, text: str | None = None) -> Mention:
    """Turn one JSON timex ``{"start", "end", "type", "value", "text"?, "mod"?}`` into a ``Mention``.

    ``start``/``end`` must be integers with ``0 <= start <= end`` (and ``end <= len(text)`` when the
    document text is given). ``type`` must be a TIMEX3 type. Raises ``ValueError`` with the reason.
    """
    if not isinstance(obj, dict):
        raise ValueError("timex is not an object")
    start, end = obj.get("start"), obj.get("end")
    if type(start) is not int or type(end) is not int:
        raise ValueError("timex lacks integer start/end")
    if not 0 <= start <= end or (text is not None and end > len(text)):
        raise ValueError(f"timex span [{start},{end}) is not inside the text")
    try:
        ttype = TimexType(obj.get("type"))
    except ValueError:
        raise ValueError(f"timex type {obj.get('type')!r} is not DATE, TIME, DURATION or SET") from None
    value = obj.get("value", "")
    mod = obj.get("mod") or None
    if not isinstance(value, str) or not (mod is None or isinstance(mod, str)):
        raise ValueError("timex value/mod is not a string")
    surface = text[start:end] if text is not None else obj.get("text", "")
    return Mention(text=str(surface), start=start, end=end, rule_id=GOLD_RULE, type=ttype, value=value, mod=mod)


def _parse_line(obj: object, source: str, n: int, *, need_text: bool) -> GoldDocument:
    if not isinstance(obj, dict):
        raise ArticleError(source, "not a JSON object", n)
    text = obj.get("text")
    if need_text and not isinstance(text, str):
        raise ArticleError(source, "missing 'text'" if text is None else "'text' is not a string", n)
    if need_text and "dct" not in obj:
        raise ArticleError(source, "missing 'dct'", n)
    try:
        dct = parse_dct(obj["dct"]) if "dct" in obj else None
    except ValueError as exc:
        raise ArticleError(source, str(exc), n) from None
    doc_id = obj.get("doc_id", str(n))
    if not isinstance(doc_id, (str, int)):
        raise ArticleError(source, "'doc_id' is not a string", n)
    raw = obj.get("timexes") or []
    if not isinstance(raw, list):
        raise ArticleError(source, "'timexes' is not a list", n)
    try:
        timexes = tuple(parse_timex(t, text if isinstance(text, str) else None) for t in raw)
    except ValueError as exc:
        raise ArticleError(source, f"doc {doc_id}: {exc}", n) from None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    document = Document(id=str(doc_id), text=text if isinstance(text, str) else "", published=dct,
                        title=title, source=source)
    return GoldDocument(document, timexes, n)


def read_jsonl(stream: IO[str], source: str, *, need_text: bool = True) -> Iterator[GoldDocument | ArticleError]:
    """Read documents from a JSONL stream, one object a line (blank lines are skipped).

    Yields a ``GoldDocument`` per good line and an ``ArticleError(source, why, line)`` per bad one:
    not JSON, not an object, missing ``text``/``dct`` (when ``need_text``), a bad date, a bad timex,
    or a ``doc_id`` seen before. ``need_text=False`` reads prediction files (``doc_id`` + ``timexes``).
    """
    seen: set[str] = set()
    for n, obj, error in json_lines(stream):
        if error is not None:
            yield ArticleError(source, f"invalid JSON: {error}", n)
            continue
        try:
            gold = _parse_line(obj, source, n, need_text=need_text)
        except ArticleError as exc:
            yield exc
            continue
        if gold.document.id in seen:
            yield ArticleError(source, f"duplicate doc_id {gold.document.id!r}", n)
            continue
        seen.add(gold.document.id)
        yield gold


def read_corpus(path: str | Path, stdin: IO[str] | None = None) -> Iterator[GoldDocument | ArticleError]:
    """Read documents from a JSONL file, ``-`` (JSONL on ``stdin``), a ``.tml`` file or a folder of them.

    TimeML input is read by :mod:`timeline.timeml` (its TIMEX3 annotation becomes the gold timexes).
    A path that cannot be opened yields one ``ArticleError``.
    """
    if str(path) == STDIN:
        yield from read_jsonl(stdin if stdin is not None else sys.stdin, STDIN_NAME)
        return
    p = Path(path)
    if p.is_dir() or p.suffix.lower() == ".tml":
        from .timeml import read_timeml_path

        yield from read_timeml_path(p)
        return
    try:
        with open(p, encoding="utf-8-sig") as handle:
            yield from read_jsonl(handle, str(p))
    except OSError as exc:
        yield ArticleError(str(p), f"cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        yield ArticleError(str(p), f"not UTF-8 text: {exc.reason} at byte {exc.start}")


def default_tagger(text: str, dct: dt.date) -> Tagging:
    """The project's tagger, looked up at call time (``timeline.api.extract``)."""
    from . import api

    return api.extract(text, dct)


def tag_document(gold: GoldDocument, tagger: Tagger | None = None) -> tuple[Mention, ...]:
    """Tag one document's text against its DCT; the gold annotation is ignored.

    Raises ``ArticleError`` (naming the input and line) when the document has no date or when the
    tagger fails on it, so a batch can report the document and go on.
    """
    doc = gold.document
    source = doc.source or ""
    if doc.published is None:
        raise ArticleError(source, "missing 'dct'", gold.line)
    try:
        return tuple((tagger or default_tagger)(doc.text, doc.published).mentions)
    except TimelineError as exc:
        raise ArticleError(source, f"doc {doc.id}: {exc}", gold.line) from exc
    except Exception as exc:  # a tagger bug must not stop the batch; it is reported with its type
        raise ArticleError(source, f"doc {doc.id}: tagger failed: {type(exc).__name__}: {exc}",
                           gold.line) from exc


def timex_json(mention: Mention) -> dict:
    """The JSON form of a mention: start, end, text, type, value, and mod only when set."""
    out = {"start": mention.start, "end": mention.end, "text": mention.text,
           "type": TimexType(mention.type).value, "value": mention.value}
    if mention.mod:
        out["mod"] = mention.mod
    return out


def tagged_line(doc_id: str, mentions: Iterable[Mention]) -> str:
    """One output line (without newline): ``{"doc_id": ..., "timexes": [...]}``."""
    return json.dumps({"doc_id": doc_id, "timexes": [timex_json(m) for m in mentions]}, ensure_ascii=False)


def tag_corpus(items: Iterable[GoldDocument | ArticleError],
               tagger: Tagger | None = None) -> Iterator[tuple[GoldDocument, tuple[Mention, ...]] | ArticleError]:
    """Tag every readable document; yields ``(document, mentions)``, or the ``ArticleError`` of an input
    that could not be read or tagged (the batch goes on)."""
    for item in items:
        if isinstance(item, ArticleError):
            yield item
            continue
        try:
            yield item, tag_document(item, tagger)
        except ArticleError as exc:
            yield exc


def read_predictions(path: str | Path) -> tuple[dict[str, tuple[Mention, ...]], list[ArticleError]]:
    """Read a JSONL of predictions (``doc_id`` + ``timexes``, as ``timeline tag`` writes) by doc id.

    Returns the mentions by doc id and the lines that could not be read.
    """
    found: dict[str, tuple[Mention, ...]] = {}
    failures: list[ArticleError] = []
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for item in read_jsonl(handle, str(path), need_text=False):
                if isinstance(item, ArticleError):
                    failures.append(item)
                else:
                    found[item.document.id] = item.timexes
    except (OSError, UnicodeDecodeError) as exc:
        failures.append(ArticleError(str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}"))
    return found, failures
