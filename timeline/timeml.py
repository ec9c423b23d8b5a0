"""TimeML (``.tml``) reading and writing.

Reading: the document text is the content of ``<TEXT>`` with every tag removed and character offsets
kept; the DCT is the value of the ``TIMEX3`` whose ``functionInDocument="CREATION_TIME"``; the
``TIMEX3`` elements inside ``<TEXT>`` become the gold mentions (``rule_id`` "gold"), used by
``timeline eval`` and ignored by ``timeline tag``. Empty (non-consuming) ``TIMEX3`` elements have no
text to find and are skipped. The doc id is ``<DOCID>`` or else the file name without ``.tml``.

Writing: :func:`to_timeml` puts ``<TIMEX3 tid type value [mod]>`` around each mention in the escaped text.

    >>> import datetime as dt
    >>> from timeline.model import Document, Mention, TimexType
    >>> doc = Document("d1", "Met on Friday & left.", dt.date(1998, 8, 8))
    >>> m = Mention("Friday", 7, 13, "x", TimexType.DATE, "1998-08-07")
    >>> xml = to_timeml(doc, [m])
    >>> xml.split("<TEXT>")[1].split("</TEXT>")[0]
    'Met on <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; left.'
    >>> back = parse_timeml(xml, "d1.tml")
    >>> back.document.text == doc.text, back.document.published, back.timexes[0].value
    (True, datetime.date(1998, 8, 8), '1998-08-07')
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from .corpus import GOLD_RULE, GoldDocument, parse_dct
from .errors import ArticleError, WriterError
from .model import Document, Mention, TimexType

CREATION_TIME = "CREATION_TIME"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_of(element: ET.Element, source: str) -> tuple[str, list[Mention]]:
    """Flatten ``element``'s content to text, keeping the TIMEX3 elements as mentions with offsets."""
    parts: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            walk(child)
            if child.tag == "TIMEX3" and length > start and child.get("functionInDocument") != CREATION_TIME:
                found.append((child, start, length))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(element)
    text = "".join(parts)
    mentions = [_mention(el, start, end, text[start:end], source) for el, start, end in found]
    return text, sorted(mentions, key=lambda m: (m.start, m.end))


def _mention(el: ET.Element, start: int, end: int, text: str, source: str) -> Mention:
    try:
        ttype = TimexType(el.get("type", ""))
    except ValueError:
        raise ArticleError(source, f"TIMEX3 {el.get('tid', '?')}: type {el.get('type')!r} is not "
                                   "DATE, TIME, DURATION or SET") from None
    return Mention(text=text, start=start, end=end, rule_id=GOLD_RULE, type=ttype,
                   value=el.get("value", ""), mod=el.get("mod") or None)


def parse_timeml(data: str | bytes, source: str) -> GoldDocument:
    """Parse one TimeML document (``source`` names it in errors and is its fallback id).

    Raises ``ArticleError`` when it is not XML, has no ``<TEXT>``, no creation-time TIMEX3 or a bad one.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ArticleError(source, f"not well-formed XML: {exc}") from None
    text_el = root if root.tag == "TEXT" else root.find(".//TEXT")
    if text_el is None:
        raise ArticleError(source, "no <TEXT> element")
    dct_el = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == CREATION_TIME), None)
    if dct_el is None:
        raise ArticleError(source, 'no DCT (a TIMEX3 with functionInDocument="CREATION_TIME")')
    try:
        dct = parse_dct(dct_el.get("value", ""))
    except ValueError as exc:
        raise ArticleError(source, str(exc)) from None
    text, mentions = _text_of(text_el, source)
    docid_el = root.find(".//DOCID")
    doc_id = (docid_el.text or "").strip() if docid_el is not None else ""
    if not doc_id:
        name = Path(source).name
        doc_id = name[:-4] if name.lower().endswith(".tml") else name
    title_el = root.find(".//TITLE")
    title = "".join(title_el.itertext()).strip() or None if title_el is not None else None
    doc = Document(id=doc_id, text=text, published=dct, title=title, source=source)
    return GoldDocument(doc, tuple(mentions))


def read_timeml(path: str | Path) -> GoldDocument:
    """Read one ``.tml`` file. Raises ``ArticleError`` naming the file when it cannot be read or parsed."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ArticleError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return parse_timeml(data, str(path))


def read_timeml_path(path: str | Path) -> Iterator[GoldDocument | ArticleError]:
    """Read a ``.tml`` file, or every ``*.tml`` below a folder (sorted by path).

    Yields an ``ArticleError`` for each file that fails, and one for a folder without ``.tml`` files.
    """
    p = Path(path)
    files = sorted(f for f in p.rglob("*") if f.suffix.lower() == ".tml" and f.is_file()) if p.is_dir() else [p]
    if not files:
        yield ArticleError(str(p), "no .tml files in this folder")
    for f in files:
        try:
            yield read_timeml(f)
        except ArticleError as exc:
            yield exc


def _escape(text: str, where: str) -> str:
    bad = _INVALID_XML.search(text)
    if bad:
        raise WriterError(f"{where}: character {bad.group()!r} at offset {bad.start()} cannot be written in XML")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str, where: str) -> str:
    escaped = _escape(value, where).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\t", "&#9;") + '"'


def to_timeml(document: Document, mentions: Iterable[Mention]) -> str:
    """Write ``document`` as TimeML with a ``TIMEX3`` (tid, type, value, mod when set) around each mention.

    The DCT is written as the creation-time TIMEX3 ``t0``. Raises ``WriterError`` for mentions that
    overlap (TIMEX3 cannot nest), that lie outside the text, or for characters XML 1.0 cannot hold.
    """
    where = f"doc {document.id}"
    if document.published is None:
        raise WriterError(f"{where}: no DCT to write")
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[str] = []
    pos = 0
    for n, m in enumerate(ordered, 1):
        if m.start < pos or m.end > len(document.text) or m.end <= m.start:
            raise WriterError(f"{where}: mention [{m.start},{m.end}) {m.text!r} overlaps another or "
                              "lies outside the text")
        attrs = f"tid=\"t{n}\" type={_attr(TimexType(m.type).value, where)} value={_attr(m.value, where)}"
        if m.mod:
            attrs += f" mod={_attr(m.mod, where)}"
        out += [_escape(document.text[pos:m.start], where), f"<TIMEX3 {attrs}>",
                _escape(document.text[m.start:m.end], where), "</TIMEX3>"]
        pos = m.end
    out.append(_escape(document.text[pos:], where))
    dct = document.published.isoformat()
    head = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
            f"<DOCID>{_escape(document.id, where)}</DOCID>",
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
            f'functionInDocument="{CREATION_TIME}">{dct}</TIMEX3></DCT>']
    if document.title:
        head.append(f"<TITLE>{_escape(document.title, where)}</TITLE>")
    return "\n".join(head) + "\n<TEXT>" + "".join(out) + "</TEXT>\n</TimeML>\n"


def file_name(doc_id: str) -> str:
    """A safe ``.tml`` file name for a doc id (characters other than letters, digits, ``._-`` become ``_``).

    Not ``batch.safe_stem``: ``timeline tag --to timeml`` writes ``DOC_ID.tml`` as TimeML corpora name their
    files (ASCII, ``_``), and two ids that map to one name are an error, not renamed ``-2``.
    """
    return re.sub(r"[^A-Za-z0-9._-]", "_", doc_id).lstrip(".") or "_"


def write_timeml_folder(folder: str | Path,
                        tagged: Iterable[tuple[Document, Iterable[Mention]]]) -> Iterator[Path | WriterError]:
    """Write each ``(document, mentions)`` atomically to ``folder/<doc id>.tml``.

    Yields the path written, or the ``WriterError`` of a document that could not be written (the
    others are still written). Two documents whose ids map to the same file name are an error.
    """
    from .atomic import atomic_write

    used: dict[str, str] = {}
    for document, mentions in tagged:
        name = file_name(document.id) + ".tml"
        if name in used:
            yield WriterError(f"doc {document.id}: file name {name} is already used by doc {used[name]}")
            continue
        used[name] = document.id
        try:
            yield atomic_write(Path(folder) / name, to_timeml(document, mentions).encode("utf-8"))
        except WriterError as exc:
            yield exc
