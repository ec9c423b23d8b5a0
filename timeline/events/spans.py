"""Calendar arithmetic on ``TimeSpan``: spans for a day/week/month/year, shifts, durations."""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ..extract.resolve import span_of
from ..model import Granularity, TimeSpan

UNIT_DELTA = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}
DURATION = re.compile(r"^P(?P<n>\d+(?:\.\d+)?)(?P<unit>[DWMY])$")
DURATION_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def day_span(day: dt.date) -> TimeSpan:
    """The span of one calendar day."""
    return TimeSpan(day, day + dt.timedelta(days=1), Granularity.DAY, day.isoformat())


def unit_span(day: dt.date, unit: str) -> TimeSpan:
    """The calendar day, ISO week, month or year containing ``day``."""
    if unit == "day":
        return day_span(day)
    if unit == "week":
        start = day - dt.timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return TimeSpan(start, start + dt.timedelta(days=7), Granularity.WEEK, f"{year}-W{week:02d}")
    if unit == "month":
        start = day.replace(day=1)
        return TimeSpan(start, start + relativedelta(months=1), Granularity.MONTH, f"{start:%Y-%m}")
    start = day.replace(month=1, day=1)
    return TimeSpan(start, start.replace(year=start.year + 1), Granularity.YEAR, f"{start.year:04d}")


def between(first: dt.date, last_inclusive: dt.date, granularity: Granularity = Granularity.DAY) -> TimeSpan:
    """A span from ``first`` through ``last_inclusive`` (both days included); days, so a time's granularity
    becomes a day's ("since 3 p.m." told days later: a period of whole days)."""
    if first == last_inclusive:
        return day_span(first)
    if granularity is Granularity.TIME:
        granularity = Granularity.DAY
    return TimeSpan(first, last_inclusive + dt.timedelta(days=1), granularity,
                    f"{first.isoformat()}/{last_inclusive.isoformat()}")


_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}
GRANULARITY_UNIT = {Granularity.DAY: "day", Granularity.TIME: "day", Granularity.WEEK: "week",
                    Granularity.MONTH: "month", Granularity.YEAR: "year"}


def shift(focus: TimeSpan, n: int, unit: str, counted: bool) -> TimeSpan:
    """The span ``n`` units after (n > 0) or before (n < 0) the span in focus.

    ``counted`` ("a week later") gives a day when the focus is a day or a range of days, the unit itself when
    it is coarser than the focus ("a year earlier" than a day is that year), else the focus's own unit
    shifted; "the next month" (not counted) gives the whole unit after the focus.
    """
    base = focus.last_day if n > 0 else focus.first_day
    own = GRANULARITY_UNIT.get(focus.granularity)
    if not counted and _FINENESS.get(own, -1) > _FINENESS.get(unit, 99):
        return focus  # "Later that month, X. The next day, Y": a day of that month, not the 1st of the next

    if counted and own is None and unit == "year" and re.fullmatch(r"\d{4}-[A-Z]{1,2}\d?", focus.timex):
        moved = value_span(f"{int(focus.timex[:4]) + n:04d}{focus.timex[4:]}")  # "a year earlier" than 1989-Q3
        if moved is not None:
            return moved
    coarser = {"month": ("day", "week"), "year": ("day", "week", "month")}.get(unit, ())
    if counted and own in coarser:  # "a year earlier" than a day names that year, as annotators read it
        return unit_span(base + UNIT_DELTA[unit](n), unit)
    if counted and own in ("day", None):
        return day_span(base + UNIT_DELTA[unit](n))
    if counted and own is not None:
        return unit_span(base + UNIT_DELTA[unit](n), own)
    return unit_span(base + UNIT_DELTA[unit](n), unit)


def duration_days(value: str) -> int | None:
    """Whole days in a TIMEX3 duration value ("P3D" -> 3, "P2W" -> 14), None when inexact or not days/weeks."""
    m = DURATION.match(value)
    if not m or "." in m.group("n") or m.group("unit") not in "DW":
        return None
    return int(m.group("n")) * (7 if m.group("unit") == "W" else 1)


def ending_at(last_inclusive: dt.date, value: str) -> TimeSpan | None:
    """The period of length ``value`` (P3Y, P6M...) that ends on ``last_inclusive``; None if inexact."""
    m = DURATION.match(value)
    if not m or "." in m.group("n"):
        return None
    start = last_inclusive + dt.timedelta(days=1) - UNIT_DELTA[DURATION_UNIT[m.group("unit")]](int(m.group("n")))
    return between(start, last_inclusive)


def starting_at(first: dt.date, value: str) -> TimeSpan | None:
    """The period of length ``value`` (P3Y, P9M...) that starts on ``first``; None if inexact."""
    m = DURATION.match(value)
    if not m or "." in m.group("n"):
        return None
    delta = UNIT_DELTA[DURATION_UNIT[m.group("unit")]](int(m.group("n")))
    return between(first, first + delta - dt.timedelta(days=1))


def length_days(span: TimeSpan) -> int:
    """The number of calendar days a span covers."""
    return (span.last_day - span.first_day).days + 1


def sort_key(span: TimeSpan | None) -> tuple:
    """A key that orders spans by start (dates and datetimes together); None sorts last."""
    if span is None:
        return (1, dt.date.max, "")
    return (0, span.first_day, span.start.isoformat() if span.is_timed else "")


def value_span(value: str) -> TimeSpan | None:
    """The calendar span of a TIMEX3 DATE/TIME value ("2023-09-20", "2023-09", "2023", "2023-W38",
    "2023-Q1", "2023-SU", "2023-09-20T15:00" as its day); None for durations, *_REF and "XXXX" values.

    The tagger's own reading of values (``resolve.span_of``), so a span the events layer derives from a
    value ("a year earlier" than "1989-WI") means what the tagger's span for that value means; a time of
    day is taken as its whole day, the unit the events layer reasons in."""
    span = span_of(value)
    if span is not None and span.is_timed:
        return day_span(span.first_day)
    return span
