"""Absolute dates in the forms news uses."""
import datetime as dt

from ..helpers import DCT, assert_one, table

D23 = dt.date(2023, 9, 22)
CASES = [
    ("A hearing is set for the week of March 6.", DCT, ("the week of March 6", "2013-W10"), "the week of a day"),
    ("One person is killed. January nineteen ninety-seven.", DCT, ("January nineteen ninety-seven", "1997-01"),
     "month + spoken year"),
    ("It opened on September 22, 2023.", D23, ("September 22, 2023", "2023-09-22"), "month day, year"),
    ("It opened Sept. 22.", D23, ("Sept. 22", "2023-09-22"), "abbreviated month, no year"),
    ("It opened on 22 September 2023.", D23, ("22 September 2023", "2023-09-22"), "day month year"),
    ("Filed 2023-09-22 in court.", D23, ("2023-09-22", "2023-09-22"), "ISO"),
    ("Filed 9/22/2023 in court.", D23, ("9/22/2023", "2023-09-22"), "US slashes"),
    ("Sales rose in September 2023.", D23, ("September 2023", "2023-09"), "month year"),
    ("Sales rose in 2021.", D23, ("2021", "2021"), "year"),
    ("Prices soared in the 1990s.", D23, ("the 1990s", "199"), "decade"),
    ("It was built in the 20th century.", D23, ("the 20th century", "19"), "century"),
    ("The law was passed in June.", D23, ("June", "2023-06"), "month alone, past"),
    ("The vote is due in early December.", D23, ("early December", "2023-12"), "month with edge modifier"),
    ("The unit was sold last June.", DCT, ("last June", "2012-06"), "last + month"),
    ("Talks resumed in January this year.", DCT, ("January this year", "2013-01"), "month this year"),
    ("The rally on Thursday, April 6, drew thousands.", dt.date(2000, 4, 7), ("Thursday, April 6", "2000-04-06"),
     "weekday with date"),
    ("The plan ends in fiscal 1989.", dt.date(1989, 10, 26), ("fiscal 1989", "1989"), "fiscal year"),
    ("The vote is in May.", DCT, ("May", "2013-05"), "May after a preposition"),
    ("The Jan. 14 deadline passed.", DCT, ("Jan. 14", "2013-01-14"), "nearest year"),
    ("It happened in the '80s.", DCT, ("the '80s", "198"), "short decade"),
    ("The target is 2025.", D23, ("2025", "2025"), "bare future year"),
    ("Colonel Lee will be named commander of the fleet for a long research mission in December.", DCT,
     ("December", "2013-12"), "a future cue further back in the sentence, a participle in between"),
    ("In January, suicide bombers in the northern city killed 20 people.", dt.date(2013, 12, 10),
     ("January", "2013-01"), "a date fronting its sentence times the clause after the comma"),
    ("The chairman stepped down from his post at the bank in March.", dt.date(2013, 1, 10), ("March", "2012-03"),
     "a past verb with its particle"),
    ("The ban was extended until mid-November.", dt.date(2013, 10, 1), ("mid-November", "2013-11"),
     "extended until: ahead"),
    ("Talks continue until mid-November.", dt.date(2013, 10, 1), ("mid-November", "2013-11"), "until: ahead"),
    ("The exhibition runs through Jan. 15.", dt.date(2026, 11, 25), ("Jan. 15", "2027-01-15"),
     "no tense cue: a day weeks ahead, not ten months back"),
    ("The exhibition ran through Jan. 15.", dt.date(2026, 11, 25), ("Jan. 15", "2026-01-15"),
     "a past cue keeps it behind"),
    ("The event is on Saturday 5 December.", dt.date(2026, 11, 25), ("Saturday 5 December", "2026-12-05"),
     "weekday + day-month: one date"),
    ("Whaling boomed in the 1800s.", DCT, ("the 1800s", "18"), "a year ending in 00s: a century"),
    ("The town was founded in the early 1600s.", DCT, ("the early 1600s", "16"), "a century with an edge"),
    ("Prices soared in the 2000s.", DCT, ("the 2000s", "200"), "the 2000s stay a decade"),
    ("The temple was built in the 5th century BC.", DCT, ("the 5th century BC", "BC04"), "a century before Christ"),
    ("Rome was founded in 753 BC by twins.", DCT, ("753 BC", "BC0753"), "a year before Christ"),
    ("In 2008 Wall Street banks collapsed.", DCT, ("2008", "2008"), "a preposition before the number: a year"),
    ("Shops closed in 1998 Main Street said.", DCT, ("1998", "1998"), "a year before a street name after 'in'"),
    ("In June Apple released a phone.", DCT, ("June", "2012-06"), "a preposition before the month: a date"),
    ("It cited a 1998 Supreme Court ruling.", DCT, ("1998", "1998"), "a year before a name ending in Court"),
    ("Sales were strong in early July Nielsen said.", DCT, ("early July", "2012-07"), "an edge word: a date"),
]


@table(CASES)
def test_dates(text, dct, expected, note):
    assert_one(text, dct, expected, note)
