"""A letter that IGNORECASE matches but str.lower does not give ("ı" for "i", "ſ" for "s", "İ" for "I") must
not break a value: the patterns match the word, so the vocab lookups must read it as that word too (these
raised TypeError before: a lookup missed and returned the text)."""
import datetime as dt

import pytest

from timeline.extract import tag

DCT = dt.date(2000, 1, 5)


@pytest.mark.parametrize("folded, plain", [
    ("Sales rose in the fourth quarter of laſt year.", "Sales rose in the fourth quarter of last year."),
    ("the year-earlıer fourth quarter", "the year-earlier fourth quarter"),
    ("It closed on Friday, March 15, down from the previous Frıday", "It closed on Friday, March 15, down from the previous Friday"),
    ("a week earlıer", "a week earlier"),
    ("10 p.m. Wedneſday", "10 p.m. Wednesday"),
    ("midnight Frıday", "midnight Friday"),
    ("mid-afternoon yeſterday", "mid-afternoon yesterday"),
    ("Sales rose two years earlıer.", "Sales rose two years earlier."),
])
def test_a_folded_letter_reads_as_the_letter(folded, plain):
    assert [m.value for m in tag(folded, DCT).mentions] == [m.value for m in tag(plain, DCT).mentions]
