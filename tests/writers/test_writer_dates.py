"""ISO strings with an inclusive end and human labels, shared by every writer (timeline/writers/dates.py)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from timeline.model import Granularity as G
from timeline.model import TimeSpan
from timeline.writers.dates import all_day_bounds, human_label, iso_end, iso_start, sort_key

D = dt.date
SHANGHAI = ZoneInfo("Asia/Shanghai")


def span(start, end, granularity, timex="", tz=None):
    return TimeSpan(start, end, granularity, timex, tz)


# (span, iso_start, iso_end, human label, note)
CASES = [
    (span(D(2023, 9, 22), D(2023, 9, 23), G.DAY), "2023-09-22", "2023-09-22", "22 September 2023", "one day"),
    (span(D(2023, 9, 20), D(2023, 9, 23), G.DAY), "2023-09-20", "2023-09-22", "20-22 September 2023", "days, one month"),
    (span(D(2023, 9, 30), D(2023, 10, 3), G.DAY), "2023-09-30", "2023-10-02", "30 September - 2 October 2023", "days across months"),
    (span(D(2023, 12, 30), D(2024, 1, 3), G.DAY), "2023-12-30", "2024-01-02", "30 December 2023 - 2 January 2024", "days across years"),
    (span(D(2023, 9, 18), D(2023, 9, 25), G.WEEK), "2023-W38", "2023-W38", "Week 38, 2023", "ISO week"),
    (span(D(2024, 12, 30), D(2025, 1, 6), G.WEEK), "2025-W01", "2025-W01", "Week 1, 2025", "ISO week-year differs"),
    (span(D(2024, 3, 16), D(2024, 3, 18), G.WEEK, "2024-W11-WE"), "2024-W11", "2024-W11", "Weekend of 16-17 March 2024",
     "a weekend is its days"),
    (span(D(2023, 9, 1), D(2023, 10, 1), G.MONTH), "2023-09", "2023-09", "September 2023", "month"),
    (span(D(2023, 9, 1), D(2023, 12, 1), G.MONTH), "2023-09", "2023-11", "September-November 2023", "months"),
    (span(D(2023, 12, 1), D(2024, 3, 1), G.MONTH), "2023-12", "2024-02", "December 2023 - February 2024", "months across years"),
    (span(D(2023, 7, 1), D(2023, 10, 1), G.QUARTER), "2023-Q3", "2023-Q3", "Q3 2023", "quarter"),
    (span(D(2023, 7, 1), D(2024, 1, 1), G.QUARTER), "2023-Q3", "2023-Q4", "Q3-Q4 2023", "quarters"),
    (span(D(2023, 1, 1), D(2023, 7, 1), G.HALF), "2023-H1", "2023-H1", "H1 2023", "half"),
    (span(D(2023, 6, 1), D(2023, 9, 1), G.SEASON), "2023-SU", "2023-SU", "Summer 2023", "season"),
    (span(D(2023, 12, 1), D(2024, 3, 1), G.SEASON), "2024-WI", "2024-WI", "Winter 2023-2024",
     "winter spans years: written with its January's year, as the tagger writes it"),
    (span(D(2025, 1, 1), D(2026, 1, 1), G.YEAR, "2025"), "2025", "2025", "2025", "year stays a year"),
    (span(D(2019, 1, 1), D(2022, 1, 1), G.YEAR), "2019", "2021", "2019-2021", "years"),
    (span(D(2020, 1, 1), D(2030, 1, 1), G.DECADE), "202", "202", "2020s", "decade"),
    (span(D(1900, 1, 1), D(2000, 1, 1), G.CENTURY), "19", "19", "20th century", "century"),
    (
        span(dt.datetime(2023, 9, 22, 15, tzinfo=SHANGHAI), dt.datetime(2023, 9, 22, 15, 1, tzinfo=SHANGHAI), G.TIME, tz="Asia/Shanghai"),
        "2023-09-22T15:00+08:00", "2023-09-22T15:00+08:00", "22 September 2023, 15:00 (Asia/Shanghai)", "clock time with zone",
    ),
    (
        span(dt.datetime(2023, 9, 22, 15), dt.datetime(2023, 9, 22, 17), G.TIME, tz="Asia/Shanghai"),
        "2023-09-22T15:00+08:00", "2023-09-22T17:00+08:00", "22 September 2023, 15:00-17:00 (Asia/Shanghai)", "naive times, named zone",
    ),
    (
        span(dt.datetime(2023, 9, 22, 15), dt.datetime(2023, 9, 22, 15, 1), G.TIME),
        "2023-09-22T15:00", "2023-09-22T15:00", "22 September 2023, 15:00", "no zone: no offset",
    ),
    (
        span(dt.datetime(2023, 9, 22, 23, tzinfo=dt.timezone.utc), dt.datetime(2023, 9, 23, 1, tzinfo=dt.timezone.utc), G.TIME),
        "2023-09-22T23:00Z", "2023-09-23T01:00Z", "22 September 2023, 23:00 - 23 September 2023, 01:00 (UTC)", "UTC, over midnight",
    ),
]


def test_cases_are_unique():
    notes = [c[-1] for c in CASES]
    assert len(notes) == len(set(notes))


@pytest.mark.parametrize("value, start, end, label, note", CASES, ids=[c[-1] for c in CASES])
def test_iso_and_label(value, start, end, label, note):
    assert iso_start(value) == start
    assert iso_end(value) == end
    assert human_label(value) == label


def test_all_day_bounds_are_exclusive():
    assert all_day_bounds(span(D(2023, 9, 20), D(2023, 9, 23), G.DAY)) == (D(2023, 9, 20), D(2023, 9, 23))
    timed = span(dt.datetime(2023, 9, 22, 15), dt.datetime(2023, 9, 22, 16), G.TIME)
    assert all_day_bounds(timed) == (D(2023, 9, 22), D(2023, 9, 23))


def test_sort_key_mixes_dates_and_times():
    day = span(D(2023, 9, 22), D(2023, 9, 23), G.DAY)
    timed = span(dt.datetime(2023, 9, 22, 15, tzinfo=SHANGHAI), dt.datetime(2023, 9, 22, 16, tzinfo=SHANGHAI), G.TIME)
    year = span(D(2023, 1, 1), D(2024, 1, 1), G.YEAR)
    assert sorted([timed, day, year], key=sort_key) == [year, day, timed]
