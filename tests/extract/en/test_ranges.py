"""Ranges stay two mentions and get a TimeRange that joins them."""
import datetime as dt

import pytest

from timeline.extract import tag

from ..helpers import assert_unique_texts

D23 = dt.date(2023, 9, 22)
CASES = [
    ("It was held on September 20-22.", D23, [("September 20", "2023-09-20"), ("22", "2023-09-22")],
     (dt.date(2023, 9, 20), dt.date(2023, 9, 23)), "month day-day"),
    ("It was held on 20-22 September.", D23, [("20", "2023-09-20"), ("22 September", "2023-09-22")],
     (dt.date(2023, 9, 20), dt.date(2023, 9, 23)), "day-day month"),
    ("It runs from May 3 to May 7.", D23, [("May 3", "2023-05-03"), ("May 7", "2023-05-07")],
     (dt.date(2023, 5, 3), dt.date(2023, 5, 8)), "from X to Y"),
    ("It grew between 2019 and 2021.", D23, [("2019", "2019"), ("2021", "2021")],
     (dt.date(2019, 1, 1), dt.date(2022, 1, 1)), "between X and Y"),
    ("It ran Sept. 20 to 22, 2023.", D23, [("Sept. 20", "2023-09-20"), ("22, 2023", "2023-09-22")],
     (dt.date(2023, 9, 20), dt.date(2023, 9, 23)), "year at the end"),
    ("It ran from Sept. 20 to Oct. 2, 2023.", D23, [("Sept. 20", "2023-09-20"), ("Oct. 2, 2023", "2023-10-02")],
     (dt.date(2023, 9, 20), dt.date(2023, 10, 3)), "the first end takes the year of the second"),
    ("The 2009-2010 season.", D23, [("2009", "2009"), ("2010", "2010")],
     (dt.date(2009, 1, 1), dt.date(2011, 1, 1)), "year-year"),
    ("The office is open Monday through Friday.", dt.date(2026, 11, 25),
     [("Monday", "2026-11-23"), ("Friday", "2026-11-27")], (dt.date(2026, 11, 23), dt.date(2026, 11, 28)),
     "a weekday ending a range comes after the one starting it"),
    ("The show runs from April 3 through June 30.", dt.date(2024, 3, 14),
     [("April 3", "2024-04-03"), ("June 30", "2024-06-30")], (dt.date(2024, 4, 3), dt.date(2024, 7, 1)),
     "a day ending a range comes after the one starting it, not last year"),
    ("The show runs April 3-June 30.", dt.date(2024, 3, 14),
     [("April 3", "2024-04-03"), ("June 30", "2024-06-30")], (dt.date(2024, 4, 3), dt.date(2024, 7, 1)),
     "the same with a hyphen"),
    ("The season runs from May to February.", dt.date(2024, 3, 14),
     [("May", "2024-05"), ("February", "2025-02")], (dt.date(2024, 5, 1), dt.date(2025, 3, 1)),
     "a month ending a range comes after the one starting it"),
]
assert_unique_texts(CASES)


@pytest.mark.parametrize(("text", "dct", "mentions", "span", "note"), CASES)
def test_ranges(text, dct, mentions, span, note):
    tagging = tag(text, dct)
    assert [(m.text, m.value) for m in tagging.mentions] == mentions, note
    (rng,) = tagging.ranges
    assert (rng.span.start, rng.span.end) == span, note


def test_days_joined_by_and_share_the_month():
    got = [(m.text, m.value) for m in tag("The summit will be held on April 24 and 25.", D23).mentions]
    assert got == [("April 24", "2024-04-24"), ("25", "2024-04-25")]
    assert [(m.text, m.value) for m in tag("On April 24 and 25 people came.", D23).mentions] == [
        ("April 24", "2023-04-24")], "a count after 'and' is not a day"


def test_a_day_then_a_month_is_no_range_of_days():
    got = [(m.text, m.value) for m in tag("After a small revision Friday to December's figures, it rose.",
                                          dt.date(1998, 2, 6)).mentions]
    assert got == [("Friday", "1998-02-06"), ("December", "1997-12")]


def test_and_without_between_is_a_list():
    assert tag("Votes in 2019 and 2021.", D23).ranges == ()
    # nor does "and" make the second of two weekdays follow the first
    got = [(m.text, m.value) for m in tag("Statements made Friday and Thursday.", dt.date(1998, 2, 6)).mentions]
    assert got == [("Friday", "1998-02-06"), ("Thursday", "1998-02-05")]


def test_by_the_end_of_a_year_is_a_target():
    (m,) = tag("Profits will double by the end of 2025.", D23).mentions
    assert (m.text, m.value, m.mod) == ("the end of 2025", "2025", "ON_OR_BEFORE")


def test_by_year_is_a_target():
    (m,) = tag("The target is set for 100 billion yuan by 2025.", D23).mentions
    assert (m.text, m.value, m.mod) == ("2025", "2025", "ON_OR_BEFORE")
