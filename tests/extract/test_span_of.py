"""span_of reads a day ("YYYY-MM-DD") on a fast path; it must give what the general reading gives."""
import datetime as dt

import pytest

from timeline.extract.resolve import span_of
from timeline.model import Granularity


@pytest.mark.parametrize("value, first, last", [
    ("2023-09-20", dt.date(2023, 9, 20), dt.date(2023, 9, 21)),
    ("2024-02-29", dt.date(2024, 2, 29), dt.date(2024, 3, 1)),
    ("0001-01-01", dt.date(1, 1, 1), dt.date(1, 1, 2)),
    ("١٩٩٨-03-05", dt.date(1998, 3, 5), dt.date(1998, 3, 6)),  # Unicode digits: the general reading's \d
])
def test_a_day(value, first, last):
    span = span_of(value)
    assert (span.start, span.end, span.granularity, span.timex) == (first, last, Granularity.DAY, value)


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "0000-01-01", "9999-12-31", "2023-9-200",
                                   "2023-09-2x", "20230920--"])
def test_not_a_day(value):
    assert span_of(value) is None  # no such day, or past the calendar's end (a span must end by 9999)


def test_a_day_with_a_zone_is_read_in_that_zone():
    zone = dt.timezone(dt.timedelta(hours=-5), "EST")
    assert span_of("2023-09-20T15:00", zone).start == dt.datetime(2023, 9, 20, 15, tzinfo=zone)
    assert span_of("2023-09-20", zone).start == dt.date(2023, 9, 20)
