"""Calendar arithmetic: spans from values, shifts from the time in focus, periods from durations."""
import datetime as dt

import pytest

from timeline.events.spans import duration_days, ending_at, shift, value_span

D = dt.date


@pytest.mark.parametrize("value, first, last", [
    ("2023-09-20", D(2023, 9, 20), D(2023, 9, 20)),
    ("2023-09", D(2023, 9, 1), D(2023, 9, 30)),
    ("2025", D(2025, 1, 1), D(2025, 12, 31)),
    ("2023-W38", D(2023, 9, 18), D(2023, 9, 24)),
    ("1989-Q3", D(1989, 7, 1), D(1989, 9, 30)),
    ("1998-SU", D(1998, 6, 1), D(1998, 8, 31)),
    ("199", D(1990, 1, 1), D(1999, 12, 31)),
    ("2023-09-20T15:00", D(2023, 9, 20), D(2023, 9, 20)),
])
def test_value_span(value, first, last):
    span = value_span(value)
    assert (span.first_day, span.last_day) == (first, last)


@pytest.mark.parametrize("value", ["PAST_REF", "P3D", "XXXX-12-25", "2023-13", "2023-02-30"])
def test_value_span_none(value):
    assert value_span(value) is None


@pytest.mark.parametrize("focus, n, unit, counted, expected", [
    ("2023-09-22", 1, "day", False, "2023-09-23"),  # the next day
    ("2023-09-20", 7, "day", True, "2023-09-27"),  # seven days later
    ("2023-09-22", 1, "week", True, "2023-09-29"),  # a week later
    ("1989-Q3", -1, "year", True, "1988-Q3"),  # a year earlier, than a quarter
    ("1989-10-27", -1, "year", True, "1988"),  # a year earlier, than a day
    ("2019", 2, "year", True, "2021"),  # two years later
    ("2023-09", 1, "month", False, "2023-10"),  # the following month
    ("2024-01", 1, "day", False, "2024-01"),  # the next day after "later that month": a day of that month
    ("2019", 1, "month", False, "2019"),  # the following month after "in 2019": a month of that year
])
def test_shift(focus, n, unit, counted, expected):
    assert shift(value_span(focus), n, unit, counted).timex == expected


def test_next_day_after_a_range_follows_its_last_day():
    first, last = value_span("2023-09-20"), value_span("2023-09-22")
    from timeline.events.spans import between

    assert shift(between(first.first_day, last.last_day), 1, "day", False).timex == "2023-09-23"


def test_durations():
    assert duration_days("P3D") == 3 and duration_days("P2W") == 14 and duration_days("P3Y") is None
    span = ending_at(D(2023, 9, 27), "P3Y")
    assert (span.first_day, span.last_day) == (D(2020, 9, 28), D(2023, 9, 27))
    assert ending_at(D(2023, 9, 27), "PXY") is None


def test_values_mean_what_the_tagger_means():
    """One reading of TIMEX3 values: a winter the events layer shifts to is the tagger's winter."""
    from timeline.extract.resolve import span_of

    for value in ("1994-WI", "1994-SU", "1994-Q3", "1994-W07", "1994-W07-WE", "199", "1994-05-02"):
        assert value_span(value) == span_of(value), value
    earlier = shift(value_span("1994-WI"), -1, "year", True)
    assert (earlier.timex, earlier.first_day, earlier.last_day) == ("1993-WI", dt.date(1992, 12, 1),
                                                                    dt.date(1993, 2, 28))
    assert value_span("1994-05-02T15:00") == value_span("1994-05-02")
