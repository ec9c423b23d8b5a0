"""A Markdown chronology (CommonMark) of a timeline, for people to read.

    # <timeline name>
    ## 2023                                  <- dated events by year of their first day, in date order
    - **20-22 September 2023**: Second World Metaverse Conference (Anting Town, Jiading District)
      > “The second World Metaverse Conference was held …” (world-metaverse-conference-anting)
    ## Deadlines and targets                 <- deadlines, by due day: "- **By 2025**: …"
    ## Undated references                    <- vague events ("in recent years"), in order of the text
    ## Sources                               <- the documents the quotes come from

Titles, locations and quotes are text, never markup: Markdown metacharacters are backslash-escaped and
line breaks become spaces, so nothing in an article can start a heading, a list, a link or emphasis.
"""
from __future__ import annotations

import re
from ..model import Event, EventKind, Timeline
from .dates import chronological, day_label, sort_key, text_order, when_label
from .quotes import quoted

DEADLINES = "Deadlines and targets"
UNDATED = "Undated references"
SOURCES = "Sources"
NO_EVENTS = "No events."
# Labels of vague TIMEX3 values when the event has no mention text to quote.
VAGUE_LABELS = {"PAST_REF": "In the past", "PRESENT_REF": "Now", "FUTURE_REF": "In the future"}

# Characters that are markup anywhere in a line (CommonMark inline syntax, GFM tables and strikethrough).
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What starts a block at the beginning of a line: list markers, ordered list numbers, headings, quotes,
# setext underlines, thematic breaks, indented code.
_BLOCK_START = re.compile(r"^(\d+(?=[.)])|(?=[-+=]))(.)")


def render(timeline: Timeline) -> bytes:
    """Serialize ``timeline`` as a Markdown chronology (UTF-8, LF line ends, one trailing newline)."""
    lines = [f"# {escape(timeline.name)}"]
    told = text_order(timeline.documents)
    dated = chronological(
        (e for e in timeline.events if e.span is not None and e.kind not in (EventKind.DEADLINE, EventKind.VAGUE)),
        timeline.documents,
    )
    deadlines = sorted(
        (e for e in timeline.events if e.span is not None and e.kind is EventKind.DEADLINE),
        key=lambda e: (e.span.last_day, sort_key(e.span), told(e)),
    )
    undated = sorted((e for e in timeline.events if e.span is None or e.kind is EventKind.VAGUE), key=told)
    year = None
    for event in dated:
        if event.span.first_day.year != year:
            year = event.span.first_day.year
            lines += ["", f"## {year}", ""]
        lines += item(when_label(event), event)
    _section(lines, DEADLINES, deadlines, when_label)
    _section(lines, UNDATED, undated, undated_label)
    if not timeline.events:
        lines += ["", NO_EVENTS]
    if timeline.documents:
        lines += ["", f"## {SOURCES}", ""]
        for doc in timeline.documents:
            lines.append(f"- {_document_line(doc)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _section(lines: list[str], title: str, events: list[Event], label) -> None:
    if events:
        lines += ["", f"## {title}", ""]
        for event in events:
            lines += item(label(event), event)


def undated_label(event: Event) -> str:
    """The label of an undated event: what the text said ("In recent years"), else its TIMEX3 value."""
    if event.mentions:
        text = " ".join(event.mentions[0].text.split())
        return text[:1].upper() + text[1:]
    return VAGUE_LABELS.get(event.timex, event.timex)


def item(label: str, event: Event) -> list[str]:
    """The list item of one event: bold date label, title, location, then its quoted sources."""
    head = f"- **{escape(label)}**: {escape(event.title)}"
    if event.location:
        head += f" ({escape(event.location)})"
    lines = [head]
    for i, source in enumerate(event.sources):
        if i:
            lines.append("  >")
        lines.append(f"  > {escape(quoted(source.quote))} ({escape(source.document_id)})")
    return lines


def _document_line(doc) -> str:
    parts = [f"{escape(doc.id)}:"]
    if doc.title:
        parts.append(f"*{escape(doc.title)}*")
    if doc.published:
        parts.append(f"({day_label(doc.published)})")
    where = doc.url or doc.source
    if where:
        parts.append(escape(where))
    return " ".join(parts)


def escape(text: str) -> str:
    """``text`` as literal Markdown: one line, metacharacters backslash-escaped, no block marker at its start."""
    flat = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", flat)
    # "- x" -> "\- x", "1. x" -> "1\. x": a leading list, quote or heading marker stays text.
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)
