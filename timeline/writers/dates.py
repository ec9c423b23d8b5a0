"""Dates as writers show them: ISO 8601 at the span's granularity and human labels.

Shared by every writer (json, md, csv, timelinejs, html) so that all formats agree.

Spans in the model are half-open (``TimeSpan.end`` is exclusive). Here the edge is converted:

- ``iso_start(span)`` / ``iso_end(span)`` give ISO 8601 strings at the span's granularity with an
  INCLUSIVE end: a year "2025".."2025", a week "2023-W38", a month "2023-09", a quarter "2023-Q3",
  days "2023-09-20".."2023-09-22", a decade "202" (TIMEX3's 2020s), a century "19" (1900-1999).
- Timed spans give "2023-09-22T15:00+08:00" (the offset when the zone is known, none when the time is
  naive, "Z" for UTC). A time's end is the end instant (people read "15:00-17:00" with an exclusive
  end); a one-minute span ends where it starts.
- ``human_label(span)`` reads as people write dates: "20-22 September 2023", "22 September 2023",
  "September 2023", "2025", "Week 38, 2023", "Q3 2023", "22 September 2023, 15:00 (Asia/Shanghai)";
  ``when_label(event)`` is that label, "By 2025" for a deadline.
- ``all_day_bounds(span)`` gives the (first day, exclusive end day) a calendar shows.
- ``sort_key(span)`` orders spans chronologically (dates and times mixed); ``chronological(events)``
  orders events by it, undated events last.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from collections.abc import Callable, Iterable, Sequence

from ..model import Document, Event, EventKind, Granularity, TimeSpan

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SEASONS = {"WI": "Winter", "SP": "Spring", "SU": "Summer", "FA": "Fall"}
RANGE_SEP = " - "  # between two labels that each carry their own year ("30 December 2023 - 2 January 2024")

_ONE_MINUTE = dt.timedelta(minutes=1)


def zone(name: str | None) -> dt.tzinfo | None:
    """The ``zoneinfo`` zone named ``name`` (None when unnamed or unknown to the tz database)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def localized(value: dt.datetime, tz: str | None) -> dt.datetime:
    """``value`` made aware in zone ``tz`` when it is naive and the zone is known; else unchanged."""
    if value.tzinfo is None:
        info = zone(tz)
        if info is not None:
            return value.replace(tzinfo=info)
    return value


def _season(day: dt.date) -> tuple[int, str]:
    """(TIMEX3 year, season code) of ``day``: meteorological seasons, a winter (December to February) written with
    the year of its January, as the tagger writes it (``extract.resolve.season_of``: "2024-WI" is Dec 2023-Feb 2024)."""
    if day.month == 12:
        return day.year + 1, "WI"
    if day.month <= 2:
        return day.year, "WI"
    return day.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[day.month - 3]


def _unit(day: dt.date, granularity: Granularity) -> tuple[str, str]:
    """(ISO 8601 / TIMEX3 value, human label) of the unit of ``granularity`` that contains ``day``:
    ("2023-W38", "Week 38, 2023"), ("2023-Q3", "Q3 2023"), ("202", "2020s")."""
    year = day.year
    if granularity in (Granularity.DAY, Granularity.TIME):
        return day.isoformat(), day_label(day)
    if granularity is Granularity.WEEK:
        week_year, week, _ = day.isocalendar()
        return f"{week_year:04d}-W{week:02d}", f"Week {week}, {week_year}"
    if granularity is Granularity.MONTH:
        return f"{year:04d}-{day.month:02d}", f"{MONTHS[day.month - 1]} {year}"
    if granularity is Granularity.QUARTER:
        quarter = (day.month - 1) // 3 + 1
        return f"{year:04d}-Q{quarter}", f"Q{quarter} {year}"
    if granularity is Granularity.HALF:
        half = 1 if day.month <= 6 else 2
        return f"{year:04d}-H{half}", f"H{half} {year}"
    if granularity is Granularity.SEASON:
        season_year, code = _season(day)
        years = f"{season_year - 1}-{season_year}" if code == "WI" else str(season_year)
        return f"{season_year:04d}-{code}", f"{SEASONS[code]} {years}"
    if granularity is Granularity.YEAR:
        return f"{year:04d}", str(year)
    if granularity is Granularity.DECADE:
        return f"{year // 10:03d}", f"{year // 10 * 10}s"
    if granularity is Granularity.CENTURY:
        return f"{year // 100:02d}", f"{_ordinal(year // 100 + 1)} century"
    raise ValueError(f"unknown granularity {granularity!r}")


def iso_time(value: dt.datetime, tz: str | None = None) -> str:
    """``value`` as "YYYY-MM-DDTHH:MM[:SS]" plus its UTC offset ("+08:00", "Z") when it is aware."""
    value = localized(value, tz)
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}"
    if value.second or value.microsecond:
        text += f":{value.second:02d}"
    return text + _offset(value)


def _offset(value: dt.datetime) -> str:
    """The UTC offset of an aware ``value`` as ISO 8601 writes it ("+08:00", "Z"); "" when naive."""
    offset = value.utcoffset()
    if offset is None:
        return ""
    if offset == dt.timedelta(0):
        return "Z"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _is_point(span: TimeSpan) -> bool:
    """True for a timed span of one minute or less (a clock time, "at 15:00")."""
    return span.is_timed and span.end - span.start <= _ONE_MINUTE


def iso_start(span: TimeSpan) -> str:
    """ISO 8601 start of ``span`` at its granularity ("2023-09-20", "2023-W38", "2025", "...T15:00+08:00")."""
    if span.is_timed:
        return iso_time(span.start, span.tz)
    return _unit(span.first_day, span.granularity)[0]


def iso_end(span: TimeSpan) -> str:
    """ISO 8601 INCLUSIVE end of ``span`` at its granularity ("2023-09-22" for Sept 20-22, "2025" for 2025).

    For timed spans: the end instant, or the start for a one-minute span.
    """
    if span.is_timed:
        return iso_start(span) if _is_point(span) else iso_time(span.end, span.tz)
    return _unit(span.last_day, span.granularity)[0]


def all_day_bounds(span: TimeSpan) -> tuple[dt.date, dt.date]:
    """(first day, day after the last day): the all-day extent of ``span`` as a calendar shows it.

    The end is exclusive, as iCalendar's DTEND;VALUE=DATE is (Sept 20-22 -> 2023-09-20, 2023-09-23).
    """
    return span.first_day, span.last_day + dt.timedelta(days=1)


def day_label(day: dt.date, *, month: bool = True, year: bool = True) -> str:
    """One day as people write it: "22 September 2023" (``month``/``year`` False leave those out)."""
    parts = [str(day.day)]
    if month:
        parts.append(MONTHS[day.month - 1])
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def _days_label(first: dt.date, last: dt.date) -> str:
    if first == last:
        return day_label(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{day_label(last)}"
    if first.year == last.year:
        return f"{day_label(first, year=False)}{RANGE_SEP}{day_label(last)}"
    return f"{day_label(first)}{RANGE_SEP}{day_label(last)}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _units_label(first: dt.date, last: dt.date, granularity: Granularity) -> str:
    start, end = _unit(first, granularity)[1], _unit(last, granularity)[1]
    if start == end:
        return start
    if granularity is Granularity.MONTH and first.year == last.year:
        return f"{MONTHS[first.month - 1]}-{end}"
    if granularity is Granularity.QUARTER and first.year == last.year:
        return f"{start.split()[0]}-{end}"
    if granularity is Granularity.YEAR:
        return f"{start}-{end}"
    return f"{start}{RANGE_SEP}{end}"


def _clock(value: dt.datetime) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _time_label(span: TimeSpan) -> str:
    start = localized(span.start, span.tz)
    end = localized(span.end, span.tz)
    if _is_point(span):
        text = f"{day_label(start.date())}, {_clock(start)}"
    elif start.date() == end.date():
        text = f"{day_label(start.date())}, {_clock(start)}-{_clock(end)}"
    else:
        text = f"{day_label(start.date())}, {_clock(start)}{RANGE_SEP}{day_label(end.date())}, {_clock(end)}"
    if span.tz:
        return f"{text} ({span.tz})"
    offset = _offset(start)
    if offset:
        return f"{text} ({'UTC' if offset == 'Z' else 'UTC' + offset})"
    return text


def human_label(span: TimeSpan) -> str:
    """How people write ``span``: "20-22 September 2023", "September 2023", "2025", "Week 38, 2023",
    "Weekend of 16-17 March 2024", "Q3 2023", "22 September 2023, 15:00 (Asia/Shanghai)". Ranges keep their shared parts once
    ("September-November 2023", "2019-2021")."""
    if span.is_timed:
        return _time_label(span)
    if span.granularity is Granularity.DAY:
        return _days_label(span.first_day, span.last_day)
    if span.timex.endswith("-WE"):  # a weekend is its two days, not its week: "Weekend of 16-17 March 2024"
        return f"Weekend of {_days_label(span.first_day, span.last_day)}"
    return _units_label(span.first_day, span.last_day, span.granularity)


def when_label(event: Event) -> str:
    """The date label of a dated event: its ``human_label``, "By ..." for a deadline (plain text)."""
    if event.span is None:
        raise ValueError(f"event {event.id} has no span")
    label = human_label(event.span)
    return f"By {label}" if event.kind is EventKind.DEADLINE else label


def sort_key(span: TimeSpan) -> tuple[dt.date, dt.time, dt.date]:
    """A chronological key for spans of any kind: (first day, local start time or 00:00, last day).

    Dates and datetimes do not compare in Python; this key does, so writers can sort mixed events.
    """
    start_time = localized(span.start, span.tz).time() if span.is_timed else dt.time.min
    return span.first_day, start_time.replace(tzinfo=None), span.last_day


def chronological(events: Iterable[Event], documents: Sequence[Document] = ()) -> list[Event]:
    """``events`` in date order (``sort_key``), undated (span None) ones last; events of the same time in the
    order the texts tell them (:func:`text_order` over ``documents``)."""
    events = list(events)
    told = text_order(documents)
    dated = sorted((e for e in events if e.span is not None), key=lambda e: (sort_key(e.span), told(e)))
    return dated + sorted((e for e in events if e.span is None), key=told)


def text_order(documents: Sequence[Document] = ()) -> Callable[[Event], tuple]:
    """A sort key: where the texts first tell an event (its first source's document, in the order of
    ``documents``, and offset), then its id."""
    position = {doc.id: i for i, doc in enumerate(documents)}

    def key(event: Event) -> tuple:
        first = event.sources[0] if event.sources else None
        if first is None:
            return (len(position), "", 0, event.id)
        return (position.get(first.document_id, len(position)), first.document_id, first.start, event.id)

    return key
