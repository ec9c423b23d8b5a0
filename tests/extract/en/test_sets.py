"""Recurring times."""
from ..helpers import DCT, assert_one, table

CASES = [
    ("They meet every Monday.", DCT, ("every Monday", "XXXX-WXX-1"), "every weekday"),
    ("It is paid annually.", DCT, ("annually", "P1Y"), "adverb"),
    ("It is published daily.", DCT, ("daily", "P1D"), "daily"),
    ("They meet twice a week.", DCT, ("twice a week", "P1W"), "frequency"),
    ("They meet each month.", DCT, ("each month", "P1M"), "each unit"),
]


@table(CASES)
def test_sets(text, dct, expected, note):
    assert_one(text, dct, expected, note)
