"""Named days: fixed, nth weekday of a month, counted from Easter; and the words that only look like them."""
import datetime as dt

from ..helpers import DCT, table

D24 = dt.date(2024, 3, 14)  # a Thursday

CASES = [
    ("Churches will be full on Good Friday.", DCT, [("Good Friday", "2013-03-29")], "Easter 2013 was March 31"),
    ("Easter Monday 2000 was quiet.", DCT, [("Easter Monday 2000", "2000-04-24")], "a day after Easter, with a year"),
    ("Protesters will pray as Easter week begins.", DCT, [("Easter week", "2013-W13")], "the ISO week ending on Easter"),
    ("The parade is on Memorial Day.", DCT, [("Memorial Day", "2013-05-27")], "the last Monday of May"),
    ("Polls open on Election Day 1998.", DCT, [("Election Day 1998", "1998-11-03")],
     "the Tuesday after the first Monday of November"),
    ("It is going to be a theme of our campaign from now to Election Day.", DCT,
     [("now", "PRESENT_REF"), ("Election Day", "2013-11-05")], "a future cue: this year's, even months ahead"),
    ("Shops close early on Christmas Eve.", DCT, [("Christmas Eve", "2012-12-24")], "the eve, not Christmas"),
    ("They will celebrate Christmas with family.", DCT, [("Christmas", "2013-12-25")],
     "future: this year's Christmas, nine months ahead"),
    ("The trial will begin Dec. 7.", DCT, [("Dec. 7", "2013-12-07")], "future: a day later this year stays this year"),
    ("He was born on the Fourth of July, 1946.", DCT, [("the Fourth of July, 1946", "1946-07-04")], "the Fourth"),
    ("The Good Friday agreement of 1998 ended the conflict.", DCT, [("1998", "1998")],
     "an accord's name is no date, and its Friday no weekday"),
    ("It was a good Friday for stocks.", DCT, [("Friday", "2013-03-22")], "a good Friday is a weekday (the DCT)"),
    ("He bought Easter eggs on Easter Island.", DCT, [], "eggs and an island"),
    ("The Easter Rising failed.", DCT, [], "an uprising's name"),
    ("Traffic was heavy over the Labor Day weekend.", DCT, [("Labor Day weekend", "2012-W35-WE")],
     "a Monday holiday's weekend is the one before it"),
    ("Stores opened over the Thanksgiving weekend.", DCT, [("Thanksgiving weekend", "2012-W47-WE")],
     "a Thursday holiday's weekend is the one after it"),
    ("Markets close for the Easter weekend.", DCT, [("Easter weekend", "2013-W13-WE")],
     "Easter Sunday ends its own weekend"),
    ("Last Christmas, the store closed early.", dt.date(2026, 11, 25), [("Last Christmas", "2025-12-25")],
     "last + a fixed holiday: the one before the DCT"),
    ("He will return next Easter.", dt.date(2026, 11, 25), [("next Easter", "2027-03-28")],
     "next + a movable holiday: the first one after the DCT"),
    ("Sales fell last Thanksgiving.", dt.date(2026, 11, 25), [("last Thanksgiving", "2025-11-27")],
     "last + an nth-weekday holiday still ahead this year: last year's"),
    ("The store was robbed on Memorial Day.", D24, [("Memorial Day", "2023-05-29")],
     "the past tense: the last one before the DCT, not the coming one"),
    ("Crowds gathered on St. Patrick's Day.", D24, [("St. Patrick's Day", "2023-03-17")],
     "the past tense: last year's, even three days ahead"),
    ("The store was robbed on Halloween.", dt.date(2024, 10, 20), [("Halloween", "2023-10-31")],
     "a fixed holiday in the past tense"),
    ("Kids will dress up for Halloween.", dt.date(2024, 10, 20), [("Halloween", "2024-10-31")],
     "the future tense: the coming one"),
    ("We will celebrate Christmas at home.", dt.date(2024, 12, 28), [("Christmas", "2025-12-25")],
     "the future tense, days after: next year's"),
    ("Fireworks lit the sky on Independence Day.", D24, [("Independence Day", "2023-07-04")], "July 4"),
    ("Kenya's Independence Day is a holiday.", D24, [], "another country's Independence Day"),
    ("Shoppers flocked to stores on Black Friday.", D24, [("Black Friday", "2023-11-24")],
     "the day after Thanksgiving, not last Friday"),
    ("Sales soared on Cyber Monday.", D24, [("Cyber Monday", "2023-11-27")], "four days after Thanksgiving"),
    ("Donations rose on Giving Tuesday.", D24, [("Giving Tuesday", "2023-11-28")], "five days after Thanksgiving"),
    ("Stores will open early on Black Friday.", D24, [("Black Friday", "2024-11-29")], "future: this year's"),
    ("Parades filled the streets on Mardi Gras.", D24, [("Mardi Gras", "2024-02-13")], "47 days before Easter"),
    ("Bakers sold pancakes on Fat Tuesday.", D24, [("Fat Tuesday", "2024-02-13")], "Mardi Gras in English"),
    ("They attended Sunday Mass.", D24, [("Sunday", "2024-03-10")], "Sunday Mass is a day"),
]


@table(CASES)
def test_holidays(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.value) for m in tag(text, dct).mentions] == expected, note
