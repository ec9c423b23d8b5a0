"""Named days: fixed, nth weekday of a month, counted from Easter; and the words that only look like them."""
import datetime as dt

from ..helpers import DCT, table

CASES = [
    ("Churches were full on Good Friday.", DCT, [("Good Friday", "2013-03-29")], "Easter 2013 was March 31"),
    ("Easter Monday 2000 was quiet.", DCT, [("Easter Monday 2000", "2000-04-24")], "a day after Easter, with a year"),
    ("Protesters prayed as Easter week began.", DCT, [("Easter week", "2013-W13")], "the ISO week ending on Easter"),
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
    ("Markets were closed for the Easter weekend.", DCT, [("Easter weekend", "2013-W13-WE")],
     "Easter Sunday ends its own weekend"),
    ("Last Christmas, the store closed early.", dt.date(2026, 11, 25), [("Last Christmas", "2025-12-25")],
     "last + a fixed holiday: the one before the DCT"),
    ("He will return next Easter.", dt.date(2026, 11, 25), [("next Easter", "2027-03-28")],
     "next + a movable holiday: the first one after the DCT"),
    ("Sales fell last Thanksgiving.", dt.date(2026, 11, 25), [("last Thanksgiving", "2025-11-27")],
     "last + an nth-weekday holiday still ahead this year: last year's"),
]


@table(CASES)
def test_holidays(text, dct, expected, note):
    from timeline.extract import tag

    assert [(m.text, m.value) for m in tag(text, dct).mentions] == expected, note
