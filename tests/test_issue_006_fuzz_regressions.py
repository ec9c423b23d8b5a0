"""Issue 6: inputs the fuzzer (bench/fuzz.py) found crashing the tagger, kept as regressions."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import tag

CASES = [
    ("the ß on May 5", "a letter whose upper case is two letters ('SS') after a trigger word"),
    ("1ﬀ and ŉ, ǰ: the ﬁrst", "ligatures and letters that grow when upper-cased"),
    ("the İstanbul talks ended Friday", "a letter whose lower case is two code points"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text,note", CASES, ids=[c[1] for c in CASES])
def test_tagger_survives_and_offsets_hold(text, note):
    tagging = tag(text, dt.date(2020, 1, 1))
    for m in tagging.mentions:
        assert text[m.start:m.end] == m.text


def test_time_range_with_a_zone_at_one_end_shares_it():
    """'THIS MORNING-5 p.m. EST' once compared a naive with an aware time and raised TypeError."""
    tagging = tag("Trading runs THIS MORNING-5 p.m. EST, officials said.", dt.date(1998, 8, 17))
    assert [m.text for m in tagging.mentions] == ["THIS MORNING", "5 p.m. EST"]
    (joined,) = tagging.ranges
    assert joined.span.start.tzinfo is not None and joined.span.end.tzinfo is not None
    assert joined.span.start.utcoffset() == joined.span.end.utcoffset() == dt.timedelta(hours=-5)


def test_the_last_day_of_the_calendar_is_a_value_without_a_span():
    """'year end.' published in August 9999 is 9999-12-31, whose span would end in year 10000 (OverflowError)."""
    (mention,) = tag("year end.", dt.date(9999, 8, 26)).mentions
    assert (mention.value, mention.span) == ("9999-12-31", None)
