"""Quarters, halves and seasons."""
import datetime as dt

from ..helpers import assert_one, table

D89 = dt.date(1989, 10, 26)
CASES = [
    ("Profit rose in the third quarter.", D89, ("the third quarter", "1989-Q3"), "the Nth quarter"),
    ("Its third-quarter profit rose.", D89, ("third-quarter", "1989-Q3"), "adjective"),
    ("Profit rose in the latest quarter.", D89, ("the latest quarter", "1989-Q3"), "latest = last complete"),
    ("Profit rose in the first half.", D89, ("the first half", "1989-H1"), "half"),
    ("Sales rose in the fourth quarter of 1988.", D89, ("the fourth quarter of 1988", "1988-Q4"), "quarter of year"),
    ("Sales rose this summer.", D89, ("this summer", "1989-SU"), "this season"),
    ("Revenue rose in Q3 2023.", D89, ("Q3 2023", "2023-Q3"), "quarter code"),
    ("Revenue rose in H1 2024.", D89, ("H1 2024", "2024-H1"), "half code"),
]


@table(CASES)
def test_parts(text, dct, expected, note):
    assert_one(text, dct, expected, note)
