"""Every format titles a deadline the same way (iCalendar SUMMARY, TimelineJS headline)."""
import doctest
from dataclasses import replace

import pytest

from timeline.model import Event, EventKind
from timeline.writers import ics, timelinejs, titles

BASE = Event("x", "", EventKind.DEADLINE, "2025", None)
CASES = [
    ("Industry scale of 100 billion yuan", "Deadline: Industry scale of 100 billion yuan", "plain target"),
    ("Target: industry scale of 100 billion yuan", "Target: industry scale of 100 billion yuan", "says target"),
    ("Tax filings due", "Tax filings due", "says due"),
    ("Targeted ads banned", "Deadline: Targeted ads banned", "'targeted' is not 'target'"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("title,expected,note", CASES, ids=[c[2] for c in CASES])
def test_formats_agree_on_deadline_titles(title, expected, note):
    event = replace(BASE, title=title)
    assert ics.summary(event) == timelinejs.headline(event) == titles.display_title(event) == expected
    occurrence = replace(event, kind=EventKind.OCCURRENCE)
    assert titles.display_title(occurrence) == title


def test_doctests():
    assert doctest.testmod(titles).failed == 0
