"""Quotes as people read them: one pair of double quotes, inner double quotes turned single."""
import doctest

import pytest

from timeline.writers import quotes
from timeline.writers.quotes import quoted

CASES = [
    ("The summit ended Friday.", "“The summit ended Friday.”", "plain sentence"),
    ("“We will return,” she said.", "“‘We will return,’ she said.”", "a sentence that opens with a quotation"),
    ("He called it “a disaster” on Monday.", "“He called it ‘a disaster’ on Monday.”", "a quotation inside"),
    ("Anting’s base opened.", "“Anting’s base opened.”", "apostrophes stay"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text,expected,note", CASES, ids=[c[2] for c in CASES])
def test_quoted(text, expected, note):
    assert quoted(text) == expected


def test_doctests():
    assert doctest.testmod(quotes).failed == 0
