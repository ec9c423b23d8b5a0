"""A CSV table of the events, one row per event, for spreadsheets and scripts.

Columns: id, kind, start, end, granularity, timex, title, location, confidence, documents, quote.
``start``/``end`` are ISO 8601 at the event's granularity with an inclusive end (as in the JSON export;
empty for undated events, whose ``timex`` says what the text said, e.g. PAST_REF). ``documents`` lists the
document ids separated by "; ", ``quote`` the quoted source sentences separated by a line break.
Written with the ``csv`` module: UTF-8 (no BOM), a header row, RFC 4180 quoting and CRLF row ends.

Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
get a leading apostrophe, as OWASP advises against CSV injection from hostile article text.
"""
from __future__ import annotations

import csv
import io

from ..model import Event, Timeline
from .dates import chronological, iso_end, iso_start

COLUMNS = ("id", "kind", "start", "end", "granularity", "timex", "title", "location", "confidence", "documents", "quote")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(timeline: Timeline) -> bytes:
    """Serialize the events of ``timeline`` as CSV (UTF-8, header row, one row per event in date order)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in chronological(timeline.events, timeline.documents):
        writer.writerow(row(event))
    return out.getvalue().encode("utf-8")


def row(event: Event) -> list[str]:
    """The cells of one event, in ``COLUMNS`` order."""
    span = event.span
    return [
        event.id,
        event.kind.value,
        iso_start(span) if span else "",
        iso_end(span) if span else "",
        span.granularity.value if span else "",
        event.timex,
        safe(event.title),
        safe(event.location or ""),
        format(event.confidence, "g"),
        "; ".join(event.documents),
        safe("\n".join(dict.fromkeys(s.quote for s in event.sources))),
    ]


def safe(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
