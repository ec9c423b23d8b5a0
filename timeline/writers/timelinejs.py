"""TimelineJS3 JSON (Knight Lab, as ``@knight-lab/timelinejs`` 3.9.11 reads it): ``<stem>.timelinejs.json``.

What TimelineJS needs, and what it does with bad input, is in ``shared/docs/timelinejs.md``. Here:

- ``title`` is a slide OBJECT (a string title crashes the viewer) whose headline is the timeline's name;
  its text counts the events and lists the ones that have no date (vague events cannot be slides:
  TimelineJS silently drops a slide without ``start_date``).
- Date parts are numbers (``{"year": 2023, "month": 9, "day": 20}``), never month names, and only as
  fine as the span's granularity ("2025" gives ``{"year": 2025}``).
- Every slide carries ``display_date`` with the label the other formats show ("20-22 September 2023",
  "Q3 2023", "By 2025" for a deadline), since TimelineJS would otherwise print its own wording.
- A span that covers more than one unit of its granularity (Sept 20-22, 2019-2021) gets an ``end_date``
  at the span's exclusive end, one day after the last day: TimelineJS reads ``end_date`` as a point in
  time, so this draws the bar over the whole of Sept 22.
- ``group`` is the event kind ("Happened", "Scheduled", "Deadlines", "Publication", ...): one row each.
  Deadline headlines start with "Deadline: " (unless the title already says "Target: ...").
- ``text.headline`` and ``text.text`` are HTML in TimelineJS: everything from the articles is escaped.
  ``display_date`` and ``group`` are reduced to their text content and then shown as HTML by
  TimelineJS, so they only ever hold our own fixed labels.
- A timeline without any dated event is a ``WriterError``: TimelineJS shows only an error for it.
- ``unique_id`` is the event id. Output is deterministic: slides are sorted chronologically, then by
  kind, title and id, and the JSON is written with a fixed layout.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from html import escape
from typing import Any

from ..errors import WriterError
from ..model import Document, Event, EventKind, Granularity, Timeline, TimeSpan
from .dates import iso_end, iso_start, when_label, zone
from .html import dated_events, event_details_html, summary, undated_events, undated_html
from .titles import display_title

#: The group (row of the navigation band) of each event kind.
GROUPS: Mapping[EventKind, str] = {
    EventKind.PUBLICATION: "Publication",
    EventKind.OCCURRENCE: "Happened",
    EventKind.SCHEDULED: "Scheduled",
    EventKind.DEADLINE: "Deadlines",
    EventKind.PERIOD: "Periods",
    EventKind.VAGUE: "Approximate",
}

_DAY_PARTS = (Granularity.DAY, Granularity.WEEK)
_MONTH_PARTS = (Granularity.MONTH, Granularity.QUARTER, Granularity.HALF, Granularity.SEASON)


def render(timeline: Timeline) -> bytes:
    """Serialize ``timeline`` as TimelineJS3 JSON (UTF-8, two-space indent, trailing newline)."""
    text = json.dumps(to_timelinejs(timeline), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS3 JSON object of ``timeline``: ``{"title": slide, "events": [slide], "scale"}``.

    Raises ``WriterError`` when no event has a date: TimelineJS refuses a timeline without a slide.
    """
    documents = {doc.id: doc for doc in timeline.documents}
    dated = dated_events(timeline.events, timeline.documents)
    if not dated:
        # TimelineJS shows only "Timeline configuration has no events" for a title slide alone.
        raise WriterError(f"{timeline.name}: no dated event, and TimelineJS cannot show a timeline without one")
    return {
        "title": _title_slide(timeline, undated_events(timeline.events, timeline.documents)),
        "events": [event_slide(event, documents) for event in dated],
        "scale": "human",
    }


def event_slide(event: Event, documents: Mapping[str, Document] | None = None) -> dict[str, Any]:
    """The slide of one dated event (``event.span`` must not be None)."""
    span = event.span
    if span is None:
        raise ValueError(f"event {event.id} has no span: it cannot be a TimelineJS slide")
    slide: dict[str, Any] = {"start_date": date_parts(span.start, span)}
    if is_range(span):
        slide["end_date"] = date_parts(span.end, span)
    slide["text"] = {"headline": escape(headline(event)), "text": event_details_html(event, documents or {})}
    slide["display_date"] = when_label(event)
    slide["group"] = GROUPS[event.kind]
    slide["unique_id"] = event.id
    return slide


def headline(event: Event) -> str:
    """The slide headline (plain text): the title, with "Deadline: " before a deadline's unless it
    already reads as one ("Target: ...": `titles.display_title`, the same title the calendar shows)."""
    return display_title(event)


def is_range(span: TimeSpan) -> bool:
    """True when ``span`` covers more than one unit of its granularity (Sept 20-22, 2019-2021, 15:00-17:00)."""
    return iso_start(span) != iso_end(span)


def date_parts(value: dt.date, span: TimeSpan) -> dict[str, int]:
    """TimelineJS date of ``value`` (a bound of ``span``): integer parts down to the span's granularity.

    Times are the wall-clock time in the span's zone (TimelineJS has no time zones; ``display_date``
    names the zone).
    """
    if isinstance(value, dt.datetime):
        info = zone(span.tz)
        local = value.astimezone(info) if info is not None and value.tzinfo is not None else value
        parts = {"year": local.year, "month": local.month, "day": local.day,
                 "hour": local.hour, "minute": local.minute}
        if local.second:
            parts["second"] = local.second
        return parts
    if span.granularity in _DAY_PARTS:
        return {"year": value.year, "month": value.month, "day": value.day}
    if span.granularity in _MONTH_PARTS:
        return {"year": value.year, "month": value.month}
    return {"year": value.year}


def _title_slide(timeline: Timeline, undated: list[Event]) -> dict[str, Any]:
    parts = [f"<p>{escape(summary(timeline))}</p>"]
    if undated:
        items = "".join(f"<li>{undated_html(event)}</li>" for event in undated)
        parts.append(f"<p>Without a date:</p><ul>{items}</ul>")
    return {"text": {"headline": escape(timeline.name), "text": "".join(parts)}}
