"""The model's fast constructor builds the same immutable objects as the dataclass's own."""
import dataclasses
import datetime as dt

import pytest

from timeline.model import Granularity, Mention, TimeSpan, TimexType

SPAN = TimeSpan(dt.date(2023, 9, 20), dt.date(2023, 9, 21), Granularity.DAY, "2023-09-20")


@pytest.mark.parametrize("args", [
    ("Sept. 20", 4, 12, "en.date.month_day", TimexType.DATE, "2023-09-20", SPAN, None),
    ("about two weeks", 0, 15, "en.dur.count", TimexType.DURATION, "P2W", None, "APPROX"),
])
def test_made_is_the_mention_init_builds(args):
    made, built = Mention.made(*args), Mention(*args)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.replace(made, value="X") == dataclasses.replace(built, value="X")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = "2023-09-21"


def test_made_takes_the_defaults():
    assert Mention.made("1998", 0, 4, "r", TimexType.DATE, "1998") == Mention("1998", 0, 4, "r", TimexType.DATE, "1998")


@pytest.mark.parametrize("args", [
    (dt.date(2023, 9, 20), dt.date(2023, 9, 21), Granularity.DAY, "2023-09-20"),
    (dt.datetime(2023, 9, 20, 15), dt.datetime(2023, 9, 20, 16), Granularity.TIME, "2023-09-20T15:00", "EST"),
])
def test_timespan_made_is_the_span_init_builds(args):
    made, built = TimeSpan.made(*args), TimeSpan(*args)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.timex = "2023"


def test_timespan_made_refuses_an_empty_span_as_init_does():
    day = dt.date(2023, 9, 20)
    for build in (TimeSpan, TimeSpan.made):
        with pytest.raises(ValueError, match="empty span"):
            build(day, day, Granularity.DAY, "2023-09-20")
