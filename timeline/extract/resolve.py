"""Anchor arithmetic: the closed set of operations a rule can name, and TIMEX3 value -> calendar span.

Each operation takes the groups a rule matched, the rule's ``args`` and a :class:`Scope` (the
document's anchor, the date in focus, the tense around the mention) and returns a :class:`Resolved`
TIMEX3 type/value/mod, or None when the match is not a real date (e.g. "February 30").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple

from dateutil.easter import easter

from ..model import Granularity, TimeSpan, TimexType

# calendar units, as TIMEX3 spells them; "WE" is a weekend, "S" a season
_MONTHS_IN = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}
_TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PART_HOURS = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 24), "NI": (21, 30), "DT": (8, 18)}


# the types an operation gives, bound once: an Enum member read through its class costs ~70 ns, and
# operations run once per expression
_DATE, _TIME, _DURATION, _SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET

# what an operation read of its Scope besides the DCT and the vocab, as bits of ``Scope.reads`` (for memos)
READ_FOCUS, READ_PERIOD, READ_TENSE = 1, 2, 4
_KEEP = object()  # Scope.move_on: not passed


@dataclass
class Scope:
    """What an operation may look at: the anchor (DCT), the last mentioned date, the tense, the vocab.

    ``focus``, ``period`` and ``tense`` record each read in ``reads`` (READ_* bits), so that a memo of
    operations can key on what an operation read and nothing more."""

    dct: dt.date
    lookup: Callable[[str, str], Any]
    _focus: tuple[dt.date, str] | None = None  # read through ``focus``, set by ``move_on``
    # the period a report compares with "a year earlier": the last quarter told that is not in the
    # future, None after "the nine months" (a comparison of a span longer than a quarter); see ``period``
    _period: tuple[dt.date, str] | None = None
    # the tense read through ``tense``: a string, or a function that finds it (a search in the text,
    # refiners._Tenses.of), called on the first read
    pending_tense: str | Callable[[], str] = ""
    reads: int = 0  # READ_* bits of the reads since it was last set to 0

    @property
    def focus(self) -> tuple[dt.date, str] | None:
        """The last mentioned date and its unit (the anchor of anaphora: "the next day"), or None."""
        self.reads |= READ_FOCUS
        return self._focus

    @property
    def period(self) -> tuple[dt.date, str] | None:
        """The period a report compares with "a year earlier" (see ``_period``), or None."""
        self.reads |= READ_PERIOD
        return self._period

    def move_on(self, focus: Any = _KEEP, period: Any = _KEEP) -> None:
        """Set the focus, the period, or both (after a mention; the ones not passed stay)."""
        if focus is not _KEEP:
            self._focus = focus
        if period is not _KEEP:
            self._period = period

    @property
    def tense(self) -> str:
        """"past" or "future" when a cue says so, else ""."""
        self.reads |= READ_TENSE
        return self._tense_now()

    @tense.setter
    def tense(self, value: str | Callable[[], str]) -> None:
        self.pending_tense = value

    def _tense_now(self) -> str:
        found = self.pending_tense
        if not isinstance(found, str):
            found = self.pending_tense = found()
        return found

    def values_of(self, reads: int) -> tuple:
        """The values of what the READ_* bits ``reads`` name (None for the others), without recording a read."""
        if not reads:
            return ()
        return (self._focus if reads & READ_FOCUS else None, self._period if reads & READ_PERIOD else None,
                self._tense_now() if reads & READ_TENSE else None)

    def anchor(self, use_focus: bool) -> tuple[dt.date, str]:
        """The date (and unit) to shift from: the focus for anaphora when there is one, else the DCT."""
        if use_focus and self.focus is not None:
            return self.focus
        return self.dct, "D"


class Resolved(NamedTuple):
    """The TIMEX3 attributes an operation computed; ``unit`` is the calendar unit of a DATE/TIME.
    Immutable; a named tuple because operations build one per expression (a third of a frozen
    dataclass's cost)."""

    type: TimexType
    value: str
    mod: str | None = None
    date: dt.date | None = None
    unit: str | None = None
    dated: bool = True  # False for a time of day whose day was not stated


# ----------------------------------------------------------------- calendar --

def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clamped to the target month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    if not 1 <= y <= 9999:
        raise ValueError("year out of range")
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar units (D, W, WE, M, Q, H, S, Y, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "S":
        return add_months(d, 3 * n)
    return add_months(d, _MONTHS_IN[unit] * n)


def season_of(d: dt.date) -> tuple[int, str]:
    """The (year, season code) ``d`` falls in; December belongs to the next year's winter."""
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    return (d.year + 1 if d.month == 12 else d.year), code


def fmt(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period containing ``d``."""
    if unit == "D":
        return d.isoformat()
    if unit in ("W", "WE"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "S":
        y, code = season_of(d)
        return f"{y:04d}-{code}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


_ONE_DAY = dt.timedelta(days=1)
_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:(?P<hh>\d\d)(?::(?P<mm>\d\d))?|(?P<part>MO|MI|AF|EV|NI|DT)))?)?"
    r"|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"|(?P<de>\d{3})|(?P<ce>\d\d)"
)


def span_of(value: str, tz: dt.tzinfo | None = None) -> TimeSpan | None:
    """The calendar span of a TIMEX3 value, or None when it cannot be placed (durations, refs, X)."""
    if tz is None and len(value) == 10 and value[4] == "-" and value[7] == "-":  # a day, the commonest value
        try:
            day = dt.date.fromisoformat(value)  # a fifth of the regex's cost; the form checked above is its only one
            return TimeSpan.made(day, day + _ONE_DAY, Granularity.DAY, value)
        except (ValueError, OverflowError):
            pass  # not ASCII digits, no such day, or 9999-12-31: the general reading decides
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["ce"]:
            y = int(g["ce"]) * 100
            return TimeSpan.made(dt.date(max(y, 1), 1, 1), dt.date(y + 100, 1, 1), Granularity.CENTURY, value)
        if g["de"]:
            y = int(g["de"]) * 10
            return TimeSpan.made(dt.date(max(y, 1), 1, 1), dt.date(y + 10, 1, 1), Granularity.DECADE, value)
        y = int(g["y"])
        if g["d"]:
            day = dt.date(y, int(g["m"]), int(g["d"]))
            if g["hh"] is not None:
                start = dt.datetime(y, day.month, day.day, tzinfo=tz) + dt.timedelta(hours=int(g["hh"]),
                                                                                     minutes=int(g["mm"] or 0))
                return TimeSpan.made(start, start + dt.timedelta(hours=1), Granularity.TIME, value,
                                tz.tzname(None) if tz else None)
            if g["part"]:
                lo, hi = _PART_HOURS[g["part"]]
                base = dt.datetime(y, day.month, day.day, tzinfo=tz)
                return TimeSpan.made(base + dt.timedelta(hours=lo), base + dt.timedelta(hours=hi), Granularity.TIME,
                                value, tz.tzname(None) if tz else None)
            return TimeSpan.made(day, day + _ONE_DAY, Granularity.DAY, value)
        if g["m"]:
            start = dt.date(y, int(g["m"]), 1)
            return TimeSpan.made(start, add_months(start, 1), Granularity.MONTH, value)
        if g["w"]:
            start = dt.date.fromisocalendar(y, int(g["w"]), 6 if g["we"] else 1)
            return TimeSpan.made(start, start + dt.timedelta(days=2 if g["we"] else 7), Granularity.WEEK, value)
        if g["q"]:
            start = dt.date(y, 3 * int(g["q"]) - 2, 1)
            return TimeSpan.made(start, add_months(start, 3), Granularity.QUARTER, value)
        if g["h"]:
            start = dt.date(y, 6 * int(g["h"]) - 5, 1)
            return TimeSpan.made(start, add_months(start, 6), Granularity.HALF, value)
        if g["s"]:
            month = _SEASON_MONTH[g["s"]]
            start = dt.date(y - 1 if g["s"] == "WI" else y, month, 1)
            return TimeSpan.made(start, add_months(start, 3), Granularity.SEASON, value)
        return TimeSpan.made(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), Granularity.YEAR, value)
    except (ValueError, OverflowError):  # no such day, or a span that would end past 31 December 9999
        return None


# --------------------------------------------------------------- operations --

def _mod(g: Mapping[str, str], args: Mapping[str, Any], sc: Scope) -> str | None:
    return sc.lookup("mod", g["mod"]) if "mod" in g else args.get("mod")


def _int(sc: Scope, g: Mapping[str, str], name: str, default: Any = None) -> Any:
    return sc.lookup(name, g[name]) if name in g else default


def _year(sc: Scope, g: Mapping[str, str], args: Mapping[str, Any] = MappingProxyType({})) -> int | None:
    if "cent" in g or "cent" in args:  # spoken: "nineteen ninety-six", "two thousand and three"
        parts = [_int(sc, g, "cent", args.get("cent")), _int(sc, g, "tens", 0), _int(sc, g, "ones", 0)]
        if not all(isinstance(p, int) for p in parts):
            return None
        return parts[0] * 100 + parts[1] + parts[2]
    if "year" not in g:
        return None
    text = g["year"].lstrip("'’")
    y = sc.lookup("year", text)
    if not isinstance(y, int):
        return None
    if len(text) == 2 and "bc" not in g:  # '98: the century that puts it closest to (and not far after) the anchor
        y += (sc.dct.year // 100) * 100
        if y > sc.dct.year + 20:
            y -= 100
    return y


def _nearest_year(sc: Scope, month: int, day: int, exact_day: bool = True) -> dt.date:
    """The (month, day) in the year that the tense points to, relative to the DCT."""
    y = sc.dct.year
    day = min(day, calendar.monthrange(y, month)[1])
    cand = dt.date(y, month, day)
    # the tense is read only where it decides (reading it costs a search in the text)
    if not exact_day:  # a month: the tense decides, else the nearest one (a tie goes to the past)
        diff = month - sc.dct.month
        if diff == 0:  # the DCT's month, whatever the tense
            return cand
        if sc.tense == "future":
            return cand.replace(year=y + 1) if diff < 0 else cand
        if sc.tense == "past":
            return cand.replace(year=y - 1) if diff > 0 else cand
        if diff >= 6:
            return cand.replace(year=y - 1)
        if diff < -7:
            return cand.replace(year=y + 1)
        return cand
    return _nearest_day(sc, cand.replace)  # the day clamped in the DCT's year: "Feb. 29" has no other year


def op_date(g, args, sc: Scope) -> Resolved | None:
    """An absolute date from the groups year/month/day (any may be missing; the year then comes from the DCT);
    with a group ``weekend``, the weekend of that day ("the Labor Day weekend"); with a group ``sub``, its first
    or last day, week or month ("the last day of February", see :func:`_edge_part`)."""
    res = _date(g, args, sc)
    if "weekend" in g and res is not None and res.unit == "D":
        return _weekend_of(res)
    if "sub" in g:
        return _edge_part(res, g, sc)
    if "bc" in g and res is not None:  # "753 BC": BC0753 (TIMEX2, HeidelTime), no calendar span
        return Resolved(_DATE, "BC" + res.value, res.mod)
    return res


def _edge_part(res: Resolved | None, g: Mapping[str, str], sc: Scope) -> Resolved | None:
    """The first or last (``res.mod`` START or END, from group ``mod``) unit ``sub`` of the period ``res``: a day
    or a month is that one ("the last day of the month" = 2024-03-31, "the first month of 2022" = 2022-01); a week
    has no value inside a month, so it stays the period with its mod ("the first week of May" = 2024-05 START)."""
    sub = sc.lookup("unit", g["sub"])
    if res is None or sub not in ("D", "M") or not _coarser(res.unit, sub) or res.mod not in ("START", "END"):
        return res
    span = span_of(res.value)
    if span is None:
        return res
    d = span.start if res.mod == "START" else span.end - _ONE_DAY
    return Resolved(_DATE, fmt(d, sub), None, d, sub)


# days from a holiday to the Saturday of its weekend, by ISO weekday: a Monday holiday closes the weekend
# before it, a Thursday or Friday one opens the weekend after it, Easter Sunday ends its own
_TO_SATURDAY = {1: -2, 2: -3, 3: 3, 4: 2, 5: 1, 6: 0, 7: -1}


def _weekend_of(res: Resolved) -> Resolved:
    """The weekend a holiday ``res`` (a day) belongs to, as TIMEX3 writes a weekend (``2026-W36-WE``)."""
    saturday = res.date + dt.timedelta(days=_TO_SATURDAY[res.date.isoweekday()])
    return Resolved(_DATE, fmt(saturday, "WE"), res.mod, saturday, "WE")


def _date(g, args, sc: Scope) -> Resolved | None:
    year, month, day = _year(sc, g, args), _int(sc, g, "month", args.get("month")), _int(sc, g, "day", args.get("day"))
    if "nth" in args or "nth" in g:  # "the fourth Thursday of November": the day depends on the year
        return _nth_weekday(g, args, sc, year)
    if "easter" in args:  # "Good Friday", "Easter Monday"
        return _easter_day(g, args, sc, year)
    direction = _int(sc, g, "dir")
    if year is None and "ydir" in g:  # "January this year", "June last year"
        year = sc.dct.year + sc.lookup("dir", g["ydir"])
    if month is not None and not (isinstance(month, int) and 1 <= month <= 12):
        return None
    if day is not None and not (isinstance(day, int) and 1 <= day <= 31):
        return None
    if year is None and month is None:
        return None
    if year is None and "day" in args and "year_by" not in args and isinstance(month, int):  # "Halloween"
        year = _holiday_day(sc, lambda year: dt.date(year, month, args["day"]), direction).year
    if year is None and direction is not None:  # "last May", "next March", "this September"
        # from the DCT, or from the date in focus ("the following January": anchor = "focus")
        base = sc.anchor(args.get("anchor") == "focus")[0]
        year = base.year
        # "last February" told in March is the one a year before, as news uses it
        here = (month, day or 0) >= ((base.month, base.day) if day else (base.month - 1, 0))
        if direction < 0 and here:
            year -= 1
        elif direction > 0 and not (month, day or 0) > (base.month, base.day if day else 0):
            year += 1
    if year is None and month is not None and args.get("year_by") == "report":  # "September jobs data": the latest
        year = sc.dct.year if month <= sc.dct.month else sc.dct.year - 1      # September up to the DCT, whatever the tense
    if year is None:  # "year-end" (args.year_by = "month") takes its year as "December" would
        d = _nearest_year(sc, month, day or 1, bool(day) and args.get("year_by") != "month")
        if day and d.day != day:
            return None
        year = d.year
    try:
        d = dt.date(year, month or 1, day or 1)
    except ValueError:
        if "year" in g and "month" in g and "day" in g:
            raise ValueError(f"no day {day} in {calendar.month_name[month]} {year}") from None
        return None  # a partial date that does not fit is no date at all
    unit = args.get("gran") or ("D" if day else "M" if month else "Y")  # "the week of March 6": a week
    return Resolved(_DATE, fmt(d, unit), _mod(g, args, sc), d, unit)


def _nth_weekday(g, args, sc: Scope, year: int | None) -> Resolved | None:
    """The nth weekday of a month ("the fourth Thursday of November"), counted from ``args.from_day``
    (default 1: "the last Monday of May" is the first one from the 25th, Election Day the first Tuesday
    from the 2nd). The weekday, nth and month may be groups instead ("the first Monday of April", "the last Saturday of the
    month": group ``nth`` through ``vocab.nth``, -1 the last; group ``mdir``, a month from the DCT's: "of next
    month")."""
    weekday = _int(sc, g, "weekday", args.get("weekday"))
    nth = _int(sc, g, "nth", args.get("nth"))
    month = _int(sc, g, "month", args.get("month"))
    if "mdir" in g:  # "of the month", "of next month": the DCT's month, or the one before or after it
        first = add_months(dt.date(sc.dct.year, sc.dct.month, 1), _int(sc, g, "mdir"))
        month, year = first.month, first.year
    if not (isinstance(weekday, int) and isinstance(nth, int) and isinstance(month, int) and 1 <= month <= 12):
        return None

    def day_in(year: int) -> dt.date:
        if nth < 0:  # the last one: counted back from the month's last day
            last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
            return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
        first = dt.date(year, month, args.get("from_day", 1))
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        if day.month != month and "from_day" not in args:  # "the fifth Friday of February" (Cyber Monday may fall in December)
            raise ValueError(f"no such weekday in {calendar.month_name[month]} {year}")
        return day

    return _named_day(g, args, sc, year, day_in)


def _easter_day(g, args, sc: Scope, year: int | None) -> Resolved | None:
    """A day ``args.easter`` days from Easter Sunday (Good Friday: -2), by dateutil's Western computus."""
    def day_in(year: int) -> dt.date:
        return easter(year) + dt.timedelta(days=args["easter"])

    return _named_day(g, args, sc, year, day_in)


def _named_day(g, args, sc: Scope, year: int | None, day_in: Callable[..., dt.date]) -> Resolved:
    """The day ``day_in(year)`` of a named day (an nth weekday, a day from Easter): of the stated year, else of the
    year a direction word or the tense points to (:func:`_holiday_day`), at ``args.gran`` (default a day)."""
    d = day_in(year) if year is not None else _holiday_day(sc, day_in, _int(sc, g, "dir"))
    gran = args.get("gran", "D")
    return Resolved(_DATE, fmt(d, gran), _mod(g, args, sc), d, gran)


def _holiday_day(sc: Scope, day_in: Callable[..., dt.date], direction: int | None) -> dt.date:
    """The day ``day_in(year=...)`` that a direction word points to ("last Thanksgiving": the latest one before
    the DCT, "next Easter": the first one after it, "this Easter": this year's); with none, the one the tense
    points to ("was robbed on Memorial Day": the last one on or before the DCT, "will open on Halloween" the
    next one on or after it), else :func:`_nearest_day`."""
    d = day_in(year=sc.dct.year)
    if direction is None:
        if d > sc.dct and sc.tense == "past":
            return day_in(year=sc.dct.year - 1)
        if d < sc.dct and sc.tense == "future":
            return day_in(year=sc.dct.year + 1)
        return _nearest_day(sc, day_in)
    if direction < 0 and d >= sc.dct:
        return day_in(year=sc.dct.year - 1)
    if direction > 0 and d <= sc.dct:
        return day_in(year=sc.dct.year + 1)
    return d


def _nearest_day(sc: Scope, day_in: Callable[..., dt.date]) -> dt.date:
    """The day ``day_in(year=...)`` in the year the tense points to: a future day over a month behind is next
    year's; any other day over 90 days ahead is last year's (a past cue is too often another clause's: "said in
    an editorial on Monday, Oct. 26")."""
    cand = day_in(year=sc.dct.year)
    ahead = (cand - sc.dct).days  # below 0: before the DCT; the tense is read only where it decides
    if ahead < -31 and sc.tense == "future":
        return day_in(year=sc.dct.year + 1)
    if ahead > 90 and sc.tense != "future":
        return day_in(year=sc.dct.year - 1)
    if ahead < -300:  # "through Jan. 15" told in late November: the coming one, unless told in the past tense
        after = day_in(year=sc.dct.year + 1)
        if (after - sc.dct).days <= 60 and sc.tense != "past":
            return after
    return cand


def op_decade(g, args, sc: Scope) -> Resolved | None:
    """A decade: group ``decade`` holds its first three digits ("199" for the 1990s) or one digit ('90s)."""
    text = str(sc.lookup("decade", g["decade"])).lstrip("'’")
    if len(text) == 1:
        century = sc.dct.year // 100
        dec = century * 10 + int(text)
        if dec * 10 > sc.dct.year:
            dec -= 10
    else:
        dec = int(text)
    d = dt.date(max(dec * 10, 1), 1, 1)
    return Resolved(_DATE, f"{dec:03d}", _mod(g, args, sc), d, "DE")


def op_century(g, args, sc: Scope) -> Resolved | None:
    """A century from its ordinal (the 20th century = "19") or from its hundreds (group ``cent``: "the 1800s" =
    "18"); with a group ``bc``, before Christ, as TIMEX2 and HeidelTime write it ("the 5th century BC" = "BC04",
    no calendar span)."""
    n = int(g["cent"]) + 1 if "cent" in g else _int(sc, g, "ordinal")
    if not isinstance(n, int) or not 1 <= n <= 30:
        return None
    if "bc" in g:
        return Resolved(_DATE, f"BC{n - 1:02d}", _mod(g, args, sc))
    return Resolved(_DATE, f"{n - 1:02d}", _mod(g, args, sc), dt.date((n - 1) * 100 or 1, 1, 1), "CE")


def op_weekday(g, args, sc: Scope) -> Resolved | None:
    """A weekday placed by its direction word (last/next/this) or, failing that, by the tense."""
    wd = _int(sc, g, "weekday")
    direction = _int(sc, g, "dir", args.get("dir"))
    base = sc.focus[0] if args.get("anchor") == "focus" and sc.focus is not None else sc.dct
    delta = wd - base.isoweekday()
    if direction == -1:
        back = (base.isoweekday() - wd) % 7 or 7
        d = base - dt.timedelta(days=back)
    elif direction == 1:
        d = base + dt.timedelta(days=(wd - base.isoweekday()) % 7 or 7)
    elif direction == 0 or delta == 0:  # the base's own weekday, with no direction: that day in either tense
        d = base + dt.timedelta(days=delta)
    elif sc.tense == "future":
        d = base + dt.timedelta(days=delta % 7)
    else:
        d = base - dt.timedelta(days=(-delta) % 7)
    return _with_part(g, args, sc, d)


def _with_part(g, args, sc: Scope, d: dt.date) -> Resolved:
    part = _int(sc, g, "part")
    if part:
        return Resolved(_TIME, f"{d.isoformat()}{part}", _mod(g, args, sc), d, "D")
    return Resolved(_DATE, d.isoformat(), _mod(g, args, sc), d, "D")


_DECIMAL = re.compile(r"\d+\.\d+")  # "19.5 years"


def _count(sc: Scope, g: Mapping[str, str], args: Mapping[str, Any]) -> Any:
    n = _int(sc, g, "number", args.get("n"))
    if isinstance(n, str):
        n = n.replace(",", "")
        n = int(n) if n.isdigit() else float(n) if _DECIMAL.fullmatch(n) else "X"
    for name in ("frac", "frac_after"):  # "2 1/2 years", "a minute and a half"
        if name in g and isinstance(n, int):
            n = n + sc.lookup("frac", g[name])
    return n


def _unit(sc: Scope, g: Mapping[str, str], args: Mapping[str, Any], n: Any) -> tuple[Any, Any]:
    """The unit (group or ``args.unit``) and the count ``n`` in it: a unit word worth several units has a
    multiplier before its code in ``vocab.unit`` ("fortnight" = "2W": "a fortnight" is 2 weeks)."""
    unit = _int(sc, g, "unit", args.get("unit"))
    if isinstance(unit, str) and unit[:1].isdigit():
        code = unit.lstrip("0123456789")
        times = int(unit[: len(unit) - len(code)])
        return code, (n * times if isinstance(n, (int, float)) else n)
    return unit, n


def op_shift(g, args, sc: Scope) -> Resolved | None:
    """The DCT (or, with ``anchor = "focus"``, the last mentioned date) moved by n units, at unit granularity."""
    unit, n = _unit(sc, g, args, _int(sc, g, "rel") if "rel" in g else _count(sc, g, args))
    sign = args.get("sign", 1) * _int(sc, g, "dir", 1)
    use_focus = args.get("anchor") == "focus"
    base, base_unit = sc.anchor(use_focus)
    if "weekday" in g:  # "a week from Friday": from the coming Friday (the DCT's own weekday: that day)
        base = sc.dct + dt.timedelta(days=(_int(sc, g, "weekday") - sc.dct.isoweekday()) % 7)
    gran = "D" if args.get("days") and unit in ("D", "W") else args.get("gran", unit)  # "a week from today": a day
    if "coarsest" in args and _coarser(gran, args["coarsest"]):  # "a decade ago" is a year, not the 2000s
        gran = args["coarsest"]
    if args.get("keep") and sc.period is not None and sc.period[1] in args["keep"]:
        base, gran = sc.period
    if isinstance(n, float) and n != int(n) and unit in _SMALLER:  # "half a century ago": 50 years back
        smaller, per = _SMALLER[unit]
        unit, n = smaller, round(n * per)
    if unit in _TIME_UNITS and use_focus and sc.focus is not None and sc.focus[1] == "D":
        return Resolved(_DATE, fmt(base, "D"), _mod(g, args, sc), base, "D")  # "a few hours later": that day
    if n == "X" or not isinstance(n, (int, float)) or n != int(n):
        return Resolved(_DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", _mod(g, args, sc))
    if unit in _TIME_UNITS:  # "two hours ago": the day it happened
        return Resolved(_DATE, fmt(base, "D"), _mod(g, args, sc), base, "D")
    if unit not in _MONTHS_IN and unit not in ("D", "W", "WE", "S"):
        return None
    if unit == "WE" and n == 0 and "dir" not in g and base.isoweekday() < 6 and sc.tense != "future":
        n, sign = 1, -1  # "the weekend" told on a weekday, not in the future: the one just past
    if unit == "W" and sign * n == 0 and not use_focus and base.isoweekday() == 7 and _mod(g, args, sc) == "END" \
            and sc.tense != "past":
        n, sign = 1, 1  # "later this week" told on a Sunday, the last day of its ISO week: the week ahead
    if use_focus and sc.focus is not None and _coarser(base_unit, gran):
        gran = base_unit
    try:
        d = shift(base, unit, sign * int(n))
    except (ValueError, OverflowError):  # "10,000 years ago": off the calendar, still before now
        return Resolved(_DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", _mod(g, args, sc))
    res = Resolved(_DATE, fmt(d, gran), _mod(g, args, sc), d, gran)
    return _edge_part(res, g, sc) if "sub" in g else res  # "the last day of the month"


_ORDER = ["D", "W", "WE", "M", "Q", "S", "H", "Y", "DE", "CE"]
# a shift by a fraction of a unit, in a smaller unit (rounded): "a year and a half ago" is 18 months back
_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "H": ("M", 6), "Q": ("M", 3), "M": ("D", 30),
            "W": ("D", 7), "TH": ("TM", 60), "TM": ("TS", 60)}


def _coarser(a: str, b: str) -> bool:
    return _ORDER.index(a) > _ORDER.index(b) if a in _ORDER and b in _ORDER else False


def op_part(g, args, sc: Scope) -> Resolved | None:
    """A quarter, half or season of a year: stated, relative (last/next/this), or the latest one."""
    unit = args["unit"]
    n = _int(sc, g, "ordinal")
    if "season" in g:
        n = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[sc.lookup("season", g["season"])]
    year = _year(sc, g)
    if year is None and "year2" in g:
        year = _year(sc, {"year": g["year2"]})
    if year is None and ("ydir" in g or "ydir2" in g):  # "last year's first quarter", "the first half of next year"
        year = sc.dct.year + sc.lookup("dir", g.get("ydir") or g["ydir2"])
    months = {"Q": 3, "H": 6, "S": 3}[unit]
    if "last" in g:  # "the last quarter of 2022", "the latter half of the year"
        n = 12 // months
    direction = _int(sc, g, "dir", args.get("dir"))
    current = dt.date(sc.dct.year, sc.dct.month, 1)
    if n is None:  # "the latest quarter", "next quarter", "the quarter", "the 1988 period"
        if year is not None:  # "the 1988 period": the reported quarter in that year
            d = sc.focus[0] if sc.focus is not None and sc.focus[1] == unit else (
                sc.period[0] if sc.period is not None and sc.period[1] == unit else add_months(current, -months))
            d = d.replace(year=year)
        elif direction in (0, 1):
            d = add_months(current, months * direction)
        elif isinstance(direction, str) and sc.period is not None and sc.period[1] == unit:
            d = sc.period[0]  # "the latest period" of a report: the quarter it reports
        elif sc.focus is not None and sc.focus[1] == unit and direction is None:
            d = sc.focus[0]
        elif sc.period is not None and sc.period[1] == unit and direction is None:
            d = sc.period[0]  # "the quarter", with a day in focus: the quarter reported
        else:
            d = add_months(current, -months)
        return Resolved(_DATE, fmt(d, unit), _mod(g, args, sc), d, unit)
    if not isinstance(n, int) or not 1 <= n <= 12 // months:
        return None
    first = 3 if unit == "S" else 1
    if year is None and args.get("anchor") == "focus" and sc.focus is not None and isinstance(direction, int):
        return _part_from_focus(g, args, sc, unit, months * (n - 1) + first - 1, direction)
    y = year if year is not None else sc.dct.year
    d = add_months(dt.date(y, first, 1), months * (n - 1))
    if unit == "S" and n == 4 and year is not None:  # "the winter of 1994" is 1994-WI, not the one from December
        d = dt.date(year, 1, 1)
    if year is None and unit == "S" and n == 4:  # a winter straddles two years: which one "this year's" is
        d = _this_winter(sc, d, current, direction)
    elif year is None:
        here = fmt(d, unit) == fmt(sc.dct, unit)
        if direction == -1:
            while d > current or here:
                d, here = add_months(d, -12), False
        elif direction == 1:
            while d <= current:
                d = add_months(d, 12)
        elif direction is None and d > current and sc.tense != "future":
            d = add_months(d, -12)
    return Resolved(_DATE, fmt(d, unit), _mod(g, args, sc), d, unit)


def _part_from_focus(g, args, sc: Scope, unit: str, offset: int, direction: int) -> Resolved:
    """The quarter, half or season that starts ``offset`` months into a year, after (``direction`` 1), before (-1)
    or in the year of (0) the period in focus: "In 2000 ... By the following spring" is 2001-SP, "That summer"
    the summer of the year in focus."""
    start, focus_unit = sc.focus
    d = add_months(dt.date(start.year, 1, 1), offset)
    if direction == 1:
        end = shift(start, focus_unit, 1) if focus_unit in _MONTHS_IN or focus_unit in ("D", "W", "WE", "S") else start
        while d < end:
            d = add_months(d, 12)
    elif direction == -1:
        while d >= start:
            d = add_months(d, -12)
    return Resolved(_DATE, fmt(d, unit), _mod(g, args, sc), d, unit)


def _this_winter(sc: Scope, december: dt.date, current: dt.date, direction: int | None) -> dt.date:
    """The first month of the winter a direction word points to (``december``: the one of the DCT's year):
    "last winter" told in January is the one before the winter under way, in March the one just over;
    "this winter" is the one under way, else the one just over if told in the past tense, the coming one in
    the future tense, and with no cue the nearer of the two; "next winter" the first to start after the DCT."""
    past = december if december <= current else add_months(december, -12)  # the latest begun
    coming = add_months(past, 12)
    under_way = current < add_months(past, 3)
    if direction == -1:
        return add_months(past, -12) if under_way else past
    if direction == 1:
        return coming
    if under_way:
        return past
    if direction is None:  # "in the winter": the one just over, unless told in the future tense
        return coming if sc.tense == "future" else past
    tense = sc.tense
    if tense == "past":
        return past
    if tense == "future":
        return coming
    return past if (current - add_months(past, 3)).days <= (coming - current).days else coming


def op_duration(g, args, sc: Scope) -> Resolved | None:
    """A length of time: n (or X when not stated) units; hours/minutes/seconds go after "T"."""
    unit, n = _unit(sc, g, args, _count(sc, g, args))
    if unit is None:
        return None
    if unit == "DE":
        unit, n = "Y", (n * 10 if isinstance(n, (int, float)) else n)
    elif unit == "CE":
        unit, n = "Y", (n * 100 if isinstance(n, (int, float)) else n)
    elif unit == "Q" and isinstance(n, (int, float)):
        unit, n = "M", n * 3
    value = "P" + _amount(n, unit)
    return Resolved(_DURATION, value, _mod(g, args, sc))


# a fraction of a unit in the next smaller one: (its code, how many of it a unit holds, after "T" or not)
_FRACTION_IN = {"TH": ("M", 60, True), "TM": ("S", 60, True), "Y": ("M", 12, False), "M": ("D", 30, False),
                "D": ("H", 24, True)}


def _amount(n: Any, unit: str) -> str:
    """The ISO 8601 amount of ``n`` units: "2.5 years" is 2Y6M, "0.75 hours" T45M (no zero whole part)."""
    if isinstance(n, float) and n != int(n) and unit == "W":  # weeks and a part: in days ("2.5 weeks" 17DT12H)
        return _amount(n * 7, "D")
    if isinstance(n, float) and n != int(n) and unit in _FRACTION_IN:
        smaller, per, timed = _FRACTION_IN[unit]
        whole = f"{int(n)}{_TIME_UNITS.get(unit, unit)}" if int(n) else ""
        part = f"{round((n - int(n)) * per)}{smaller}"
        if unit in _TIME_UNITS:
            return f"T{whole}{part}"
        return f"{whole}T{part}" if timed else f"{whole}{part}"
    if unit in _TIME_UNITS:
        return f"T{_num(n)}{_TIME_UNITS[unit]}"
    return f"{_num(n)}{unit}"


def _num(n: Any) -> str:
    return str(int(n)) if isinstance(n, (int, float)) else "X"


def op_set(g, args, sc: Scope) -> Resolved | None:
    """A recurring time: a weekday ("every Monday"), a month or a day of it ("every Dec. 25"), a part of the day
    ("every morning"), a season ("every summer"), a unit ("daily" = P1D) or a fixed value."""
    if "weekday" in g:
        part = _int(sc, g, "part")
        value = f"XXXX-WXX-{_int(sc, g, 'weekday')}" + (part if part and ":" not in part else "")
    elif "month" in g:  # "each July", "every Dec. 25"
        value = f"XXXX-{_int(sc, g, 'month'):02d}" + (f"-{_int(sc, g, 'day'):02d}" if "day" in g else "")
    elif "part" in g:  # "every morning"
        value = "XXXX-XX-XX" + _int(sc, g, "part")
    elif "season" in g:  # "every summer"
        value = f"XXXX-{_int(sc, g, 'season')}"
    elif "unit" in g or "unit" in args:
        unit, n = _unit(sc, g, args, _count(sc, g, args) if "number" in g else args.get("n", 1))
        value = "P" + _amount(n, unit)  # "every other week", "every two weeks": P2W
    else:
        value = args["value"]
    return Resolved(_SET, value, args.get("mod"))


def op_ref(g, args, sc: Scope) -> Resolved | None:
    """A vague reference: PRESENT_REF, PAST_REF or FUTURE_REF."""
    return Resolved(_DATE, args["value"], _mod(g, args, sc))


# the half of the day a part of the day puts a clock time in ("10 o'clock Tuesday night"); "night" as for night
_PART_AMPM = {"TMO": "am", "TAF": "pm", "TEV": "pm", "TNI": "night"}


def _clock(g, sc: Scope) -> tuple[int, int, int] | None:
    """(hour, minute, days after the stated day) of a clock time, or None when the numbers are no time."""
    hour = sc.lookup("number", g["hour"])  # "4", "four"
    if not isinstance(hour, int):  # "a quarter to midnight": the hour of a named time
        named = sc.lookup("part", g["hour"])
        if not isinstance(named, str) or not named[1:3].isdigit():
            return None
        hour = int(named[1:3])
    minute = _int(sc, g, "minute", 0)
    if "frac" in g:  # "half past six", "a quarter to midnight"
        frac = _int(sc, g, "frac")
        if not isinstance(frac, float):
            return None
        minute = round(frac * 60)
        if "before" in g:
            hour, minute = hour - 1, 60 - minute
    if not isinstance(minute, int) or not 0 <= hour <= 24 or minute > 59:
        return None
    ampm = _int(sc, g, "ampm")
    if ampm is None and "daypart" in g:  # "at 9 tonight", "half past six in the evening"
        ampm = _PART_AMPM.get(sc.lookup("part", g["daypart"]))
    later = 0
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    elif ampm == "night":  # 10 at night is 22:00, 12 its end (midnight); 12:30 or 2 at night the small hours after
        if hour == 12 and minute == 0:
            hour = 24
        elif hour == 12 or hour < 5:
            hour, later = hour % 12, 1
        elif hour < 12:
            hour += 12
    if hour == 24 and minute:  # "half past midnight"
        hour = 0
    return hour, minute, later


def op_time(g, args, sc: Scope) -> Resolved | None:
    """A time of day (hour, minute, am/pm, or a named time like noon), on a stated or implied day."""
    named = _int(sc, g, "part")  # named times: "T12:00" (noon), "TMO" (morning)
    later = 0
    if named is not None:
        hour, minute, part = None, 0, named
    else:
        clock = _clock(g, sc) if "hour" in g else None
        if clock is None:
            return None
        (hour, minute, later), part = clock, None
    dated = True
    rel = _int(sc, g, "rel", args.get("rel"))
    if rel is None and "daypart" in g:  # "at 9 tonight"
        rel = sc.lookup("rel", g["daypart"])
        if not isinstance(rel, int):
            rel = None
    if "weekday" in g:
        wd = op_weekday({"weekday": g["weekday"], **({"dir": g["dir"]} if "dir" in g else {})}, {}, sc)
        d = wd.date
    elif "month" in g:
        r = op_date({k: g[k] for k in ("year", "month", "day") if k in g}, {}, sc)
        if r is None:
            return None
        d = r.date
    elif rel is not None:  # today, yesterday, tomorrow, last (night); overnight: before the day in focus
        base = sc.dct
        if args.get("anchor") == "focus" and sc.focus is not None and sc.focus[1] == "D":
            base = sc.focus[0]
        elif "future_rel" in args and sc.tense == "future":  # "will close the road overnight": tonight
            rel = args["future_rel"]
        d = base + dt.timedelta(days=rel)
    else:  # no day stated: the day in focus (narrative), else the DCT
        d, dated = (sc.focus[0] if sc.focus is not None and sc.focus[1] == "D" else sc.dct), False
    if later:
        d += dt.timedelta(days=later)
    tail = part if hour is None else f"T{hour:02d}:{minute:02d}"
    return Resolved(_TIME, d.isoformat() + tail, _mod(g, args, sc), d, "D", dated)


# the operations whose result depends on the tense around the expression
TENSED = frozenset({"date", "weekday", "part", "time", "shift"})

OPERATIONS: dict[str, Callable[..., Resolved | None]] = {
    "date": op_date,
    "decade": op_decade,
    "century": op_century,
    "weekday": op_weekday,
    "shift": op_shift,
    "part": op_part,
    "duration": op_duration,
    "set": op_set,
    "ref": op_ref,
    "time": op_time,
}

# The ``args`` each operation reads from a rule: (required, optional). The loader rejects a rule whose
# args are not among them, so a misspelt argument fails at load time, naming the file and the rule.
ARGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "date": (frozenset(), frozenset({"month", "day", "gran", "cent", "weekday", "nth", "from_day", "easter", "mod",
                                     "year_by", "anchor"})),
    "decade": (frozenset(), frozenset({"mod"})),
    "century": (frozenset(), frozenset({"mod"})),
    "weekday": (frozenset(), frozenset({"dir", "anchor", "mod"})),
    "shift": (frozenset(), frozenset({"unit", "n", "sign", "anchor", "gran", "coarsest", "keep", "mod", "days"})),
    "part": (frozenset({"unit"}), frozenset({"dir", "mod", "anchor"})),
    "duration": (frozenset(), frozenset({"unit", "n", "report", "mod"})),
    "set": (frozenset(), frozenset({"unit", "n", "value", "mod"})),
    "ref": (frozenset({"value"}), frozenset({"mod"})),
    "time": (frozenset(), frozenset({"rel", "future_rel", "anchor", "mod"})),
}
assert ARGS.keys() == OPERATIONS.keys()
