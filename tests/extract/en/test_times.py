"""Times of day, parts of the day and named times."""
import datetime as dt

from ..helpers import DCT, assert_one, table

CASES = [
    ("The blast came at 3 p.m. EST.", DCT, ("3 p.m. EST", "2013-03-22T15:00"), "clock with zone"),
    ("Polls close at 2000 GMT.", DCT, ("2000 GMT", "2013-03-22T20:00"), "four digits and a zone: a time, no year"),
    ("It ended at about 10:35 a.m.", DCT, ("10:35 a.m.", "2013-03-22T10:35"), "hedge outside"),
    ("Talks resume at noon.", DCT, ("noon", "2013-03-22T12:00"), "noon"),
    ("He left Friday morning.", DCT, ("Friday morning", "2013-03-22TMO"), "weekday + part of day"),
    ("They met this morning.", DCT, ("this morning", "2013-03-22TMO"), "this morning"),
    ("They met last night.", DCT, ("last night", "2013-03-21TNI"), "last night"),
    ("Stocks fell overnight.", DCT, ("overnight", "2013-03-21TNI"), "overnight, no day in focus: last night"),
    ("By mid afternoon, officials said the fighting was over.", DCT, ("mid afternoon", "2013-03-22TAF"),
     "a part of the day alone"),
    ("Dealers placed heavy orders in the morning.", DCT, ("the morning", "2013-03-22TMO"), "in the morning"),
    ("It closed at 10 p.m. Wednesday.", DCT, ("10 p.m. Wednesday", "2013-03-20T22:00"), "time + weekday"),
    ("The plane exploded at 9 a.m. on Sept. 11, 2001.", DCT, ("9 a.m. on Sept. 11, 2001", "2001-09-11T09:00"),
     "time + date with its year: the year is the date's, not the DCT's"),
    ("It hit at 8:46 a.m. on Tuesday, Sept. 11, 2001.", DCT,
     ("8:46 a.m. on Tuesday, Sept. 11, 2001", "2001-09-11T08:46"), "time + weekday, date and year"),
]


@table(CASES)
def test_times(text, dct, expected, note):
    assert_one(text, dct, expected, note)


def test_time_takes_the_day_next_to_it():
    from timeline.extract import tag

    mentions = tag("The blast occurred at 10:35 a.m. (0735 GMT) Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("10:35 a.m.", "2013-03-19T10:35"), ("Tuesday", "2013-03-19")]
    # a zone's time in an aside is the same time again, and no year
    mentions = tag("Polls closed at 2 p.m. (1800 GMT) on Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("2 p.m.", "2013-03-19T14:00"), ("Tuesday", "2013-03-19")]
    # an aside in parentheses does not count towards the gap between them
    mentions = tag("The truce began at 6 a.m. local time (0400 GMT) on Tuesday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("6 a.m.", "2013-03-19T06:00"), ("Tuesday", "2013-03-19")]


def test_a_time_takes_the_day_of_the_other_end_of_its_range():
    from timeline.extract import tag

    mentions = tag("Polls are open from 7 a.m. to 8 p.m. Sunday.", DCT).mentions
    assert [(m.text, m.value) for m in mentions] == [("7 a.m.", "2013-03-17T07:00"), ("8 p.m. Sunday", "2013-03-17T20:00")]
    mentions = tag("The office is open between 2 p.m. and 4 p.m. on Tuesday.", DCT).mentions
    assert [m.value for m in mentions] == ["2013-03-19T14:00", "2013-03-19T16:00"]
    # two times in a list are no range: the first keeps its own day
    mentions = tag("The blast came at 3 p.m. and the fire at 4 p.m. Sunday.", DCT).mentions
    assert [m.value for m in mentions] == ["2013-03-22T15:00", "2013-03-17T16:00"]


def test_a_zone_makes_the_span_aware():
    import datetime as dt

    from timeline.extract import tag

    (m,) = tag("The blast came at 3 p.m. EST.", DCT).mentions
    assert m.span.start == dt.datetime(2013, 3, 22, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert m.span.tz == "EST"


def test_overnight_is_the_night_before_the_day_told_about():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Shares closed lower Friday after overnight losses in New York, "
                                          "down 4% from the previous Friday.", dt.date(1989, 10, 30)).mentions]
    assert got == [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"), ("the previous Friday", "1989-10-20")]


def test_a_part_of_the_day_alone_is_on_the_day_told_about():
    from timeline.extract import tag

    got = [(m.text, m.value) for m in tag("Tokyo stocks rose on Friday. Dealers placed heavy buy orders in the morning.",
                                          dt.date(1989, 10, 30)).mentions]
    assert got == [("Friday", "1989-10-27"), ("the morning", "1989-10-27TMO")]
