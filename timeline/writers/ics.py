"""iCalendar (RFC 5545) export that real calendar apps import: see ../shared/docs/ics-checklist.md.

- One VCALENDAR with VERSION, PRODID, METHOD:PUBLISH, and the timeline name as X-WR-CALNAME and NAME.
- One VEVENT per event that has a calendar span; vague events (and any event without a span) are left
  out. Deadlines become an all-day event on the due day (the span's last day: "by 2025" -> 2025-12-31)
  titled "Deadline: <title>" (unless the title already says it is a deadline or target).
- All-day events: DTSTART;VALUE=DATE and an exclusive DTEND;VALUE=DATE, always written
  (Sept 20-22 -> 20230920/20230923). Coarser spans (a week, a month, a year) cover all their days.
- Timed events: with a named zone, TZID plus a VTIMEZONE (``add_missing_timezones``, zoneinfo, covering
  every timed event, one RDATE a line so that ical.js sees every daylight-saving change);
  with only a fixed UTC offset, converted to UTC; without any zone, all-day on their dates. Never floating.
- UID = ``<event id>@timeline`` (the id is a hash of what the event is), DTSTAMP = the latest publication
  date of the documents at 00:00Z (never the clock), SEQUENCE 0: the same timeline gives the same bytes.
- ``render(timeline, previous=...)``: given the bytes of an earlier export, events whose content changed
  keep their UID and get SEQUENCE = previous + 1, unchanged ones keep their SEQUENCE (see ``render``).
- DESCRIPTION holds the description, the date as people read it and the quoted source sentence(s) with
  their document id(s); CATEGORIES holds the kind; TRANSP:TRANSPARENT (news never makes anyone busy).
- icalendar writes CRLF, folds at 75 octets between UTF-8 characters and escapes TEXT values.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable

from icalendar import Calendar, Event as VEvent
from icalendar.prop import vText

from ..errors import WriterError
from ..model import Event, EventKind, Timeline
from .dates import all_day_bounds, chronological, human_label, localized, zone
from .quotes import quoted
from .titles import display_title

PRODID = "-//timeline//timeline news events//EN"
UID_DOMAIN = "timeline"
EPOCH_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
ZONE_FIRST, ZONE_LAST = dt.date(1970, 1, 1), dt.date(2038, 1, 1)  # icalendar's default VTIMEZONE range
# What a calendar shows of an event: a change in any of these raises SEQUENCE.
CONTENT_PROPERTIES = ("SUMMARY", "DTSTART", "DTEND", "LOCATION", "DESCRIPTION", "CATEGORIES")


def render(timeline: Timeline, previous: bytes | None = None) -> bytes:
    """Serialize ``timeline`` as an iCalendar file (UTF-8, CRLF) that calendar apps import.

    ``previous`` is an optional earlier export of the same timeline (the bytes of the .ics file). When
    given, an event keeps the UID it had there, and its SEQUENCE is the previous one when its content
    (summary, dates, location, description, categories) is unchanged, or the previous one plus 1 when it
    changed, so re-importing updates the event instead of duplicating it. An event is matched to the
    previous file by UID first, then (for an event whose id changed, e.g. a corrected date) by its
    SUMMARY when exactly one unmatched event on each side has it. Events not in the previous file get
    SEQUENCE 0. The output depends only on ``timeline`` and ``previous``: never on the clock.
    Raises ``WriterError`` when ``previous`` is not an iCalendar file.
    """
    cal = new_calendar(timeline.name)
    stamp = dtstamp(timeline)
    events = calendar_events(timeline)
    vevents = [vevent(event, stamp) for event in events]
    _unique_uids(vevents)
    if previous is not None:
        _carry_over(vevents, _previous_events(previous))
    for component in vevents:
        cal.add_component(component)
    cal.add_missing_timezones(*zone_range(events))
    one_rdate_per_line(cal)
    # VTIMEZONEs before the events that use them (icalendar 7 inserts them first, 6.1 appends them).
    cal.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
    return cal.to_ical(sorted=True)


def zone_range(events: Iterable[Event]) -> tuple[dt.date, dt.date]:
    """The dates a VTIMEZONE must cover: icalendar's 1970..2038, widened to every timed event (+/- a year).

    ``events`` are the calendar's (``calendar_events``): each has a span."""
    first, last = ZONE_FIRST, ZONE_LAST
    for event in events:
        if event.span.is_timed:
            first = min(first, dt.date(max(event.span.first_day.year - 1, 1), 1, 1))
            last = max(last, dt.date(min(event.span.last_day.year + 1, 9999), 12, 31))
    return first, last


def one_rdate_per_line(cal: Calendar) -> None:
    """Split every multi-valued RDATE of the VTIMEZONEs into one RDATE property per date (in place).

    ``add_missing_timezones`` writes each zone's transitions as one RDATE with a list of dates, which
    RFC 5545 allows, but ical.js (Thunderbird) reads only the first date of each RDATE property: it then
    misses every later daylight-saving change and shows summer times one hour off. One date per property
    reads the same everywhere.
    """
    for vtimezone in cal.walk("VTIMEZONE"):
        for observance in vtimezone.subcomponents:
            rdates = observance.pop("RDATE", None)
            if rdates is None:
                continue
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                for value in rdate.dts:
                    observance.add("RDATE", value.dt)


def new_calendar(name: str) -> Calendar:
    """An empty VCALENDAR: VERSION, PRODID, METHOD:PUBLISH, NAME and X-WR-CALNAME, a UID from the name."""
    cal_uid = f"{hashlib.sha1(name.encode()).hexdigest()[:16]}@{UID_DOMAIN}"
    if hasattr(Calendar, "new"):  # icalendar >= 6.2: validates and fills the required properties
        cal = Calendar.new(prodid=PRODID, method="PUBLISH", name=name, uid=cal_uid)
    else:  # icalendar 6.1
        cal = Calendar()
        cal.add("VERSION", "2.0")
        cal.add("PRODID", PRODID)
        cal.add("METHOD", "PUBLISH")
        cal.add("UID", cal_uid)
    # Google reads only X-WR-CALNAME, RFC 7986 defines NAME. icalendar keeps both as unknown values that
    # it does not escape: set them as TEXT so that a comma or a newline in the name stays in the name.
    for prop in ("NAME", "X-WR-CALNAME"):
        cal.pop(prop, None)
        cal.add(prop, vText(name))
    return cal


def calendar_events(timeline: Timeline) -> list[Event]:
    """The events that go on a calendar (not vague, with a span), in chronological order."""
    return chronological((e for e in timeline.events if e.kind is not EventKind.VAGUE and e.span is not None),
                         timeline.documents)


def dtstamp(timeline: Timeline) -> dt.datetime:
    """DTSTAMP for every event: the latest publication date at 00:00 UTC (1970-01-01 when none has one)."""
    dates = [d.published for d in timeline.documents if d.published is not None]
    if not dates:
        return EPOCH_STAMP
    latest = max(dates)
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc)


def uid(event: Event) -> str:
    """The stable UID of ``event``: its id (a hash of what it is) at ``timeline``."""
    return f"{event.id}@{UID_DOMAIN}"


def summary(event: Event) -> str:
    """The calendar title: deadlines say they are deadlines ("Deadline: ..." unless the title says so)."""
    return display_title(event)


def _when(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND values: dates for all-day events, zoned or UTC datetimes, never floating."""
    span = event.span
    assert span is not None
    if event.kind is EventKind.DEADLINE:
        due = span.last_day
        return due, due + dt.timedelta(days=1)
    if span.is_timed:
        start, end = localized(span.start, span.tz), localized(span.end, span.tz)
        if start.tzinfo is not None:
            if zone(getattr(start.tzinfo, "key", None)) is None:  # a bare offset: no VTIMEZONE can name it
                start, end = start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)
            return start, end
    return all_day_bounds(span)


def description(event: Event) -> str:
    """DESCRIPTION text: the event's description (unless it is one of the quotes), its date as people
    read it, and each quoted source sentence with its document id."""
    parts = []
    quotes = {" ".join(s.quote.split()) for s in event.sources}
    if event.description and " ".join(event.description.split()) not in quotes:  # not the quote twice
        parts.append(event.description)
    if event.span is not None:
        by = "by " if event.kind is EventKind.DEADLINE else ""
        parts.append(f"When: {by}{human_label(event.span)}")
    for source in event.sources:
        parts.append(f"{quoted(source.quote)} ({source.document_id})")
    return "\n\n".join(parts)


def vevent(event: Event, stamp: dt.datetime, sequence: int = 0) -> VEvent:
    """The VEVENT of one calendar event (see the module docstring for each property)."""
    start, end = _when(event)
    props = {
        "uid": uid(event),
        "stamp": stamp,
        "sequence": sequence,
        "start": start,
        "end": end,
        "summary": summary(event),
        "description": description(event) or None,
        "location": event.location or None,
        "categories": [event.kind.value],
    }
    if hasattr(VEvent, "new"):  # icalendar >= 6.2 checks what it is given
        return VEvent.new(**props, transparency="TRANSPARENT")
    component = VEvent()  # icalendar 6.1
    for name, prop in (("uid", "UID"), ("stamp", "DTSTAMP"), ("sequence", "SEQUENCE"), ("start", "DTSTART"),
                       ("end", "DTEND"), ("summary", "SUMMARY"), ("description", "DESCRIPTION"),
                       ("location", "LOCATION"), ("categories", "CATEGORIES")):
        if props[name] is not None:
            component.add(prop, props[name])
    component.add("TRANSP", "TRANSPARENT")
    return component


def _unique_uids(vevents: list) -> None:
    """Make UIDs unique (in place): a repeated event id gets "-2", "-3"... in calendar order.

    The event layer gives each event its own id; should two share one, node-ical and others would merge
    them into one event on import, so the copies get a suffix that is stable for the same input.
    """
    seen: Counter[str] = Counter()
    for component in vevents:
        value = str(component["UID"])
        seen[value] += 1
        if seen[value] > 1:
            local, _, domain = value.partition("@")
            component["UID"] = vText(f"{local}-{seen[value]}@{domain}")


def _fingerprint(component) -> tuple[bytes, ...]:
    """What a calendar shows of a VEVENT, as bytes, to tell whether it changed."""
    return tuple(
        component[name].to_ical() if name in component and hasattr(component[name], "to_ical") else
        repr(component.get(name)).encode()
        for name in CONTENT_PROPERTIES
    )


def _previous_events(previous: bytes) -> list:
    try:
        cal = Calendar.from_ical(previous)
    except (ValueError, IndexError, KeyError) as exc:
        raise WriterError(f"previous export is not an iCalendar file: {exc}") from exc
    if not isinstance(cal, Calendar):
        raise WriterError("previous export is not an iCalendar file")
    return [c for c in cal.walk("VEVENT") if "UID" in c]


def _carry_over(vevents: list, old: list) -> None:
    """Give ``vevents`` the UIDs and SEQUENCEs of the matching ``old`` events (in place)."""
    old_by_uid = {str(c["UID"]): c for c in old}
    matches: dict[int, object] = {}
    for i, component in enumerate(vevents):
        if str(component["UID"]) in old_by_uid:
            matches[i] = old_by_uid.pop(str(component["UID"]))
    left_new = [i for i in range(len(vevents)) if i not in matches]
    new_titles = Counter(str(vevents[i]["SUMMARY"]) for i in left_new)
    old_titles = Counter(str(c.get("SUMMARY", "")) for c in old_by_uid.values())
    for i in left_new:
        title = str(vevents[i]["SUMMARY"])
        if new_titles[title] == 1 and old_titles[title] == 1:
            matches[i] = next(c for c in old_by_uid.values() if str(c.get("SUMMARY", "")) == title)
    for i, before in matches.items():
        component = vevents[i]
        sequence = int(before.get("SEQUENCE", 0))
        if _fingerprint(component) != _fingerprint(before):
            sequence += 1
        component["UID"] = vText(str(before["UID"]))
        del component["SEQUENCE"]
        component.add("SEQUENCE", sequence)
