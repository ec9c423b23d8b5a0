"""Our own versioned JSON export, described by ``timeline/schema/timeline.schema.json`` and docs/json-format.md.

Dates are ISO 8601 at each event's granularity, with an INCLUSIVE end ("2025".."2025",
"2023-09-20".."2023-09-22", "2023-W38", "2023-09-22T15:00+08:00"); vague events have null dates and
keep their TIMEX3 value ("PAST_REF"). Output is deterministic: fields in the fixed order of the format,
events in chronological order (undated ones last, ties by id), ``ensure_ascii=False``, indent 2 and a
trailing newline.
"""
from __future__ import annotations

import json
from typing import Any

from ..model import Document, Event, Mention, Source, Timeline
from ..schema import TIMELINE_SCHEMA_ID
from .dates import chronological, iso_end, iso_start

FORMAT_VERSION = "1.0"


def render(timeline: Timeline) -> bytes:
    """Serialize ``timeline`` as the JSON export (UTF-8, indent 2, trailing newline)."""
    return (json.dumps(to_dict(timeline), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_dict(timeline: Timeline) -> dict[str, Any]:
    """The JSON export of ``timeline`` as plain Python data, fields in the format's order."""
    return {
        "schema": TIMELINE_SCHEMA_ID,
        "version": FORMAT_VERSION,
        "name": timeline.name,
        "documents": [document_dict(d) for d in timeline.documents],
        "events": [event_dict(e) for e in chronological(timeline.events, timeline.documents)],
        "warnings": list(timeline.warnings),
    }


def document_dict(document: Document) -> dict[str, Any]:
    """One document: id, title, publication date (ISO day or null), source and url."""
    return {
        "id": document.id,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "source": document.source,
        "url": document.url,
    }


def event_dict(event: Event) -> dict[str, Any]:
    """One event; ``start``/``end`` are ISO 8601 at its granularity with an inclusive end, or null."""
    span = event.span
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind.value,
        "start": iso_start(span) if span else None,
        "end": iso_end(span) if span else None,
        "granularity": span.granularity.value if span else None,
        "timex": event.timex,
        "all_day": (not span.is_timed) if span else None,
        "timezone": span.tz if span and span.is_timed else None,
        "location": event.location,
        "confidence": event.confidence,
        "description": event.description,
        "sources": [source_dict(s) for s in event.sources],
        "mentions": [mention_dict(m) for m in event.mentions],
    }


def source_dict(source: Source) -> dict[str, Any]:
    """Where an event is said: document id, quoted sentence and its character offsets."""
    return {"document": source.document_id, "quote": source.quote, "start": source.start, "end": source.end}


def mention_dict(mention: Mention) -> dict[str, Any]:
    """A TIMEX3 mention: text, offsets, rule id, type, value and mod."""
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "rule": mention.rule_id,
        "type": mention.type.value,
        "value": mention.value,
        "mod": mention.mod,
    }
