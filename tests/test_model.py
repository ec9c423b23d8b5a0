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
