"""Publication dates from header strings: dateutil's parser, used strictly.

Strict means: no fuzzy skipping of unknown words, and the string must state a year, a month and a day.
Nothing is filled in from today's date (dateutil fills missing fields from ``default``; we parse with two
different defaults and reject the string when they disagree, i.e. when a field came from the default).
"""
from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as _parser

_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 2))
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MAX_LEN = 80


class DateParseError(ValueError):
    """A header date string that is not one full calendar date. The message says why."""


def parse_date(value: str) -> dt.date:
    """Parse ``value`` as one calendar date ("2023-09-22", "Sept. 22, 2023", "Friday, 22 September 2023").

    Raises ``DateParseError`` (a ``ValueError``) with a short reason for garbage, impossible dates
    ("February 30, 2023"), years past 9999 and strings that lack a year, month or day.
    """
    text = value.strip()
    if not text:
        raise DateParseError("empty date")
    if len(text) > _MAX_LEN:
        raise DateParseError(f"not a date: {_show(text)}")
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError as exc:
            raise DateParseError(f"impossible date {text!r}: {exc}") from None
    if not any(ch.isdigit() for ch in text):
        raise DateParseError(f"not a date: {_show(text)}")
    results = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results.append(_parser.parse(text, default=default, fuzzy=False))
        except _parser.ParserError as exc:
            reason = str(exc).split(":", 1)[0]
            if reason.startswith("Unknown string format") or reason.startswith("String does not contain"):
                raise DateParseError(f"not a date: {_show(text)}") from None
            raise DateParseError(f"impossible date {text!r}: {reason}") from None
        except (ValueError, OverflowError, TypeError) as exc:
            raise DateParseError(f"impossible date {text!r}: {exc}") from None
        except ArithmeticError:  # dateutil's decimal seconds: "2-3H80202061505555..." -> DivisionImpossible
            raise DateParseError(f"not a date: {_show(text)}") from None
    first, second = results
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise DateParseError(f"not a full date (year, month and day) {text!r}")
    return first.date()


def _show(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
